/* maps.c - the natives of the :maps module that take no funs. */
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "integer.h"
#include "map.h"

static Term maps_get2(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    Term v = map_get(a[1], a[0]);
    return v == TERM_NONE ? bif_badkey(p, a[0]) : v;
}

static Term maps_get3(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    Term v = map_get(a[1], a[0]);
    return v == TERM_NONE ? a[2] : v;
}

static Term maps_find(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    Term v = map_get(a[1], a[0]);
    return v == TERM_NONE ? ATOM_error : tuple2(&p->heap, ATOM_ok, v);
}

static Term maps_is_key(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    return atom_from_bool(map_get(a[1], a[0]) != TERM_NONE);
}

static Term maps_put(Process *p, const Term *a)
{
    if (!term_is_map(a[2])) return bif_badmap(p, a[2]);
    return map_put(&p->heap, a[2], a[0], a[1]);
}

static Term maps_update(Process *p, const Term *a)
{
    if (!term_is_map(a[2])) return bif_badmap(p, a[2]);
    Term m = map_update(&p->heap, a[2], a[0], a[1]);
    return m == TERM_NONE ? bif_badkey(p, a[0]) : m;
}

static Term maps_remove(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    if (map_get(a[1], a[0]) == TERM_NONE) return a[1];
    return map_remove(&p->heap, a[1], a[0]);
}

static Term maps_take(Process *p, const Term *a)
{
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    Term v = map_get(a[1], a[0]);
    if (v == TERM_NONE) return ATOM_error;
    return tuple2(&p->heap, v, map_remove(&p->heap, a[1], a[0]));
}

static Term maps_merge(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    return map_merge(&p->heap, a[0], a[1]);
}

static Term maps_size(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    return small_make((int64_t)map_size(a[0]));
}

static Term listing_item(Process *p, Term key, Term value, int which)
{
    return which == 0 ? key : which == 1 ? value : tuple2(&p->heap, key, value);
}

/* Keys, values or {key, value} pairs in the order the BEAM lists them
 * (sorted up to 32 keys; above, the trie's fold order consed up, so
 * backwards, as :maps.to_list does). which: 0 keys, 1 values, 2 pairs. */
static Term map_listing(Process *p, Term m, int which)
{
    Term list = TERM_NIL;
    native_charge(map_size(m) / 4);
    if (map_is_flat(m)) {
        const Term *keys = map_keys(m), *values = map_values(m);
        for (size_t i = map_size(m); i-- > 0;) list = cons_new(&p->heap, listing_item(p, keys[i], values[i], which), list);
        return list;
    }
    MapIter it;
    Term k, v;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) list = cons_new(&p->heap, listing_item(p, k, v, which), list);
    return list;
}

static Term maps_keys(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    return map_listing(p, a[0], 0);
}

static Term maps_values(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    return map_listing(p, a[0], 1);
}

static Term maps_to_list(Process *p, const Term *a)
{
    if (!term_is_map(a[0])) return bif_badmap(p, a[0]);
    return map_listing(p, a[0], 2);
}

static Term maps_from_list(Process *p, const Term *a)
{
    if (!term_is_list(a[0])) return process_badarg_at(p, 1, "not a list");
    TermBuf keys, values;
    termbuf_init(&keys);
    termbuf_init(&values);
    Term r;
    if (!bif_pairs_read(a[0], &keys, &values)) r = process_badarg(p);
    else r = map_from_pairs(&p->heap, keys.size, keys.items, values.items);
    termbuf_free(&keys);
    termbuf_free(&values);
    return r;
}

/* from_keys and with: a map of the keys of a proper list to `value`, or
 * (value TERM_NONE) to their values in `from`, leaving out those absent. */
static Term keys_to_map(Process *p, Term list, Term value, Term from)
{
    TermBuf keys, values;
    termbuf_init(&keys);
    termbuf_init(&values);
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) {
        Term v = value != TERM_NONE ? value : map_get(from, cons_head(l));
        if (v == TERM_NONE) continue;
        termbuf_push(&keys, cons_head(l));
        termbuf_push(&values, v);
    }
    Term r = map_from_pairs(&p->heap, keys.size, keys.items, values.items);
    termbuf_free(&keys);
    termbuf_free(&values);
    return r;
}

static Term maps_from_keys(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    return keys_to_map(p, a[0], a[1], TERM_NONE);
}

static Term maps_with(Process *p, const Term *a)
{
    size_t n;
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    return keys_to_map(p, a[0], TERM_NONE, a[1]);
}

static Term maps_without(Process *p, const Term *a)
{
    size_t n;
    if (!term_is_map(a[1])) return bif_badmap(p, a[1]);
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a list");
    Term m = a[1];
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l))
        if (map_get(m, cons_head(l)) != TERM_NONE) m = map_remove(&p->heap, m, cons_head(l));
    return m;
}

static Term maps_new(Process *p, const Term *a)
{
    (void)a;
    return map_empty(&p->heap);
}

/* Entries :maps.next/1 hands out at once from a big map, as OTP does. */
#define MAP_NEXT_CHUNK 32

/* :genlab.map_next(position, map), for :maps.next/1: as OTP's, the next
 * entries chained {key, value, {key, value, ... rest}} where rest is the
 * iterator [position | map] of the entries after them, or :none. A flat
 * map gives all its entries at once, a big one MAP_NEXT_CHUNK of them.
 * :none when nothing is left, :error for a position the map has not. */
static Term genlab_map_next(Process *p, const Term *a)
{
    int64_t pos, next = 0;
    if (!term_is_map(a[1]) || !integer_to_i64(a[0], &pos)) return ATOM_error;
    Term none = atom_from_cstr("none");
    size_t want = map_size(a[1]) <= MAP_FLAT_MAX ? MAP_FLAT_MAX : MAP_NEXT_CHUNK, n = 0;
    Term keys[MAP_FLAT_MAX > MAP_NEXT_CHUNK ? MAP_FLAT_MAX : MAP_NEXT_CHUNK], values[sizeof keys / sizeof keys[0]];
    for (next = pos; n < want && next != MAP_AT_END; n++) {
        MapAt at = map_walk_at(a[1], next, &keys[n], &values[n], &next);
        if (at == MAP_AT_BAD && n == 0) return ATOM_error;
        if (at != MAP_AT_ENTRY) {
            next = MAP_AT_END;
            break;
        }
    }
    if (n == 0) return none;
    Heap *h = &p->heap;
    Term rest = next == MAP_AT_END ? none : cons_new(h, integer_from_i64(h, next), a[1]);
    while (n-- > 0) rest = tuple3(h, keys[n], values[n], rest);
    return rest;
}

const NativeDef bif_maps_natives[] = {
    {"genlab", "map_next", 2, genlab_map_next},
    {"maps", "get", 2, maps_get2},
    {"maps", "get", 3, maps_get3},
    {"maps", "find", 2, maps_find},
    {"maps", "is_key", 2, maps_is_key},
    {"maps", "put", 3, maps_put},
    {"maps", "update", 3, maps_update},
    {"maps", "remove", 2, maps_remove},
    {"maps", "take", 2, maps_take},
    {"maps", "merge", 2, maps_merge},
    {"maps", "size", 1, maps_size},
    {"maps", "keys", 1, maps_keys},
    {"maps", "values", 1, maps_values},
    {"maps", "to_list", 1, maps_to_list},
    {"maps", "from_list", 1, maps_from_list},
    {"maps", "from_keys", 2, maps_from_keys},
    {"maps", "with", 2, maps_with},
    {"maps", "without", 2, maps_without},
    {"maps", "new", 0, maps_new},
    {NULL, NULL, 0, NULL},
};
