/* map_order.h - the order in which OTP 25 lists and folds a map's keys.
 *
 * OTP 25 stores maps of up to 32 keys flat and sorted, as genlab does
 * (map.h), so for them the array order is exactly what Elixir prints and
 * iterates. A map of 33 keys or more is a hash array mapped trie in OTP:
 * its entries come out in the order of a 32-bit hash of each key, read
 * four bits at a time from the least significant end, with a freshly
 * salted hash for every further 32 bits when two keys collide. This module
 * computes that hash the way OTP 25 does; genlab's big maps are tries of
 * the same shape (map.c), so walking one gives OTP's orders directly.
 *
 * Two orders exist for a big map, and Elixir 1.14 uses both:
 *   listing order  :maps.to_list, :maps.keys, :maps.values, inspect, and
 *                  everything that goes through Enumerable.reduce (which
 *                  lists the map): Enum.to_list, take, at, find,
 *                  find_value, find_index, all?, any?, zip, zip_with,
 *                  slice, chunk_every, take_while, reduce_while,
 *                  Enum.into(map, []), Stream.* ...;
 *   fold order     :maps.fold, :maps.foreach, :maps.iterator/:maps.next,
 *                  :maps.map, :maps.filter, and Enum.reduce/3 on a map
 *                  (Elixir routes it to :maps.fold), hence whatever is
 *                  built on it: for comprehensions, Enum.map, each,
 *                  filter, reject, flat_map, map_join, with_index, count/2,
 *                  uniq, map_reduce, scan, sort_by, max_by, split_with,
 *                  Map.new(map, fun), Map.filter, Map.reject ...
 * These were checked one by one against Elixir 1.14; porting Enum from
 * Elixir's own source keeps them right (Enum.reverse(map) folds and so
 * returns the listing order; Enum.group_by reverses first and so calls its
 * function in listing order). For a big map the fold order is exactly the
 * listing order reversed; for a map of up to 32 keys both are the sorted
 * order. A map that shrinks back to 32 keys is flat and sorted again.
 */
#ifndef GENLAB_MAP_ORDER_H
#define GENLAB_MAP_ORDER_H

#include "term.h"

/* Up to this many keys OTP 25 keeps a map flat and sorted. */
#define MAP_ORDER_FLAT_MAX 32

/* The keys and/or values (either may be NULL) of m in listing order (see
 * above), into arrays of map_size(m) entries the caller provides. The fold
 * order is map_to_arrays' (map.h). */
void map_listing_arrays(Term m, Term *keys, Term *values);

/* Sorts n keys, which may repeat, into fold order: order receives the
 * index of the last occurrence of each distinct key, hash0 (n entries)
 * each key's depth-0 hash by index. Returns how many keys are distinct.
 * This is the order in which map.c builds a trie in one pass. */
size_t map_order_sort_unique(const Term *keys, size_t n, size_t *order, uint32_t *hash0);

/* True when a map of n keys lists and folds in array order, so callers
 * may skip the order array entirely. */
static inline bool map_order_is_sorted(size_t n) { return n <= MAP_ORDER_FLAT_MAX; }

/* OTP 25's internal hash of any term, seeded with `salt` (what the VM
 * calls make_internal_hash). Exact for integers, floats, binaries and
 * bitstrings, [], lists, tuples and maps (small or big) built of these;
 * for atoms it is exact given the atom's number (see below); pids,
 * references and funs are hashed from genlab's own identities, which
 * cannot match OTP's. */
uint32_t map_order_hash(Term t, uint32_t salt);

/* The hash a map key is filed under at trie depth `depth` (0 for trie
 * levels 0-7, 1 for levels 8-15, and so on). */
uint32_t map_order_key_hash(Term key, unsigned depth);

/* OTP hashes an atom by its slot in the VM's atom table, so the order of
 * atom keys in a big map depends on the order in which the VM created its
 * atoms (about 12,000 at start-up, then every atom the compiler and the
 * program make). genlab cannot know those numbers; by default it uses its
 * own atom index. A caller that knows the BEAM numbers (a test replaying a
 * recorded run) may install a function returning them; NULL restores the
 * default. Big maps are filed by these hashes: install the numbering
 * before building any, and look them up under the same numbering. */
typedef uint64_t (*MapOrderAtomNumbering)(Term atom);
void map_order_set_atom_numbering(MapOrderAtomNumbering fn);

#endif
