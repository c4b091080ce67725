/* map.h - immutable maps of any key type.
 *
 * A map is a BOX_MAP: [count][keys...][values...] with keys unique and
 * sorted by term_compare_exact. That order is also the order Elixir prints
 * and iterates maps of up to 32 keys in. All updates return a new map.
 */
#ifndef GENLAB_MAP_H
#define GENLAB_MAP_H

#include "heap.h"

/* Up to this many keys a map is flat (its keys in term order, as OTP 25
 * keeps small maps); callers may read its arrays directly. */
#define MAP_FLAT_MAX 32

size_t map_size(Term m);
static inline bool map_is_flat(Term m) { return boxed_ptr(m)[1] <= MAP_FLAT_MAX; }
/* The sorted arrays of a flat map; valid while the map is. Any other map
 * is read through the iterator or the array copies below. */
const Term *map_keys(Term m);
const Term *map_values(Term m);

/* A walk over every entry of any map, in its internal order (term order for
 * a flat map); it allocates nothing and the map must stay alive. */
typedef struct MapIter {
    Term map;
    size_t index;
} MapIter;
void map_iter_init(MapIter *it, Term m);
/* The next entry into *key and *value; false when none is left. */
bool map_iter_next(MapIter *it, Term *key, Term *value);

/* Copies of the keys and/or values (either may be NULL) into arrays of
 * map_size(m) entries the caller provides: in the internal order, or in
 * term order of the keys (comparison, :erlang.phash2, the process
 * dictionary). The listing order Elixir prints is map_order.h's. */
void map_to_arrays(Term m, Term *keys, Term *values);
void map_sorted_arrays(Term m, Term *keys, Term *values);
/* The value for key, or TERM_NONE. */
Term map_get(Term m, Term key);
Term map_empty(Heap *h);
Term map_put(Heap *h, Term m, Term key, Term value);
/* Like map_put for an existing key; TERM_NONE if the key is absent. */
Term map_update(Heap *h, Term m, Term key, Term value);
Term map_remove(Heap *h, Term m, Term key);
/* Builds a map from pairs in any order; a later duplicate key wins. */
Term map_from_pairs(Heap *h, size_t n, const Term *keys, const Term *values);
Term map_merge(Heap *h, Term a, Term b); /* b's values win */

#endif
