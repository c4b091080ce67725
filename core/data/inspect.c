/* inspect.c - Elixir 1.14's Inspect protocol for built-in types, and
 * String.Chars.
 *
 * A term becomes a document (doc.h) the way Elixir's Inspect
 * implementations build it, then the document is laid out. Containers are
 * walked with an explicit stack of frames, one per open list, tuple, map or
 * struct, so depth costs heap memory, never C stack. Each frame collects
 * its items' documents on a shared document stack and, when done, folds
 * them the way Inspect.Algebra.container_doc/6 does.
 */
#include "inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "atom.h"
#include "binary.h"
#include "compare.h"
#include "error.h"
#include "fatal.h"
#include "integer.h"
#include "map.h"
#include "map_order.h"
#include "state.h"

void inspect_opts_default(InspectOpts *o)
{
    o->width = 80;
    o->pretty = false;
    o->limit = 50;
    o->printable_limit = 4096;
    o->charlists = CHARLISTS_INFER;
    o->binaries = BINARIES_INFER;
    o->structs = true;
    o->base = 10;
    o->colors = NULL;
    o->custom = NULL;
}

/* ---- small text helpers ------------------------------------------------- */

static void out_cstr(DocOut *o, const char *s) { docout_append(o, s, strlen(s)); }
static void out_char(DocOut *o, char c) { docout_append(o, &c, 1); }

static bool text_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static bool text_starts(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return n >= p && memcmp(s, prefix, p) == 0;
}

/* Decodes one UTF-8 character as Erlang's <<c::utf8>> does (no overlong
 * forms, no surrogates, nothing above U+10FFFF). Returns its length, or 0
 * if the bytes at `s` are not one. */
static size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
    if (n == 0) return 0;
    uint8_t b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((b & 0xE0) == 0xC0) { len = 2; c = b & 0x1F; min = 0x80; }
    else if ((b & 0xF0) == 0xE0) { len = 3; c = b & 0x0F; min = 0x800; }
    else if ((b & 0xF8) == 0xF0) { len = 4; c = b & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

static void out_utf8(DocOut *o, uint32_t c)
{
    char b[4];
    size_t n;
    if (c < 0x80) { b[0] = (char)c; n = 1; }
    else if (c < 0x800) { b[0] = (char)(0xC0 | (c >> 6)); b[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12)); b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F)); n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18)); b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (char)(0x80 | (c & 0x3F)); n = 4;
    }
    docout_append(o, b, n);
}

static long limit_decrement(long limit) { return limit < 0 ? limit : limit - 1; }

/* ---- floats -------------------------------------------------------------- */

/* The shortest decimal digits of a positive finite double that read back
 * as it, with ties going to the digits closest to its exact value. The
 * value is 0.DIGITS * 10^place. Returns the digit count. */
static int float_shortest_digits(double v, char digits[20], int *place)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    /* At a power of two the gap below is half the gap above, so the
     * correctly rounded candidate may miss while the next one up reads
     * back: try it too. */
    bool lopsided = (bits & ((1ULL << 52) - 1)) == 0 && (bits >> 52) > 1;
    char buf[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, v);
        char *e = strchr(buf, 'e');
        int exp10 = atoi(e + 1);
        int n = 0;
        for (char *q = buf; q < e; q++)
            if (*q >= '0' && *q <= '9') digits[n++] = *q;
        if (strtod(buf, NULL) == v) {
            *place = exp10 + 1;
            return n;
        }
        if (lopsided && strtod(buf, NULL) < v) {
            char up[20];
            memcpy(up, digits, (size_t)n);
            int i = n - 1;
            while (i >= 0 && up[i] == '9') up[i--] = '0';
            int upexp = exp10;
            if (i < 0) { up[0] = '1'; upexp++; }
            else up[i]++;
            char text[48];
            snprintf(text, sizeof text, "%c.%.*se%d", up[0], n - 1, up + 1, upexp);
            if (n == 1) snprintf(text, sizeof text, "%ce%d", up[0], upexp);
            if (strtod(text, NULL) == v) {
                memcpy(digits, up, (size_t)n);
                *place = upexp + 1;
                return n;
            }
        }
    }
    snprintf(buf, sizeof buf, "%.16e", v);
    char *e = strchr(buf, 'e');
    int n = 0;
    for (char *q = buf; q < e; q++)
        if (*q >= '0' && *q <= '9') digits[n++] = *q;
    *place = atoi(e + 1) + 1;
    return n;
}

/* Writes D.DDDeX: the digits in scientific notation with at least one
 * digit after the point. */
static size_t float_write_exp(char *buf, size_t at, const char *digits, int n, int place)
{
    buf[at++] = digits[0];
    buf[at++] = '.';
    if (n == 1) buf[at++] = '0';
    for (int i = 1; i < n; i++) buf[at++] = digits[i];
    return at + (size_t)sprintf(buf + at, "e%d", place - 1);
}

size_t float_format_shortest(double d, char *buf)
{
    size_t at = 0;
    if (signbit(d)) buf[at++] = '-';
    double v = fabs(d);
    if (v == 0) {
        memcpy(buf + at, "0.0", 4);
        return at + 3;
    }
    char digits[20];
    int place;
    int n = float_shortest_digits(v, digits, &place);
    if (place <= 0 || place >= n) {
        /* Outside the digits the decimal point needs zeros or an exponent:
         * plain notation is kept only while it is no longer than the
         * exponent form (and, above the digits, below 2^53 where every
         * integer is exact). */
        char expl[16];
        int explen = sprintf(expl, "%d", place - 1);
        int exp_cost = explen + 1 + (n == 1 ? 2 : 1);
        if (place <= 0 && 2 - place <= exp_cost) {
            buf[at++] = '0';
            buf[at++] = '.';
            for (int i = 0; i < -place; i++) buf[at++] = '0';
            memcpy(buf + at, digits, (size_t)n);
            at += (size_t)n;
        } else if (place > 0 && place - n + 2 <= exp_cost && v < 9007199254740992.0) {
            memcpy(buf + at, digits, (size_t)n);
            at += (size_t)n;
            for (int i = 0; i < place - n; i++) buf[at++] = '0';
            buf[at++] = '.';
            buf[at++] = '0';
        } else {
            at = float_write_exp(buf, at, digits, n, place);
        }
    } else {
        memcpy(buf + at, digits, (size_t)place);
        at += (size_t)place;
        buf[at++] = '.';
        memcpy(buf + at, digits + place, (size_t)(n - place));
        at += (size_t)(n - place);
    }
    buf[at] = 0;
    return at;
}

size_t float_format_inspect(double d, char *buf)
{
    double a = fabs(d);
    if (a >= 1.0 && a < 1.0e16 && trunc(d) == d) {
        int n = sprintf(buf, "%.0f.0", d);
        return (size_t)n;
    }
    return float_format_shortest(d, buf);
}

/* ---- references -------------------------------------------------------- */

static uint32_t mix32(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return (uint32_t)((x ^ (x >> 31)) >> 32);
}

size_t ref_format(Term ref, char *buf)
{
    uint64_t id = (uint64_t)boxed_ptr(ref)[1];
    /* Like the BEAM's, consecutive references share their first numbers
     * and count up in the last one. */
    uint64_t high = id >> 18;
    return (size_t)sprintf(buf, "#Reference<0.%u.%u.%u>", mix32(high * 2 + 1),
                           mix32(high * 2 + 2), (unsigned)(id & 0x3FFFF));
}

/* ---- Code.Identifier.escape/3 ---------------------------------------- */

static const char hex_digits[] = "0123456789ABCDEF";

static void escape_char(DocOut *o, uint32_t c)
{
    switch (c) {
    case 7: out_cstr(o, "\\a"); return;
    case 8: out_cstr(o, "\\b"); return;
    case 127: out_cstr(o, "\\d"); return;
    case 27: out_cstr(o, "\\e"); return;
    case 12: out_cstr(o, "\\f"); return;
    case 10: out_cstr(o, "\\n"); return;
    case 13: out_cstr(o, "\\r"); return;
    case 9: out_cstr(o, "\\t"); return;
    case 11: out_cstr(o, "\\v"); return;
    case 92: out_cstr(o, "\\\\"); return;
    case 0: out_cstr(o, "\\0"); return;
    case 0xFEFF: out_cstr(o, "\\uFEFF"); return;
    default: break;
    }
    if ((c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
        (c >= 0x10000 && c <= 0x10FFFF)) {
        out_utf8(o, c);
    } else if (c < 0x100) {
        char b[4] = {'\\', 'x', hex_digits[c >> 4], hex_digits[c & 15]};
        docout_append(o, b, 4);
    } else {
        int nd = c < 0x10000 ? 4 : 6;
        out_cstr(o, "\\x{");
        for (int i = nd - 1; i >= 0; i--) out_char(o, hex_digits[(c >> (4 * i)) & 15]);
        out_char(o, '}');
    }
}

/* Appends the escaped text of `s` between `quote` characters' worth of
 * content (the quotes themselves are the caller's). At most `limit`
 * characters (-1: all). Returns false if it stopped before the end. */
static bool escape_text(DocOut *o, const uint8_t *s, size_t n, char quote, long limit)
{
    size_t i = 0;
    while (i < n) {
        if (limit == 0) return false;
        limit = limit_decrement(limit);
        if (s[i] == (uint8_t)quote) {
            out_char(o, '\\');
            out_char(o, quote);
            i++;
            continue;
        }
        if (s[i] == '#' && i + 1 < n && s[i + 1] == '{') {
            out_cstr(o, "\\#{");
            i += 2;
            continue;
        }
        uint32_t c;
        size_t len = utf8_decode(s + i, n - i, &c);
        if (len) {
            escape_char(o, c);
            i += len;
        } else {
            char b[4] = {'\\', 'x', hex_digits[s[i] >> 4], hex_digits[s[i] & 15]};
            docout_append(o, b, 4);
            i++;
        }
    }
    return true;
}

/* String.printable?/2 */
static bool string_printable(const uint8_t *s, size_t n, long limit)
{
    size_t i = 0;
    while (i < n) {
        if (limit == 0) return true;
        limit = limit_decrement(limit);
        uint8_t b = s[i];
        if ((b >= 0x20 && b <= 0x7E) || (b >= 7 && b <= 13) || b == 27 || b == 127) {
            i++;
            continue;
        }
        uint32_t c;
        size_t len = utf8_decode(s + i, n - i, &c);
        if (!len) return false;
        if (!((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

/* ---- atoms (Macro.inspect_atom/2) -------------------------------------- */

typedef enum {
    CLASS_ALIAS,
    CLASS_IDENTIFIER,
    CLASS_UNQUOTED_OPERATOR,
    CLASS_QUOTED_OPERATOR,
    CLASS_NOT_CALLABLE,
    CLASS_OTHER
} AtomClass;

static bool text_in(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (text_is(s, n, *list)) return true;
    return false;
}

static const char *const not_callable_atoms[] = {"%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->", NULL};
static const char *const quoted_operator_atoms[] = {"::", "^^^", "~~~", "<|>", NULL};
/* Code.Identifier's unary and binary operators (but not //). */
static const char *const operator_atoms[] = {
    "&", "!", "^", "not", "+", "-", "~~~", "@", "<-", "\\\\", "when", "::", "|", "=", "||", "|||", "or",
    "&&", "&&&", "and", "==", "!=", "=~", "===", "!==", "<", "<=", ">=", ">", "|>", "<<<", ">>>", "<~",
    "~>", "<<~", "~>>", "<~>", "<|>", "in", "^^^", "++", "--", "..", "<>", "+++", "---", "*", "/",
    "**", ".", NULL};

static bool ascii_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* "Elixir" followed by any number of .Uppercase[alnum_]* pieces. */
static bool atom_valid_alias(const char *s, size_t n)
{
    if (!text_starts(s, n, "Elixir")) return false;
    size_t i = 6;
    while (i < n) {
        if (s[i] != '.' || i + 1 >= n || !(s[i + 1] >= 'A' && s[i + 1] <= 'Z')) return false;
        i += 2;
        while (i < n && ascii_alnum((unsigned char)s[i])) i++;
    }
    return true;
}

static bool unicode_upper(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static bool unicode_start(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    if (k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO ||
        k == UTF8PROC_CATEGORY_NL)
        return true;
    /* Other_ID_Start, less the restricted ones */
    return c == 0x1885 || c == 0x1886;
}

static bool unicode_continue(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    if (k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ND ||
        k == UTF8PROC_CATEGORY_PC)
        return true;
    /* Other_ID_Continue */
    return c == 0xB7 || c == 0x387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA;
}

/* Characters that NFKC changes are outside identifiers (UTS 39's
 * restricted Not_NFKC type); µ is the one the tokenizer normalizes. */
static bool unicode_restricted(uint32_t c)
{
    if (c == 0xB5) return false;
    utf8proc_uint8_t text[8];
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)c, text);
    text[n] = 0;
    utf8proc_uint8_t *nfkc = utf8proc_NFKC(text);
    bool changed = !nfkc || strcmp((const char *)nfkc, (const char *)text) != 0;
    free(nfkc);
    return changed;
}

/* A coarse Unicode script of a character, from the blocks of the scripts
 * identifiers are written in; other characters get one script per 128-code
 * point block. 0 means any script (digits, _, combining marks). */
enum { SCRIPT_ANY, SCRIPT_LATIN, SCRIPT_GREEK, SCRIPT_CYRILLIC, SCRIPT_HAN, SCRIPT_HIRAGANA, SCRIPT_KATAKANA,
       SCRIPT_HANGUL, SCRIPT_BOPOMOFO, SCRIPT_OTHER };

static uint32_t unicode_script(uint32_t c)
{
    static const struct { uint32_t lo, hi, script; } ranges[] = {
        {'A', 'Z', SCRIPT_LATIN},        {'a', 'z', SCRIPT_LATIN},         {0xAA, 0xAA, SCRIPT_LATIN},
        {0xBA, 0xBA, SCRIPT_LATIN},      {0xC0, 0x24F, SCRIPT_LATIN},      {0x250, 0x2AF, SCRIPT_LATIN},
        {0x1D00, 0x1D7F, SCRIPT_LATIN},  {0x1E00, 0x1EFF, SCRIPT_LATIN},   {0x2C60, 0x2C7F, SCRIPT_LATIN},
        {0xA720, 0xA7FF, SCRIPT_LATIN},  {0xAB30, 0xAB6F, SCRIPT_LATIN},   {0x370, 0x3FF, SCRIPT_GREEK},
        {0x1F00, 0x1FFF, SCRIPT_GREEK},  {0x400, 0x52F, SCRIPT_CYRILLIC},  {0x1C80, 0x1C8F, SCRIPT_CYRILLIC},
        {0x2DE0, 0x2DFF, SCRIPT_CYRILLIC}, {0xA640, 0xA69F, SCRIPT_CYRILLIC}, {0x3005, 0x3007, SCRIPT_HAN},
        {0x3400, 0x4DBF, SCRIPT_HAN},    {0x4E00, 0x9FFF, SCRIPT_HAN},     {0xF900, 0xFAFF, SCRIPT_HAN},
        {0x20000, 0x3FFFF, SCRIPT_HAN},  {0x3041, 0x309F, SCRIPT_HIRAGANA}, {0x30A0, 0x30FF, SCRIPT_KATAKANA},
        {0x31F0, 0x31FF, SCRIPT_KATAKANA}, {0x1100, 0x11FF, SCRIPT_HANGUL}, {0x3130, 0x318F, SCRIPT_HANGUL},
        {0xAC00, 0xD7AF, SCRIPT_HANGUL}, {0x3100, 0x312F, SCRIPT_BOPOMOFO}, {0x31A0, 0x31BF, SCRIPT_BOPOMOFO},
    };
    if ((c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) || c == 0xB7 || c == 0x30FC) return SCRIPT_ANY;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    if (k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_ME) return SCRIPT_ANY;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i].lo && c <= ranges[i].hi) return ranges[i].script;
    return SCRIPT_OTHER + (c >> 7);
}

/* String.Tokenizer's rule against mixed scripts: one script for all, or
 * Latin with the scripts of Japanese, Chinese or Korean. */
static bool scripts_acceptable(const uint8_t *s, size_t n)
{
    uint32_t single = SCRIPT_ANY;
    bool mixed = false;
    unsigned seen = 0; /* bit per script below SCRIPT_OTHER */
    bool other = false;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = utf8_decode(s + i, n - i, &c);
        if (!len) return false;
        i += len;
        uint32_t sc = unicode_script(c);
        if (sc == SCRIPT_ANY) continue;
        if (sc >= SCRIPT_OTHER) other = true;
        else seen |= 1u << sc;
        if (single == SCRIPT_ANY) single = sc;
        else if (single != sc) mixed = true;
    }
    if (!mixed) return true;
    if (other) return false;
    unsigned base = 1u << SCRIPT_LATIN | 1u << SCRIPT_HAN;
    unsigned japanese = base | 1u << SCRIPT_HIRAGANA | 1u << SCRIPT_KATAKANA;
    unsigned chinese = base | 1u << SCRIPT_BOPOMOFO, korean = base | 1u << SCRIPT_HANGUL;
    return (seen & ~japanese) == 0 || (seen & ~chinese) == 0 || (seen & ~korean) == 0;
}

/* String.Tokenizer.tokenize/1 applied to a whole atom: CLASS_IDENTIFIER
 * for an identifier (foo, _x, foo?, héllo), CLASS_NOT_CALLABLE for an
 * alias-like or `@` word (Foo, Äb, foo@bar), CLASS_OTHER if the text is not
 * one token (or mixes scripts, or is not in NFC). */
static AtomClass atom_tokenize(const char *text, size_t n)
{
    const uint8_t *s = (const uint8_t *)text;
    uint32_t c;
    size_t len = utf8_decode(s, n, &c);
    if (!len) return CLASS_OTHER;
    bool identifier, ascii = true, at = false;
    if (c >= 'A' && c <= 'Z') identifier = false;
    else if ((c >= 'a' && c <= 'z') || c == '_') identifier = true;
    else if (c < 0x80 || unicode_restricted(c)) return CLASS_OTHER;
    else if (unicode_upper(c)) { identifier = false; ascii = false; }
    else if (unicode_start(c) || c == 0xB5) { identifier = true; ascii = false; }
    else return CLASS_OTHER;
    size_t i = len;
    while (i < n) {
        if (s[i] == '!' || s[i] == '?') {
            i++;
            break;
        }
        if (s[i] == '@') { at = true; i++; continue; }
        if (s[i] < 0x80) {
            if (!ascii_alnum(s[i])) break;
            i++;
            continue;
        }
        len = utf8_decode(s + i, n - i, &c);
        if (!len || unicode_restricted(c)) return CLASS_OTHER;
        if (!(unicode_start(c) || unicode_upper(c) || unicode_continue(c) || c == 0xB5)) return CLASS_OTHER;
        ascii = false;
        i += len;
    }
    if (i != n) return CLASS_OTHER;
    bool normalized = true;
    if (!ascii) {
        if (!scripts_acceptable(s, n)) return CLASS_OTHER;
        utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)text);
        /* atoms hold no NUL, so the C-string API sees the whole text */
        normalized = nfc && strlen((char *)nfc) == n && memcmp(nfc, text, n) == 0;
        for (size_t j = 0; j + 1 < n; j++)
            if (s[j] == 0xC2 && s[j + 1] == 0xB5) normalized = false; /* µ is rewritten to μ */
        free(nfc);
    }
    if (!identifier || at) return CLASS_NOT_CALLABLE;
    return normalized ? CLASS_IDENTIFIER : CLASS_OTHER;
}

static AtomClass atom_classify_text(const char *s, size_t n)
{
    if (text_in(s, n, not_callable_atoms)) return CLASS_NOT_CALLABLE;
    if (text_in(s, n, quoted_operator_atoms)) return CLASS_QUOTED_OPERATOR;
    if (text_in(s, n, operator_atoms)) return CLASS_UNQUOTED_OPERATOR;
    if (memchr(s, 0, n)) return CLASS_OTHER;
    if (atom_valid_alias(s, n)) return CLASS_ALIAS;
    return atom_tokenize(s, n);
}

static void out_quoted_atom_text(DocOut *o, const char *s, size_t n)
{
    out_char(o, '"');
    escape_text(o, (const uint8_t *)s, n, '"', -1);
    out_char(o, '"');
}

static void atom_write(DocOut *o, Term atom, AtomFormat format)
{
    const char *s = atom_text(atom);
    size_t n = atom_length(atom);
    if (format == ATOM_AS_LITERAL && (atom == ATOM_nil || atom == ATOM_true || atom == ATOM_false)) {
        docout_append(o, s, n);
        return;
    }
    AtomClass k = atom_classify_text(s, n);
    switch (format) {
    case ATOM_AS_LITERAL:
        if (k == CLASS_ALIAS) {
            if (text_is(s, n, "Elixir") || text_starts(s, n, "Elixir.Elixir")) docout_append(o, s, n);
            else docout_append(o, s + 7, n - 7);
        } else if (k == CLASS_QUOTED_OPERATOR || k == CLASS_OTHER) {
            out_char(o, ':');
            out_quoted_atom_text(o, s, n);
        } else {
            out_char(o, ':');
            docout_append(o, s, n);
        }
        return;
    case ATOM_AS_KEY:
        if (k == CLASS_ALIAS) {
            out_char(o, '"');
            docout_append(o, s, n);
            out_char(o, '"');
        } else if (k == CLASS_QUOTED_OPERATOR || k == CLASS_OTHER) {
            out_quoted_atom_text(o, s, n);
        } else {
            docout_append(o, s, n);
        }
        out_char(o, ':');
        return;
    case ATOM_AS_REMOTE_CALL:
        if (k == CLASS_IDENTIFIER || k == CLASS_UNQUOTED_OPERATOR || k == CLASS_QUOTED_OPERATOR) {
            docout_append(o, s, n);
        } else if (k == CLASS_NOT_CALLABLE || k == CLASS_ALIAS) {
            out_char(o, '"');
            docout_append(o, s, n);
            out_char(o, '"');
        } else {
            out_quoted_atom_text(o, s, n);
        }
        return;
    }
}

char *inspect_atom_cstring(Term atom, AtomFormat format, size_t *len)
{
    DocOut o;
    docout_init(&o);
    atom_write(&o, atom, format);
    if (len) *len = o.size;
    return o.data;
}

/* ---- the inspection context ------------------------------------------- */

typedef enum { SRC_LIST, SRC_ARRAY, SRC_MAP, SRC_STRUCT, SRC_RANGE } SourceKind;
typedef enum { ITEM_PLAIN, ITEM_KEYWORD, ITEM_ASSOC } ItemKind;
typedef enum { BREAK_MAYBE, BREAK_STRICT, BREAK_FLEX } BreakKind;
/* Where a frame stands inside its current item. */
typedef enum { STAGE_NEXT, STAGE_KEY, STAGE_VALUE, STAGE_TAIL_LEFT, STAGE_TAIL_RIGHT, STAGE_DONE } Stage;

/* One open container (or range). Its finished items' documents are on
 * Ctx.docs from index `base` up. */
typedef struct Frame {
    uint8_t source, items, brk, stage;
    bool simple;       /* container_each's simple? */
    uint8_t wrap;      /* a Wrap: text around the result (MapSet.new(...)) */
    bool dots;         /* SRC_STRUCT: the last item is "..." (a derived Inspect) */
    uint8_t charlists; /* the CharlistsMode children are inspected with */
    long limit;        /* container_each's limit; after an item starts, its children's */
    Term cur;          /* SRC_LIST: the rest; SRC_MAP, SRC_STRUCT: the map; SRC_RANGE: first */
    Term key;          /* ITEM_KEYWORD: the key; improper list: the tail; SRC_RANGE: last */
    Term value;        /* ITEM_ASSOC: the value after the key; SRC_RANGE: step */
    const Term *elems; /* SRC_ARRAY elements, SRC_MAP keys, SRC_STRUCT fields */
    const Term *values; /* SRC_MAP values in the order of elems, or NULL: map_values() */
    size_t index, count;
    size_t started;    /* items begun (for separators when streaming) */
    const Doc *left, *right;
    const Doc *pending; /* the key's document, or an improper list's last element's */
    size_t base;
} Frame;

/* The inspection of one term. With `stream` set the layout is known to be
 * flat (no width), so instead of building documents every piece of text
 * goes straight to `stream` in order, and the document functions return
 * the placeholder `streamed`. Both ways give the same text. */
typedef struct Ctx {
    DocArena *arena;
    DocOut *stream;
    const InspectOpts *o;
    Frame *frames;
    size_t nframes, frame_cap;
    const Doc **docs;
    size_t ndocs, doc_cap;
} Ctx;

DOC_LITERAL(streamed, "");
DOC_LITERAL(lit_empty_list, "[]");
DOC_LITERAL(lit_empty_tuple, "{}");
DOC_LITERAL(lit_empty_map, "%{}");
DOC_LITERAL(lit_empty_bits, "<<>>");
DOC_LITERAL(lit_empty_mapset, "MapSet.new([])");
DOC_LITERAL(lit_mapset_open, "MapSet.new(");
DOC_LITERAL(lit_stream_open, "#Stream<");
DOC_LITERAL(lit_angle_close_only, ">");
DOC_LITERAL(lit_paren_close, ")");
/* Text around a list's document: MapSet.new([...]), #Stream<[...]>. */
typedef enum { WRAP_NONE, WRAP_MAPSET, WRAP_STREAM } Wrap;
static const Doc *const wrap_open[] = {NULL, &lit_mapset_open, &lit_stream_open};
static const Doc *const wrap_close[] = {NULL, &lit_paren_close, &lit_angle_close_only};

DOC_LITERAL(lit_list_open, "[");
DOC_LITERAL(lit_list_close, "]");
DOC_LITERAL(lit_tuple_open, "{");
DOC_LITERAL(lit_brace_close, "}");
DOC_LITERAL(lit_map_open, "%{");
DOC_LITERAL(lit_bits_open, "<<");
DOC_LITERAL(lit_bits_close, ">>");
DOC_LITERAL(lit_comma, ",");
DOC_LITERAL(lit_space, " ");
DOC_LITERAL(lit_arrow, " => ");
DOC_LITERAL(lit_ellipsis, "...");
DOC_LITERAL(lit_angle_close, ">");
DOC_LITERAL(lit_range, "..");
DOC_LITERAL(lit_step, "//");
DOC_LITERAL(lit_internal, "#Internal<>");
DOC_LITERAL(lit_tail_sep, " |");

/* A literal: shared, or written out when streaming. */
static const Doc *lit(Ctx *c, const Doc *d)
{
    if (!c->stream) return d;
    docout_append(c->stream, d->u.str.text, d->u.str.length);
    return &streamed;
}

static void stream_cstr(Ctx *c, const char *s) { out_cstr(c->stream, s); }

/* Inspect.Algebra.color/3: `d` between its colour and the reset colour,
 * both taking no columns. Only documents are coloured, not streamed text. */
static const Doc *paint(Ctx *c, InspectColor key, const Doc *d)
{
    const char *const *colors = c->o->colors;
    if (!colors || c->stream || !d || !colors[key] || !*colors[key]) return d;
    DocArena *a = c->arena;
    const Doc *reset = doc_text_invisible(a, colors[INSPECT_COLOR_RESET] ? colors[INSPECT_COLOR_RESET] : "");
    return doc_concat(a, doc_text_invisible(a, colors[key]), doc_concat(a, d, reset));
}

/* The colour of a container's delimiters and commas, told by its opening. */
static InspectColor container_color(const Doc *left);

static const Doc *text_doc(Ctx *c, const char *s, size_t n)
{
    if (!c->stream) return doc_text(c->arena, s, n);
    docout_append(c->stream, s, n);
    return &streamed;
}

static const Doc *out_doc(Ctx *c, DocOut *o)
{
    const Doc *d = text_doc(c, o->data, o->size);
    docout_free(o);
    return d;
}

static void docs_push(Ctx *c, const Doc *d)
{
    if (c->ndocs == c->doc_cap) {
        size_t grown = c->doc_cap ? c->doc_cap * 2 : 64;
        c->docs = xrealloc(c->docs, grown * sizeof *c->docs);
        c->doc_cap = grown; /* only once the memory is there */
    }
    c->docs[c->ndocs++] = d;
}

static Frame *frame_push(Ctx *c)
{
    if (c->nframes == c->frame_cap) {
        size_t grown = c->frame_cap ? c->frame_cap * 2 : 16;
        c->frames = xrealloc(c->frames, grown * sizeof *c->frames);
        c->frame_cap = grown; /* only once the memory is there */
    }
    Frame *f = &c->frames[c->nframes++];
    memset(f, 0, sizeof *f);
    f->base = c->ndocs;
    return f;
}

/* ---- leaves ---------------------------------------------------------------- */

static void integer_write(DocOut *o, Term t, int base)
{
    char *text;
    char small[80];
    if (term_is_small(t)) {
        int64_t v = small_value(t);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char tmp[70];
        int n = 0;
        do {
            tmp[n++] = hex_digits[u % (uint64_t)base];
            u /= (uint64_t)base;
        } while (u);
        int at = 0;
        if (v < 0) small[at++] = '-';
        while (n) small[at++] = tmp[--n];
        small[at] = 0;
        text = small;
    } else {
        text = integer_to_cstring(t, base);
    }
    const char *digits = text;
    if (base != 10) {
        if (*digits == '-') {
            out_char(o, '-');
            digits++;
        }
        out_cstr(o, base == 2 ? "0b" : base == 8 ? "0o" : "0x");
    }
    out_cstr(o, digits);
    if (text != small) free(text);
}

static const Doc *integer_doc(Ctx *c, Term t)
{
    DocOut o;
    docout_init(&o);
    integer_write(&o, t, c->o->base);
    return out_doc(c, &o);
}

/* One element of a bitstring: a byte, or the trailing bits with their size. */
static const Doc *bits_item_doc(Ctx *c, Term t, size_t first_bit, size_t bits)
{
    uint64_t v = 0;
    for (size_t b = 0; b < bits; b++) v = (v << 1) | bitstring_bit(t, first_bit + b);
    DocOut o;
    docout_init(&o);
    integer_write(&o, small_make((int64_t)v), c->o->base);
    if (bits != 8) {
        char sz[32];
        snprintf(sz, sizeof sz, "::size(%zu)", bits);
        out_cstr(&o, sz);
    }
    return out_doc(c, &o);
}

/* Inspect.BitString's each_bit/3 and its group. */
static const Doc *bitstring_doc(Ctx *c, Term t, long limit)
{
    size_t bits = bitstring_bit_size(t);
    if (bits == 0) return lit(c, &lit_empty_bits);
    size_t nbytes = bits / 8, rest_bits = bits % 8;
    size_t nitems = nbytes + (rest_bits ? 1 : 0);
    /* each_bit prints "..." in place of the item its counter reaches 0 at */
    bool truncated = limit >= 0 && nitems > (size_t)limit;
    if (truncated) nitems = (size_t)limit;
    if (c->stream) {
        lit(c, &lit_bits_open);
        for (size_t i = 0; i < nitems; i++) {
            if (i) stream_cstr(c, ", ");
            bits_item_doc(c, t, i * 8, i == nbytes ? rest_bits : 8);
        }
        if (truncated) stream_cstr(c, nitems ? ", ..." : "...");
        return lit(c, &lit_bits_close);
    }
    /* each_bit nests its flex_glues to the right: fold from the end */
    const Doc *acc = truncated ? &lit_ellipsis : NULL;
    const Doc *comma = paint(c, INSPECT_COLOR_BINARY, &lit_comma);
    for (size_t i = nitems; i-- > 0;) {
        const Doc *item = paint(c, INSPECT_COLOR_NUMBER, bits_item_doc(c, t, i * 8, i == nbytes ? rest_bits : 8));
        if (acc) acc = doc_flex_glue(c->arena, doc_concat(c->arena, item, comma), " ", acc);
        else acc = item;
    }
    DocArena *a = c->arena;
    const Doc *open = paint(c, INSPECT_COLOR_BINARY, &lit_bits_open), *close = paint(c, INSPECT_COLOR_BINARY, &lit_bits_close);
    return doc_group(a, doc_concat(a, doc_concat(a, open, doc_nest(a, acc, 2, DOC_NEST_ALWAYS)), close),
                     DOC_GROUP_SELF);
}

static const Doc *binary_doc(Ctx *c, Term t, long limit)
{
    const uint8_t *bytes;
    size_t size;
    if (bitstring_bit_size(t) % 8 == 0 && binary_bytes(t, &bytes, &size) && c->o->base == 10 &&
        (c->o->binaries == BINARIES_AS_STRINGS ||
         (c->o->binaries == BINARIES_INFER && string_printable(bytes, size, c->o->printable_limit)))) {
        DocOut o;
        docout_init(&o);
        out_char(&o, '"');
        bool complete = escape_text(&o, bytes, size, '"', c->o->printable_limit);
        out_char(&o, '"');
        if (!complete) out_cstr(&o, " <> ...");
        return out_doc(c, &o);
    }
    return bitstring_doc(c, t, limit);
}

static const Doc *atom_doc(Ctx *c, Term t)
{
    DocOut o;
    docout_init(&o);
    atom_write(&o, t, ATOM_AS_LITERAL);
    return out_doc(c, &o);
}

static const Doc *fun_doc(Ctx *c, Term t)
{
    DocOut o;
    docout_init(&o);
    char num[64];
    Term *obj = boxed_ptr(t);
    if (boxed_type(t) == BOX_EXPORT) {
        out_char(&o, '&');
        atom_write(&o, obj[1], ATOM_AS_LITERAL);
        out_char(&o, '.');
        atom_write(&o, obj[2], ATOM_AS_REMOTE_CALL);
        snprintf(num, sizeof num, "/%lld", (long long)small_value(obj[3]));
        out_cstr(&o, num);
        return out_doc(c, &o);
    }
    const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
    snprintf(num, sizeof num, "#Function<%u.%u", info->index, info->uniq);
    out_cstr(&o, num);
    bool script = term_is_atom(info->module) &&
                  text_starts(atom_text(info->module), atom_length(info->module), "elixir_compiler_");
    if (script && info->file) {
        out_cstr(&o, " in file:");
        out_cstr(&o, info->file);
        out_char(&o, '>');
        return out_doc(c, &o);
    }
    snprintf(num, sizeof num, "/%u in ", info->arity);
    out_cstr(&o, num);
    atom_write(&o, info->module, ATOM_AS_LITERAL);
    if (term_is_atom(info->parent_name) && info->parent_name != ATOM_nil) {
        out_char(&o, '.');
        atom_write(&o, info->parent_name, ATOM_AS_REMOTE_CALL);
        snprintf(num, sizeof num, "/%u", info->parent_arity);
        if (info->parent_arity != FUN_PARENT_IS_FUN) out_cstr(&o, num);
    }
    out_char(&o, '>');
    return out_doc(c, &o);
}

/* ---- charlists ---------------------------------------------------------- */

/* List.ascii_printable?/2 */
static bool list_ascii_printable(Term l, long limit)
{
    for (;;) {
        if (limit == 0) return true;
        if (l == TERM_NIL) return true;
        if (!term_is_cons(l)) return false;
        Term h = cons_head(l);
        if (!term_is_small(h)) return false;
        int64_t v = small_value(h);
        if (!((v >= 7 && v <= 13) || v == 27 || (v >= 32 && v <= 126))) return false;
        limit = limit_decrement(limit);
        l = cons_tail(l);
    }
}

/* IO.chardata_to_string/1 into `o` (UTF-8); false if `t` is not chardata.
 * Nested lists are walked with an explicit stack. */
static bool chardata_write(DocOut *o, Term t)
{
    Term *stack = NULL;
    size_t depth = 0, cap = 0;
    bool ok = true;
    for (;;) {
        if (term_is_cons(t)) {
            Term h = cons_head(t);
            Term tail = cons_tail(t);
            if (term_is_small(h)) {
                int64_t v = small_value(h);
                if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { ok = false; break; }
                out_utf8(o, (uint32_t)v);
                t = tail;
            } else if (term_is_list(h) || term_is_bitstring(h)) {
                if (depth == cap) {
                    cap = cap ? cap * 2 : 16;
                    stack = xrealloc(stack, cap * sizeof *stack);
                }
                stack[depth++] = tail;
                t = h;
            } else {
                ok = false;
                break;
            }
            continue;
        }
        if (term_is_bitstring(t)) {
            const uint8_t *bytes;
            size_t size;
            if (!binary_bytes(t, &bytes, &size) || !utf8_valid(bytes, size)) { ok = false; break; }
            docout_append(o, (const char *)bytes, size);
        } else if (t != TERM_NIL) {
            ok = false;
            break;
        }
        if (!depth) break;
        t = stack[--depth];
    }
    free(stack);
    return ok;
}

/* The charlist form 'abc' of a list, or NULL if it is not printed as one. */
static const Doc *charlist_doc(Ctx *c, Term l, CharlistsMode mode)
{
    if (!(mode == CHARLISTS_AS_CHARLISTS ||
          (mode == CHARLISTS_INFER && list_ascii_printable(l, c->o->printable_limit))))
        return NULL;
    DocOut text;
    docout_init(&text);
    if (!chardata_write(&text, l)) {
        /* Elixir would raise here; printing the list is kinder. */
        docout_free(&text);
        return NULL;
    }
    DocOut o;
    docout_init(&o);
    out_char(&o, '\'');
    bool complete = escape_text(&o, (const uint8_t *)text.data, text.size, '\'', c->o->printable_limit);
    out_char(&o, '\'');
    if (!complete) out_cstr(&o, " ++ ...");
    docout_free(&text);
    return out_doc(c, &o);
}

/* Inspect.List.keyword?/1 on a list of terms or of map keys. */
static bool atom_is_keyword_key(Term k)
{
    return term_is_atom(k) && !text_starts(atom_text(k), atom_length(k), "Elixir.");
}

static bool list_is_keyword(Term l)
{
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term h = cons_head(l);
        if (!term_is_tuple(h) || tuple_size(h) != 2 || !atom_is_keyword_key(tuple_get(h, 0))) return false;
    }
    return l == TERM_NIL;
}

static bool array_is_keyword(const Term *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Term h = items[i];
        if (!term_is_tuple(h) || tuple_size(h) != 2 || !atom_is_keyword_key(tuple_get(h, 0))) return false;
    }
    return true;
}

static bool keys_are_keyword(const Term *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!atom_is_keyword_key(keys[i])) return false;
    return true;
}

/* ---- containers ---------------------------------------------------------- */

/* Opens a container; its items follow through frame_next. */
static Frame *container_push(Ctx *c, SourceKind source, ItemKind items, BreakKind brk, const Doc *left,
                             const Doc *right, long limit, CharlistsMode charlists, Wrap wrap)
{
    if (c->stream) {
        if (wrap) lit(c, wrap_open[wrap]);
        lit(c, left);
    }
    Frame *f = frame_push(c);
    f->source = (uint8_t)source;
    f->items = (uint8_t)items;
    f->brk = (uint8_t)brk;
    f->stage = STAGE_NEXT;
    f->simple = brk == BREAK_MAYBE;
    f->wrap = (uint8_t)wrap;
    f->charlists = (uint8_t)charlists;
    f->limit = limit;
    f->left = left;
    f->right = right;
    return f;
}

/* Inspect.List.inspect/2 for a list given as an array (MapSet's). */
static const Doc *array_list_doc(Ctx *c, const Term *items, size_t n, long limit, CharlistsMode charlists,
                                 Wrap wrap)
{
    if (n == 0 && wrap == WRAP_MAPSET) return lit(c, &lit_empty_mapset);
    if (n == 0) return lit(c, &lit_empty_list);
    bool kw = array_is_keyword(items, n);
    Frame *f = container_push(c, SRC_ARRAY, kw ? ITEM_KEYWORD : ITEM_PLAIN, kw ? BREAK_STRICT : BREAK_MAYBE,
                              &lit_list_open, &lit_list_close, limit, charlists, wrap);
    f->elems = items;
    f->count = n;
    return NULL;
}

static const Doc *list_doc(Ctx *c, Term t, long limit, CharlistsMode charlists)
{
    if (t == TERM_NIL) return lit(c, &lit_empty_list);
    const Doc *chars = charlist_doc(c, t, charlists);
    if (chars) return chars;
    bool kw = list_is_keyword(t);
    Frame *f = container_push(c, SRC_LIST, kw ? ITEM_KEYWORD : ITEM_PLAIN, kw ? BREAK_STRICT : BREAK_MAYBE,
                              &lit_list_open, &lit_list_close, limit, charlists, WRAP_NONE);
    f->cur = t;
    return NULL;
}

static const Doc *plain_map_doc(Ctx *c, Term m, long limit, CharlistsMode charlists)
{
    size_t n = map_size(m);
    if (n == 0) return lit(c, &lit_empty_map);
    const Term *keys = map_keys(m), *values = NULL;
    if (!map_order_is_sorted(n)) {
        /* above 32 keys the BEAM prints in its hash-trie order */
        Term *k2 = doc_arena_alloc(c->arena, n * sizeof *k2), *v2 = doc_arena_alloc(c->arena, n * sizeof *v2);
        map_listing_arrays(m, k2, v2);
        keys = k2;
        values = v2;
    }
    bool kw = keys_are_keyword(keys, n);
    Frame *f = container_push(c, SRC_MAP, kw ? ITEM_KEYWORD : ITEM_ASSOC, BREAK_STRICT, &lit_map_open,
                              &lit_brace_close, limit, charlists, WRAP_NONE);
    f->cur = m;
    f->elems = keys;
    f->values = values;
    f->count = n;
    return NULL;
}

static Term map_get_atom(Term m, const char *key)
{
    Term a = atom_lookup(key, strlen(key));
    return a == TERM_NONE ? TERM_NONE : map_get(m, a);
}

/* Inspect.Range: first..last when step is 1 and last >= first, else
 * first..last//step; a range without step gets 1 or -1. False if the map
 * is not a range at all. */
static bool range_push(Ctx *c, Term m, long limit, CharlistsMode charlists)
{
    Term first = map_get_atom(m, "first"), last = map_get_atom(m, "last");
    if (first == TERM_NONE || last == TERM_NONE) return false;
    Term step = map_get_atom(m, "step");
    if (step == TERM_NONE) step = small_make(term_compare(first, last) <= 0 ? 1 : -1);
    Frame *f = frame_push(c);
    f->source = SRC_RANGE;
    f->limit = limit;
    f->charlists = (uint8_t)charlists;
    f->cur = first;
    f->key = last;
    f->value = step;
    f->count = step == small_make(1) && term_compare(last, first) >= 0 ? 2 : 3;
    return true;
}

static bool binary_equals_cstr(Term bin, const char *s)
{
    const uint8_t *b;
    size_t n;
    return binary_bytes(bin, &b, &n) && n == strlen(s) && memcmp(b, s, n) == 0;
}

/* The ISO text of a Date, Time, NaiveDateTime or UTC DateTime struct for
 * its sigil (~D[...] and friends), or of a zoned DateTime (kind 'Z') for
 * #DateTime<...>; false if a field is not as expected. */
static bool calendar_text(Term m, char kind, char *buf, size_t cap)
{
    int64_t f[6] = {0, 0, 0, 0, 0, 0}, us = 0, prec = 0;
    static const char *const names[6] = {"year", "month", "day", "hour", "minute", "second"};
    int first = kind == 'T' ? 3 : 0, last = kind == 'D' ? 3 : 6;
    for (int i = first; i < last; i++) {
        Term v = map_get_atom(m, names[i]);
        if (v == TERM_NONE || !term_is_small(v)) return false;
        f[i] = small_value(v);
    }
    if (kind != 'D') {
        Term usec = map_get_atom(m, "microsecond");
        if (usec == TERM_NONE || !term_is_tuple(usec) || tuple_size(usec) != 2 || !term_is_small(tuple_get(usec, 0)) ||
            !term_is_small(tuple_get(usec, 1)))
            return false;
        us = small_value(tuple_get(usec, 0));
        prec = small_value(tuple_get(usec, 1));
        if (prec < 0 || prec > 6) return false;
    }
    size_t n = 0;
    /* a year before 0 is its sign and then four digits: -0011 */
    if (kind != 'T')
        n += (size_t)snprintf(buf + n, cap - n, "%s%04lld-%02lld-%02lld", f[0] < 0 ? "-" : "",
                              (long long)(f[0] < 0 ? -f[0] : f[0]), (long long)f[1], (long long)f[2]);
    if (kind == 'D') return true;
    if (kind != 'T') buf[n++] = ' ';
    n += (size_t)snprintf(buf + n, cap - n, "%02lld:%02lld:%02lld", (long long)f[3], (long long)f[4], (long long)f[5]);
    if (prec > 0) {
        char frac[24];
        snprintf(frac, sizeof frac, "%06lld", (long long)us);
        frac[prec] = 0;
        n += (size_t)snprintf(buf + n, cap - n, ".%s", frac);
    }
    if (kind == 'U') snprintf(buf + n, cap - n, "Z");
    if (kind == 'Z') {
        /* a zoned DateTime: its offset (standard time's included), abbreviation and zone */
        Term utc = map_get_atom(m, "utc_offset"), std = map_get_atom(m, "std_offset");
        Term abbr = map_get_atom(m, "zone_abbr"), zone = map_get_atom(m, "time_zone");
        const uint8_t *ab, *zb;
        size_t an, zn;
        if (utc == TERM_NONE || std == TERM_NONE || !term_is_small(utc) || !term_is_small(std) || abbr == TERM_NONE ||
            zone == TERM_NONE || !binary_bytes(abbr, &ab, &an) || !binary_bytes(zone, &zb, &zn))
            return false;
        int64_t total = small_value(utc) + small_value(std), secs = total < 0 ? -total : total;
        n += (size_t)snprintf(buf + n, cap - n, "%c%02lld:%02lld", total < 0 ? '-' : '+', (long long)(secs / 3600),
                              (long long)(secs % 3600 / 60));
        /* Etc/UTC names no zone, whatever the offsets */
        if (!binary_equals_cstr(zone, "Etc/UTC") && n < cap)
            snprintf(buf + n, cap - n, " %.*s %.*s", (int)an, (const char *)ab, (int)zn, (const char *)zb);
    }
    return true;
}

/* 'D', 'T', 'N' or 'U' for a Date, Time, NaiveDateTime or UTC DateTime
 * struct (whose text is their sigil's), 'Z' for a DateTime in another zone
 * (#DateTime<...>), 0 for anything else. */
static char calendar_kind(Term m)
{
    Term module = map_get(m, ATOM___struct__);
    if (module == TERM_NONE || !term_is_atom(module)) return 0;
    const char *name = atom_text(module);
    size_t n = atom_length(module);
    if (text_is(name, n, "Elixir.Date")) return 'D';
    if (text_is(name, n, "Elixir.Time")) return 'T';
    if (text_is(name, n, "Elixir.NaiveDateTime")) return 'N';
    if (!text_is(name, n, "Elixir.DateTime")) return 0;
    Term zone = map_get_atom(m, "time_zone");
    if (zone != TERM_NONE && binary_equals_cstr(zone, "Etc/UTC") && map_get_atom(m, "utc_offset") == small_make(0) &&
        map_get_atom(m, "std_offset") == small_make(0))
        return 'U';
    return 'Z';
}

/* A Regex's options as :re's list that its inspect can write out: atoms
 * and {atom, atom} pairs only. */
static bool regex_opts_plain(Term opts)
{
    if (!term_is_list(opts)) return false;
    for (; term_is_cons(opts); opts = cons_tail(opts)) {
        Term o = cons_head(opts);
        if (term_is_atom(o)) continue;
        if (!term_is_tuple(o) || tuple_size(o) != 2 || !term_is_atom(tuple_get(o, 0)) || !term_is_atom(tuple_get(o, 1)))
            return false;
    }
    return opts == TERM_NIL;
}

/* A struct whose Inspect is not Inspect.Any's (see InspectCustom): the
 * document its Elixir implementation made, or the frame of a derived one's
 * #Name<field: value, ..., ...>; NULL when it has none of its own. */
static const Doc *custom_struct_doc(Ctx *c, Term m, Term module, long limit, CharlistsMode charlists, bool *pushed)
{
    const InspectCustom *h = c->o->custom;
    const Term *fields = NULL;
    size_t nfields = 0;
    *pushed = false;
    InspectImpl kind = h->impl(h->ctx, c->arena, m, module, &fields, &nfields);
    if (kind == INSPECT_IMPL_ELIXIR) {
        const Doc *d = h->doc(h->ctx, c->arena, m, limit);
        if (!c->stream) return d;
        doc_format(d, DOC_WIDTH_INFINITY, c->stream);
        return &streamed;
    }
    if (kind == INSPECT_IMPL_MAP) {
        *pushed = true;
        return plain_map_doc(c, m, limit, charlists);
    }
    if (kind != INSPECT_IMPL_FIELDS && kind != INSPECT_IMPL_STRUCT_FIELDS) return NULL;
    bool dots = kind == INSPECT_IMPL_FIELDS;
    DocOut o;
    docout_init(&o);
    out_char(&o, dots ? '#' : '%');
    atom_write(&o, module, ATOM_AS_LITERAL);
    if (!dots && nfields == 0) {
        out_cstr(&o, "{}");
        return out_doc(c, &o);
    }
    out_char(&o, dots ? '<' : '{');
    const Doc *left = doc_text(c->arena, o.data, o.size);
    docout_free(&o);
    Frame *f = container_push(c, SRC_STRUCT, ITEM_KEYWORD, BREAK_STRICT, left, dots ? &lit_angle_close : &lit_brace_close,
                              limit, charlists, WRAP_NONE);
    f->cur = m;
    f->elems = fields;
    f->count = nfields + dots;
    f->dots = dots;
    *pushed = true;
    return NULL;
}

/* Inspect.Stream: #Stream<[enum: e, funs: f]>, f in the order the stages
 * run (a %Stream{} keeps its newest first). The keyword list is built in
 * the document arena, which outlives every frame; false if m is not a
 * stream's shape. */
static bool stream_push(Ctx *c, Term m, long limit, CharlistsMode charlists)
{
    Term enumerable = map_get_atom(m, "enum"), funs = map_get_atom(m, "funs");
    if (enumerable == TERM_NONE || funs == TERM_NONE) return false;
    size_t n = 0;
    Term l = funs;
    for (; term_is_cons(l); l = cons_tail(l)) n++;
    if (l != TERM_NIL) return false;
    Term *words = doc_arena_alloc(c->arena, (2 * n + 8) * sizeof(Term));
    Term reversed = TERM_NIL;
    Term *cell = words;
    for (l = funs; term_is_cons(l); l = cons_tail(l), cell += 2) {
        cell[0] = cons_head(l);
        cell[1] = reversed;
        reversed = cons_from_ptr(cell);
    }
    Term *pairs = cell, *items = cell + 6;
    pairs[0] = header_make(BOX_TUPLE, 2);
    pairs[1] = atom_from_cstr("enum");
    pairs[2] = enumerable;
    pairs[3] = header_make(BOX_TUPLE, 2);
    pairs[4] = atom_from_cstr("funs");
    pairs[5] = reversed;
    items[0] = boxed_from_ptr(pairs);
    items[1] = boxed_from_ptr(pairs + 3);
    array_list_doc(c, items, 2, limit, charlists, WRAP_STREAM);
    return true;
}

static const Doc *struct_doc(Ctx *c, Term m, Term module, long limit, CharlistsMode charlists)
{
    const char *name = atom_text(module);
    size_t name_len = atom_length(module);
    if (c->o->custom) {
        bool pushed;
        const Doc *d = custom_struct_doc(c, m, module, limit, charlists, &pushed);
        if (d || pushed) return d;
    }
    if (text_is(name, name_len, "Elixir.Range")) {
        if (range_push(c, m, limit, charlists)) return NULL;
    } else if (text_is(name, name_len, "Elixir.Stream")) {
        if (stream_push(c, m, limit, charlists)) return NULL;
    } else if (calendar_kind(m)) {
        char kind = calendar_kind(m);
        char text[400];
        if (calendar_text(m, kind, text, sizeof text)) {
            DocOut o;
            docout_init(&o);
            out_cstr(&o, kind == 'Z' ? "#DateTime<" : (char[]){'~', kind, '[', 0});
            out_cstr(&o, text);
            out_char(&o, kind == 'Z' ? '>' : ']');
            return out_doc(c, &o);
        }
    } else if (text_is(name, name_len, "Elixir.Date.Range")) {
        /* Inspect.Date.Range: Date.range(~D[first], ~D[last]), the step after them unless it is 1 */
        Term first = map_get_atom(m, "first"), last = map_get_atom(m, "last"), step = map_get_atom(m, "step");
        char a[96], b[96];
        if (first != TERM_NONE && last != TERM_NONE && term_is_map(first) && term_is_map(last) && term_is_small(step) &&
            calendar_kind(first) == 'D' && calendar_kind(last) == 'D' && calendar_text(first, 'D', a, sizeof a) &&
            calendar_text(last, 'D', b, sizeof b)) {
            char text[256];
            if (small_value(step) == 1) snprintf(text, sizeof text, "Date.range(~D[%s], ~D[%s])", a, b);
            else snprintf(text, sizeof text, "Date.range(~D[%s], ~D[%s], %lld)", a, b, (long long)small_value(step));
            DocOut o;
            docout_init(&o);
            out_cstr(&o, text);
            return out_doc(c, &o);
        }
    } else if (text_is(name, name_len, "Elixir.Regex")) {
        /* Inspect.Regex: ~r/source/opts, a bare / escaped */
        Term source = map_get_atom(m, "source"), opts = map_get_atom(m, "opts");
        const uint8_t *sb, *ob;
        size_t sn, on;
        if (source != TERM_NONE && opts != TERM_NONE && binary_bytes(source, &sb, &sn) && binary_bytes(opts, &ob, &on)) {
            DocOut o;
            docout_init(&o);
            out_cstr(&o, "~r/");
            for (size_t i = 0; i < sn; i++) {
                if (sb[i] == '\\' && i + 1 < sn) {
                    docout_append(&o, (const char *)sb + i, 2);
                    i++;
                    continue;
                }
                if (sb[i] == '/') out_char(&o, '\\');
                out_char(&o, (char)sb[i]);
            }
            out_char(&o, '/');
            docout_append(&o, (const char *)ob, on);
            return out_doc(c, &o);
        }
        if (source != TERM_NONE && opts != TERM_NONE && binary_bytes(source, &sb, &sn) && regex_opts_plain(opts)) {
            /* options given as :re's list: Regex.compile!("source", [:caseless]) */
            DocOut o;
            docout_init(&o);
            out_cstr(&o, "Regex.compile!(\"");
            escape_text(&o, sb, sn, '"', -1);
            out_cstr(&o, "\", [");
            for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
                Term opt = cons_head(l);
                if (l != opts) out_cstr(&o, ", ");
                if (term_is_atom(opt)) {
                    atom_write(&o, opt, ATOM_AS_LITERAL);
                } else {
                    out_char(&o, '{');
                    atom_write(&o, tuple_get(opt, 0), ATOM_AS_LITERAL);
                    out_cstr(&o, ", ");
                    atom_write(&o, tuple_get(opt, 1), ATOM_AS_LITERAL);
                    out_char(&o, '}');
                }
            }
            out_cstr(&o, "])");
            return out_doc(c, &o);
        }
    } else if (text_is(name, name_len, "Elixir.MapSet")) {
        Term inner = map_get_atom(m, "map");
        if (inner != TERM_NONE && term_is_map(inner)) {
            size_t n = map_size(inner);
            const Term *keys = map_keys(inner);
            if (!map_order_is_sorted(n)) {
                Term *k2 = doc_arena_alloc(c->arena, n * sizeof *k2);
                map_listing_arrays(inner, k2, NULL);
                keys = k2;
            }
            return array_list_doc(c, keys, n, limit, CHARLISTS_AS_LISTS, WRAP_MAPSET);
        }
    }
    /* Inspect.Any: %Module{...} in defstruct order when the map has exactly
     * the struct's keys, a plain map otherwise. */
    size_t nfields = 0;
    const Term *fields = rt->struct_fields ? rt->struct_fields(module, &nfields) : NULL;
    if (!fields) return plain_map_doc(c, m, limit, charlists);
    size_t expected = 1, shown = 0;
    bool exception_listed = false;
    for (size_t i = 0; i < nfields; i++) {
        if (fields[i] == ATOM___struct__) continue;
        expected++;
        if (fields[i] == ATOM___exception__) exception_listed = true;
        else shown++;
        if (map_get(m, fields[i]) == TERM_NONE) return plain_map_doc(c, m, limit, charlists);
    }
    /* the module system may or may not list an exception's __exception__ */
    if (!exception_listed && map_get(m, ATOM___exception__) != TERM_NONE) expected++;
    if (map_size(m) != expected) return plain_map_doc(c, m, limit, charlists);

    DocOut o;
    docout_init(&o);
    out_char(&o, '%');
    atom_write(&o, module, ATOM_AS_LITERAL);
    if (shown == 0) {
        out_cstr(&o, "{}");
        return out_doc(c, &o);
    }
    out_char(&o, '{');
    const Doc *left = doc_text(c->arena, o.data, o.size);
    docout_free(&o);
    Frame *f = container_push(c, SRC_STRUCT, ITEM_KEYWORD, BREAK_STRICT, left, &lit_brace_close, limit, charlists,
                              WRAP_NONE);
    f->cur = m;
    f->elems = fields;
    f->count = nfields;
    return NULL;
}

/* to_doc/2: the document of a leaf, or NULL after pushing a frame that will
 * produce the document of a container. */
static const Doc *to_doc_plain(Ctx *c, Term t, long limit, CharlistsMode charlists);

/* The colour of a term inspected as one piece of text. */
static bool leaf_color(Term t, InspectColor *key)
{
    if (term_is_integer(t) || term_is_float(t)) *key = INSPECT_COLOR_NUMBER;
    else if (t == ATOM_true || t == ATOM_false) *key = INSPECT_COLOR_BOOLEAN;
    else if (t == ATOM_nil) *key = INSPECT_COLOR_NIL;
    else if (term_is_atom(t)) *key = INSPECT_COLOR_ATOM;
    else if (t == TERM_NIL) *key = INSPECT_COLOR_LIST;
    else if (term_is_cons(t)) *key = INSPECT_COLOR_CHARLIST; /* a list that is one text is a charlist */
    else if (term_is_tuple(t)) *key = INSPECT_COLOR_TUPLE;
    else if (term_is_map(t)) *key = INSPECT_COLOR_MAP;
    else if (term_is_binary(t)) *key = INSPECT_COLOR_STRING; /* other bitstrings colour their parts */
    else return false;
    return true;
}

static const Doc *to_doc(Ctx *c, Term t, long limit, CharlistsMode charlists)
{
    const Doc *d = to_doc_plain(c, t, limit, charlists);
    InspectColor key;
    if (d && c->o->colors && !c->stream && (d->flags & DOC_HAS_STRUCTURE) == 0 && leaf_color(t, &key)) d = paint(c, key, d);
    return d;
}

static const Doc *to_doc_plain(Ctx *c, Term t, long limit, CharlistsMode charlists)
{
    char buf[96];
    const InspectCustom *h = c->o->custom;
    if (h && h->builtin_types && !(term_is_map(t) && map_get(t, ATOM___struct__) != TERM_NONE)) {
        /* a program's own Inspect for this built-in type */
        const Term *fields = NULL;
        size_t nfields = 0;
        if (h->impl(h->ctx, c->arena, t, TERM_NONE, &fields, &nfields) == INSPECT_IMPL_ELIXIR) {
            const Doc *d = h->doc(h->ctx, c->arena, t, limit);
            if (!c->stream) return d;
            doc_format(d, DOC_WIDTH_INFINITY, c->stream);
            return &streamed;
        }
    }
    switch (term_tag(t)) {
    case TAG_SMALL:
        return integer_doc(c, t);
    case TAG_ATOM:
        return atom_doc(c, t);
    case TAG_PID:
        snprintf(buf, sizeof buf, "#PID<0.%u.0>", pid_serial(t));
        return text_doc(c, buf, strlen(buf));
    case TAG_CONS:
        return list_doc(c, t, limit, charlists);
    case TAG_SPECIAL:
        if (t == TERM_NIL) return lit(c, &lit_empty_list);
        return lit(c, &lit_internal);
    default:
        break;
    }
    if (!term_is_boxed(t)) return lit(c, &lit_internal);
    switch (boxed_type(t)) {
    case BOX_TUPLE: {
        size_t n = tuple_size(t);
        if (n == 0) return lit(c, &lit_empty_tuple);
        Frame *f = container_push(c, SRC_ARRAY, ITEM_PLAIN, BREAK_FLEX, &lit_tuple_open, &lit_brace_close, limit,
                                  charlists, WRAP_NONE);
        f->elems = tuple_elems(t);
        f->count = n;
        return NULL;
    }
    case BOX_FLOAT: {
        size_t n = float_format_inspect(float_value(t), buf);
        return text_doc(c, buf, n);
    }
    case BOX_BIGPOS:
    case BOX_BIGNEG:
        return integer_doc(c, t);
    case BOX_BINARY:
    case BOX_SUBBIN:
    case BOX_REFBIN:
        return binary_doc(c, t, limit);
    case BOX_MAP: {
        Term module = map_get(t, ATOM___struct__);
        if (module != TERM_NONE && term_is_atom(module) && c->o->structs)
            return struct_doc(c, t, module, limit, charlists);
        return plain_map_doc(c, t, limit, charlists);
    }
    case BOX_FUN:
    case BOX_EXPORT:
        return fun_doc(c, t);
    case BOX_REF: {
        size_t n = ref_format(t, buf);
        return text_doc(c, buf, n);
    }
    default:
        return lit(c, &lit_internal);
    }
}

static InspectColor container_color(const Doc *left)
{
    if (left == &lit_list_open) return INSPECT_COLOR_LIST;
    if (left == &lit_tuple_open) return INSPECT_COLOR_TUPLE;
    return INSPECT_COLOR_MAP; /* %{ and a struct's %Name{ */
}

/* join/4 of container_doc */
static const Doc *container_join(Ctx *c, const Doc *left, const Doc *right, bool flex, const Doc *sep)
{
    if (left->kind == DOC_NIL) return right;
    if (right->kind == DOC_NIL) return left;
    const Doc *l = doc_concat(c->arena, left, sep);
    return flex ? doc_flex_glue(c->arena, l, " ", right) : doc_glue(c->arena, l, " ", right);
}

static const Doc *frame_finish(Ctx *c, Frame *f)
{
    if (c->stream) {
        if (f->source != SRC_RANGE) {
            lit(c, f->right);
            if (f->wrap) lit(c, wrap_close[f->wrap]);
        }
        return &streamed;
    }
    DocArena *a = c->arena;
    const Doc **docs = c->docs + f->base;
    size_t n = c->ndocs - f->base;
    if (f->source == SRC_RANGE) {
        const Doc *d = doc_concat(a, docs[0], doc_concat(a, &lit_range, docs[1]));
        if (n == 3) d = doc_concat(a, d, doc_concat(a, &lit_step, docs[2]));
        return d;
    }
    bool flex = f->simple || f->brk == BREAK_FLEX;
    InspectColor color = container_color(f->left);
    const Doc *comma = paint(c, color, &lit_comma), *left = paint(c, color, f->left), *right = paint(c, color, f->right);
    const Doc *body = docs[n - 1];
    for (size_t i = n - 1; i-- > 0;) body = container_join(c, docs[i], body, flex, comma);
    const Doc *d;
    if (flex) {
        d = doc_group(a, doc_concat(a, doc_concat(a, left, doc_nest(a, body, 1, DOC_NEST_ALWAYS)), right),
                      DOC_GROUP_SELF);
    } else {
        const Doc *inner = doc_nest(a, doc_glue(a, left, "", body), 2, DOC_NEST_ALWAYS);
        d = doc_group(a, doc_glue(a, inner, "", right), DOC_GROUP_SELF);
    }
    if (f->wrap) d = doc_concat(a, wrap_open[f->wrap], doc_concat(a, d, wrap_close[f->wrap]));
    return d;
}

/* Takes the document of the frame's pending child. */
static void frame_accept(Ctx *c, Frame *f, const Doc *d)
{
    DocArena *a = c->arena;
    if (f->source == SRC_RANGE) {
        if (!c->stream) docs_push(c, d);
        f->index++;
        return;
    }
    switch ((Stage)f->stage) {
    case STAGE_KEY:
        f->pending = d;
        f->stage = STAGE_VALUE;
        lit(c, &lit_arrow);
        return;
    case STAGE_TAIL_LEFT:
        f->pending = d;
        f->stage = STAGE_TAIL_RIGHT;
        if (c->stream) stream_cstr(c, " | ");
        return;
    case STAGE_TAIL_RIGHT:
        f->stage = STAGE_DONE;
        if (c->stream) return;
        f->simple = f->simple && doc_is_simple(f->pending) && doc_is_simple(d);
        docs_push(c, container_join(c, f->pending, d, f->simple, &lit_tail_sep));
        return;
    case STAGE_VALUE:
        f->stage = STAGE_NEXT;
        if (c->stream) return;
        if (f->items == ITEM_KEYWORD) {
            DocOut o;
            docout_init(&o);
            atom_write(&o, f->key, ATOM_AS_KEY);
            const Doc *key = paint(c, INSPECT_COLOR_ATOM, doc_text(a, o.data, o.size));
            docout_free(&o);
            d = doc_concat(a, key, doc_concat(a, &lit_space, d));
        } else if (f->items == ITEM_ASSOC) {
            d = doc_concat(a, doc_concat(a, f->pending, paint(c, INSPECT_COLOR_MAP, &lit_arrow)), d);
        }
        f->simple = f->simple && doc_is_simple(d);
        docs_push(c, d);
        return;
    default:
        return;
    }
}

/* Advances a frame: returns true with the next child to inspect in *child
 * (and its limit), or false when the frame is complete. */
static bool frame_next(Ctx *c, Frame *f, Term *child, long *limit)
{
    *limit = f->limit;
    if (f->source == SRC_RANGE) {
        if (f->index >= f->count) return false;
        if (f->index == 1) lit(c, &lit_range);
        if (f->index == 2) lit(c, &lit_step);
        *child = f->index == 0 ? f->cur : f->index == 1 ? f->key : f->value;
        return true;
    }
    switch ((Stage)f->stage) {
    case STAGE_VALUE: /* an association's value, after its key */
        *child = f->value;
        return true;
    case STAGE_TAIL_RIGHT:
        *child = f->key;
        return true;
    case STAGE_DONE:
        return false;
    default:
        break;
    }
    if (f->source == SRC_STRUCT) {
        /* Inspect.Any leaves the dunder fields out */
        while (f->index < f->count &&
               (f->elems[f->index] == ATOM___struct__ || f->elems[f->index] == ATOM___exception__))
            f->index++;
    }
    if (f->source == SRC_LIST ? f->cur == TERM_NIL : f->index >= f->count) return false;
    if (c->stream && f->started) stream_cstr(c, ", ");
    f->started++;
    if (f->limit == 0 || (f->dots && f->index == f->count - 1)) {
        if (!c->stream) docs_push(c, &lit_ellipsis);
        else lit(c, &lit_ellipsis);
        f->stage = STAGE_DONE;
        return false;
    }
    f->limit = *limit = limit_decrement(f->limit);
    Term item, value = TERM_NONE;
    switch ((SourceKind)f->source) {
    case SRC_LIST: {
        item = cons_head(f->cur);
        Term tail = cons_tail(f->cur);
        if (!term_is_list(tail)) {
            /* [left | right]: both sides with the same limit, then joined by " |" */
            f->key = tail;
            f->cur = TERM_NIL;
            f->stage = STAGE_TAIL_LEFT;
            *child = item;
            return true;
        }
        f->cur = tail;
        break;
    }
    case SRC_ARRAY:
        item = f->elems[f->index++];
        break;
    case SRC_MAP:
        item = f->elems[f->index];
        value = f->values ? f->values[f->index] : map_values(f->cur)[f->index];
        f->index++;
        break;
    case SRC_STRUCT:
        item = f->elems[f->index++];
        value = map_get(f->cur, item);
        if (value == TERM_NONE) value = ATOM_nil;
        break;
    default:
        return false;
    }
    switch ((ItemKind)f->items) {
    case ITEM_PLAIN:
        f->stage = STAGE_VALUE;
        *child = item;
        return true;
    case ITEM_KEYWORD:
        f->stage = STAGE_VALUE;
        if (value == TERM_NONE) {
            f->key = tuple_get(item, 0);
            *child = tuple_get(item, 1);
        } else {
            f->key = item;
            *child = value;
        }
        if (c->stream) {
            atom_write(c->stream, f->key, ATOM_AS_KEY);
            lit(c, &lit_space);
        }
        return true;
    case ITEM_ASSOC:
        f->stage = STAGE_KEY;
        f->value = value;
        *child = item;
        return true;
    }
    return false;
}

/* Inspect.Algebra.to_doc/2 for the whole term: the frame machine. */
static const Doc *inspect_build(Ctx *c, Term t)
{
    const Doc *d = to_doc(c, t, c->o->limit, c->o->charlists);
    for (;;) {
        if (d) {
            if (c->nframes == 0) return d;
            frame_accept(c, &c->frames[c->nframes - 1], d);
            d = NULL;
        }
        Frame *f = &c->frames[c->nframes - 1];
        Term child;
        long limit;
        if (frame_next(c, f, &child, &limit)) {
            d = to_doc(c, child, limit, (CharlistsMode)f->charlists);
        } else {
            d = frame_finish(c, f);
            c->ndocs = f->base;
            c->nframes--;
        }
    }
}

static const Doc *inspect_run(DocArena *a, DocOut *stream, Term t, const InspectOpts *o)
{
    Ctx c = {0};
    c.arena = a;
    c.stream = stream;
    c.o = o;
    const Doc *d = inspect_build(&c, t);
    free(c.frames);
    free(c.docs);
    return d;
}

const Doc *inspect_to_doc(DocArena *a, Term t, const InspectOpts *o) { return inspect_run(a, NULL, t, o); }

char *inspect_to_cstring(Term t, const InspectOpts *o, size_t *len)
{
    DocArena arena;
    doc_arena_init(&arena);
    DocOut out;
    docout_init(&out);
    if (!o->pretty || o->width < 0) {
        /* Nothing can break: skip the documents, write the text. */
        inspect_run(&arena, &out, t, o);
    } else {
        const Doc *d = doc_group(&arena, inspect_to_doc(&arena, t, o), DOC_GROUP_SELF);
        doc_format(d, o->width, &out);
    }
    doc_arena_release(&arena);
    if (len) *len = out.size;
    return out.data;
}

/* ---- String.Chars ------------------------------------------------------ */

static Term raise_undefined(Process *p, Term value, const char *description)
{
    Term keys[5] = {ATOM___exception__, ATOM___struct__, atom_from_cstr("protocol"), atom_from_cstr("value"),
                    atom_from_cstr("description")};
    Term values[5] = {ATOM_true, atom_from_cstr("Elixir.Protocol.UndefinedError"),
                      atom_from_cstr("Elixir.String.Chars"), value, binary_from_cstr(process_heap(p), description)};
    return error_raise(p, ATOM_error, map_from_pairs(process_heap(p), 5, keys, values));
}

/* List.to_string/1's errors: ArgumentError for a non-chardata element,
 * UnicodeConversionError for an invalid code point or UTF-8 binary. */
static Term list_to_string(Process *p, Term list)
{
    DocOut o;
    docout_init(&o);
    Term *stack = NULL;
    size_t depth = 0, cap = 0;
    Term t = list;
    int error = 0; /* 1: not chardata, 2: bad code point, 3: bad binary */
    int64_t bad_cp = 0;
    const uint8_t *bad_bytes = NULL;
    size_t bad_size = 0;
    for (;;) {
        if (term_is_cons(t)) {
            Term h = cons_head(t), tail = cons_tail(t);
            if (term_is_integer(h)) {
                int64_t v;
                if (!integer_to_i64(h, &v) || v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                    /* a huge or negative integer is not a character at all */
                    if (term_is_small(h) && v >= 0) { error = 2; bad_cp = v; }
                    else error = 1;
                    break;
                }
                out_utf8(&o, (uint32_t)v);
                t = tail;
            } else if (term_is_list(h) || term_is_bitstring(h)) {
                if (depth == cap) {
                    cap = cap ? cap * 2 : 16;
                    stack = xrealloc(stack, cap * sizeof *stack);
                }
                stack[depth++] = tail;
                t = h;
            } else {
                error = 1;
                break;
            }
            continue;
        }
        if (term_is_bitstring(t)) {
            const uint8_t *bytes;
            size_t size;
            if (!binary_bytes(t, &bytes, &size)) { error = 1; break; }
            size_t i = 0;
            uint32_t cp;
            while (i < size) {
                size_t l = utf8_decode(bytes + i, size - i, &cp);
                if (!l) break;
                i += l;
            }
            docout_append(&o, (const char *)bytes, i);
            if (i < size) {
                error = 3;
                bad_bytes = bytes + i;
                bad_size = size - i;
                break;
            }
        } else if (t != TERM_NIL) {
            error = 1;
            break;
        }
        if (!depth) break;
        t = stack[--depth];
    }
    free(stack);
    if (!error) {
        Term r = binary_new(process_heap(p), o.data, o.size);
        docout_free(&o);
        return r;
    }
    if (error == 1) {
        docout_free(&o);
        InspectOpts opts;
        inspect_opts_default(&opts);
        char *shown = inspect_to_cstring(list, &opts, NULL);
        DocOut m;
        docout_init(&m);
        out_cstr(&m, "cannot convert the given list to a string.\n\n"
                     "To be converted to a string, a list must either be empty or only\n"
                     "contain the following elements:\n\n"
                     "  * strings\n"
                     "  * integers representing Unicode code points\n"
                     "  * a list containing one of these three elements\n\n"
                     "Please check the given list or call inspect/1 to get the list representation, got:\n\n");
        out_cstr(&m, shown);
        out_char(&m, '\n');
        free(shown);
        Term r = error_raise_exception(p, "Elixir.ArgumentError", m.data);
        docout_free(&m);
        return r;
    }
    DocOut m;
    docout_init(&m);
    if (error == 2) {
        char num[64];
        snprintf(num, sizeof num, "invalid code point %lld", (long long)bad_cp);
        out_cstr(&m, num);
    } else {
        out_cstr(&m, "invalid encoding starting at ");
        InspectOpts opts;
        inspect_opts_default(&opts);
        Term rest = binary_new(process_heap(p), bad_bytes, bad_size);
        char *shown = inspect_to_cstring(rest, &opts, NULL);
        out_cstr(&m, shown);
        free(shown);
    }
    Term keys[4] = {ATOM___exception__, ATOM___struct__, atom_from_cstr("encoded"), ATOM_message};
    Term values[4] = {ATOM_true, atom_from_cstr("Elixir.UnicodeConversionError"),
                      binary_new(process_heap(p), o.data, o.size), binary_new(process_heap(p), m.data, m.size)};
    docout_free(&o);
    docout_free(&m);
    return error_raise(p, ATOM_error, map_from_pairs(process_heap(p), 4, keys, values));
}

Term term_to_string(Process *p, Term t)
{
    char buf[400];
    if (term_is_bitstring(t)) {
        if (bitstring_bit_size(t) % 8 == 0) return t;
        return raise_undefined(p, t, "cannot convert a bitstring to a string");
    }
    if (term_is_atom(t)) {
        if (t == ATOM_nil) return binary_new(process_heap(p), "", 0);
        return binary_new(process_heap(p), atom_text(t), atom_length(t));
    }
    if (term_is_integer(t)) {
        DocOut o;
        docout_init(&o);
        integer_write(&o, t, 10);
        Term r = binary_new(process_heap(p), o.data, o.size);
        docout_free(&o);
        return r;
    }
    if (term_is_float(t)) {
        size_t n = float_format_shortest(float_value(t), buf);
        return binary_new(process_heap(p), buf, n);
    }
    if (term_is_list(t)) return list_to_string(p, t);
    char kind = term_is_map(t) ? calendar_kind(t) : 0;
    if (kind && calendar_text(t, kind, buf, sizeof buf)) return binary_new(process_heap(p), buf, strlen(buf));
    return raise_undefined(p, t, "");
}
