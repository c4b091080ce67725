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
    uint32_t *slots;    /* name -> index in latest, open addressing; UINT32_MAX: free */
    size_t nslots;
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
    free(s->slots);
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

/* Where name's index is in s->slots, or the free slot it would take: a
 * script may bind thousands of names, each chunk looks up those it read. */
static size_t slot_of(const struct ScriptVars *s, Term name)
{
    size_t k = (size_t)(name * 0x9E3779B97F4A7C15ULL >> 20) & (s->nslots - 1);
    while (s->slots[k] != UINT32_MAX && s->latest[s->slots[k]].name != name) k = (k + 1) & (s->nslots - 1);
    return k;
}

static ScriptVar *latest_of(struct ScriptVars *s, Term name)
{
    if (!s->nslots) return NULL;
    uint32_t i = s->slots[slot_of(s, name)];
    return i == UINT32_MAX ? NULL : &s->latest[i];
}

static void latest_add(struct ScriptVars *s, ScriptVar v)
{
    if (s->nlatest == s->latest_cap)
        s->latest = xrealloc(s->latest, (s->latest_cap = s->latest_cap ? 2 * s->latest_cap : 16) * sizeof *s->latest);
    s->latest[s->nlatest++] = v;
    if (2 * s->nlatest > s->nslots) {
        /* grown: every name finds its slot again */
        free(s->slots);
        s->nslots = s->nslots ? 2 * s->nslots : 32;
        s->slots = xmalloc(s->nslots * sizeof *s->slots);
        memset(s->slots, 0xFF, s->nslots * sizeof *s->slots);
        for (size_t i = 0; i < s->nlatest; i++) s->slots[slot_of(s, s->latest[i].name)] = (uint32_t)i;
        return;
    }
    s->slots[slot_of(s, v.name)] = (uint32_t)(s->nlatest - 1);
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
        if (!c->vars[i].used) continue;
        ScriptVar *had = latest_of(s, c->vars[i].name);
        if (had) had->used = true;
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
        latest_add(s, now);
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

bool compile_script_tracking(void) { return COMPILE->script && COMPILE->script->tracking; }

void compile_script_end(bool warn)
{
    struct ScriptVars *s = COMPILE->script;
    if (!s || !s->tracking) return;
    compile_lambda_number(&COMPILE->toplevel);
    free(COMPILE->toplevel.lambdas);
    COMPILE->toplevel.lambdas = NULL;
    COMPILE->toplevel.lambdas_cap = 0;
    if (warn && !rt->compile_boot_mode) {
        for (size_t i = 0; i < s->nlatest; i++) note_unused(s, s->latest[i]);
        if (s->nunused) qsort(s->unused, s->nunused, sizeof *s->unused, script_var_order);
        for (size_t i = 0; i < s->nunused; i++)
            vars_warn_unused_at(s->file, s->unused[i].name, s->unused[i].line, s->unused[i].shadows);
    }
    compile_script_free();
}
