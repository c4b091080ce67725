/* regex.c - the natives under Elixir's Regex (core/lib/regex.ex), on PCRE2
 * as the BEAM's :re is on PCRE. A regex is known to the natives by its
 * source and modifier string ("iumsxfU"); compiled patterns are kept in a
 * small cache keyed by both, so a regex used in a loop compiles once. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "bif.h"
#include "fatal.h"
#include "heap.h"
#include "state.h"

typedef struct CachedRegex {
    char *key; /* opts, NUL, source */
    size_t key_len;
    pcre2_code *code;
} CachedRegex;

enum { REGEX_CACHE = 64 };

/* The active runtime's cache (state.h), made on first use: a ring of the
 * latest patterns compiled. */
struct RegexCache {
    CachedRegex entries[REGEX_CACHE];
    size_t next; /* the entry the next compiled pattern replaces */
};

void regex_cache_free(void)
{
    struct RegexCache *rc = rt->regexes;
    if (!rc) return;
    for (size_t i = 0; i < REGEX_CACHE; i++) {
        pcre2_code_free(rc->entries[i].code);
        free(rc->entries[i].key);
    }
    free(rc);
    rt->regexes = NULL;
}

static uint32_t regex_flags(const uint8_t *opts, size_t n, bool *ok)
{
    uint32_t f = 0;
    *ok = true;
    for (size_t i = 0; i < n; i++) {
        switch (opts[i]) {
        case 'i': f |= PCRE2_CASELESS; break;
        case 'm': f |= PCRE2_MULTILINE; break;
        case 's': f |= PCRE2_DOTALL; break;
        case 'x': f |= PCRE2_EXTENDED; break;
        case 'u': f |= PCRE2_UTF | PCRE2_UCP; break;
        case 'f': f |= PCRE2_FIRSTLINE; break;
        case 'U': f |= PCRE2_UNGREEDY; break;
        /* only from :re's options given as a list (regex_list_letters) */
        case 'D': f |= PCRE2_DOLLAR_ENDONLY; break;
        case 'A': f |= PCRE2_ANCHORED; break;
        case 'N': f |= PCRE2_NO_AUTO_CAPTURE; break;
        case 'J': f |= PCRE2_DUPNAMES; break;
        default: *ok = false;
        }
    }
    return f;
}

/* The compiled pattern, or NULL with the error message and offset. */
static pcre2_code *regex_get(const uint8_t *src, size_t src_n, const uint8_t *opts, size_t opts_n, char *err,
                             size_t err_cap, size_t *err_at)
{
    if (!rt->regexes) rt->regexes = xcalloc(1, sizeof *rt->regexes);
    struct RegexCache *rc = rt->regexes;
    size_t key_len = opts_n + 1 + src_n;
    for (size_t i = 0; i < REGEX_CACHE; i++) {
        CachedRegex *c = &rc->entries[i];
        if (c->code && c->key_len == key_len && !memcmp(c->key, opts, opts_n) && c->key[opts_n] == 0 &&
            !memcmp(c->key + opts_n + 1, src, src_n))
            return c->code;
    }
    bool ok;
    uint32_t flags = regex_flags(opts, opts_n, &ok);
    if (!ok) {
        snprintf(err, err_cap, "invalid option");
        *err_at = 0;
        return NULL;
    }
    int code_err;
    PCRE2_SIZE at;
    pcre2_code *code = pcre2_compile(src, src_n, flags, &code_err, &at, NULL);
    if (!code) {
        pcre2_get_error_message(code_err, (PCRE2_UCHAR *)err, err_cap);
        *err_at = at;
        return NULL;
    }
    CachedRegex *c = &rc->entries[rc->next];
    rc->next = (rc->next + 1) % REGEX_CACHE;
    if (c->code) {
        pcre2_code_free(c->code);
        free(c->key);
    }
    c->key = xmalloc(key_len);
    memcpy(c->key, opts, opts_n);
    c->key[opts_n] = 0;
    memcpy(c->key + opts_n + 1, src, src_n);
    c->key_len = key_len;
    c->code = code;
    return code;
}

/* :re's options as a list (Regex.compile(source, [:caseless])): the
 * letters regex_flags reads, into buf; false for an option genlab does not
 * know. */
static bool regex_list_letters(Term list, uint8_t *buf, size_t cap, size_t *n)
{
    static const struct {
        const char *name;
        char letter;
    } known[] = {{"caseless", 'i'}, {"multiline", 'm'}, {"dotall", 's'}, {"extended", 'x'}, {"unicode", 'u'},
                 {"ucp", 'u'}, {"firstline", 'f'}, {"ungreedy", 'U'}, {"dollar_endonly", 'D'}, {"anchored", 'A'},
                 {"no_auto_capture", 'N'}, {"dupnames", 'J'}};
    *n = 0;
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term o = cons_head(list);
        /* {:newline, _} comes with "s": PCRE2's default newline suits */
        if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == atom_from_cstr("newline")) continue;
        size_t k = 0, count = sizeof known / sizeof known[0];
        while (k < count && !(term_is_atom(o) && !strcmp(atom_text(o), known[k].name))) k++;
        if (k == count || *n == cap) return false;
        buf[(*n)++] = (uint8_t)known[k].letter;
    }
    return list == TERM_NIL;
}

static pcre2_code *regex_arg(Process *p, const Term *a, Term *error)
{
    const uint8_t *src, *opts;
    size_t src_n, opts_n, at;
    char err[256];
    uint8_t letters[32];
    *error = TERM_NONE;
    if (term_is_list(a[1])) {
        if (!regex_list_letters(a[1], letters, sizeof letters, &opts_n)) {
            *error = process_badarg_at(p, 2, "invalid options");
            return NULL;
        }
        opts = letters;
    } else if (!bif_binary(a[1], &opts, &opts_n)) {
        *error = process_badarg(p);
        return NULL;
    }
    if (!bif_binary(a[0], &src, &src_n)) {
        *error = process_badarg(p);
        return NULL;
    }
    pcre2_code *code = regex_get(src, src_n, opts, opts_n, err, sizeof err, &at);
    if (!code) {
        Term msg = TERM_NIL;
        for (size_t i = strlen(err); i-- > 0;) msg = cons_new(&p->heap, small_make((uint8_t)err[i]), msg);
        *error = tuple2(&p->heap, atom_from_cstr("error"), tuple2(&p->heap, msg, small_make((int64_t)at)));
    }
    return code;
}

/* :genlab.regex_compile(source, opts): :ok or {:error, {message, offset}}. */
static Term regex_compile(Process *p, const Term *a)
{
    Term error;
    return regex_arg(p, a, &error) ? atom_from_cstr("ok") : error;
}

/* One match's groups as [{start, length}, ...]; unset groups {-1, 0}. */
static Term match_groups(Heap *h, PCRE2_SIZE *ov, int rc)
{
    Term l = TERM_NIL;
    for (int i = rc; i-- > 0;) {
        Term g = ov[2 * i] == PCRE2_UNSET ? tuple2(h, small_make(-1), small_make(0))
                                           : tuple2(h, small_make((int64_t)ov[2 * i]),
                                                    small_make((int64_t)(ov[2 * i + 1] - ov[2 * i])));
        l = cons_new(h, g, l);
    }
    return l;
}

/* :genlab.regex_matches(source, opts, subject, offset, global): the
 * matches from byte `offset`, each a list of groups; one at most unless
 * global. After an empty match the next try must not be empty at the same
 * place, then moves on by one character, as :re's global does. */
static Term regex_matches(Process *p, const Term *a)
{
    Term error;
    pcre2_code *code = regex_arg(p, a, &error);
    if (!code) return error;
    const uint8_t *s;
    size_t n;
    int64_t offset;
    if (!bif_binary(a[2], &s, &n) || !bif_small_in(a[3], 0, (int64_t)n, &offset)) return process_badarg(p);
    bool global = a[4] == ATOM_true;
    uint32_t opts_all;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &opts_all);
    bool utf = opts_all & PCRE2_UTF;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    TermBuf out;
    termbuf_init(&out);
    size_t pos = (size_t)offset;
    uint32_t extra = 0;
    Term result = TERM_NONE;
    for (;;) {
        int rc = pcre2_match(code, s, n, pos, extra, md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH) {
            if (!extra || pos >= n) break;
            /* no non-empty match here: step over one character */
            pos++;
            if (utf)
                while (pos < n && (s[pos] & 0xC0) == 0x80) pos++;
            extra = 0;
            continue;
        }
        if (rc < 0) {
            result = process_badarg(p);
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        termbuf_push(&out, match_groups(&p->heap, ov, rc));
        if (!global) break;
        pos = ov[1];
        extra = ov[0] == ov[1] ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        if (pos > n) break;
    }
    pcre2_match_data_free(md);
    if (result == TERM_NONE) result = termbuf_to_list(&out, &p->heap, TERM_NIL);
    termbuf_free(&out);
    return result;
}

/* :genlab.regex_names(source, opts): [{name, group}, ...] sorted by name. */
static Term regex_names(Process *p, const Term *a)
{
    Term error;
    pcre2_code *code = regex_arg(p, a, &error);
    if (!code) return error;
    uint32_t count, entry;
    PCRE2_SPTR table;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    Term l = TERM_NIL;
    for (uint32_t i = count; i-- > 0;) {
        PCRE2_SPTR e = table + (size_t)i * entry;
        int group = (e[0] << 8) | e[1];
        Term name = binary_new(&p->heap, e + 2, strlen((const char *)e + 2));
        l = cons_new(&p->heap, tuple2(&p->heap, name, small_make(group)), l);
    }
    return l;
}

/* :genlab.regex_groups(source, opts): the number of capture groups. */
static Term regex_groups(Process *p, const Term *a)
{
    Term error;
    pcre2_code *code = regex_arg(p, a, &error);
    if (!code) return error;
    uint32_t count;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &count);
    return small_make(count);
}

const NativeDef bif_regex_natives[] = {
    {"genlab", "regex_compile", 2, regex_compile},
    {"genlab", "regex_matches", 5, regex_matches},
    {"genlab", "regex_names", 2, regex_names},
    {"genlab", "regex_groups", 2, regex_groups},
    {NULL, NULL, 0, NULL},
};
