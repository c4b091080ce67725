/* map.h - immutable maps of any key type.
 *
 * A map is a BOX_MAP: [count][keys...][values...] with keys unique and
 * sorted by term_compare_exact. That order is also the order Elixir prints
 * and iterates maps of up to 32 keys in. All updates return a new map.
 */
#ifndef GENLAB_MAP_H
#define GENLAB_MAP_H

#include "heap.h"

size_t map_size(Term m);
/* The sorted arrays; valid while the map is. */
const Term *map_keys(Term m);
const Term *map_values(Term m);
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
