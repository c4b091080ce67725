/* base.c - Elixir's Base: base 64 (standard and URL alphabets), base 32
 * (standard and extended hex alphabets) and base 16
 * encoding and decoding, with Elixir's options (padding:, ignore:
 * :whitespace, case:) and its ArgumentError messages for the bang
 * variants; the others return :error instead. */
#include <stdio.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"

static const char B64_STD[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char B64_URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The value of an option in a keyword list, or `fallback`. */
static Term option(Term opts, const char *name, Term fallback)
{
    Term key = atom_from_cstr(name);
    for (; term_is_cons(opts); opts = cons_tail(opts)) {
        Term o = cons_head(opts);
        if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == key) return tuple_get(o, 1);
    }
    return fallback;
}

static bool truthy(Term t) { return t != ATOM_false && t != ATOM_nil; }

/* Elixir's inspect of a one-byte binary as a string, e.g. "\n", "\xFF". */
static void inspect_byte(uint8_t c, char out[8])
{
    static const char escapes[][3] = {[0] = "0", [7] = "a", [8] = "b", [9] = "t", [10] = "n",
                                      [11] = "v", [12] = "f", [13] = "r", [27] = "e"};
    if (c < 32 && escapes[c][0]) snprintf(out, 8, "\"\\%s\"", escapes[c]);
    else if (c == 127) snprintf(out, 8, "\"\\d\"");
    else if (c == '"' || c == '\\') snprintf(out, 8, "\"\\%c\"", c);
    else if (c >= 32 && c < 127) snprintf(out, 8, "\"%c\"", c);
    else snprintf(out, 8, "\"\\x%02X\"", c);
}

typedef enum { DEC_OK, DEC_BAD_CHAR, DEC_BAD_PADDING, DEC_BAD_LENGTH } DecodeStatus;

typedef struct Decoded {
    DecodeStatus status;
    uint8_t bad;   /* the non-alphabet byte */
    size_t length; /* base 16: the input length */
} Decoded;

/* Raises the bang variants' ArgumentError, or returns :error. */
static Term decode_failure(Process *p, const Decoded *d, bool bang)
{
    if (!bang) return ATOM_error;
    char shown[8];
    switch (d->status) {
    case DEC_BAD_CHAR:
        inspect_byte(d->bad, shown);
        return bif_raise_fmt(p, "Elixir.ArgumentError", "non-alphabet character found: %s (byte %u)", shown, d->bad);
    case DEC_BAD_PADDING: return process_raise_exception(p, "Elixir.ArgumentError", "incorrect padding");
    default:
        return bif_raise_fmt(p, "Elixir.ArgumentError",
                             "string given to decode has wrong length. An even number of bytes was expected, "
                             "got: %zu. Double check your string for unwanted characters or pad it accordingly",
                             d->length);
    }
}

/* The result of a decode: the bytes (in {:ok, _} unless bang) or the
 * failure; releases `out` either way. */
static Term decode_result(Process *p, const Decoded *d, ByteBuf *out, bool bang)
{
    Term r;
    if (d->status != DEC_OK) r = decode_failure(p, d, bang);
    else if (bang) r = bytebuf_to_binary(out, &p->heap);
    else r = tuple2(&p->heap, ATOM_ok, bytebuf_to_binary(out, &p->heap));
    bytebuf_free(out);
    return r;
}

/* Copies the input without the bytes ignore: :whitespace skips. */
static void strip_whitespace(ByteBuf *out, const uint8_t *s, size_t n, bool strip)
{
    for (size_t i = 0; i < n; i++)
        if (!strip || !(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) bytebuf_push(out, s[i]);
}

/* ---- base 64 ------------------------------------------------------------------ */

static Term encode64(Process *p, const Term *a, int arity, const char *alphabet)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    Term pad_opt = arity == 2 ? option(a[1], "padding", ATOM_true) : ATOM_true;
    if (!term_is_boolean(pad_opt)) return bif_function_clause(p);
    bool pad = pad_opt == ATOM_true;
    ByteBuf out;
    bytebuf_init(&out);
    bytebuf_reserve(&out, (n + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
        for (int k = 18; k >= 0; k -= 6) bytebuf_push(&out, (uint8_t)alphabet[(v >> k) & 63]);
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)s[i] << 16;
        bytebuf_push(&out, (uint8_t)alphabet[(v >> 18) & 63]);
        bytebuf_push(&out, (uint8_t)alphabet[(v >> 12) & 63]);
        if (pad) bytebuf_append(&out, "==", 2);
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8;
        bytebuf_push(&out, (uint8_t)alphabet[(v >> 18) & 63]);
        bytebuf_push(&out, (uint8_t)alphabet[(v >> 12) & 63]);
        bytebuf_push(&out, (uint8_t)alphabet[(v >> 6) & 63]);
        if (pad) bytebuf_push(&out, '=');
    }
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    return r;
}

static int b64_value(const char *alphabet, uint8_t c)
{
    const char *hit = c ? memchr(alphabet, c, 64) : NULL;
    return hit ? (int)(hit - alphabet) : -1;
}

/* Decodes `count` (2..4) characters into count - 1 bytes (3 for 4). */
static bool b64_group(const char *alphabet, const uint8_t *s, size_t count, ByteBuf *out, Decoded *d)
{
    uint32_t v = 0;
    for (size_t k = 0; k < count; k++) {
        int x = b64_value(alphabet, s[k]);
        if (x < 0) {
            d->status = DEC_BAD_CHAR;
            d->bad = s[k];
            return false;
        }
        v = v << 6 | (uint32_t)x;
    }
    v <<= 6 * (4 - count);
    bytebuf_push(out, (uint8_t)(v >> 16));
    if (count > 2) bytebuf_push(out, (uint8_t)(v >> 8));
    if (count > 3) bytebuf_push(out, (uint8_t)v);
    return true;
}

static void decode64_bytes(const char *alphabet, const uint8_t *s, size_t n, bool pad, ByteBuf *out, Decoded *d)
{
    d->status = DEC_OK;
    if (n == 0) return;
    if (pad ? n % 4 != 0 : n % 4 == 1) {
        d->status = DEC_BAD_PADDING;
        return;
    }
    /* The last group may be padded ("xx==", "xxx=") or, without padding,
     * short; everything before it is whole groups. */
    size_t tail = n % 4 ? n % 4 : 4;
    size_t main = n - tail;
    for (size_t i = 0; i < main; i += 4)
        if (!b64_group(alphabet, s + i, 4, out, d)) return;
    const uint8_t *t = s + main;
    size_t count = tail;
    if (tail == 4 && t[2] == '=' && t[3] == '=') count = 2;
    else if (tail == 4 && t[3] == '=') count = 3;
    b64_group(alphabet, t, count, out, d);
}

static Term decode64(Process *p, const Term *a, int arity, const char *alphabet, bool bang)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    Term opts = arity == 2 ? a[1] : TERM_NIL;
    bool pad = truthy(option(opts, "padding", ATOM_true));
    bool strip = option(opts, "ignore", ATOM_nil) == atom_from_cstr("whitespace");
    ByteBuf in, out;
    bytebuf_init(&in);
    bytebuf_init(&out);
    strip_whitespace(&in, s, n, strip);
    Decoded d = {DEC_OK, 0, in.size};
    decode64_bytes(alphabet, in.data, in.size, pad, &out, &d);
    bytebuf_free(&in);
    return decode_result(p, &d, &out, bang);
}

static Term base_encode64_1(Process *p, const Term *a) { return encode64(p, a, 1, B64_STD); }
static Term base_encode64_2(Process *p, const Term *a) { return encode64(p, a, 2, B64_STD); }
static Term base_url_encode64_1(Process *p, const Term *a) { return encode64(p, a, 1, B64_URL); }
static Term base_url_encode64_2(Process *p, const Term *a) { return encode64(p, a, 2, B64_URL); }
static Term base_decode64_1(Process *p, const Term *a) { return decode64(p, a, 1, B64_STD, false); }
static Term base_decode64_2(Process *p, const Term *a) { return decode64(p, a, 2, B64_STD, false); }
static Term base_decode64b_1(Process *p, const Term *a) { return decode64(p, a, 1, B64_STD, true); }
static Term base_decode64b_2(Process *p, const Term *a) { return decode64(p, a, 2, B64_STD, true); }
static Term base_url_decode64_1(Process *p, const Term *a) { return decode64(p, a, 1, B64_URL, false); }
static Term base_url_decode64_2(Process *p, const Term *a) { return decode64(p, a, 2, B64_URL, false); }
static Term base_url_decode64b_1(Process *p, const Term *a) { return decode64(p, a, 1, B64_URL, true); }
static Term base_url_decode64b_2(Process *p, const Term *a) { return decode64(p, a, 2, B64_URL, true); }

/* ---- base 16 ------------------------------------------------------------------ */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_MIXED, CASE_BAD } HexCase;

static HexCase case_option(Term opts)
{
    Term c = option(opts, "case", atom_from_cstr("upper"));
    if (c == atom_from_cstr("upper")) return CASE_UPPER;
    if (c == atom_from_cstr("lower")) return CASE_LOWER;
    if (c == atom_from_cstr("mixed")) return CASE_MIXED;
    return CASE_BAD;
}

static Term encode16(Process *p, const Term *a, int arity)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    HexCase c = arity == 2 ? case_option(a[1]) : CASE_UPPER;
    if (c != CASE_UPPER && c != CASE_LOWER) return bif_function_clause(p);
    const char *digits = c == CASE_LOWER ? "0123456789abcdef" : "0123456789ABCDEF";
    uint8_t *out;
    Term r = binary_alloc(&p->heap, 2 * n, &out);
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = (uint8_t)digits[s[i] >> 4];
        out[2 * i + 1] = (uint8_t)digits[s[i] & 15];
    }
    return r;
}

static int hex_value(uint8_t c, HexCase mode)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (mode != CASE_LOWER && c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (mode != CASE_UPPER && c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static Term decode16(Process *p, const Term *a, int arity, bool bang)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    Term opts = arity == 2 ? a[1] : TERM_NIL;
    HexCase mode = case_option(opts);
    if (mode == CASE_BAD) return bif_function_clause(p);
    ByteBuf in, out;
    bytebuf_init(&in);
    bytebuf_init(&out);
    strip_whitespace(&in, s, n, false);
    Decoded d = {DEC_OK, 0, in.size};
    if (in.size % 2) {
        d.status = DEC_BAD_LENGTH;
    } else {
        for (size_t i = 0; i < in.size; i += 2) {
            int hi = hex_value(in.data[i], mode), lo = hex_value(in.data[i + 1], mode);
            if (hi < 0 || lo < 0) {
                d.status = DEC_BAD_CHAR;
                d.bad = hi < 0 ? in.data[i] : in.data[i + 1];
                break;
            }
            bytebuf_push(&out, (uint8_t)(hi << 4 | lo));
        }
    }
    bytebuf_free(&in);
    return decode_result(p, &d, &out, bang);
}

static Term base_encode16_1(Process *p, const Term *a) { return encode16(p, a, 1); }
static Term base_encode16_2(Process *p, const Term *a) { return encode16(p, a, 2); }
static Term base_decode16_1(Process *p, const Term *a) { return decode16(p, a, 1, false); }
static Term base_decode16_2(Process *p, const Term *a) { return decode16(p, a, 2, false); }
static Term base_decode16b_1(Process *p, const Term *a) { return decode16(p, a, 1, true); }
static Term base_decode16b_2(Process *p, const Term *a) { return decode16(p, a, 2, true); }

/* ---- base 32 ------------------------------------------------------------------ */

static const char B32_STD[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char B32_HEX[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

static Term encode32(Process *p, const Term *a, int arity, const char *alphabet)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    Term opts = arity == 2 ? a[1] : TERM_NIL;
    HexCase c = case_option(opts);
    if (c != CASE_UPPER && c != CASE_LOWER) return bif_function_clause(p);
    Term pad_opt = option(opts, "padding", ATOM_true);
    if (!term_is_boolean(pad_opt)) return bif_function_clause(p);
    bool pad = pad_opt == ATOM_true;
    ByteBuf out;
    bytebuf_init(&out);
    bytebuf_reserve(&out, (n + 4) / 5 * 8);
    for (size_t i = 0; i < n; i += 5) {
        size_t take = n - i < 5 ? n - i : 5;
        uint64_t v = 0;
        for (size_t k = 0; k < 5; k++) v = v << 8 | (k < take ? s[i + k] : 0);
        /* 1..5 bytes make 2, 4, 5, 7 or 8 characters */
        static const size_t chars[] = {0, 2, 4, 5, 7, 8};
        for (size_t k = 0; k < chars[take]; k++) {
            char ch = alphabet[(v >> (35 - 5 * k)) & 31];
            if (c == CASE_LOWER && ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
            bytebuf_push(&out, (uint8_t)ch);
        }
        if (pad)
            for (size_t k = chars[take]; k < 8; k++) bytebuf_push(&out, '=');
    }
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    return r;
}

static int b32_value(const char *alphabet, uint8_t c, HexCase mode)
{
    if (mode == CASE_LOWER && c >= 'A' && c <= 'Z') return -1;
    if (c >= 'a' && c <= 'z') {
        if (mode == CASE_UPPER) return -1;
        c = (uint8_t)(c - 'a' + 'A');
    }
    const char *hit = c ? memchr(alphabet, c, 32) : NULL;
    return hit ? (int)(hit - alphabet) : -1;
}

/* Decodes `count` (2, 4, 5, 7 or 8) characters into count * 5 / 8 bytes. */
static bool b32_group(const char *alphabet, HexCase mode, const uint8_t *s, size_t count, ByteBuf *out,
                      Decoded *d)
{
    uint64_t v = 0;
    for (size_t k = 0; k < count; k++) {
        int x = b32_value(alphabet, s[k], mode);
        if (x < 0) {
            d->status = DEC_BAD_CHAR;
            d->bad = s[k];
            return false;
        }
        v = v << 5 | (uint64_t)x;
    }
    v <<= 5 * (8 - count);
    for (size_t k = 0; k < count * 5 / 8; k++) bytebuf_push(out, (uint8_t)(v >> (32 - 8 * k)));
    return true;
}

/* The number of characters before the padding of a whole final group:
 * "xx======", "xxxx====", "xxxxx===", "xxxxxxx=", else 8. */
static size_t b32_unpadded(const uint8_t *t)
{
    static const size_t counts[] = {2, 4, 5, 7};
    for (size_t i = 0; i < 4; i++) {
        size_t k = counts[i];
        bool padded = true;
        for (size_t j = k; j < 8; j++) padded = padded && t[j] == '=';
        if (padded) return k;
    }
    return 8;
}

static void decode32_bytes(const char *alphabet, HexCase mode, const uint8_t *s, size_t n, bool pad, ByteBuf *out,
                           Decoded *d)
{
    d->status = DEC_OK;
    if (n == 0) return;
    /* Unlike base 64, the whole groups are decoded before the length of
     * the last one is checked, so a bad character there is reported first. */
    size_t tail = n % 8 ? n % 8 : 8;
    size_t main = n - tail;
    for (size_t i = 0; i < main; i += 8)
        if (!b32_group(alphabet, mode, s + i, 8, out, d)) return;
    if (tail != 8 && (pad || !(tail == 2 || tail == 4 || tail == 5 || tail == 7))) {
        d->status = DEC_BAD_PADDING;
        return;
    }
    const uint8_t *t = s + main;
    b32_group(alphabet, mode, t, tail == 8 ? b32_unpadded(t) : tail, out, d);
}

static Term decode32(Process *p, const Term *a, int arity, const char *alphabet, bool bang)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    Term opts = arity == 2 ? a[1] : TERM_NIL;
    HexCase mode = case_option(opts);
    if (mode == CASE_BAD) return bif_function_clause(p);
    bool pad = truthy(option(opts, "padding", ATOM_true));
    ByteBuf out;
    bytebuf_init(&out);
    Decoded d = {DEC_OK, 0, n};
    decode32_bytes(alphabet, mode, s, n, pad, &out, &d);
    return decode_result(p, &d, &out, bang);
}

static Term base_encode32_1(Process *p, const Term *a) { return encode32(p, a, 1, B32_STD); }
static Term base_encode32_2(Process *p, const Term *a) { return encode32(p, a, 2, B32_STD); }
static Term base_hex_encode32_1(Process *p, const Term *a) { return encode32(p, a, 1, B32_HEX); }
static Term base_hex_encode32_2(Process *p, const Term *a) { return encode32(p, a, 2, B32_HEX); }
static Term base_decode32_1(Process *p, const Term *a) { return decode32(p, a, 1, B32_STD, false); }
static Term base_decode32_2(Process *p, const Term *a) { return decode32(p, a, 2, B32_STD, false); }
static Term base_decode32b_1(Process *p, const Term *a) { return decode32(p, a, 1, B32_STD, true); }
static Term base_decode32b_2(Process *p, const Term *a) { return decode32(p, a, 2, B32_STD, true); }
static Term base_hex_decode32_1(Process *p, const Term *a) { return decode32(p, a, 1, B32_HEX, false); }
static Term base_hex_decode32_2(Process *p, const Term *a) { return decode32(p, a, 2, B32_HEX, false); }
static Term base_hex_decode32b_1(Process *p, const Term *a) { return decode32(p, a, 1, B32_HEX, true); }
static Term base_hex_decode32b_2(Process *p, const Term *a) { return decode32(p, a, 2, B32_HEX, true); }

/* Functions with default arguments, or that fail in a helper, name that
 * function in their function_clause errors as Elixir does. */

BIF_CLAUSE_AS(base_encode64_1_as, base_encode64_1, "Elixir.Base.encode64", 1, "[]")
BIF_CLAUSE_AS(base_url_encode64_1_as, base_url_encode64_1, "Elixir.Base.url_encode64", 1, "[]")
BIF_CLAUSE_AS(base_encode16_1_as, base_encode16_1, "Elixir.Base.encode16", 1, "[]")
BIF_CLAUSE_AS(base_encode32_1_as, base_encode32_1, "Elixir.Base.encode32", 1, "[]")
BIF_CLAUSE_AS(base_hex_encode32_1_as, base_hex_encode32_1, "Elixir.Base.hex_encode32", 1, "[]")
BIF_CLAUSE_AS(base_decode64_1_as, base_decode64_1, "Elixir.Base.decode64", 1, "[]")
BIF_CLAUSE_AS(base_decode64b_1_as, base_decode64b_1, "Elixir.Base.decode64!", 1, "[]")
BIF_CLAUSE_AS(base_url_decode64_1_as, base_url_decode64_1, "Elixir.Base.url_decode64", 1, "[]")
BIF_CLAUSE_AS(base_url_decode64b_1_as, base_url_decode64b_1, "Elixir.Base.url_decode64!", 1, "[]")
BIF_CLAUSE_AS(base_decode16_1_as, base_decode16_1, "Elixir.Base.decode16!", 1, "[]")
BIF_CLAUSE_AS(base_decode16_2_as, base_decode16_2, "Elixir.Base.decode16!", 2, "")
BIF_CLAUSE_AS(base_decode16b_1_as, base_decode16b_1, "Elixir.Base.decode16!", 1, "[]")
BIF_CLAUSE_AS(base_decode32_1_as, base_decode32_1, "Elixir.Base.decode32!", 1, "[]")
BIF_CLAUSE_AS(base_decode32_2_as, base_decode32_2, "Elixir.Base.decode32!", 2, "")
BIF_CLAUSE_AS(base_decode32b_1_as, base_decode32b_1, "Elixir.Base.decode32!", 1, "[]")
BIF_CLAUSE_AS(base_hex_decode32_1_as, base_hex_decode32_1, "Elixir.Base.hex_decode32!", 1, "[]")
BIF_CLAUSE_AS(base_hex_decode32_2_as, base_hex_decode32_2, "Elixir.Base.hex_decode32!", 2, "")
BIF_CLAUSE_AS(base_hex_decode32b_1_as, base_hex_decode32b_1, "Elixir.Base.hex_decode32!", 1, "[]")

const NativeDef bif_base_natives[] = {
    {"Elixir.Base", "encode32", 1, base_encode32_1_as},
    {"Elixir.Base", "encode32", 2, base_encode32_2},
    {"Elixir.Base", "hex_encode32", 1, base_hex_encode32_1_as},
    {"Elixir.Base", "hex_encode32", 2, base_hex_encode32_2},
    {"Elixir.Base", "decode32", 1, base_decode32_1_as},
    {"Elixir.Base", "decode32", 2, base_decode32_2_as},
    {"Elixir.Base", "decode32!", 1, base_decode32b_1_as},
    {"Elixir.Base", "decode32!", 2, base_decode32b_2},
    {"Elixir.Base", "hex_decode32", 1, base_hex_decode32_1_as},
    {"Elixir.Base", "hex_decode32", 2, base_hex_decode32_2_as},
    {"Elixir.Base", "hex_decode32!", 1, base_hex_decode32b_1_as},
    {"Elixir.Base", "hex_decode32!", 2, base_hex_decode32b_2},
    {"Elixir.Base", "encode64", 1, base_encode64_1_as},
    {"Elixir.Base", "encode64", 2, base_encode64_2},
    {"Elixir.Base", "url_encode64", 1, base_url_encode64_1_as},
    {"Elixir.Base", "url_encode64", 2, base_url_encode64_2},
    {"Elixir.Base", "decode64", 1, base_decode64_1_as},
    {"Elixir.Base", "decode64", 2, base_decode64_2},
    {"Elixir.Base", "decode64!", 1, base_decode64b_1_as},
    {"Elixir.Base", "decode64!", 2, base_decode64b_2},
    {"Elixir.Base", "url_decode64", 1, base_url_decode64_1_as},
    {"Elixir.Base", "url_decode64", 2, base_url_decode64_2},
    {"Elixir.Base", "url_decode64!", 1, base_url_decode64b_1_as},
    {"Elixir.Base", "url_decode64!", 2, base_url_decode64b_2},
    {"Elixir.Base", "encode16", 1, base_encode16_1_as},
    {"Elixir.Base", "encode16", 2, base_encode16_2},
    {"Elixir.Base", "decode16", 1, base_decode16_1_as},
    {"Elixir.Base", "decode16", 2, base_decode16_2_as},
    {"Elixir.Base", "decode16!", 1, base_decode16b_1_as},
    {"Elixir.Base", "decode16!", 2, base_decode16b_2},
    {NULL, NULL, 0, NULL},
};
