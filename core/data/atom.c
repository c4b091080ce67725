/* atom.c - the global atom table: an open-addressing hash of indices into a
 * growable array of names. */
#include "atom.h"

#include <stdlib.h>

#include "fatal.h"

typedef struct {
    char *text;
    size_t length;
    uint64_t hash;
} AtomEntry;

static AtomEntry *entries;
static size_t entry_count, entry_capacity;
static uint32_t *slots; /* index + 1, 0 = empty */
static size_t slot_capacity;

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void slots_insert(uint32_t index)
{
    size_t mask = slot_capacity - 1;
    size_t i = entries[index].hash & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = index + 1;
}

static void slots_grow(void)
{
    free(slots);
    slot_capacity = slot_capacity ? slot_capacity * 2 : 1024;
    slots = xcalloc(slot_capacity, sizeof *slots);
    for (size_t i = 0; i < entry_count; i++) slots_insert((uint32_t)i);
}

Term atom_lookup(const char *text, size_t len)
{
    if (!slot_capacity) return TERM_NONE;
    uint64_t h = hash_text(text, len);
    size_t mask = slot_capacity - 1;
    for (size_t i = h & mask; slots[i]; i = (i + 1) & mask) {
        AtomEntry *e = &entries[slots[i] - 1];
        if (e->hash == h && e->length == len && memcmp(e->text, text, len) == 0)
            return atom_make(slots[i] - 1);
    }
    return TERM_NONE;
}

Term atom_intern(const char *text, size_t len)
{
    Term found = atom_lookup(text, len);
    if (found != TERM_NONE) return found;
    if (entry_count == entry_capacity) {
        entry_capacity = entry_capacity ? entry_capacity * 2 : 1024;
        entries = xrealloc(entries, entry_capacity * sizeof *entries);
    }
    AtomEntry *e = &entries[entry_count];
    e->text = xmalloc(len + 1);
    memcpy(e->text, text, len);
    e->text[len] = 0;
    e->length = len;
    e->hash = hash_text(text, len);
    entry_count++;
    if (entry_count * 2 > slot_capacity) slots_grow();
    else slots_insert((uint32_t)(entry_count - 1));
    return atom_make((uint32_t)(entry_count - 1));
}

void atom_table_init(void)
{
    if (entry_count) return;
#define X(name, text) atom_intern(text, sizeof(text) - 1);
#include "atoms.def"
#undef X
}

const char *atom_text(Term atom) { return entries[atom_index(atom)].text; }
size_t atom_length(Term atom) { return entries[atom_index(atom)].length; }
size_t atom_count(void) { return entry_count; }
