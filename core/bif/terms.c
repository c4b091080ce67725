/* terms.c - :erlang natives about terms in general: type tests, tuples,
 * list basics (length, hd, tl, ++, --), sizes, raising (error, throw,
 * exit, raise), hashing, unique integers, node/0 and display/1. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "fatal.h"
#include "binary.h"
#include "compare.h"
#include "integer.h"
#include "io.h"
#include "map.h"
#include "module.h"
#include "state.h"

/* ---- type tests ------------------------------------------------------------- */

#define TYPE_TEST(cname, test) \
    static Term cname(Process *p, const Term *a) { (void)p; return atom_from_bool(test(a[0])); }

static bool is_binary_term(Term t) { return term_is_binary(t); }

TYPE_TEST(erl_is_atom, term_is_atom)
TYPE_TEST(erl_is_binary, is_binary_term)
TYPE_TEST(erl_is_bitstring, term_is_bitstring)
TYPE_TEST(erl_is_boolean, term_is_boolean)
TYPE_TEST(erl_is_float, term_is_float)
TYPE_TEST(erl_is_function, term_is_fun)
TYPE_TEST(erl_is_integer, term_is_integer)
TYPE_TEST(erl_is_list, term_is_list)
TYPE_TEST(erl_is_map, term_is_map)
TYPE_TEST(erl_is_number, term_is_number)
TYPE_TEST(erl_is_pid, term_is_pid)
TYPE_TEST(erl_is_reference, term_is_ref)
TYPE_TEST(erl_is_tuple, term_is_tuple)

/* The arity a fun accepts. */
static int64_t fun_arity(Term f)
{
    Term *obj = boxed_ptr(f);
    if (boxed_type(f) == BOX_EXPORT) return small_value(obj[3]);
    const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
    return info->fn->arity;
}

static Term erl_is_function2(Process *p, const Term *a)
{
    if (!term_is_integer(a[1])) return process_badarg_at(p, 2, "not an integer");
    if (!term_is_small(a[1]) || small_value(a[1]) < 0) return process_badarg_at(p, 2, "out of range");
    return atom_from_bool(term_is_fun(a[0]) && fun_arity(a[0]) == small_value(a[1]));
}

static Term erl_is_map_key(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    return atom_from_bool(map_get(a[1], a[0]) != TERM_NONE);
}

/* ---- sizes -------------------------------------------------------------------- */

static Term erl_tuple_size(Process *p, const Term *a)
{
    if (!term_is_tuple(a[0])) return process_badarg_at(p, 1, "not a tuple");
    return small_make((int64_t)tuple_size(a[0]));
}

static Term erl_map_size(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    return small_make((int64_t)map_size(a[0]));
}

static Term erl_byte_size(Process *p, const Term *a)
{
    if (!term_is_bitstring(a[0])) return process_badarg_at(p, 1, "not a bitstring");
    return small_make((int64_t)((bitstring_bit_size(a[0]) + 7) / 8));
}

static Term erl_bit_size(Process *p, const Term *a)
{
    if (!term_is_bitstring(a[0])) return process_badarg_at(p, 1, "not a bitstring");
    return integer_from_u64(&p->heap, bitstring_bit_size(a[0]));
}

/* ---- tuples -------------------------------------------------------------------- */

/* Reads a 1-based tuple index argument; raises with Erlang's texts. */
static bool tuple_index_arg(Process *p, const Term *a, size_t *index)
{
    if (!term_is_integer(a[0])) { process_badarg_at(p, 1, "not an integer"); return false; }
    if (!term_is_tuple(a[1])) { process_badarg_at(p, 2, "not a tuple"); return false; }
    if (!term_is_small(a[0]) || small_value(a[0]) < 1 || (size_t)small_value(a[0]) > tuple_size(a[1])) {
        process_badarg_at(p, 1, "out of range");
        return false;
    }
    *index = (size_t)small_value(a[0]) - 1;
    return true;
}

static Term erl_element(Process *p, const Term *a)
{
    size_t i;
    if (!tuple_index_arg(p, a, &i)) return TERM_NONE;
    return tuple_get(a[1], i);
}

static Term erl_setelement(Process *p, const Term *a)
{
    size_t i;
    if (!tuple_index_arg(p, a, &i)) return TERM_NONE;
    Term copy = tuple_from(&p->heap, tuple_size(a[1]), tuple_elems(a[1]));
    tuple_elems(copy)[i] = a[2];
    return copy;
}

static Term erl_append_element(Process *p, const Term *a)
{
    if (!term_is_tuple(a[0])) return process_badarg_at(p, 1, "not a tuple");
    size_t n = tuple_size(a[0]);
    Term t = tuple_new(&p->heap, n + 1);
    memcpy(tuple_elems(t), tuple_elems(a[0]), n * sizeof(Term));
    tuple_elems(t)[n] = a[1];
    return t;
}

/* Tuples are capped well below the heap's limits so a typo cannot ask
 * for gigabytes. */
#define TUPLE_MAX_ARITY ((int64_t)1 << 24)

static Term erl_make_tuple2(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, TUPLE_MAX_ARITY, &n)) return process_badarg_at(p, 1, "out of range");
    Term t = tuple_new(&p->heap, (size_t)n);
    for (int64_t i = 0; i < n; i++) tuple_elems(t)[i] = a[1];
    return t;
}

static Term erl_make_tuple3(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, TUPLE_MAX_ARITY, &n)) return process_badarg_at(p, 1, "out of range");
    size_t len;
    if (!bif_list_length(a[2], &len)) return process_badarg_at(p, 3, "not a list");
    for (Term l = a[2]; term_is_cons(l); l = cons_tail(l)) {
        Term init = cons_head(l);
        int64_t pos;
        if (!term_is_tuple(init) || tuple_size(init) != 2 || !bif_small_in(tuple_get(init, 0), 1, n, &pos))
            return process_badarg_at(p, 3, "invalid option in list");
    }
    Term t = tuple_new(&p->heap, (size_t)n);
    for (int64_t i = 0; i < n; i++) tuple_elems(t)[i] = a[1];
    for (Term l = a[2]; term_is_cons(l); l = cons_tail(l)) {
        Term init = cons_head(l);
        tuple_elems(t)[small_value(tuple_get(init, 0)) - 1] = tuple_get(init, 1);
    }
    return t;
}

static Term erl_tuple_to_list(Process *p, const Term *a)
{
    if (!term_is_tuple(a[0])) return process_badarg_at(p, 1, "not a tuple");
    native_charge(tuple_size(a[0]) / 8);
    return list_from(&p->heap, tuple_size(a[0]), tuple_elems(a[0]));
}

static Term erl_list_to_tuple(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    Term t = tuple_new(&p->heap, n);
    size_t i = 0;
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l)) tuple_elems(t)[i++] = cons_head(l);
    return t;
}

static Term erl_insert_element(Process *p, const Term *a)
{
    if (!term_is_integer(a[0])) return process_badarg_at(p, 1, "not an integer");
    if (!term_is_tuple(a[1])) return process_badarg_at(p, 2, "not a tuple");
    size_t n = tuple_size(a[1]);
    int64_t index;
    if (!bif_small_in(a[0], 1, (int64_t)n + 1, &index)) return process_badarg_at(p, 1, "out of range");
    Term t = tuple_new(&p->heap, n + 1);
    Term *out = tuple_elems(t);
    const Term *in = tuple_elems(a[1]);
    memcpy(out, in, (size_t)(index - 1) * sizeof(Term));
    out[index - 1] = a[2];
    memcpy(out + index, in + index - 1, (n - (size_t)index + 1) * sizeof(Term));
    return t;
}

static Term erl_delete_element(Process *p, const Term *a)
{
    size_t i;
    if (!tuple_index_arg(p, a, &i)) return TERM_NONE;
    size_t n = tuple_size(a[1]);
    Term t = tuple_new(&p->heap, n - 1);
    memcpy(tuple_elems(t), tuple_elems(a[1]), i * sizeof(Term));
    memcpy(tuple_elems(t) + i, tuple_elems(a[1]) + i + 1, (n - i - 1) * sizeof(Term));
    return t;
}

/* erlang:fun_info/2 for the items Elixir asks about. */
/* The 16 bytes OTP shows as a local fun's new_uniq (an MD5 of the module
 * there); here a deterministic mix of the module's uniq, so that the same
 * program always prints the same bytes. */
static Term fun_new_uniq(Process *p, uint32_t uniq)
{
    uint8_t *bytes;
    Term bin = binary_alloc(&p->heap, 16, &bytes);
    uint64_t x = 0x9e3779b97f4a7c15ull ^ uniq;
    for (int i = 0; i < 16; i++) {
        x ^= x >> 29;
        x *= 0xbf58476d1ce4e5b9ull;
        x ^= x >> 32;
        bytes[i] = (uint8_t)x;
    }
    return bin;
}

/* A fn typed at the shell is one of erl_eval's (compile_expr.c's
 * fun_as_erl_eval): OTP 25's erl_eval:expr/6 makes the fun of arity N as
 * its fun number N + 2. */
static Term erl_eval_fun_name(uint32_t arity)
{
    char name[32];
    snprintf(name, sizeof name, "-expr/6-fun-%u-", arity + 2);
    return atom_from_cstr(name);
}

/* One item of :erlang.fun_info/2 for the fun `f`; false for an unknown item. */
static bool fun_info_item(Process *p, Term f, Term item, Term *value)
{
    Term *obj = boxed_ptr(f);
    bool external = boxed_type(f) == BOX_EXPORT;
    const FunInfo *info = external ? NULL : (const FunInfo *)(uintptr_t)obj[1];
    if (item == atom_from_cstr("arity")) {
        *value = small_make(fun_arity(f));
    } else if (item == atom_from_cstr("module")) {
        *value = external ? obj[1] : info->module;
    } else if (item == atom_from_cstr("name")) {
        *value = external                                      ? obj[2]
                 : info->module == atom_from_cstr("erl_eval")   ? erl_eval_fun_name(info->arity)
                 : info->parent_arity == FUN_PARENT_IS_FUN ? info->parent_name
                                                               : info->fn->name;
    } else if (item == atom_from_cstr("type")) {
        *value = atom_from_cstr(external ? "external" : "local");
    } else if (item == atom_from_cstr("env")) {
        *value = external ? TERM_NIL : list_from(&p->heap, header_size(obj[0]) - 1, obj + 2);
    } else if (item == atom_from_cstr("pid")) {
        *value = external ? atom_from_cstr("undefined") : p->pid;
    } else if (item == atom_from_cstr("index") || item == atom_from_cstr("new_index")) {
        *value = external ? atom_from_cstr("undefined") : small_make(info->index);
    } else if (item == atom_from_cstr("uniq")) {
        *value = external ? atom_from_cstr("undefined") : small_make(info->uniq);
    } else if (item == atom_from_cstr("new_uniq")) {
        *value = external ? atom_from_cstr("undefined") : fun_new_uniq(p, info->uniq);
    } else {
        return false;
    }
    return true;
}

static Term erl_fun_info(Process *p, const Term *a)
{
    Term value;
    if (!term_is_fun(a[0])) return process_badarg_at(p, 1, "not a fun");
    if (!term_is_atom(a[1]) || !fun_info_item(p, a[0], a[1], &value))
        return process_badarg_at(p, 2, "invalid item");
    return tuple2(&p->heap, a[1], value);
}

/* :erlang.fun_info/1: the items OTP lists, in its order. */
static Term erl_fun_info1(Process *p, const Term *a)
{
    static const char *const local[] = {"pid", "module", "new_index", "new_uniq", "index",
                                        "uniq", "name", "arity", "env", "type"};
    static const char *const external[] = {"module", "name", "arity", "env", "type"};
    if (!term_is_fun(a[0])) return process_badarg_at(p, 1, "not a fun");
    bool is_external = boxed_type(a[0]) == BOX_EXPORT;
    const char *const *items = is_external ? external : local;
    size_t n = is_external ? 5 : 10;
    Term pairs[10];
    for (size_t i = 0; i < n; i++) {
        Term item = atom_from_cstr(items[i]), value;
        fun_info_item(p, a[0], item, &value);
        pairs[i] = tuple2(&p->heap, item, value);
    }
    return list_from(&p->heap, n, pairs);
}

/* :erlang.make_fun/3: the external fun &module.name/arity. */
static Term erl_make_fun(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    if (!term_is_atom(a[1])) return process_badarg_at(p, 2, "not an atom");
    if (!term_is_small(a[2]) || small_value(a[2]) < 0 || small_value(a[2]) > 255)
        return process_badarg_at(p, 3, "not a valid arity");
    Term *obj = heap_alloc(&p->heap, 4);
    obj[0] = header_make(BOX_EXPORT, 3);
    obj[1] = a[0];
    obj[2] = a[1];
    obj[3] = a[2];
    return boxed_from_ptr(obj);
}

/* ---- lists ------------------------------------------------------------------ */

static Term erl_length(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    return small_make((int64_t)n);
}

static Term erl_hd(Process *p, const Term *a)
{
    if (!term_is_cons(a[0])) return process_badarg_at(p, 1, "not a nonempty list");
    return cons_head(a[0]);
}

static Term erl_tl(Process *p, const Term *a)
{
    if (!term_is_cons(a[0])) return process_badarg_at(p, 1, "not a nonempty list");
    return cons_tail(a[0]);
}

static Term erl_append(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[0], &n)) return process_badarg(p);
    if (n == 0) return a[1];
    native_charge(n / 4);
    Term *cells = heap_alloc(&p->heap, 2 * n);
    size_t i = 0;
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l), i++) {
        cells[2 * i] = cons_head(l);
        cells[2 * i + 1] = i + 1 < n ? cons_from_ptr(cells + 2 * i + 2) : a[1];
    }
    return cons_from_ptr(cells);
}

/* For `--`: the right-hand elements sorted (exact order), each removable
 * once. */
typedef struct Removal {
    Term *items;
    bool *used;
    size_t n;
} Removal;

static int compare_exact_qsort(const void *x, const void *y)
{
    return term_compare_exact(*(const Term *)x, *(const Term *)y);
}

/* Marks and reports the first unused element equal to t, if any. */
static bool removal_take(Removal *r, Term t)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (term_compare_exact(r->items[mid], t) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < r->n && term_exact_equal(r->items[i], t); i++) {
        if (!r->used[i]) {
            r->used[i] = true;
            return true;
        }
    }
    return false;
}

Term bif_list_subtract(Process *p, Term left, Term right)
{
    size_t nl, nr;
    if (!bif_list_length(left, &nl) || !bif_list_length(right, &nr)) return process_badarg(p);
    if (nr == 0 || nl == 0) return left;
    native_charge((nl + nr) / 4);
    Removal r = {xmalloc(nr * sizeof(Term)), xcalloc(nr, sizeof(bool)), nr};
    size_t i = 0;
    for (Term l = right; term_is_cons(l); l = cons_tail(l)) r.items[i++] = cons_head(l);
    qsort(r.items, nr, sizeof(Term), compare_exact_qsort);
    TermBuf kept;
    termbuf_init(&kept);
    for (Term l = left; term_is_cons(l); l = cons_tail(l))
        if (!removal_take(&r, cons_head(l))) termbuf_push(&kept, cons_head(l));
    Term result = termbuf_to_list(&kept, &p->heap, TERM_NIL);
    termbuf_free(&kept);
    free(r.items);
    free(r.used);
    return result;
}

static Term erl_subtract(Process *p, const Term *a) { return bif_list_subtract(p, a[0], a[1]); }

/* ---- raising ------------------------------------------------------------------ */

static Term erl_error1(Process *p, const Term *a) { return process_raise(p, ATOM_error, a[0]); }
static Term erl_error2(Process *p, const Term *a) { return process_raise(p, ATOM_error, a[0]); }
static Term erl_error3(Process *p, const Term *a) { return process_raise(p, ATOM_error, a[0]); }
static Term erl_throw(Process *p, const Term *a) { return process_raise(p, ATOM_throw, a[0]); }
static Term erl_exit1(Process *p, const Term *a) { return process_raise(p, ATOM_exit, a[0]); }

/* A stacktrace raise/3 accepts: a proper list of {M, F, A, Location} or
 * {Fun, Args, Location} tuples. */
static bool stacktrace_valid(Term st)
{
    size_t n;
    if (!bif_list_length(st, &n)) return false;
    for (; term_is_cons(st); st = cons_tail(st)) {
        Term e = cons_head(st);
        if (!term_is_tuple(e) || (tuple_size(e) != 3 && tuple_size(e) != 4)) return false;
    }
    return true;
}

/* erlang:raise/3 with a bad class or stacktrace returns badarg instead of
 * raising it. */
static Term erl_raise3(Process *p, const Term *a)
{
    Term cls = a[0];
    if ((cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw) || !stacktrace_valid(a[2]))
        return ATOM_badarg;
    process_raise(p, cls, a[1]);
    p->exc_stacktrace = a[2];
    return TERM_NONE;
}

/* ---- hashing --------------------------------------------------------------------
 * phash2 only has to be deterministic and agree for equal terms; it is a
 * structural FNV-style hash that never depends on addresses. */

static uint64_t hash_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h * 0x100000001B3ULL;
}

static uint64_t hash_bytes(uint64_t h, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001B3ULL;
    return h;
}

/* Terms still to hash, in order (the next on top): the hash threads
 * through a pre-order walk, kept on this stack so that a deep term never
 * recurses in C. */
typedef struct HashStack {
    Term *items;
    size_t n, cap;
} HashStack;

static void hash_push(HashStack *s, Term t)
{
    if (s->n == s->cap) {
        size_t grown = s->cap ? s->cap * 2 : 64;
        s->items = xrealloc(s->items, grown * sizeof *s->items);
        s->cap = grown; /* only once the memory is there */
    }
    s->items[s->n++] = t;
}

/* Pushes n terms so that the first is hashed first. */
static void hash_push_all(HashStack *s, const Term *elems, size_t n)
{
    for (size_t i = n; i-- > 0;) hash_push(s, elems[i]);
}

/* Mixes one term's own part into h; its children go on the stack. */
static uint64_t term_phash_step(Term t, uint64_t h, HashStack *s)
{
    switch (term_tag(t)) {
    case TAG_SMALL: return hash_mix(h, (uint64_t)small_value(t) * 31 + 1);
    case TAG_ATOM: return hash_bytes(hash_mix(h, 2), (const uint8_t *)atom_text(t), atom_length(t));
    case TAG_PID: return hash_mix(h, ((uint64_t)pid_serial(t) << 4) | 3);
    case TAG_SPECIAL: return hash_mix(h, 4);
    case TAG_CONS:
        hash_push(s, cons_tail(t));
        hash_push(s, cons_head(t));
        return hash_mix(h, 5);
    default: break;
    }
    Term *obj = boxed_ptr(t);
    size_t n = header_size(obj[0]);
    switch (boxed_type(t)) {
    case BOX_TUPLE:
        hash_push_all(s, obj + 1, n);
        return hash_mix(h, 6 + n);
    case BOX_FLOAT: {
        double d = float_value(t);
        uint64_t bits;
        if (d == 0) d = 0; /* 0.0 and -0.0 are equal terms */
        memcpy(&bits, &d, sizeof bits);
        return hash_mix(h, bits ^ 7);
    }
    case BOX_BIGPOS:
    case BOX_BIGNEG:
        h = hash_mix(h, boxed_type(t));
        return hash_bytes(h, (const uint8_t *)(obj + 1), n * sizeof(Term));
    case BOX_BINARY:
    case BOX_SUBBIN:
    case BOX_REFBIN: {
        size_t bits = bitstring_bit_size(t);
        h = hash_mix(h, 8 + bits);
        for (size_t i = 0; i < bits; i++) h = hash_mix(h, bitstring_bit(t, i));
        return h;
    }
    case BOX_MAP: {
        size_t count = map_size(t);
        Term *keys = xmalloc((2 * count + 1) * sizeof *keys), *values = keys + count;
        map_sorted_arrays(t, keys, values);
        for (size_t i = count; i-- > 0;) {
            hash_push(s, values[i]);
            hash_push(s, keys[i]);
        }
        free(keys);
        return hash_mix(h, 9 + count);
    }
    case BOX_EXPORT:
        hash_push_all(s, obj + 1, 3);
        return hash_mix(h, 10);
    case BOX_FUN: {
        const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
        if (n > 1) hash_push_all(s, obj + 2, n - 1);
        /* The module is an atom: hashed in place, before the free variables. */
        HashStack none = {0};
        h = term_phash_step(info->module, hash_mix(h, 11), &none);
        return hash_mix(h, ((uint64_t)info->index << 32) | info->uniq);
    }
    case BOX_REF: return hash_mix(h, obj[1] * 13 + 12);
    default: return h;
    }
}

/* Charges the work as the BEAM's phash2 does: a reduction per 64 terms
 * (a list of 1M integers is 2M: 31,250; the BEAM 31,247) and per 2,500
 * bytes of bitstrings (10 MB: 4,000; the BEAM 3,997). */
static uint64_t term_phash(Term t, uint64_t h)
{
    HashStack s = {0};
    size_t terms = 0, bits = 0;
    for (;;) {
        terms++;
        if (term_is_bitstring(t)) bits += bitstring_bit_size(t);
        h = term_phash_step(t, h, &s);
        if (!s.n) break;
        t = s.items[--s.n];
    }
    free(s.items);
    native_charge(terms / 64 + bits / 8 / 2500);
    return h;
}

/* Byte-wise hashing of bitstrings above is per bit for simplicity; they
 * are rarely hashed. */
static Term phash_range(Process *p, Term t, uint64_t range)
{
    (void)p;
    uint64_t h = term_phash(t, 0xCBF29CE484222325ULL);
    h ^= h >> 33;
    return small_make((int64_t)(h % range));
}

static Term erl_phash2_1(Process *p, const Term *a) { return phash_range(p, a[0], (uint64_t)1 << 27); }

/* OTP 25's error info names the first argument for a bad range. */
static Term erl_phash2_2(Process *p, const Term *a)
{
    int64_t range;
    if (!term_is_integer(a[1])) return process_badarg_at(p, 1, "not an integer");
    if (integer_compare(a[1], small_make(1)) < 0) return process_badarg_at(p, 1, "out of range");
    if (!bif_small_in(a[1], 1, (int64_t)1 << 32, &range)) return process_badarg(p);
    return phash_range(p, a[0], (uint64_t)range);
}

/* ---- unique integers ------------------------------------------------------- */

/* One counter serves every flavour: what matters is uniqueness and that
 * the same program sees the same numbers on every run. Like the BEAM,
 * plain unique integers start near -2^59 and positive ones near 1. The
 * counter is the active runtime's (rt->unique_counter, state.h). */

static Term erl_unique_integer0(Process *p, const Term *a)
{
    (void)a;
    return integer_from_i64(&p->heap, -((int64_t)1 << 59) + ++rt->unique_counter);
}

static Term erl_unique_integer1(Process *p, const Term *a)
{
    bool positive = false;
    size_t n;
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l)) {
        Term m = cons_head(l);
        if (m == atom_from_cstr("positive")) positive = true;
        else if (m != atom_from_cstr("monotonic")) return process_badarg_at(p, 1, "invalid modifier");
    }
    ++rt->unique_counter;
    return integer_from_i64(&p->heap, positive ? rt->unique_counter : -((int64_t)1 << 59) + rt->unique_counter);
}

static Term erl_node0(Process *p, const Term *a)
{
    (void)p, (void)a;
    return atom_from_cstr("nonode@nohost");
}

static Term erl_node1(Process *p, const Term *a)
{
    if (!term_is_pid(a[0]) && !term_is_ref(a[0])) return process_badarg_at(p, 1, "not a pid, port or reference");
    return atom_from_cstr("nonode@nohost");
}

/* ---- display/1: the emulator's own term printer, Erlang syntax ------------------ */

static bool atom_needs_quotes(Term atom)
{
    const char *s = atom_text(atom);
    size_t n = atom_length(atom);
    if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z')) return true;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@'))
            return true;
    }
    static const char *const reserved[] = {"after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl",
                                           "bsr", "bxor", "case", "catch", "cond", "div", "end", "fun",
                                           "if", "let", "maybe", "not", "of", "or", "orelse", "receive",
                                           "rem", "try", "when", "xor"};
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strlen(reserved[i]) == n && memcmp(reserved[i], s, n) == 0) return true;
    return false;
}

static void display_atom(ByteBuf *out, Term atom)
{
    bool quote = atom_needs_quotes(atom);
    const char *s = atom_text(atom);
    size_t n = atom_length(atom);
    if (quote) bytebuf_push(out, '\'');
    for (size_t i = 0; i < n; i++) {
        if (quote && (s[i] == '\'' || s[i] == '\\')) bytebuf_push(out, '\\');
        bytebuf_push(out, (uint8_t)s[i]);
    }
    if (quote) bytebuf_push(out, '\'');
}

static bool display_printable_list(Term t)
{
    for (; term_is_cons(t); t = cons_tail(t)) {
        Term h = cons_head(t);
        if (!term_is_small(h)) return false;
        int64_t c = small_value(h);
        if (!((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || (c >= 8 && c <= 13) || c == 27)) return false;
    }
    return t == TERM_NIL;
}

static void display_term(ByteBuf *out, Term t);

static void display_printf(ByteBuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void display_printf(ByteBuf *out, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    bytebuf_append(out, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void display_bitstring(ByteBuf *out, Term t)
{
    size_t bits = bitstring_bit_size(t), bytes = bits / 8;
    bool text = bits % 8 == 0 && bytes > 0;
    uint8_t *copy = xmalloc(bytes + 1);
    for (size_t i = 0; i < bytes; i++) {
        unsigned v = 0;
        for (size_t b = 0; b < 8; b++) v = (v << 1) | bitstring_bit(t, i * 8 + b);
        copy[i] = (uint8_t)v;
        if (v < 32 || v > 126) text = false;
    }
    bytebuf_append(out, "<<", 2);
    if (text) {
        bytebuf_push(out, '"');
        for (size_t i = 0; i < bytes; i++) {
            if (copy[i] == '"') bytebuf_push(out, '\\');
            bytebuf_push(out, copy[i]);
        }
        bytebuf_push(out, '"');
    } else {
        for (size_t i = 0; i < bytes; i++) display_printf(out, i ? ",%u" : "%u", copy[i]);
        if (bits % 8) {
            unsigned v = 0;
            for (size_t b = bytes * 8; b < bits; b++) v = (v << 1) | bitstring_bit(t, b);
            display_printf(out, bytes ? ",%u:%zu" : "%u:%zu", v, bits % 8);
        }
    }
    bytebuf_append(out, ">>", 2);
    free(copy);
}

static void display_term(ByteBuf *out, Term t)
{
    switch (term_tag(t)) {
    case TAG_SMALL: display_printf(out, "%" PRId64, small_value(t)); return;
    case TAG_ATOM: display_atom(out, t); return;
    case TAG_PID: display_printf(out, "<0.%u.0>", pid_serial(t)); return;
    case TAG_SPECIAL: bytebuf_append(out, "[]", 2); return;
    case TAG_CONS:
        if (display_printable_list(t)) {
            bytebuf_push(out, '"');
            for (; term_is_cons(t); t = cons_tail(t)) {
                int64_t c = small_value(cons_head(t));
                if (c == '\n') bytebuf_append(out, "\\n", 2);
                else if (c == '"') bytebuf_append(out, "\\\"", 2);
                else bytebuf_push(out, (uint8_t)c);
            }
            bytebuf_push(out, '"');
            return;
        }
        bytebuf_push(out, '[');
        for (bool first = true; term_is_cons(t); t = cons_tail(t), first = false) {
            if (!first) bytebuf_push(out, ',');
            display_term(out, cons_head(t));
        }
        if (t != TERM_NIL) {
            bytebuf_push(out, '|');
            display_term(out, t);
        }
        bytebuf_push(out, ']');
        return;
    default: break;
    }
    Term *obj = boxed_ptr(t);
    switch (boxed_type(t)) {
    case BOX_TUPLE:
        bytebuf_push(out, '{');
        for (size_t i = 0; i < tuple_size(t); i++) {
            if (i) bytebuf_push(out, ',');
            display_term(out, tuple_get(t, i));
        }
        bytebuf_push(out, '}');
        return;
    case BOX_FLOAT: display_printf(out, "%e", float_value(t)); return;
    case BOX_BIGPOS:
    case BOX_BIGNEG: {
        char *s = integer_to_cstring(t, 10);
        bytebuf_append(out, s, strlen(s));
        free(s);
        return;
    }
    case BOX_BINARY:
    case BOX_SUBBIN:
    case BOX_REFBIN: display_bitstring(out, t); return;
    case BOX_MAP: {
        size_t n = map_size(t);
        Term *keys = xmalloc((2 * n + 1) * sizeof *keys), *values = keys + n;
        map_sorted_arrays(t, keys, values);
        bytebuf_append(out, "#{", 2);
        for (size_t i = 0; i < n; i++) {
            if (i) bytebuf_push(out, ',');
            display_term(out, keys[i]);
            bytebuf_append(out, "=>", 2);
            display_term(out, values[i]);
        }
        bytebuf_push(out, '}');
        free(keys);
        return;
    }
    case BOX_EXPORT:
        bytebuf_append(out, "fun ", 4);
        display_atom(out, obj[1]);
        bytebuf_push(out, ':');
        display_atom(out, obj[2]);
        display_printf(out, "/%" PRId64, small_value(obj[3]));
        return;
    case BOX_FUN: {
        const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
        bytebuf_append(out, "#Fun<", 5);
        bytebuf_append(out, atom_text(info->module), atom_length(info->module));
        display_printf(out, ".%u.%u>", info->index, info->uniq);
        return;
    }
    case BOX_REF: display_printf(out, "#Ref<0.0.0.%" PRIu64 ">", (uint64_t)obj[1]); return;
    default: bytebuf_append(out, "<?>", 3); return;
    }
}

static Term erl_display(Process *p, const Term *a)
{
    (void)p;
    ByteBuf out;
    bytebuf_init(&out);
    display_term(&out, a[0]);
    bytebuf_push(&out, '\n');
    io_write(1, (const char *)out.data, out.size);
    bytebuf_free(&out);
    return ATOM_true;
}

const NativeDef bif_terms_natives[] = {
    {"erlang", "is_atom", 1, erl_is_atom},
    {"erlang", "is_binary", 1, erl_is_binary},
    {"erlang", "is_bitstring", 1, erl_is_bitstring},
    {"erlang", "is_boolean", 1, erl_is_boolean},
    {"erlang", "is_float", 1, erl_is_float},
    {"erlang", "is_function", 1, erl_is_function},
    {"erlang", "is_function", 2, erl_is_function2},
    {"erlang", "is_integer", 1, erl_is_integer},
    {"erlang", "is_list", 1, erl_is_list},
    {"erlang", "is_map", 1, erl_is_map},
    {"erlang", "is_map_key", 2, erl_is_map_key},
    {"erlang", "is_number", 1, erl_is_number},
    {"erlang", "is_pid", 1, erl_is_pid},
    {"erlang", "is_reference", 1, erl_is_reference},
    {"erlang", "is_tuple", 1, erl_is_tuple},
    {"erlang", "tuple_size", 1, erl_tuple_size},
    {"erlang", "size", 1, erl_tuple_size},
    {"erlang", "map_size", 1, erl_map_size},
    {"erlang", "byte_size", 1, erl_byte_size},
    {"erlang", "bit_size", 1, erl_bit_size},
    {"erlang", "element", 2, erl_element},
    {"erlang", "setelement", 3, erl_setelement},
    {"erlang", "append_element", 2, erl_append_element},
    {"erlang", "insert_element", 3, erl_insert_element},
    {"erlang", "delete_element", 2, erl_delete_element},
    {"erlang", "fun_info", 1, erl_fun_info1},
    {"erlang", "fun_info", 2, erl_fun_info},
    {"erlang", "make_fun", 3, erl_make_fun},
    {"erlang", "make_tuple", 2, erl_make_tuple2},
    {"erlang", "make_tuple", 3, erl_make_tuple3},
    {"erlang", "tuple_to_list", 1, erl_tuple_to_list},
    {"erlang", "list_to_tuple", 1, erl_list_to_tuple},
    {"erlang", "length", 1, erl_length},
    {"erlang", "hd", 1, erl_hd},
    {"erlang", "tl", 1, erl_tl},
    {"erlang", "++", 2, erl_append},
    {"erlang", "--", 2, erl_subtract},
    {"erlang", "error", 1, erl_error1},
    {"erlang", "error", 2, erl_error2},
    {"erlang", "error", 3, erl_error3},
    {"erlang", "throw", 1, erl_throw},
    {"erlang", "exit", 1, erl_exit1},
    {"erlang", "raise", 3, erl_raise3},
    {"erlang", "phash2", 1, erl_phash2_1},
    {"erlang", "phash2", 2, erl_phash2_2},
    {"erlang", "unique_integer", 0, erl_unique_integer0},
    {"erlang", "unique_integer", 1, erl_unique_integer1},
    {"erlang", "node", 0, erl_node0},
    {"erlang", "node", 1, erl_node1},
    {"erlang", "display", 1, erl_display},
    {NULL, NULL, 0, NULL},
};
