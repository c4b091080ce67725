/* binmod.c - the :binary module: searching, splitting and replacing with
 * one or several byte patterns, and byte-level helpers.
 *
 * :binary.compile_pattern/1 returns {:bm, Patterns} where Patterns is the
 * (validated) pattern it was given; every function here accepts that form
 * as well as a plain binary or list of binaries. */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "fatal.h"
#include "integer.h"

void bif_patterns_free(BifPatterns *ps)
{
    free(ps->bytes);
    free(ps->sizes);
    memset(ps, 0, sizeof *ps);
}

static bool patterns_add(BifPatterns *ps, Term t)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(t, &s, &n) || n == 0) return false;
    ps->bytes = xrealloc(ps->bytes, (ps->count + 1) * sizeof *ps->bytes);
    ps->sizes = xrealloc(ps->sizes, (ps->count + 1) * sizeof *ps->sizes);
    ps->bytes[ps->count] = s;
    ps->sizes[ps->count] = n;
    ps->count++;
    return true;
}

bool bif_patterns_read(Term t, BifPatterns *ps)
{
    memset(ps, 0, sizeof *ps);
    if (term_is_tuple(t) && tuple_size(t) == 2 &&
        (tuple_get(t, 0) == atom_from_cstr("bm") || tuple_get(t, 0) == atom_from_cstr("ac")))
        t = tuple_get(t, 1);
    if (term_is_bitstring(t)) return patterns_add(ps, t);
    if (!term_is_cons(t)) return false;
    for (; term_is_cons(t); t = cons_tail(t))
        if (!patterns_add(ps, cons_head(t))) {
            bif_patterns_free(ps);
            return false;
        }
    if (t != TERM_NIL) {
        bif_patterns_free(ps);
        return false;
    }
    return true;
}

bool bif_patterns_find(const BifPatterns *ps, const uint8_t *s, size_t from, size_t to, size_t *pos, size_t *len)
{
    if (ps->count == 1) {
        size_t m = ps->sizes[0];
        if (to < from || to - from < m) return false;
        const uint8_t *hit = memmem(s + from, to - from, ps->bytes[0], m);
        if (!hit) return false;
        *pos = (size_t)(hit - s);
        *len = m;
        return true;
    }
    for (size_t i = from; i < to; i++) {
        size_t best = 0;
        for (size_t k = 0; k < ps->count; k++) {
            size_t m = ps->sizes[k];
            if (m <= to - i && m > best && memcmp(s + i, ps->bytes[k], m) == 0) best = m;
        }
        if (best) {
            *pos = i;
            *len = best;
            return true;
        }
    }
    return false;
}

/* The matched part goes in at each given offset of the replacement;
 * offsets are clamped to [previous offset, rep_n], so they apply in
 * ascending order. */
void bif_replacement_append(ByteBuf *out, const uint8_t *rep, size_t rep_n, const uint8_t *match, size_t len,
                            const TermBuf *insert)
{
    if (!insert) {
        bytebuf_append(out, rep, rep_n);
        return;
    }
    size_t at = 0;
    for (size_t i = 0; i < insert->size; i++) {
        int64_t k64 = small_value(insert->items[i]);
        size_t k = k64 < 0 ? 0 : (size_t)k64 > rep_n ? rep_n : (size_t)k64;
        if (k < at) k = at;
        bytebuf_append(out, rep + at, k - at);
        bytebuf_append(out, match, len);
        at = k;
    }
    bytebuf_append(out, rep + at, rep_n - at);
}

/* Options shared by split, replace, match and matches. */
typedef struct SearchOpts {
    bool global, trim, trim_all;
    size_t scope_start, scope_end;
    TermBuf insert_at; /* replace: offsets for {:insert_replaced, _} */
    bool has_insert;
} SearchOpts;

/* Reads {:scope, {Start, Length}} (Length may be negative). */
static bool scope_read(Term t, size_t size, SearchOpts *o)
{
    if (!term_is_tuple(t) || tuple_size(t) != 2) return false;
    int64_t start, len;
    if (!bif_small_in(tuple_get(t, 0), 0, (int64_t)size, &start)) return false;
    if (!bif_small_in(tuple_get(t, 1), -start, (int64_t)size - start, &len)) return false;
    if (len < 0) {
        start += len;
        len = -len;
    }
    o->scope_start = (size_t)start;
    o->scope_end = (size_t)(start + len);
    return true;
}

/* allowed: bit 1 global, 2 trim/trim_all, 4 insert_replaced. */
static bool search_opts_read(Term list, size_t size, unsigned allowed, SearchOpts *o)
{
    memset(o, 0, sizeof *o);
    o->scope_end = size;
    termbuf_init(&o->insert_at);
    Term l = list;
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term opt = cons_head(l);
        if ((allowed & 1) && opt == atom_from_cstr("global")) {
            o->global = true;
        } else if ((allowed & 2) && opt == atom_from_cstr("trim")) {
            o->trim = true;
        } else if ((allowed & 2) && opt == atom_from_cstr("trim_all")) {
            o->trim_all = true;
        } else if (term_is_tuple(opt) && tuple_size(opt) == 2 && tuple_get(opt, 0) == atom_from_cstr("scope")) {
            if (!scope_read(tuple_get(opt, 1), size, o)) return false;
        } else if ((allowed & 4) && term_is_tuple(opt) && tuple_size(opt) == 2 &&
                   tuple_get(opt, 0) == atom_from_cstr("insert_replaced")) {
            Term where = tuple_get(opt, 1);
            o->has_insert = true;
            o->insert_at.size = 0;
            if (term_is_small(where) && small_value(where) >= 0) {
                termbuf_push(&o->insert_at, where);
            } else {
                size_t n;
                if (!bif_list_length(where, &n)) return false;
                for (; term_is_cons(where); where = cons_tail(where)) {
                    if (!term_is_small(cons_head(where)) || small_value(cons_head(where)) < 0) return false;
                    termbuf_push(&o->insert_at, cons_head(where));
                }
            }
        } else {
            return false;
        }
    }
    return l == TERM_NIL;
}

/* Reads the arguments of split, replace, match and matches: the subject,
 * the patterns, the replacement when `rep` is given (replace) and the
 * options, argument opts_arg (absent when arity is smaller). On failure
 * raises their badarg and returns false with nothing to release;
 * otherwise search_args_free releases them. */
static bool search_args_read(Process *p, const Term *a, int arity, int opts_arg, unsigned allowed,
                             const uint8_t **s, size_t *n, const uint8_t **rep, size_t *rep_n, BifPatterns *ps,
                             SearchOpts *o)
{
    if (!bif_binary(a[0], s, n)) {
        process_badarg_at(p, 1, "not a binary");
        return false;
    }
    if (!bif_patterns_read(a[1], ps)) {
        process_badarg_at(p, 2, "not a valid pattern");
        return false;
    }
    if (rep && !bif_binary(a[2], rep, rep_n)) {
        bif_patterns_free(ps);
        process_badarg_at(p, 3, "not a binary");
        return false;
    }
    if (!search_opts_read(arity == opts_arg ? a[opts_arg - 1] : TERM_NIL, *n, allowed, o)) {
        bif_patterns_free(ps);
        termbuf_free(&o->insert_at);
        process_badarg_at(p, opts_arg, "invalid options");
        return false;
    }
    return true;
}

static void search_args_free(BifPatterns *ps, SearchOpts *o)
{
    bif_patterns_free(ps);
    termbuf_free(&o->insert_at);
}

static Term binary_split(Process *p, const Term *a, int arity)
{
    const uint8_t *s;
    size_t n;
    BifPatterns ps;
    SearchOpts o;
    if (!search_args_read(p, a, arity, 3, 3, &s, &n, NULL, NULL, &ps, &o)) return TERM_NONE;
    TermBuf parts;
    termbuf_init(&parts);
    size_t start = 0, from = o.scope_start, pos, len;
    while (bif_patterns_find(&ps, s, from, o.scope_end, &pos, &len)) {
        termbuf_push(&parts, bitstring_slice(&p->heap, a[0], start * 8, (pos - start) * 8));
        start = from = pos + len;
        if (!o.global) break;
    }
    termbuf_push(&parts, bitstring_slice(&p->heap, a[0], start * 8, (n - start) * 8));
    if (o.trim_all) {
        size_t out = 0;
        for (size_t i = 0; i < parts.size; i++)
            if (bitstring_bit_size(parts.items[i])) parts.items[out++] = parts.items[i];
        parts.size = out;
    } else if (o.trim) {
        while (parts.size && !bitstring_bit_size(parts.items[parts.size - 1])) parts.size--;
    }
    Term r = termbuf_to_list(&parts, &p->heap, TERM_NIL);
    termbuf_free(&parts);
    search_args_free(&ps, &o);
    return r;
}

static Term binary_split2(Process *p, const Term *a) { return binary_split(p, a, 2); }
static Term binary_split3(Process *p, const Term *a) { return binary_split(p, a, 3); }

static Term binary_replace(Process *p, const Term *a, int arity)
{
    const uint8_t *s, *rep;
    size_t n, rep_n;
    BifPatterns ps;
    SearchOpts o;
    if (!search_args_read(p, a, arity, 4, 5, &s, &n, &rep, &rep_n, &ps, &o)) return TERM_NONE;
    ByteBuf out;
    bytebuf_init(&out);
    size_t start = 0, from = o.scope_start, pos, len;
    while (bif_patterns_find(&ps, s, from, o.scope_end, &pos, &len)) {
        bytebuf_append(&out, s + start, pos - start);
        bif_replacement_append(&out, rep, rep_n, s + pos, len, o.has_insert ? &o.insert_at : NULL);
        start = from = pos + len;
        if (!o.global) break;
    }
    bytebuf_append(&out, s + start, n - start);
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    search_args_free(&ps, &o);
    return r;
}

static Term binary_replace3(Process *p, const Term *a) { return binary_replace(p, a, 3); }
static Term binary_replace4(Process *p, const Term *a) { return binary_replace(p, a, 4); }

static Term binary_match(Process *p, const Term *a, int arity, bool all)
{
    const uint8_t *s;
    size_t n;
    BifPatterns ps;
    SearchOpts o;
    if (!search_args_read(p, a, arity, 3, 0, &s, &n, NULL, NULL, &ps, &o)) return TERM_NONE;
    TermBuf found;
    termbuf_init(&found);
    size_t from = o.scope_start, pos, len;
    while (bif_patterns_find(&ps, s, from, o.scope_end, &pos, &len)) {
        termbuf_push(&found, tuple2(&p->heap, small_make((int64_t)pos), small_make((int64_t)len)));
        from = pos + len;
        if (!all) break;
    }
    Term r = all ? termbuf_to_list(&found, &p->heap, TERM_NIL)
             : found.size ? found.items[0]
                          : atom_from_cstr("nomatch");
    termbuf_free(&found);
    search_args_free(&ps, &o);
    return r;
}

static Term binary_match2(Process *p, const Term *a) { return binary_match(p, a, 2, false); }
static Term binary_match3(Process *p, const Term *a) { return binary_match(p, a, 3, false); }
static Term binary_matches2(Process *p, const Term *a) { return binary_match(p, a, 2, true); }
static Term binary_matches3(Process *p, const Term *a) { return binary_match(p, a, 3, true); }

static Term binary_compile_pattern(Process *p, const Term *a)
{
    BifPatterns ps;
    if (!bif_patterns_read(a[0], &ps)) return process_badarg_at(p, 1, "not a valid pattern");
    bif_patterns_free(&ps);
    return tuple2(&p->heap, atom_from_cstr("bm"), a[0]);
}

/* ---- parts and bytes -------------------------------------------------------------- */

static Term part_impl(Process *p, Term bin, Term start_t, Term len_t, int start_arg, int len_arg)
{
    const uint8_t *s;
    size_t n;
    int64_t start, len;
    if (!bif_binary(bin, &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!bif_small_in(start_t, 0, (int64_t)n, &start))
        return process_badarg_at(p, start_arg, term_is_integer(start_t) ? "out of range" : "not an integer");
    if (!bif_small_in(len_t, -start, (int64_t)n - start, &len))
        return process_badarg_at(p, len_arg, term_is_integer(len_t) ? "out of range" : "not an integer");
    if (len < 0) {
        start += len;
        len = -len;
    }
    return bitstring_slice(&p->heap, bin, (size_t)start * 8, (size_t)len * 8);
}

static Term binary_part3(Process *p, const Term *a) { return part_impl(p, a[0], a[1], a[2], 2, 3); }

static Term binary_part2(Process *p, const Term *a)
{
    if (!term_is_tuple(a[1]) || tuple_size(a[1]) != 2) return process_badarg_at(p, 2, "not a valid {Start,Length} tuple");
    return part_impl(p, a[0], tuple_get(a[1], 0), tuple_get(a[1], 1), 2, 2);
}

/* :binary.referenced_byte_size/1: the size of the binary whose bytes a
 * binary shares (its own when it is one by itself). */
static Term binary_referenced_byte_size(Process *p, const Term *a)
{
    if (!term_is_binary(a[0])) return process_badarg_at(p, 1, "not a binary");
    return integer_from_u64(&p->heap, binary_referenced_size(a[0]));
}

static Term binary_first(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!n) return process_badarg_at(p, 1, "a zero-sized binary is not allowed");
    return small_make(s[0]);
}

static Term binary_last(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!n) return process_badarg_at(p, 1, "a zero-sized binary is not allowed");
    return small_make(s[n - 1]);
}

static Term binary_at(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t i;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!term_is_integer(a[1])) return process_badarg_at(p, 2, "not an integer");
    if (!bif_small_in(a[1], 0, SMALL_MAX, &i)) return process_badarg_at(p, 2, "out of range");
    if ((size_t)i >= n) return process_badarg(p);
    return small_make(s[i]);
}

static Term binary_copy(Process *p, const Term *a, int arity)
{
    const uint8_t *s;
    size_t n;
    int64_t times = 1;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (arity == 2) {
        if (!term_is_integer(a[1])) return process_badarg_at(p, 2, "not an integer");
        if (!bif_small_in(a[1], 0, SMALL_MAX, &times)) return process_badarg_at(p, 2, "out of range");
    }
    /* as the BEAM charges it: a reduction per 100 copies or per 2,500
     * bytes, whichever is more (copy("x", 10_000_000): 100,002; of 10 MB:
     * 3,997; of 10 MB 3 times: 11,997) */
    uint64_t per_copy = (uint64_t)times / 100, bytes;
    if (__builtin_mul_overflow((uint64_t)times, (uint64_t)n, &bytes)) bytes = UINT64_MAX; /* system_limit below */
    uint64_t per_byte = bytes / 2500;
    native_charge(per_copy > per_byte ? per_copy : per_byte);
    Term r = binary_repeat(&p->heap, s, n, (uint64_t)times);
    return r == TERM_NONE ? process_raise(p, ATOM_error, ATOM_system_limit) : r;
}

static Term binary_copy1(Process *p, const Term *a) { return binary_copy(p, a, 1); }
static Term binary_copy2(Process *p, const Term *a) { return binary_copy(p, a, 2); }

static Term bytes_list(Heap *h, const uint8_t *s, size_t n)
{
    Term l = TERM_NIL;
    for (size_t i = n; i-- > 0;) l = cons_new(h, small_make(s[i]), l);
    return l;
}

static Term binary_bin_to_list1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    return bytes_list(&p->heap, s, n);
}

static Term bin_to_list_part(Process *p, Term bin, Term start, Term len, int start_arg, int len_arg)
{
    Term part = part_impl(p, bin, start, len, start_arg, len_arg);
    if (part == TERM_NONE) return part;
    const uint8_t *s;
    size_t n;
    bif_binary(part, &s, &n);
    return bytes_list(&p->heap, s, n);
}

static Term binary_bin_to_list2(Process *p, const Term *a)
{
    if (!term_is_tuple(a[1]) || tuple_size(a[1]) != 2) return process_badarg_at(p, 2, "not a valid {Start,Length} tuple");
    return bin_to_list_part(p, a[0], tuple_get(a[1], 0), tuple_get(a[1], 1), 2, 2);
}

static Term binary_bin_to_list3(Process *p, const Term *a) { return bin_to_list_part(p, a[0], a[1], a[2], 2, 3); }

static Term binary_list_to_bin(Process *p, const Term *a)
{
    ByteBuf out;
    bytebuf_init(&out);
    Term r = bif_iodata_append(&out, a[0], false) ? bytebuf_to_binary(&out, &p->heap)
                                                  : process_badarg_at(p, 1, "not an iodata term");
    bytebuf_free(&out);
    return r;
}

static Term decode_unsigned(Process *p, Term bin, bool little)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(bin, &s, &n)) return process_badarg_at(p, 1, "not a binary");
    mpz_t z;
    mpz_init(z);
    if (n) mpz_import(z, n, little ? -1 : 1, 1, 0, 0, s);
    Term r = integer_from_mpz(&p->heap, z);
    mpz_clear(z);
    return r;
}

static bool endian_arg(Term t, bool *little)
{
    if (t == atom_from_cstr("big")) *little = false;
    else if (t == atom_from_cstr("little")) *little = true;
    else return false;
    return true;
}

static Term binary_decode_unsigned1(Process *p, const Term *a) { return decode_unsigned(p, a[0], false); }

static Term binary_decode_unsigned2(Process *p, const Term *a)
{
    bool little;
    if (!endian_arg(a[1], &little)) return process_badarg_at(p, 2, "must be 'big' or 'little'");
    return decode_unsigned(p, a[0], little);
}

static Term encode_unsigned(Process *p, Term value, bool little)
{
    if (!term_is_integer(value)) return process_badarg_at(p, 1, "not an integer");
    mpz_t z;
    mpz_init(z);
    integer_to_mpz(value, z);
    if (mpz_sgn(z) < 0) {
        mpz_clear(z);
        return process_badarg_at(p, 1, "out of range");
    }
    size_t n = mpz_sgn(z) ? (mpz_sizeinbase(z, 2) + 7) / 8 : 1;
    uint8_t *out;
    Term r = binary_alloc(&p->heap, n, &out);
    memset(out, 0, n);
    if (mpz_sgn(z)) mpz_export(out, NULL, little ? -1 : 1, 1, 0, 0, z);
    mpz_clear(z);
    return r;
}

static Term binary_encode_unsigned1(Process *p, const Term *a) { return encode_unsigned(p, a[0], false); }

static Term binary_encode_unsigned2(Process *p, const Term *a)
{
    bool little;
    if (!endian_arg(a[1], &little)) return process_badarg_at(p, 2, "must be 'big' or 'little'");
    return encode_unsigned(p, a[0], little);
}

/* longest_common_prefix/suffix: the list must hold at least one binary. */
static Term common_affix(Process *p, Term list, bool suffix)
{
    const uint8_t *first, *s;
    size_t common, n;
    if (!term_is_cons(list) || !bif_binary(cons_head(list), &first, &common))
        return process_badarg_at(p, 1, "not a flat list of binaries");
    size_t first_n = common;
    Term l = cons_tail(list);
    for (; term_is_cons(l); l = cons_tail(l)) {
        if (!bif_binary(cons_head(l), &s, &n)) return process_badarg_at(p, 1, "not a flat list of binaries");
        size_t k = 0;
        while (k < common && k < n &&
               (suffix ? first[first_n - 1 - k] == s[n - 1 - k] : first[k] == s[k]))
            k++;
        common = k;
    }
    if (l != TERM_NIL) return process_badarg_at(p, 1, "not a flat list of binaries");
    return small_make((int64_t)common);
}

static Term binary_longest_common_prefix(Process *p, const Term *a) { return common_affix(p, a[0], false); }
static Term binary_longest_common_suffix(Process *p, const Term *a) { return common_affix(p, a[0], true); }

const NativeDef bif_binmod_natives[] = {
    {"binary", "split", 2, binary_split2},
    {"binary", "split", 3, binary_split3},
    {"binary", "replace", 3, binary_replace3},
    {"binary", "replace", 4, binary_replace4},
    {"binary", "match", 2, binary_match2},
    {"binary", "match", 3, binary_match3},
    {"binary", "matches", 2, binary_matches2},
    {"binary", "matches", 3, binary_matches3},
    {"binary", "compile_pattern", 1, binary_compile_pattern},
    {"binary", "part", 2, binary_part2},
    {"binary", "referenced_byte_size", 1, binary_referenced_byte_size},
    {"binary", "part", 3, binary_part3},
    {"binary", "first", 1, binary_first},
    {"binary", "last", 1, binary_last},
    {"binary", "at", 2, binary_at},
    {"binary", "copy", 1, binary_copy1},
    {"binary", "copy", 2, binary_copy2},
    {"binary", "bin_to_list", 1, binary_bin_to_list1},
    {"binary", "bin_to_list", 2, binary_bin_to_list2},
    {"binary", "bin_to_list", 3, binary_bin_to_list3},
    {"binary", "list_to_bin", 1, binary_list_to_bin},
    {"binary", "decode_unsigned", 1, binary_decode_unsigned1},
    {"binary", "decode_unsigned", 2, binary_decode_unsigned2},
    {"binary", "encode_unsigned", 1, binary_encode_unsigned1},
    {"binary", "encode_unsigned", 2, binary_encode_unsigned2},
    {"binary", "longest_common_prefix", 1, binary_longest_common_prefix},
    {"binary", "longest_common_suffix", 1, binary_longest_common_suffix},
    {NULL, NULL, 0, NULL},
};
