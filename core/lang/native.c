/* native.c - the registry of natives: an open-addressing hash table keyed
 * by (module atom, name atom, arity). Lookups happen when code is loaded or
 * a remote call is first resolved, so the table only needs to be fast, not
 * clever. */
#include "native.h"

#include <stdlib.h>

#include "atom.h"
#include "fatal.h"
#include "state.h"

uint64_t native_charged;

typedef struct NativeSlot {
    Term module, name; /* 0 marks an empty slot */
    int arity;
    NativeFn fn;
} NativeSlot;

/* The active runtime's natives (state.h). The table is keyed by atoms,
 * which are the runtime's own, so every runtime builds its own. */
/* See native_blame_record. */
#define NATIVE_BLAMES 8
typedef struct NativeBlame {
    uint64_t key; /* blame_key of the call; 0 = unused */
    int arg;
    const char *why;
} NativeBlame;

typedef struct NativeTable {
    NativeSlot *slots;
    size_t slot_capacity, slot_count;
    NativeBlame blames[NATIVE_BLAMES]; /* the latest raises, a ring */
    unsigned next_blame;
} NativeTable;

#define NATIVES (rt->natives)

static size_t slot_hash(Term module, Term name, int arity)
{
    uint64_t h = atom_index(module) * 0x9E3779B97F4A7C15ULL;
    h ^= (atom_index(name) + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    h ^= (uint64_t)arity * 0x165667B19E3779F9ULL;
    return (size_t)(h ^ (h >> 29));
}

static void slot_store(NativeSlot *table, size_t capacity, const NativeSlot *entry)
{
    size_t mask = capacity - 1;
    size_t i = slot_hash(entry->module, entry->name, entry->arity) & mask;
    while (table[i].module && !(table[i].module == entry->module && table[i].name == entry->name &&
                                table[i].arity == entry->arity))
        i = (i + 1) & mask;
    if (!table[i].module) NATIVES->slot_count++;
    table[i] = *entry;
}

static void slots_grow(void)
{
    size_t capacity = NATIVES->slot_capacity ? NATIVES->slot_capacity * 2 : 1024;
    NativeSlot *table = xcalloc(capacity, sizeof *table);
    NATIVES->slot_count = 0;
    for (size_t i = 0; i < NATIVES->slot_capacity; i++)
        if (NATIVES->slots[i].module) slot_store(table, capacity, &NATIVES->slots[i]);
    free(NATIVES->slots);
    NATIVES->slots = table;
    NATIVES->slot_capacity = capacity;
}

void native_register(const NativeDef *defs)
{
    if (!NATIVES) NATIVES = xcalloc(1, sizeof *NATIVES);
    for (; defs->module; defs++) {
        /* three quarters full at most: genlab's ~570 natives fit in 1,024
         * slots, one table cleared at start-up instead of two */
        if ((NATIVES->slot_count + 1) * 4 > NATIVES->slot_capacity * 3) slots_grow();
        NativeSlot entry = {atom_from_cstr(defs->module), atom_from_cstr(defs->name), defs->arity, defs->fn};
        /* A later registration of the same function replaces the earlier. */
        slot_store(NATIVES->slots, NATIVES->slot_capacity, &entry);
    }
}

NativeFn native_lookup(Term module, Term name, int arity)
{
    if (!NATIVES || !NATIVES->slot_capacity || !term_is_atom(module) || !term_is_atom(name)) return NULL;
    size_t mask = NATIVES->slot_capacity - 1;
    for (size_t i = slot_hash(module, name, arity) & mask; NATIVES->slots[i].module; i = (i + 1) & mask)
        if (NATIVES->slots[i].module == module && NATIVES->slots[i].name == name && NATIVES->slots[i].arity == arity)
            return NATIVES->slots[i].fn;
    return NULL;
}

bool native_module_known(Term module)
{
    if (!NATIVES) return false;
    for (size_t i = 0; i < NATIVES->slot_capacity; i++)
        if (NATIVES->slots[i].module == module) return true;
    return false;
}

size_t native_module_functions(Term module, Term *names, int *arities, size_t cap)
{
    size_t n = 0;
    if (!NATIVES) return 0;
    for (size_t i = 0; i < NATIVES->slot_capacity; i++) {
        const NativeSlot *s = &NATIVES->slots[i];
        if (s->module != module || !s->name) continue;
        if (n < cap) {
            names[n] = s->name;
            arities[n] = s->arity;
        }
        n++;
    }
    return n;
}

void native_init(void)
{
    if (!NATIVES) NATIVES = xcalloc(1, sizeof *NATIVES);
}

void native_table_free(void)
{
    if (!NATIVES) return;
    free(NATIVES->slots);
    free(NATIVES);
    NATIVES = NULL;
}

/* A call's key: the native and, for each argument, the argument itself if
 * it is immediate, else its kind and size (a boxed object's header word),
 * so that the key costs the same whatever the arguments' size. */
static uint64_t blame_key(Term module, Term name, uint32_t nargs, const Term *args)
{
    uint64_t h = (uint64_t)slot_hash(module, name, (int)nargs);
    for (uint32_t i = 0; i < nargs; i++) {
        Term a = args[i];
        uint64_t w = term_tag(a) == TAG_BOXED ? boxed_ptr(a)[0] : term_tag(a) == TAG_CONS ? TAG_CONS : a;
        h = (h ^ w) * 0x100000001B3ULL;
    }
    return h | 1;
}

void native_blame_record(Term module, Term name, uint32_t nargs, const Term *args, int arg, const char *why)
{
    NativeBlame *b = &NATIVES->blames[NATIVES->next_blame++ % NATIVE_BLAMES];
    *b = (NativeBlame){blame_key(module, name, nargs, args), arg, why};
}

bool native_blame_find(Term module, Term name, uint32_t nargs, const Term *args, int *arg, const char **why)
{
    uint64_t key = blame_key(module, name, nargs, args);
    for (unsigned i = 1; i <= NATIVE_BLAMES; i++) {
        const NativeBlame *b = &NATIVES->blames[(NATIVES->next_blame - i) % NATIVE_BLAMES];
        if (b->key == key) {
            *arg = b->arg;
            *why = b->why;
            return true;
        }
    }
    return false;
}

const char *native_module_application(Term module)
{
    static const struct { const char *module, *app; } apps[] = {
        {"lists", "stdlib"},   {"maps", "stdlib"},   {"binary", "stdlib"}, {"unicode", "stdlib"},
        {"ets", "stdlib"},     {"re", "stdlib"},     {"io", "stdlib"},     {"proplists", "stdlib"}, {"queue", "stdlib"},
        {"math", "stdlib"},    {"timer", "stdlib"},  {"rand", "stdlib"},   {"string", "stdlib"},
        {"io_lib", "stdlib"},  {"gen_server", "stdlib"}, {"proc_lib", "stdlib"}, {"sys", "stdlib"},
        {"supervisor", "stdlib"}, {"erl_eval", "stdlib"}, {"gen", "stdlib"}, {"global", "kernel"}, {"crypto", "crypto"}, {"application", "kernel"},
        {"code", "kernel"},    {"os", "kernel"},     {"logger", "kernel"}, {"erl_erts_errors", "kernel"},
        {"erl_stdlib_errors", "stdlib"}, {"erl_kernel_errors", "kernel"},
        /* the IEx evaluator's frames, as crash reports show a shell client */
        {"elixir", "elixir"},  {"Elixir.Module.ParallelChecker", "elixir"}, {"Elixir.IEx.Evaluator", "iex"},
        /* and a script's, under `elixir FILE.exs` */
        {"elixir_compiler", "elixir"}, {"elixir_lexical", "elixir"},
    };
    for (size_t i = 0; i < sizeof apps / sizeof apps[0]; i++)
        if (module == atom_from_cstr(apps[i].module)) return apps[i].app;
    return NULL;
}
