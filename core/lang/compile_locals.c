/* compile_locals.c - private functions no public one reaches. The compiler
 * notes each call of a module's own function from the def it compiles;
 * once all are compiled, what the public defs and macros reach through
 * those calls is used, and each private function or macro left over gets
 * Elixir's "function f/1 is unused" (as Elixir's locals tracker gives it,
 * before the behaviours' checks). A private function with defaults that
 * no call reaches with fewer arguments gets the warning about its
 * defaults instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"
#include "io.h"

void locals_note_call(FnCtx *c, Term name, uint32_t arity)
{
    ModCtx *m = c->mod;
    if (!m->module || !term_is_atom(c->fun_name)) return;
    if (m->ncalls == m->calls_cap) {
        m->calls_cap = m->calls_cap ? m->calls_cap * 2 : 64;
        m->calls = xrealloc(m->calls, m->calls_cap * sizeof *m->calls);
    }
    m->calls[m->ncalls++] = (LocalCall){c->fun_name, name, c->fun_arity, arity};
}

static int call_order(const void *pa, const void *pb)
{
    const LocalCall *a = pa, *b = pb;
    if (a->from != b->from) return (a->from > b->from) - (a->from < b->from);
    return (a->from_arity > b->from_arity) - (a->from_arity < b->from_arity);
}

static int def_order(const void *pa, const void *pb)
{
    const DefSummary *a = *(const DefSummary *const *)pa, *b = *(const DefSummary *const *)pb;
    int c = strcmp(atom_text(a->name), atom_text(b->name));
    if (c) return c;
    return (a->arity > b->arity) - (a->arity < b->arity);
}

/* The definition a call of name/arity runs, or -1. */
static long def_index(const DefSummary *defs, size_t ndefs, Term name, uint32_t arity)
{
    for (size_t i = 0; i < ndefs; i++)
        if (defs[i].name == name && arity <= defs[i].arity && arity >= defs[i].arity - defs[i].defaults) return (long)i;
    return -1;
}

static void warn_at(ModCtx *m, int line, const char *text)
{
    char *all = NULL;
    int n = asprintf(&all, "warning: %s\n  %s:%d\n\n", text, m->file ? m->file : "nofile", line);
    if (n < 0) fatal("out of memory");
    io_write(2, all, (size_t)n);
    free(all);
}

void locals_warn_unused(ModCtx *m, const DefSummary *defs, size_t ndefs)
{
    if (rt->compile_boot_mode || !m->module || ndefs == 0) goto done;
    if (m->ncalls) qsort(m->calls, m->ncalls, sizeof *m->calls, call_order);
    /* least[i]: the fewest arguments a reached call gives defs[i], or
     * UINT32_MAX when none reaches it; a walk from the public ones */
    uint32_t *least = xmalloc(ndefs * sizeof *least);
    size_t *queue = xmalloc(ndefs * sizeof *queue), nqueue = 0;
    bool *seen = xcalloc(ndefs, sizeof *seen);
    for (size_t i = 0; i < ndefs; i++) {
        least[i] = UINT32_MAX;
        if (!(defs[i].kind & 1)) {
            seen[i] = true;
            queue[nqueue++] = i;
        }
    }
    for (size_t q = 0; q < nqueue; q++) {
        const DefSummary *d = &defs[queue[q]];
        /* its calls: a run of the sorted list, found by bisection */
        size_t lo = 0, hi = m->ncalls;
        LocalCall key = {d->name, TERM_NIL, d->arity, 0};
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (call_order(&m->calls[mid], &key) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (size_t e = lo; e < m->ncalls && call_order(&m->calls[e], &key) == 0; e++) {
            long j = def_index(defs, ndefs, m->calls[e].to, m->calls[e].to_arity);
            if (j < 0) continue;
            if (m->calls[e].to_arity < least[j]) least[j] = m->calls[e].to_arity;
            if (!seen[j]) {
                seen[j] = true;
                queue[nqueue++] = (size_t)j;
            }
        }
    }
    const DefSummary **order = xmalloc(ndefs * sizeof *order);
    size_t norder = 0;
    for (size_t i = 0; i < ndefs; i++)
        if ((defs[i].kind & 1) && !defs[i].injected) order[norder++] = &defs[i];
    qsort(order, norder, sizeof *order, def_order);
    for (size_t k = 0; k < norder; k++) {
        const DefSummary *d = order[k];
        uint32_t low = d->arity - d->defaults, reached = least[d - defs];
        char text[512];
        const char *name = atom_text(d->name);
        if (reached == UINT32_MAX)
            snprintf(text, sizeof text, "%s %s/%u is unused", d->kind == 3 ? "macro" : "function", name, d->arity);
        else if (reached == low)
            continue;
        else if (reached == d->arity)
            snprintf(text, sizeof text, "default values for the optional arguments in %s/%u are never used", name, d->arity);
        else if (reached == 1)
            /* Elixir 1.14 counts the arguments of the shortest call, not the defaults it leaves out */
            snprintf(text, sizeof text, "the default value for the first optional argument in %s/%u is never used", name, d->arity);
        else
            snprintf(text, sizeof text, "the default values for the first %u optional arguments in %s/%u are never used", reached, name, d->arity);
        warn_at(m, d->line, text);
    }
    free(order);
    free(least);
    free(queue);
    free(seen);
done:
    free(m->calls);
    m->calls = NULL;
    m->ncalls = m->calls_cap = 0;
}
