/* compile_warn.c - warnings about whole clause lists: a clause that an
 * earlier one always shadows, which OTP's compiler reports for Elixir
 * module code ("this clause cannot match because a previous clause at line
 * N always matches"). They come after the module's own warnings (unused
 * variables, compile_emit.c), sorted by line, as OTP's follow Elixir's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compare.h"
#include "compile_internal.h"
#include "binary.h"
#include "fatal.h"
#include "io.h"

static Term A(const char *s) { return atom_from_cstr(s); }

/* Past this many clauses only a catch-all is looked for (the pairwise
 * check is quadratic). */
#define SHADOW_PAIRWISE_MAX 256

static bool is_call_of(Term ast, const char *op, size_t nargs, Term *args)
{
    Term name, meta;
    return ast_is_call(ast, &name, &meta, args) && name == A(op) && list_length(*args) == nargs;
}

/* Whether every value the patterns `qs` match, the patterns `ps` match
 * too (neither has a guard). Conservative: false where unsure (maps,
 * binaries, pins, a variable `ps` repeats, an `=` in `qs`). Iterative: a
 * pattern may be as deep as a macro made it. */
static bool patterns_subsume(Term ps, Term qs)
{
    if (list_length(ps) != list_length(qs)) return false;
    size_t cap = 64, n = 0, nseen = 0, seen_cap = 16;
    Term *stack = xmalloc(cap * 2 * sizeof(Term)), *seen = xmalloc(seen_cap * sizeof(Term));
    for (Term p = ps, q = qs; term_is_cons(p) && term_is_cons(q); p = cons_tail(p), q = cons_tail(q)) {
        if (n == cap) stack = xrealloc(stack, (cap *= 2) * 2 * sizeof(Term));
        stack[2 * n] = cons_head(p);
        stack[2 * n++ + 1] = cons_head(q);
    }
    bool holds = true;
    while (holds && n > 0) {
        n--;
        Term p = stack[2 * n], q = stack[2 * n + 1], name, ctx, pa, qa;
        Term pairs[2][2];
        size_t npairs = 0;
        if (ast_is_var(p, &name, &ctx)) {
            if (name == A("_")) continue;
            for (size_t i = 0; i < nseen && holds; i++) holds = seen[i] != name;
            if (nseen == seen_cap) seen = xrealloc(seen, (seen_cap *= 2) * sizeof(Term));
            seen[nseen++] = name;
            continue;
        }
        if (is_call_of(p, "=", 2, &pa)) {
            pairs[0][0] = list_nth(pa, 0), pairs[0][1] = q;
            pairs[1][0] = list_nth(pa, 1), pairs[1][1] = q;
            npairs = 2;
        } else if (term_is_atom(p) || term_is_number(p) || term_is_binary(p)) {
            holds = term_exact_equal(p, q);
        } else if (term_is_tuple(p) && tuple_size(p) == 2) {
            holds = term_is_tuple(q) && tuple_size(q) == 2;
            pairs[0][0] = tuple_get(p, 0), pairs[0][1] = holds ? tuple_get(q, 0) : TERM_NIL;
            pairs[1][0] = tuple_get(p, 1), pairs[1][1] = holds ? tuple_get(q, 1) : TERM_NIL;
            npairs = holds ? 2 : 0;
        } else if (is_call_of(p, "|", 2, &pa)) {
            holds = is_call_of(q, "|", 2, &qa);
            if (holds) {
                pairs[0][0] = list_nth(pa, 0), pairs[0][1] = list_nth(qa, 0);
                pairs[1][0] = list_nth(pa, 1), pairs[1][1] = list_nth(qa, 1);
                npairs = 2;
            }
        } else if (p == TERM_NIL || term_is_cons(p) || (term_is_tuple(p) && ast_is_call(p, &name, NULL, &pa) && name == A("{}"))) {
            /* a list, or a tuple of any other size: element by element */
            Term pl = term_is_tuple(p) ? pa : p, ql = TERM_NONE;
            if (term_is_tuple(p)) {
                if (ast_is_call(q, &name, NULL, &qa) && name == A("{}")) ql = qa;
            } else if (q == TERM_NIL || term_is_cons(q)) {
                ql = q;
            }
            holds = ql != TERM_NONE && list_length(pl) == list_length(ql);
            for (; holds && term_is_cons(pl); pl = cons_tail(pl), ql = cons_tail(ql)) {
                if (n == cap) stack = xrealloc(stack, (cap *= 2) * 2 * sizeof(Term));
                stack[2 * n] = cons_head(pl);
                stack[2 * n++ + 1] = cons_head(ql);
            }
        } else {
            holds = false;
        }
        for (size_t i = 0; i < npairs; i++) {
            if (n == cap) stack = xrealloc(stack, (cap *= 2) * 2 * sizeof(Term));
            stack[2 * n] = pairs[i][0];
            stack[2 * n++ + 1] = pairs[i][1];
        }
    }
    free(stack);
    free(seen);
    return holds;
}

/* Patterns that match anything: variables, `_`, and `=` of such. */
static bool patterns_catch_all(Term ps)
{
    for (Term l = ps; term_is_cons(l); l = cons_tail(l)) {
        Term p = cons_head(l), name, args;
        while (is_call_of(p, "=", 2, &args)) {
            if (!ast_is_var(list_nth(args, 0), &name, NULL)) return false;
            p = list_nth(args, 1);
        }
        if (!ast_is_var(p, &name, NULL)) return false;
    }
    return true;
}

static void warn_later(ModCtx *m, int line, const char *text)
{
    if (m->nlate == m->late_cap) {
        m->late_cap = m->late_cap ? m->late_cap * 2 : 8;
        m->late = xrealloc(m->late, m->late_cap * sizeof *m->late);
    }
    m->late[m->nlate] = (LateWarning){line, m->nlate, xstrndup(text, strlen(text))};
    m->nlate++;
}

void warn_shadowed_clauses(FnCtx *c, const Term *clauses, const int *lines, size_t n, Term def_name, uint32_t def_arity)
{
    if (c->warn != WARN_FUNCTION || !c->mod->module || c->warn_off || rt->compile_boot_mode || n < 2) return;
    Term *patterns = xmalloc(n * sizeof(Term));
    bool *open = xmalloc(n * sizeof(bool)); /* no guard: may shadow what follows */
    for (size_t i = 0; i < n; i++) {
        Term name, meta, args, guard;
        patterns[i] = TERM_NONE;
        open[i] = false;
        if (!ast_is_call(clauses[i], &name, &meta, &args) || list_length(args) != 2) continue;
        clause_head(list_nth(args, 0), &patterns[i], &guard);
        open[i] = guard == TERM_NONE;
    }
    const char *file = c->mod->file ? c->mod->file : "nofile";
    for (size_t j = 1; j < n; j++) {
        if (patterns[j] == TERM_NONE) continue;
        for (size_t i = 0; i < j; i++) {
            if (!open[i] || patterns[i] == TERM_NONE) continue;
            bool catch_all = patterns_catch_all(patterns[i]);
            if (!catch_all && (n > SHADOW_PAIRWISE_MAX || !patterns_subsume(patterns[i], patterns[j]))) continue;
            char text[512];
            if (catch_all && def_name != TERM_NONE)
                snprintf(text, sizeof text, "warning: this clause for %s/%u cannot match because a previous clause at line %d always matches\n  %s:%d\n\n",
                         atom_text(def_name), def_arity, lines[i], file, lines[j]);
            else
                snprintf(text, sizeof text, "warning: this clause cannot match because a previous clause at line %d always matches\n  %s:%d\n\n",
                         lines[i], file, lines[j]);
            warn_later(c->mod, lines[j], text);
            break;
        }
    }
    free(patterns);
    free(open);
}

void warn_shadowed_list(FnCtx *c, Term clauses)
{
    size_t n = list_length(clauses);
    if (n < 2) return;
    Term *items = xmalloc(n * sizeof(Term));
    int *lines = xmalloc(n * sizeof(int));
    size_t i = 0;
    for (Term l = clauses; term_is_cons(l) && i < n; l = cons_tail(l), i++) {
        Term name, meta, args;
        items[i] = cons_head(l);
        lines[i] = ast_is_call(items[i], &name, &meta, &args) ? meta_line(meta) : 0;
        if (lines[i] <= 0) lines[i] = c->line;
    }
    warn_shadowed_clauses(c, items, lines, n, TERM_NONE, 0);
    free(items);
    free(lines);
}

/* What OTP's compiler says of a statement whose value nothing uses, when
 * that value comes from an operator or a BIF without side effects; NULL
 * for any other. *note gets the Erlang name shown, *arity its arity. */
static const char *ignored_kind(Term ast, const char **note, size_t *arity, int *line)
{
    static const char *const arith[][2] = {{"+", "+"}, {"-", "-"}, {"*", "*"}, {"/", "/"}, {"++", "++"}, {"--", "--"},
                                           {"div", "div"}, {"rem", "rem"}, {"not", "not"}, {NULL, NULL}};
    static const char *const compare[] = {"==", "!=", "===", "!==", "<", ">", "<=", ">=", NULL};
    static const char *const results[][2] = {{"length", "length"}, {"hd", "hd"}, {"tl", "tl"}, {"elem", "element"}, {"abs", "abs"},
                                             {"round", "round"}, {"trunc", "trunc"}, {"tuple_size", "tuple_size"},
                                             {"byte_size", "byte_size"}, {NULL, NULL}};
    static const char *const no_effect[] = {"is_atom", "is_binary", "is_bitstring", "is_boolean", "is_float", "is_function",
                                            "is_integer", "is_list", "is_map", "is_number", "is_pid", "is_port",
                                            "is_reference", "is_tuple", "self", "node", NULL};
    Term name, meta, args;
    if (!ast_is_call(ast, &name, &meta, &args) || !term_is_atom(name)) return NULL;
    const char *op = atom_text(name);
    *arity = list_length(args);
    *line = meta_line(meta);
    for (int i = 0; arith[i][0]; i++)
        if (!strcmp(op, arith[i][0]) && (*arity == 2 || (*arity == 1 && (!strcmp(op, "-") || !strcmp(op, "not"))))) {
            *note = arith[i][1];
            return "operator";
        }
    for (int i = 0; compare[i]; i++)
        if (!strcmp(op, compare[i]) && *arity == 2) {
            *note = compare[i];
            return "compare";
        }
    for (int i = 0; results[i][0]; i++)
        if (!strcmp(op, results[i][0]) && *arity == (strcmp(op, "elem") ? 1u : 2u)) {
            *note = results[i][1];
            return "result";
        }
    for (int i = 0; no_effect[i]; i++)
        if (!strcmp(op, no_effect[i]) && *arity == (op[0] == 'i' ? 1u : 0u)) {
            *note = no_effect[i];
            return "call";
        }
    return NULL;
}

/* The expressions whose value is the construct's, when its own is
 * ignored: a block's last, each branch's of an if, unless, case or cond.
 * Iterative: branches nest as deep as the source does. */
void warn_ignored_result(FnCtx *c, Term stmt)
{
    if (c->warn != WARN_FUNCTION || !c->mod->module || c->parent || c->warn_off || rt->compile_boot_mode) return;
    size_t cap = 16, n = 0;
    Term *todo = xmalloc(cap * sizeof *todo);
    todo[n++] = stmt;
    while (n > 0) {
        Term ast = todo[--n], name, meta, args;
        const char *note, *kind;
        size_t arity;
        int line;
        if ((kind = ignored_kind(ast, &note, &arity, &line))) {
            char text[512];
            const char *file = c->mod->file ? c->mod->file : "nofile";
            if (line <= 0) line = c->line;
            if (!strcmp(kind, "operator"))
                snprintf(text, sizeof text, "warning: the result of evaluating operator '%s'/%zu is ignored (suppress the warning by assigning the expression to the _ variable)\n  %s:%d\n\n", note, arity, file, line);
            else if (!strcmp(kind, "compare"))
                snprintf(text, sizeof text, "warning: use of operator %s has no effect\n  %s:%d\n\n", note, file, line);
            else if (!strcmp(kind, "result"))
                snprintf(text, sizeof text, "warning: the result of calling %s/%zu is ignored (suppress the warning by assigning the expression to the _ variable)\n  %s:%d\n\n", note, arity, file, line);
            else
                snprintf(text, sizeof text, "warning: the call to %s/%zu has no effect\n  %s:%d\n\n", note, arity, file, line);
            warn_later(c->mod, line, text);
            continue;
        }
        if (!ast_is_call(ast, &name, &meta, &args) || !term_is_atom(name)) continue;
        Term branches[2] = {TERM_NONE, TERM_NONE};
        Term clauses = TERM_NONE;
        if (name == A("__block__") && term_is_cons(args)) {
            branches[0] = list_nth(args, list_length(args) - 1);
        } else if ((name == A("if") || name == A("unless")) && list_length(args) == 2) {
            Term opts = list_nth(args, 1), d = kw_get(opts, ATOM_do), e = kw_get(opts, ATOM_else);
            branches[0] = d;
            branches[1] = e;
        } else if (name == A("case") && list_length(args) == 2) {
            clauses = kw_get(list_nth(args, 1), ATOM_do);
        } else if (name == A("cond") && list_length(args) == 1) {
            clauses = kw_get(list_nth(args, 0), ATOM_do);
        }
        for (int i = 0; i < 2; i++) {
            if (branches[i] == TERM_NONE) continue;
            if (n == cap) todo = xrealloc(todo, (cap *= 2) * sizeof *todo);
            todo[n++] = branches[i];
        }
        for (Term l = clauses; clauses != TERM_NONE && term_is_cons(l); l = cons_tail(l)) {
            Term cname, cmeta, cargs;
            if (!ast_is_call(cons_head(l), &cname, &cmeta, &cargs) || list_length(cargs) != 2) continue;
            if (n == cap) todo = xrealloc(todo, (cap *= 2) * sizeof *todo);
            todo[n++] = list_nth(cargs, 1);
        }
    }
    free(todo);
}

static int late_order(const void *pa, const void *pb)
{
    const LateWarning *a = pa, *b = pb;
    if (a->line != b->line) return (a->line > b->line) - (a->line < b->line);
    return (a->seq > b->seq) - (a->seq < b->seq);
}

void warn_later_flush(ModCtx *m)
{
    if (m->nlate) qsort(m->late, m->nlate, sizeof *m->late, late_order); /* (none: late may be NULL) */
    for (size_t i = 0; i < m->nlate; i++) {
        io_write(2, m->late[i].text, strlen(m->late[i].text));
        free(m->late[i].text);
    }
    free(m->late);
    m->late = NULL;
    m->nlate = m->late_cap = 0;
}
