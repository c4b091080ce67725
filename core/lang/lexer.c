/* lexer.c - Elixir source text to tokens, following Elixir 1.14's tokenizer.
 *
 * One loop reads the source. Strings are read by lex_string_body, which
 * returns to the main loop when an interpolation #{ starts; the string's
 * state is saved on an explicit stack of frames and resumed at the } that
 * closes the interpolation, so nesting costs no C stack.
 */
#include "lexer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "integer.h"
#include "library_frames.h"
#include "state.h"

/* An open (, [, {, <<, fn or do. */
typedef struct Terminator {
    int kind; /* TOK_LPAREN, TOK_LBRACKET, TOK_LCURLY, TOK_LBIT, TOK_FN, TOK_DO */
    int line;
    int indentation;
    int token; /* index of the opening token */
} Terminator;

/* A string being read. */
typedef struct StringState {
    int kind;          /* StrKind; STR_KW is decided at the closing quote */
    int begin;         /* token index of its TOK_STR_BEGIN */
    int line, column;  /* of the opening delimiter (for messages) */
    int err_column;    /* column Elixir reports unescape errors at */
    int close;         /* closing character (the quote for heredocs) */
    bool heredoc, interpol, unescape;
    bool quoted_call;  /* a."name": no interpolation, becomes an identifier */
    int sigil;         /* sigil letter, or 0 */
    int open;          /* sigil opening delimiter */
} StringState;

/* An interpolation being read: the string to resume at its }. */
typedef struct InterpFrame {
    StringState str;
    size_t term_base;  /* terminators below this belong to enclosing code */
    int hash_line, hash_column;
    int begin_token;
    int indentation;
} InterpFrame;

typedef struct Hint {
    int kind; /* TOK_DO, TOK_FN or TOK_END */
    int line;
} Hint;

typedef struct Lexer {
    Heap *h;
    const unsigned char *src;
    size_t len, pos;
    int line, column;
    int indentation;
    TokenList *out;
    Terminator *terms;
    size_t nterms, capterms;
    InterpFrame *frames;
    size_t nframes, capframes;
    Hint *hints;
    size_t nhints, caphints;
    char *buf; /* raw text of the current literal part */
    size_t blen, bcap;
    ParseError *err;
} Lexer;

/* ---- small helpers ------------------------------------------------------ */

static int at(const Lexer *lx, size_t k)
{
    return lx->pos + k < lx->len ? lx->src[lx->pos + k] : -1;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool is_hspace(int c) { return c == ' ' || c == '\t'; }
static bool is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool is_ident_char(int c) { return is_lower(c) || is_upper(c) || is_digit(c) || c == '_'; }
static int hex_value(int c) { return is_digit(c) ? c - '0' : (c | 32) - 'a' + 10; }

/* Decodes the UTF-8 code point at byte offset `i` (a lone bad byte decodes
 * as itself) and stores its length. */
static int32_t decode_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (r <= 0) {
        *n = 1;
        return s[i];
    }
    *n = (size_t)r;
    return cp;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 63));
        out[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 63));
    out[2] = (char)(0x80 | ((cp >> 6) & 63));
    out[3] = (char)(0x80 | (cp & 63));
    return 4;
}

/* What the character after a backslash stands for, in strings and in ?\c
 * alike: the named escapes, otherwise the character itself. */
static int32_t escape_value(int32_t e)
{
    switch (e) {
    case '0': return 0;
    case 'a': return 7;
    case 'b': return 8;
    case 'd': return 127;
    case 'e': return 27;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 's': return 32;
    case 't': return 9;
    case 'v': return 11;
    default: return e;
    }
}

static bool is_bidi(int32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Elixir's names for characters that print badly (handle_char). */
static const char *char_name(int32_t c)
{
    switch (c) {
    case 0: return "null byte";
    case 7: return "alert";
    case 8: return "backspace";
    case 127: return "delete";
    case 27: return "escape";
    case 12: return "form feed";
    case 10: return "newline";
    case 13: return "carriage return";
    case 32: return "space";
    case 9: return "tab";
    case 11: return "vertical tab";
    default: return NULL;
    }
}

/* A code point as Erlang's ~4.16.0B writes it: four hex digits at least,
 * and stars when it needs more than four. */
static const char *codepoint_hex(int32_t c, char out[8])
{
    if (c > 0xFFFF) return "****";
    snprintf(out, 8, "%04X", (unsigned)c);
    return out;
}

/* Reports an error. `token_missing` makes it a TokenMissingError (Elixir
 * raises one when the error carries no token). */
static bool lex_fail(Lexer *lx, int line, int column, bool token_missing, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static bool lex_fail(Lexer *lx, int line, int column, bool token_missing, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->err->message, sizeof lx->err->message, fmt, ap);
    va_end(ap);
    lx->err->kind = token_missing ? "TokenMissingError" : "SyntaxError";
    lx->err->line = line;
    lx->err->column = column;
    return false;
}

/* "unexpected token: ..." for the character at the current position. */
static bool lex_fail_unexpected(Lexer *lx, size_t pos, int column)
{
    size_t n;
    int32_t c = decode_at(lx->src, lx->len, pos, &n);
    const char *name = char_name(c);
    char hex[8];
    if (name)
        return lex_fail(lx, lx->line, column, false, "unexpected token: %s (column %d, code point U+%s)", name, column,
                        codepoint_hex(c, hex));
    char text[8] = {0};
    utf8_encode((uint32_t)c, text);
    return lex_fail(lx, lx->line, column, false, "unexpected token: \"%s\" (column %d, code point U+%s)", text,
                    column, codepoint_hex(c, hex));
}

/* ---- token output ------------------------------------------------------- */

static Token *push_token(Lexer *lx, int kind, int line, int column, Term value)
{
    TokenList *o = lx->out;
    if (o->count == o->capacity) {
        o->capacity = o->capacity ? o->capacity * 2 : 256;
        o->tokens = xrealloc(o->tokens, o->capacity * sizeof *o->tokens);
    }
    Token *t = &o->tokens[o->count++];
    t->kind = (uint8_t)kind;
    t->line = line;
    t->column = column;
    t->value = value;
    t->aux = 0;
    t->aux2 = 0;
    return t;
}

static Token *top_token(Lexer *lx)
{
    return lx->out->count ? &lx->out->tokens[lx->out->count - 1] : NULL;
}

/* Binary operators (and do, ., =>) swallow a newline just before them, so
 * a line may start with |> and continue the previous one. */
static Token *push_token_with_eol(Lexer *lx, int kind, int line, int column, Term value)
{
    Token *top = top_token(lx);
    if (kind != TOK_UNARY_OP && top && top->kind == TOK_EOL) lx->out->count--;
    return push_token(lx, kind, line, column, value);
}

static int32_t store_text(Lexer *lx, const char *s, size_t n)
{
    TokenList *o = lx->out;
    if (n == 0) return (int32_t)o->text_len;
    if (o->text_len + n > o->text_capacity) {
        o->text_capacity = (o->text_len + n) * 2 + 64;
        o->text = xrealloc(o->text, o->text_capacity);
    }
    memcpy(o->text + o->text_len, s, n);
    int32_t off = (int32_t)o->text_len;
    o->text_len += n;
    return off;
}

static void buf_add(Lexer *lx, const void *s, size_t n)
{
    if (n == 0) return;
    if (lx->blen + n > lx->bcap) {
        lx->bcap = (lx->blen + n) * 2 + 64;
        lx->buf = xrealloc(lx->buf, lx->bcap);
    }
    memcpy(lx->buf + lx->blen, s, n);
    lx->blen += n;
}

static void buf_addc(Lexer *lx, char c) { buf_add(lx, &c, 1); }

static Term op_atom(const char *s) { return atom_intern(s, strlen(s)); }

/* ---- terminators ---------------------------------------------------------- */

static const char *terminator_open_text(int kind)
{
    switch (kind) {
    case TOK_LPAREN: return "(";
    case TOK_LBRACKET: return "[";
    case TOK_LCURLY: return "{";
    case TOK_LBIT: return "<<";
    case TOK_FN: return "fn";
    default: return "do";
    }
}

static const char *terminator_close_text(int kind)
{
    switch (kind) {
    case TOK_LPAREN: case TOK_RPAREN: return ")";
    case TOK_LBRACKET: case TOK_RBRACKET: return "]";
    case TOK_LCURLY: case TOK_RCURLY: return "}";
    case TOK_LBIT: case TOK_RBIT: return ">>";
    default: return "end";
    }
}

static size_t term_base(const Lexer *lx)
{
    return lx->nframes ? lx->frames[lx->nframes - 1].term_base : 0;
}

static void add_hint(Lexer *lx, int kind, int line)
{
    if (lx->nhints == lx->caphints) {
        lx->caphints = lx->caphints ? lx->caphints * 2 : 16;
        lx->hints = xrealloc(lx->hints, lx->caphints * sizeof *lx->hints);
    }
    lx->hints[lx->nhints++] = (Hint){kind, line};
}

/* The most recent hint about `kind`, or NULL. */
static const Hint *find_hint(const Lexer *lx, int kind)
{
    for (size_t i = lx->nhints; i-- > 0;)
        if (lx->hints[i].kind == kind) return &lx->hints[i];
    return NULL;
}

static void missing_terminator_hint(const Lexer *lx, int open_kind, char *out, size_t cap)
{
    out[0] = 0;
    const Hint *hint = (open_kind == TOK_DO || open_kind == TOK_FN) ? find_hint(lx, open_kind) : NULL;
    if (hint)
        snprintf(out, cap, "\n\n    HINT: it looks like the \"%s\" on line %d does not have a matching \"%s\"\n",
                 terminator_open_text(open_kind), hint->line, terminator_close_text(open_kind));
}

static void push_terminator(Lexer *lx, int kind, int line)
{
    if (kind == TOK_FN || kind == TOK_DO) {
        /* A do indented no deeper than the previous open one may be
         * missing its end: remembered for the hint. */
        if (lx->nterms > term_base(lx)) {
            Terminator *prev = &lx->terms[lx->nterms - 1];
            if (prev->kind == kind && lx->indentation <= prev->indentation) add_hint(lx, kind, prev->line);
        }
    }
    if (lx->nterms == lx->capterms) {
        lx->capterms = lx->capterms ? lx->capterms * 2 : 32;
        lx->terms = xrealloc(lx->terms, lx->capterms * sizeof *lx->terms);
    }
    lx->terms[lx->nterms++] = (Terminator){kind, line, lx->indentation, (int)lx->out->count - 1};
}

/* Pops the terminator a closing token closes, or reports the mismatch. */
static bool check_closer(Lexer *lx, int kind, int line, int column)
{
    if (lx->nterms > term_base(lx)) {
        Terminator *top = &lx->terms[lx->nterms - 1];
        bool match = (kind == TOK_END && (top->kind == TOK_DO || top->kind == TOK_FN)) ||
                     (kind == TOK_RPAREN && top->kind == TOK_LPAREN) ||
                     (kind == TOK_RBRACKET && top->kind == TOK_LBRACKET) ||
                     (kind == TOK_RCURLY && top->kind == TOK_LCURLY) ||
                     (kind == TOK_RBIT && top->kind == TOK_LBIT);
        if (match) {
            if (kind == TOK_END && top->kind == TOK_DO && lx->indentation > top->indentation)
                add_hint(lx, TOK_END, line);
            /* The closer is pushed next: the opener learns its index. */
            lx->out->tokens[top->token].aux = (int32_t)lx->out->count;
            lx->nterms--;
            return true;
        }
        char hint[200];
        missing_terminator_hint(lx, top->kind, hint, sizeof hint);
        return lex_fail(lx, line, column, false, "%s%s. The \"%s\" at line %d is missing terminator \"%s\"%s",
                        kind == TOK_END ? "unexpected reserved word: " : "unexpected token: ",
                        terminator_close_text(kind), terminator_open_text(top->kind), top->line,
                        terminator_close_text(top->kind), hint);
    }
    if (kind == TOK_END) {
        const Hint *hint = find_hint(lx, TOK_END);
        if (hint)
            return lex_fail(lx, line, column, false,
                            "unexpected reserved word: end\n\n    HINT: it looks like the \"end\" on line %d "
                            "does not have a matching \"do\" defined before it\n",
                            hint->line);
        return lex_fail(lx, line, column, false, "unexpected reserved word: end");
    }
    return lex_fail(lx, line, column, false, "unexpected token: %s", terminator_close_text(kind));
}

/* ---- strings --------------------------------------------------------------- */

static void flush_part(Lexer *lx)
{
    Token *t = push_token(lx, TOK_STR_PART, lx->line, lx->column, TERM_NIL);
    t->aux = store_text(lx, lx->buf, lx->blen);
    t->aux2 = (int32_t)lx->blen;
    lx->blen = 0;
}

/* Appends an escape's code point; false if it is not a valid one. */
static bool add_codepoint(char *out, size_t *olen, const char *digits, size_t n)
{
    uint32_t cp = 0;
    for (size_t i = 0; i < n; i++) cp = cp * 16 + (uint32_t)hex_value(digits[i]);
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    *olen += utf8_encode(cp, out + *olen);
    return true;
}

/* Whether s[j] opens a {H*} escape body: 1 to 6 hex digits and a closing
 * brace. Stores the number of digits. */
static bool scan_braced_hex(const char *s, size_t n, size_t j, size_t *ndigits)
{
    if (j >= n || s[j] != '{') return false;
    size_t k = j + 1;
    while (k < n && k - j - 1 < 6 && is_hex(s[k])) k++;
    if (k == j + 1 || k >= n || s[k] != '}') return false;
    *ndigits = k - j - 1;
    return true;
}

/* add_codepoint, or Elixir's message for a bad code point: it names the
 * escape \u{...} whichever form was written. */
static bool unescape_codepoint(const char *digits, size_t n, char *out, size_t *olen, char *msg, size_t msgcap,
                               const char **tok)
{
    if (add_codepoint(out, olen, digits, n)) return true;
    snprintf(msg, msgcap, "invalid or reserved Unicode code point \\u{%.*s}", (int)n, digits);
    *tok = "\\u";
    return false;
}

/* Elixir's unescape_chars over one raw literal part. On failure stores the
 * message and the offending escape and returns false. `out` must have room
 * for n bytes plus a little (escapes never grow the text). */
static bool unescape_text(const char *s, size_t n, char *out, size_t *olen, char *msg, size_t msgcap,
                          const char **tok)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '\\' || i + 1 >= n) {
            out[o++] = s[i++];
            continue;
        }
        char e = s[i + 1];
        if (e == 'x' || e == 'u') {
            size_t j = i + 2, nd;
            /* \x{H*} and \u{H*} are the same escape; a { is no hex digit,
             * so trying it first cannot hide the other forms. */
            if (scan_braced_hex(s, n, j, &nd)) {
                if (!unescape_codepoint(s + j + 1, nd, out, &o, msg, msgcap, tok)) return false;
                i = j + nd + 2;
                continue;
            }
            if (e == 'x') {
                if (j + 1 < n && is_hex(s[j]) && is_hex(s[j + 1])) {
                    out[o++] = (char)(hex_value(s[j]) * 16 + hex_value(s[j + 1]));
                    i = j + 2;
                    continue;
                }
                if (j < n && is_hex(s[j])) {
                    add_codepoint(out, &o, s + j, 1); /* one hex digit is always valid */
                    i = j + 1;
                    continue;
                }
                snprintf(msg, msgcap, "invalid hex escape character, expected \\xHH where H is a hexadecimal digit");
                *tok = "\\x";
                return false;
            }
            if (j + 3 < n && is_hex(s[j]) && is_hex(s[j + 1]) && is_hex(s[j + 2]) && is_hex(s[j + 3])) {
                if (!unescape_codepoint(s + j, 4, out, &o, msg, msgcap, tok)) return false;
                i = j + 4;
                continue;
            }
            snprintf(msg, msgcap,
                     "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit");
            *tok = "\\u";
            return false;
        }
        if (e == '\n') {
            i += 2;
            continue;
        }
        if (e == '\r' && i + 2 < n && s[i + 2] == '\n') {
            i += 3;
            continue;
        }
        out[o++] = (char)escape_value(e);
        i += 2;
    }
    *olen = o;
    return true;
}

/* Removes up to `indent` spaces after every newline of a heredoc part. */
static size_t heredoc_trim(char *s, size_t n, int indent)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        char c = s[i++];
        s[o++] = c;
        if (c != '\n') continue;
        int k = 0;
        while (k < indent && i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
            k++;
        }
    }
    return o;
}

static int string_suffix(const StringState *st, char *out, size_t cap)
{
    if (st->quoted_call) return snprintf(out, cap, " (for function name starting at line %d)", st->line);
    if (st->heredoc) return snprintf(out, cap, " (for heredoc starting at line %d)", st->line);
    if (st->kind == STR_SIGIL) {
        char open[8] = {0};
        utf8_encode((uint32_t)st->open, open);
        return snprintf(out, cap, " (for sigil ~%c%s starting at line %d)", st->sigil, open, st->line);
    }
    if (st->kind == STR_ATOM) return snprintf(out, cap, " (for atom starting at line %d)", st->line);
    return snprintf(out, cap, " (for string starting at line %d)", st->line);
}

/* Finishes a string whose closing delimiter was just read: trims heredocs,
 * unescapes, turns parts into binaries and decides literal atoms and
 * keywords. */
static bool finish_string(Lexer *lx, StringState *st, int indent)
{
    TokenList *o = lx->out;
    int end = (int)o->count;
    bool only_one = true;
    int nparts = 0;
    for (int i = st->begin + 1; i < end; i++) {
        Token *t = &o->tokens[i];
        if (t->kind == TOK_INTERP_BEGIN) {
            only_one = false;
            i = t->aux;
            continue;
        }
        if (t->kind != TOK_STR_PART) continue;
        nparts++;
        char *raw = o->text + t->aux;
        size_t n = (size_t)t->aux2;
        if (st->heredoc) {
            n = heredoc_trim(raw, n, indent);
            if (nparts == 1 && n > 0 && raw[0] == '\n') {
                raw++;
                n--;
            }
        }
        if (st->unescape) {
            char *tmp = xmalloc(n + 8);
            size_t tn;
            char msg[256];
            const char *tok;
            if (!unescape_text(raw, n, tmp, &tn, msg, sizeof msg, &tok)) {
                free(tmp);
                return lex_fail(lx, st->line, st->err_column, false, "%s. Syntax error after: %s", msg, tok);
            }
            t->value = binary_new(lx->h, tmp, tn);
            free(tmp);
        } else {
            t->value = binary_new(lx->h, raw, n);
        }
    }
    if (nparts > 1) only_one = false;
    Token *begin = &o->tokens[st->begin];
    if ((st->kind == STR_ATOM || st->kind == STR_KW) && only_one) {
        /* A quoted atom or keyword without interpolation is a plain one. */
        const uint8_t *bytes;
        size_t n;
        Term part = o->tokens[st->begin + 1].value;
        binary_bytes(part, &bytes, &n);
        if (n > 255)
            return lex_fail(lx, st->line, st->column, false,
                            "atom length must be less than system limit: %.*s", (int)(n > 400 ? 400 : n),
                            (const char *)bytes);
        int line = begin->line, column = begin->column;
        o->count = (size_t)st->begin;
        push_token(lx, st->kind == STR_ATOM ? TOK_ATOM : TOK_KW_IDENTIFIER, line, column,
                   atom_intern((const char *)bytes, n));
        return true;
    }
    Token *fin = push_token(lx, TOK_STR_END, lx->line, lx->column, TERM_NIL);
    fin->aux = st->heredoc ? indent : -1;
    fin->aux2 = st->kind == STR_SIGIL ? st->open : st->close;
    o->tokens[st->begin].aux2 = (int32_t)(o->count - 1);
    return true;
}

/* At the start of a heredoc line: copies its indentation into the part
 * (finish_string trims it later) and tells whether the closing quotes
 * follow, in which case they are consumed and the indentation dropped. */
static bool read_heredoc_indent(Lexer *lx, const StringState *st)
{
    size_t keep = lx->blen;
    int spaces = 0;
    while (is_hspace(at(lx, 0))) {
        buf_addc(lx, (char)at(lx, 0));
        lx->pos++;
        spaces++;
    }
    lx->column = 1 + spaces;
    if (at(lx, 0) == st->close && at(lx, 1) == st->close && at(lx, 2) == st->close) {
        lx->blen = keep;
        lx->pos += 3;
        lx->column += 3;
        return true;
    }
    return false;
}

/* Reads string content until the closing delimiter (returns 1) or an
 * interpolation (returns 2, with a frame pushed); 0 on error. */
static int lex_string_body(Lexer *lx, StringState *st)
{
    for (;;) {
        /* A run of plain ASCII is copied at once; the last character
         * before a non-ASCII one is left for the grapheme rules below. */
        size_t run = lx->pos;
        while (run + 1 < lx->len && lx->src[run + 1] < 0x80) {
            int b = lx->src[run];
            if (b == st->close || b == '\\' || b == '#' || b == '\n' || b >= 0x80) break;
            run++;
        }
        if (run > lx->pos) {
            buf_add(lx, lx->src + lx->pos, run - lx->pos);
            lx->column += (int)(run - lx->pos);
            lx->pos = run;
        }
        int c = at(lx, 0);
        if (c < 0) {
            char suffix[128];
            string_suffix(st, suffix, sizeof suffix);
            if (st->heredoc) {
                char q = (char)st->close;
                lex_fail(lx, lx->line, lx->column, true, "missing terminator: %c%c%c%s", q, q, q, suffix);
            } else {
                char close[8] = {0};
                utf8_encode((uint32_t)st->close, close);
                lex_fail(lx, lx->line, lx->column, true, "missing terminator: %s%s", close, suffix);
            }
            return 0;
        }
        if (!st->heredoc && c == st->close) {
            lx->pos++;
            lx->column++;
            return 1;
        }
        bool newline = false;
        if (c == '\\' && at(lx, 1) == '\r' && at(lx, 2) == '\n') {
            buf_add(lx, "\\\r\n", 3);
            lx->pos += 3;
            newline = true;
        } else if (c == '\\' && at(lx, 1) == '\n') {
            buf_add(lx, "\\\n", 2);
            lx->pos += 2;
            newline = true;
        } else if (c == '\n') {
            buf_addc(lx, '\n');
            lx->pos++;
            newline = true;
        }
        if (newline) {
            lx->line++;
            lx->column = 1;
            if (st->heredoc && read_heredoc_indent(lx, st)) return 1;
            continue;
        }
        if (c == '\\' && !st->heredoc && at(lx, 1) == st->close) {
            /* The closing delimiter escaped: kept without its backslash. */
            size_t n;
            decode_at(lx->src, lx->len, lx->pos + 1, &n);
            buf_add(lx, lx->src + lx->pos + 1, n);
            lx->pos += 1 + n;
            lx->column += 2;
            continue;
        }
        if (c == '\\' && st->heredoc && at(lx, 1) == st->close && at(lx, 2) == st->close &&
            at(lx, 3) == st->close) {
            buf_add(lx, lx->src + lx->pos + 1, 3);
            lx->pos += 4;
            lx->column += 4;
            continue;
        }
        if (c == '\\' && st->interpol && at(lx, 1) == '#' && at(lx, 2) == '{') {
            buf_add(lx, "\\#{", 3);
            lx->pos += 3;
            lx->column += 1; /* Elixir advances one column here */
            continue;
        }
        if (c == '#' && st->interpol && at(lx, 1) == '{') {
            if (st->quoted_call) {
                lex_fail(lx, st->line, st->column, false,
                         "interpolation is not allowed when calling function/macro. Found interpolation in a "
                         "call starting with: \"");
                return 0;
            }
            if (lx->blen) flush_part(lx);
            Token *t = push_token(lx, TOK_INTERP_BEGIN, lx->line, lx->column, TERM_NIL);
            (void)t;
            if (lx->nframes == lx->capframes) {
                lx->capframes = lx->capframes ? lx->capframes * 2 : 16;
                lx->frames = xrealloc(lx->frames, lx->capframes * sizeof *lx->frames);
            }
            InterpFrame *f = &lx->frames[lx->nframes++];
            f->str = *st;
            f->term_base = lx->nterms;
            f->hash_line = lx->line;
            f->hash_column = lx->column;
            f->begin_token = (int)lx->out->count - 1;
            f->indentation = lx->indentation;
            lx->pos += 2;
            lx->column += 2;
            return 2;
        }
        if (c == '\\') {
            buf_addc(lx, '\\');
            lx->pos++;
            lx->column++;
            if (at(lx, 0) < 0) continue;
        }
        /* One column per grapheme cluster, as Elixir counts them. */
        size_t n1;
        int32_t c1 = decode_at(lx->src, lx->len, lx->pos, &n1);
        if (c1 < 128 && (lx->pos + n1 >= lx->len || lx->src[lx->pos + n1] < 0x80)) {
            buf_addc(lx, (char)c1);
            lx->pos++;
            lx->column++;
            continue;
        }
        size_t n2 = 0;
        int32_t c2 = lx->pos + n1 < lx->len ? decode_at(lx->src, lx->len, lx->pos + n1, &n2) : -1;
        if (c1 <= 255 && c2 <= 255) {
            buf_add(lx, lx->src + lx->pos, n1);
            lx->pos += n1;
            lx->column++;
            continue;
        }
        if (is_bidi(c1)) {
            lex_fail(lx, lx->line, lx->column, false,
                     "invalid bidirectional formatting character in string: \\u%04X. If you want to use such "
                     "character, use it in its escaped \\u%04X form instead",
                     (unsigned)c1, (unsigned)c1);
            return 0;
        }
        size_t start = lx->pos;
        lx->pos += n1;
        utf8proc_int32_t state = 0;
        int32_t prev = c1;
        while (lx->pos < lx->len) {
            size_t n;
            int32_t next = decode_at(lx->src, lx->len, lx->pos, &n);
            if (utf8proc_grapheme_break_stateful(prev, next, &state)) break;
            prev = next;
            lx->pos += n;
        }
        buf_add(lx, lx->src + start, lx->pos - start);
        lx->column++;
    }
}

/* Handles what follows a string's closing delimiter and finishes it.
 * Called when lex_string_body returns 1. */
static bool close_string(Lexer *lx, StringState *st)
{
    TokenList *o = lx->out;
    bool had_part = false;
    for (size_t i = (size_t)st->begin + 1; i < o->count; i++)
        if (o->tokens[i].kind == TOK_STR_PART || o->tokens[i].kind == TOK_INTERP_BEGIN) {
            had_part = true;
            break;
        }
    if (lx->blen || !had_part || (st->heredoc && !had_part)) flush_part(lx);
    int indent = 0;
    if (st->heredoc) indent = lx->column - 4;
    if (st->quoted_call) {
        Token *part = &o->tokens[st->begin + 1];
        const char *raw = o->text + part->aux;
        size_t n = (size_t)part->aux2;
        o->count = (size_t)st->begin;
        int kind = at(lx, 0) == '(' ? TOK_PAREN_IDENTIFIER : at(lx, 0) == '[' ? TOK_BRACKET_IDENTIFIER : TOK_IDENTIFIER;
        push_token(lx, kind, st->line, st->column, atom_intern(raw, n));
        return true;
    }
    if ((st->kind == STR_BIN || st->kind == STR_LIST) && !st->heredoc && at(lx, 0) == ':' && is_space(at(lx, 1))) {
        st->kind = STR_KW;
        o->tokens[st->begin].aux = STR_KW;
        lx->pos++;
        lx->column++;
    }
    if (!finish_string(lx, st, indent)) return false;
    if (st->kind == STR_SIGIL) {
        Term mods = TERM_NIL;
        size_t start = lx->pos;
        while (is_ident_char(at(lx, 0)) && at(lx, 0) != '_') lx->pos++;
        for (size_t i = lx->pos; i-- > start;) mods = cons_new(lx->h, small_make(lx->src[i]), mods);
        lx->column += (int)(lx->pos - start);
        top_token(lx)->value = mods;
    }
    return true;
}

/* Starts a string at the current position (just after its opening
 * delimiter); returns 1 when finished, 2 when an interpolation started. */
static int start_string(Lexer *lx, StringState *st)
{
    Token *t = push_token(lx, TOK_STR_BEGIN, st->line, st->column, TERM_NIL);
    t->aux = st->kind;
    if (st->kind == STR_SIGIL) t->value = small_make(st->sigil);
    st->begin = (int)lx->out->count - 1;
    lx->blen = 0;
    if (st->heredoc) {
        /* Elixir prepends a newline and strips it after trimming. */
        buf_addc(lx, '\n');
        lx->line++;
        if (read_heredoc_indent(lx, st)) return close_string(lx, st) ? 1 : 0;
    }
    int r = lex_string_body(lx, st);
    if (r == 1) return close_string(lx, st) ? 1 : 0;
    return r;
}

/* After a heredoc's opening quotes only spaces may follow on the line. */
static bool skip_heredoc_header(Lexer *lx, int line, int column, char q)
{
    size_t p = lx->pos;
    while (p < lx->len && is_hspace(lx->src[p])) p++;
    if (p < lx->len && lx->src[p] == '\n') {
        lx->pos = p + 1;
        return true;
    }
    if (p + 1 < lx->len && lx->src[p] == '\r' && lx->src[p + 1] == '\n') {
        lx->pos = p + 2;
        return true;
    }
    return lex_fail(lx, line, column, false,
                    "heredoc allows only zero or more whitespace characters followed by a new line after %c%c%c", q,
                    q, q);
}

/* ---- identifiers, numbers, operators ------------------------------------- */

/* What scan_identifier found. */
typedef struct IdentScan {
    size_t bytes, chars;
    bool has_at, punct, ascii;
    bool upper;         /* starts with an upper-case letter: an alias */
    bool unicode_upper; /* starts with a non-ASCII upper-case letter: only an atom */
} IdentScan;

static bool unicode_id_start(int32_t c, bool *upper)
{
    utf8proc_category_t cat = utf8proc_category(c);
    *upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    return *upper || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO ||
           cat == UTF8PROC_CATEGORY_NL;
}

static bool unicode_id_continue(int32_t c)
{
    bool upper;
    if (unicode_id_start(c, &upper)) return true;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ND ||
           cat == UTF8PROC_CATEGORY_PC;
}

/* Scans an identifier at `pos` (letters, digits, _ and @, then an optional
 * ? or !; Unicode letters allowed). bytes is 0 if there is none. */
static IdentScan scan_identifier(const Lexer *lx, size_t pos)
{
    IdentScan r = {0};
    r.ascii = true;
    if (pos >= lx->len) return r;
    size_t n;
    int32_t c = decode_at(lx->src, lx->len, pos, &n);
    if (is_lower(c) || c == '_') {
    } else if (is_upper(c)) {
        r.upper = true;
    } else if (c >= 128 && unicode_id_start(c, &r.upper)) {
        r.ascii = false;
        r.unicode_upper = r.upper;
    } else {
        return r;
    }
    size_t p = pos + n;
    r.chars = 1;
    while (p < lx->len) {
        int b = lx->src[p];
        if (is_ident_char(b) || b == '@') {
            if (b == '@') r.has_at = true;
            p++;
        } else if (b >= 128) {
            int32_t cp = decode_at(lx->src, lx->len, p, &n);
            if (!unicode_id_continue(cp)) break;
            r.ascii = false;
            p += n;
        } else {
            break;
        }
        r.chars++;
    }
    if (p < lx->len && (lx->src[p] == '?' || lx->src[p] == '!')) {
        r.punct = true;
        p++;
        r.chars++;
    }
    r.bytes = p - pos;
    return r;
}

static int call_identifier_kind(int next)
{
    return next == '(' ? TOK_PAREN_IDENTIFIER : next == '[' ? TOK_BRACKET_IDENTIFIER : TOK_IDENTIFIER;
}

static bool lex_number(Lexer *lx)
{
    int line = lx->line, column = lx->column;
    size_t start = lx->pos, p = lx->pos + 1;
    bool is_float = false;
    for (;;) {
        int c = p < lx->len ? lx->src[p] : -1;
        int n1 = p + 1 < lx->len ? lx->src[p + 1] : -1;
        int n2 = p + 2 < lx->len ? lx->src[p + 2] : -1;
        if (c == '.' && !is_float && is_digit(n1)) {
            is_float = true;
            p += 2;
        } else if (c == '_' && is_digit(n1)) {
            p += 2;
        } else if (is_float && (c == 'e' || c == 'E') && (n1 == '+' || n1 == '-') && is_digit(n2)) {
            p += 3;
        } else if (is_float && (c == 'e' || c == 'E') && is_digit(n1)) {
            p += 2;
        } else if (is_digit(c)) {
            p++;
        } else {
            break;
        }
    }
    size_t n = p - start;
    const char *orig = (const char *)lx->src + start;
    char stack_digits[64];
    char *digits = n < sizeof stack_digits ? stack_digits : xmalloc(n + 1);
    size_t dn = 0;
    for (size_t i = 0; i < n; i++)
        if (orig[i] != '_') digits[dn++] = orig[i];
    digits[dn] = 0;
    int next = p < lx->len ? lx->src[p] : -1;
    bool ok = true;
    Term value = TERM_NIL;
    if (is_upper(next) || is_lower(next) || next == '_') {
        ok = lex_fail(lx, line, column, false,
                      "invalid character \"%c\" after number %.*s. If you intended to write a number, make sure "
                      "to separate the number from the character (using comma, space, etc). If you meant to write "
                      "a function name or a variable, note that identifiers in Elixir cannot start with numbers. "
                      "Unexpected token: %c",
                      next, (int)n, orig, next);
    } else if (is_float) {
        errno = 0;
        double d = strtod(digits, NULL);
        if (errno == ERANGE && (d > 1.0 || d < -1.0))
            ok = lex_fail(lx, line, column, false, "invalid float number %.*s", (int)n, orig);
        else
            value = float_new(lx->h, d);
    } else {
        value = integer_parse(lx->h, digits, dn, 10);
    }
    if (digits != stack_digits) free(digits);
    if (!ok) return false;
    Token *t = push_token(lx, is_float ? TOK_FLT : TOK_INT, line, column, value);
    t->aux = store_text(lx, orig, n);
    t->aux2 = (int32_t)n;
    lx->pos = p;
    lx->column += (int)n;
    return true;
}

static bool is_base_digit(int c, int base)
{
    if (base == 16) return is_hex(c);
    if (base == 8) return c >= '0' && c <= '7';
    return c == '0' || c == '1';
}

static bool lex_based_integer(Lexer *lx, int base)
{
    int line = lx->line, column = lx->column;
    size_t start = lx->pos, p = lx->pos + 2;
    size_t cap = 64, dn = 0;
    char *digits = xmalloc(cap);
    for (;;) {
        int c = p < lx->len ? lx->src[p] : -1;
        int n1 = p + 1 < lx->len ? lx->src[p + 1] : -1;
        if (is_base_digit(c, base)) {
            p++;
        } else if (c == '_' && is_base_digit(n1, base)) {
            p += 2;
            c = n1;
        } else {
            break;
        }
        if (dn + 1 >= cap) digits = xrealloc(digits, cap *= 2);
        digits[dn++] = (char)c;
    }
    Term value = integer_parse(lx->h, digits, dn, base);
    free(digits);
    size_t n = p - start;
    Token *t = push_token(lx, TOK_INT, line, column, value);
    t->aux = store_text(lx, (const char *)lx->src + start, n);
    t->aux2 = (int32_t)n;
    lx->pos = p;
    lx->column += (int)n;
    return true;
}

/* Strips horizontal space from `p`; returns the new position. */
static size_t skip_hspace(const Lexer *lx, size_t p)
{
    while (p < lx->len && is_hspace(lx->src[p])) p++;
    return p;
}

/* An operator: a keyword when followed by ": ", an identifier when
 * followed by / (as in &+/2), otherwise the operator token. The spaces
 * after it are consumed, as Elixir does. */
static void lex_operator(Lexer *lx, int kind, size_t len, bool unary)
{
    char text[8];
    memcpy(text, lx->src + lx->pos, len);
    text[len] = 0;
    Term atom = op_atom(text);
    int line = lx->line, column = lx->column;
    size_t after = lx->pos + len;
    if (after < lx->len && lx->src[after] == ':' && after + 1 < lx->len && is_space(lx->src[after + 1])) {
        push_token(lx, TOK_KW_IDENTIFIER, line, column, atom);
        lx->pos = after + 1;
        lx->column += (int)len + 1;
        return;
    }
    size_t rest = skip_hspace(lx, after);
    if (rest < lx->len && lx->src[rest] == '/') {
        push_token(lx, TOK_IDENTIFIER, line, column, atom);
    } else if (unary) {
        push_token(lx, kind, line, column, atom);
    } else {
        push_token_with_eol(lx, kind, line, column, atom);
    }
    lx->column += (int)len + (int)(rest - after);
    lx->pos = rest;
}

static bool three_char_op(int a, int b, int c, int *kind)
{
    static const struct { const char *s; int kind; } ops[] = {
        {"~~~", TOK_UNARY_OP}, {"===", TOK_COMP_OP}, {"!==", TOK_COMP_OP}, {"&&&", TOK_AND_OP},
        {"|||", TOK_OR_OP},    {"^^^", TOK_XOR_OP},  {"+++", TOK_CONCAT_OP}, {"---", TOK_CONCAT_OP},
        {"<<<", TOK_ARROW_OP}, {">>>", TOK_ARROW_OP}, {"~>>", TOK_ARROW_OP}, {"<<~", TOK_ARROW_OP},
        {"<~>", TOK_ARROW_OP}, {"<|>", TOK_ARROW_OP},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].s[0] == a && ops[i].s[1] == b && ops[i].s[2] == c) {
            *kind = ops[i].kind;
            return true;
        }
    return false;
}

/* Two-character operators as atoms after ':' (and as remote call names after
 * '.', where :: is allowed too and -> is not). */
static bool two_char_op(int a, int b, bool for_dot, int *kind)
{
    static const struct { const char *s; int kind; } ops[] = {
        {"==", TOK_COMP_OP},   {"=~", TOK_COMP_OP},     {"!=", TOK_COMP_OP},   {"<=", TOK_REL_OP},
        {">=", TOK_REL_OP},    {"&&", TOK_AND_OP},      {"||", TOK_OR_OP},     {"|>", TOK_ARROW_OP},
        {"~>", TOK_ARROW_OP},  {"<~", TOK_ARROW_OP},    {"<-", TOK_IN_MATCH_OP}, {"\\\\", TOK_IN_MATCH_OP},
        {"++", TOK_CONCAT_OP}, {"--", TOK_CONCAT_OP},   {"<>", TOK_CONCAT_OP}, {"**", TOK_POWER_OP},
        {"..", TOK_RANGE_OP},  {"->", TOK_STAB_OP},     {"::", TOK_TYPE_OP},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].s[0] == a && ops[i].s[1] == b) {
            if (ops[i].kind == TOK_STAB_OP && for_dot) return false;
            if (ops[i].kind == TOK_TYPE_OP && !for_dot) return false;
            *kind = ops[i].kind;
            return true;
        }
    return false;
}

static bool one_char_op(int c)
{
    return c == '@' || c == '!' || c == '^' || c == '&' || c == '+' || c == '-' || c == '*' || c == '/' ||
           c == '<' || c == '>' || c == '=' || c == '|';
}

/* Skips a comment (the # is at the current position); checks for bidi
 * characters. */
static bool skip_comment(Lexer *lx, int line, int column)
{
    size_t p = lx->pos + 1;
    while (p < lx->len && lx->src[p] != '\n' && !(lx->src[p] == '\r' && p + 1 < lx->len && lx->src[p + 1] == '\n')) {
        if (lx->src[p] >= 0x80) {
            size_t n;
            int32_t c = decode_at(lx->src, lx->len, p, &n);
            if (is_bidi(c))
                return lex_fail(lx, line, column, false,
                                "invalid bidirectional formatting character in comment: \\u%04X", (unsigned)c);
            p += n;
        } else {
            p++;
        }
    }
    /* the library's `# elixir:N` (library_frames.h): the tokens of this
     * line stand for line N of Elixir's file */
    static const char mark[] = "# elixir:";
    size_t at_mark = lx->pos, k = sizeof mark - 1;
    if (rt->compile_boot_mode && p - at_mark > k && !memcmp(lx->src + at_mark, mark, k) && is_digit(lx->src[at_mark + k])) {
        int elixir_line = atoi((const char *)lx->src + at_mark + k);
        for (size_t i = lx->out->count; i-- > 0 && lx->out->tokens[i].line == lx->line;)
            lx->out->tokens[i].line = LIBRARY_ELIXIR_LINE + elixir_line;
    }
    lx->pos = p;
    return true;
}

static void lex_newline(Lexer *lx, size_t newline_len, bool emit)
{
    if (emit) {
        Token *top = top_token(lx);
        if (top && (top->kind == TOK_COMMA || top->kind == TOK_SEMI || top->kind == TOK_EOL)) {
            /* Newlines merge into the separator before them. */
        } else {
            push_token(lx, TOK_EOL, lx->line, lx->column, TERM_NIL);
        }
    }
    lx->pos += newline_len;
    size_t p = skip_hspace(lx, lx->pos);
    lx->indentation = (int)(p - lx->pos);
    lx->pos = p;
    lx->line++;
    lx->column = lx->indentation + 1;
}

/* A quoted string, charlist, atom or heredoc begins here. */
static int begin_quoted(Lexer *lx, int kind, int close, bool heredoc, int line, int column, int err_column)
{
    StringState st = {0};
    st.kind = kind;
    st.line = line;
    st.column = column;
    st.err_column = err_column;
    st.close = close;
    st.heredoc = heredoc;
    st.interpol = true;
    st.unescape = true;
    return start_string(lx, &st);
}

/* The dot and what follows it (tokenize_dot / handle_dot). */
static int lex_dot(Lexer *lx)
{
    int dot_line = lx->line, dot_column = lx->column;
    lx->pos++;
    lx->column++;
    for (;;) {
        size_t p = skip_hspace(lx, lx->pos);
        int c = p < lx->len ? lx->src[p] : -1;
        if (c == '#') {
            lx->column += (int)(p - lx->pos);
            lx->pos = p;
            if (!skip_comment(lx, lx->line, lx->column)) return 0;
            lx->column = 1;
            continue;
        }
        if (c == '\n' || (c == '\r' && p + 1 < lx->len && lx->src[p + 1] == '\n')) {
            lx->pos = p + (c == '\r' ? 2 : 1);
            lx->line++;
            lx->column = 1;
            continue;
        }
        lx->column += (int)(p - lx->pos);
        lx->pos = p;
        break;
    }
    int a = at(lx, 0), b = at(lx, 1), c = at(lx, 2);
    int kind;
    size_t oplen = 0;
    if (a >= 0 && b >= 0 && c >= 0 && three_char_op(a, b, c, &kind)) oplen = 3;
    else if (a >= 0 && b >= 0 && two_char_op(a, b, true, &kind)) oplen = 2;
    else if (a >= 0 && one_char_op(a)) oplen = 1;
    if (oplen) {
        push_token_with_eol(lx, TOK_DOT, dot_line, dot_column, TERM_NIL);
        char text[4] = {0};
        memcpy(text, lx->src + lx->pos, oplen);
        push_token(lx, call_identifier_kind(at(lx, (size_t)oplen)), lx->line, lx->column, op_atom(text));
        lx->pos += oplen;
        lx->column += (int)oplen;
        return 1;
    }
    if (a == '(') {
        push_token_with_eol(lx, TOK_DOT_CALL, dot_line, dot_column, TERM_NIL);
        return 1;
    }
    if (a == '"' || a == '\'') {
        push_token_with_eol(lx, TOK_DOT, dot_line, dot_column, TERM_NIL);
        StringState st = {0};
        st.kind = STR_BIN;
        st.line = lx->line;
        st.column = lx->column;
        st.err_column = lx->column;
        st.close = a;
        st.interpol = true;
        st.quoted_call = true;
        lx->pos++;
        lx->column++;
        return start_string(lx, &st);
    }
    push_token_with_eol(lx, TOK_DOT, dot_line, dot_column, TERM_NIL);
    return 1;
}

/* Identifiers, aliases, keywords, keyword-list keys. */
static bool lex_identifier(Lexer *lx)
{
    int line = lx->line, column = lx->column;
    IdentScan id = scan_identifier(lx, lx->pos);
    size_t n = id.bytes;
    bool has_at = id.has_at, punct = id.punct;
    if (n == 0) return lex_fail_unexpected(lx, lx->pos, column);
    const char *text = (const char *)lx->src + lx->pos;
    size_t rest = lx->pos + n;
    int r0 = rest < lx->len ? lx->src[rest] : -1;
    int r1 = rest + 1 < lx->len ? lx->src[rest + 1] : -1;
    Token *top = top_token(lx);
    bool after_dot = top && top->kind == TOK_DOT;
    /* Keywords are 2 to 6 lower-case letters. */
    bool maybe_keyword = !after_dot && !(r0 == ':' && r1 != ':') && n >= 2 && n <= 6 && is_lower(text[0]);
    if (maybe_keyword) {
        static const struct { const char *s; size_t n; int kind; } kws[] = {
            {"fn", 2, TOK_FN},          {"do", 2, TOK_DO},           {"end", 3, TOK_END},
            {"true", 4, TOK_TRUE},      {"false", 5, TOK_FALSE},     {"nil", 3, TOK_NIL},
            {"not", 3, TOK_UNARY_OP},   {"and", 3, TOK_AND_OP},      {"or", 2, TOK_OR_OP},
            {"when", 4, TOK_WHEN_OP},   {"in", 2, TOK_IN_OP},        {"after", 5, TOK_BLOCK_ID},
            {"else", 4, TOK_BLOCK_ID},  {"catch", 5, TOK_BLOCK_ID},  {"rescue", 6, TOK_BLOCK_ID},
        };
        for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
            if (kws[i].n != n || kws[i].s[0] != text[0] || memcmp(kws[i].s, text, n) != 0) continue;
            int kind = kws[i].kind;
            Term atom = atom_intern(text, n);
            lx->pos += n;
            lx->column += (int)n;
            switch (kind) {
            case TOK_FN:
                push_token(lx, TOK_FN, line, column, atom);
                push_terminator(lx, TOK_FN, line);
                return true;
            case TOK_END:
                if (!check_closer(lx, TOK_END, line, column)) return false;
                push_token(lx, TOK_END, line, column, atom);
                return true;
            case TOK_DO:
                if (top && top->kind == TOK_IDENTIFIER) {
                    top->kind = TOK_DO_IDENTIFIER;
                } else if (top && top->kind == TOK_FN) {
                    return lex_fail(lx, line, column, false,
                                    "unexpected reserved word: do. Anonymous functions are written as:\n\n"
                                    "    fn pattern -> expression end");
                } else if (top && (top->kind == TOK_COMMA || top->kind == TOK_SEMI)) {
                    return lex_fail(
                        lx, line, column, false,
                        "unexpected reserved word: do. In case you wanted to write a \"do\" expression, you must "
                        "either use do-blocks or separate the keyword argument with comma. For example, you "
                        "should either write:\n\n    if some_condition? do\n      :this\n    else\n      :that\n"
                        "    end\n\nor the equivalent construct:\n\n    if(some_condition?, do: :this, else: "
                        ":that)\n\nwhere \"some_condition?\" is the first argument and the second argument is a "
                        "keyword list.\n\nYou may see this error if you forget a trailing comma before the \"do\" "
                        "in a \"do\" block");
                }
                push_token_with_eol(lx, TOK_DO, line, column, atom);
                push_terminator(lx, TOK_DO, line);
                return true;
            case TOK_TRUE: case TOK_FALSE: case TOK_NIL: case TOK_BLOCK_ID:
                push_token(lx, kind, line, column, atom);
                return true;
            default: {
                size_t p = skip_hspace(lx, lx->pos);
                if (p < lx->len && lx->src[p] == '/') {
                    push_token(lx, TOK_IDENTIFIER, line, column, atom);
                } else if (kind == TOK_IN_OP && top && top->kind == TOK_UNARY_OP &&
                           top->value == atom_intern("not", 3)) {
                    int nl = top->line, nc = top->column;
                    lx->out->count--;
                    push_token_with_eol(lx, TOK_IN_OP, nl, nc, atom_intern("not in", 6));
                } else {
                    push_token_with_eol(lx, kind, line, column, atom);
                }
                return true;
            }
            }
        }
    }
    if (r0 == ':' && is_space(r1)) {
        push_token(lx, TOK_KW_IDENTIFIER, line, column, atom_intern(text, n));
        lx->pos += n + 1;
        lx->column += (int)id.chars + 1;
        return true;
    }
    if (r0 == ':' && r1 >= 0 && r1 != ':')
        return lex_fail(lx, line, column, false, "keyword argument must be followed by space after: %.*s:", (int)n,
                        text);
    bool alias = id.upper;
    if (has_at)
        return lex_fail(lx, line, column, false, "invalid character \"@\" (code point U+0040) in %s: %.*s",
                        id.unicode_upper ? "atom" : alias ? "alias" : "identifier", (int)n, text);
    if (id.unicode_upper) return lex_fail_unexpected(lx, lx->pos, column);
    if ((n == 11 && memcmp(text, "__aliases__", 11) == 0) || (n == 9 && memcmp(text, "__block__", 9) == 0))
        return lex_fail(lx, line, column, false, "reserved token: %.*s", (int)n, text);
    if (alias) {
        if (punct || !id.ascii) {
            /* The first character below 'A' or beyond ASCII is named. */
            size_t i = 0, cn = 1;
            int32_t bad = 0;
            while (i < n) {
                bad = decode_at((const unsigned char *)text, n, i, &cn);
                if (bad < 'A' || bad > 127) break;
                i += cn;
            }
            char bad_text[8] = {0}, hex[8];
            utf8_encode((uint32_t)bad, bad_text);
            return lex_fail(lx, line, column, false,
                            "invalid character \"%s\" (code point U+%s) in alias (only ASCII characters, without "
                            "punctuation, are allowed): %.*s",
                            bad_text, codepoint_hex(bad, hex), (int)n, text);
        }
        push_token(lx, TOK_ALIAS, line, column, atom_intern(text, n));
    } else {
        push_token(lx, call_identifier_kind(r0), line, column, atom_intern(text, n));
    }
    lx->pos += n;
    lx->column += (int)id.chars;
    return true;
}

/* The character literal ?c. */
static void lex_char(Lexer *lx)
{
    int line = lx->line, column = lx->column;
    size_t start = lx->pos;
    int32_t value;
    if (at(lx, 1) == '\\' && lx->pos + 2 < lx->len) {
        size_t n;
        value = escape_value(decode_at(lx->src, lx->len, lx->pos + 2, &n));
        lx->pos += 2 + n;
        lx->column += 3;
    } else {
        size_t n;
        value = decode_at(lx->src, lx->len, lx->pos + 1, &n);
        lx->pos += 1 + n;
        lx->column += 2;
    }
    Token *t = push_token(lx, TOK_CHAR, line, column, small_make(value));
    t->aux = store_text(lx, (const char *)lx->src + start, lx->pos - start);
    t->aux2 = (int32_t)(lx->pos - start);
}

/* An atom after ':' (the colon is at the current position). */
static bool lex_atom(Lexer *lx)
{
    int line = lx->line, column = lx->column;
    int a = at(lx, 1), b = at(lx, 2), c = at(lx, 3);
    static const char *special[] = {"...", "<<>>", "%{}", "%", "{}", "..//"};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        size_t n = strlen(special[i]);
        if (lx->pos + 1 + n <= lx->len && memcmp(lx->src + lx->pos + 1, special[i], n) == 0) {
            /* Only the longest spelling applies: ":%{}" before ":%". */
            if (i == 3 && a == '%' && b == '{' && c == '}') continue;
            push_token(lx, TOK_ATOM, line, column, op_atom(special[i]));
            lx->pos += 1 + n;
            lx->column += 1 + (int)n;
            return true;
        }
    }
    int kind;
    if (a >= 0 && b >= 0 && c >= 0 && three_char_op(a, b, c, &kind)) {
        char text[4] = {(char)a, (char)b, (char)c, 0};
        push_token(lx, TOK_ATOM, line, column, op_atom(text));
        lx->pos += 4;
        lx->column += 4;
        return true;
    }
    if (a == ':' && b == ':') {
        push_token(lx, TOK_ATOM, line, column, op_atom("::"));
        lx->pos += 3;
        lx->column += 3;
        return true;
    }
    if (a >= 0 && b >= 0 && two_char_op(a, b, false, &kind)) {
        char text[3] = {(char)a, (char)b, 0};
        push_token(lx, TOK_ATOM, line, column, op_atom(text));
        lx->pos += 3;
        lx->column += 3;
        return true;
    }
    if (a >= 0 && (one_char_op(a) || a == '.')) {
        char text[2] = {(char)a, 0};
        push_token(lx, TOK_ATOM, line, column, op_atom(text));
        lx->pos += 2;
        lx->column += 2;
        return true;
    }
    if (a == '"' || a == '\'') {
        lx->pos += 2;
        lx->column += 2;
        return begin_quoted(lx, STR_ATOM, a, false, line, column, column) != 0;
    }
    IdentScan id = scan_identifier(lx, lx->pos + 1);
    if (id.bytes == 0) return lex_fail_unexpected(lx, lx->pos, column);
    push_token(lx, TOK_ATOM, line, column, atom_intern((const char *)lx->src + lx->pos + 1, id.bytes));
    lx->pos += 1 + id.bytes;
    lx->column += 1 + (int)id.chars;
    return true;
}

/* A sigil: ~ and a letter are at the current position. */
static int lex_sigil(Lexer *lx)
{
    int line = lx->line, column = lx->column;
    int letter = at(lx, 1);
    int d = at(lx, 2);
    StringState st = {0};
    st.kind = STR_SIGIL;
    st.line = line;
    st.column = column;
    st.err_column = column;
    st.sigil = letter;
    st.interpol = is_lower(letter);
    st.unescape = false;
    if ((d == '"' || d == '\'') && at(lx, 3) == d && at(lx, 4) == d) {
        lx->pos += 5;
        if (!skip_heredoc_header(lx, line, column, (char)d)) return 0;
        st.heredoc = true;
        st.close = d;
        st.open = d;
        return start_string(lx, &st);
    }
    switch (d) {
    case '/': case '|': case '"': case '\'': st.close = d; break;
    case '<': st.close = '>'; break;
    case '[': st.close = ']'; break;
    case '(': st.close = ')'; break;
    case '{': st.close = '}'; break;
    default: {
        size_t n;
        int32_t cp = decode_at(lx->src, lx->len, lx->pos + 2, &n);
        char text[8] = {0}, hex[8];
        utf8_encode((uint32_t)cp, text);
        lex_fail(lx, line, column, false,
                 "invalid sigil delimiter: \"%s\" (column %d, code point U+%s). The available delimiters are: "
                 "//, ||, \"\", '', (), [], {}, <>",
                 text, column + 2, codepoint_hex(cp, hex));
        return 0;
    }
    }
    st.open = d;
    lx->pos += 3;
    lx->column += 3;
    return start_string(lx, &st);
}

/* Space, then maybe the unary sign of `foo -1` (an op_identifier call). */
static void lex_space(Lexer *lx)
{
    size_t p = skip_hspace(lx, lx->pos);
    lx->column += (int)(p - lx->pos);
    lx->pos = p;
    int sign = at(lx, 0), m = at(lx, 1);
    Token *top = top_token(lx);
    if ((sign == '+' || sign == '-') && m >= 0 && !is_space(m) && m != '(' && m != '[' && m != '<' && m != '{' &&
        m != '%' && m != '+' && m != '-' && m != '/' && m != '>' && m != ':' && top &&
        top->kind == TOK_IDENTIFIER) {
        top->kind = TOK_OP_IDENTIFIER;
        push_token(lx, TOK_DUAL_OP, lx->line, lx->column, sign == '+' ? op_atom("+") : op_atom("-"));
        lx->pos++;
        lx->column++;
    }
}

/* Closes the innermost interpolation at its }. */
static int close_interpolation(Lexer *lx)
{
    InterpFrame f = lx->frames[--lx->nframes];
    Token *t = push_token(lx, TOK_INTERP_END, lx->line, lx->column, TERM_NIL);
    (void)t;
    lx->out->tokens[f.begin_token].aux = (int)lx->out->count - 1;
    lx->indentation = f.indentation;
    lx->pos++;
    lx->column++;
    lx->blen = 0;
    StringState st = f.str;
    int r = lex_string_body(lx, &st);
    if (r == 1) return close_string(lx, &st) ? 1 : 0;
    return r;
}

/* ---- the main loop ---------------------------------------------------------- */

static bool lex_end_of_input(Lexer *lx)
{
    if (lx->nterms > term_base(lx)) {
        Terminator *t = &lx->terms[lx->nterms - 1];
        char hint[200];
        missing_terminator_hint(lx, t->kind, hint, sizeof hint);
        return lex_fail(lx, lx->line, lx->column, true, "missing terminator: %s (for \"%s\" starting at line %d)%s",
                        terminator_close_text(t->kind), terminator_open_text(t->kind), t->line, hint);
    }
    if (lx->nframes) {
        InterpFrame *f = &lx->frames[lx->nframes - 1];
        char suffix[128];
        string_suffix(&f->str, suffix, sizeof suffix);
        return lex_fail(lx, f->hash_line, f->hash_column, true, "missing interpolation terminator: \"}\"%s", suffix);
    }
    push_token(lx, TOK_EOF, lx->line, lx->column, TERM_NIL);
    return true;
}

static bool lex_run(Lexer *lx)
{
    for (;;) {
        if (lx->pos >= lx->len) return lex_end_of_input(lx);
        int c = lx->src[lx->pos];
        int c1 = at(lx, 1), c2 = at(lx, 2), c3 = at(lx, 3);
        int line = lx->line, column = lx->column;
        int r = 1;

        /* The most common characters first: none of the rules below starts
         * with a letter, a space or a newline. */
        if (is_lower(c) || is_upper(c) || c == '_') {
            if (!lex_identifier(lx)) return false;
            continue;
        }
        if (is_hspace(c)) { lex_space(lx); continue; }
        if (c == '\n') { lex_newline(lx, 1, true); continue; }

        if (c == '<' && column == 1 && lx->pos + 7 <= lx->len && memcmp(lx->src + lx->pos, "<<<<<<<", 7) == 0) {
            size_t e = lx->pos;
            while (e < lx->len && lx->src[e] != '\n' && lx->src[e] != '\r') e++;
            return lex_fail(lx, line, 1, false,
                            "found an unexpected version control marker, please resolve the conflicts: %.*s",
                            (int)(e - lx->pos), (const char *)lx->src + lx->pos);
        }
        if (c == '0' && c1 == 'x' && is_hex(c2)) { lex_based_integer(lx, 16); continue; }
        if (c == '0' && c1 == 'b' && (c2 == '0' || c2 == '1')) { lex_based_integer(lx, 2); continue; }
        if (c == '0' && c1 == 'o' && c2 >= '0' && c2 <= '7') { lex_based_integer(lx, 8); continue; }
        if (c == '#') {
            if (!skip_comment(lx, line, column)) return false;
            continue;
        }
        if (c == '~' && (is_upper(c1) || is_lower(c1)) && c2 >= 0) {
            r = lex_sigil(lx);
            if (!r) return false;
            continue;
        }
        if (c == '?' && c1 >= 0) { lex_char(lx); continue; }
        if ((c == '"' || c == '\'') && c1 == c && c2 == c) {
            lx->pos += 3;
            if (!skip_heredoc_header(lx, line, column, (char)c)) return false;
            if (!begin_quoted(lx, c == '"' ? STR_BIN_HEREDOC : STR_LIST_HEREDOC, c, true, line, column, column))
                return false;
            continue;
        }
        if (c == '"' || c == '\'') {
            lx->pos++;
            lx->column++;
            if (!begin_quoted(lx, c == '"' ? STR_BIN : STR_LIST, c, false, line, column, column + 1)) return false;
            continue;
        }
        /* Operator keywords such as `.: ` and `%{}: `. */
        if (c == '.' || c == '<' || c == '%' || c == '&' || c == '{') {
            static const char *kw_ops[] = {"...", "<<>>", "%{}", "%", "&", "{}", "..//", "."};
            bool done = false;
            for (size_t i = 0; i < sizeof kw_ops / sizeof kw_ops[0]; i++) {
                size_t n = strlen(kw_ops[i]);
                if (lx->pos + n + 1 < lx->len && memcmp(lx->src + lx->pos, kw_ops[i], n) == 0 &&
                    lx->src[lx->pos + n] == ':' && is_space(lx->src[lx->pos + n + 1])) {
                    push_token(lx, TOK_KW_IDENTIFIER, line, column, op_atom(kw_ops[i]));
                    lx->pos += n + 1;
                    lx->column += (int)n + 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        if (c == ':' && c1 >= 0 && c1 != ':' ) {
            if (!lex_atom(lx)) return false;
            continue;
        }
        if (c == ':' && c1 == ':' && c2 == ':') {
            if (!lex_atom(lx)) return false;
            continue;
        }
        if (c == '.' && c1 == '.' && c2 == '.') {
            push_token(lx, call_identifier_kind(c3), line, column, op_atom("..."));
            lx->pos += 3;
            lx->column += 3;
            continue;
        }
        /* => and // take none of lex_operator's keyword or name forms. */
        if ((c == '=' && c1 == '>') || (c == '/' && c1 == '/')) {
            push_token_with_eol(lx, c == '=' ? TOK_ASSOC_OP : TOK_TERNARY_OP, line, column,
                                op_atom(c == '=' ? "=>" : "//"));
            lx->pos += 2;
            lx->column += 2;
            continue;
        }
        if (c == '.' && c1 == '.' && c2 == '/' && c3 == '/') {
            size_t p = skip_hspace(lx, lx->pos + 4);
            if (p < lx->len && lx->src[p] == '/') {
                push_token(lx, TOK_IDENTIFIER, line, column, op_atom("..//"));
                lx->column += 4 + (int)(p - lx->pos - 4);
                lx->pos = p;
                continue;
            }
            return lex_fail_unexpected(lx, lx->pos, column);
        }
        int kind;
        if (c1 >= 0 && c2 >= 0 && three_char_op(c, c1, c2, &kind)) {
            lex_operator(lx, kind, 3, kind == TOK_UNARY_OP);
            continue;
        }
        if (c == ',') {
            push_token(lx, TOK_COMMA, line, column, TERM_NIL);
            lx->pos++;
            lx->column++;
            continue;
        }
        if ((c == '<' && c1 == '<') || (c == '>' && c1 == '>')) {
            if (c == '<') {
                push_token(lx, TOK_LBIT, line, column, TERM_NIL);
                push_terminator(lx, TOK_LBIT, line);
            } else {
                if (!check_closer(lx, TOK_RBIT, line, column)) return false;
                push_token(lx, TOK_RBIT, line, column, TERM_NIL);
            }
            lx->pos += 2;
            lx->column += 2;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            int k = c == '(' ? TOK_LPAREN : c == '[' ? TOK_LBRACKET : TOK_LCURLY;
            Token *top = top_token(lx);
            if (c == '(' && top && top->kind == TOK_ALIAS)
                return lex_fail(lx, line, column + 1, false,
                                "unexpected ( after alias %s. Function names and identifiers in Elixir start with "
                                "lowercase characters or underscore. For example:\n\n    hello_world()\n    "
                                "_starting_with_underscore()\n    numb3rs_are_allowed()\n    "
                                "may_finish_with_question_mark?()\n    may_finish_with_exclamation_mark!()\n\n"
                                "Unexpected token: (",
                                atom_text(top->value));
            push_token(lx, k, line, column, TERM_NIL);
            push_terminator(lx, k, line);
            lx->pos++;
            lx->column++;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            int k = c == ')' ? TOK_RPAREN : c == ']' ? TOK_RBRACKET : TOK_RCURLY;
            if (k == TOK_RCURLY && lx->nframes && lx->nterms == term_base(lx)) {
                r = close_interpolation(lx);
                if (!r) return false;
                continue;
            }
            if (!check_closer(lx, k, line, column)) return false;
            push_token(lx, k, line, column, TERM_NIL);
            lx->pos++;
            lx->column++;
            continue;
        }
        if (c1 >= 0 && two_char_op(c, c1, false, &kind)) {
            lex_operator(lx, kind, 2, false);
            continue;
        }
        if (c == ':' && c1 == ':') {
            lex_operator(lx, TOK_TYPE_OP, 2, false);
            continue;
        }
        if (c == '&') {
            size_t p = skip_hspace(lx, lx->pos + 1);
            int k = TOK_CAPTURE_OP;
            if (p < lx->len && lx->src[p] == '/') {
                size_t q = skip_hspace(lx, p + 1);
                if (!(q < lx->len && lx->src[q] == '/')) k = TOK_IDENTIFIER;
            }
            push_token(lx, k, line, column, op_atom("&"));
            lx->pos++;
            lx->column++;
            continue;
        }
        if (c == '@') { lex_operator(lx, TOK_AT_OP, 1, true); continue; }
        if (c == '!' || c == '^') { lex_operator(lx, TOK_UNARY_OP, 1, true); continue; }
        if (c == '<' || c == '>') { lex_operator(lx, TOK_REL_OP, 1, false); continue; }
        if (c == '+' || c == '-') { lex_operator(lx, TOK_DUAL_OP, 1, true); continue; }
        if (c == '*' || c == '/') { lex_operator(lx, TOK_MULT_OP, 1, false); continue; }
        if (c == '=') { lex_operator(lx, TOK_MATCH_OP, 1, false); continue; }
        if (c == '|') { lex_operator(lx, TOK_PIPE_OP, 1, false); continue; }
        if (c == ':') {
            if (!lex_atom(lx)) return false;
            continue;
        }
        if (is_digit(c)) {
            if (!lex_number(lx)) return false;
            continue;
        }
        if (is_hspace(c)) { lex_space(lx); continue; }
        if (c == ';') {
            Token *top = top_token(lx);
            if (top && top->kind == TOK_SEMI) return lex_fail_unexpected(lx, lx->pos, column);
            push_token(lx, TOK_SEMI, line, column, TERM_NIL);
            lx->pos++;
            lx->column++;
            continue;
        }
        if (c == '\\') {
            if (c1 < 0 || (c1 == '\n' && c2 < 0) || (c1 == '\r' && c2 == '\n' && c3 < 0))
                return lex_fail(lx, line, column, true, "invalid escape \\ at end of file");
            if (c1 == '\n') { lx->pos++; lex_newline(lx, 1, false); continue; }
            if (c1 == '\r' && c2 == '\n') { lx->pos++; lex_newline(lx, 2, false); continue; }
            return lex_fail_unexpected(lx, lx->pos, column);
        }
        if (c == '\n') { lex_newline(lx, 1, true); continue; }
        if (c == '\r' && c1 == '\n') { lex_newline(lx, 2, true); continue; }
        if (c == '%') {
            if (c1 == '(' || c1 == '[')
                return lex_fail(lx, line, column, false, "expected %%{ to define a map, got: %%%c", c1);
            if (c1 == '{') {
                push_token(lx, TOK_MAP_OP, line, column, TERM_NIL);
                lx->pos++;
                lx->column++;
                continue;
            }
            push_token(lx, TOK_STRUCT_OP, line, column, TERM_NIL);
            lx->pos++;
            lx->column++;
            continue;
        }
        if (c == '.') {
            r = lex_dot(lx);
            if (!r) return false;
            continue;
        }
        if (!lex_identifier(lx)) return false;
    }
}

bool lexer_tokenize(Heap *h, const char *source, size_t len, TokenList *out, ParseError *err)
{
    memset(out, 0, sizeof *out);
    out->text_capacity = 256;
    out->text = xmalloc(out->text_capacity);
    Lexer lx = {0};
    lx.h = h;
    lx.src = (const unsigned char *)source;
    lx.len = len;
    lx.line = 1;
    lx.column = 1;
    lx.out = out;
    lx.err = err;
    bool ok = lex_run(&lx);
    free(lx.terms);
    free(lx.frames);
    free(lx.hints);
    free(lx.buf);
    return ok;
}

void lexer_free(TokenList *list)
{
    free(list->tokens);
    free(list->text);
    memset(list, 0, sizeof *list);
}
