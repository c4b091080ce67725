/* map_order.c - OTP 25's hash of map keys, and the trie order it implies.
 *
 * The hash is Bob Jenkins' 32-bit mixing (lookup2) applied to the VM's own
 * words: an immediate term (small integer, atom, [] and pid) is mixed as
 * its 64-bit tagged word, so this file reconstructs those words; boxed and
 * list terms are walked in the VM's order with a small type constant mixed
 * in at each step. The walk keeps its own stack, so deep terms do not
 * recurse on the C stack (only a big map used as a key inside a key does,
 * once per level of such nesting).
 *
 * The trie reads the hash four bits at a time from the low end, children
 * in ascending order of those four bits, so a depth-first walk visits the
 * keys in ascending order of the hash with its nibbles reversed. When all
 * 32 bits of two keys agree, OTP rehashes them with a salt derived from
 * the depth and carries on.
 */
#include "map_order.h"

#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "compare.h"
#include "fatal.h"
#include "map.h"
#include "state.h"

/* ---- Jenkins mixing ------------------------------------------------------ */

#define GOLDEN 0x9e3779b9u
/* The VM's per-type constants are multiples of the golden ratio constant,
 * so that every kind of term perturbs the state differently. */
#define TYPE_CONST(n) ((uint32_t)(GOLDEN * (uint32_t)(n)))

/* OTP seeds its internal hash with a fixed prime so that it differs from
 * erlang:phash2 over the same terms. */
#define INTERNAL_SEED 3432918353u

static inline void jenkins_mix(uint32_t *pa, uint32_t *pb, uint32_t *pc)
{
    uint32_t a = *pa, b = *pb, c = *pc;
    a -= b; a -= c; a ^= c >> 13;
    b -= c; b -= a; b ^= a << 8;
    c -= a; c -= b; c ^= b >> 13;
    a -= b; a -= c; a ^= c >> 12;
    b -= c; b -= a; b ^= a << 16;
    c -= a; c -= b; c ^= b >> 5;
    a -= b; a -= c; a ^= c >> 3;
    b -= c; b -= a; b ^= a << 10;
    c -= a; c -= b; c ^= b >> 15;
    *pa = a;
    *pb = b;
    *pc = c;
}

/* Folds two 32-bit words, each offset by a type constant, into the state. */
static inline uint32_t mix_words(uint32_t state, uint32_t x, uint32_t y, uint32_t k)
{
    uint32_t a = k + x, b = k + y;
    jenkins_mix(&a, &b, &state);
    return state;
}

static inline uint32_t mix_word64(uint32_t state, uint64_t w, uint32_t k)
{
    return mix_words(state, (uint32_t)w, (uint32_t)(w >> 32), k);
}

/* A cheap rotation the VM uses to mark list structure (head, tail). */
static inline uint32_t mix_marker(uint32_t state, uint32_t k)
{
    state ^= k;
    return (state << 17) ^ (state >> 15);
}

/* Jenkins' lookup2 over a byte block, seeded with `seed`. */
static uint32_t mix_bytes(const uint8_t *k, size_t length, uint32_t seed)
{
    uint32_t a = GOLDEN, b = GOLDEN, c = seed;
    size_t len = length;
    while (len >= 12) {
        a += k[0] + ((uint32_t)k[1] << 8) + ((uint32_t)k[2] << 16) + ((uint32_t)k[3] << 24);
        b += k[4] + ((uint32_t)k[5] << 8) + ((uint32_t)k[6] << 16) + ((uint32_t)k[7] << 24);
        c += k[8] + ((uint32_t)k[9] << 8) + ((uint32_t)k[10] << 16) + ((uint32_t)k[11] << 24);
        jenkins_mix(&a, &b, &c);
        k += 12;
        len -= 12;
    }
    /* The low byte of c carries the length, so the tail skips it. */
    c += (uint32_t)length;
    switch (len) {
    case 11: c += (uint32_t)k[10] << 24; /* fall through */
    case 10: c += (uint32_t)k[9] << 16;  /* fall through */
    case 9: c += (uint32_t)k[8] << 8;    /* fall through */
    case 8: b += (uint32_t)k[7] << 24;   /* fall through */
    case 7: b += (uint32_t)k[6] << 16;   /* fall through */
    case 6: b += (uint32_t)k[5] << 8;    /* fall through */
    case 5: b += k[4];                   /* fall through */
    case 4: a += (uint32_t)k[3] << 24;   /* fall through */
    case 3: a += (uint32_t)k[2] << 16;   /* fall through */
    case 2: a += (uint32_t)k[1] << 8;    /* fall through */
    case 1: a += k[0];                   /* fall through */
    default: break;
    }
    jenkins_mix(&a, &b, &c);
    return c;
}

/* ---- the VM's words for immediates ----------------------------------------
 * On a 64-bit BEAM a small integer is value << 4 | 0xF and holds 60 bits
 * (genlab's hold 61, so its top range is a one-digit bignum for OTP); an
 * atom is its table slot << 6 | 0xB; and [] is the bare tag 0x3B. Each of
 * these was confirmed against OTP 25's orders (see test_map_order.c). */

#define BEAM_SMALL_MIN (-((int64_t)1 << 59))
#define BEAM_SMALL_MAX (((int64_t)1 << 59) - 1)
#define BEAM_NIL_WORD 0x3Bu

/* The numbering is the active runtime's (state.h): NULL is the atom index. */
void map_order_set_atom_numbering(MapOrderAtomNumbering fn) { rt->map_atom_numbering = fn; }

static inline uint64_t beam_atom_word(Term atom)
{
    uint64_t n = rt->map_atom_numbering ? rt->map_atom_numbering(atom) : atom_index(atom);
    return (n << 6) | 0xB;
}

/* A local pid is its data << 4 | 0x3, but OTP 25's data is not a simple
 * function of the N in #PID<0.N.0> (no shift of N reproduces its orders),
 * so genlab's serial stands in: deterministic, not OTP's order. */
static inline uint64_t beam_pid_word(Term pid) { return ((uint64_t)pid_serial(pid) << 4) | 0x3; }

/* ---- the walk ---------------------------------------------------------------- */

typedef enum {
    WORK_TERM,    /* hash term a */
    WORK_CDR,     /* the marker OTP mixes before an improper tail */
    WORK_NODE     /* the trie node a of a big map */
} WorkKind;

typedef struct Work {
    WorkKind kind;
    Term a;
} Work;

typedef struct Walk {
    uint32_t state;
    Work *stack;
    size_t depth, capacity;
    Work inline_stack[32];
} Walk;

static void walk_push(Walk *w, Work item)
{
    if (w->depth == w->capacity) {
        size_t cap = w->capacity * 2;
        Work *grown = xmalloc(cap * sizeof *grown);
        memcpy(grown, w->stack, w->depth * sizeof *grown);
        if (w->stack != w->inline_stack) free(w->stack);
        w->stack = grown;
        w->capacity = cap;
    }
    w->stack[w->depth++] = item;
}

static inline void push_term(Walk *w, Term t) { walk_push(w, (Work){.kind = WORK_TERM, .a = t}); }

/* Pushes the children of a big map's node (or head) in ascending slot
 * order so that they come off the stack descending, as OTP hashes them.
 * A leaf [key | value] is handed over in halves, key first. The trie's
 * shape is OTP's (map.c): every node is a bitmap node, and only the root
 * may be an array in OTP, which hashes the same way. */
static void walk_node(Walk *w, Term node)
{
    size_t count;
    const Term *children = map_node_children(node, &count);
    for (size_t c = 0; c < count; c++) {
        Term child = children[c];
        if (term_is_cons(child)) {
            push_term(w, cons_tail(child));
            push_term(w, cons_head(child));
        } else {
            walk_push(w, (Work){.kind = WORK_NODE, .a = child});
        }
    }
}

static void walk_big_map(Walk *w, Term m)
{
    w->state = mix_words(w->state, (uint32_t)map_size(m), 0, TYPE_CONST(16));
    walk_node(w, m);
}

static inline bool is_byte_term(Term t)
{
    return term_is_small(t) && small_value(t) >= 0 && small_value(t) <= 255;
}

/* Hashes a list cell (head, tail). Runs of byte-sized integers are packed
 * four to a word; the first other head is hashed next, with the rest of
 * the list pushed. Returns the term to hash next, or TERM_NONE. */
static Term walk_list(Walk *w, Term head, Term tail)
{
    uint32_t packed = 0;
    unsigned count = 0;
    while (is_byte_term(head)) {
        packed = (packed << 8) + (uint32_t)small_value(head);
        if (count == 3) {
            w->state = mix_words(w->state, packed, 0, TYPE_CONST(4));
            packed = 0;
            count = 0;
        } else {
            count++;
        }
        if (!term_is_cons(tail)) {
            if (count > 0) w->state = mix_words(w->state, packed, count, TYPE_CONST(22));
            return tail;
        }
        head = cons_head(tail);
        tail = cons_tail(tail);
    }
    if (count > 0) w->state = mix_words(w->state, packed, count, TYPE_CONST(22));
    w->state = mix_marker(w->state, TYPE_CONST(17));
    push_term(w, tail);
    if (!term_is_cons(tail)) walk_push(w, (Work){.kind = WORK_CDR});
    return head;
}

static void walk_bits(Walk *w, Term t)
{
    const uint8_t *bytes;
    size_t offset, bits;
    bitstring_view(t, &bytes, &offset, &bits);
    uint32_t seed = TYPE_CONST(13) + w->state;
    size_t whole = bits / 8, rest = bits % 8;
    if (whole == 0 && rest == 0) {
        w->state = seed;
        return;
    }
    uint8_t small_buf[64];
    uint8_t *copy = NULL;
    const uint8_t *p = bytes + offset / 8;
    if (offset % 8 != 0) {
        /* Unaligned content is realigned first, as the VM does. */
        size_t need = whole + (rest != 0);
        copy = need <= sizeof small_buf ? small_buf : xmalloc(need);
        unsigned shift = offset % 8;
        for (size_t i = 0; i < need; i++) {
            unsigned hi = (unsigned)p[i] << shift;
            unsigned lo = (i + 1) * 8 < bits + shift ? (unsigned)p[i + 1] >> (8 - shift) : 0;
            copy[i] = (uint8_t)(hi | lo);
        }
        p = copy;
    }
    w->state = mix_bytes(p, whole, seed);
    if (rest > 0) w->state = mix_words(w->state, (uint32_t)rest, (uint32_t)(p[whole] >> (8 - rest)), TYPE_CONST(15));
    if (copy && copy != small_buf) free(copy);
}

/* Integer magnitude digits (64-bit, least significant first) under a
 * sign constant. */
static void walk_digits(Walk *w, const uint64_t *digits, size_t n, bool negative)
{
    uint32_t k = negative ? TYPE_CONST(10) : TYPE_CONST(11);
    for (size_t i = 0; i < n; i++) w->state = mix_word64(w->state, digits[i], k);
}

/* Hashes t; compound terms push their remaining parts. Returns the next
 * term to hash at once, or TERM_NONE to pop. */
static Term walk_term(Walk *w, Term t)
{
    switch (term_tag(t)) {
    case TAG_SMALL: {
        int64_t v = small_value(t);
        if (v >= BEAM_SMALL_MIN && v <= BEAM_SMALL_MAX) {
            w->state = mix_word64(w->state, ((uint64_t)v << 4) | 0xF, GOLDEN);
        } else {
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            walk_digits(w, &mag, 1, v < 0);
        }
        return TERM_NONE;
    }
    case TAG_ATOM:
        w->state = mix_word64(w->state, beam_atom_word(t), GOLDEN);
        return TERM_NONE;
    case TAG_PID:
        w->state = mix_word64(w->state, beam_pid_word(t), GOLDEN);
        return TERM_NONE;
    case TAG_SPECIAL:
        w->state = mix_word64(w->state, BEAM_NIL_WORD, GOLDEN);
        return TERM_NONE;
    case TAG_CONS:
        return walk_list(w, cons_head(t), cons_tail(t));
    default:
        break;
    }
    if (!term_is_boxed(t)) return TERM_NONE;
    Term *p = boxed_ptr(t);
    size_t size = header_size(p[0]);
    switch (header_type(p[0])) {
    case BOX_TUPLE:
        w->state = mix_words(w->state, (uint32_t)size, 0, TYPE_CONST(9));
        if (size == 0) return TERM_NONE;
        for (size_t i = size; i-- > 1;) push_term(w, p[1 + i]);
        return p[1];
    case BOX_FLOAT: {
        double d = float_value(t);
        if (d == 0.0) d = 0.0; /* -0.0 hashes as 0.0: they are equal keys */
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        w->state = mix_word64(w->state, bits, TYPE_CONST(12));
        return TERM_NONE;
    }
    case BOX_BIGPOS:
    case BOX_BIGNEG: {
        walk_digits(w, (const uint64_t *)(p + 1), size, header_type(p[0]) == BOX_BIGNEG);
        return TERM_NONE;
    }
    case BOX_BINARY:
    case BOX_SUBBIN:
    case BOX_REFBIN:
        walk_bits(w, t);
        return TERM_NONE;
    case BOX_MAP: {
        size_t n = map_size(t);
        if (n > MAP_ORDER_FLAT_MAX) {
            walk_big_map(w, t);
            return TERM_NONE;
        }
        w->state = mix_words(w->state, (uint32_t)n, 0, TYPE_CONST(16));
        const Term *keys = map_keys(t), *values = map_values(t);
        for (size_t i = n; i-- > 0;) {
            push_term(w, values[i]);
            push_term(w, keys[i]);
        }
        return TERM_NONE;
    }
    case BOX_FUN: {
        /* OTP mixes the fun's module, index and unique number, then its
         * environment; genlab's FunInfo has the same fields, though not
         * OTP's values for them. */
        const FunInfo *info = (const FunInfo *)(uintptr_t)p[1];
        uint32_t free_count = (uint32_t)(size - 1);
        w->state = mix_words(w->state, free_count, (uint32_t)beam_atom_word(info->module), TYPE_CONST(20));
        w->state = mix_words(w->state, info->index, info->uniq, TYPE_CONST(21));
        if (free_count == 0) return TERM_NONE;
        for (size_t i = free_count; i-- > 1;) push_term(w, p[2 + i]);
        return p[2];
    }
    case BOX_EXPORT:
        /* OTP hashes the export entry's address; any stable mix will do. */
        w->state = mix_words(w->state, (uint32_t)beam_atom_word(p[1]), (uint32_t)beam_atom_word(p[2]),
                             TYPE_CONST(14));
        w->state = mix_word64(w->state, p[3], TYPE_CONST(14));
        return TERM_NONE;
    case BOX_REF: {
        uint64_t id = p[1];
        w->state = mix_words(w->state, (uint32_t)(id & 0x3ffff), 0, TYPE_CONST(7));
        w->state = mix_words(w->state, (uint32_t)(id >> 18), (uint32_t)(id >> 50), TYPE_CONST(8));
        return TERM_NONE;
    }
    default:
        return TERM_NONE;
    }
}

uint32_t map_order_hash(Term t, uint32_t salt)
{
    /* An integer key, the commonest, mixed here without a walk */
    if (term_is_small(t) && small_value(t) >= BEAM_SMALL_MIN && small_value(t) <= BEAM_SMALL_MAX)
        return mix_word64(salt ^ INTERNAL_SEED, ((uint64_t)small_value(t) << 4) | 0xF, GOLDEN);
    Walk w;
    w.state = salt ^ INTERNAL_SEED;
    /* Most keys are one word or one binary: no stack needed. */
    if (term_tag(t) != TAG_CONS && !term_is_boxed(t)) {
        walk_term(&w, t);
        return w.state;
    }
    if (term_is_bitstring(t)) {
        walk_bits(&w, t);
        return w.state;
    }
    w.stack = w.inline_stack;
    w.depth = 0;
    w.capacity = sizeof w.inline_stack / sizeof w.inline_stack[0];
    Term next = t;
    for (;;) {
        while (next != TERM_NONE) next = walk_term(&w, next);
        if (w.depth == 0) break;
        Work item = w.stack[--w.depth];
        switch (item.kind) {
        case WORK_TERM:
            next = item.a;
            break;
        case WORK_CDR:
            w.state = mix_marker(w.state, TYPE_CONST(18));
            break;
        case WORK_NODE:
            walk_node(&w, item.a);
            break;
        }
    }
    if (w.stack != w.inline_stack) free(w.stack);
    return w.state;
}

uint32_t map_order_key_hash(Term key, unsigned depth)
{
    uint32_t salt = 0;
    if (depth > 0) salt = mix_words(0, depth, 1, TYPE_CONST(22));
    return map_order_hash(key, salt);
}

/* ---- ordering ------------------------------------------------------------------ */

/* The hash with its nibbles reversed: comparing these as numbers compares
 * trie paths, the lowest nibble deciding first. */
static inline uint32_t nibbles_reversed(uint32_t h)
{
    h = __builtin_bswap32(h);
    return ((h & 0x0f0f0f0fu) << 4) | ((h >> 4) & 0x0f0f0f0fu);
}

/* Orders idx[0, n) of keys whose hashes agree below `depth` by the hash at
 * `depth`, and so on down while they still collide. */
static void sort_colliding(const Term *keys, size_t *idx, size_t n, unsigned depth)
{
    uint32_t stack_paths[16];
    uint32_t *paths = n <= 16 ? stack_paths : xmalloc(n * sizeof *paths);
    for (size_t i = 0; i < n; i++) paths[i] = nibbles_reversed(map_order_key_hash(keys[idx[i]], depth));
    for (size_t i = 1; i < n; i++) {
        size_t x = idx[i], j = i;
        uint32_t px = paths[i];
        while (j > 0 && paths[j - 1] > px) {
            paths[j] = paths[j - 1];
            idx[j] = idx[j - 1];
            j--;
        }
        paths[j] = px;
        idx[j] = x;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && paths[j] == paths[i]) j++;
        if (j - i > 1) {
            /* Distinct keys part at some depth; genlab's stand-in hashes for
             * pids, references and funs might never, so a bound keeps the
             * order total (term order among the stragglers). */
            if (depth < 16) {
                sort_colliding(keys, idx + i, j - i, depth + 1);
            } else {
                for (size_t a = i + 1; a < j; a++)
                    for (size_t b = a; b > i && term_compare_exact(keys[idx[b - 1]], keys[idx[b]]) > 0; b--) {
                        size_t t = idx[b];
                        idx[b] = idx[b - 1];
                        idx[b - 1] = t;
                    }
            }
        }
        i = j;
    }
    if (paths != stack_paths) free(paths);
}

size_t map_order_sort_unique(const Term *keys, size_t n, size_t *order, uint32_t *hash0)
{
    uint64_t stack_a[128], stack_b[128];
    uint64_t *a = n <= 128 ? stack_a : xmalloc(n * sizeof *a);
    uint64_t *b = n <= 128 ? stack_b : xmalloc(n * sizeof *b);
    for (size_t i = 0; i < n; i++) {
        hash0[i] = map_order_key_hash(keys[i], 0);
        a[i] = ((uint64_t)nibbles_reversed(hash0[i]) << 32) | i;
    }
    if (n <= 64) {
        /* Few keys: an insertion sort beats clearing the radix counters. */
        for (size_t i = 1; i < n; i++) {
            uint64_t x = a[i];
            size_t j = i;
            while (j > 0 && a[j - 1] > x) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }
    /* The radix passes are stable, so equal paths stay in input order. */
    for (unsigned shift = 32; n > 64 && shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++) count[((a[i] >> shift) & 0xff) + 1]++;
        for (unsigned d = 0; d < 256; d++) count[d + 1] += count[d];
        for (size_t i = 0; i < n; i++) b[count[(a[i] >> shift) & 0xff]++] = a[i];
        uint64_t *t = a;
        a = b;
        b = t;
    }
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && (a[j] >> 32) == (a[i] >> 32)) j++;
        size_t *run = order + out;
        for (size_t k = i; k < j; k++) run[k - i] = (size_t)(uint32_t)a[k];
        size_t g = j - i;
        if (g > 1) {
            /* Equal keys have equal hashes: among the run, in term order
             * (stable, so input order among equals), the last of each wins;
             * distinct keys are then parted by deeper hashes. */
            map_sort_by_key(run, g, keys);
            size_t u = 0;
            for (size_t k = 0; k < g; k++) {
                if (k + 1 < g && term_compare_exact(keys[run[k]], keys[run[k + 1]]) == 0) continue;
                run[u++] = run[k];
            }
            g = u;
            if (g > 1) sort_colliding(keys, run, g, 1);
        }
        out += g;
        i = j;
    }
    /* Four passes swap the buffers an even number of times. */
    if (a != stack_a && a != stack_b) free(a);
    if (b != stack_a && b != stack_b) free(b);
    return out;
}

void map_listing_arrays(Term m, Term *keys, Term *values)
{
    size_t n = map_size(m);
    if (map_order_is_sorted(n)) {
        map_to_arrays(m, keys, values);
        return;
    }
    /* :maps.to_list conses while it walks the trie, so it lists backwards. */
    MapIter it;
    Term k, v;
    size_t i = n;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        i--;
        if (keys) keys[i] = k;
        if (values) values[i] = v;
    }
}
