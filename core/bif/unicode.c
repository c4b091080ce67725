/* unicode.c - the :unicode module: chardata conversions and normalization
 * (through utf8proc).
 *
 * Conversion walks chardata (code points, binaries, nested lists, a binary
 * tail) with an explicit stack. Like the BEAM, a UTF-8 sequence may be
 * split across consecutive binaries. On bad input the result is
 * {:error | :incomplete, Converted, Rest}: Rest starts at the offending
 * element and carries the rest of the list it sits in, which is what
 * Elixir's UnicodeConversionError looks at. */
#include <stdlib.h>
#include <utf8proc.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"

typedef enum { CONV_OK, CONV_ERROR, CONV_INCOMPLETE, CONV_BADARG } ConvStatus;

typedef struct Converter {
    Process *p;
    bool in_latin1;   /* binaries hold latin1 bytes */
    bool out_latin1;  /* refuse code points above 255 */
    ByteBuf out;      /* the converted UTF-8 text */
    ByteBuf carry;    /* a truncated sequence waiting for the next binary */
    Term rest;        /* on failure: what was not converted */
} Converter;

static bool cp_valid(int64_t c) { return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

/* Appends a binary's bytes; on failure sets rest from the bad position. */
static ConvStatus conv_binary(Converter *c, const uint8_t *s, size_t n, Term tail, bool last)
{
    if (c->in_latin1) {
        for (size_t i = 0; i < n; i++) bytebuf_append_utf8(&c->out, s[i]);
        return CONV_OK;
    }
    ByteBuf joined;
    bytebuf_init(&joined);
    bytebuf_append(&joined, c->carry.data, c->carry.size);
    bytebuf_append(&joined, s, n);
    c->carry.size = 0;
    bool truncated;
    size_t ok = utf8_valid_prefix(joined.data, joined.size, &truncated);
    ConvStatus st = CONV_OK;
    if (ok < joined.size) {
        if (truncated && !last) {
            bytebuf_append(&c->carry, joined.data + ok, joined.size - ok);
        } else {
            Term bad = binary_new(&c->p->heap, joined.data + ok, joined.size - ok);
            c->rest = tail == TERM_NIL ? bad : cons_new(&c->p->heap, bad, tail);
            st = truncated ? CONV_INCOMPLETE : CONV_ERROR;
        }
    }
    if (st == CONV_OK || ok) bytebuf_append(&c->out, joined.data, ok);
    bytebuf_free(&joined);
    return st;
}

static ConvStatus conv_run(Converter *c, Term t)
{
    const uint8_t *s;
    size_t n;
    if (!term_is_list(t)) {
        if (!bif_binary(t, &s, &n)) return CONV_BADARG;
        return conv_binary(c, s, n, TERM_NIL, true);
    }
    TermBuf stack;
    termbuf_init(&stack);
    ConvStatus st = CONV_OK;
    for (;;) {
        if (term_is_cons(t)) {
            Term head = cons_head(t), tail = cons_tail(t);
            if (term_is_small(head)) {
                int64_t v = small_value(head);
                if (c->carry.size || !cp_valid(v) || (c->out_latin1 && v > 255)) {
                    if (c->carry.size) {
                        c->rest = cons_new(&c->p->heap, binary_new(&c->p->heap, c->carry.data, c->carry.size), t);
                        st = CONV_ERROR;
                    } else {
                        c->rest = t;
                        st = CONV_ERROR;
                    }
                    break;
                }
                bytebuf_append_utf8(&c->out, (uint32_t)v);
                t = tail;
            } else if (term_is_list(head)) {
                termbuf_push(&stack, tail);
                t = head;
            } else if (bif_binary(head, &s, &n)) {
                bool last = tail == TERM_NIL && !stack.size;
                st = conv_binary(c, s, n, tail, last);
                if (st != CONV_OK) break;
                t = tail;
            } else {
                st = CONV_BADARG;
                break;
            }
            continue;
        }
        if (t != TERM_NIL) {
            if (!bif_binary(t, &s, &n)) { st = CONV_BADARG; break; }
            st = conv_binary(c, s, n, TERM_NIL, !stack.size);
            if (st != CONV_OK) break;
        }
        if (!stack.size) break;
        t = stack.items[--stack.size];
    }
    if (st == CONV_OK && c->carry.size) {
        c->rest = binary_new(&c->p->heap, c->carry.data, c->carry.size);
        st = CONV_INCOMPLETE;
    }
    termbuf_free(&stack);
    return st;
}

static Term utf8_list(Heap *h, const uint8_t *s, size_t n)
{
    TermBuf cps;
    termbuf_init(&cps);
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        termbuf_push(&cps, small_make(cp));
        i += (size_t)k;
    }
    Term r = termbuf_to_list(&cps, h, TERM_NIL);
    termbuf_free(&cps);
    return r;
}

/* The converted text in the requested form: a binary (UTF-8 or latin1) or
 * a list of code points. */
static Term conv_output(Converter *c, bool as_list)
{
    Heap *h = &c->p->heap;
    if (as_list) return utf8_list(h, c->out.data, c->out.size);
    if (!c->out_latin1) return bytebuf_to_binary(&c->out, h);
    ByteBuf latin;
    bytebuf_init(&latin);
    for (size_t i = 0; i < c->out.size;) {
        utf8proc_int32_t cp;
        i += (size_t)utf8proc_iterate(c->out.data + i, (utf8proc_ssize_t)(c->out.size - i), &cp);
        bytebuf_push(&latin, (uint8_t)cp);
    }
    Term r = bytebuf_to_binary(&latin, h);
    bytebuf_free(&latin);
    return r;
}

typedef enum { NORM_NONE, NORM_NFC, NORM_NFD, NORM_NFKC, NORM_NFKD } Normalization;

static void normalize_buf(ByteBuf *b, Normalization form)
{
    if (form == NORM_NONE || !b->size) return;
    int options = UTF8PROC_STABLE;
    switch (form) {
    case NORM_NFC: options |= UTF8PROC_COMPOSE; break;
    case NORM_NFD: options |= UTF8PROC_DECOMPOSE; break;
    case NORM_NFKC: options |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT; break;
    default: options |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT; break;
    }
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map(b->data, (utf8proc_ssize_t)b->size, &mapped, (utf8proc_option_t)options);
    if (n >= 0) {
        b->size = 0;
        bytebuf_append(b, mapped, (size_t)n);
    }
    free(mapped);
}

static bool encoding_arg(Term t, bool *latin1)
{
    if (t == atom_from_cstr("latin1")) *latin1 = true;
    else if (t == atom_from_cstr("unicode") || t == atom_from_cstr("utf8")) *latin1 = false;
    else return false;
    return true;
}

static Term convert(Process *p, Term data, bool in_latin1, bool out_latin1, bool as_list, Normalization form)
{
    Converter c = {.p = p, .in_latin1 = in_latin1, .out_latin1 = out_latin1, .rest = TERM_NIL};
    bytebuf_init(&c.out);
    bytebuf_init(&c.carry);
    ConvStatus st = conv_run(&c, data);
    Term r;
    if (st == CONV_BADARG) {
        r = process_badarg_at(p, 1, "not valid character data (an iodata term)");
    } else {
        normalize_buf(&c.out, form);
        r = conv_output(&c, as_list);
        if (st != CONV_OK)
            r = tuple3(&p->heap, atom_from_cstr(st == CONV_ERROR ? "error" : "incomplete"), r, c.rest);
    }
    bytebuf_free(&c.out);
    bytebuf_free(&c.carry);
    return r;
}

static Term uni_characters_to_binary1(Process *p, const Term *a) { return convert(p, a[0], false, false, false, NORM_NONE); }

static Term uni_characters_to_binary2(Process *p, const Term *a)
{
    bool in_latin1;
    if (!encoding_arg(a[1], &in_latin1)) return process_badarg_at(p, 2, "not a valid encoding");
    return convert(p, a[0], in_latin1, false, false, NORM_NONE);
}

static Term uni_characters_to_binary3(Process *p, const Term *a)
{
    bool in_latin1, out_latin1;
    if (!encoding_arg(a[1], &in_latin1)) return process_badarg_at(p, 2, "not a valid encoding");
    if (!encoding_arg(a[2], &out_latin1)) return process_badarg_at(p, 3, "not a valid encoding");
    return convert(p, a[0], in_latin1, out_latin1, false, NORM_NONE);
}

static Term uni_characters_to_list1(Process *p, const Term *a) { return convert(p, a[0], false, false, true, NORM_NONE); }

static Term uni_characters_to_list2(Process *p, const Term *a)
{
    bool in_latin1;
    if (!encoding_arg(a[1], &in_latin1)) return process_badarg_at(p, 2, "not a valid encoding");
    return convert(p, a[0], in_latin1, false, true, NORM_NONE);
}

static Term uni_nfc_binary(Process *p, const Term *a) { return convert(p, a[0], false, false, false, NORM_NFC); }
static Term uni_nfd_binary(Process *p, const Term *a) { return convert(p, a[0], false, false, false, NORM_NFD); }
static Term uni_nfkc_binary(Process *p, const Term *a) { return convert(p, a[0], false, false, false, NORM_NFKC); }
static Term uni_nfkd_binary(Process *p, const Term *a) { return convert(p, a[0], false, false, false, NORM_NFKD); }
static Term uni_nfc_list(Process *p, const Term *a) { return convert(p, a[0], false, false, true, NORM_NFC); }
static Term uni_nfd_list(Process *p, const Term *a) { return convert(p, a[0], false, false, true, NORM_NFD); }
static Term uni_nfkc_list(Process *p, const Term *a) { return convert(p, a[0], false, false, true, NORM_NFKC); }
static Term uni_nfkd_list(Process *p, const Term *a) { return convert(p, a[0], false, false, true, NORM_NFKD); }

const NativeDef bif_unicode_natives[] = {
    {"unicode", "characters_to_binary", 1, uni_characters_to_binary1},
    {"unicode", "characters_to_binary", 2, uni_characters_to_binary2},
    {"unicode", "characters_to_binary", 3, uni_characters_to_binary3},
    {"unicode", "characters_to_list", 1, uni_characters_to_list1},
    {"unicode", "characters_to_list", 2, uni_characters_to_list2},
    {"unicode", "characters_to_nfc_binary", 1, uni_nfc_binary},
    {"unicode", "characters_to_nfd_binary", 1, uni_nfd_binary},
    {"unicode", "characters_to_nfkc_binary", 1, uni_nfkc_binary},
    {"unicode", "characters_to_nfkd_binary", 1, uni_nfkd_binary},
    {"unicode", "characters_to_nfc_list", 1, uni_nfc_list},
    {"unicode", "characters_to_nfd_list", 1, uni_nfd_list},
    {"unicode", "characters_to_nfkc_list", 1, uni_nfkc_list},
    {"unicode", "characters_to_nfkd_list", 1, uni_nfkd_list},
    {NULL, NULL, 0, NULL},
};
