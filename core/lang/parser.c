/* parser.c - tokens to quoted form, following Elixir 1.14's grammar
 * (elixir_parser.yrl) with a hand-written precedence-climbing parser.
 *
 * Elixir's grammar sorts expressions into three classes, and so does this
 * parser: matched (an ordinary expression), unmatched (one that ends in a
 * do-block) and no-parens (a call without parentheses taking several
 * arguments, such as `f a, b`). Where a class is not allowed the parser
 * reports Elixir's own error. A do-block attaches to the outermost call
 * without parentheses: arguments of such a call are parsed with F_NODO so
 * that nothing inside them takes the `do`.
 *
 * The first error ends the parse through a longjmp; everything built so far
 * is garbage on the caller's heap. Recursion depth is bounded by measuring
 * the C stack, so deeply nested input fails cleanly.
 */
#include "parser.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <utf8proc.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "lexer.h"

/* Bytes of C stack the parser may use before it refuses to nest deeper. */
#define PARSER_STACK_BUDGET (1u << 20)

enum { CLS_MATCHED, CLS_UNMATCHED, CLS_NOPARENS };

/* Parse flags. */
enum {
    F_NODO = 1,   /* no do-block attaches here */
    F_STRUCT = 2, /* a struct name: an identifier before { takes no arguments */
    F_ONEARG = 4  /* only a matched expression: calls without parentheses take one argument */
};

/* Keyword list flavours: in call parentheses, in data (lists, maps), and
 * as the arguments of a call without parentheses. */
enum { KW_CALL, KW_DATA, KW_NOPARENS };

typedef struct Expr {
    Term t;
    uint8_t cls;
    bool acc;   /* an access_expr: may be followed by [key] */
    bool sname; /* may name a struct: %name{} */
    bool lone;  /* may stand alone in a map: a variable or a call */
    bool prefix;  /* built by a prefix operator (-x, @x, &x) */
    bool np_call; /* a call without parentheses, with arguments */
} Expr;

typedef struct Atoms {
    Term block, aliases, dot, access, get, curly, map, percent, bin, type, kernel, to_string, binary, list_mod,
        to_charlist, erlang, binary_to_atom, utf8, stab, fn, pipe, range, range_step, not_, bang, in, not_in, when,
        capture, at, slash, no_parens, ambiguous_op, delimiter, indentation, line, column, do_, unquote_splicing;
} Atoms;

typedef struct Parser {
    Heap *h;
    const TokenList *tl;
    const Token *toks;
    int pos, end;
    ParseError *err;
    jmp_buf jb;
    uintptr_t stack_base;
    Term *scratch;
    size_t nscratch, capscratch;
    int strict_paren; /* index of a ( opening the arguments of a no-parens call */
    Atoms a;
} Parser;

static Expr parse_expr(Parser *p, int flags, int min_prec);
static Expr parse_operators(Parser *p, int flags, int min_prec, Expr left);
static Term parse_grammar(Parser *p);

/* ---- errors ---------------------------------------------------------------- */

static _Noreturn void fail(Parser *p, const char *kind, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static _Noreturn void fail(Parser *p, const char *kind, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    p->err->kind = kind;
    p->err->line = line;
    p->err->column = column;
    longjmp(p->jb, 1);
}


/* The line and column in a node's metadata, when it has them. */
static void meta_position(Term node, int *line, int *column)
{
    if (!term_is_tuple(node) || tuple_size(node) != 3) return;
    for (Term m = tuple_get(node, 1); term_is_cons(m); m = cons_tail(m)) {
        Term kv = cons_head(m);
        if (!term_is_tuple(kv) || tuple_size(kv) != 2 || !term_is_small(tuple_get(kv, 1))) continue;
        if (tuple_get(kv, 0) == ATOM_line) *line = (int)small_value(tuple_get(kv, 1));
        else if (tuple_get(kv, 0) == atom_from_cstr("column")) *column = (int)small_value(tuple_get(kv, 1));
    }
}

static void check_ast_depth(Parser *p, Term ast)
{
    typedef struct { Term t; size_t depth; } Pending;
    size_t n = 0, cap = 64;
    Pending *stack = xmalloc(cap * sizeof *stack);
    stack[n++] = (Pending){ast, 0};
    int line = 1, column = 1;
    while (n) {
        Pending top = stack[--n];
        if (!term_is_tuple(top.t) && !term_is_cons(top.t)) continue;
        meta_position(top.t, &line, &column);
        if (top.depth >= AST_MAX_DEPTH) {
            free(stack);
            fail(p, "SyntaxError", line, column, "expression is nested too deeply");
        }
        size_t count = term_is_tuple(top.t) ? tuple_size(top.t) : 0;
        for (size_t i = 0; i < count; i++) {
            if (n == cap) stack = xrealloc(stack, (cap *= 2) * sizeof *stack);
            stack[n++] = (Pending){tuple_get(top.t, i), top.depth + 1};
        }
        for (Term l = top.t; term_is_cons(l); l = cons_tail(l)) {
            if (n == cap) stack = xrealloc(stack, (cap *= 2) * sizeof *stack);
            stack[n++] = (Pending){cons_head(l), top.depth + 1};
        }
    }
    free(stack);
}

static bool erlang_reserved(const char *s, size_t n)
{
    static const char *words[] = {"after", "and",  "andalso", "band", "begin", "bnot",    "bor",  "bsl",
                                  "bsr",   "bxor", "case",    "catch", "cond", "div",     "end",  "fun",
                                  "if",    "let",  "not",     "of",   "or",    "orelse",  "receive", "rem",
                                  "try",   "when", "xor"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0) return true;
    return false;
}

/* An atom as Erlang's ~tp prints it: quoted unless it is a plain name
 * (a lower-case letter, then letters, digits, _ and @). */
static void erlang_atom_text(Term atom, char *out, size_t cap)
{
    const char *s = atom_text(atom);
    size_t n = atom_length(atom);
    bool plain = n > 0 && !erlang_reserved(s, n);
    for (size_t i = 0; plain && i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t len = utf8proc_iterate((const uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (len <= 0) {
            plain = false;
            break;
        }
        utf8proc_category_t cat = utf8proc_category(c);
        bool lower = (c >= 'a' && c <= 'z') || (c >= 128 && cat == UTF8PROC_CATEGORY_LL);
        bool letter = lower || (c >= 'A' && c <= 'Z') || (c >= 128 && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO);
        plain = i == 0 ? lower : letter || (c >= '0' && c <= '9') || c == '_' || c == '@';
        i += (size_t)len;
    }
    if (plain) {
        snprintf(out, cap, "%.*s", (int)n, s);
        return;
    }
    size_t o = 0;
    out[o++] = '\'';
    for (size_t i = 0; i < n && o + 4 < cap; i++) {
        char c = s[i];
        if (c == '\'' || c == '\\') out[o++] = '\\';
        out[o++] = c;
    }
    out[o++] = '\'';
    out[o] = 0;
}

/* A binary as Erlang prints it inside a term: <<"text">>. */
static size_t erlang_binary_text(Term bin, char *out, size_t cap)
{
    const uint8_t *b;
    size_t n, o = 0;
    if (!binary_bytes(bin, &b, &n)) n = 0;
    o += (size_t)snprintf(out + o, cap - o, "<<\"");
    for (size_t i = 0; i < n && o + 8 < cap; i++) {
        uint8_t c = b[i];
        if (c == '\n') o += (size_t)snprintf(out + o, cap - o, "\\n");
        else if (c == '\t') o += (size_t)snprintf(out + o, cap - o, "\\t");
        else if (c == '"' || c == '\\') o += (size_t)snprintf(out + o, cap - o, "\\%c", c);
        else out[o++] = (char)c;
    }
    o += (size_t)snprintf(out + o, cap - o, "\">>");
    return o;
}

/* Writes `n` bytes as Elixir's messages show a string token's content.
 * The token goes through Erlang's term printer and back through its
 * scanner: text whose characters are all printable Latin-1 comes back with
 * each byte of its UTF-8 turned into a character of its own; anything else
 * is printed as bytes and comes back unchanged. */
static void double_encoded(const uint8_t *b, size_t n, char *out, size_t cap)
{
    bool latin1 = true;
    for (size_t i = 0; i < n && latin1;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t len = utf8proc_iterate(b + i, (utf8proc_ssize_t)(n - i), &c);
        if (len <= 0) {
            latin1 = false;
            break;
        }
        latin1 = (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || c == '\n' || c == '\r' || c == '\t' ||
                 c == '\v' || c == '\b' || c == '\f' || c == 27;
        i += (size_t)len;
    }
    size_t o = 0;
    for (size_t i = 0; i < n && o + 3 < cap; i++) {
        if (b[i] < 0x80 || !latin1) {
            out[o++] = (char)b[i];
        } else {
            out[o++] = (char)(0xC0 | (b[i] >> 6));
            out[o++] = (char)(0x80 | (b[i] & 63));
        }
    }
    out[o] = 0;
}

/* The first literal part of a string token, or TERM_NONE. */
static Term first_string_part(const Parser *p, int idx)
{
    const Token *t = &p->toks[idx + 1];
    return t->kind == TOK_STR_PART ? t->value : TERM_NONE;
}

/* "syntax error before: X" for token `idx`, worded as Elixir words it. */
static _Noreturn void fail_at(Parser *p, int idx)
{
    if (idx >= p->end) {
        /* At the end, Elixir points at the last token; a string is one
         * token, located at its start. */
        int last = p->end > 0 ? p->end - 1 : 0;
        if (p->toks[last].kind == TOK_STR_END) {
            int depth = 0;
            for (; last > 0; last--) {
                if (p->toks[last].kind == TOK_STR_END) depth++;
                if (p->toks[last].kind == TOK_STR_BEGIN && --depth == 0) break;
            }
        }
        fail(p, "TokenMissingError", p->toks[last].line, p->toks[last].column,
             "syntax error: expression is incomplete");
    }
    const Token *t = &p->toks[idx];
    char text[1600];
    const char *fixed = NULL;
    switch (t->kind) {
    case TOK_EOL:
        fail(p, "SyntaxError", t->line, t->column,
             "unexpectedly reached end of line. The current expression is invalid or incomplete");
    case TOK_SEMI: fixed = "';'"; break;
    case TOK_COMMA: fixed = "','"; break;
    case TOK_LPAREN: fixed = "'('"; break;
    case TOK_RPAREN: fixed = "')'"; break;
    case TOK_LBRACKET: fixed = "'['"; break;
    case TOK_RBRACKET: fixed = "']'"; break;
    case TOK_LCURLY: fixed = "'{'"; break;
    case TOK_RCURLY: fixed = "'}'"; break;
    case TOK_LBIT: fixed = "'<<'"; break;
    case TOK_RBIT: fixed = "'>>'"; break;
    case TOK_MAP_OP: fixed = "'%{}'"; break;
    case TOK_STRUCT_OP: fixed = "'%'"; break;
    case TOK_DOT: case TOK_DOT_CALL: fixed = "'.'"; break;
    case TOK_TRUE: fixed = "true"; break;
    case TOK_FALSE: fixed = "false"; break;
    case TOK_NIL: fixed = "nil"; break;
    case TOK_FN: fixed = "fn"; break;
    case TOK_DO: fixed = "do"; break;
    case TOK_END: fixed = "'end'"; break;
    case TOK_INT: case TOK_FLT:
        snprintf(text, sizeof text, "\"%.*s\"", (int)(t->aux2 > 300 ? 300 : t->aux2), lexer_token_text(p->tl, t));
        break;
    case TOK_CHAR: {
        int64_t c = small_value(t->value);
        const char *esc = NULL;
        switch (c) {
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case ' ': esc = "\\s"; break;
        case '\\': esc = "\\\\"; break;
        case 27: esc = "\\e"; break;
        case 127: esc = "\\d"; break;
        case 8: esc = "\\b"; break;
        case 12: esc = "\\f"; break;
        case 11: esc = "\\v"; break;
        default: break;
        }
        if (esc) snprintf(text, sizeof text, "?%s", esc);
        else snprintf(text, sizeof text, "?%.*s", (int)(t->aux2 - 1), lexer_token_text(p->tl, t) + 1);
        fail(p, "SyntaxError", t->line, t->column, "syntax error before: %s", text);
    }
    case TOK_STR_BEGIN: {
        Term first = first_string_part(p, idx);
        if (t->aux == STR_SIGIL) {
            const uint8_t *b = (const uint8_t *)"";
            size_t n = 0;
            if (first != TERM_NONE) binary_bytes(first, &b, &n);
            double_encoded(b, n, text, sizeof text);
            fail(p, "SyntaxError", t->line, t->column, "syntax error before: sigil ~%c starting with content '%s'",
                 (int)small_value(t->value), text);
        }
        if (t->aux == STR_BIN_HEREDOC || t->aux == STR_LIST_HEREDOC) {
            const Token *fin = &p->toks[t->aux2];
            size_t o = (size_t)snprintf(text, sizeof text, "{%s,{%d,%d,nil},%d,[",
                                        t->aux == STR_BIN_HEREDOC ? "bin_heredoc" : "list_heredoc", t->line,
                                        t->column, fin->aux);
            if (first != TERM_NONE) o += erlang_binary_text(first, text + o, sizeof text - o - 8);
            snprintf(text + o, sizeof text - o, "]}");
            break;
        }
        if (first != TERM_NONE) {
            const uint8_t *b;
            size_t n;
            binary_bytes(first, &b, &n);
            text[0] = '"';
            double_encoded(b, n, text + 1, sizeof text - 2);
            strcat(text, "\"");
        } else {
            snprintf(text, sizeof text, "\"");
        }
        break;
    }
    default:
        if (term_is_atom(t->value)) erlang_atom_text(t->value, text, sizeof text);
        else snprintf(text, sizeof text, "?");
        break;
    }
    if (fixed) snprintf(text, sizeof text, "%s", fixed);
    static const char *reserved[] = {"'not'", "'and'", "'or'", "'when'", "'after'", "'catch'", "'end'",
                                     "fn",    "else",  "rescue", "true", "false",   "nil",     "in"};
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
        if (strcmp(text, reserved[i]) != 0) continue;
        const char *w = text;
        size_t n = strlen(w);
        if (w[0] == '\'') {
            w++;
            n -= 2;
        }
        fail(p, "SyntaxError", t->line, t->column,
             "syntax error before: %.*s. \"%.*s\" is a reserved word in Elixir and therefore its usage is limited. "
             "For instance, it can't be used as a variable or be defined nor invoked as a regular function",
             (int)n, w, (int)n, w);
    }
    fail(p, "SyntaxError", t->line, t->column, "syntax error before: %s", text);
}

/* Line and column from a node's metadata (for errors about a node). */
static void node_location(const Parser *p, Term node, int *line, int *column)
{
    *line = 0;
    *column = 0;
    if (!term_is_tuple(node) || tuple_size(node) != 3) return;
    for (Term m = tuple_get(node, 1); term_is_cons(m); m = cons_tail(m)) {
        Term kv = cons_head(m);
        if (!term_is_tuple(kv) || tuple_size(kv) != 2) continue;
        if (tuple_get(kv, 0) == p->a.line && *line == 0) *line = (int)small_value(tuple_get(kv, 1));
        if (tuple_get(kv, 0) == p->a.column && *column == 0) *column = (int)small_value(tuple_get(kv, 1));
    }
}

/* Errors located by a node's metadata carry no column: Elixir compiles
 * files without columns in the metadata, so it reports only the line. */
static _Noreturn void fail_at_node(Parser *p, Term node, const char *message)
{
    int line, column;
    node_location(p, node, &line, &column);
    fail(p, "SyntaxError", line, 0, "%s", message);
}

static _Noreturn void fail_no_parens_many(Parser *p, Term node)
{
    fail_at_node(p, node,
                 "unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\n"
                 "This error happens when you have nested function calls without parentheses. For example:\n\n"
                 "    one a, two b, c, d\n\n"
                 "In the example above, we don't know if the parameters \"c\" and \"d\" apply to the function "
                 "\"one\" or \"two\". You can solve this by explicitly adding parentheses:\n\n"
                 "    one a, two(b, c, d)\n\n"
                 "Or by adding commas (in case a nested call is not intended):\n\n"
                 "    one, a, two, b, c, d\n\n"
                 "Elixir cannot compile otherwise. Syntax error before: ','");
}

static _Noreturn void fail_no_parens_container(Parser *p, Term node)
{
    fail_at_node(p, node,
                 "unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\n"
                 "This error may happen when you forget a comma in a list or other container:\n\n"
                 "    [a, b c, d]\n\n"
                 "Or when you have ambiguous calls:\n\n"
                 "    [one, two three, four, five]\n\n"
                 "In the example above, we don't know if the parameters \"four\" and \"five\" belongs to the list "
                 "or the function \"two\". You can solve this by explicitly adding parentheses:\n\n"
                 "    [one, two(three, four), five]\n\n"
                 "Elixir cannot compile otherwise. Syntax error before: ','");
}

static _Noreturn void fail_kw_follow_up(Parser *p, const Token *comma, bool data)
{
    if (data)
        fail(p, "SyntaxError", comma->line, comma->column,
             "unexpected expression after keyword list. Keyword lists must always come last in lists and maps. "
             "Therefore, this is not allowed:\n\n"
             "    [some: :value, :another]\n"
             "    %%{some: :value, another => value}\n\n"
             "Instead, reorder it to be the last entry:\n\n"
             "    [:another, some: :value]\n"
             "    %%{another => value, some: :value}\n\n"
             "Syntax error after: ','");
    fail(p, "SyntaxError", comma->line, comma->column,
         "unexpected expression after keyword list. Keyword lists must always come as the last argument. "
         "Therefore, this is not allowed:\n\n"
         "    function_call(1, some: :option, 2)\n\n"
         "Instead, wrap the keyword in brackets:\n\n"
         "    function_call(1, [some: :option], 2)\n\n"
         "Syntax error after: ','");
}

static void check_stack(Parser *p)
{
    char probe;
    uintptr_t here = (uintptr_t)&probe;
    uintptr_t used = p->stack_base > here ? p->stack_base - here : here - p->stack_base;
    if (used > PARSER_STACK_BUDGET) {
        const Token *t = &p->toks[p->pos < p->end ? p->pos : (p->end > 0 ? p->end - 1 : 0)];
        fail(p, "SyntaxError", t->line, t->column, "expression is nested too deeply");
    }
}

/* ---- tokens ------------------------------------------------------------------ */

static int kind_at(const Parser *p, int idx) { return idx < p->end ? p->toks[idx].kind : TOK_EOF; }
static int cur(const Parser *p) { return kind_at(p, p->pos); }
static const Token *tok(const Parser *p) { return &p->toks[p->pos]; }

static void skip_eol(Parser *p)
{
    if (cur(p) == TOK_EOL) p->pos++;
}

static bool is_eoe(int kind) { return kind == TOK_EOL || kind == TOK_SEMI; }

/* eoe: a newline, a ;, or a newline then a ; */
static void skip_eoe(Parser *p)
{
    if (cur(p) == TOK_EOL) p->pos++;
    if (cur(p) == TOK_SEMI) p->pos++;
}

static void expect(Parser *p, int kind)
{
    if (cur(p) != kind) fail_at(p, p->pos);
    p->pos++;
}

static bool is_kw_start_at(const Parser *p, int idx)
{
    int k = kind_at(p, idx);
    return k == TOK_KW_IDENTIFIER || (k == TOK_STR_BEGIN && p->toks[idx].aux == STR_KW);
}

static bool is_kw_start(const Parser *p) { return is_kw_start_at(p, p->pos); }

/* Tokens that may begin the first argument of a call without parentheses. */
static bool starts_no_parens_arg(int kind)
{
    switch (kind) {
    case TOK_INT: case TOK_FLT: case TOK_CHAR: case TOK_ATOM: case TOK_STR_BEGIN: case TOK_TRUE: case TOK_FALSE:
    case TOK_NIL: case TOK_ALIAS: case TOK_IDENTIFIER: case TOK_PAREN_IDENTIFIER: case TOK_BRACKET_IDENTIFIER:
    case TOK_DO_IDENTIFIER: case TOK_OP_IDENTIFIER: case TOK_KW_IDENTIFIER: case TOK_LPAREN: case TOK_LBRACKET:
    case TOK_LCURLY: case TOK_LBIT: case TOK_MAP_OP: case TOK_STRUCT_OP: case TOK_FN: case TOK_UNARY_OP:
    case TOK_AT_OP: case TOK_CAPTURE_OP:
        return true;
    default:
        return false;
    }
}

static bool is_closer(int kind)
{
    return kind == TOK_RPAREN || kind == TOK_RBRACKET || kind == TOK_RCURLY || kind == TOK_RBIT;
}

/* ---- building terms --------------------------------------------------------- */

static void scratch_push(Parser *p, Term t)
{
    if (p->nscratch == p->capscratch) {
        p->capscratch = p->capscratch ? p->capscratch * 2 : 256;
        p->scratch = xrealloc(p->scratch, p->capscratch * sizeof *p->scratch);
    }
    p->scratch[p->nscratch++] = t;
}

/* Pushes every element of a proper list. */
static void scratch_push_list(Parser *p, Term list)
{
    for (; term_is_cons(list); list = cons_tail(list)) scratch_push(p, cons_head(list));
}

/* The list of the terms pushed since `base`, which are popped. */
static Term scratch_list(Parser *p, size_t base)
{
    /* no pointer arithmetic on a scratch that was never allocated */
    Term l = p->nscratch > base ? list_from(p->h, p->nscratch - base, p->scratch + base) : TERM_NIL;
    p->nscratch = base;
    return l;
}

static Term meta_at(Parser *p, int line, int column)
{
    Term m = cons_new(p->h, tuple2(p->h, p->a.column, small_make(column)), TERM_NIL);
    return cons_new(p->h, tuple2(p->h, p->a.line, small_make(line)), m);
}

static Term meta_of(Parser *p, const Token *t) { return meta_at(p, t->line, t->column); }

static Term meta_with(Parser *p, Term key, Term value, Term meta)
{
    return cons_new(p->h, tuple2(p->h, key, value), meta);
}

static Term call3(Parser *p, Term a, Term b, Term c) { return tuple3(p->h, a, b, c); }

static Term list1(Parser *p, Term a) { return cons_new(p->h, a, TERM_NIL); }
static Term list2(Parser *p, Term a, Term b) { return cons_new(p->h, a, list1(p, b)); }

static Term list_append(Parser *p, Term list, Term last)
{
    size_t base = p->nscratch;
    scratch_push_list(p, list);
    scratch_push(p, last);
    return scratch_list(p, base);
}

static bool is_call_of(Term t, Term name, size_t nargs)
{
    if (!term_is_tuple(t) || tuple_size(t) != 3 || tuple_get(t, 0) != name) return false;
    Term args = tuple_get(t, 2);
    size_t n = 0;
    for (; term_is_cons(args); args = cons_tail(args)) n++;
    return args == TERM_NIL && n == nargs;
}

/* build_block: one expression stands for itself, except `not x`, `!x` and
 * unquote_splicing, which Elixir keeps wrapped. */
static Term build_block(Parser *p, size_t base)
{
    size_t n = p->nscratch - base;
    if (n == 1) {
        Term e = p->scratch[base];
        if (!(is_call_of(e, p->a.not_, 1) || is_call_of(e, p->a.bang, 1) || is_call_of(e, p->a.unquote_splicing, 1))) {
            p->nscratch = base;
            return e;
        }
    }
    return call3(p, p->a.block, TERM_NIL, scratch_list(p, base));
}

static Term empty_block(Parser *p) { return call3(p, p->a.block, TERM_NIL, TERM_NIL); }

static Expr expr_of(Term t, int cls, bool acc) { return (Expr){t, (uint8_t)cls, acc, false, false, false, false}; }

static Expr struct_name(Expr e)
{
    e.sname = true;
    return e;
}

static Expr lone(Expr e)
{
    e.lone = true;
    return e;
}

/* ---- strings ------------------------------------------------------------------- */

static Term charlist_from_binary(Parser *p, Term bin)
{
    const uint8_t *b;
    size_t n;
    binary_bytes(bin, &b, &n);
    size_t base = p->nscratch;
    for (size_t i = 0; i < n;) {
        uint32_t c = b[i];
        size_t len = 1;
        if (c >= 0xF0 && i + 3 < n) { c = ((c & 7) << 18) | ((b[i + 1] & 63u) << 12) | ((b[i + 2] & 63u) << 6) | (b[i + 3] & 63u); len = 4; }
        else if (c >= 0xE0 && i + 2 < n) { c = ((c & 15) << 12) | ((b[i + 1] & 63u) << 6) | (b[i + 2] & 63u); len = 3; }
        else if (c >= 0xC0 && i + 1 < n) { c = ((c & 31) << 6) | (b[i + 1] & 63u); len = 2; }
        scratch_push(p, small_make(c));
        i += len;
    }
    return scratch_list(p, base);
}

/* Parses the tokens of one interpolation as a whole program. */
static Term parse_interpolation(Parser *p, int begin, int end)
{
    int saved_pos = p->pos, saved_end = p->end;
    p->pos = begin;
    p->end = end;
    Term t = parse_grammar(p);
    p->pos = saved_pos;
    p->end = saved_end;
    return t;
}

/* The parts of a string token as a list: binaries stay, interpolations are
 * wrapped as `charlist` demands (to_string only) or as <<>> segments. */
static Term string_parts(Parser *p, int begin, int end, bool charlist)
{
    size_t base = p->nscratch;
    for (int i = begin + 1; i < end; i++) {
        const Token *t = &p->toks[i];
        if (t->kind == TOK_STR_PART) {
            scratch_push(p, t->value);
        } else if (t->kind == TOK_INTERP_BEGIN) {
            Term expr = parse_interpolation(p, i + 1, t->aux);
            Term m = meta_of(p, t);
            Term conv = call3(p, call3(p, p->a.dot, m, list2(p, p->a.kernel, p->a.to_string)), m, list1(p, expr));
            if (!charlist)
                conv = call3(p, p->a.type, m, list2(p, conv, call3(p, p->a.binary, m, ATOM_nil)));
            scratch_push(p, conv);
            i = t->aux;
        }
    }
    return scratch_list(p, base);
}

/* A quoted atom or keyword with interpolation: :erlang.binary_to_atom/2. */
static Term build_quoted_atom(Parser *p, int begin, int end)
{
    Term m = meta_of(p, &p->toks[begin]);
    Term bin = call3(p, p->a.bin, m, string_parts(p, begin, end, false));
    return call3(p, call3(p, p->a.dot, m, list2(p, p->a.erlang, p->a.binary_to_atom)), m,
                 list2(p, bin, p->a.utf8));
}

static Expr parse_string(Parser *p)
{
    int begin = p->pos;
    const Token *b = &p->toks[begin];
    int end = b->aux2;
    const Token *fin = &p->toks[end];
    p->pos = end + 1;
    Term m = meta_of(p, b);
    bool single = end == begin + 2 && p->toks[begin + 1].kind == TOK_STR_PART;
    switch (b->aux) {
    case STR_BIN:
    case STR_BIN_HEREDOC:
        if (single) return expr_of(p->toks[begin + 1].value, CLS_MATCHED, true);
        return expr_of(call3(p, p->a.bin, m, string_parts(p, begin, end, false)), CLS_MATCHED, true);
    case STR_LIST:
    case STR_LIST_HEREDOC:
        if (single) return expr_of(charlist_from_binary(p, p->toks[begin + 1].value), CLS_MATCHED, true);
        return expr_of(call3(p, call3(p, p->a.dot, m, list2(p, p->a.list_mod, p->a.to_charlist)), m,
                             list1(p, string_parts(p, begin, end, true))),
                       CLS_MATCHED, true);
    case STR_SIGIL: {
        char name[8] = "sigil_";
        name[6] = (char)small_value(b->value);
        name[7] = 0;
        char delim[3] = {(char)fin->aux2, (char)fin->aux2, (char)fin->aux2};
        bool heredoc = fin->aux >= 0;
        Term dm = meta_with(p, p->a.delimiter, binary_new(p->h, delim, heredoc ? 3 : 1), m);
        Term pm = heredoc ? meta_with(p, p->a.indentation, small_make(fin->aux), m) : m;
        Term bin = call3(p, p->a.bin, pm, string_parts(p, begin, end, false));
        return expr_of(call3(p, atom_intern(name, 7), dm, list2(p, bin, fin->value)), CLS_MATCHED, true);
    }
    default: /* STR_ATOM */
        return expr_of(build_quoted_atom(p, begin, end), CLS_MATCHED, true);
    }
}

/* ---- operators ----------------------------------------------------------------- */

static int binary_precedence(int kind, bool *right)
{
    *right = false;
    switch (kind) {
    case TOK_IN_MATCH_OP: return 40;
    case TOK_WHEN_OP: *right = true; return 50;
    case TOK_TYPE_OP: *right = true; return 60;
    case TOK_PIPE_OP: *right = true; return 70;
    case TOK_MATCH_OP: *right = true; return 100;
    case TOK_OR_OP: return 110;
    case TOK_AND_OP: return 130;
    case TOK_COMP_OP: return 140;
    case TOK_REL_OP: return 150;
    case TOK_ARROW_OP: return 160;
    case TOK_IN_OP: return 170;
    case TOK_XOR_OP: return 180;
    case TOK_TERNARY_OP: *right = true; return 190;
    case TOK_CONCAT_OP: *right = true; return 200;
    case TOK_RANGE_OP: *right = true; return 200;
    case TOK_DUAL_OP: return 210;
    case TOK_MULT_OP: return 220;
    case TOK_POWER_OP: return 230;
    default: return -1;
    }
}

/* Tokens that may come right after a complete expression. */
static bool can_follow_expr(int kind)
{
    bool right;
    if (binary_precedence(kind, &right) >= 0) return true;
    switch (kind) {
    case TOK_EOF: case TOK_EOL: case TOK_SEMI: case TOK_COMMA: case TOK_RPAREN: case TOK_RBRACKET: case TOK_RCURLY:
    case TOK_RBIT: case TOK_END: case TOK_BLOCK_ID: case TOK_DO: case TOK_STAB_OP: case TOK_ASSOC_OP: case TOK_DOT:
    case TOK_DOT_CALL: case TOK_LBRACKET: case TOK_KW_IDENTIFIER:
        return true;
    default:
        return false;
    }
}

/* Elixir reports a misplaced construct when it reduces it, which happens
 * only with a lookahead that may follow an expression: a stray token
 * after it is reported first. */
static void require_follow(Parser *p)
{
    if (!can_follow_expr(cur(p))) fail_at(p, p->pos);
}

static Expr build_binary(Parser *p, Expr left, int op_idx, Expr right)
{
    const Token *op = &p->toks[op_idx];
    int cls = left.cls == CLS_UNMATCHED ? CLS_UNMATCHED : right.cls;
    if (left.cls == CLS_NOPARENS) cls = CLS_NOPARENS;
    Term m = meta_of(p, op);
    if (op->kind == TOK_TERNARY_OP) {
        /* Elixir checks when it reduces, which needs a valid lookahead. */
        if (!is_call_of(left.t, p->a.range, 2) && right.np_call && !can_follow_expr(cur(p))) fail_at(p, p->pos);
        if (!is_call_of(left.t, p->a.range, 2))
            fail(p, "SyntaxError", op->line, op->column,
                 "the range step operator (//) must immediately follow the range definition operator (..), for "
                 "example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error "
                 "before: '//'");
        Term args = tuple_get(left.t, 2);
        Term all = cons_new(p->h, cons_head(args), list2(p, cons_head(cons_tail(args)), right.t));
        return expr_of(call3(p, p->a.range_step, tuple_get(left.t, 1), all), cls, false);
    }
    if (op->value == p->a.in && (is_call_of(left.t, p->a.not_, 1) || is_call_of(left.t, p->a.bang, 1))) {
        Term inner = call3(p, p->a.in, m, list2(p, cons_head(tuple_get(left.t, 2)), right.t));
        return expr_of(call3(p, tuple_get(left.t, 0), m, list1(p, inner)), cls, false);
    }
    if (op->value == p->a.not_in) {
        Term inner = call3(p, p->a.in, m, list2(p, left.t, right.t));
        return expr_of(call3(p, p->a.not_, m, list1(p, inner)), cls, false);
    }
    return expr_of(call3(p, op->value, m, list2(p, left.t, right.t)), cls, false);
}

static Expr build_unary(Parser *p, const Token *op, Expr operand, bool acc)
{
    if (op->kind == TOK_TERNARY_OP) {
        /* `//x` reads as (/)/x, as Elixir builds it. */
        Term inner = call3(p, p->a.slash, meta_at(p, op->line, op->column), ATOM_nil);
        return expr_of(call3(p, p->a.slash, meta_at(p, op->line, op->column + 1), list2(p, inner, operand.t)),
                       operand.cls, false);
    }
    Expr e = expr_of(call3(p, op->value, meta_of(p, op), list1(p, operand.t)), operand.cls, acc);
    e.sname = operand.sname;
    e.prefix = true;
    return e;
}

/* ---- keyword lists -------------------------------------------------------------- */

/* An element of a list, tuple, map or access: a call without parentheses
 * taking several arguments would make its commas ambiguous. */
static Expr parse_data_expr(Parser *p)
{
    Expr e = parse_expr(p, 0, 0);
    if (e.cls == CLS_NOPARENS) {
        require_follow(p);
        fail_no_parens_container(p, e.t);
    }
    return e;
}

static Term parse_kw_key(Parser *p)
{
    Term key;
    if (cur(p) == TOK_KW_IDENTIFIER) {
        key = tok(p)->value;
        p->pos++;
    } else {
        int begin = p->pos;
        int end = tok(p)->aux2;
        key = build_quoted_atom(p, begin, end);
        p->pos = end + 1;
    }
    skip_eol(p);
    return key;
}

/* A keyword list; in KW_NOPARENS mode a comma not followed by a key is left
 * for the enclosing construct when a closer follows it. */
static Term parse_kw_list(Parser *p, int mode, int flags)
{
    size_t base = p->nscratch;
    for (;;) {
        Term key = parse_kw_key(p);
        Expr v = mode == KW_NOPARENS ? parse_expr(p, flags | F_NODO, 0) : parse_data_expr(p);
        scratch_push(p, tuple2(p->h, key, v.t));
        if (cur(p) != TOK_COMMA) break;
        int comma = p->pos;
        if (is_kw_start_at(p, comma + 1)) {
            p->pos++;
            continue;
        }
        int next = kind_at(p, comma + 1);
        p->pos++;
        if (is_closer(next) && mode != KW_NOPARENS) break; /* a trailing comma */
        if (next == TOK_EOF || is_closer(next)) fail_at(p, p->pos);
        parse_expr(p, (mode == KW_NOPARENS ? flags | F_NODO : 0) | F_ONEARG, 0);
        fail_kw_follow_up(p, &p->toks[comma], mode == KW_DATA);
    }
    return scratch_list(p, base);
}

/* ---- calls ---------------------------------------------------------------------- */

/* call_args_parens, at the (. */
static Term parse_paren_args(Parser *p)
{
    p->pos++;
    skip_eol(p);
    if (cur(p) == TOK_RPAREN) {
        p->pos++;
        return TERM_NIL;
    }
    size_t base = p->nscratch;
    for (;;) {
        if (is_kw_start(p)) {
            scratch_push(p, parse_kw_list(p, KW_CALL, 0));
            break;
        }
        Expr e = parse_expr(p, 0, 0);
        bool closes = cur(p) == TOK_RPAREN || (cur(p) == TOK_EOL && kind_at(p, p->pos + 1) == TOK_RPAREN);
        if (e.cls == CLS_NOPARENS && (p->nscratch > base || !closes)) {
            require_follow(p);
            if (cur(p) == TOK_EOL) fail_at(p, p->pos + 1);
            fail_no_parens_many(p, e.t);
        }
        scratch_push(p, e.t);
        if (cur(p) != TOK_COMMA) break;
        p->pos++;
    }
    skip_eol(p);
    expect(p, TOK_RPAREN);
    return scratch_list(p, base);
}

/* The arguments after the first of a call without parentheses: after each
 * comma a matched expression, or the keyword list that ends them. */
static void parse_no_parens_rest(Parser *p, int flags)
{
    while (cur(p) == TOK_COMMA) {
        p->pos++;
        if (is_kw_start(p)) {
            scratch_push(p, parse_kw_list(p, KW_NOPARENS, flags));
            break;
        }
        Expr e = parse_expr(p, flags | F_NODO, 0);
        if (e.cls == CLS_NOPARENS) fail_no_parens_many(p, e.t);
        scratch_push(p, e.t);
    }
}

/* call_args_no_parens_all. *noparens_one tells whether a single argument
 * was itself a call without parentheses taking several arguments. */
static Term parse_no_parens_args(Parser *p, int flags, size_t *count, bool *ambiguous)
{
    size_t base = p->nscratch;
    *ambiguous = false;
    if (is_kw_start(p)) {
        scratch_push(p, parse_kw_list(p, KW_NOPARENS, flags));
        *count = 1;
        return scratch_list(p, base);
    }
    if (cur(p) == TOK_LPAREN) p->strict_paren = p->pos;
    Expr first = parse_expr(p, flags | F_NODO, 0);
    scratch_push(p, first.t);
    if (cur(p) != TOK_COMMA || first.cls == CLS_NOPARENS || (flags & F_ONEARG)) {
        *ambiguous = first.cls == CLS_NOPARENS;
        *count = 1;
        return scratch_list(p, base);
    }
    parse_no_parens_rest(p, flags);
    *count = p->nscratch - base;
    return scratch_list(p, base);
}

static Term parse_do_block(Parser *p);

/* callee(args) do ... end: the block is appended to the arguments. */
static Expr attach_do_block(Parser *p, Term callee, Term m, Term args)
{
    Term block = parse_do_block(p);
    return expr_of(call3(p, callee, m, list_append(p, args, block)), CLS_UNMATCHED, false);
}

/* The calls with parentheses after a callee, at the (: f(a), f(a)(b), and
 * a do-block unless `allow_do` is false. */
static Expr parse_paren_call(Parser *p, Term callee, Term m, bool allow_do)
{
    Term call = call3(p, callee, m, parse_paren_args(p));
    if (cur(p) == TOK_LPAREN) call = call3(p, call, m, parse_paren_args(p));
    if (allow_do && cur(p) == TOK_DO) return attach_do_block(p, tuple_get(call, 0), m, tuple_get(call, 2));
    return lone(struct_name(expr_of(call, CLS_MATCHED, true)));
}

/* The call (or variable) named by the identifier token at `idx`, already
 * consumed. `callee` is the name atom or the {:., meta, [left, name]} of a
 * remote call. */
static Expr parse_call(Parser *p, int flags, int idx, Term callee, bool remote)
{
    const Token *t = &p->toks[idx];
    Term m = meta_of(p, t);
    bool allow_do = !(flags & F_NODO);
    switch (t->kind) {
    case TOK_PAREN_IDENTIFIER:
        return parse_paren_call(p, callee, m, allow_do);
    case TOK_DO_IDENTIFIER:
        if (allow_do && cur(p) == TOK_DO) return attach_do_block(p, callee, m, TERM_NIL);
        break;
    case TOK_IDENTIFIER:
    case TOK_OP_IDENTIFIER:
        if ((flags & F_STRUCT) && cur(p) == TOK_LCURLY) break;
        if (starts_no_parens_arg(cur(p)) || (t->kind == TOK_OP_IDENTIFIER && cur(p) == TOK_DUAL_OP)) {
            size_t count;
            bool ambiguous;
            Term args = parse_no_parens_args(p, flags, &count, &ambiguous);
            int cls = count == 1 && !ambiguous ? CLS_MATCHED : CLS_NOPARENS;
            if (allow_do && cur(p) == TOK_DO) return attach_do_block(p, callee, m, args);
            if (t->kind == TOK_OP_IDENTIFIER && !remote && count == 1) m = meta_with(p, p->a.ambiguous_op, ATOM_nil, m);
            Expr e = expr_of(call3(p, callee, m, args), cls, false);
            e.lone = cls == CLS_MATCHED;
            e.np_call = true;
            return e;
        }
        break;
    default:
        break;
    }
    bool acc = t->kind == TOK_BRACKET_IDENTIFIER;
    if (remote)
        return lone(struct_name(
            expr_of(call3(p, callee, meta_with(p, p->a.no_parens, ATOM_true, m), TERM_NIL), CLS_MATCHED, acc)));
    return lone(struct_name(expr_of(call3(p, callee, m, ATOM_nil), CLS_MATCHED, acc)));
}

/* ---- stabs and blocks ------------------------------------------------------------ */

static bool is_stab_clause(const Parser *p, Term t) { return is_call_of(t, p->a.stab, 2); }

/* unwrap_splice then unwrap_when on the arguments of a clause. */
static Term stab_args(Parser *p, Term args, bool unwrap_when)
{
    if (term_is_cons(args) && cons_tail(args) == TERM_NIL) {
        Term only = cons_head(args);
        if (term_is_tuple(only) && tuple_size(only) == 3 && tuple_get(only, 0) == p->a.block) {
            Term inner = tuple_get(only, 2);
            if (term_is_cons(inner) && cons_tail(inner) == TERM_NIL &&
                term_is_tuple(cons_head(inner)) && tuple_size(cons_head(inner)) == 3 &&
                tuple_get(cons_head(inner), 0) == p->a.unquote_splicing)
                args = inner;
        }
    }
    if (!unwrap_when || args == TERM_NIL) return args;
    size_t base = p->nscratch;
    scratch_push_list(p, args);
    Term last = p->scratch[p->nscratch - 1];
    if (is_call_of(last, p->a.when, 2)) {
        p->nscratch--;
        Term wargs = tuple_get(last, 2);
        scratch_push(p, cons_head(wargs));
        scratch_push(p, cons_head(cons_tail(wargs)));
        Term all = scratch_list(p, base);
        return list1(p, call3(p, p->a.when, tuple_get(last, 1), all));
    }
    p->nscratch = base;
    return args;
}

static Term parse_stab_body(Parser *p, Term args, int flags)
{
    const Token *arrow = tok(p);
    p->pos++;
    skip_eol(p);
    int k = cur(p);
    Term body;
    if (k == TOK_END || k == TOK_BLOCK_ID || k == TOK_RPAREN || k == TOK_EOF || is_eoe(k)) body = ATOM_nil;
    else body = parse_expr(p, flags & ~F_NODO, 0).t;
    return call3(p, p->a.stab, meta_of(p, arrow), list2(p, args, body));
}

/* Whether the parentheses opening at `open` hold a comma-separated or
 * keyword argument list, which only the head of a clause may: (a, b) ->
 * A comma after a separator, or after a call without parentheses (whose
 * argument it separates), does not count. */
static bool parens_hold_args(const Parser *p, int open)
{
    int close = p->toks[open].aux;
    int i = open + 1;
    if (i < close && p->toks[i].kind == TOK_EOL) i++;
    if (is_kw_start_at(p, i)) return true;
    while (i < close) {
        const Token *t = &p->toks[i];
        switch (t->kind) {
        case TOK_COMMA: return true;
        case TOK_SEMI: case TOK_EOL: case TOK_STAB_OP: return false;
        case TOK_IDENTIFIER: case TOK_OP_IDENTIFIER:
            if (i + 1 < close && starts_no_parens_arg(p->toks[i + 1].kind)) return false;
            break;
        case TOK_LPAREN: case TOK_LBRACKET: case TOK_LCURLY: case TOK_LBIT: case TOK_FN: case TOK_DO:
            if (t->aux > i) {
                i = t->aux + 1;
                continue;
            }
            break;
        case TOK_STR_BEGIN:
            i = t->aux2 + 1;
            continue;
        default:
            break;
        }
        i++;
    }
    return false;
}

static _Noreturn void fail_strict_paren(Parser *p, const Token *lp)
{
    fail(p, "SyntaxError", lp->line, lp->column,
         "unexpected parentheses. If you are making a function call, do not insert spaces between the function "
         "name and the opening parentheses. Syntax error before: '('");
}

/* One stab_expr: a plain expression or a clause `args -> body`. A non-NULL
 * `strict` is the ( of `f (a, b)`, where a comma is an error. */
static Term parse_stab_item(Parser *p, const Token *strict)
{
    if (cur(p) == TOK_STAB_OP) return parse_stab_body(p, TERM_NIL, 0);
    if (cur(p) == TOK_LPAREN) {
        int close = tok(p)->aux;
        int after = kind_at(p, close + 1);
        bool empty = close == p->pos + 1 || (close == p->pos + 2 && kind_at(p, p->pos + 1) == TOK_EOL);
        if (close > p->pos && ((empty && (after == TOK_STAB_OP || after == TOK_WHEN_OP)) || parens_hold_args(p, p->pos))) {
            p->pos++;
            skip_eol(p);
            Term args = TERM_NIL;
            if (cur(p) != TOK_RPAREN) {
                size_t count;
                bool ambiguous;
                args = parse_no_parens_args(p, 0, &count, &ambiguous);
            }
            skip_eol(p);
            expect(p, TOK_RPAREN);
            args = stab_args(p, args, false);
            if (cur(p) == TOK_WHEN_OP) {
                const Token *w = tok(p);
                p->pos++;
                skip_eol(p);
                Expr guard = parse_expr(p, 0, 0);
                args = list1(p, call3(p, p->a.when, meta_of(p, w), list_append(p, args, guard.t)));
            }
            if (cur(p) != TOK_STAB_OP) fail_at(p, p->pos);
            return parse_stab_body(p, args, 0);
        }
    }
    if (is_kw_start(p)) {
        Term kw = parse_kw_list(p, KW_NOPARENS, 0);
        if (cur(p) != TOK_STAB_OP) fail_at(p, p->pos);
        return parse_stab_body(p, list1(p, kw), 0);
    }
    Expr e = parse_expr(p, 0, 0);
    if (cur(p) == TOK_STAB_OP) {
        if (e.cls == CLS_UNMATCHED) fail_at(p, p->pos); /* a clause head cannot end in a do-block */
        return parse_stab_body(p, stab_args(p, list1(p, e.t), true), 0);
    }
    if (cur(p) != TOK_COMMA) return e.t;
    if (strict) fail_strict_paren(p, strict);
    if (e.cls == CLS_UNMATCHED) fail_at(p, p->pos);
    if (e.cls == CLS_NOPARENS) fail_no_parens_many(p, e.t);
    size_t base = p->nscratch;
    scratch_push(p, e.t);
    parse_no_parens_rest(p, 0);
    Term args = scratch_list(p, base);
    if (cur(p) != TOK_STAB_OP) fail_at(p, p->pos);
    return parse_stab_body(p, stab_args(p, args, true), 0);
}

static bool ends_stab(int kind)
{
    return kind == TOK_END || kind == TOK_BLOCK_ID || kind == TOK_RPAREN || kind == TOK_EOF;
}

/* Items of a stab, pushed on the scratch stack. `strict` applies to the
 * first item only (see parse_stab_item). */
static void parse_stab_items(Parser *p, const Token *strict)
{
    for (bool first = true;; first = false) {
        scratch_push(p, parse_stab_item(p, first ? strict : NULL));
        if (!is_eoe(cur(p))) return;
        skip_eoe(p);
        if (ends_stab(cur(p))) return;
    }
}

/* check_stab: "stab" (1) if the first item is a clause, "block" (0) if no
 * item is; otherwise Elixir's error at the first clause. */
static int check_stab(Parser *p, size_t base)
{
    size_t n = p->nscratch - base;
    if (n == 0) return 0;
    if (is_stab_clause(p, p->scratch[base])) return 1;
    for (size_t i = base + 1; i < p->nscratch; i++) {
        if (!is_stab_clause(p, p->scratch[i])) continue;
        fail_at_node(p, p->scratch[i],
                     "unexpected operator ->. If you want to define multiple clauses, the first expression must "
                     "use ->. Syntax error before: '->'");
    }
    return 0;
}

/* collect_stab: plain items after a clause join its body. */
static Term collect_stab(Parser *p, size_t base)
{
    size_t n = p->nscratch;
    size_t out = p->nscratch;
    for (size_t i = base; i < n;) {
        Term clause = p->scratch[i];
        size_t j = i + 1;
        while (j < n && !is_stab_clause(p, p->scratch[j])) j++;
        Term body;
        if (j == i + 1) {
            body = cons_head(cons_tail(tuple_get(clause, 2)));
            size_t b = p->nscratch;
            scratch_push(p, body);
            body = build_block(p, b);
        } else {
            size_t b = p->nscratch;
            scratch_push(p, cons_head(cons_tail(tuple_get(clause, 2))));
            for (size_t k = i + 1; k < j; k++) scratch_push(p, p->scratch[k]);
            body = build_block(p, b);
        }
        Term args = cons_head(tuple_get(clause, 2));
        scratch_push(p, call3(p, p->a.stab, tuple_get(clause, 1), list2(p, args, body)));
        i = j;
    }
    Term list = list_from(p->h, p->nscratch - out, p->scratch + out);
    p->nscratch = base;
    return list;
}

static Term build_stab(Parser *p, size_t base)
{
    if (check_stab(p, base)) return collect_stab(p, base);
    return build_block(p, base);
}

/* do ... [else|after|rescue|catch ...] end, as the keyword list appended
 * to the call's arguments. */
static Term parse_do_block(Parser *p)
{
    p->pos++;
    skip_eoe(p);
    /* The do section is checked after `end`, each other section when it
     * ends: the order in which Elixir's parser reduces them, so the same
     * error wins. */
    Term do_items = TERM_NIL;
    bool do_empty = cur(p) == TOK_END || cur(p) == TOK_BLOCK_ID;
    if (!do_empty) {
        size_t base = p->nscratch;
        parse_stab_items(p, NULL);
        skip_eoe(p);
        do_items = scratch_list(p, base);
    }
    size_t kws = p->nscratch;
    scratch_push(p, TERM_NIL); /* the do section, filled in below */
    while (cur(p) == TOK_BLOCK_ID) {
        Term key = tok(p)->value;
        p->pos++;
        skip_eoe(p);
        Term value;
        if (cur(p) == TOK_END || cur(p) == TOK_BLOCK_ID) {
            value = empty_block(p);
        } else {
            size_t base = p->nscratch;
            parse_stab_items(p, NULL);
            skip_eoe(p);
            value = build_stab(p, base);
        }
        scratch_push(p, tuple2(p->h, key, value));
    }
    expect(p, TOK_END);
    Term body;
    if (do_empty) {
        body = empty_block(p);
    } else {
        size_t base = p->nscratch;
        scratch_push_list(p, do_items);
        body = build_stab(p, base);
    }
    p->scratch[kws] = tuple2(p->h, p->a.do_, body);
    return scratch_list(p, kws);
}

static Expr parse_fn(Parser *p)
{
    const Token *fn = tok(p);
    p->pos++;
    skip_eoe(p);
    size_t base = p->nscratch;
    parse_stab_items(p, NULL);
    skip_eoe(p);
    expect(p, TOK_END);
    if (!check_stab(p, base))
        fail(p, "SyntaxError", fn->line, fn->column, "expected anonymous functions to be defined with -> inside: 'fn'");
    Term clauses = collect_stab(p, base);
    return expr_of(call3(p, p->a.fn, meta_of(p, fn), clauses), CLS_MATCHED, true);
}

/* ( ... ): a block, a single expression, or clauses. */
static Expr parse_parens(Parser *p)
{
    int open = p->pos;
    const Token *lp = tok(p);
    bool strict = p->strict_paren == open;
    p->strict_paren = -1;
    p->pos++;
    skip_eol(p);
    if (cur(p) == TOK_RPAREN) {
        p->pos++;
        return expr_of(empty_block(p), CLS_MATCHED, true);
    }
    if (strict && is_kw_start(p)) fail_strict_paren(p, lp);
    if (cur(p) == TOK_SEMI) p->pos++;
    skip_eol(p);
    size_t base = p->nscratch;
    if (cur(p) != TOK_RPAREN) parse_stab_items(p, strict ? lp : NULL);
    skip_eol(p);
    expect(p, TOK_RPAREN);
    Term t = build_stab(p, base);
    if (term_is_tuple(t) && tuple_size(t) == 3 && tuple_get(t, 0) == p->a.block) {
        Term m = tuple_get(t, 1);
        Term extra = meta_of(p, lp);
        if (m != TERM_NIL) {
            size_t b = p->nscratch;
            scratch_push_list(p, m);
            scratch_push_list(p, extra);
            extra = scratch_list(p, b);
        }
        t = call3(p, p->a.block, extra, tuple_get(t, 2));
    }
    return expr_of(t, CLS_MATCHED, true);
}

/* ---- containers ------------------------------------------------------------------ */

/* container_args from the opener at the current position through the
 * closer; kw allowed only after at least one positional element. */
static Term parse_container_args(Parser *p, int closer)
{
    p->pos++;
    size_t base = p->nscratch;
    skip_eol(p);
    if (cur(p) == closer) {
        p->pos++;
        return TERM_NIL;
    }
    for (;;) {
        scratch_push(p, parse_data_expr(p).t);
        if (cur(p) != TOK_COMMA) break;
        p->pos++;
        if (cur(p) == closer) break;
        if (is_kw_start(p)) {
            scratch_push(p, parse_kw_list(p, KW_DATA, 0));
            break;
        }
    }
    skip_eol(p);
    Term args = scratch_list(p, base);
    expect(p, closer);
    return args;
}

static Expr parse_list(Parser *p)
{
    p->pos++;
    skip_eol(p);
    size_t base = p->nscratch;
    if (cur(p) != TOK_RBRACKET) {
        for (;;) {
            if (is_kw_start(p)) {
                scratch_push_list(p, parse_kw_list(p, KW_DATA, 0));
                break;
            }
            scratch_push(p, parse_data_expr(p).t);
            if (cur(p) != TOK_COMMA) break;
            p->pos++;
            if (cur(p) == TOK_RBRACKET) break;
        }
    }
    skip_eol(p);
    expect(p, TOK_RBRACKET);
    return expr_of(scratch_list(p, base), CLS_MATCHED, true);
}

static Expr parse_tuple(Parser *p)
{
    const Token *lc = tok(p);
    Term args = parse_container_args(p, TOK_RCURLY);
    if (term_is_cons(args) && term_is_cons(cons_tail(args)) && cons_tail(cons_tail(args)) == TERM_NIL)
        return expr_of(tuple2(p->h, cons_head(args), cons_head(cons_tail(args))), CLS_MATCHED, true);
    return expr_of(call3(p, p->a.curly, meta_of(p, lc), args), CLS_MATCHED, true);
}

static Expr parse_bitstring(Parser *p)
{
    const Token *lb = tok(p);
    Term args = parse_container_args(p, TOK_RBIT);
    return expr_of(call3(p, p->a.bin, meta_of(p, lb), args), CLS_MATCHED, true);
}

/* assoc_expr: key => value, or a lone expression. */
/* A key or value that is a call without parentheses taking several
 * arguments is refused, except under a prefix operator, where Elixir's
 * parser tables happen to accept it: %{-a b, c => d}. */
static Term finish_assoc(Parser *p, Expr key)
{
    if (key.cls == CLS_NOPARENS && !key.prefix) fail_at(p, p->pos);
    if (cur(p) != TOK_ASSOC_OP) {
        if (!key.lone) fail_at(p, p->pos);
        return key.t;
    }
    p->pos++;
    skip_eol(p);
    Expr v = parse_expr(p, 0, 0);
    if (v.cls == CLS_NOPARENS && !v.prefix) fail_at(p, p->pos);
    return tuple2(p->h, key.t, v.t);
}

/* An assoc list whose first key is parsed, kw allowed last; pushed on the
 * scratch stack. */
static void parse_assocs(Parser *p, Expr first)
{
    scratch_push(p, finish_assoc(p, first));
    while (cur(p) == TOK_COMMA) {
        p->pos++;
        skip_eol(p);
        if (cur(p) == TOK_RCURLY) break;
        if (is_kw_start(p)) {
            scratch_push_list(p, parse_kw_list(p, KW_DATA, 0));
            break;
        }
        Expr k = parse_expr(p, 0, 0);
        scratch_push(p, finish_assoc(p, k));
    }
}

/* The } of a map, which holds `args`. */
static Expr close_map(Parser *p, Term m, Term args)
{
    skip_eol(p);
    expect(p, TOK_RCURLY);
    return expr_of(call3(p, p->a.map, m, args), CLS_MATCHED, true);
}

/* map_args, at the {. */
static Expr parse_map_args(Parser *p)
{
    const Token *lc = tok(p);
    p->pos++;
    skip_eol(p);
    Term m = meta_of(p, lc);
    size_t base = p->nscratch;
    if (cur(p) == TOK_RCURLY) return close_map(p, m, TERM_NIL);
    if (is_kw_start(p)) return close_map(p, m, parse_kw_list(p, KW_DATA, 0));
    /* A | right after the first key makes an update: %{map | k => v}. */
    Expr first = parse_expr(p, 0, 71);
    if (cur(p) != TOK_PIPE_OP) first = parse_operators(p, 0, 0, first);
    if (cur(p) == TOK_PIPE_OP) {
        int pipe_idx = p->pos;
        const Token *pipe = tok(p);
        p->pos++;
        skip_eol(p);
        Term rhs;
        if (is_kw_start(p)) {
            rhs = parse_kw_list(p, KW_DATA, 0);
        } else {
            Expr k = parse_expr(p, 0, 70);
            int next = cur(p);
            if (next != TOK_ASSOC_OP && next != TOK_COMMA && next != TOK_RCURLY && next != TOK_EOL) {
                /* `%{a | b when c => d}`: an operator weaker than | makes
                 * `a | b` part of a key, not an update. */
                parse_assocs(p, parse_operators(p, 0, 0, build_binary(p, first, pipe_idx, k)));
                return close_map(p, m, scratch_list(p, base));
            }
            size_t b = p->nscratch;
            parse_assocs(p, k);
            rhs = scratch_list(p, b);
        }
        Term update = call3(p, p->a.pipe, meta_of(p, pipe), list2(p, first.t, rhs));
        return close_map(p, m, list1(p, update));
    }
    parse_assocs(p, first);
    return close_map(p, m, scratch_list(p, base));
}

static Term build_dot_alias(Parser *p, Term left, const Token *dot, const Token *alias)
{
    if (term_is_atom(left))
        fail(p, "SyntaxError", alias->line, alias->column,
             "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, the atom "
             "name must be quoted. Syntax error before: '.'");
    if (term_is_tuple(left) && tuple_size(left) == 3 && tuple_get(left, 0) == p->a.aliases)
        return call3(p, p->a.aliases, tuple_get(left, 1), list_append(p, tuple_get(left, 2), alias->value));
    return call3(p, p->a.aliases, meta_of(p, dot), list2(p, left, alias->value));
}

/* %name{...}: the name is read as any expression, as Elixir's grammar must
 * (it cannot know `%a.b.C{}` from `%a + b` early); only then is it checked,
 * failing at the token after it. */
static Expr parse_struct(Parser *p)
{
    const Token *pct = tok(p);
    p->pos++;
    Expr name = parse_expr(p, F_NODO | F_STRUCT | F_ONEARG, 0);
    if (!name.sname) fail_at(p, p->pos);
    skip_eol(p);
    if (cur(p) != TOK_LCURLY) fail_at(p, p->pos);
    Expr map = parse_map_args(p);
    return expr_of(call3(p, p->a.percent, meta_of(p, pct), list2(p, name.t, map.t)), CLS_MATCHED, true);
}

/* ---- expressions ----------------------------------------------------------------- */

static Expr parse_primary(Parser *p, int flags)
{
    const Token *t = tok(p);
    switch (cur(p)) {
    case TOK_INT: case TOK_FLT: case TOK_CHAR:
        p->pos++;
        return expr_of(t->value, CLS_MATCHED, true);
    case TOK_ATOM:
        p->pos++;
        return struct_name(expr_of(t->value, CLS_MATCHED, true));
    case TOK_TRUE: p->pos++; return expr_of(ATOM_true, CLS_MATCHED, true);
    case TOK_FALSE: p->pos++; return expr_of(ATOM_false, CLS_MATCHED, true);
    case TOK_NIL: p->pos++; return expr_of(ATOM_nil, CLS_MATCHED, true);
    case TOK_STR_BEGIN:
        if (t->aux == STR_KW) fail_at(p, p->pos);
        return parse_string(p);
    case TOK_ALIAS:
        p->pos++;
        return struct_name(expr_of(call3(p, p->a.aliases, meta_of(p, t), list1(p, t->value)), CLS_MATCHED, true));
    case TOK_IDENTIFIER: case TOK_PAREN_IDENTIFIER: case TOK_BRACKET_IDENTIFIER: case TOK_DO_IDENTIFIER:
    case TOK_OP_IDENTIFIER: {
        int idx = p->pos++;
        return parse_call(p, flags, idx, t->value, false);
    }
    case TOK_LPAREN: return parse_parens(p);
    case TOK_LBRACKET: return parse_list(p);
    case TOK_LCURLY: return parse_tuple(p);
    case TOK_LBIT: return parse_bitstring(p);
    case TOK_MAP_OP:
        p->pos++;
        skip_eol(p);
        if (cur(p) != TOK_LCURLY) fail_at(p, p->pos);
        return parse_map_args(p);
    case TOK_STRUCT_OP: return parse_struct(p);
    case TOK_FN: return parse_fn(p);
    case TOK_RANGE_OP:
        p->pos++;
        return expr_of(call3(p, p->a.range, meta_of(p, t), TERM_NIL), CLS_MATCHED, true);
    default:
        fail_at(p, p->pos);
    }
}

/* The operand of a prefix operator. One that ends in a do-block takes
 * every operator after it as well: Elixir's grammar reads `-if a do b end
 * + c` as -(if ... + c). */
static Expr unary_operand(Parser *p, int flags, int min_prec)
{
    Expr operand = parse_expr(p, flags, min_prec);
    if (operand.cls == CLS_UNMATCHED) operand = parse_operators(p, flags & ~F_STRUCT, 0, operand);
    return operand;
}

static Expr parse_unary(Parser *p, int flags)
{
    const Token *t = tok(p);
    switch (cur(p)) {
    case TOK_UNARY_OP: case TOK_DUAL_OP: case TOK_TERNARY_OP: {
        p->pos++;
        skip_eol(p);
        Expr operand = unary_operand(p, flags, 301);
        return build_unary(p, t, operand, false);
    }
    case TOK_AT_OP: {
        p->pos++;
        skip_eol(p);
        Expr operand = unary_operand(p, flags, 321);
        return build_unary(p, t, operand, operand.acc);
    }
    case TOK_CAPTURE_OP: {
        p->pos++;
        skip_eol(p);
        if (cur(p) == TOK_INT) {
            Term n = tok(p)->value;
            p->pos++;
            return expr_of(call3(p, t->value, meta_of(p, t), list1(p, n)), CLS_MATCHED, true);
        }
        Expr operand = unary_operand(p, flags, 91);
        return build_unary(p, t, operand, false);
    }
    default:
        return parse_primary(p, flags);
    }
}

/* left.name, left.Alias, left.{...} */
static Expr parse_dot(Parser *p, Expr left, int flags)
{
    const Token *dot = tok(p);
    int dot_idx = p->pos;
    if (left.cls != CLS_MATCHED) fail_at(p, dot_idx);
    p->pos++;
    skip_eol(p);
    const Token *t = tok(p);
    switch (cur(p)) {
    case TOK_ALIAS:
        p->pos++;
        return struct_name(expr_of(build_dot_alias(p, left.t, dot, t), CLS_MATCHED, true));
    case TOK_IDENTIFIER: case TOK_PAREN_IDENTIFIER: case TOK_BRACKET_IDENTIFIER: case TOK_DO_IDENTIFIER:
    case TOK_OP_IDENTIFIER: {
        int idx = p->pos++;
        Term callee = call3(p, p->a.dot, meta_of(p, dot), list2(p, left.t, t->value));
        return parse_call(p, flags, idx, callee, true);
    }
    case TOK_LCURLY: {
        Term args = parse_container_args(p, TOK_RCURLY);
        Term m = meta_of(p, dot);
        return expr_of(call3(p, call3(p, p->a.dot, m, list2(p, left.t, p->a.curly)), m, args), CLS_MATCHED, true);
    }
    default:
        fail_at(p, p->pos);
    }
}

/* left.(args) */
static Expr parse_dot_call(Parser *p, Expr left, int flags)
{
    const Token *dot = tok(p);
    if (left.cls != CLS_MATCHED) fail_at(p, p->pos);
    p->pos++;
    Term m = meta_of(p, dot);
    Term callee = call3(p, p->a.dot, m, list1(p, left.t));
    return parse_paren_call(p, callee, m, !(flags & F_NODO));
}

/* left[key] */
static Expr parse_access(Parser *p, Expr left)
{
    const Token *lb = tok(p);
    p->pos++;
    skip_eol(p);
    Term arg;
    if (is_kw_start(p)) {
        arg = parse_kw_list(p, KW_DATA, 0);
    } else {
        arg = parse_data_expr(p).t;
        if (cur(p) == TOK_COMMA) p->pos++;
    }
    skip_eol(p);
    expect(p, TOK_RBRACKET);
    Term m = meta_of(p, lb);
    Term callee = call3(p, p->a.dot, m, list2(p, p->a.access, p->a.get));
    return expr_of(call3(p, callee, m, list2(p, left.t, arg)), CLS_MATCHED, true);
}

/* The binary operators (and . [ postfixes) that follow `left`. */
static Expr parse_operators(Parser *p, int flags, int min_prec, Expr left)
{
    for (;;) {
        int kind = cur(p);
        bool right;
        int prec = binary_precedence(kind, &right);
        if (prec >= 0) {
            if (prec < min_prec) break;
            int op = p->pos++;
            skip_eol(p);
            Expr rhs;
            if (kind == TOK_WHEN_OP && is_kw_start(p)) {
                rhs = expr_of(parse_kw_list(p, KW_NOPARENS, flags), CLS_NOPARENS, false);
            } else {
                rhs = parse_expr(p, flags & ~F_STRUCT, right ? prec : prec + 1);
            }
            left = build_binary(p, left, op, rhs);
            continue;
        }
        if (kind == TOK_DOT && min_prec <= 310) {
            left = parse_dot(p, left, flags);
            continue;
        }
        if (kind == TOK_DOT_CALL && min_prec <= 310) {
            left = parse_dot_call(p, left, flags);
            continue;
        }
        if (kind == TOK_LBRACKET && left.acc && left.cls == CLS_MATCHED && min_prec <= 315) {
            left = parse_access(p, left);
            continue;
        }
        if (kind == TOK_KW_IDENTIFIER && left.acc && left.cls == CLS_MATCHED) {
            const Token *t = tok(p);
            if (t->value == p->a.do_)
                fail(p, "SyntaxError", t->line, t->column,
                     "unexpected keyword: do:. In case you wanted to write a \"do\" expression, you must either use "
                     "do-blocks or separate the keyword argument with comma. For example, you should either "
                     "write:\n\n    if some_condition? do\n      :this\n    else\n      :that\n    end\n\nor the "
                     "equivalent construct:\n\n    if(some_condition?, do: :this, else: :that)\n\nwhere "
                     "\"some_condition?\" is the first argument and the second argument is a keyword list.\n\nYou "
                     "may see this error if you forget a trailing comma before the \"do\" in a \"do\" block");
            fail(p, "SyntaxError", t->line, t->column, "syntax error before: '%s:'", atom_text(t->value));
        }
        break;
    }
    return left;
}

static Expr parse_expr(Parser *p, int flags, int min_prec)
{
    check_stack(p);
    Expr left = parse_unary(p, flags);
    return parse_operators(p, flags, min_prec, left);
}

/* grammar: [eoe] expr (eoe expr)* [eoe], up to p->end. */
static Term parse_grammar(Parser *p)
{
    if (cur(p) == TOK_EOF) return empty_block(p);
    if (is_eoe(cur(p))) {
        const Token *first = tok(p);
        skip_eoe(p);
        if (cur(p) == TOK_EOF) return call3(p, p->a.block, meta_of(p, first), TERM_NIL);
    }
    size_t base = p->nscratch;
    for (;;) {
        Expr e = parse_expr(p, 0, 0);
        scratch_push(p, e.t);
        if (is_eoe(cur(p))) {
            skip_eoe(p);
            if (cur(p) == TOK_EOF) break;
            continue;
        }
        if (cur(p) == TOK_EOF) break;
        fail_at(p, p->pos);
    }
    return build_block(p, base);
}

static void atoms_init(Atoms *a)
{
#define A(field, text) a->field = atom_intern(text, sizeof(text) - 1)
    A(block, "__block__");
    A(aliases, "__aliases__");
    A(dot, ".");
    A(access, "Elixir.Access");
    A(get, "get");
    A(curly, "{}");
    A(map, "%{}");
    A(percent, "%");
    A(bin, "<<>>");
    A(type, "::");
    A(kernel, "Elixir.Kernel");
    A(to_string, "to_string");
    A(binary, "binary");
    A(list_mod, "Elixir.List");
    A(to_charlist, "to_charlist");
    A(erlang, "erlang");
    A(binary_to_atom, "binary_to_atom");
    A(utf8, "utf8");
    A(stab, "->");
    A(fn, "fn");
    A(pipe, "|");
    A(range, "..");
    A(range_step, "..//");
    A(not_, "not");
    A(bang, "!");
    A(in, "in");
    A(not_in, "not in");
    A(when, "when");
    A(capture, "&");
    A(at, "@");
    A(slash, "/");
    A(no_parens, "no_parens");
    A(ambiguous_op, "ambiguous_op");
    A(delimiter, "delimiter");
    A(indentation, "indentation");
    A(line, "line");
    A(column, "column");
    A(do_, "do");
    A(unquote_splicing, "unquote_splicing");
#undef A
}

Term parse_source(Heap *h, const char *source, size_t len, const char *file, ParseError *err)
{
    (void)file;
    TokenList tl;
    if (!lexer_tokenize(h, source, len, &tl, err)) {
        lexer_free(&tl);
        return TERM_NONE;
    }
    Parser *p = xcalloc(1, sizeof *p);
    char probe;
    p->stack_base = (uintptr_t)&probe;
    p->h = h;
    p->tl = &tl;
    p->toks = tl.tokens;
    p->end = (int)tl.count - 1; /* the final TOK_EOF */
    p->err = err;
    p->strict_paren = -1;
    atoms_init(&p->a);
    volatile Term result = TERM_NONE;
    if (setjmp(p->jb) == 0) {
        Term ast = parse_grammar(p);
        check_ast_depth(p, ast);
        result = ast;
    }
    free(p->scratch);
    free(p);
    lexer_free(&tl);
    return result;
}
