/* string.c - Elixir's String functions that are Unicode-heavy or simply
 * faster in C, registered under Elixir.String (see core/lib/NATIVES.txt).
 *
 * Text is UTF-8, but a String function never rejects invalid bytes: each
 * invalid byte is a code point and a grapheme of its own, as in Elixir.
 * Grapheme clusters come from utf8proc's extended grapheme break rules;
 * case mapping is utf8proc's simple mapping plus the table below of the
 * code points whose full (special casing) mapping differs, taken from
 * Elixir 1.14 itself. */
#include <inttypes.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "integer.h"
#include "map.h"

/* ---- code points and graphemes ------------------------------------------------ */

/* Decodes the code point at s[*i] and advances; an invalid byte decodes
 * as -1 and advances by one. */
static int32_t cp_next(const uint8_t *s, size_t n, size_t *i)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + *i, (utf8proc_ssize_t)(n - *i), &cp);
    if (k <= 0) {
        (*i)++;
        return -1;
    }
    *i += (size_t)k;
    return cp;
}

static bool is_extended_pictographic(int32_t cp)
{
    return cp >= 0 && utf8proc_get_property(cp)->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

/* Unassigned default-ignorable code points that Unicode's grapheme break
 * property classes as Control (utf8proc leaves them as Other). */
static bool is_unassigned_control(int32_t cp)
{
    return cp == 0x2065 || (cp >= 0xFFF0 && cp <= 0xFFF8) || cp == 0xE0000 || (cp >= 0xE0002 && cp <= 0xE001F) ||
           (cp >= 0xE0080 && cp <= 0xE00FF) || (cp >= 0xE01F0 && cp <= 0xE0FFF);
}

/* Byte length of the grapheme cluster starting at s[i] (i < n).
 *
 * Elixir 1.14 (OTP's unicode_util) departs from utf8proc's UAX #29 in
 * emoji sequences, followed here: once a cluster holds an emoji, a ZWJ
 * is only continued by another emoji (so "\U0001F469\u200D\u0301"
 * is two graphemes), and spacing marks may sit between an emoji and its
 * ZWJ like extending marks do. */
static size_t grapheme_len(const uint8_t *s, size_t n, size_t i)
{
    size_t j = i;
    int32_t prev = cp_next(s, n, &j);
    if (prev < 0 || is_unassigned_control(prev)) return j - i;
    bool emoji_cluster = is_extended_pictographic(prev), chain = emoji_cluster;
    utf8proc_int32_t state = 0;
    while (j < n) {
        size_t k = j;
        int32_t cp = cp_next(s, n, &k);
        if (cp < 0 || is_unassigned_control(cp)) break;
        bool brk = utf8proc_grapheme_break_stateful(prev, cp, &state);
        if (emoji_cluster && prev == 0x200D) brk = !(chain && is_extended_pictographic(cp));
        if (brk) break;
        int boundclass = utf8proc_get_property(cp)->boundclass;
        if (is_extended_pictographic(cp)) chain = emoji_cluster = true;
        else if (boundclass != UTF8PROC_BOUNDCLASS_EXTEND && boundclass != UTF8PROC_BOUNDCLASS_SPACINGMARK &&
                 boundclass != UTF8PROC_BOUNDCLASS_ZWJ)
            chain = false;
        prev = cp;
        j = k;
    }
    return j - i;
}

static size_t grapheme_count(const uint8_t *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i += grapheme_len(s, n, i)) count++;
    return count;
}

/* Byte offset just after the first `count` graphemes (or n). */
static size_t grapheme_skip(const uint8_t *s, size_t n, size_t from, size_t count)
{
    size_t i = from;
    while (count-- > 0 && i < n) i += grapheme_len(s, n, i);
    return i;
}

/* ---- case mapping ---------------------------------------------------------------- */

typedef struct CaseException {
    uint32_t cp;
    char kind; /* 'U' upcase, 'D' downcase, 'T' titlecase */
    uint32_t to[3]; /* zero-padded */
} CaseException;

static const CaseException case_exceptions[] = {
    {0xDF, 'T', {0x53, 0x73, 0x0}}, {0xDF, 'U', {0x53, 0x53, 0x0}}, {0x130, 'D', {0x69, 0x307, 0x0}},
    {0x149, 'T', {0x2BC, 0x4E, 0x0}}, {0x149, 'U', {0x2BC, 0x4E, 0x0}}, {0x1F0, 'T', {0x4A, 0x30C, 0x0}},
    {0x1F0, 'U', {0x4A, 0x30C, 0x0}}, {0x390, 'T', {0x399, 0x308, 0x301}}, {0x390, 'U', {0x399, 0x308, 0x301}},
    {0x3B0, 'T', {0x3A5, 0x308, 0x301}}, {0x3B0, 'U', {0x3A5, 0x308, 0x301}}, {0x587, 'T', {0x535, 0x582, 0x0}},
    {0x587, 'U', {0x535, 0x552, 0x0}}, {0x1E96, 'T', {0x48, 0x331, 0x0}}, {0x1E96, 'U', {0x48, 0x331, 0x0}},
    {0x1E97, 'T', {0x54, 0x308, 0x0}}, {0x1E97, 'U', {0x54, 0x308, 0x0}}, {0x1E98, 'T', {0x57, 0x30A, 0x0}},
    {0x1E98, 'U', {0x57, 0x30A, 0x0}}, {0x1E99, 'T', {0x59, 0x30A, 0x0}}, {0x1E99, 'U', {0x59, 0x30A, 0x0}},
    {0x1E9A, 'T', {0x41, 0x2BE, 0x0}}, {0x1E9A, 'U', {0x41, 0x2BE, 0x0}}, {0x1F50, 'T', {0x3A5, 0x313, 0x0}},
    {0x1F50, 'U', {0x3A5, 0x313, 0x0}}, {0x1F52, 'T', {0x3A5, 0x313, 0x300}}, {0x1F52, 'U', {0x3A5, 0x313, 0x300}},
    {0x1F54, 'T', {0x3A5, 0x313, 0x301}}, {0x1F54, 'U', {0x3A5, 0x313, 0x301}}, {0x1F56, 'T', {0x3A5, 0x313, 0x342}},
    {0x1F56, 'U', {0x3A5, 0x313, 0x342}}, {0x1F80, 'U', {0x1F08, 0x399, 0x0}}, {0x1F81, 'U', {0x1F09, 0x399, 0x0}},
    {0x1F82, 'U', {0x1F0A, 0x399, 0x0}}, {0x1F83, 'U', {0x1F0B, 0x399, 0x0}}, {0x1F84, 'U', {0x1F0C, 0x399, 0x0}},
    {0x1F85, 'U', {0x1F0D, 0x399, 0x0}}, {0x1F86, 'U', {0x1F0E, 0x399, 0x0}}, {0x1F87, 'U', {0x1F0F, 0x399, 0x0}},
    {0x1F88, 'U', {0x1F08, 0x399, 0x0}}, {0x1F89, 'U', {0x1F09, 0x399, 0x0}}, {0x1F8A, 'U', {0x1F0A, 0x399, 0x0}},
    {0x1F8B, 'U', {0x1F0B, 0x399, 0x0}}, {0x1F8C, 'U', {0x1F0C, 0x399, 0x0}}, {0x1F8D, 'U', {0x1F0D, 0x399, 0x0}},
    {0x1F8E, 'U', {0x1F0E, 0x399, 0x0}}, {0x1F8F, 'U', {0x1F0F, 0x399, 0x0}}, {0x1F90, 'U', {0x1F28, 0x399, 0x0}},
    {0x1F91, 'U', {0x1F29, 0x399, 0x0}}, {0x1F92, 'U', {0x1F2A, 0x399, 0x0}}, {0x1F93, 'U', {0x1F2B, 0x399, 0x0}},
    {0x1F94, 'U', {0x1F2C, 0x399, 0x0}}, {0x1F95, 'U', {0x1F2D, 0x399, 0x0}}, {0x1F96, 'U', {0x1F2E, 0x399, 0x0}},
    {0x1F97, 'U', {0x1F2F, 0x399, 0x0}}, {0x1F98, 'U', {0x1F28, 0x399, 0x0}}, {0x1F99, 'U', {0x1F29, 0x399, 0x0}},
    {0x1F9A, 'U', {0x1F2A, 0x399, 0x0}}, {0x1F9B, 'U', {0x1F2B, 0x399, 0x0}}, {0x1F9C, 'U', {0x1F2C, 0x399, 0x0}},
    {0x1F9D, 'U', {0x1F2D, 0x399, 0x0}}, {0x1F9E, 'U', {0x1F2E, 0x399, 0x0}}, {0x1F9F, 'U', {0x1F2F, 0x399, 0x0}},
    {0x1FA0, 'U', {0x1F68, 0x399, 0x0}}, {0x1FA1, 'U', {0x1F69, 0x399, 0x0}}, {0x1FA2, 'U', {0x1F6A, 0x399, 0x0}},
    {0x1FA3, 'U', {0x1F6B, 0x399, 0x0}}, {0x1FA4, 'U', {0x1F6C, 0x399, 0x0}}, {0x1FA5, 'U', {0x1F6D, 0x399, 0x0}},
    {0x1FA6, 'U', {0x1F6E, 0x399, 0x0}}, {0x1FA7, 'U', {0x1F6F, 0x399, 0x0}}, {0x1FA8, 'U', {0x1F68, 0x399, 0x0}},
    {0x1FA9, 'U', {0x1F69, 0x399, 0x0}}, {0x1FAA, 'U', {0x1F6A, 0x399, 0x0}}, {0x1FAB, 'U', {0x1F6B, 0x399, 0x0}},
    {0x1FAC, 'U', {0x1F6C, 0x399, 0x0}}, {0x1FAD, 'U', {0x1F6D, 0x399, 0x0}}, {0x1FAE, 'U', {0x1F6E, 0x399, 0x0}},
    {0x1FAF, 'U', {0x1F6F, 0x399, 0x0}}, {0x1FB2, 'T', {0x1FBA, 0x345, 0x0}}, {0x1FB2, 'U', {0x1FBA, 0x399, 0x0}},
    {0x1FB3, 'U', {0x391, 0x399, 0x0}}, {0x1FB4, 'T', {0x386, 0x345, 0x0}}, {0x1FB4, 'U', {0x386, 0x399, 0x0}},
    {0x1FB6, 'T', {0x391, 0x342, 0x0}}, {0x1FB6, 'U', {0x391, 0x342, 0x0}}, {0x1FB7, 'T', {0x391, 0x342, 0x345}},
    {0x1FB7, 'U', {0x391, 0x342, 0x399}}, {0x1FBC, 'U', {0x391, 0x399, 0x0}}, {0x1FC2, 'T', {0x1FCA, 0x345, 0x0}},
    {0x1FC2, 'U', {0x1FCA, 0x399, 0x0}}, {0x1FC3, 'U', {0x397, 0x399, 0x0}}, {0x1FC4, 'T', {0x389, 0x345, 0x0}},
    {0x1FC4, 'U', {0x389, 0x399, 0x0}}, {0x1FC6, 'T', {0x397, 0x342, 0x0}}, {0x1FC6, 'U', {0x397, 0x342, 0x0}},
    {0x1FC7, 'T', {0x397, 0x342, 0x345}}, {0x1FC7, 'U', {0x397, 0x342, 0x399}}, {0x1FCC, 'U', {0x397, 0x399, 0x0}},
    {0x1FD2, 'T', {0x399, 0x308, 0x300}}, {0x1FD2, 'U', {0x399, 0x308, 0x300}}, {0x1FD3, 'T', {0x399, 0x308, 0x301}},
    {0x1FD3, 'U', {0x399, 0x308, 0x301}}, {0x1FD6, 'T', {0x399, 0x342, 0x0}}, {0x1FD6, 'U', {0x399, 0x342, 0x0}},
    {0x1FD7, 'T', {0x399, 0x308, 0x342}}, {0x1FD7, 'U', {0x399, 0x308, 0x342}}, {0x1FE2, 'T', {0x3A5, 0x308, 0x300}},
    {0x1FE2, 'U', {0x3A5, 0x308, 0x300}}, {0x1FE3, 'T', {0x3A5, 0x308, 0x301}}, {0x1FE3, 'U', {0x3A5, 0x308, 0x301}},
    {0x1FE4, 'T', {0x3A1, 0x313, 0x0}}, {0x1FE4, 'U', {0x3A1, 0x313, 0x0}}, {0x1FE6, 'T', {0x3A5, 0x342, 0x0}},
    {0x1FE6, 'U', {0x3A5, 0x342, 0x0}}, {0x1FE7, 'T', {0x3A5, 0x308, 0x342}}, {0x1FE7, 'U', {0x3A5, 0x308, 0x342}},
    {0x1FF2, 'T', {0x1FFA, 0x345, 0x0}}, {0x1FF2, 'U', {0x1FFA, 0x399, 0x0}}, {0x1FF3, 'U', {0x3A9, 0x399, 0x0}},
    {0x1FF4, 'T', {0x38F, 0x345, 0x0}}, {0x1FF4, 'U', {0x38F, 0x399, 0x0}}, {0x1FF6, 'T', {0x3A9, 0x342, 0x0}},
    {0x1FF6, 'U', {0x3A9, 0x342, 0x0}}, {0x1FF7, 'T', {0x3A9, 0x342, 0x345}}, {0x1FF7, 'U', {0x3A9, 0x342, 0x399}},
    {0x1FFC, 'U', {0x3A9, 0x399, 0x0}}, {0xFB00, 'T', {0x46, 0x66, 0x0}}, {0xFB00, 'U', {0x46, 0x46, 0x0}},
    {0xFB01, 'T', {0x46, 0x69, 0x0}}, {0xFB01, 'U', {0x46, 0x49, 0x0}}, {0xFB02, 'T', {0x46, 0x6C, 0x0}},
    {0xFB02, 'U', {0x46, 0x4C, 0x0}}, {0xFB03, 'T', {0x46, 0x66, 0x69}}, {0xFB03, 'U', {0x46, 0x46, 0x49}},
    {0xFB04, 'T', {0x46, 0x66, 0x6C}}, {0xFB04, 'U', {0x46, 0x46, 0x4C}}, {0xFB05, 'T', {0x53, 0x74, 0x0}},
    {0xFB05, 'U', {0x53, 0x54, 0x0}}, {0xFB06, 'T', {0x53, 0x74, 0x0}}, {0xFB06, 'U', {0x53, 0x54, 0x0}},
    {0xFB13, 'T', {0x544, 0x576, 0x0}}, {0xFB13, 'U', {0x544, 0x546, 0x0}}, {0xFB14, 'T', {0x544, 0x565, 0x0}},
    {0xFB14, 'U', {0x544, 0x535, 0x0}}, {0xFB15, 'T', {0x544, 0x56B, 0x0}}, {0xFB15, 'U', {0x544, 0x53B, 0x0}},
    {0xFB16, 'T', {0x54E, 0x576, 0x0}}, {0xFB16, 'U', {0x54E, 0x546, 0x0}}, {0xFB17, 'T', {0x544, 0x56D, 0x0}},
    {0xFB17, 'U', {0x544, 0x53D, 0x0}},
};

typedef enum { MODE_DEFAULT, MODE_ASCII, MODE_GREEK, MODE_TURKIC, MODE_BAD } CaseMode;

static CaseMode mode_arg(Term t)
{
    if (t == atom_from_cstr("default")) return MODE_DEFAULT;
    if (t == atom_from_cstr("ascii")) return MODE_ASCII;
    if (t == atom_from_cstr("greek")) return MODE_GREEK;
    if (t == atom_from_cstr("turkic")) return MODE_TURKIC;
    return MODE_BAD;
}

static const CaseException *case_exception(uint32_t cp, char kind)
{
    size_t lo = 0, hi = sizeof case_exceptions / sizeof case_exceptions[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const CaseException *e = &case_exceptions[mid];
        if (e->cp < cp || (e->cp == cp && e->kind < kind)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < sizeof case_exceptions / sizeof case_exceptions[0] && case_exceptions[lo].cp == cp &&
        case_exceptions[lo].kind == kind)
        return &case_exceptions[lo];
    return NULL;
}

/* Appends the full case mapping of one code point. */
static void case_append(ByteBuf *out, uint32_t cp, char kind, CaseMode mode)
{
    if (mode == MODE_ASCII) {
        if (kind != 'D' && cp >= 'a' && cp <= 'z') cp -= 32;
        else if (kind == 'D' && cp >= 'A' && cp <= 'Z') cp += 32;
        bytebuf_append_utf8(out, cp);
        return;
    }
    if (mode == MODE_TURKIC) {
        if (kind != 'D' && cp == 'i') { bytebuf_append_utf8(out, 0x130); return; }
        if (kind == 'D' && cp == 'I') { bytebuf_append_utf8(out, 0x131); return; }
        if (kind == 'D' && cp == 0x130) { bytebuf_append_utf8(out, 'i'); return; }
    }
    const CaseException *e = case_exception(cp, kind);
    if (e) {
        for (int i = 0; i < 3 && e->to[i]; i++) bytebuf_append_utf8(out, e->to[i]);
        return;
    }
    int32_t mapped = kind == 'U' ? utf8proc_toupper((utf8proc_int32_t)cp)
                     : kind == 'D' ? utf8proc_tolower((utf8proc_int32_t)cp)
                                   : utf8proc_totitle((utf8proc_int32_t)cp);
    bytebuf_append_utf8(out, (uint32_t)mapped);
}

/* Letters with case as Elixir's :greek mode sees them: Lu, Ll, Lt. */
static bool is_cased(int32_t cp)
{
    if (cp < 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT;
}

static bool is_case_ignorable(int32_t cp)
{
    if (cp < 0) return false;
    switch (cp) {
    case '\'': case '.': case ':': case '^': case '`': case 0xB7: case 0x2018: case 0x2019:
    case 0x2024: case 0xFE52: case 0xFF07: case 0xFF0E: case 0x387: case 0x5F4: case 0x2027:
    case 0xFE13: case 0xFE55: case 0xFF1A:
        return true;
    default: break;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_CF ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_SK;
}

/* Greek final sigma: a capital sigma after a cased letter and not before
 * one (case-ignorable characters in between do not count). */
/* The letters after which Elixir 1.14's :greek mode makes a sigma final,
 * recorded from Elixir itself (it is narrower than "cased letter"). */
static const uint32_t final_sigma_letters[][2] = {
    {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x12F}, {0x131, 0x1BA}, {0x1BC, 0x1BF}, {0x1C4, 0x27F},
    {0x370, 0x373}, {0x376, 0x377}, {0x37B, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A},
    {0x38C, 0x38C}, {0x38E, 0x3A1}, {0x3A3, 0x3F5}, {0x3F7, 0x481}, {0x48A, 0x52F}, {0x531, 0x556},
    {0x560, 0x57F}, {0x10A0, 0x10C5}, {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA}, {0x10FD, 0x10FF},
    {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1C80, 0x1C88}, {0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF}, {0x1E00, 0x1F15},
    {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57}, {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B},
    {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4}, {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4},
    {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC},
    {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124},
    {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2134}, {0x2139, 0x2139}, {0x213C, 0x213F},
    {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2183, 0x2183}, {0x2C00, 0x2C7B}, {0x2C7E, 0x2CE4}, {0x2CEB, 0x2CEE},
    {0x2CF2, 0x2CF3}, {0xA640, 0xA66D}, {0xA680, 0xA69B}, {0xA722, 0xA76F}, {0xA771, 0xA787}, {0xA78B, 0xA78E},
    {0xA790, 0xA7CA}, {0xA7D0, 0xA7D1}, {0xA7D3, 0xA7D3}, {0xA7D5, 0xA7D9}, {0xA7F5, 0xA7F6}, {0xA7FA, 0xA7FA},
    {0xFF21, 0xFF3A}, {0x10400, 0x1043F}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB}, {0x10570, 0x1057A}, {0x1057C, 0x1058A},
    {0x1058C, 0x10592}, {0x10594, 0x10595}, {0x10597, 0x105A1}, {0x105A3, 0x105B1}, {0x105B3, 0x105B9}, {0x105BB, 0x105BC},
    {0x10C80, 0x10CB2}, {0x118A0, 0x118BF}, {0x16E40, 0x16E7F}, {0x1E900, 0x1E93F},
};

static bool final_sigma_letter(int32_t cp)
{
    size_t lo = 0, hi = sizeof final_sigma_letters / sizeof final_sigma_letters[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uint32_t)cp > final_sigma_letters[mid][1]) lo = mid + 1;
        else hi = mid;
    }
    return lo < sizeof final_sigma_letters / sizeof final_sigma_letters[0] && (uint32_t)cp >= final_sigma_letters[lo][0];
}

/* Greek final sigma, as Elixir 1.14's :greek mode decides it: a capital
 * sigma right after one of the letters above, and not before a cased
 * letter (case-ignorable characters in between are skipped). */
static bool sigma_is_final(const uint8_t *s, size_t n, size_t start, size_t after)
{
    int32_t before = -1;
    size_t i = 0;
    while (i < start) before = cp_next(s, n, &i);
    if (before < 0 || !final_sigma_letter(before)) return false;
    i = after;
    while (i < n) {
        int32_t cp = cp_next(s, n, &i);
        if (is_case_ignorable(cp)) continue;
        return !is_cased(cp);
    }
    return true;
}

/* Maps s[from, n) into out: each code point by `kind`. */
static void case_map_range(ByteBuf *out, const uint8_t *s, size_t n, size_t from, char kind, CaseMode mode)
{
    size_t i = from;
    while (i < n) {
        size_t start = i;
        int32_t cp = cp_next(s, n, &i);
        if (cp < 0) {
            bytebuf_push(out, s[start]);
        } else if (mode == MODE_TURKIC && kind == 'D' && cp == 'I' && i + 1 < n && s[i] == 0xCC && s[i + 1] == 0x87) {
            /* Turkic "I" + combining dot above is a plain "i". */
            bytebuf_push(out, 'i');
            i += 2;
        } else if (mode == MODE_GREEK && kind == 'D' && cp == 0x3A3) {
            bytebuf_append_utf8(out, sigma_is_final(s, n, start, i) ? 0x3C2 : 0x3C3);
        } else if (cp < 0x80 && mode != MODE_TURKIC) {
            /* The ASCII fast path. */
            uint8_t c = (uint8_t)cp;
            if (kind == 'D' && c >= 'A' && c <= 'Z') c += 32;
            else if (kind != 'D' && c >= 'a' && c <= 'z') c -= 32;
            bytebuf_push(out, c);
        } else {
            case_append(out, (uint32_t)cp, kind, mode);
        }
    }
}

/* Reads the binary argument of a String function, raising
 * function_clause (the guard is_binary fails) otherwise. */
static bool string_arg(Process *p, Term t, const uint8_t **s, size_t *n)
{
    if (bif_binary(t, s, n)) return true;
    bif_function_clause(p);
    return false;
}

static Term case_convert(Process *p, const Term *a, int arity, char kind)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    CaseMode mode = arity == 2 ? mode_arg(a[1]) : MODE_DEFAULT;
    if (mode == MODE_BAD) return bif_function_clause(p);
    ByteBuf out;
    bytebuf_init(&out);
    bytebuf_reserve(&out, n);
    if (kind == 'T') {
        size_t i = 0;
        if (n) {
            int32_t cp = cp_next(s, n, &i);
            if (cp < 0) bytebuf_push(&out, s[0]);
            else case_append(&out, (uint32_t)cp, 'T', mode);
        }
        case_map_range(&out, s, n, i, 'D', mode);
    } else {
        case_map_range(&out, s, n, 0, kind, mode);
    }
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    return r;
}

static Term str_upcase1(Process *p, const Term *a) { return case_convert(p, a, 1, 'U'); }
static Term str_upcase2(Process *p, const Term *a) { return case_convert(p, a, 2, 'U'); }
static Term str_downcase1(Process *p, const Term *a) { return case_convert(p, a, 1, 'D'); }
static Term str_downcase2(Process *p, const Term *a) { return case_convert(p, a, 2, 'D'); }
static Term str_capitalize1(Process *p, const Term *a) { return case_convert(p, a, 1, 'T'); }
static Term str_capitalize2(Process *p, const Term *a) { return case_convert(p, a, 2, 'T'); }

/* ---- graphemes and code points ------------------------------------------------------ */

static Term slice_of(Process *p, Term bin, size_t from, size_t to)
{
    return bitstring_slice(&p->heap, bin, from * 8, (to - from) * 8);
}

/* Pushes each grapheme of bin (bytes s[0, n)) to `out` as a sub-binary. */
static void graphemes_push(Process *p, TermBuf *out, Term bin, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = grapheme_len(s, n, i);
        termbuf_push(out, slice_of(p, bin, i, i + k));
        i += k;
    }
}

static Term str_length(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    native_charge(n / 16);
    return small_make((int64_t)grapheme_count(s, n));
}

static Term str_graphemes(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    TermBuf items;
    termbuf_init(&items);
    graphemes_push(p, &items, a[0], s, n);
    Term r = termbuf_to_list(&items, &p->heap, TERM_NIL);
    termbuf_free(&items);
    return r;
}

static Term str_codepoints(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    TermBuf items;
    termbuf_init(&items);
    for (size_t i = 0; i < n;) {
        size_t start = i;
        cp_next(s, n, &i);
        termbuf_push(&items, slice_of(p, a[0], start, i));
    }
    Term r = termbuf_to_list(&items, &p->heap, TERM_NIL);
    termbuf_free(&items);
    return r;
}

/* next_grapheme/next_codepoint: {first, rest}, or nil for "". */
static Term next_unit(Process *p, const Term *a, bool grapheme)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!n) return ATOM_nil;
    size_t k = 0;
    if (grapheme) k = grapheme_len(s, n, 0);
    else cp_next(s, n, &k);
    return tuple2(&p->heap, slice_of(p, a[0], 0, k), slice_of(p, a[0], k, n));
}

static Term str_next_grapheme(Process *p, const Term *a) { return next_unit(p, a, true); }
static Term str_next_codepoint(Process *p, const Term *a) { return next_unit(p, a, false); }

/* The end of the run of valid UTF-8 starting at s[from]. */
static size_t valid_run_end(const uint8_t *s, size_t n, size_t from)
{
    size_t end = from;
    while (end < n) {
        size_t k = end;
        if (cp_next(s, n, &k) < 0) break;
        end = k;
    }
    return end;
}

/* Reverses by graphemes. An invalid byte stays where it is and the valid
 * runs on either side are reversed separately, as Elixir 1.14 does. */
static Term str_reverse(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    uint8_t *out;
    Term r = binary_alloc(&p->heap, n, &out);
    size_t i = 0;
    while (i < n) {
        size_t end = valid_run_end(s, n, i);
        if (end == i) {
            out[i] = s[i];
            i++;
            continue;
        }
        for (size_t g = i; g < end;) {
            size_t k = grapheme_len(s, end, g);
            memcpy(out + i + (end - g - k), s + g, k);
            g += k;
        }
        i = end;
    }
    return r;
}

static Term str_first(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!n) return ATOM_nil;
    return slice_of(p, a[0], 0, grapheme_len(s, n, 0));
}

static Term str_last(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!n) return ATOM_nil;
    size_t i = 0, last = 0;
    while (i < n) {
        last = i;
        i += grapheme_len(s, n, i);
    }
    return slice_of(p, a[0], last, n);
}

/* The graphemes [start, start + count) by index, as a sub-binary. */
static Term graphemes_slice(Process *p, Term bin, const uint8_t *s, size_t n, size_t start, size_t count)
{
    size_t from = grapheme_skip(s, n, 0, start);
    size_t to = grapheme_skip(s, n, from, count);
    return slice_of(p, bin, from, to);
}

static Term str_slice3(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!term_is_integer(a[1]) || !term_is_integer(a[2]) || integer_compare(a[2], small_make(0)) < 0)
        return bif_function_clause(p);
    if (!term_is_small(a[2]) || !term_is_small(a[1])) return binary_new(&p->heap, "", 0);
    int64_t start = small_value(a[1]), len = small_value(a[2]);
    if (len == 0) return binary_new(&p->heap, "", 0);
    if (start < 0) {
        int64_t total = (int64_t)grapheme_count(s, n);
        start = total + start;
        if (start < 0) start = 0;
    }
    return graphemes_slice(p, a[0], s, n, (size_t)start, (size_t)len);
}

/* Reads a Range struct (first..last//step). */
static bool range_arg(Term t, int64_t *first, int64_t *last, int64_t *step)
{
    if (!term_is_map(t)) return false;
    Term f = map_get(t, atom_from_cstr("first")), l = map_get(t, atom_from_cstr("last"));
    Term st = map_get(t, atom_from_cstr("step"));
    if (f == TERM_NONE || l == TERM_NONE || !term_is_small(f) || !term_is_small(l)) return false;
    *first = small_value(f);
    *last = small_value(l);
    *step = st != TERM_NONE && term_is_small(st) ? small_value(st) : (*first <= *last ? 1 : -1);
    return true;
}

static Term str_slice2(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t first, last, step;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!range_arg(a[1], &first, &last, &step)) return bif_function_clause(p);
    if (step < 0) {
        if (step == -1 && first > last) step = 1;
        else
            return bif_raise_fmt(p, "Elixir.ArgumentError",
                                 "String.slice/2 does not accept ranges with negative steps, got: %" PRId64
                                 "..%" PRId64 "//%" PRId64,
                                 first, last, step);
    }
    if (first < 0 || last < 0) {
        int64_t total = (int64_t)grapheme_count(s, n);
        if (first < 0) first = total + first;
        if (last < 0) last = total + last;
        if (first < 0) first = 0;
    }
    if (last < first) return binary_new(&p->heap, "", 0);
    if (step == 1) return graphemes_slice(p, a[0], s, n, (size_t)first, (size_t)(last - first + 1));
    ByteBuf out;
    bytebuf_init(&out);
    size_t i = grapheme_skip(s, n, 0, (size_t)first);
    for (int64_t index = first; index <= last && i < n; index++) {
        size_t k = grapheme_len(s, n, i);
        if ((index - first) % step == 0) bytebuf_append(&out, s + i, k);
        i += k;
    }
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    return r;
}

static Term str_at(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!term_is_integer(a[1])) return bif_function_clause(p);
    if (!term_is_small(a[1])) return ATOM_nil;
    int64_t pos = small_value(a[1]);
    if (pos < 0) {
        pos += (int64_t)grapheme_count(s, n);
        if (pos < 0) return ATOM_nil;
    }
    size_t from = grapheme_skip(s, n, 0, (size_t)pos);
    if (from >= n) return ATOM_nil;
    return slice_of(p, a[0], from, from + grapheme_len(s, n, from));
}

static Term str_split_at(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!term_is_small(a[1])) return bif_function_clause(p);
    int64_t pos = small_value(a[1]);
    if (pos < 0) {
        pos += (int64_t)grapheme_count(s, n);
        if (pos < 0) pos = 0;
    }
    size_t at = grapheme_skip(s, n, 0, (size_t)pos);
    return tuple2(&p->heap, slice_of(p, a[0], 0, at), slice_of(p, a[0], at, n));
}

static Term str_valid(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    return atom_from_bool(utf8_valid(s, n));
}

/* String.printable?/2: ASCII 0x20..0x7E, the escapes \n \r \t \v \b \f \e
 * \d \a, and the code points 0xA0..0xD7FF, 0xE000..0xFFFD,
 * 0x10000..0x10FFFF; `limit` code points are checked (-1: all). */
static bool text_printable(const uint8_t *s, size_t n, int64_t limit)
{
    size_t i = 0;
    while (i < n && limit != 0) {
        int32_t cp = cp_next(s, n, &i);
        bool ok = (cp >= 0x20 && cp <= 0x7E) || (cp >= 7 && cp <= 13) || cp == 27 || cp == 127 ||
                  (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!ok) return false;
        if (limit > 0) limit--;
    }
    return true;
}

static Term str_printable1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    return atom_from_bool(text_printable(s, n, -1));
}

static Term str_printable2(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t limit = -1;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (a[1] != ATOM_infinity && !bif_small_in(a[1], 0, SMALL_MAX, &limit)) return bif_function_clause(p);
    return atom_from_bool(text_printable(s, n, limit));
}

/* ---- whitespace, trimming, splitting ------------------------------------------------ */

/* Unicode whitespace as String.trim/1 sees it. */
static bool is_trim_space(int32_t cp)
{
    return (cp >= 9 && cp <= 13) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

/* String.split/1 does not break at the non-breaking spaces. */
static bool is_split_space(int32_t cp)
{
    return is_trim_space(cp) && cp != 0xA0 && cp != 0x2007 && cp != 0x202F;
}

static size_t skip_leading_space(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = i;
        if (!is_trim_space(cp_next(s, n, &k))) break;
        i = k;
    }
    return i;
}

/* The end of s[from, n) without trailing whitespace. */
static size_t trailing_space_start(const uint8_t *s, size_t n, size_t from)
{
    size_t end = from, i = from;
    while (i < n) {
        int32_t cp = cp_next(s, n, &i);
        if (!is_trim_space(cp)) end = i;
    }
    return end;
}

static Term str_trim1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    size_t from = skip_leading_space(s, n);
    return slice_of(p, a[0], from, trailing_space_start(s, n, from));
}

static Term str_trim_leading1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    return slice_of(p, a[0], skip_leading_space(s, n), n);
}

static Term str_trim_trailing1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    return slice_of(p, a[0], 0, trailing_space_start(s, n, 0));
}

/* Reads the to_trim argument of trim/2 and friends. */
static bool trim_arg(Process *p, Term t, const uint8_t **s, size_t *n)
{
    if (!bif_binary(t, s, n)) {
        bif_function_clause(p);
        return false;
    }
    if (!*n) {
        process_raise_exception(p, "Elixir.ArgumentError", "cannot use an empty string as the match to replace");
        return false;
    }
    return true;
}

static size_t strip_prefix_repeated(const uint8_t *s, size_t from, size_t to, const uint8_t *t, size_t m)
{
    while (to - from >= m && memcmp(s + from, t, m) == 0) from += m;
    return from;
}

static size_t strip_suffix_repeated(const uint8_t *s, size_t from, size_t to, const uint8_t *t, size_t m)
{
    while (to - from >= m && memcmp(s + to - m, t, m) == 0) to -= m;
    return to;
}

static Term trim_with(Process *p, const Term *a, bool leading, bool trailing)
{
    const uint8_t *s, *t;
    size_t n, m;
    if (!string_arg(p, a[0], &s, &n) || !trim_arg(p, a[1], &t, &m)) return TERM_NONE;
    size_t from = 0, to = n;
    if (leading) from = strip_prefix_repeated(s, from, to, t, m);
    if (trailing) to = strip_suffix_repeated(s, from, to, t, m);
    return slice_of(p, a[0], from, to);
}

static Term str_trim2(Process *p, const Term *a) { return trim_with(p, a, true, true); }
static Term str_trim_leading2(Process *p, const Term *a) { return trim_with(p, a, true, false); }
static Term str_trim_trailing2(Process *p, const Term *a) { return trim_with(p, a, false, true); }

static Term str_split1(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    /* Elixir's fails inside a BIF, with a badarg */
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary");
    TermBuf parts;
    termbuf_init(&parts);
    size_t i = 0, start = 0;
    bool in_word = false;
    while (i < n) {
        size_t at = i;
        int32_t cp = cp_next(s, n, &i);
        if (is_split_space(cp)) {
            if (in_word) termbuf_push(&parts, slice_of(p, a[0], start, at));
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            start = at;
        }
    }
    if (in_word) termbuf_push(&parts, slice_of(p, a[0], start, n));
    Term r = termbuf_to_list(&parts, &p->heap, TERM_NIL);
    termbuf_free(&parts);
    return r;
}

/* The options of split/3: parts (positive integer or :infinity) and trim.
 * Returns false (after raising) when invalid. */
static bool split_opts(Process *p, Term opts, int64_t *parts, bool *trim)
{
    *parts = -1;
    *trim = false;
    bool parts_seen = false, trim_seen = false;
    Term l = opts;
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        if (!term_is_tuple(o) || tuple_size(o) != 2) break;
        Term key = tuple_get(o, 0), v = tuple_get(o, 1);
        /* Keyword.get/3 semantics: the first occurrence wins. */
        if (key == atom_from_cstr("parts") && !parts_seen) {
            parts_seen = true;
            if (v != ATOM_infinity && !bif_small_in(v, 1, SMALL_MAX, parts)) break;
        } else if (key == atom_from_cstr("trim") && !trim_seen) {
            trim_seen = true;
            *trim = v != ATOM_false && v != ATOM_nil;
        }
    }
    if (l != TERM_NIL) {
        bif_function_clause(p);
        return false;
    }
    return true;
}

/* Splits around the empty pattern: at every grapheme boundary, the
 * start included. */
static Term split_empty(Process *p, Term bin, const uint8_t *s, size_t n, int64_t parts, bool trim)
{
    TermBuf out;
    termbuf_init(&out);
    if (trim) {
        graphemes_push(p, &out, bin, s, n);
    } else {
        size_t start = 0, i = 0;
        bool first = true;
        while (parts < 0 || (int64_t)out.size < parts - 1) {
            if (first) {
                termbuf_push(&out, slice_of(p, bin, 0, 0));
                first = false;
                continue;
            }
            if (i >= n) break;
            i += grapheme_len(s, n, i);
            termbuf_push(&out, slice_of(p, bin, start, i));
            start = i;
        }
        termbuf_push(&out, slice_of(p, bin, start, n));
    }
    Term r = termbuf_to_list(&out, &p->heap, TERM_NIL);
    termbuf_free(&out);
    return r;
}

static Term str_split(Process *p, const Term *a, int arity)
{
    const uint8_t *s, *pat;
    size_t n, pat_n;
    int64_t parts = -1;
    bool trim = false;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (arity == 3 && !split_opts(p, a[2], &parts, &trim)) return TERM_NONE;
    if (bif_binary(a[1], &pat, &pat_n) && pat_n == 0) return split_empty(p, a[0], s, n, parts, trim);
    BifPatterns ps;
    if (!bif_patterns_read(a[1], &ps)) return process_badarg_at(p, 2, "not a valid pattern");
    TermBuf out;
    termbuf_init(&out);
    size_t start = 0, pos, len;
    while ((parts < 0 || (int64_t)out.size < parts - 1) && bif_patterns_find(&ps, s, start, n, &pos, &len)) {
        if (!trim || pos > start) termbuf_push(&out, slice_of(p, a[0], start, pos));
        start = pos + len;
    }
    if (!trim || start < n) termbuf_push(&out, slice_of(p, a[0], start, n));
    Term r = termbuf_to_list(&out, &p->heap, TERM_NIL);
    termbuf_free(&out);
    bif_patterns_free(&ps);
    return r;
}

static Term str_split2(Process *p, const Term *a) { return str_split(p, a, 2); }
static Term str_split3(Process *p, const Term *a) { return str_split(p, a, 3); }

/* ---- searching and replacing -------------------------------------------------------- */

/* A pattern argument that may contain the empty string (contains?,
 * starts_with?, ends_with?): 1 if it contains "", 0 if not, -1 after
 * raising. The non-empty patterns go to ps (ps->count may be 0). */
static int patterns_with_empty(Process *p, Term t, BifPatterns *ps)
{
    memset(ps, 0, sizeof *ps);
    const uint8_t *s;
    size_t n;
    bool has_empty = false;
    if (bif_binary(t, &s, &n)) {
        if (!n) return 1;
        bif_patterns_read(t, ps);
        return 0;
    }
    if (term_is_list(t)) {
        size_t len;
        if (bif_list_length(t, &len)) {
            /* Read the non-empty binaries; any other element is invalid. */
            TermBuf keep;
            termbuf_init(&keep);
            bool ok = true;
            for (Term l = t; term_is_cons(l); l = cons_tail(l)) {
                if (!bif_binary(cons_head(l), &s, &n)) { ok = false; break; }
                if (!n) has_empty = true;
                else termbuf_push(&keep, cons_head(l));
            }
            if (ok && keep.size) ok = bif_patterns_read(termbuf_to_list(&keep, &p->heap, TERM_NIL), ps);
            termbuf_free(&keep);
            if (ok) return has_empty;
        }
    } else if (bif_patterns_read(t, ps)) {
        return 0;
    }
    process_badarg_at(p, 2, "not a valid pattern");
    return -1;
}

static Term str_contains(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n, pos, len;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    BifPatterns ps;
    int empty = patterns_with_empty(p, a[1], &ps);
    if (empty < 0) return TERM_NONE;
    bool found = empty || (ps.count && bif_patterns_find(&ps, s, 0, n, &pos, &len));
    bif_patterns_free(&ps);
    return atom_from_bool(found);
}

static Term affix_test(Process *p, const Term *a, bool suffix)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    BifPatterns ps;
    int empty = patterns_with_empty(p, a[1], &ps);
    if (empty < 0) return TERM_NONE;
    bool found = empty;
    for (size_t k = 0; k < ps.count && !found; k++) {
        size_t m = ps.sizes[k];
        if (m <= n && memcmp(suffix ? s + n - m : s, ps.bytes[k], m) == 0) found = true;
    }
    bif_patterns_free(&ps);
    return atom_from_bool(found);
}

static Term str_starts_with(Process *p, const Term *a) { return affix_test(p, a, false); }
static Term str_ends_with(Process *p, const Term *a) { return affix_test(p, a, true); }

/* The options of replace/4: global (default true) and the deprecated
 * insert_replaced (its offsets go to `insert`). */
static bool replace_opts(Process *p, Term opts, bool *global, TermBuf *insert, bool *has_insert)
{
    *global = true;
    *has_insert = false;
    bool global_seen = false;
    size_t len;
    if (!bif_list_length(opts, &len)) {
        bif_function_clause(p);
        return false;
    }
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        if (!term_is_tuple(o) || tuple_size(o) != 2) continue;
        Term key = tuple_get(o, 0), v = tuple_get(o, 1);
        if (key == atom_from_cstr("global") && !global_seen) {
            global_seen = true;
            *global = v != ATOM_false && v != ATOM_nil;
        } else if (key == atom_from_cstr("insert_replaced") && !*has_insert) {
            *has_insert = true;
            if (term_is_small(v)) termbuf_push(insert, v);
            else
                for (; term_is_cons(v); v = cons_tail(v))
                    if (term_is_small(cons_head(v))) termbuf_push(insert, cons_head(v));
        }
    }
    return true;
}

static Term str_replace(Process *p, const Term *a, int arity)
{
    const uint8_t *s, *rep, *pat;
    size_t n, rep_n, pat_n;
    bool global, has_insert;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (term_is_fun(a[2]))
        return process_raise_exception(p, "Elixir.ArgumentError",
                                       "genlab: String.replace/3,4 with a function replacement is not supported");
    if (!bif_binary(a[2], &rep, &rep_n)) return bif_function_clause(p);
    TermBuf insert;
    termbuf_init(&insert);
    if (!replace_opts(p, arity == 4 ? a[3] : TERM_NIL, &global, &insert, &has_insert)) {
        termbuf_free(&insert);
        return TERM_NONE;
    }
    ByteBuf out;
    bytebuf_init(&out);
    Term r = TERM_NONE;
    bool failed = false;
    if (bif_binary(a[1], &pat, &pat_n) && pat_n == 0) {
        /* The empty pattern matches before every grapheme and at the end. */
        if (!rep_n) {
            r = a[0];
        } else if (!global) {
            bytebuf_append(&out, rep, rep_n);
            bytebuf_append(&out, s, n);
        } else {
            bytebuf_append(&out, rep, rep_n);
            for (size_t i = 0; i < n;) {
                size_t k = grapheme_len(s, n, i);
                bytebuf_append(&out, s + i, k);
                bytebuf_append(&out, rep, rep_n);
                i += k;
            }
        }
    } else {
        BifPatterns ps;
        if (!bif_patterns_read(a[1], &ps)) {
            r = process_badarg_at(p, 2, "not a valid pattern");
            failed = true;
        } else {
            size_t start = 0, pos, len;
            while (bif_patterns_find(&ps, s, start, n, &pos, &len)) {
                bytebuf_append(&out, s + start, pos - start);
                bif_replacement_append(&out, rep, rep_n, s + pos, len, has_insert ? &insert : NULL);
                start = pos + len;
                if (!global) break;
            }
            bytebuf_append(&out, s + start, n - start);
            bif_patterns_free(&ps);
        }
    }
    if (r == TERM_NONE && !failed) r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    termbuf_free(&insert);
    return r;
}

static Term str_replace3(Process *p, const Term *a) { return str_replace(p, a, 3); }
static Term str_replace4(Process *p, const Term *a) { return str_replace(p, a, 4); }

/* ---- normalization -------------------------------------------------------------- */

/* Appends s normalized to `form`; invalid bytes are kept as they are and
 * the valid runs between them are normalized, as String.normalize does. */
static bool normalize_into(ByteBuf *out, const uint8_t *s, size_t n, Term form)
{
    int options = UTF8PROC_STABLE;
    if (form == atom_from_cstr("nfc")) options |= UTF8PROC_COMPOSE;
    else if (form == atom_from_cstr("nfd")) options |= UTF8PROC_DECOMPOSE;
    else if (form == atom_from_cstr("nfkc")) options |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    else if (form == atom_from_cstr("nfkd")) options |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    else return false;
    size_t i = 0;
    while (i < n) {
        size_t start = i, end = valid_run_end(s, n, i);
        if (end > start) {
            utf8proc_uint8_t *mapped = NULL;
            utf8proc_ssize_t m = utf8proc_map(s + start, (utf8proc_ssize_t)(end - start), &mapped, (utf8proc_option_t)options);
            if (m >= 0) bytebuf_append(out, mapped, (size_t)m);
            else bytebuf_append(out, s + start, end - start);
            free(mapped);
        }
        if (end < n) bytebuf_push(out, s[end++]);
        i = end;
    }
    return true;
}

static Term str_normalize(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    ByteBuf out;
    bytebuf_init(&out);
    Term r = normalize_into(&out, s, n, a[1]) ? bytebuf_to_binary(&out, &p->heap) : bif_function_clause(p);
    bytebuf_free(&out);
    return r;
}

static Term str_equivalent(Process *p, const Term *a)
{
    const uint8_t *s, *t;
    size_t n, m;
    if (!string_arg(p, a[0], &s, &n) || !string_arg(p, a[1], &t, &m)) return TERM_NONE;
    ByteBuf x, y;
    bytebuf_init(&x);
    bytebuf_init(&y);
    normalize_into(&x, s, n, atom_from_cstr("nfd"));
    normalize_into(&y, t, m, atom_from_cstr("nfd"));
    bool same = x.size == y.size && (x.size == 0 || memcmp(x.data, y.data, x.size) == 0);
    bytebuf_free(&x);
    bytebuf_free(&y);
    return atom_from_bool(same);
}

/* ---- building ---------------------------------------------------------------------- */

static Term str_duplicate(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    int64_t times;
    if (!bif_binary(a[0], &s, &n)) return process_badarg_at(p, 1, "not a binary"); /* :binary.copy's */
    if (!term_is_integer(a[1])) return bif_function_clause(p);
    if (!bif_small_in(a[1], 0, SMALL_MAX, &times)) return process_badarg_at(p, 2, "out of range");
    Term r = binary_repeat(&p->heap, s, n, (uint64_t)times);
    return r == TERM_NONE ? process_raise(p, ATOM_error, ATOM_system_limit) : r;
}

/* pad_leading/pad_trailing: the padding's graphemes repeat cyclically
 * until the string is `count` graphemes long. */
static Term pad(Process *p, const Term *a, int arity, bool leading)
{
    const uint8_t *s;
    size_t n;
    int64_t count;
    if (!string_arg(p, a[0], &s, &n)) return TERM_NONE;
    if (!bif_small_in(a[1], 0, SMALL_MAX, &count)) return bif_function_clause(p);
    TermBuf graphemes;
    termbuf_init(&graphemes);
    Term padding = arity == 3 ? a[2] : TERM_NONE;
    const uint8_t *ps;
    size_t pn;
    bool ok = true;
    if (padding == TERM_NONE) {
        termbuf_push(&graphemes, binary_new(&p->heap, " ", 1));
    } else if (bif_binary(padding, &ps, &pn)) {
        graphemes_push(p, &graphemes, padding, ps, pn);
    } else {
        Term l = padding;
        for (; term_is_cons(l); l = cons_tail(l)) {
            if (!bif_binary(cons_head(l), &ps, &pn)) { ok = false; break; }
            termbuf_push(&graphemes, cons_head(l));
        }
        ok = ok && l == TERM_NIL;
    }
    if (!ok || !graphemes.size) {
        termbuf_free(&graphemes);
        return bif_function_clause(p);
    }
    size_t len = grapheme_count(s, n);
    if ((int64_t)len >= count) {
        termbuf_free(&graphemes);
        return a[0];
    }
    size_t missing = (size_t)count - len;
    ByteBuf out;
    bytebuf_init(&out);
    if (!leading) bytebuf_append(&out, s, n);
    for (size_t i = 0; i < missing; i++) {
        const uint8_t *g;
        size_t gn;
        bif_binary(graphemes.items[i % graphemes.size], &g, &gn);
        bytebuf_append(&out, g, gn);
    }
    if (leading) bytebuf_append(&out, s, n);
    Term r = bytebuf_to_binary(&out, &p->heap);
    bytebuf_free(&out);
    termbuf_free(&graphemes);
    return r;
}

static Term str_pad_leading2(Process *p, const Term *a) { return pad(p, a, 2, true); }
static Term str_pad_leading3(Process *p, const Term *a) { return pad(p, a, 3, true); }
static Term str_pad_trailing2(Process *p, const Term *a) { return pad(p, a, 2, false); }
static Term str_pad_trailing3(Process *p, const Term *a) { return pad(p, a, 3, false); }

/* Functions with default arguments, or that fail in a helper, name that
 * function in their function_clause errors as Elixir does. */

BIF_CLAUSE_AS(str_upcase1_as, str_upcase1, "Elixir.String.upcase", 1, ":default")
BIF_CLAUSE_AS(str_downcase1_as, str_downcase1, "Elixir.String.downcase", 1, ":default")
BIF_CLAUSE_AS(str_capitalize1_as, str_capitalize1, "Elixir.String.capitalize", 1, ":default")
BIF_CLAUSE_AS(str_split2_as, str_split2, "Elixir.String.split", 2, "[]")
BIF_CLAUSE_AS(str_pad_leading2_as, str_pad_leading2, "Elixir.String.pad_leading", 2, "\" \"")
BIF_CLAUSE_AS(str_pad_trailing2_as, str_pad_trailing2, "Elixir.String.pad_trailing", 2, "\" \"")
BIF_CLAUSE_AS(str_trim_leading1_as, str_trim_leading1, "Elixir.String.Break.trim_leading", 1, "")
BIF_CLAUSE_AS(str_trim_trailing1_as, str_trim_trailing1, "Elixir.String.Break.trim_trailing", 1, "")
BIF_CLAUSE_AS(str_printable1_as, str_printable1, "Elixir.String.printable?", 1, ":infinity")
BIF_CLAUSE_AS(str_replace3_as, str_replace3, "Elixir.String.replace", 3, "[]")
BIF_CLAUSE_AS(str_split3_as, str_split3, "Elixir.String.split", 3, "")
BIF_CLAUSE_AS(str_replace4_as, str_replace4, "Elixir.String.replace", 4, "")

const NativeDef bif_string_natives[] = {
    {"Elixir.String", "length", 1, str_length},
    {"Elixir.String", "graphemes", 1, str_graphemes},
    {"Elixir.String", "codepoints", 1, str_codepoints},
    {"Elixir.String", "next_grapheme", 1, str_next_grapheme},
    {"Elixir.String", "next_codepoint", 1, str_next_codepoint},
    {"Elixir.String", "upcase", 1, str_upcase1_as},
    {"Elixir.String", "upcase", 2, str_upcase2},
    {"Elixir.String", "downcase", 1, str_downcase1_as},
    {"Elixir.String", "downcase", 2, str_downcase2},
    {"Elixir.String", "capitalize", 1, str_capitalize1_as},
    {"Elixir.String", "capitalize", 2, str_capitalize2},
    {"Elixir.String", "reverse", 1, str_reverse},
    {"Elixir.String", "first", 1, str_first},
    {"Elixir.String", "last", 1, str_last},
    {"Elixir.String", "slice", 2, str_slice2},
    {"Elixir.String", "slice", 3, str_slice3},
    {"Elixir.String", "at", 2, str_at},
    {"Elixir.String", "split_at", 2, str_split_at},
    {"Elixir.String", "valid?", 1, str_valid},
    {"Elixir.String", "normalize", 2, str_normalize},
    {"Elixir.String", "equivalent?", 2, str_equivalent},
    {"Elixir.String", "printable?", 1, str_printable1_as},
    {"Elixir.String", "printable?", 2, str_printable2},
    {"Elixir.String", "trim", 1, str_trim1},
    {"Elixir.String", "trim", 2, str_trim2},
    {"Elixir.String", "trim_leading", 1, str_trim_leading1_as},
    {"Elixir.String", "trim_leading", 2, str_trim_leading2},
    {"Elixir.String", "trim_trailing", 1, str_trim_trailing1_as},
    {"Elixir.String", "trim_trailing", 2, str_trim_trailing2},
    {"Elixir.String", "split", 1, str_split1},
    {"Elixir.String", "__split__", 2, str_split2_as},
    {"Elixir.String", "__split__", 3, str_split3_as},
    {"Elixir.String", "contains?", 2, str_contains},
    {"Elixir.String", "starts_with?", 2, str_starts_with},
    {"Elixir.String", "ends_with?", 2, str_ends_with},
    {"Elixir.String", "__replace__", 3, str_replace3_as},
    {"Elixir.String", "__replace__", 4, str_replace4_as},
    {"Elixir.String", "duplicate", 2, str_duplicate},
    {"Elixir.String", "pad_leading", 2, str_pad_leading2_as},
    {"Elixir.String", "pad_leading", 3, str_pad_leading3},
    {"Elixir.String", "pad_trailing", 2, str_pad_trailing2_as},
    {"Elixir.String", "pad_trailing", 3, str_pad_trailing3},
    {NULL, NULL, 0, NULL},
};
