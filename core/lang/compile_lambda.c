/* compile_lambda.c - the numbers the BEAM gives a module's fns. A fn
 * inspects as #Function<INDEX.UNIQ/ARITY in Mod.def/arity>, and its code
 * is the function -def/arity-fun-N- of the module (a raw stack trace
 * names it). OTP 25's compiler numbers them so:
 *
 * - N: within a def, in the order its fns are done being translated
 *   (v3_core): a fn after the fns it holds, siblings in source order.
 * - INDEX: the order in which the assembler meets the instructions that
 *   make funs. The module's functions come sorted by name and arity (the
 *   way Elixir hands them over), each def's own fns in source order;
 *   then come the fns' bodies lifted into functions of their own, in the
 *   reverse of the order the kernel pass lifted them (every def, sorted,
 *   each fn after the fns it holds): so the fns made inside the last
 *   def's fns come first.
 * - A capture of a local function (&helper/1) makes a fun of helper/1
 *   itself: it takes an index where it appears but is no function of its
 *   own, and inspects as "in Mod.helper".
 * - A for over a bitstring generator is a function of its own (a list
 *   comprehension's, -def/arity-lc$^0/1-0-) that makes no fun: it takes
 *   its place among the lifted ones, no index and no fn number.
 *
 * The compiler notes each fn as it starts compiling it (so in source
 * order, a fn before those it holds) and numbers them once the module's
 * defs are compiled; a script's top level, one function to Elixir
 * (:elixir_compiler_0.__FILE__/1) and chunks to genlab, once all its
 * chunks are. The block layout of the BEAM's code generator is
 * not followed: where it puts a later clause's code first (a def's
 * clauses told apart by literal atoms or integers) the indices of their
 * fns differ from the BEAM's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"
#include "module.h"

int32_t compile_lambda_note(FnCtx *c, FunInfo *info, LambdaKind kind)
{
    ModCtx *m = c->mod;
    FnCtx *root = c;
    while (root->parent) root = root->parent;
    /* a module body's statements, the library, the shell and eval keep
     * what compile_fn gave; a script's top level is one function, its
     * chunks compiled before any runs (runtime_eval_source) */
    bool numbered = m->module ? root->fn && root->fn->module == m->name : m == &COMPILE->toplevel && compile_script_tracking();
    if (!numbered || rt->compile_boot_mode) return -1;
    if (m->nlambdas == m->lambdas_cap) {
        size_t grown = m->lambdas_cap ? m->lambdas_cap * 2 : 16;
        m->lambdas = xrealloc(m->lambdas, grown * sizeof *m->lambdas);
        m->lambdas_cap = grown;
    }
    m->lambdas[m->nlambdas] = (LambdaNote){info, root->fn, c->lambda_note, kind};
    return (int32_t)m->nlambdas++;
}

static bool same_def(const Function *a, const Function *b) { return a->name == b->name && a->arity == b->arity; }

static int def_order(const void *pa, const void *pb)
{
    const Function *a = *(Function *const *)pa, *b = *(Function *const *)pb;
    int k = strcmp(atom_text(a->name), atom_text(b->name));
    if (k) return k;
    return a->arity < b->arity ? -1 : a->arity > b->arity;
}

/* The notes in the kernel pass's order: for each def (sorted), each fn
 * after the fns it holds. Local captures hold nothing and are no
 * function: left out. */
static size_t lifted_order(const ModCtx *m, Function *const *defs, size_t ndefs, uint32_t *out)
{
    size_t n = 0;
    /* children come after their parent in m->lambdas (noted as compiling
     * starts), so a walk from the end finishes every child before it: an
     * explicit stack replaces the recursion on nesting depth */
    uint32_t *stack = xmalloc((m->nlambdas + 1) * sizeof *stack);
    bool *expanded = xcalloc(m->nlambdas + 1, sizeof *expanded);
    for (size_t d = 0; d < ndefs; d++) {
        for (size_t i = 0; i < m->nlambdas; i++) {
            if (!same_def(m->lambdas[i].def, defs[d]) || m->lambdas[i].parent != -1) continue;
            size_t top = 0;
            stack[top++] = (uint32_t)i;
            while (top) {
                uint32_t k = stack[top - 1];
                if (!expanded[k]) {
                    expanded[k] = true;
                    /* children pushed last-first so that the first is done first */
                    for (size_t j = m->nlambdas; j-- > k + 1;)
                        if (m->lambdas[j].parent == (int32_t)k) stack[top++] = (uint32_t)j;
                    continue;
                }
                top--;
                if (m->lambdas[k].kind != LAMBDA_LOCAL_CAPTURE) out[n++] = k;
            }
        }
    }
    free(stack);
    free(expanded);
    return n;
}

void compile_lambda_number(ModCtx *m)
{
    if (!m->nlambdas) return;
    Function **defs = xmalloc(m->nlambdas * sizeof *defs);
    size_t ndefs = 0;
    for (size_t i = 0; i < m->nlambdas; i++) {
        size_t d = 0;
        while (d < ndefs && !same_def(defs[d], m->lambdas[i].def)) d++;
        if (d == ndefs) defs[ndefs++] = m->lambdas[i].def;
    }
    qsort(defs, ndefs, sizeof *defs, def_order);
    uint32_t index = 0;
    for (size_t d = 0; d < ndefs; d++)
        for (size_t i = 0; i < m->nlambdas; i++)
            if (same_def(m->lambdas[i].def, defs[d]) && m->lambdas[i].parent == -1 && m->lambdas[i].kind != LAMBDA_LETREC)
                m->lambdas[i].info->index = index++;
    uint32_t *order = xmalloc(m->nlambdas * sizeof *order);
    size_t n = lifted_order(m, defs, ndefs, order);
    /* the fns' names: their place in their def's part of that order */
    for (size_t i = 0, nth = 0; i < n; i++) {
        const LambdaNote *l = &m->lambdas[order[i]];
        if (i > 0 && !same_def(m->lambdas[order[i - 1]].def, l->def)) nth = 0;
        if (l->kind == LAMBDA_LETREC) continue;
        char name[300];
        snprintf(name, sizeof name, "-%s/%u-fun-%zu-", atom_text(l->def->name), l->def->arity, nth++);
        l->info->fn->name = atom_from_cstr(name);
    }
    for (size_t i = n; i-- > 0;)
        for (size_t j = order[i] + 1; j < m->nlambdas; j++)
            if (m->lambdas[j].parent == (int32_t)order[i] && m->lambdas[j].kind != LAMBDA_LETREC) m->lambdas[j].info->index = index++;
    free(order);
    free(defs);
    m->nlambdas = 0;
}
