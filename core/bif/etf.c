/* etf.c - :erlang.term_to_binary/1,2 and binary_to_term/1,2: the external
 * term format (version 131), byte for byte as OTP 25 writes it: atoms as
 * ATOM_EXT in Latin-1 when they fit (UTF-8 forms otherwise, or with
 * minor_version: 2), integers as SMALL_INTEGER/INTEGER/SMALL_BIG, floats as
 * NEW_FLOAT, byte lists as STRING_EXT, maps in their iteration order, pids
 * and references on the node nonode@nohost. Both directions walk terms with
 * explicit stacks, never the C stack, so depth is not a limit. Closures are
 * not encoded (badarg). Compression is zlib's deflate, as the BEAM's. */
#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "bif.h"
#include "heap.h"
#include "inspect.h"
#include "integer.h"
#include "map.h"
#include "map_order.h"

enum {
    ETF_VERSION = 131,
    NEW_FLOAT_EXT = 70,
    COMPRESSED = 80,
    FLOAT_EXT = 99,
    BIT_BINARY_EXT = 77,
    NEW_PID_EXT = 88,
    NEWER_REFERENCE_EXT = 90,
    SMALL_INTEGER_EXT = 97,
    INTEGER_EXT = 98,
    ATOM_EXT = 100,
    PID_EXT = 103,
    SMALL_TUPLE_EXT = 104,
    LARGE_TUPLE_EXT = 105,
    NIL_EXT = 106,
    STRING_EXT = 107,
    LIST_EXT = 108,
    BINARY_EXT = 109,
    SMALL_BIG_EXT = 110,
    LARGE_BIG_EXT = 111,
    EXPORT_EXT = 113,
    NEW_REFERENCE_EXT = 114,
    SMALL_ATOM_EXT = 115,
    MAP_EXT = 116,
    ATOM_UTF8_EXT = 118,
    SMALL_ATOM_UTF8_EXT = 119,
};

static const char NODE_NAME[] = "nonode@nohost";

/* ---- encoding ------------------------------------------------------------------ */

static void put16(ByteBuf *b, uint32_t v)
{
    bytebuf_push(b, (uint8_t)(v >> 8));
    bytebuf_push(b, (uint8_t)v);
}

static void put32(ByteBuf *b, uint32_t v)
{
    put16(b, v >> 16);
    put16(b, v & 0xFFFF);
}

/* Latin-1 bytes of UTF-8 text whose code points are all below 256; false
 * if one is not. */
static bool utf8_to_latin1(const uint8_t *s, size_t n, ByteBuf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 0x80) bytebuf_push(out, s[i]);
        else if ((s[i] & 0xE0) == 0xC0 && i + 1 < n && s[i] <= 0xC3) {
            bytebuf_push(out, (uint8_t)(((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F)));
            i++;
        } else return false;
    }
    return true;
}

static void encode_atom(ByteBuf *b, Term atom, bool utf8)
{
    const uint8_t *s = (const uint8_t *)atom_text(atom);
    size_t n = atom_length(atom);
    ByteBuf latin;
    bytebuf_init(&latin);
    if (!utf8 && utf8_to_latin1(s, n, &latin)) {
        bytebuf_push(b, ATOM_EXT);
        put16(b, (uint32_t)latin.size);
        bytebuf_append(b, latin.data, latin.size);
    } else if (n < 256) {
        bytebuf_push(b, SMALL_ATOM_UTF8_EXT);
        bytebuf_push(b, (uint8_t)n);
        bytebuf_append(b, s, n);
    } else {
        bytebuf_push(b, ATOM_UTF8_EXT);
        put16(b, (uint32_t)n);
        bytebuf_append(b, s, n);
    }
    bytebuf_free(&latin);
}

static void encode_integer(ByteBuf *b, Term t)
{
    int64_t v;
    if (integer_to_i64(t, &v) && v >= 0 && v <= 255) {
        bytebuf_push(b, SMALL_INTEGER_EXT);
        bytebuf_push(b, (uint8_t)v);
        return;
    }
    if (integer_to_i64(t, &v) && v >= INT32_MIN && v <= INT32_MAX) {
        bytebuf_push(b, INTEGER_EXT);
        put32(b, (uint32_t)(int32_t)v);
        return;
    }
    mpz_t z;
    mpz_init(z);
    integer_to_mpz(t, z);
    size_t n = (mpz_sizeinbase(z, 2) + 7) / 8;
    uint8_t *digits = xmalloc(n + 1);
    size_t written = 0;
    mpz_export(digits, &written, -1, 1, 0, 0, z); /* least significant byte first */
    if (n < 256) {
        bytebuf_push(b, SMALL_BIG_EXT);
        bytebuf_push(b, (uint8_t)n);
    } else {
        bytebuf_push(b, LARGE_BIG_EXT);
        put32(b, (uint32_t)n);
    }
    bytebuf_push(b, mpz_sgn(z) < 0 ? 1 : 0);
    bytebuf_append(b, digits, written);
    for (size_t i = written; i < n; i++) bytebuf_push(b, 0);
    free(digits);
    mpz_clear(z);
}

static void encode_bitstring(ByteBuf *b, Term t)
{
    size_t bits = bitstring_bit_size(t), whole = bits / 8, rest = bits % 8;
    size_t nbytes = whole + (rest ? 1 : 0);
    bytebuf_push(b, rest ? BIT_BINARY_EXT : BINARY_EXT);
    put32(b, (uint32_t)nbytes);
    if (rest) bytebuf_push(b, (uint8_t)rest);
    const uint8_t *bytes;
    size_t offset, size;
    bitstring_view(t, &bytes, &offset, &size);
    if (offset % 8 == 0) {
        bytebuf_append(b, bytes + offset / 8, whole);
        if (rest) bytebuf_push(b, (uint8_t)(bytes[offset / 8 + whole] & (0xFF << (8 - rest))));
        return;
    }
    for (size_t i = 0; i < nbytes; i++) {
        uint8_t byte = 0;
        for (size_t k = 0; k < 8 && i * 8 + k < bits; k++) byte |= (uint8_t)(bitstring_bit(t, i * 8 + k) << (7 - k));
        bytebuf_push(b, byte);
    }
}

/* A list of small integers 0..255 shorter than 65536 goes as STRING_EXT. */
static bool byte_list(Term t, size_t *n)
{
    size_t k = 0;
    for (; term_is_cons(t); t = cons_tail(t), k++) {
        Term h = cons_head(t);
        if (!term_is_small(h) || small_value(h) < 0 || small_value(h) > 255 || k >= 65535) return false;
    }
    *n = k;
    return t == TERM_NIL;
}

/* The three numbers a reference prints as #Reference<0.c.b.a>: a, b, c. */
static void ref_words(Term ref, uint32_t w[3])
{
    char buf[96];
    ref_format(ref, buf);
    unsigned long x = 0, y = 0, z = 0;
    sscanf(buf, "#Reference<0.%lu.%lu.%lu>", &x, &y, &z);
    w[0] = (uint32_t)z;
    w[1] = (uint32_t)y;
    w[2] = (uint32_t)x;
}

/* What term_to_binary/2's options ask for. */
typedef struct EncodeOpts {
    bool utf8_atoms;  /* minor_version: 2 */
    bool old_floats;  /* minor_version: 0: floats as text (FLOAT_EXT) */
    int level;        /* compression level 1-9, or 0 for none */
} EncodeOpts;

static bool etf_encode(ByteBuf *b, Term root, const EncodeOpts *opts)
{
    bool utf8_atoms = opts->utf8_atoms;
    TermBuf stack;
    termbuf_init(&stack);
    termbuf_push(&stack, root);
    bool ok = true;
    while (ok && stack.size) {
        Term t = stack.items[--stack.size];
        size_t n;
        if (term_is_integer(t)) encode_integer(b, t);
        else if (term_is_atom(t)) encode_atom(b, t, utf8_atoms);
        else if (term_is_float(t)) {
            double d = float_value(t);
            if (opts->old_floats) {
                /* "%.20e" in 31 bytes, zero-padded */
                char text[32] = {0};
                snprintf(text, sizeof text, "%.20e", d);
                bytebuf_push(b, FLOAT_EXT);
                bytebuf_append(b, text, 31);
                continue;
            }
            uint64_t bits;
            memcpy(&bits, &d, sizeof bits);
            bytebuf_push(b, NEW_FLOAT_EXT);
            put32(b, (uint32_t)(bits >> 32));
            put32(b, (uint32_t)bits);
        } else if (t == TERM_NIL) bytebuf_push(b, NIL_EXT);
        else if (term_is_cons(t) && byte_list(t, &n)) {
            bytebuf_push(b, STRING_EXT);
            put16(b, (uint32_t)n);
            for (; term_is_cons(t); t = cons_tail(t)) bytebuf_push(b, (uint8_t)small_value(cons_head(t)));
        } else if (term_is_cons(t)) {
            size_t start = stack.size;
            Term l = t;
            for (n = 0; term_is_cons(l); l = cons_tail(l)) n++;
            bytebuf_push(b, LIST_EXT);
            put32(b, (uint32_t)n);
            termbuf_push(&stack, l); /* the tail comes last */
            for (l = t; term_is_cons(l); l = cons_tail(l)) termbuf_push(&stack, cons_head(l));
            /* the elements went on in order; reverse them so the first pops first */
            for (size_t i = start + 1, j = stack.size - 1; i < j; i++, j--) {
                Term tmp = stack.items[i];
                stack.items[i] = stack.items[j];
                stack.items[j] = tmp;
            }
        } else if (term_is_tuple(t)) {
            n = tuple_size(t);
            if (n < 256) {
                bytebuf_push(b, SMALL_TUPLE_EXT);
                bytebuf_push(b, (uint8_t)n);
            } else {
                bytebuf_push(b, LARGE_TUPLE_EXT);
                put32(b, (uint32_t)n);
            }
            for (size_t i = n; i-- > 0;) termbuf_push(&stack, tuple_get(t, i));
        } else if (term_is_map(t)) {
            n = map_size(t);
            bytebuf_push(b, MAP_EXT);
            put32(b, (uint32_t)n);
            Term *keys = xmalloc((2 * n + 1) * sizeof *keys), *values = keys + n;
            map_listing_arrays(t, keys, values);
            for (size_t i = n; i-- > 0;) {
                termbuf_push(&stack, values[i]);
                termbuf_push(&stack, keys[i]);
            }
            free(keys);
        } else if (term_is_bitstring(t)) encode_bitstring(b, t);
        else if (term_is_pid(t)) {
            bytebuf_push(b, NEW_PID_EXT);
            encode_atom(b, atom_from_cstr(NODE_NAME), utf8_atoms);
            put32(b, pid_serial(t));
            put32(b, 0);
            put32(b, 0);
        } else if (term_is_ref(t)) {
            uint32_t w[3];
            ref_words(t, w);
            bytebuf_push(b, NEWER_REFERENCE_EXT);
            put16(b, 3);
            encode_atom(b, atom_from_cstr(NODE_NAME), utf8_atoms);
            put32(b, 0);
            for (int i = 0; i < 3; i++) put32(b, w[i]);
        } else if (term_is_box_of(t, BOX_EXPORT)) {
            bytebuf_push(b, EXPORT_EXT);
            encode_atom(b, boxed_ptr(t)[1], utf8_atoms);
            encode_atom(b, boxed_ptr(t)[2], utf8_atoms);
            encode_integer(b, boxed_ptr(t)[3]);
        } else ok = false; /* closures and anything else */
    }
    termbuf_free(&stack);
    return ok;
}

static bool encode_options(Term opts, EncodeOpts *eo)
{
    size_t n;
    if (!bif_list_length(opts, &n)) return false;
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        if (o == atom_from_cstr("deterministic")) continue;
        if (o == atom_from_cstr("compressed")) {
            eo->level = Z_DEFAULT_COMPRESSION;
            continue;
        }
        Term key = term_is_tuple(o) && tuple_size(o) == 2 ? tuple_get(o, 0) : TERM_NONE, v = key != TERM_NONE ? tuple_get(o, 1) : TERM_NONE;
        if (key == atom_from_cstr("minor_version") && term_is_small(v) && small_value(v) >= 0 && small_value(v) <= 2) {
            eo->utf8_atoms = small_value(v) >= 2;
            eo->old_floats = small_value(v) == 0;
            continue;
        }
        if (key == atom_from_cstr("compressed") && term_is_small(v) && small_value(v) >= 0 && small_value(v) <= 9) {
            eo->level = (int)small_value(v);
            continue;
        }
        return false;
    }
    return true;
}

/* The encoding of t with its version byte, compressed as asked when that
 * makes it smaller (as the BEAM: 80, the size, then zlib's stream). */
static bool encode_all(ByteBuf *out, Term t, const EncodeOpts *eo)
{
    ByteBuf b;
    bytebuf_init(&b);
    bytebuf_push(&b, ETF_VERSION);
    if (!etf_encode(&b, t, eo)) {
        bytebuf_free(&b);
        return false;
    }
    if (eo->level != 0 && b.size > 1) {
        uLongf cap = compressBound((uLong)(b.size - 1));
        uint8_t *z = xmalloc(cap + 6);
        z[0] = ETF_VERSION;
        z[1] = COMPRESSED;
        uint32_t raw = (uint32_t)(b.size - 1);
        for (int i = 0; i < 4; i++) z[2 + i] = (uint8_t)(raw >> (24 - 8 * i));
        uLongf zlen = cap;
        if (compress2(z + 6, &zlen, b.data + 1, (uLong)raw, eo->level) == Z_OK && zlen + 6 < b.size) {
            bytebuf_free(&b);
            bytebuf_init(&b);
            bytebuf_append(&b, z, zlen + 6);
        }
        free(z);
    }
    *out = b;
    return true;
}

static Term term_to_binary(Process *p, Term t, const EncodeOpts *eo)
{
    ByteBuf b;
    if (!encode_all(&b, t, eo)) return process_badarg(p);
    Term r = bytebuf_to_binary(&b, &p->heap);
    bytebuf_free(&b);
    return r;
}

static Term erl_term_to_binary1(Process *p, const Term *a)
{
    EncodeOpts eo = {false, false, 0};
    return term_to_binary(p, a[0], &eo);
}

static Term erl_term_to_binary2(Process *p, const Term *a)
{
    EncodeOpts eo = {false, false, 0};
    if (!encode_options(a[1], &eo)) return process_badarg_at(p, 2, "invalid option in list");
    return term_to_binary(p, a[0], &eo);
}

/* :erlang.external_size/1,2: the size term_to_binary would give, without
 * compression. */
static Term external_size(Process *p, Term t, EncodeOpts *eo)
{
    eo->level = 0;
    ByteBuf b;
    if (!encode_all(&b, t, eo)) return process_badarg(p);
    size_t n = b.size;
    bytebuf_free(&b);
    return small_make((int64_t)n);
}

static Term erl_external_size1(Process *p, const Term *a)
{
    EncodeOpts eo = {false, false, 0};
    return external_size(p, a[0], &eo);
}

static Term erl_external_size2(Process *p, const Term *a)
{
    EncodeOpts eo = {false, false, 0};
    if (!encode_options(a[1], &eo)) return process_badarg_at(p, 2, "invalid option in list");
    return external_size(p, a[0], &eo);
}

/* ---- decoding ------------------------------------------------------------------ */

typedef struct Reader {
    const uint8_t *s;
    size_t pos, size;
} Reader;

static bool get8(Reader *r, uint32_t *v)
{
    if (r->pos + 1 > r->size) return false;
    *v = r->s[r->pos++];
    return true;
}

static bool get16(Reader *r, uint32_t *v)
{
    if (r->pos + 2 > r->size) return false;
    *v = ((uint32_t)r->s[r->pos] << 8) | r->s[r->pos + 1];
    r->pos += 2;
    return true;
}

static bool get32(Reader *r, uint32_t *v)
{
    if (r->pos + 4 > r->size) return false;
    *v = ((uint32_t)r->s[r->pos] << 24) | ((uint32_t)r->s[r->pos + 1] << 16) | ((uint32_t)r->s[r->pos + 2] << 8) |
         r->s[r->pos + 3];
    r->pos += 4;
    return true;
}

static bool take(Reader *r, size_t n, const uint8_t **bytes)
{
    if (n > r->size - r->pos) return false;
    *bytes = r->s + r->pos;
    r->pos += n;
    return true;
}

/* An atom's bytes after its tag; `latin1` for ATOM_EXT and SMALL_ATOM_EXT. */
static bool read_atom_body(Reader *r, uint32_t len, bool latin1, bool safe, Term *out)
{
    const uint8_t *s;
    if (!take(r, len, &s)) return false;
    ByteBuf b;
    bytebuf_init(&b);
    if (latin1) {
        for (uint32_t i = 0; i < len; i++) bytebuf_append_utf8(&b, s[i]);
    } else {
        if (!utf8_valid(s, len)) {
            bytebuf_free(&b);
            return false;
        }
        bytebuf_append(&b, s, len);
    }
    /* with the atom table full only existing atoms decode (ATOM_LIMIT) */
    *out = safe || atom_count() >= ATOM_LIMIT ? atom_lookup((const char *)b.data, b.size)
                                              : atom_intern((const char *)b.data, b.size);
    bytebuf_free(&b);
    return *out != TERM_NONE;
}

static bool read_atom(Reader *r, bool safe, Term *out)
{
    uint32_t tag, len;
    if (!get8(r, &tag)) return false;
    switch (tag) {
    case ATOM_EXT: return get16(r, &len) && read_atom_body(r, len, true, safe, out);
    case SMALL_ATOM_EXT: return get8(r, &len) && read_atom_body(r, len, true, safe, out);
    case ATOM_UTF8_EXT: return get16(r, &len) && read_atom_body(r, len, false, safe, out);
    case SMALL_ATOM_UTF8_EXT: return get8(r, &len) && read_atom_body(r, len, false, safe, out);
    default: return false;
    }
}

static bool read_big(Reader *r, Heap *h, uint32_t n, Term *out)
{
    uint32_t sign;
    const uint8_t *digits;
    if (!get8(r, &sign) || !take(r, n, &digits)) return false;
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, -1, 1, 0, 0, digits);
    if (sign) mpz_neg(z, z);
    *out = integer_from_mpz(h, z);
    mpz_clear(z);
    return true;
}

/* The reference of this runtime that prints with these numbers; refs are
 * numbered from a counter whose high part is searched (a run makes few). */
static bool find_ref(Heap *h, const uint32_t w[3], Term *out)
{
    if (w[0] >= (1u << 18)) return false;
    for (uint64_t high = 0; high < 4096; high++) {
        Term ref = ref_new(h, (high << 18) | w[0]);
        uint32_t got[3];
        ref_words(ref, got);
        if (got[1] == w[1] && got[2] == w[2]) {
            *out = ref;
            return true;
        }
    }
    return false;
}

typedef struct DecodeFrame {
    uint8_t kind; /* SMALL_TUPLE_EXT, LIST_EXT or MAP_EXT */
    size_t need, have;
    Term *items;
} DecodeFrame;

/* Reads one tag: a finished term in *out, or a container to fill (pushed
 * on the frames) with *out left TERM_NONE. */
static bool read_one(Reader *r, Heap *h, bool safe, DecodeFrame **frames, size_t *nframes, size_t *cap, Term *out)
{
    uint32_t tag, n, v;
    const uint8_t *bytes;
    *out = TERM_NONE;
    if (!get8(r, &tag)) return false;
    switch (tag) {
    case SMALL_INTEGER_EXT:
        if (!get8(r, &v)) return false;
        *out = small_make(v);
        return true;
    case INTEGER_EXT:
        if (!get32(r, &v)) return false;
        *out = small_make((int32_t)v);
        return true;
    case SMALL_BIG_EXT: return get8(r, &n) && read_big(r, h, n, out);
    case LARGE_BIG_EXT: return get32(r, &n) && read_big(r, h, n, out);
    case FLOAT_EXT: {
        char text[32];
        if (r->pos + 31 > r->size) return false;
        memcpy(text, r->s + r->pos, 31);
        text[31] = 0;
        r->pos += 31;
        char *end;
        double d = strtod(text, &end);
        if (end == text || !isfinite(d)) return false;
        *out = float_new(h, d);
        return true;
    }
    case NEW_FLOAT_EXT: {
        uint32_t hi, lo;
        if (!get32(r, &hi) || !get32(r, &lo)) return false;
        uint64_t bits = ((uint64_t)hi << 32) | lo;
        double d;
        memcpy(&d, &bits, sizeof d);
        /* The BEAM has no NaN or infinity: such bytes are no term. */
        if (!isfinite(d)) return false;
        *out = float_new(h, d);
        return true;
    }
    case ATOM_EXT:
    case SMALL_ATOM_EXT:
    case ATOM_UTF8_EXT:
    case SMALL_ATOM_UTF8_EXT: r->pos--; return read_atom(r, safe, out);
    case NIL_EXT: *out = TERM_NIL; return true;
    case STRING_EXT: {
        if (!get16(r, &n) || !take(r, n, &bytes)) return false;
        Term l = TERM_NIL;
        for (uint32_t i = n; i-- > 0;) l = cons_new(h, small_make(bytes[i]), l);
        *out = l;
        return true;
    }
    case BINARY_EXT:
        if (!get32(r, &n) || !take(r, n, &bytes)) return false;
        *out = binary_new(h, bytes, n);
        return true;
    case BIT_BINARY_EXT: {
        uint32_t bits;
        if (!get32(r, &n) || !get8(r, &bits) || bits < 1 || bits > 8 || n == 0 || !take(r, n, &bytes)) return false;
        Term whole = binary_new(h, bytes, n);
        *out = bitstring_slice(h, whole, 0, (size_t)(n - 1) * 8 + bits);
        return true;
    }
    case NEW_PID_EXT:
    case PID_EXT: {
        Term node;
        uint32_t id, serial, creation;
        if (!read_atom(r, false, &node) || !get32(r, &id) || !get32(r, &serial)) return false;
        if (!(tag == NEW_PID_EXT ? get32(r, &creation) : get8(r, &creation))) return false;
        *out = pid_make(id);
        return true;
    }
    case NEWER_REFERENCE_EXT:
    case NEW_REFERENCE_EXT: {
        Term node;
        uint32_t len, creation, w[3] = {0, 0, 0};
        if (!get16(r, &len) || len < 1 || len > 5 || !read_atom(r, false, &node)) return false;
        if (!(tag == NEWER_REFERENCE_EXT ? get32(r, &creation) : get8(r, &creation))) return false;
        for (uint32_t i = 0; i < len; i++) {
            uint32_t word;
            if (!get32(r, &word)) return false;
            if (i < 3) w[i] = word;
        }
        return find_ref(h, w, out);
    }
    case EXPORT_EXT: {
        Term mod, fun, arity;
        uint32_t atag;
        if (!read_atom(r, false, &mod) || !read_atom(r, false, &fun) || !get8(r, &atag) || atag != SMALL_INTEGER_EXT ||
            !get8(r, &v))
            return false;
        arity = small_make(v);
        Term *box = heap_alloc(h, 4);
        box[0] = header_make(BOX_EXPORT, 3);
        box[1] = mod;
        box[2] = fun;
        box[3] = arity;
        *out = boxed_from_ptr(box);
        return true;
    }
    case SMALL_TUPLE_EXT:
    case LARGE_TUPLE_EXT:
    case LIST_EXT:
    case MAP_EXT: {
        if (tag == SMALL_TUPLE_EXT ? !get8(r, &n) : !get32(r, &n)) return false;
        size_t need = tag == LIST_EXT ? (size_t)n + 1 : tag == MAP_EXT ? (size_t)n * 2 : n;
        /* every element takes at least one byte: a length beyond the input is a lie */
        if (need > r->size - r->pos + 1) return false;
        if (need == 0) {
            *out = tag == MAP_EXT ? map_empty(h) : tuple_new(h, 0);
            return true;
        }
        if (*nframes == *cap) {
            *cap = *cap ? *cap * 2 : 16;
            *frames = xrealloc(*frames, *cap * sizeof(DecodeFrame));
        }
        uint8_t kind = tag == LARGE_TUPLE_EXT ? SMALL_TUPLE_EXT : (uint8_t)tag;
        (*frames)[(*nframes)++] = (DecodeFrame){kind, need, 0, xmalloc(need * sizeof(Term))};
        return true;
    }
    default: return false;
    }
}

static Term frame_finish(Heap *h, DecodeFrame *f)
{
    if (f->kind == SMALL_TUPLE_EXT) {
        Term t = tuple_new(h, f->need);
        memcpy(tuple_elems(t), f->items, f->need * sizeof(Term));
        return t;
    }
    if (f->kind == LIST_EXT) {
        Term l = f->items[f->need - 1];
        for (size_t i = f->need - 1; i-- > 0;) l = cons_new(h, f->items[i], l);
        return l;
    }
    size_t n = f->need / 2;
    Term *keys = xmalloc(n * sizeof(Term)), *values = xmalloc(n * sizeof(Term));
    for (size_t i = 0; i < n; i++) {
        keys[i] = f->items[2 * i];
        values[i] = f->items[2 * i + 1];
    }
    Term m = map_from_pairs(h, n, keys, values);
    free(keys);
    free(values);
    return m;
}

static bool etf_decode(Reader *r, Heap *h, bool safe, Term *result)
{
    DecodeFrame *frames = NULL;
    size_t nframes = 0, cap = 0;
    bool ok = true;
    *result = TERM_NONE;
    while (ok) {
        Term v;
        ok = read_one(r, h, safe, &frames, &nframes, &cap, &v);
        if (!ok || v == TERM_NONE) continue; /* a container was opened */
        while (nframes) {
            DecodeFrame *top = &frames[nframes - 1];
            top->items[top->have++] = v;
            if (top->have < top->need) break;
            v = frame_finish(h, top);
            free(top->items);
            nframes--;
        }
        if (nframes == 0) {
            *result = v;
            break;
        }
    }
    for (size_t i = 0; i < nframes; i++) free(frames[i].items);
    free(frames);
    return ok;
}

/* Inflates a zlib stream that claims to hold `raw` bytes into a buffer
 * with one free byte in front (for the version byte); NULL unless it holds
 * exactly that. The buffer grows with what the stream really yields, never
 * to the claimed size up front: a forged size of 4 GB costs nothing.
 * *consumed is the length of the stream. */
static uint8_t *inflate_claimed(const uint8_t *z, size_t zn, size_t raw, size_t *consumed)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    if (zn > UINT_MAX || inflateInit(&s) != Z_OK) return NULL;
    size_t cap = raw < 4096 ? raw : 4096;
    uint8_t *buf = xmalloc(cap + 1);
    s.next_in = (Bytef *)(uintptr_t)z;
    s.avail_in = (uInt)zn;
    int rc;
    for (;;) {
        s.next_out = buf + 1 + s.total_out;
        s.avail_out = (uInt)(cap - s.total_out);
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END || (rc != Z_OK && rc != Z_BUF_ERROR)) break;
        if (s.avail_out > 0 || cap == raw) { /* the input ran out, or it holds more than it claims */
            rc = Z_DATA_ERROR;
            break;
        }
        cap = cap > raw / 2 ? raw : cap * 2;
        buf = xrealloc(buf, cap + 1);
    }
    bool ok = rc == Z_STREAM_END && s.total_out == raw;
    *consumed = s.total_in;
    inflateEnd(&s);
    if (!ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

static Term binary_to_term(Process *p, Term bin, bool safe, bool used)
{
    const uint8_t *bytes;
    size_t size;
    if (!bif_binary(bin, &bytes, &size)) return process_badarg_at(p, 1, "not a binary");
    uint8_t *inflated = NULL;
    size_t consumed = 0;
    if (size >= 6 && bytes[0] == ETF_VERSION && bytes[1] == COMPRESSED) {
        /* 80, the size, then zlib's stream: decoded as if it were plain */
        size_t raw = ((size_t)bytes[2] << 24) | ((size_t)bytes[3] << 16) | ((size_t)bytes[4] << 8) | bytes[5];
        size_t zlen;
        inflated = inflate_claimed(bytes + 6, size - 6, raw, &zlen);
        if (!inflated) return process_badarg_at(p, 1, "invalid external representation of a term");
        inflated[0] = ETF_VERSION;
        consumed = 6 + zlen;
        bytes = inflated;
        size = raw + 1;
    }
    Reader r = {bytes, 1, size};
    Term t;
    /* like the BEAM, bytes after the term are ignored */
    bool ok = size >= 2 && bytes[0] == ETF_VERSION && etf_decode(&r, &p->heap, safe, &t);
    bool was_compressed = inflated != NULL;
    free(inflated);
    if (!ok) return process_badarg_at(p, 1, "invalid external representation of a term");
    if (used) return tuple2(&p->heap, t, small_make((int64_t)(was_compressed ? consumed : r.pos)));
    return t;
}

static Term erl_binary_to_term1(Process *p, const Term *a) { return binary_to_term(p, a[0], false, false); }

static Term erl_binary_to_term2(Process *p, const Term *a)
{
    size_t n;
    bool safe = false, used = false;
    if (!bif_list_length(a[1], &n)) return process_badarg_at(p, 2, "not a list");
    for (Term l = a[1]; term_is_cons(l); l = cons_tail(l)) {
        if (cons_head(l) == atom_from_cstr("safe")) safe = true;
        else if (cons_head(l) == atom_from_cstr("used")) used = true;
        else return process_badarg_at(p, 2, "invalid option in list");
    }
    return binary_to_term(p, a[0], safe, used);
}

const NativeDef bif_etf_natives[] = {
    {"erlang", "term_to_binary", 1, erl_term_to_binary1},
    {"erlang", "term_to_binary", 2, erl_term_to_binary2},
    {"erlang", "external_size", 1, erl_external_size1},
    {"erlang", "external_size", 2, erl_external_size2},
    {"erlang", "binary_to_term", 1, erl_binary_to_term1},
    {"erlang", "binary_to_term", 2, erl_binary_to_term2},
    {NULL, NULL, 0, NULL},
};
