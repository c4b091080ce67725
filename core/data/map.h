/* map.h - immutable maps of any key type.
 *
 * A map of up to 32 keys is flat, as OTP 25 keeps small maps: a BOX_MAP
 * [count][keys...][values...] with its keys unique and sorted by
 * term_compare_exact, which is also the order Elixir prints and iterates
 * it in. A bigger map is a persistent hash array mapped trie shaped as
 * OTP 25 shapes its own (map.c): get, put and remove cost O(log n), and an
 * update copies only the path to the changed key, sharing the rest with
 * the map it came from. The representation follows the size alone, so a
 * map that shrinks back to 32 keys is flat again. All updates return a new
 * map.
 */
#ifndef GENLAB_MAP_H
#define GENLAB_MAP_H

#include "compare.h"
#include "heap.h"

/* Up to this many keys a map is flat; callers may then read its arrays. */
#define MAP_FLAT_MAX 32

/* Trie levels that read hash bits: 17 hashes of 32 bits, 4 bits a level.
 * Keys that still share a path below them share one bucket node. */
#define MAP_TRIE_HASH_LEVELS (17 * 8)

size_t map_size(Term m);
static inline bool map_is_flat(Term m) { return boxed_ptr(m)[1] <= MAP_FLAT_MAX; }
/* The sorted arrays of a flat map; valid while the map is. Any other map
 * is read through the iterator or the array copies below. */
const Term *map_keys(Term m);
const Term *map_values(Term m);

/* A walk over every entry of any map, in its internal order: term order
 * for a flat map, OTP's fold order (map_order.h) for a trie. It allocates
 * nothing; the map must stay alive while it is used. */
typedef struct MapIterNode {
    const Term *children;
    uint32_t index, count;
} MapIterNode;
typedef struct MapIter {
    Term map;
    size_t index; /* flat maps: the next entry */
    unsigned depth;
    MapIterNode stack[MAP_TRIE_HASH_LEVELS + 1];
} MapIter;
void map_iter_init(MapIter *it, Term m);
/* The next entry into *key and *value; false when none is left. */
bool map_iter_next(MapIter *it, Term *key, Term *value);

/* A walk that can stop between any two entries and go on later from a
 * plain integer (:maps.iterator and :maps.next): position 0 is the
 * first entry of map_iter_next's order. map_walk_at gives the entry at
 * `pos` and in *next the position of the one after it, or MAP_AT_END
 * when it was the last; MAP_AT_NONE when `pos` is just past the end of a
 * flat map, MAP_AT_BAD when `pos` is no position of m. Each call costs
 * O(log n). */
typedef enum { MAP_AT_ENTRY, MAP_AT_NONE, MAP_AT_BAD } MapAt;
#define MAP_AT_END INT64_MIN
MapAt map_walk_at(Term m, int64_t pos, Term *key, Term *value, int64_t *next);

/* Copies of the keys and/or values (either may be NULL) into arrays of
 * map_size(m) entries the caller provides: in the internal order, or in
 * term order of the keys (comparison, :erlang.phash2, the process
 * dictionary). The listing order Elixir prints is map_order.h's. */
void map_to_arrays(Term m, Term *keys, Term *values);
void map_sorted_arrays(Term m, Term *keys, Term *values);

/* The value for key, or TERM_NONE. */
Term map_get(Term m, Term key);

/* map_get inline for the interpreter's pattern matches and struct
 * updates, whose keys are mostly atoms: an immediate key (compare.h) is
 * exactly equal only to the same word, so a flat map is scanned for it. */
static inline Term map_get_inline(Term m, Term key)
{
    const Term *obj = boxed_ptr(m);
    size_t n = (size_t)obj[1];
    if (n > MAP_FLAT_MAX || !term_is_immediate(key)) return map_get(m, key);
    for (size_t i = 0; i < n; i++)
        if (obj[2 + i] == key) return obj[2 + n + i];
    return TERM_NONE;
}

/* map_put of an immediate key that flat m holds already (a struct
 * update): the copy of m with that value, or TERM_NONE when m is no flat
 * map holding key by identity and map_put must do it. */
static inline Term map_put_present(Heap *h, Term m, Term key, Term value)
{
    const Term *obj = boxed_ptr(m);
    size_t n = (size_t)obj[1];
    if (n > MAP_FLAT_MAX || !term_is_immediate(key)) return TERM_NONE;
    for (size_t i = 0; i < n; i++)
        if (obj[2 + i] == key) {
            if (obj[2 + n + i] == value) return m;
            Term *copy = heap_alloc(h, 2 + 2 * n);
            for (size_t j = 0; j < 2 + 2 * n; j++) copy[j] = obj[j];
            copy[2 + n + i] = value;
            return boxed_from_ptr(copy);
        }
    return TERM_NONE;
}
Term map_empty(Heap *h);
Term map_put(Heap *h, Term m, Term key, Term value);
/* Like map_put for an existing key; TERM_NONE if the key is absent. */
Term map_update(Heap *h, Term m, Term key, Term value);
Term map_remove(Heap *h, Term m, Term key);
/* Builds a map from pairs in any order, in one pass; a later duplicate
 * key wins. */
Term map_from_pairs(Heap *h, size_t n, const Term *keys, const Term *values);
Term map_merge(Heap *h, Term a, Term b); /* b's values win */

/* Sorts idx[0, n) (indices into keys) stably by term_compare_exact of
 * their keys. */
void map_sort_by_key(size_t *idx, size_t n, const Term *keys);

/* For walkers that follow the trie's own shape (map_order.c hashes a big
 * map node by node, as OTP does): the children of a big map or of one of
 * its nodes, in slot order. A child is a leaf, the cons cell
 * [key | value], or a node (a BOX_MAPNODE). */
const Term *map_node_children(Term node, size_t *count);

#endif
