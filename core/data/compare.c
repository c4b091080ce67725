/* compare.c - Erlang term order, equality and hashing.
 *
 * Comparison walks both terms with an explicit work stack of pending pairs
 * instead of C recursion, so neither a long list nor a deeply nested term
 * can exhaust the C stack. Two modes share the walk: the arithmetic order of
 * `<` and `==` (1 == 1.0) and the exact order of `===` and map keys, in
 * which, as in OTP 25, every integer sorts before every float. Map keys are
 * always compared exactly, whatever the mode.
 */
#include "compare.h"

#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "integer.h"
#include "map.h"

enum {
    RANK_NUMBER,
    RANK_ATOM,
    RANK_REF,
    RANK_FUN,
    RANK_PORT,
    RANK_PID,
    RANK_TUPLE,
    RANK_MAP,
    RANK_NIL,
    RANK_LIST,
    RANK_BITSTRING
};

/* Rank by tag, then (for boxed terms) by box type: table lookups, since
 * this runs for every pair compared. */
static const uint8_t rank_of_tag[8] = {
    [TAG_BOXED] = RANK_PORT, [TAG_CONS] = RANK_LIST, [TAG_SMALL] = RANK_NUMBER, [TAG_ATOM] = RANK_ATOM,
    [TAG_PID] = RANK_PID, [TAG_SPECIAL] = RANK_NIL, [TAG_HEADER] = RANK_PORT, [7] = RANK_PORT,
};
static const uint8_t rank_of_box[32] = {
    [BOX_TUPLE] = RANK_TUPLE, [BOX_FLOAT] = RANK_NUMBER, [BOX_BIGPOS] = RANK_NUMBER, [BOX_BIGNEG] = RANK_NUMBER,
    [BOX_BINARY] = RANK_BITSTRING, [BOX_SUBBIN] = RANK_BITSTRING, [BOX_REFBIN] = RANK_BITSTRING, [BOX_MAP] = RANK_MAP, [BOX_FUN] = RANK_FUN,
    [BOX_EXPORT] = RANK_FUN, [BOX_REF] = RANK_REF,
};

static inline int term_rank(Term t)
{
    if (term_tag(t) == TAG_BOXED) return rank_of_box[boxed_type(t)];
    return rank_of_tag[term_tag(t)];
}

static int sign_of(int64_t x) { return (x > 0) - (x < 0); }
static int cmp_u64(uint64_t x, uint64_t y) { return (x > y) - (x < y); }

static int compare_numbers(Term a, Term b, bool exact)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = small_value(a), y = small_value(b);
        return (x > y) - (x < y);
    }
    bool fa = term_is_float(a), fb = term_is_float(b);
    if (fa && fb) {
        double x = float_value(a), y = float_value(b);
        return (x > y) - (x < y);
    }
    if (!fa && !fb) return integer_compare(a, b);
    if (exact) return fa ? 1 : -1;
    return fa ? -integer_compare_double(b, float_value(a)) : integer_compare_double(a, float_value(b));
}

static int compare_atoms(Term a, Term b)
{
    if (a == b) return 0;
    size_t la = atom_length(a), lb = atom_length(b);
    int c = memcmp(atom_text(a), atom_text(b), la < lb ? la : lb);
    if (c) return c < 0 ? -1 : 1;
    return cmp_u64(la, lb);
}

/* Eight bits starting at any bit offset. */
static unsigned byte_at(const uint8_t *bytes, size_t bit)
{
    size_t i = bit >> 3;
    unsigned s = bit & 7;
    if (!s) return bytes[i];
    return ((unsigned)(bytes[i] << s) | (bytes[i + 1] >> (8 - s))) & 0xFF;
}

static int compare_bitstrings(Term a, Term b)
{
    Term *xa = boxed_ptr(a), *xb = boxed_ptr(b);
    if (header_type(xa[0]) == BOX_BINARY && header_type(xb[0]) == BOX_BINARY && xa[1] % 8 == 0 && xb[1] % 8 == 0) {
        size_t na = xa[1] / 8, nb = xb[1] / 8;
        int c = memcmp(xa + 2, xb + 2, na < nb ? na : nb);
        if (c) return c < 0 ? -1 : 1;
        return cmp_u64(na, nb);
    }
    const uint8_t *pa, *pb;
    size_t oa, ob, na, nb;
    bitstring_view(a, &pa, &oa, &na);
    bitstring_view(b, &pb, &ob, &nb);
    size_t n = na < nb ? na : nb, full = n / 8;
    if (oa % 8 == 0 && ob % 8 == 0) {
        int c = memcmp(pa + oa / 8, pb + ob / 8, full);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (size_t i = 0; i < full; i++) {
            unsigned x = byte_at(pa, oa + 8 * i), y = byte_at(pb, ob + 8 * i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    for (size_t i = full * 8; i < n; i++) {
        unsigned x = (pa[(oa + i) >> 3] >> (7 - ((oa + i) & 7))) & 1;
        unsigned y = (pb[(ob + i) >> 3] >> (7 - ((ob + i) & 7))) & 1;
        if (x != y) return x < y ? -1 : 1;
    }
    return cmp_u64(na, nb);
}

typedef struct {
    Term a, b;
    bool exact;
} PendingPair;

typedef struct {
    PendingPair *items;
    size_t count, capacity;
    PendingPair inline_items[32];
} WorkStack;

static void stack_grow(WorkStack *s)
{
    size_t cap = s->capacity * 2;
    if (s->items == s->inline_items) {
        s->items = xmalloc(cap * sizeof *s->items);
        memcpy(s->items, s->inline_items, sizeof s->inline_items);
    } else {
        s->items = xrealloc(s->items, cap * sizeof *s->items);
    }
    s->capacity = cap;
}

static inline void stack_push(WorkStack *s, Term a, Term b, bool exact)
{
    if (a == b) return; /* shared or identical immediates: nothing to do */
    if (s->count == s->capacity) stack_grow(s);
    s->items[s->count++] = (PendingPair){a, b, exact};
}

/* Compares one pair whose parts are not both compound; for two compound
 * terms of the same kind and shape it queues their parts and returns 0. */
static int compare_step(WorkStack *s, Term a, Term b, bool exact)
{
    if (a == b) return 0;
    int ra = term_rank(a), rb = term_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (ra) {
    case RANK_NUMBER: return compare_numbers(a, b, exact);
    case RANK_ATOM: return compare_atoms(a, b);
    case RANK_PID: return cmp_u64(pid_serial(a), pid_serial(b));
    case RANK_NIL: return 0;
    case RANK_REF: return cmp_u64(boxed_ptr(a)[1], boxed_ptr(b)[1]);
    case RANK_BITSTRING: return compare_bitstrings(a, b);
    case RANK_LIST:
        stack_push(s, cons_tail(a), cons_tail(b), exact);
        stack_push(s, cons_head(a), cons_head(b), exact);
        return 0;
    case RANK_TUPLE: {
        size_t na = tuple_size(a), nb = tuple_size(b);
        if (na != nb) return cmp_u64(na, nb);
        for (size_t i = na; i-- > 0;) stack_push(s, tuple_get(a, i), tuple_get(b, i), exact);
        return 0;
    }
    case RANK_MAP: {
        size_t na = map_size(a), nb = map_size(b);
        if (na != nb) return cmp_u64(na, nb);
        if (map_is_flat(a)) {
            const Term *ka = map_keys(a), *kb = map_keys(b), *va = map_values(a), *vb = map_values(b);
            for (size_t i = na; i-- > 0;) stack_push(s, va[i], vb[i], exact);
            for (size_t i = na; i-- > 0;) stack_push(s, ka[i], kb[i], true);
            return 0;
        }
        /* Big maps compare as flat ones would: keys, then values, in key
         * order. Sorting nests one comparison walk per level of big maps
         * used as keys of big maps. */
        Term *ka = xmalloc(4 * na * sizeof *ka), *va = ka + na, *kb = va + na, *vb = kb + na;
        map_sorted_arrays(a, ka, va);
        map_sorted_arrays(b, kb, vb);
        for (size_t i = na; i-- > 0;) stack_push(s, va[i], vb[i], exact);
        for (size_t i = na; i-- > 0;) stack_push(s, ka[i], kb[i], true);
        free(ka);
        return 0;
    }
    case RANK_FUN: {
        BoxType ta = boxed_type(a), tb = boxed_type(b);
        if (ta != tb) return ta == BOX_EXPORT ? -1 : 1;
        Term *oa = boxed_ptr(a), *ob = boxed_ptr(b);
        if (ta == BOX_EXPORT) {
            int c = compare_atoms(oa[1], ob[1]);
            if (!c) c = compare_atoms(oa[2], ob[2]);
            if (!c) c = sign_of(small_value(oa[3]) - small_value(ob[3]));
            return c;
        }
        /* Closures of one fun definition order by their environments. */
        if (oa[1] != ob[1]) return cmp_u64(oa[1], ob[1]);
        size_t na = header_size(oa[0]), nb = header_size(ob[0]);
        if (na != nb) return cmp_u64(na, nb);
        for (size_t i = na; i-- > 1;) stack_push(s, oa[1 + i], ob[1 + i], exact);
        return 0;
    }
    default: return cmp_u64(a, b);
    }
}

static int compare_walk(Term a, Term b, bool exact)
{
    if (a == b) return 0;
    WorkStack s;
    s.items = s.inline_items;
    s.count = 0;
    s.capacity = sizeof s.inline_items / sizeof s.inline_items[0];
    int c = compare_step(&s, a, b, exact);
    while (!c && s.count) {
        PendingPair pp = s.items[--s.count];
        c = compare_step(&s, pp.a, pp.b, pp.exact);
    }
    if (s.items != s.inline_items) free(s.items);
    return c;
}

int term_compare(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = small_value(a), y = small_value(b);
        return (x > y) - (x < y);
    }
    if (term_is_atom(a) && term_is_atom(b)) return compare_atoms(a, b);
    return compare_walk(a, b, false);
}

int term_compare_exact(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = small_value(a), y = small_value(b);
        return (x > y) - (x < y);
    }
    if (term_is_atom(a) && term_is_atom(b)) return compare_atoms(a, b);
    return compare_walk(a, b, true);
}

/* ---- hashing ------------------------------------------------------------------ */

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
}

/* Nesting beyond this depth is not hashed: equal terms stop at the same
 * place, so the hash stays consistent while recursion stays bounded. */
#define HASH_MAX_DEPTH 48

static uint64_t hash_term(uint64_t h, Term t, int depth)
{
    for (;;) {
        if (depth > HASH_MAX_DEPTH) return h;
        switch (term_tag(t)) {
        case TAG_CONS:
            h = mix(h, 0xC0);
            h = hash_term(h, cons_head(t), depth + 1);
            t = cons_tail(t);
            continue;
        case TAG_BOXED: break;
        default: return mix(h, t);
        }
        Term *obj = boxed_ptr(t);
        size_t n = header_size(obj[0]);
        switch (header_type(obj[0])) {
        case BOX_FLOAT: {
            double d = float_value(t);
            if (d == 0) d = 0.0; /* 0.0 === -0.0 in OTP 25 */
            uint64_t bits;
            memcpy(&bits, &d, sizeof bits);
            return mix(mix(h, 0xF1), bits);
        }
        case BOX_BIGPOS:
        case BOX_BIGNEG:
            h = mix(h, obj[0]);
            for (size_t i = 1; i <= n; i++) h = mix(h, obj[i]);
            return h;
        case BOX_BINARY:
        case BOX_SUBBIN:
        case BOX_REFBIN: {
            const uint8_t *bytes;
            size_t off, bits;
            bitstring_view(t, &bytes, &off, &bits);
            h = mix(h, 0xB1 ^ (bits << 8));
            uint64_t acc = 0;
            size_t i = 0;
            for (; i + 8 <= bits; i += 8) {
                acc = (acc << 8) | byte_at(bytes, off + i);
                if ((i & 63) == 56) h = mix(h, acc), acc = 0;
            }
            for (; i < bits; i++) acc = (acc << 1) | ((bytes[(off + i) >> 3] >> (7 - ((off + i) & 7))) & 1);
            return mix(h, acc);
        }
        case BOX_REF: return mix(mix(h, 0xEF), obj[1]);
        case BOX_EXPORT:
            return mix(mix(mix(mix(h, 0xE7), obj[1]), obj[2]), obj[3]);
        case BOX_FUN:
            h = mix(mix(h, 0xF7), obj[1]);
            for (size_t i = 2; i <= n; i++) h = hash_term(h, obj[i], depth + 1);
            return h;
        case BOX_MAP:
            /* A big map's trie is canonical: equal maps hash alike. */
            h = mix(h, 0x3A ^ (obj[1] << 8));
            for (size_t i = 2; i <= n; i++) h = hash_term(h, obj[i], depth + 1);
            return h;
        case BOX_MAPNODE:
            for (size_t i = 1; i <= n; i++) h = hash_term(h, obj[i], depth + 1);
            return h;
        case BOX_TUPLE:
            h = mix(h, 0x70 ^ (n << 8));
            if (!n) return h;
            for (size_t i = 1; i < n; i++) h = hash_term(h, obj[i], depth + 1);
            t = obj[n];
            depth++;
            continue;
        default: return mix(h, t);
        }
    }
}

uint64_t term_hash(Term t) { return hash_term(0x6a09e667f3bcc908ULL, t, 0); }
