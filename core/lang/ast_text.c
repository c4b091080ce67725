/* ast_text.c - quoted code as source text (see ast_text.h). */
#include "ast_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"
#include "heap.h"
#include "inspect.h"

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static void text_add(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        while (t->len + n + 1 > t->cap) t->cap = t->cap ? t->cap * 2 : 64;
        t->s = xrealloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = 0;
}

static void text_puts(Text *t, const char *s) { text_add(t, s, strlen(s)); }

static void text_inspect(Text *t, Term v)
{
    InspectOpts o;
    inspect_opts_default(&o);
    o.limit = -1;
    char *shown = inspect_to_cstring(v, &o, NULL);
    text_puts(t, shown);
    free(shown);
}

/* Elixir's binary operators with their precedences (higher binds
 * tighter) and whether they associate to the right. */
typedef struct Operator {
    const char *name;
    int prec;
    bool right;
} Operator;

static const Operator operators[] = {
    {"**", 230, true},  {"*", 220, false},   {"/", 220, false},   {"+", 210, false},  {"-", 210, false},
    {"++", 200, true},  {"--", 200, true},   {"+++", 200, true},  {"---", 200, true}, {"..", 200, true},
    {"<>", 200, true},  {"in", 190, false},  {"not in", 190, false}, {"|>", 180, false}, {"<<<", 180, false},
    {">>>", 180, false}, {"<<~", 180, false}, {"~>>", 180, false}, {"<~", 180, false}, {"~>", 180, false},
    {"<~>", 180, false}, {"<", 170, false},   {">", 170, false},   {"<=", 170, false}, {">=", 170, false},
    {"==", 160, false}, {"!=", 160, false},  {"=~", 160, false},  {"===", 160, false}, {"!==", 160, false},
    {"&&", 150, false}, {"&&&", 150, false}, {"and", 150, false}, {"||", 140, false}, {"|||", 140, false},
    {"or", 140, false}, {"=", 100, true},    {"|", 70, true},     {"::", 60, true},   {"when", 50, true},
    {"<-", 40, false},  {"\\\\", 40, false},
};

static const Operator *binary_operator(Term ast)
{
    if (!term_is_tuple(ast) || tuple_size(ast) != 3 || !term_is_atom(tuple_get(ast, 0))) return NULL;
    Term args = tuple_get(ast, 2);
    if (!term_is_cons(args) || !term_is_cons(cons_tail(args)) || cons_tail(cons_tail(args)) != TERM_NIL) return NULL;
    const char *name = atom_text(tuple_get(ast, 0));
    for (size_t i = 0; i < sizeof operators / sizeof *operators; i++)
        if (!strcmp(operators[i].name, name)) return &operators[i];
    return NULL;
}

static bool is_unary_operator(const char *name)
{
    static const char *const unary[] = {"-", "+", "!", "^", "not", "@"};
    for (size_t i = 0; i < sizeof unary / sizeof *unary; i++)
        if (!strcmp(unary[i], name)) return true;
    return false;
}

/* A pending piece of output: text to copy, or a node to print (wrapped in
 * parentheses when `parens`). */
typedef struct Work {
    Term node;
    const char *text;
    bool parens;
} Work;

typedef struct Stack {
    Work *items;
    size_t n, cap;
} Stack;

static void push(Stack *s, Term node, const char *text, bool parens)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 32;
        s->items = xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->n++] = (Work){node, text, parens};
}

static void push_text(Stack *s, const char *text) { push(s, TERM_NONE, text, false); }
static void push_node(Stack *s, Term node) { push(s, node, NULL, false); }

static bool is_keyword_pair(Term t) { return term_is_tuple(t) && tuple_size(t) == 2 && term_is_atom(tuple_get(t, 0)); }

static bool is_keyword(Term l)
{
    if (!term_is_cons(l)) return false;
    for (; term_is_cons(l); l = cons_tail(l))
        if (!is_keyword_pair(cons_head(l))) return false;
    return l == TERM_NIL;
}

/* The elements of list l (an array the caller frees, *n long); *tail
 * gets what ends it: [] for a proper list. */
static Term *list_items(Term l, size_t *n, Term *tail)
{
    size_t count = 0;
    Term end = l;
    for (; term_is_cons(end); end = cons_tail(end)) count++;
    Term *items = xmalloc((count + 1) * sizeof *items);
    count = 0;
    for (Term e = l; term_is_cons(e); e = cons_tail(e)) items[count++] = cons_head(e);
    *n = count;
    if (tail) *tail = end;
    return items;
}

/* Pushes items[0..n) separated by sep, in reverse so that they pop in
 * order; from index `pairs_from` on, as `key: value` (kind "pair") or
 * `key => value` (kind "arrow"). */
static void push_separated(Stack *s, const Term *items, size_t n, const char *sep, size_t pairs_from, const char *kind)
{
    for (size_t i = n; i-- > 0;) {
        push(s, items[i], i >= pairs_from ? kind : NULL, false);
        if (i) push_text(s, sep);
    }
}

/* Pushes a keyword list's pairs as `key: value`, separated by ", ". */
static void push_pairs(Stack *s, Term l)
{
    size_t n;
    Term *pairs = list_items(l, &n, NULL);
    push_separated(s, pairs, n, ", ", 0, "pair");
    free(pairs);
}

/* Pushes the elements of list `l` separated by ", "; a trailing keyword
 * list as `key: value` when `keyword_tail` (a call's options), and an
 * improper tail as `| tail`. */
static void push_elements(Stack *s, Term l, bool keyword_tail)
{
    size_t n;
    Term tail;
    Term *items = list_items(l, &n, &tail);
    if (tail != TERM_NIL) {
        push_node(s, tail);
        push_text(s, " | ");
    }
    size_t plain = n;
    if (keyword_tail && n && is_keyword(items[n - 1])) {
        push_pairs(s, items[--plain]);
        if (plain) push_text(s, ", ");
    }
    push_separated(s, items, plain, ", ", plain, NULL);
    free(items);
}

/* A keyword pair in a list or map: `key: value`. */
static void push_pair(Stack *s, Term pair, Text *out)
{
    push_node(s, tuple_get(pair, 1));
    char *key = NULL;
    InspectOpts o;
    inspect_opts_default(&o);
    key = inspect_to_cstring(tuple_get(pair, 0), &o, NULL);
    /* :a is shown a:, :"a b" as "a b": */
    text_puts(out, key + 1);
    text_puts(out, ": ");
    free(key);
}

/* A list; its trailing keyword pairs as `key: value` ([1, b: 2]). */
static void print_list(Stack *s, Term l, Text *out)
{
    text_puts(out, "[");
    push_text(s, "]");
    size_t n;
    Term tail;
    Term *items = list_items(l, &n, &tail);
    size_t pairs_from = n;
    while (tail == TERM_NIL && pairs_from > 0 && is_keyword_pair(items[pairs_from - 1])) pairs_from--;
    if (tail != TERM_NIL) {
        push_node(s, tail);
        push_text(s, " | ");
    }
    push_separated(s, items, n, ", ", pairs_from, "pair");
    free(items);
}

static void print_node(Stack *s, Term ast, Text *out)
{
    if (term_is_cons(ast)) {
        print_list(s, ast, out);
        return;
    }
    if (term_is_tuple(ast) && tuple_size(ast) == 2) {
        text_puts(out, "{");
        push_text(s, "}");
        push_node(s, tuple_get(ast, 1));
        push_text(s, ", ");
        push_node(s, tuple_get(ast, 0));
        return;
    }
    if (!term_is_tuple(ast) || tuple_size(ast) != 3) {
        text_inspect(out, ast);
        return;
    }
    Term head = tuple_get(ast, 0), args = tuple_get(ast, 2);
    if (term_is_atom(head) && term_is_atom(args)) { /* a variable */
        text_puts(out, atom_text(head));
        return;
    }
    if (!term_is_list(args)) {
        text_inspect(out, ast);
        return;
    }
    size_t nargs = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) nargs++;
    const char *name = term_is_atom(head) ? atom_text(head) : NULL;
    if (name && !strcmp(name, "__aliases__")) {
        for (Term l = args; term_is_cons(l); l = cons_tail(l)) {
            if (l != args) text_puts(out, ".");
            if (term_is_atom(cons_head(l))) text_puts(out, atom_text(cons_head(l)));
            else text_inspect(out, cons_head(l));
        }
        return;
    }
    const Operator *op = binary_operator(ast);
    if (op) {
        Term left = cons_head(args), right = cons_head(cons_tail(args));
        const Operator *lop = binary_operator(left), *rop = binary_operator(right);
        push(s, right, NULL, rop && (rop->prec < op->prec || (rop->prec == op->prec && !op->right)));
        bool tight = !strcmp(op->name, ".."); /* 1..10 */
        if (!tight) push_text(s, "\x01");
        push_text(s, op->name);
        if (!tight) push_text(s, "\x01");
        push(s, left, NULL, lop && (lop->prec < op->prec || (lop->prec == op->prec && op->right)));
        return;
    }
    if (name && nargs == 1 && !strcmp(name, "&")) {
        Term inner = cons_head(args);
        if (term_is_small(inner)) {
            text_puts(out, "&");
            text_inspect(out, inner);
            return;
        }
        const Operator *iop = binary_operator(inner);
        bool slash = iop && !strcmp(iop->name, "/");
        bool bare = term_is_tuple(inner) && tuple_size(inner) == 3 && tuple_get(inner, 0) == atom_from_cstr("&");
        text_puts(out, bare ? "& " : "&");
        if (slash) { /* &name/arity, with no spaces */
            Term fargs = tuple_get(inner, 2);
            push_node(s, cons_head(cons_tail(fargs)));
            push_text(s, "/");
            push_node(s, cons_head(fargs));
            return;
        }
        push(s, inner, NULL, iop != NULL);
        return;
    }
    Term in_args;
    if (name && nargs == 1 && !strcmp(name, "not") && term_is_tuple(cons_head(args)) && tuple_size(cons_head(args)) == 3 &&
        tuple_get(cons_head(args), 0) == atom_from_cstr("in") && term_is_list(in_args = tuple_get(cons_head(args), 2)) &&
        list_length(in_args) == 2) {
        /* a not in b is quoted as not(a in b) */
        push_node(s, cons_head(cons_tail(in_args)));
        push_text(s, " not in ");
        push_node(s, cons_head(in_args));
        return;
    }
    if (name && nargs == 1 && is_unary_operator(name)) {
        Term operand = cons_head(args);
        text_puts(out, name);
        if (!strcmp(name, "not")) text_puts(out, " ");
        push(s, operand, NULL, binary_operator(operand) != NULL);
        return;
    }
    if (name && !strcmp(name, "%{}")) {
        text_puts(out, "%{");
        push_text(s, "}");
        size_t n;
        Term *items = list_items(args, &n, NULL);
        bool keys_atoms = true, pairs = true;
        for (size_t i = 0; i < n; i++) {
            keys_atoms = keys_atoms && is_keyword_pair(items[i]);
            pairs = pairs && term_is_tuple(items[i]) && tuple_size(items[i]) == 2;
        }
        push_separated(s, items, n, ", ", keys_atoms || pairs ? 0 : n, keys_atoms ? "pair" : "arrow");
        free(items);
        return;
    }
    if (name && !strcmp(name, "%") && nargs == 2) {
        Term fields = cons_head(cons_tail(args));
        text_puts(out, "%");
        /* the struct's fields print as a map does, without its %{ */
        push_text(s, "}");
        if (term_is_tuple(fields) && tuple_size(fields) == 3 && is_keyword(tuple_get(fields, 2))) push_pairs(s, tuple_get(fields, 2));
        else if (term_is_tuple(fields) && tuple_size(fields) == 3) push_elements(s, tuple_get(fields, 2), false);
        push_text(s, "{");
        push_node(s, cons_head(args));
        return;
    }
    if (name && !strcmp(name, "<<>>")) {
        text_puts(out, "<<");
        push_text(s, ">>");
        push_elements(s, args, false);
        return;
    }
    if (name && !strcmp(name, "__block__")) { /* its expressions a line each */
        size_t n;
        Term *items = list_items(args, &n, NULL);
        push_separated(s, items, n, "\n", n, NULL);
        free(items);
        return;
    }
    if (name && !strcmp(name, "{}")) {
        text_puts(out, "{");
        push_text(s, "}");
        push_elements(s, args, false);
        return;
    }
    /* a call: local, remote (Mod.fun) or anonymous (fun.); x.y is a
     * remote call without parentheses */
    Term no_parens = term_is_list(tuple_get(ast, 1)) ? kw_get(tuple_get(ast, 1), atom_from_cstr("no_parens")) : TERM_NONE;
    if (!(nargs == 0 && no_parens == ATOM_true)) {
        push_text(s, ")");
        push_elements(s, args, true);
        push_text(s, "(");
    }
    if (name) {
        text_puts(out, name);
        return;
    }
    Term dname, dargs;
    if (term_is_tuple(head) && tuple_size(head) == 3 && (dname = tuple_get(head, 0)) == atom_from_cstr(".") &&
        term_is_list(dargs = tuple_get(head, 2))) {
        Term target = cons_head(dargs);
        if (term_is_cons(cons_tail(dargs)) && term_is_atom(cons_head(cons_tail(dargs)))) {
            push_text(s, atom_text(cons_head(cons_tail(dargs))));
            push_text(s, ".");
        } else push_text(s, ".");
        push_node(s, target);
        return;
    }
    push_node(s, head);
}

char *ast_text(Term ast)
{
    Text out = {0};
    text_puts(&out, "");
    Stack s = {0};
    push_node(&s, ast);
    while (s.n) {
        Work w = s.items[--s.n];
        if (w.text && w.node == TERM_NONE) {
            /* \x01 stands for the space around a binary operator */
            text_puts(&out, w.text[0] == '\x01' ? " " : w.text);
            continue;
        }
        if (w.parens) {
            text_puts(&out, "(");
            push_text(&s, ")");
            push_node(&s, w.node);
            continue;
        }
        if (w.text && w.text[0] == 'p') { /* "pair": key: value */
            push_pair(&s, w.node, &out);
            continue;
        }
        if (w.text) { /* "arrow": key => value */
            push_node(&s, tuple_get(w.node, 1));
            push_text(&s, " => ");
            push_node(&s, tuple_get(w.node, 0));
            continue;
        }
        if (term_is_atom(w.node) || term_is_small(w.node) || term_is_bignum(w.node) || term_is_float(w.node) ||
            term_is_bitstring(w.node) || w.node == TERM_NIL) {
            text_inspect(&out, w.node);
            continue;
        }
        print_node(&s, w.node, &out);
    }
    free(s.items);
    return out.s;
}

void ast_text_to(Term ast, char *buf, size_t size)
{
    char *text = ast_text(ast);
    snprintf(buf, size, "%s", text);
    free(text);
}
