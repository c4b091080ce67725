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

/* Atoms' texts are bump-allocated from blocks of this many bytes (a
 * longer text gets a block of its own): start-up makes about 1,500 atoms,
 * and a malloc and a free for each were a tenth of its instructions. */
#define ATOM_TEXT_BLOCK 16384

typedef struct TextBlock {
    struct TextBlock *next;
    char bytes[];
} TextBlock;

/* A runtime's atoms (state.h). */
typedef struct AtomTable {
    AtomEntry *entries;
    size_t entry_count, entry_capacity;
    uint32_t *slots; /* index + 1, 0 = empty */
    size_t slot_capacity;
    TextBlock *texts; /* the newest block first */
    size_t text_used;  /* bytes used of the newest block */
    size_t text_block_bytes, text_bytes; /* allocated for texts, and used (atom_memory) */
} AtomTable;

/* Room for len bytes of atom text, kept until the table is freed. */
static char *text_alloc(AtomTable *t, size_t len)
{
    t->text_bytes += len;
    if (len > ATOM_TEXT_BLOCK / 4) {
        t->text_block_bytes += sizeof(TextBlock) + len;
        /* a long one goes behind the newest block, which stays current */
        TextBlock *b = xmalloc(sizeof *b + len);
        if (t->texts) {
            b->next = t->texts->next;
            t->texts->next = b;
        } else {
            b->next = NULL;
            t->texts = b;
            t->text_used = ATOM_TEXT_BLOCK;
        }
        return b->bytes;
    }
    if (!t->texts || ATOM_TEXT_BLOCK - t->text_used < len) {
        TextBlock *b = xmalloc(sizeof *b + ATOM_TEXT_BLOCK);
        t->text_block_bytes += sizeof *b + ATOM_TEXT_BLOCK;
        b->next = t->texts;
        t->texts = b;
        t->text_used = 0;
    }
    char *text = t->texts->bytes + t->text_used;
    t->text_used += len;
    return text;
}

/* Eight bytes a step, then a finishing mix (MurmurHash3's) so that the
 * low bits the slots use depend on every byte. */
static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ n, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s + i, n - i);
    h ^= w;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
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
    size_t cap = t->slot_capacity ? t->slot_capacity * 2 : 4096;
    uint32_t *slots = xcalloc(cap, sizeof *slots); /* before anything changes */
    free(t->slots);
    t->slot_capacity = cap;
    t->slots = slots;
    for (size_t i = 0; i < t->entry_count; i++) slots_insert(t, (uint32_t)i);
}

static Term lookup_hashed(const AtomTable *t, const char *text, size_t len, uint64_t h)
{
    if (!t->slot_capacity) return TERM_NONE;
    size_t mask = t->slot_capacity - 1;
    for (size_t i = h & mask; t->slots[i]; i = (i + 1) & mask) {
        AtomEntry *e = &t->entries[t->slots[i] - 1];
        if (e->hash == h && e->length == len && memcmp(e->text, text, len) == 0)
            return atom_make(t->slots[i] - 1);
    }
    return TERM_NONE;
}

Term atom_lookup(const char *text, size_t len)
{
    if (!len) text = ""; /* an empty binary may have no bytes at all (memcmp wants some) */
    return lookup_hashed(rt->atoms, text, len, hash_text(text, len));
}

Term atom_intern(const char *text, size_t len)
{
    if (!len) text = ""; /* as in atom_lookup: memcpy wants bytes */
    AtomTable *t = rt->atoms;
    uint64_t h = hash_text(text, len);
    Term found = lookup_hashed(t, text, len, h);
    if (found != TERM_NONE) return found;
    if (t->entry_count == t->entry_capacity) {
        size_t grown = t->entry_capacity ? t->entry_capacity * 2 : 2048;
        t->entries = xrealloc(t->entries, grown * sizeof *t->entries);
        t->entry_capacity = grown; /* only once the memory is there */
    }
    AtomEntry *e = &t->entries[t->entry_count];
    e->text = text_alloc(t, len + 1);
    memcpy(e->text, text, len);
    e->text[len] = 0;
    e->length = len;
    e->hash = h;
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
    for (TextBlock *b = t->texts, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(t->entries);
    free(t->slots);
    free(t);
    rt->atoms = NULL;
}

const char *atom_text(Term atom) { return rt->atoms->entries[atom_index(atom)].text; }
size_t atom_length(Term atom) { return rt->atoms->entries[atom_index(atom)].length; }
size_t atom_count(void) { return rt->atoms->entry_count; }

void atom_memory(size_t *allocated, size_t *used)
{
    const AtomTable *t = rt->atoms;
    *allocated = t->entry_capacity * sizeof(AtomEntry) + t->slot_capacity * sizeof(uint32_t) + t->text_block_bytes;
    *used = t->entry_count * sizeof(AtomEntry) + t->slot_capacity * sizeof(uint32_t) + t->text_bytes;
}
