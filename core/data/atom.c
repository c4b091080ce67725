/* atom.c - a runtime's atom table: an open-addressing hash of indices into a
 * growable array of names. */
#include "atom.h"

#include <stdlib.h>

#include "fatal.h"
#include "state.h"

typedef struct {
    char *text;
    size_t length;
    uint64_t hash;
} AtomEntry;

/* A runtime's atoms (state.h). */
typedef struct AtomTable {
    AtomEntry *entries;
    size_t entry_count, entry_capacity;
    uint32_t *slots; /* index + 1, 0 = empty */
    size_t slot_capacity;
} AtomTable;

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void slots_insert(AtomTable *t, uint32_t index)
{
    size_t mask = t->slot_capacity - 1;
    size_t i = t->entries[index].hash & mask;
    while (t->slots[i]) i = (i + 1) & mask;
    t->slots[i] = index + 1;
}

static void slots_grow(AtomTable *t)
{
    size_t cap = t->slot_capacity ? t->slot_capacity * 2 : 1024;
    uint32_t *slots = xcalloc(cap, sizeof *slots); /* before anything changes */
    free(t->slots);
    t->slot_capacity = cap;
    t->slots = slots;
    for (size_t i = 0; i < t->entry_count; i++) slots_insert(t, (uint32_t)i);
}

Term atom_lookup(const char *text, size_t len)
{
    if (!len) text = ""; /* an empty binary may have no bytes at all (memcmp wants some) */
    const AtomTable *t = rt->atoms;
    if (!t->slot_capacity) return TERM_NONE;
    uint64_t h = hash_text(text, len);
    size_t mask = t->slot_capacity - 1;
    for (size_t i = h & mask; t->slots[i]; i = (i + 1) & mask) {
        AtomEntry *e = &t->entries[t->slots[i] - 1];
        if (e->hash == h && e->length == len && memcmp(e->text, text, len) == 0)
            return atom_make(t->slots[i] - 1);
    }
    return TERM_NONE;
}

Term atom_intern(const char *text, size_t len)
{
    if (!len) text = ""; /* as in atom_lookup: memcpy wants bytes */
    Term found = atom_lookup(text, len);
    if (found != TERM_NONE) return found;
    AtomTable *t = rt->atoms;
    if (t->entry_count == t->entry_capacity) {
        size_t grown = t->entry_capacity ? t->entry_capacity * 2 : 1024;
        t->entries = xrealloc(t->entries, grown * sizeof *t->entries);
        t->entry_capacity = grown; /* only once the memory is there */
    }
    AtomEntry *e = &t->entries[t->entry_count];
    e->text = xmalloc(len + 1);
    if (len) memcpy(e->text, text, len); /* :"" may come with no text at all */
    e->text[len] = 0;
    e->length = len;
    e->hash = hash_text(text, len);
    t->entry_count++;
    if (t->entry_count * 2 > t->slot_capacity) slots_grow(t);
    else slots_insert(t, (uint32_t)(t->entry_count - 1));
    return atom_make((uint32_t)(t->entry_count - 1));
}

void atom_table_init(void)
{
    if (!rt->atoms) rt->atoms = xcalloc(1, sizeof *rt->atoms);
    if (rt->atoms->entry_count) return;
#define X(name, text) atom_intern(text, sizeof(text) - 1);
#include "atoms.def"
#undef X
}

void atom_table_free(void)
{
    AtomTable *t = rt->atoms;
    if (!t) return;
    for (size_t i = 0; i < t->entry_count; i++) free(t->entries[i].text);
    free(t->entries);
    free(t->slots);
    free(t);
    rt->atoms = NULL;
}

const char *atom_text(Term atom) { return rt->atoms->entries[atom_index(atom)].text; }
size_t atom_length(Term atom) { return rt->atoms->entries[atom_index(atom)].length; }
size_t atom_count(void) { return rt->atoms->entry_count; }
