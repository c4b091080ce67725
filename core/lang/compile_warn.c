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
