/* module.c - the table of loaded modules and function lookup. */
#include "module.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "code_region.h"
#include "fatal.h"
#include "inspect.h"
#include "state.h"

#define MODULE_BUCKETS 1024
#define DYNAMIC_CACHE_SIZE 512

/* The active runtime's modules (state.h). */
typedef struct ModuleTable {
    Module *buckets[MODULE_BUCKETS]; /* current versions, chained by `next` */
    bool (*autoload)(Term name);
    bool (*autoload_has_macros)(Term name);
    ExtRef dynamic_cache[DYNAMIC_CACHE_SIZE]; /* see extref_resolve_dynamic */
    Module **all; /* every version ever installed or built, freed with the runtime */
    size_t nall, all_cap;
    void **owned; /* see module_own */
    size_t nowned, owned_cap;
    size_t owned_bytes; /* their sizes (module_code_bytes) */
    bool builtin_impl_overridden; /* see module_builtin_impl_overridden */
} ModuleTable;

#define MODULES (rt->modules)

void module_table_init(void)
{
    rt->modules = xcalloc(1, sizeof *rt->modules);
    rt->module_generation = 1;
    rt->struct_fields = module_struct_fields;
}

/* A block kept for the runtime's life whatever region is entered. */
static void *own_permanent(void *p)
{
    ModuleTable *t = MODULES;
    if (!p) return p;
    if (t->nowned == t->owned_cap) {
        size_t grown = t->owned_cap ? t->owned_cap * 2 : 1024;
        t->owned = xrealloc(t->owned, grown * sizeof *t->owned);
        t->owned_cap = grown; /* only once the memory is there */
    }
    t->owned[t->nowned++] = p;
    /* code lives as long as the runtime: it counts against the memory
     * limit, so a loop of Code.eval_string ends the process that loops */
    memory_charge(malloc_usable_size(p));
    t->owned_bytes += malloc_usable_size(p);
    return p;
}

size_t module_code_bytes(void) { return MODULES->owned_bytes + code_region_bytes(); }

void *module_own(void *p)
{
    CodeRegion *r = code_region_current();
    if (!p || !r) return own_permanent(p);
    memory_charge(malloc_usable_size(p));
    code_region_own(r, p);
    return p;
}

void module_table_free(void)
{
    ModuleTable *t = MODULES;
    if (!t) return;
    for (size_t i = 0; i < t->nall; i++) {
        free(t->all[i]->table);
        free(t->all[i]);
    }
    for (size_t i = 0; i < t->nowned; i++) free(t->owned[i]);
    free(t->all);
    free(t->owned);
    free(t);
    rt->modules = NULL;
}

static size_t module_bucket(Term name) { return (atom_index(name) * 2654435761u) % MODULE_BUCKETS; }

Module *module_new(Term name, const char *file)
{
    /* its code may point into the input compiling now, which must stay */
    code_region_pin();
    Module *m = xcalloc(1, sizeof *m);
    ModuleTable *t = MODULES;
    if (t->nall == t->all_cap) {
        size_t grown = t->all_cap ? t->all_cap * 2 : 256;
        t->all = xrealloc(t->all, grown * sizeof *t->all);
        t->all_cap = grown; /* only once the memory is there */
    }
    t->all[t->nall++] = m;
    m->name = name;
    m->file = file;
    m->table_size = 64;
    m->table = xcalloc(m->table_size, sizeof *m->table);
    m->struct_fields = TERM_NONE;
    m->struct_default = TERM_NONE;
    m->struct_enforce = TERM_NIL;
    m->attributes = TERM_NIL;
    m->callbacks = TERM_NIL;
    m->docs = TERM_NONE;
    return m;
}

static size_t function_slot(Term name, uint32_t arity, size_t size)
{
    return ((atom_index(name) * 31u + arity) * 2654435761u) & (size - 1);
}

Function *module_find_function(const Module *m, Term name, uint32_t arity)
{
    size_t mask = m->table_size - 1;
    for (size_t i = function_slot(name, arity, m->table_size); m->table[i]; i = (i + 1) & mask) {
        Function *f = m->table[i];
        if (f->name == name && f->arity == arity && f->nfree == 0) return f;
    }
    return NULL;
}

static void table_insert(Module *m, Function *f)
{
    size_t mask = m->table_size - 1;
    size_t i = function_slot(f->name, f->arity, m->table_size);
    while (m->table[i]) i = (i + 1) & mask;
    m->table[i] = f;
}

Function *module_function(Module *m, Term name, uint32_t arity)
{
    Function *f = module_find_function(m, name, arity);
    if (f) return f;
    /* Every allocation comes before the module changes, so that one that
     * fails (and ends the asking process) leaves the module as it was. */
    size_t count = 1;
    for (Function *g = m->functions; g; g = g->next_in_module) count++;
    /* the list also holds the module's fns, which come without this
     * check: a def of 130 fns needs more than one doubling */
    size_t size = m->table_size;
    while (count * 2 > size) size *= 2;
    if (size != m->table_size) {
        Function **table = xcalloc(size, sizeof *table);
        free(m->table);
        m->table_size = size;
        m->table = table;
        for (Function *g = m->functions; g; g = g->next_in_module)
            if (g->nfree == 0) table_insert(m, g);
    }
    /* the module keeps it, whichever input asked for it */
    f = own_permanent(xcalloc(1, sizeof *f));
    f->module = m->name;
    f->name = name;
    f->arity = arity;
    f->file = m->file;
    f->next_in_module = m->functions;
    m->functions = f;
    table_insert(m, f);
    return f;
}

/* Whether `m` is a program's own implementation of String.Chars, List.Chars
 * or Inspect for a built-in type (the library's come from core/lib/). */
static bool overrides_builtin_impl(const Module *m)
{
    static const char *const protocols[] = {"Elixir.String.Chars.", "Elixir.List.Chars.", "Elixir.Inspect.", NULL};
    static const char *const types[] = {"Atom", "BitString", "Integer", "Float", "List", "Map", "Tuple",
                                        "Function", "PID", "Port", "Reference", NULL};
    if (m->file && !strncmp(m->file, "core/lib/", 9)) return false;
    const char *name = atom_text(m->name);
    for (int i = 0; protocols[i]; i++) {
        size_t n = strlen(protocols[i]);
        if (strncmp(name, protocols[i], n)) continue;
        for (int j = 0; types[j]; j++)
            if (!strcmp(name + n, types[j])) return true;
    }
    return false;
}

bool module_builtin_impl_overridden(void) { return MODULES->builtin_impl_overridden; }

void module_install(Module *m)
{
    if (overrides_builtin_impl(m)) MODULES->builtin_impl_overridden = true;
    size_t b = module_bucket(m->name);
    Module **slot = &MODULES->buckets[b];
    while (*slot && (*slot)->name != m->name) slot = &(*slot)->next;
    if (*slot) {
        m->version = (*slot)->version + 1;
        m->next = (*slot)->next;
        /* The old version stays allocated: running code may still use it. */
    } else {
        m->next = NULL;
    }
    *slot = m;
    rt->module_generation++;
}


void module_set_autoload(bool (*fn)(Term name), bool (*has_macros)(Term name))
{
    MODULES->autoload = fn;
    MODULES->autoload_has_macros = has_macros;
}

static Module *module_find(Term name)
{
    for (Module *m = MODULES->buckets[module_bucket(name)]; m; m = m->next)
        if (m->name == name) return m;
    return NULL;
}

Module *module_lookup(Term name)
{
    if (!term_is_atom(name)) return NULL;
    Module *m = module_find(name);
    /* a library module not loaded yet is loaded on first use */
    if (!m && MODULES->autoload) {
        /* a library module loads for good, not into an input's region */
        CodeRegion *region = code_region_pause();
        if (MODULES->autoload(name)) m = module_find(name);
        code_region_enter(region);
    }
    return m;
}

void module_each(void (*fn)(void *ctx, Module *m), void *ctx)
{
    for (size_t b = 0; b < MODULE_BUCKETS; b++)
        for (Module *m = MODULES->buckets[b]; m; m = m->next) fn(ctx, m);
}

Module *module_lookup_for_macros(Term name)
{
    if (!term_is_atom(name)) return NULL;
    Module *m = module_find(name);
    if (m || !MODULES->autoload_has_macros || !MODULES->autoload_has_macros(name)) return m;
    return module_lookup(name);
}

ExtRef *extref_new(Term module, Term name, uint32_t arity)
{
    ExtRef *r = module_own(xcalloc(1, sizeof *r));
    r->module = module;
    r->name = name;
    r->arity = arity;
    return r;
}

bool extref_resolve(ExtRef *ref)
{
    if (ref->seen_generation == rt->module_generation) return ref->fn || ref->native;
    ref->seen_generation = rt->module_generation;
    ref->fn = NULL;
    ref->native = NULL;
    Module *m = module_lookup(ref->module);
    if (m) {
        Function *f = module_find_function(m, ref->name, ref->arity);
        if (f && f->defined && f->exported && !f->is_macro) {
            ref->fn = f;
            return true;
        }
    }
    ref->native = native_lookup(ref->module, ref->name, (int)ref->arity);
    return ref->native != NULL;
}

/* Calls whose target is only known at run time (mod.fun(...), apply,
 * &Mod.fun/n) go through a small direct-mapped cache of resolutions. */

const ExtRef *extref_resolve_dynamic(Term module, Term name, uint32_t arity)
{
    size_t slot = ((atom_index(module) * 31u + atom_index(name)) * 31u + arity) % DYNAMIC_CACHE_SIZE;
    ExtRef *cached = &MODULES->dynamic_cache[slot];
    if (cached->module != module || cached->name != name || cached->arity != arity) {
        cached->module = module;
        cached->name = name;
        cached->arity = arity;
        cached->seen_generation = 0; /* forces a resolution below */
    } else if (cached->seen_generation == rt->module_generation) {
        /* every dynamic call of a GenServer's callbacks comes here */
        return cached->fn || cached->native ? cached : NULL;
    }
    return extref_resolve(cached) ? cached : NULL;
}

uint32_t function_line_at(const Function *f, size_t pc)
{
    uint32_t line = 0;
    for (size_t i = 0; i < f->nlines && f->lines[i].pc <= pc; i++) line = f->lines[i].line;
    return line;
}

const Term *module_struct_fields(Term module, size_t *count)
{
    Module *m = module_lookup(module);
    if (!m || m->struct_fields == TERM_NONE) return NULL;
    /* struct_fields is a tuple of atoms in the literal arena */
    *count = tuple_size(m->struct_fields);
    return tuple_elems(m->struct_fields);
}
