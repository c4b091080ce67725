/* compile_script.c - a script's top-level variables. Elixir expands a
 * file's top level as one block before running it and then warns about
 * each variable of that block that nothing read ("variable "x" is
 * unused"), sorted by name. genlab compiles a script as a chunk per
 * top-level expression, each taking the bindings of the ones before: so
 * it follows each name's bindings from chunk to chunk. A binding that the
 * next one of its name replaces unread is unused; so is the last one of
 * a name if nothing after it reads it. A defmodule reads every variable
 * bound before it, as Elixir's does (the module's environment keeps
 * them). Neither `elixir -e` nor IEx gives these warnings. */
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"

/* One binding of a top-level variable. */
typedef struct ScriptVar {
    Term name;
    int line;
    size_t seq;         /* binding order */
    bool used, shadows;
} ScriptVar;

struct ScriptVars {
    bool tracking;
    const char *file;
    ScriptVar *latest;  /* the binding each name has now */
    size_t nlatest, latest_cap;
    ScriptVar *unused;  /* bindings replaced before anything read them */
    size_t nunused, unused_cap;
    size_t nseq;
};

static struct ScriptVars *script(void)
{
    if (!COMPILE->script) COMPILE->script = xcalloc(1, sizeof *COMPILE->script);
    return COMPILE->script;
}

void compile_script_free(void)
{
    struct ScriptVars *s = COMPILE->script;
    if (!s) return;
    free(s->latest);
    free(s->unused);
    free(s);
    COMPILE->script = NULL;
}

void compile_script_track(const char *file)
{
    compile_script_free();
    script()->tracking = true;
    script()->file = file;
}

static ScriptVar *latest_of(struct ScriptVars *s, Term name)
{
    for (size_t i = s->nlatest; i-- > 0;)
        if (s->latest[i].name == name) return &s->latest[i];
    return NULL;
}

static void note_unused(struct ScriptVars *s, ScriptVar v)
{
    if (v.used || atom_text(v.name)[0] == '_') return;
    if (s->nunused == s->unused_cap) s->unused = xrealloc(s->unused, (s->unused_cap = s->unused_cap ? 2 * s->unused_cap : 16) * sizeof *s->unused);
    s->unused[s->nunused++] = v;
}

void script_vars_note_chunk(const FnCtx *c, size_t ninputs)
{
    struct ScriptVars *s = COMPILE->script;
    if (!s || !s->tracking) return;
    /* the bindings it was given: read here or not */
    for (size_t i = 0; i < ninputs && i < c->nvars; i++) {
        ScriptVar *had = latest_of(s, c->vars[i].name);
        if (had && c->vars[i].used) had->used = true;
    }
    /* what it binds, in binding order: each replaces the name's binding */
    for (size_t i = ninputs; i < c->nvars; i++) {
        const Var *v = &c->vars[i];
        if (v->quiet || v->context != ATOM_nil) continue;
        ScriptVar now = {v->name, v->line, s->nseq++, v->used, v->shadows};
        ScriptVar *had = latest_of(s, v->name);
        if (had) {
            note_unused(s, *had);
            *had = now;
            continue;
        }
        if (s->nlatest == s->latest_cap)
            s->latest = xrealloc(s->latest, (s->latest_cap = s->latest_cap ? 2 * s->latest_cap : 16) * sizeof *s->latest);
        s->latest[s->nlatest++] = now;
    }
}

void compile_script_module(void)
{
    struct ScriptVars *s = COMPILE->script;
    if (!s || !s->tracking) return;
    for (size_t i = 0; i < s->nlatest; i++) s->latest[i].used = true;
}

/* By name, then in binding order, as Elixir lists them. */
static int script_var_order(const void *pa, const void *pb)
{
    const ScriptVar *a = pa, *b = pb;
    int order = strcmp(atom_text(a->name), atom_text(b->name));
    return order ? order : (a->seq > b->seq) - (a->seq < b->seq);
}

void compile_script_end(bool warn)
{
    struct ScriptVars *s = COMPILE->script;
    if (!s || !s->tracking) return;
    if (warn && !rt->compile_boot_mode) {
        for (size_t i = 0; i < s->nlatest; i++) note_unused(s, s->latest[i]);
        qsort(s->unused, s->nunused, sizeof *s->unused, script_var_order);
        for (size_t i = 0; i < s->nunused; i++)
            vars_warn_unused_at(s->file, s->unused[i].name, s->unused[i].line, s->unused[i].shadows);
    }
    compile_script_free();
}
