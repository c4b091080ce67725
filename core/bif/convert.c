/* convert.c - :erlang conversions between atoms, integers, floats, lists
 * and binaries, plus the binary natives of the erlang module
 * (binary_to_list, iolist_to_binary, binary_part, split_binary, ...). */
#include <errno.h>
#include <gmp.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "fatal.h"
#include "binary.h"
#include "inspect.h"
#include "integer.h"

/* Atoms hold at most 255 characters, as in the BEAM. */
#define ATOM_MAX_CHARS 255

static Term system_limit(Process *p) { return process_raise(p, ATOM_error, ATOM_system_limit); }

/* Code points of valid UTF-8 text. */
static size_t utf8_count(const uint8_t *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += (s[i] & 0xC0) != 0x80;
    return count;
}

/* Decodes one code point of valid UTF-8 at s[*i], advancing *i. */
static uint32_t utf8_next(const uint8_t *s, size_t *i)
{
    uint32_t c = s[(*i)++];
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    c &= 0x3F >> extra;
    while (extra--) c = (c << 6) | (s[(*i)++] & 0x3F);
    return c;
}

/* A list of the code points of valid UTF-8 text. */
static Term utf8_to_charlist(Heap *h, const uint8_t *s, size_t n)
{
    size_t count = utf8_count(s, n);
    if (!count) return TERM_NIL;
    Term *cells = heap_alloc(h, 2 * count);
    size_t i = 0, k = 0;
    while (i < n) {
        cells[2 * k] = small_make(utf8_next(s, &i));
        cells[2 * k + 1] = k + 1 < count ? cons_from_ptr(cells + 2 * k + 2) : TERM_NIL;
        k++;
    }
    return cons_from_ptr(cells);
}

static Term bytes_to_list(Heap *h, const uint8_t *s, size_t n)
{
    if (!n) return TERM_NIL;
    Term *cells = heap_alloc(h, 2 * n);
    for (size_t i = 0; i < n; i++) {
        cells[2 * i] = small_make(s[i]);
        cells[2 * i + 1] = i + 1 < n ? cons_from_ptr(cells + 2 * i + 2) : TERM_NIL;
    }
    return cons_from_ptr(cells);
}

/* ---- atoms -------------------------------------------------------------------- */

typedef enum { ENC_LATIN1, ENC_UTF8, ENC_BAD } Encoding;

static Encoding encoding_arg(Term t)
{
    if (t == atom_from_cstr("latin1")) return ENC_LATIN1;
    if (t == atom_from_cstr("utf8") || t == atom_from_cstr("unicode")) return ENC_UTF8;
    return ENC_BAD;
}

static Term atom_to_binary_enc(Process *p, Term atom, Encoding enc)
{
    const uint8_t *s = (const uint8_t *)atom_text(atom);
    size_t n = atom_length(atom);
    if (enc == ENC_UTF8) return binary_new(&p->heap, s, n);
    ByteBuf out;
    bytebuf_init(&out);
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, &i);
        if (c > 255) {
            bytebuf_free(&out);
            return process_badarg_at(p, 1, "contains a character not expressible in latin1");
        }
        bytebuf_push(&out, (uint8_t)c);
    }
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    return r;
}

static Term erl_atom_to_binary1(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    return atom_to_binary_enc(p, a[0], ENC_UTF8);
}

static Term erl_atom_to_binary2(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    Encoding enc = encoding_arg(a[1]);
    if (enc == ENC_BAD) return process_badarg_at(p, 2, "is an invalid encoding option");
    return atom_to_binary_enc(p, a[0], enc);
}

static Term erl_atom_to_list(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    return utf8_to_charlist(&p->heap, (const uint8_t *)atom_text(a[0]), atom_length(a[0]));
}

/* Makes (or, if existing_only, finds) the atom with UTF-8 text s. */
static Term atom_from_text(Process *p, const uint8_t *s, size_t n, bool existing_only)
{
    if (utf8_count(s, n) > ATOM_MAX_CHARS) return system_limit(p);
    if (existing_only) {
        Term atom = atom_lookup((const char *)s, n);
        return atom == TERM_NONE ? process_badarg_at(p, 1, "not an already existing atom") : atom;
    }
    if (atom_count() >= ATOM_LIMIT && atom_lookup((const char *)s, n) == TERM_NONE) return system_limit(p);
    return atom_intern((const char *)s, n);
}

static Term binary_to_atom_enc(Process *p, const Term *a, Encoding enc, bool existing_only)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (enc == ENC_BAD) return process_badarg_at(p, 2, "not one of the atoms: latin1, utf8, or unicode");
    if (enc == ENC_UTF8) {
        if (!utf8_valid(s, n)) return process_badarg_at(p, 1, "invalid UTF8 encoding");
        return atom_from_text(p, s, n, existing_only);
    }
    if (n > ATOM_MAX_CHARS) return system_limit(p);
    ByteBuf text;
    bytebuf_init(&text);
    for (size_t i = 0; i < n; i++) bytebuf_append_utf8(&text, s[i]);
    Term r = atom_from_text(p, text.data, text.size, existing_only);
    bytebuf_free(&text);
    return r;
}

static Term erl_binary_to_atom1(Process *p, const Term *a) { return binary_to_atom_enc(p, a, ENC_UTF8, false); }
static Term erl_binary_to_atom2(Process *p, const Term *a) { return binary_to_atom_enc(p, a, encoding_arg(a[1]), false); }
static Term erl_binary_to_existing_atom1(Process *p, const Term *a) { return binary_to_atom_enc(p, a, ENC_UTF8, true); }
static Term erl_binary_to_existing_atom2(Process *p, const Term *a)
{
    return binary_to_atom_enc(p, a, encoding_arg(a[1]), true);
}

static Term list_to_atom_impl(Process *p, Term list, bool existing_only)
{
    if (!term_is_list(list)) return process_badarg_at(p, 1, "not a list");
    ByteBuf text;
    bytebuf_init(&text);
    Term l = list;
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term c = cons_head(l);
        if (!term_is_small(c) || small_value(c) < 0 || small_value(c) > 0x10FFFF ||
            (small_value(c) >= 0xD800 && small_value(c) <= 0xDFFF)) {
            bytebuf_free(&text);
            return process_badarg_at(p, 1, "not a list of characters");
        }
        bytebuf_append_utf8(&text, (uint32_t)small_value(c));
    }
    if (l != TERM_NIL) {
        bytebuf_free(&text);
        return process_badarg_at(p, 1, "not a proper list");
    }
    Term r = atom_from_text(p, text.data, text.size, existing_only);
    bytebuf_free(&text);
    return r;
}

static Term erl_list_to_atom(Process *p, const Term *a) { return list_to_atom_impl(p, a[0], false); }

/* :erlang.list_to_pid('<0.N.0>'): genlab's pids are all local and of
 * serial 0, so only those can be written. */
static Term erl_list_to_pid(Process *p, const Term *a)
{
    char buf[64];
    size_t n = 0;
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l)) {
        Term c = cons_head(l);
        if (!term_is_small(c) || small_value(c) <= 0 || small_value(c) > 127 || n + 1 >= sizeof buf) return process_badarg_at(p, 1, "not a textual representation of a pid");
        buf[n++] = (char)small_value(c);
    }
    buf[n] = 0;
    unsigned node, serial, extra;
    int used = 0;
    if (!term_is_list(a[0]) || sscanf(buf, "<%u.%u.%u>%n", &node, &serial, &extra, &used) != 3 || (size_t)used != n || node != 0 || extra != 0)
        return process_badarg_at(p, 1, "not a textual representation of a pid");
    return pid_make(serial);
}
static Term erl_list_to_existing_atom(Process *p, const Term *a) { return list_to_atom_impl(p, a[0], true); }

/* ---- integers ------------------------------------------------------------------ */

static bool base_arg(Term t, int *base)
{
    int64_t b;
    if (!bif_small_in(t, 2, 36, &b)) return false;
    *base = (int)b;
    return true;
}

static const char BASE_TEXT_ERROR[] = "not an integer in the range 2 through 36";

static Term integer_to_text(Process *p, const Term *a, int arity, bool as_list)
{
    int base = 10;
    if (!term_is_integer(a[0])) return process_badarg_at(p, 1, "not an integer");
    if (arity == 2 && !base_arg(a[1], &base)) return process_badarg_at(p, 2, BASE_TEXT_ERROR);
    if (term_is_small(a[0])) {
        char buf[INTEGER_SMALL_TEXT_MAX];
        size_t n;
        const char *text = integer_small_text(a[0], base, buf, &n);
        return as_list ? bytes_to_list(&p->heap, (const uint8_t *)text, n) : binary_new(&p->heap, text, n);
    }
    char *s = integer_to_cstring(a[0], base);
    size_t n = strlen(s);
    Term r = as_list ? bytes_to_list(&p->heap, (const uint8_t *)s, n) : binary_new(&p->heap, s, n);
    free(s);
    return r;
}

static Term erl_integer_to_binary1(Process *p, const Term *a) { return integer_to_text(p, a, 1, false); }
static Term erl_integer_to_binary2(Process *p, const Term *a) { return integer_to_text(p, a, 2, false); }
static Term erl_integer_to_list1(Process *p, const Term *a) { return integer_to_text(p, a, 1, true); }
static Term erl_integer_to_list2(Process *p, const Term *a) { return integer_to_text(p, a, 2, true); }

static int digit_value(uint8_t c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Term bif_parse_integer(Heap *h, const uint8_t *s, size_t n, int base)
{
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (i == n) return TERM_NONE;
    for (size_t k = i; k < n; k++)
        if (digit_value(s[k]) >= base) return TERM_NONE;
    /* Up to 15 digits in base 36 still fit a small integer. */
    if (n - i <= 12) {
        int64_t v = 0;
        for (size_t k = i; k < n; k++) v = v * base + digit_value(s[k]);
        return integer_from_i64(h, negative ? -v : v);
    }
    char *text = xmalloc(n - i + 2);
    size_t t = 0;
    if (negative) text[t++] = '-';
    memcpy(text + t, s + i, n - i);
    text[t + n - i] = 0;
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, text, base);
    Term r = integer_from_mpz(h, z);
    mpz_clear(z);
    free(text);
    return r;
}

/* The bytes of a flat list of characters 0..255; false otherwise. */
static bool charlist_bytes(Term list, ByteBuf *out)
{
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term c = cons_head(list);
        if (!term_is_small(c) || small_value(c) < 0 || small_value(c) > 255) return false;
        bytebuf_push(out, (uint8_t)small_value(c));
    }
    return list == TERM_NIL;
}

static const char INTEGER_TEXT_ERROR[] = "not a textual representation of an integer";

static Term erl_binary_to_integer(Process *p, const Term *a, int arity)
{
    int base = 10;
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (arity == 2 && !base_arg(a[1], &base)) return process_badarg_at(p, 2, BASE_TEXT_ERROR);
    Term r = bif_parse_integer(&p->heap, s, n, base);
    return r == TERM_NONE ? process_badarg_at(p, 1, INTEGER_TEXT_ERROR) : r;
}

static Term erl_binary_to_integer1(Process *p, const Term *a) { return erl_binary_to_integer(p, a, 1); }
static Term erl_binary_to_integer2(Process *p, const Term *a) { return erl_binary_to_integer(p, a, 2); }

static Term erl_list_to_integer(Process *p, const Term *a, int arity)
{
    int base = 10;
    if (!term_is_list(a[0])) return process_badarg_at(p, 1, "not a list");
    if (arity == 2 && !base_arg(a[1], &base)) return process_badarg_at(p, 2, BASE_TEXT_ERROR);
    ByteBuf text;
    bytebuf_init(&text);
    Term r = TERM_NONE;
    if (charlist_bytes(a[0], &text)) r = bif_parse_integer(&p->heap, text.data, text.size, base);
    bytebuf_free(&text);
    return r == TERM_NONE ? process_badarg_at(p, 1, INTEGER_TEXT_ERROR) : r;
}

static Term erl_list_to_integer1(Process *p, const Term *a) { return erl_list_to_integer(p, a, 1); }
static Term erl_list_to_integer2(Process *p, const Term *a) { return erl_list_to_integer(p, a, 2); }

/* ---- floats ------------------------------------------------------------------- */

/* Erlang's float syntax: [+-] digits "." digits [(e|E) [+-] digits]. */
bool bif_parse_float(const uint8_t *s, size_t n, double *out)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == start || i == n || s[i] != '.') return false;
    start = ++i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == start) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        if (i == start) return false;
    }
    if (i != n) return false;
    char *text = xmalloc(n + 1);
    memcpy(text, s, n);
    text[n] = 0;
    errno = 0;
    double d = strtod(text, NULL);
    free(text);
    if (!isfinite(d)) return false;
    *out = d;
    return true;
}

static const char FLOAT_TEXT_ERROR[] = "not a textual representation of a float";

static Term erl_binary_to_float(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    double d;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!bif_parse_float(s, n, &d)) return process_badarg_at(p, 1, FLOAT_TEXT_ERROR);
    return float_new(&p->heap, d);
}

static Term erl_list_to_float(Process *p, const Term *a)
{
    if (!term_is_list(a[0])) return process_badarg_at(p, 1, "not a list");
    ByteBuf text;
    bytebuf_init(&text);
    double d;
    bool ok = charlist_bytes(a[0], &text) && bif_parse_float(text.data, text.size, &d);
    bytebuf_free(&text);
    if (!ok) return process_badarg_at(p, 1, FLOAT_TEXT_ERROR);
    return float_new(&p->heap, d);
}

/* Removes trailing zeros of a fixed-point text, keeping one after '.'. */
static size_t trim_trailing_zeros(char *s, size_t n)
{
    if (!memchr(s, '.', n)) return n;
    while (n > 0 && s[n - 1] == '0') n--;
    if (n > 0 && s[n - 1] == '.') n++;
    return n;
}

/* float_to_binary's {decimals, D}: the emulator rounds with the double's
 * integer and fraction parts separately (2.5 -> "3", 0.015 -> "0.02")
 * when they fit 64 bits, and uses printf otherwise. */
size_t bif_format_decimals(double f, int decimals, bool compact, char *buf, size_t size)
{
    static const double pow10v[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
                                    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
    double af = fabs(f);
    size_t n;
    if (af > 9007199254740992.0 || decimals >= 19) {
        int len = snprintf(buf, size, "%.*f", decimals, f);
        if (len < 0 || (size_t)len >= size) return 0;
        n = (size_t)len;
    } else {
        uint64_t int_part, frac_part = 0;
        if (decimals) {
            double int_f = floor(af);
            double frac_f = round((af - int_f) * pow10v[decimals]);
            int_part = (uint64_t)int_f;
            frac_part = (uint64_t)frac_f;
            if (frac_f >= pow10v[decimals]) {
                int_part++;
                frac_part = 0;
            }
        } else {
            int_part = (uint64_t)llround(af);
        }
        int len = decimals ? snprintf(buf, size, "%s%" PRIu64 ".%0*" PRIu64, signbit(f) ? "-" : "", int_part,
                                      decimals, frac_part)
                           : snprintf(buf, size, "%s%" PRIu64, signbit(f) ? "-" : "", int_part);
        if (len < 0 || (size_t)len >= size) return 0;
        n = (size_t)len;
    }
    if (compact && decimals) n = trim_trailing_zeros(buf, n);
    buf[n] = 0;
    return n;
}

/* The text of float_to_binary/2 in buf (256 bytes); 0 if the options are
 * invalid or the text does not fit. */
static size_t float_text(double d, Term options, char *buf, size_t size)
{
    enum { FMT_SCIENTIFIC, FMT_DECIMALS, FMT_SHORT } format = FMT_SCIENTIFIC;
    int digits = 20;
    bool compact = false;
    Term l = options;
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        int64_t v;
        if (o == atom_from_cstr("compact")) {
            compact = true;
        } else if (o == atom_from_cstr("short")) {
            format = FMT_SHORT;
        } else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == atom_from_cstr("decimals") &&
                   bif_small_in(tuple_get(o, 1), 0, 253, &v)) {
            format = FMT_DECIMALS;
            digits = (int)v;
        } else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == atom_from_cstr("scientific") &&
                   bif_small_in(tuple_get(o, 1), 0, 249, &v)) {
            format = FMT_SCIENTIFIC;
            digits = (int)v;
        } else {
            return 0;
        }
    }
    if (l != TERM_NIL) return 0;
    if (format == FMT_SHORT) return float_format_shortest(d, buf);
    if (format == FMT_DECIMALS) return bif_format_decimals(d, digits, compact, buf, size);
    int len = snprintf(buf, size, "%.*e", digits, d);
    return len < 0 || (size_t)len >= size ? 0 : (size_t)len;
}

static Term float_to_text(Process *p, const Term *a, int arity, bool as_list)
{
    char buf[512];
    if (!term_is_float(a[0])) return process_badarg_at(p, 1, "not a float");
    Term options = arity == 2 ? a[1] : TERM_NIL;
    if (arity == 2 && !term_is_list(options)) return process_badarg_at(p, 2, "not a list");
    size_t n = float_text(float_value(a[0]), options, buf, 256);
    if (!n) return process_badarg_at(p, 2, "invalid option in list");
    return as_list ? bytes_to_list(&p->heap, (const uint8_t *)buf, n) : binary_new(&p->heap, buf, n);
}

static Term erl_float_to_binary1(Process *p, const Term *a) { return float_to_text(p, a, 1, false); }
static Term erl_float_to_binary2(Process *p, const Term *a) { return float_to_text(p, a, 2, false); }
static Term erl_float_to_list1(Process *p, const Term *a) { return float_to_text(p, a, 1, true); }
static Term erl_float_to_list2(Process *p, const Term *a) { return float_to_text(p, a, 2, true); }

/* ---- binaries and iodata ---------------------------------------------------------- */

static Term erl_binary_to_list1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    native_charge(n / 4);
    return bytes_to_list(&p->heap, s, n);
}

static Term erl_binary_to_list3(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t start, stop;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!term_is_integer(a[1])) return process_badarg_at(p, 2, "not an integer");
    if (!term_is_integer(a[2])) return process_badarg_at(p, 3, "not an integer");
    if (!bif_small_in(a[1], 1, (int64_t)n, &start)) return process_badarg_at(p, 2, "out of range");
    if (!bif_small_in(a[2], 1, (int64_t)n, &stop)) return process_badarg_at(p, 3, "out of range");
    if (start > stop) return process_badarg_at(p, 2, "start position greater than stop position");
    return bytes_to_list(&p->heap, s + start - 1, (size_t)(stop - start + 1));
}

static Term erl_bitstring_to_list(Process *p, const Term *a)
{
    if (!term_is_bitstring(a[0])) return process_badarg_at(p, 1, "not a bitstring");
    size_t bits = bitstring_bit_size(a[0]), bytes = bits / 8;
    TermBuf items;
    termbuf_init(&items);
    for (size_t i = 0; i < bytes; i++) {
        unsigned v = 0;
        for (size_t b = 0; b < 8; b++) v = (v << 1) | bitstring_bit(a[0], i * 8 + b);
        termbuf_push(&items, small_make(v));
    }
    Term tail = TERM_NIL;
    if (bits % 8) tail = cons_new(&p->heap, bitstring_slice(&p->heap, a[0], bytes * 8, bits % 8), TERM_NIL);
    Term r = termbuf_to_list(&items, &p->heap, tail);
    termbuf_free(&items);
    return r;
}

static Term erl_list_to_binary(Process *p, const Term *a)
{
    ByteBuf out;
    bytebuf_init(&out);
    Term r = bif_iodata_append(&out, a[0], false) ? bytebuf_to_binary(&out, &p->heap)
                                                  : process_badarg_at(p, 1, "not an iolist term");
    bytebuf_free(&out);
    return r;
}

static Term erl_iolist_to_binary(Process *p, const Term *a)
{
    if (term_is_binary(a[0])) return a[0];
    ByteBuf out;
    bytebuf_init(&out);
    Term r = bif_iodata_append(&out, a[0], true) ? bytebuf_to_binary(&out, &p->heap)
                                                 : process_badarg_at(p, 1, "not an iodata term");
    bytebuf_free(&out);
    return r;
}

static Term erl_iolist_size(Process *p, const Term *a)
{
    ByteBuf out;
    bytebuf_init(&out);
    Term r = bif_iodata_append(&out, a[0], true) ? integer_from_u64(&p->heap, out.size)
                                                 : process_badarg_at(p, 1, "not an iodata term");
    bytebuf_free(&out);
    return r;
}

/* binary_part(Bin, Start, Length): Length may be negative, counting back
 * from Start. start_arg and len_arg are the argument positions the errors
 * name (2 and 3, or 2 and 2 for the {Start, Length} form). */
static Term binary_part_impl(Process *p, Term bin, Term start_t, Term len_t, int start_arg, int len_arg)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(bin, &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!term_is_integer(start_t)) return process_badarg_at(p, start_arg, "not an integer");
    if (!term_is_integer(len_t)) return process_badarg_at(p, len_arg, "not an integer");
    int64_t start, len;
    if (!bif_small_in(start_t, 0, (int64_t)n, &start)) return process_badarg_at(p, start_arg, "out of range");
    if (!bif_small_in(len_t, -start, (int64_t)n - start, &len)) return process_badarg_at(p, len_arg, "out of range");
    if (len < 0) {
        start += len;
        len = -len;
    }
    return bitstring_slice(&p->heap, bin, (size_t)start * 8, (size_t)len * 8);
}

static Term erl_binary_part3(Process *p, const Term *a) { return binary_part_impl(p, a[0], a[1], a[2], 2, 3); }

static Term erl_binary_part2(Process *p, const Term *a)
{
    if (!term_is_tuple(a[1]) || tuple_size(a[1]) != 2) {
        if (!bif_binary(a[0], &(const uint8_t *){0}, &(size_t){0})) return process_badarg_at(p, 1, "not a binary");
        return process_badarg_at(p, 2, "not a valid {Start,Length} tuple");
    }
    return binary_part_impl(p, a[0], tuple_get(a[1], 0), tuple_get(a[1], 1), 2, 2);
}

static Term erl_split_binary(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t pos;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    if (!term_is_integer(a[1])) return process_badarg_at(p, 2, "not an integer");
    if (!bif_small_in(a[1], 0, (int64_t)n, &pos)) return process_badarg_at(p, 2, "out of range");
    return tuple2(&p->heap, bitstring_slice(&p->heap, a[0], 0, (size_t)pos * 8),
                  bitstring_slice(&p->heap, a[0], (size_t)pos * 8, (n - (size_t)pos) * 8));
}

const NativeDef bif_convert_natives[] = {
    {"erlang", "atom_to_binary", 1, erl_atom_to_binary1},
    {"erlang", "atom_to_binary", 2, erl_atom_to_binary2},
    {"erlang", "atom_to_list", 1, erl_atom_to_list},
    {"erlang", "binary_to_atom", 1, erl_binary_to_atom1},
    {"erlang", "binary_to_atom", 2, erl_binary_to_atom2},
    {"erlang", "binary_to_existing_atom", 1, erl_binary_to_existing_atom1},
    {"erlang", "binary_to_existing_atom", 2, erl_binary_to_existing_atom2},
    {"erlang", "list_to_atom", 1, erl_list_to_atom},
    {"erlang", "list_to_pid", 1, erl_list_to_pid},
    {"erlang", "list_to_existing_atom", 1, erl_list_to_existing_atom},
    {"erlang", "integer_to_binary", 1, erl_integer_to_binary1},
    {"erlang", "integer_to_binary", 2, erl_integer_to_binary2},
    {"erlang", "integer_to_list", 1, erl_integer_to_list1},
    {"erlang", "integer_to_list", 2, erl_integer_to_list2},
    {"erlang", "binary_to_integer", 1, erl_binary_to_integer1},
    {"erlang", "binary_to_integer", 2, erl_binary_to_integer2},
    {"erlang", "list_to_integer", 1, erl_list_to_integer1},
    {"erlang", "list_to_integer", 2, erl_list_to_integer2},
    {"erlang", "binary_to_float", 1, erl_binary_to_float},
    {"erlang", "list_to_float", 1, erl_list_to_float},
    {"erlang", "float_to_binary", 1, erl_float_to_binary1},
    {"erlang", "float_to_binary", 2, erl_float_to_binary2},
    {"erlang", "float_to_list", 1, erl_float_to_list1},
    {"erlang", "float_to_list", 2, erl_float_to_list2},
    {"erlang", "binary_to_list", 1, erl_binary_to_list1},
    {"erlang", "binary_to_list", 3, erl_binary_to_list3},
    {"erlang", "bitstring_to_list", 1, erl_bitstring_to_list},
    {"erlang", "list_to_binary", 1, erl_list_to_binary},
    {"erlang", "iolist_to_binary", 1, erl_iolist_to_binary},
    {"erlang", "iolist_size", 1, erl_iolist_size},
    {"erlang", "binary_part", 2, erl_binary_part2},
    {"erlang", "binary_part", 3, erl_binary_part3},
    {"erlang", "split_binary", 2, erl_split_binary},
    {NULL, NULL, 0, NULL},
};
