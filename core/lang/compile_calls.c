/* compile_calls.c - the remote calls of a module's defs, for the warnings
 * Elixir's checker (Module.ParallelChecker) gives once a file has run:
 * "Mod.fun/1 is undefined or private" and "Mod.fun/1 is undefined (module
 * Mod is not available or is yet to be defined)". The compiler notes each
 * call and capture of Mod.fun/arity that the source of a def writes (no
 * call the compiler makes up: those have no line); a module compiled
 * whole hands its calls over here, and the runtime asks for them all
 * once the script is over (compile_remote_calls_take), when every module
 * it defines exists. genlab_cli.undefined_call_warnings/1 (core/lib)
 * decides which are undefined and words the warnings. */
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "compile_internal.h"
#include "fatal.h"
#include "module.h"
#include "native.h"

void calls_note_remote(FnCtx *c, Term mod, Term fun, uint32_t arity, int line)
{
    ModCtx *m = c->mod;
    if (!m->module || m->in_body_statement || rt->compile_boot_mode || line <= 0 || !term_is_atom(c->fun_name)) return;
    if (m->nremote == m->remote_cap) {
        size_t grown = m->remote_cap ? m->remote_cap * 2 : 16;
        m->remote = xrealloc(m->remote, grown * sizeof *m->remote);
        m->remote_cap = grown;
    }
    m->remote[m->nremote++] = (RemoteCall){m->name, mod, fun, arity, (uint32_t)line, c->fun_name, c->fun_arity, m->file};
}

void calls_keep_module(ModCtx *m)
{
    CompileState *cs = COMPILE;
    if (m->nremote && cs->nremote + m->nremote > cs->remote_cap) {
        size_t grown = cs->remote_cap ? cs->remote_cap * 2 : 64;
        while (grown < cs->nremote + m->nremote) grown *= 2;
        cs->remote = xrealloc(cs->remote, grown * sizeof *cs->remote);
        cs->remote_cap = grown;
    }
    if (m->nremote) memcpy(cs->remote + cs->nremote, m->remote, m->nremote * sizeof *m->remote);
    cs->nremote += m->nremote;
    m->nremote = 0;
}

/* Whether mod.fun/arity exists: a public function or macro of a module,
 * or a native. */
static bool call_defined(Term mod, Term fun, uint32_t arity)
{
    if (native_lookup(mod, fun, (int)arity)) return true;
    Module *m = module_lookup(mod);
    Function *f = m ? module_find_function(m, fun, arity) : NULL;
    return f && f->defined && f->exported;
}

/* [{caller, [{mod, fun, arity, line, def, def_arity, file}, ...]}, ...]
 * of the calls of what does not exist (most programs have none, and then
 * no Elixir code runs to word warnings):
 * the last module defined first (the order Elixir's checker reports them
 * in when they take it the same time), each module's calls in the order
 * its defs were compiled. */
Term compile_remote_calls_take(Heap *h)
{
    CompileState *cs = COMPILE;
    Term out = TERM_NIL;
    for (size_t start = 0; start < cs->nremote;) {
        size_t end = start;
        while (end < cs->nremote && cs->remote[end].caller == cs->remote[start].caller) end++;
        Term calls = TERM_NIL;
        for (size_t i = end; i-- > start;) {
            const RemoteCall *r = &cs->remote[i];
            if (call_defined(r->module, r->fun, r->arity)) continue;
            Term file = binary_new(h, r->file ? r->file : "nofile", strlen(r->file ? r->file : "nofile"));
            Term items[7] = {r->module, r->fun, small_make(r->arity), small_make(r->line), r->def, small_make(r->def_arity), file};
            calls = cons_new(h, tuple_from(h, 7, items), calls);
        }
        if (calls != TERM_NIL) out = cons_new(h, tuple2(h, cs->remote[start].caller, calls), out);
        start = end;
    }
    free(cs->remote);
    cs->remote = NULL;
    cs->nremote = cs->remote_cap = 0;
    return out;
}
