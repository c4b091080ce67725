/* map.c - flat maps up to 32 keys, hash array mapped tries above.
 *
 * A flat map is copied on every update; its lookups are a short linear
 * scan by identity for immediate keys and a binary search otherwise.
 *
 * A bigger map is a BOX_MAP head [count][bitmap][children...] over a trie
 * shaped exactly as OTP 25 shapes its own, so that walking it gives OTP's
 * orders without sorting: level L reads bits 4(L mod 8) .. 4(L mod 8) + 3
 * of map_order_key_hash(key, L / 8), a node's children come in ascending
 * order of those four bits, and a child is either a leaf, the cons cell
 * [key | value], or a BOX_MAPNODE [bitmap][children...]. The shape is
 * canonical: keys that share a path of two or more keys form a node, a
 * key alone is a leaf, whatever the order of insertion, so equal maps have
 * equal tries (hashing a map walks its nodes). Keys whose 17 hashes all
 * agree share a bucket, a BOX_MAPNODE whose bitmap is 0 and whose leaves
 * are in term order. Bitmaps are stored as small integers, so the
 * collector and term_copy see nothing but immediates and children.
 *
 * An update copies the nodes from the head down to the changed leaf (at
 * most MAP_TRIE_HASH_LEVELS + 1, about log16(n) in practice) and shares
 * every other node with the map it came from.
 */
#include "map.h"

#include <stdlib.h>

#include "compare.h"
#include "fatal.h"
#include "map_order.h"

/* Up to this many keys, an immediate key is found faster by scanning for
 * the identical word than by ordered comparison. */
#define MAP_LINEAR_SCAN_MAX 32

size_t map_size(Term m) { return (size_t)boxed_ptr(m)[1]; }
const Term *map_keys(Term m) { return boxed_ptr(m) + 2; }
const Term *map_values(Term m) { return boxed_ptr(m) + 2 + map_size(m); }

static Term *map_alloc(Heap *h, size_t n)
{
    Term *p = heap_alloc(h, 2 + 2 * n);
    p[0] = header_make(BOX_MAP, 1 + 2 * n);
    p[1] = (Term)n;
    return p;
}

Term map_empty(Heap *h) { return boxed_from_ptr(map_alloc(h, 0)); }

static inline bool key_equal(Term a, Term b) { return term_exact_equal(a, b); }

/* ---- the trie's nodes --------------------------------------------------------
 * A node object is a head (BOX_MAP) or an inner node (BOX_MAPNODE); both
 * keep the bitmap just before the children. */

static inline size_t node_first(const Term *obj) { return header_type(obj[0]) == BOX_MAP ? 3 : 2; }
static inline size_t node_count(const Term *obj) { return header_size(obj[0]) + 1 - node_first(obj); }
static inline uint32_t node_bitmap(const Term *obj) { return (uint32_t)small_value(obj[node_first(obj) - 1]); }

const Term *map_node_children(Term node, size_t *count)
{
    const Term *obj = boxed_ptr(node);
    *count = node_count(obj);
    return obj + node_first(obj);
}

/* An inner node with room for `count` children, its bitmap set. */
static Term *node_alloc(Heap *h, size_t count, uint32_t bitmap)
{
    Term *p = heap_alloc(h, 2 + count);
    p[0] = header_make(BOX_MAPNODE, 1 + count);
    p[1] = small_make(bitmap);
    return p;
}

/* A big map's head holding `size` keys under `count` children. */
static Term *head_alloc(Heap *h, size_t size, size_t count, uint32_t bitmap)
{
    Term *p = heap_alloc(h, 3 + count);
    p[0] = header_make(BOX_MAP, 2 + count);
    p[1] = (Term)size;
    p[2] = small_make(bitmap);
    return p;
}

typedef enum { EDIT_SET, EDIT_INSERT, EDIT_REMOVE } NodeEdit;

/* A copy of node `obj` with child i replaced by `child`, `child` inserted
 * at i under bit `bit`, or child i (under `bit`) removed. `size` is the
 * new key count when obj is the head. */
static Term node_edit(Heap *h, const Term *obj, size_t size, NodeEdit op, size_t i, uint32_t bit, Term child)
{
    size_t first = node_first(obj), count = node_count(obj);
    uint32_t bitmap = node_bitmap(obj);
    size_t n = count;
    if (op == EDIT_INSERT) n++, bitmap |= bit;
    if (op == EDIT_REMOVE) n--, bitmap &= ~bit;
    Term *p = first == 3 ? head_alloc(h, size, n, bitmap) : node_alloc(h, n, bitmap);
    const Term *from = obj + first;
    Term *to = p + first;
    memcpy(to, from, i * sizeof(Term));
    switch (op) {
    case EDIT_SET:
        to[i] = child;
        memcpy(to + i + 1, from + i + 1, (count - i - 1) * sizeof(Term));
        break;
    case EDIT_INSERT:
        to[i] = child;
        memcpy(to + i + 1, from + i, (count - i) * sizeof(Term));
        break;
    case EDIT_REMOVE:
        memcpy(to + i, from + i + 1, (count - i - 1) * sizeof(Term));
        break;
    }
    return boxed_from_ptr(p);
}

/* A key with its hash for one depth, recomputed when a level needs
 * another depth's bits. */
typedef struct KeyHash {
    Term key;
    uint32_t hash;
    unsigned depth;
} KeyHash;

static inline KeyHash key_hash(Term key)
{
    return (KeyHash){key, map_order_key_hash(key, 0), 0};
}

static inline unsigned key_slot(KeyHash *kh, unsigned level)
{
    if (level / 8 != kh->depth) {
        kh->depth = level / 8;
        kh->hash = map_order_key_hash(kh->key, kh->depth);
    }
    return (kh->hash >> (4 * (level % 8))) & 15;
}

/* The number of children before slot `bit`: a population count, done
 * here in a few instructions (without -mpopcnt, __builtin_popcount is a
 * call into libgcc). Bitmaps have 16 bits. */
static inline size_t bit_index(uint32_t bitmap, uint32_t bit)
{
    uint32_t x = bitmap & (bit - 1);
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0f0fu;
    return (size_t)((x + (x >> 8)) & 0x1fu);
}

/* The subtree at `level` holding two leaves with different keys: nodes of
 * one child down to the level where their paths part. */
static Term pair_subtree(Heap *h, unsigned level, Term a_leaf, Term b_leaf, KeyHash *b)
{
    KeyHash a = key_hash(cons_head(a_leaf));
    uint8_t shared[MAP_TRIE_HASH_LEVELS];
    unsigned l = level, sa = 0, sb = 0;
    for (; l < MAP_TRIE_HASH_LEVELS; l++) {
        sa = key_slot(&a, l);
        sb = key_slot(b, l);
        if (sa != sb) break;
        shared[l] = (uint8_t)sa;
    }
    Term *p;
    if (l == MAP_TRIE_HASH_LEVELS) {
        bool a_first = term_compare_exact(cons_head(a_leaf), cons_head(b_leaf)) < 0;
        p = node_alloc(h, 2, 0);
        p[2] = a_first ? a_leaf : b_leaf;
        p[3] = a_first ? b_leaf : a_leaf;
    } else {
        p = node_alloc(h, 2, (1u << sa) | (1u << sb));
        p[2] = sa < sb ? a_leaf : b_leaf;
        p[3] = sa < sb ? b_leaf : a_leaf;
    }
    Term sub = boxed_from_ptr(p);
    while (l-- > level) {
        Term *q = node_alloc(h, 1, 1u << shared[l]);
        q[2] = sub;
        sub = boxed_from_ptr(q);
    }
    return sub;
}

/* Where a key is, or would go, in a trie. */
typedef struct TriePath {
    const Term *nodes[MAP_TRIE_HASH_LEVELS + 1]; /* nodes[0] is the head */
    size_t index[MAP_TRIE_HASH_LEVELS + 1];      /* the child taken below each node */
    size_t depth;                                /* the key's node is nodes[depth] */
    uint32_t bit;                                /* its slot's bit there (0 in a bucket) */
    bool slot_used;                              /* index[depth] holds a leaf for the slot */
    bool found;                                  /* that leaf holds the key */
    KeyHash kh;
} TriePath;

static void trie_find(Term m, Term key, TriePath *path)
{
    path->kh = key_hash(key);
    const Term *obj = boxed_ptr(m);
    for (unsigned level = 0;; level++) {
        path->nodes[level] = obj;
        path->depth = level;
        uint32_t bitmap = node_bitmap(obj);
        const Term *children = obj + node_first(obj);
        if (bitmap == 0) {
            /* A bucket: leaves in term order. */
            size_t n = node_count(obj), i = 0;
            int c = 1;
            for (; i < n; i++) {
                c = term_compare_exact(cons_head(children[i]), key);
                if (c >= 0) break;
            }
            path->index[level] = i;
            path->bit = 0;
            path->slot_used = path->found = i < n && c == 0;
            return;
        }
        uint32_t bit = 1u << key_slot(&path->kh, level);
        size_t i = bit_index(bitmap, bit);
        path->index[level] = i;
        path->bit = bit;
        if (!(bitmap & bit)) {
            path->slot_used = path->found = false;
            return;
        }
        Term child = children[i];
        if (term_is_cons(child)) {
            path->slot_used = true;
            path->found = key_equal(cons_head(child), key);
            return;
        }
        obj = boxed_ptr(child);
    }
}

static Term trie_get(Term m, Term key)
{
    KeyHash kh = key_hash(key);
    const Term *obj = boxed_ptr(m);
    size_t first = 3;
    for (unsigned level = 0;; level++) {
        uint32_t bitmap = (uint32_t)small_value(obj[first - 1]);
        const Term *children = obj + first;
        if (bitmap == 0) {
            size_t n = node_count(obj);
            for (size_t i = 0; i < n; i++)
                if (key_equal(cons_head(children[i]), key)) return cons_tail(children[i]);
            return TERM_NONE;
        }
        uint32_t bit = 1u << key_slot(&kh, level);
        if (!(bitmap & bit)) return TERM_NONE;
        Term child = children[bit_index(bitmap, bit)];
        if (term_is_cons(child)) return key_equal(cons_head(child), key) ? cons_tail(child) : TERM_NONE;
        obj = boxed_ptr(child);
        first = 2;
    }
}

/* Copies the path above nodes[depth] with `node` in its place. */
static Term trie_rebuild_path(Heap *h, const TriePath *path, size_t depth, size_t size, Term node)
{
    while (depth-- > 0) node = node_edit(h, path->nodes[depth], size, EDIT_SET, path->index[depth], 0, node);
    return node;
}

static Term trie_put(Heap *h, Term m, Term key, Term value, bool must_exist)
{
    TriePath path;
    trie_find(m, key, &path);
    const Term *obj = path.nodes[path.depth];
    size_t i = path.index[path.depth], size = map_size(m);
    const Term *children = obj + node_first(obj);
    Term node;
    if (path.found) {
        if (cons_tail(children[i]) == value) return m;
        node = node_edit(h, obj, size, EDIT_SET, i, 0, cons_new(h, key, value));
    } else if (must_exist) {
        return TERM_NONE;
    } else if (path.slot_used) {
        size++;
        Term sub = pair_subtree(h, (unsigned)path.depth + 1, children[i], cons_new(h, key, value), &path.kh);
        node = node_edit(h, obj, size, EDIT_SET, i, 0, sub);
    } else {
        size++;
        node = node_edit(h, obj, size, EDIT_INSERT, i, path.bit, cons_new(h, key, value));
    }
    return trie_rebuild_path(h, &path, path.depth, size, node);
}

static Term trie_remove(Heap *h, Term m, Term key)
{
    TriePath path;
    trie_find(m, key, &path);
    if (!path.found) return m;
    size_t size = map_size(m) - 1, depth = path.depth;
    const Term *obj = path.nodes[depth];
    size_t i = path.index[depth];
    const Term *children = obj + node_first(obj);
    Term node;
    if (depth > 0 && node_count(obj) == 2 && term_is_cons(children[1 - i])) {
        /* A node left with one key becomes that key's leaf, and so does
         * every node above it that held nothing else. */
        node = children[1 - i];
        while (depth > 1 && node_count(path.nodes[depth - 1]) == 1) depth--;
        depth--;
        node = node_edit(h, path.nodes[depth], size, EDIT_SET, path.index[depth], 0, node);
    } else {
        node = node_edit(h, obj, size, EDIT_REMOVE, i, path.bit, TERM_NONE);
    }
    return trie_rebuild_path(h, &path, depth, size, node);
}

/* ---- building a trie in one pass ----------------------------------------------- */

typedef struct TrieInput {
    const Term *keys, *values;
    const size_t *order;   /* distinct keys in fold order */
    const uint32_t *hash0; /* each key's depth-0 hash, by key index */
} TrieInput;

static unsigned input_slot(const TrieInput *in, size_t pos, unsigned level)
{
    size_t k = in->order[pos];
    uint32_t hash = level < 8 ? in->hash0[k] : map_order_key_hash(in->keys[k], level / 8);
    return (hash >> (4 * (level % 8))) & 15;
}

/* The node at `level` over order[start, end) (two keys or more; the head
 * when level is 0). Sorted input makes each child a consecutive run. The
 * recursion is bounded by the trie's MAP_TRIE_HASH_LEVELS levels, not by
 * the data. */
static Term trie_build_node(Heap *h, const TrieInput *in, unsigned level, size_t start, size_t end)
{
    Term children[16];
    size_t count = 0;
    uint32_t bitmap = 0;
    if (level == MAP_TRIE_HASH_LEVELS) {
        Term *p = node_alloc(h, end - start, 0);
        for (size_t i = start; i < end; i++)
            p[2 + i - start] = cons_new(h, in->keys[in->order[i]], in->values[in->order[i]]);
        return boxed_from_ptr(p);
    }
    for (size_t i = start; i < end;) {
        unsigned slot = input_slot(in, i, level);
        size_t j = i + 1;
        while (j < end && input_slot(in, j, level) == slot) j++;
        size_t k = in->order[i];
        children[count++] = j - i == 1 ? cons_new(h, in->keys[k], in->values[k]) : trie_build_node(h, in, level + 1, i, j);
        bitmap |= 1u << slot;
        i = j;
    }
    Term *p = level == 0 ? head_alloc(h, end - start, count, bitmap) : node_alloc(h, count, bitmap);
    memcpy(p + (level == 0 ? 3 : 2), children, count * sizeof(Term));
    return boxed_from_ptr(p);
}

/* A flat map of the keys idx[0, n), distinct and in term order. */
static Term flat_from_indices(Heap *h, size_t n, const size_t *idx, const Term *keys, const Term *values)
{
    Term *p = map_alloc(h, n);
    for (size_t i = 0; i < n; i++) {
        p[2 + i] = keys[idx[i]];
        p[2 + n + i] = values[idx[i]];
    }
    return boxed_from_ptr(p);
}

/* A map of more than MAP_FLAT_MAX pairs whose keys may repeat. */
static Term trie_from_pairs(Heap *h, size_t n, const Term *keys, const Term *values)
{
    size_t *order = xmalloc(n * sizeof *order);
    uint32_t *hash0 = xmalloc(n * sizeof *hash0);
    size_t unique = map_order_sort_unique(keys, n, order, hash0);
    Term m;
    if (unique <= MAP_FLAT_MAX) {
        map_sort_by_key(order, unique, keys);
        m = flat_from_indices(h, unique, order, keys, values);
    } else {
        TrieInput in = {keys, values, order, hash0};
        m = trie_build_node(h, &in, 0, 0, unique);
    }
    free(order);
    free(hash0);
    return m;
}

/* ---- flat maps ------------------------------------------------------------------ */

/* Index of `key` in sorted `keys`, or the index where it would be inserted
 * with *found false. */
static size_t keys_search(const Term *keys, size_t n, Term key, bool *found)
{
    if (n <= MAP_LINEAR_SCAN_MAX && term_is_immediate(key)) {
        for (size_t i = 0; i < n; i++) {
            if (keys[i] == key) {
                *found = true;
                return i;
            }
        }
    }
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = keys[mid] == key ? 0 : term_compare_exact(keys[mid], key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    *found = false;
    return lo;
}

Term map_get(Term m, Term key)
{
    size_t n = map_size(m);
    if (n > MAP_FLAT_MAX) return trie_get(m, key);
    const Term *keys = map_keys(m);
    if (term_is_immediate(key)) {
        for (size_t i = 0; i < n; i++)
            if (keys[i] == key) return keys[n + i];
        return TERM_NONE;
    }
    bool found;
    size_t i = keys_search(keys, n, key, &found);
    return found ? keys[n + i] : TERM_NONE;
}

/* A copy of flat `m` with the value at index i replaced. */
static Term map_replace_at(Heap *h, Term m, size_t i, Term value)
{
    size_t n = map_size(m);
    if (map_values(m)[i] == value) return m;
    Term *p = map_alloc(h, n);
    memcpy(p + 2, map_keys(m), 2 * n * sizeof(Term));
    p[2 + n + i] = value;
    return boxed_from_ptr(p);
}

Term map_put(Heap *h, Term m, Term key, Term value)
{
    size_t n = map_size(m);
    if (n > MAP_FLAT_MAX) return trie_put(h, m, key, value, false);
    const Term *keys = map_keys(m), *values = keys + n;
    bool found;
    size_t i = keys_search(keys, n, key, &found);
    if (found) return map_replace_at(h, m, i, value);
    if (n == MAP_FLAT_MAX) {
        Term ks[MAP_FLAT_MAX + 1], vs[MAP_FLAT_MAX + 1];
        memcpy(ks, keys, n * sizeof(Term));
        memcpy(vs, values, n * sizeof(Term));
        ks[n] = key;
        vs[n] = value;
        return trie_from_pairs(h, n + 1, ks, vs);
    }
    Term *p = map_alloc(h, n + 1);
    Term *nk = p + 2, *nv = p + 2 + n + 1;
    memcpy(nk, keys, i * sizeof(Term));
    nk[i] = key;
    memcpy(nk + i + 1, keys + i, (n - i) * sizeof(Term));
    memcpy(nv, values, i * sizeof(Term));
    nv[i] = value;
    memcpy(nv + i + 1, values + i, (n - i) * sizeof(Term));
    return boxed_from_ptr(p);
}

Term map_update(Heap *h, Term m, Term key, Term value)
{
    if (map_size(m) > MAP_FLAT_MAX) return trie_put(h, m, key, value, true);
    bool found;
    size_t i = keys_search(map_keys(m), map_size(m), key, &found);
    if (!found) return TERM_NONE;
    return map_replace_at(h, m, i, value);
}

Term map_remove(Heap *h, Term m, Term key)
{
    size_t n = map_size(m);
    if (n == MAP_FLAT_MAX + 1) {
        /* Back to 32 keys: flat and sorted again. */
        if (map_get(m, key) == TERM_NONE) return m;
        Term ks[MAP_FLAT_MAX + 1], vs[MAP_FLAT_MAX + 1];
        size_t idx[MAP_FLAT_MAX + 1], kept = 0;
        map_to_arrays(m, ks, vs);
        for (size_t i = 0; i < n; i++)
            if (!key_equal(ks[i], key)) idx[kept++] = i;
        map_sort_by_key(idx, kept, ks);
        return flat_from_indices(h, kept, idx, ks, vs);
    }
    if (n > MAP_FLAT_MAX) return trie_remove(h, m, key);
    const Term *keys = map_keys(m), *values = keys + n;
    bool found;
    size_t i = keys_search(keys, n, key, &found);
    if (!found) return m;
    Term *p = map_alloc(h, n - 1);
    Term *nk = p + 2, *nv = p + 2 + n - 1;
    memcpy(nk, keys, i * sizeof(Term));
    memcpy(nk + i, keys + i + 1, (n - i - 1) * sizeof(Term));
    memcpy(nv, values, i * sizeof(Term));
    memcpy(nv + i, values + i + 1, (n - i - 1) * sizeof(Term));
    return boxed_from_ptr(p);
}

/* Stable merge sort of indices by key; `tmp` has room for n indices. */
static void sort_indices(size_t *idx, size_t *tmp, size_t n, const Term *keys)
{
    if (n < 12) {
        for (size_t i = 1; i < n; i++) {
            size_t x = idx[i], j = i;
            while (j > 0 && term_compare_exact(keys[idx[j - 1]], keys[x]) > 0) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = x;
        }
        return;
    }
    size_t half = n / 2;
    sort_indices(idx, tmp, half, keys);
    sort_indices(idx + half, tmp, n - half, keys);
    if (term_compare_exact(keys[idx[half - 1]], keys[idx[half]]) <= 0) return;
    memcpy(tmp, idx, half * sizeof *idx);
    size_t a = 0, b = half, o = 0;
    while (a < half && b < n) {
        if (term_compare_exact(keys[idx[b]], keys[tmp[a]]) < 0) idx[o++] = idx[b++];
        else idx[o++] = tmp[a++];
    }
    while (a < half) idx[o++] = tmp[a++];
}

void map_sort_by_key(size_t *idx, size_t n, const Term *keys)
{
    size_t stack_tmp[32];
    size_t *tmp = n <= 32 ? stack_tmp : xmalloc(n * sizeof *tmp);
    sort_indices(idx, tmp, n, keys);
    if (tmp != stack_tmp) free(tmp);
}

Term map_from_pairs(Heap *h, size_t n, const Term *keys, const Term *values)
{
    if (n > MAP_FLAT_MAX) return trie_from_pairs(h, n, keys, values);
    size_t idx[MAP_FLAT_MAX];
    for (size_t i = 0; i < n; i++) idx[i] = i;
    map_sort_by_key(idx, n, keys);
    /* Equal keys are adjacent and in input order: keep the last of each run. */
    size_t unique = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && term_compare_exact(keys[idx[i]], keys[idx[i + 1]]) == 0) continue;
        idx[unique++] = idx[i];
    }
    return flat_from_indices(h, unique, idx, keys, values);
}

/* Merges two flat maps. */
static Term flat_merge(Heap *h, Term a, Term b)
{
    size_t na = map_size(a), nb = map_size(b);
    const Term *ka = map_keys(a), *va = ka + na, *kb = map_keys(b), *vb = kb + nb;
    Term keys[2 * MAP_FLAT_MAX], values[2 * MAP_FLAT_MAX];
    size_t i = 0, j = 0, n = 0;
    while (i < na && j < nb) {
        int c = ka[i] == kb[j] ? 0 : term_compare_exact(ka[i], kb[j]);
        if (c < 0) {
            keys[n] = ka[i];
            values[n++] = va[i++];
        } else {
            keys[n] = kb[j];
            values[n++] = vb[j++];
            i += c == 0;
        }
    }
    for (; i < na; i++, n++) keys[n] = ka[i], values[n] = va[i];
    for (; j < nb; j++, n++) keys[n] = kb[j], values[n] = vb[j];
    if (n > MAP_FLAT_MAX) return trie_from_pairs(h, n, keys, values);
    Term *p = map_alloc(h, n);
    memcpy(p + 2, keys, n * sizeof(Term));
    memcpy(p + 2 + n, values, n * sizeof(Term));
    return boxed_from_ptr(p);
}

Term map_merge(Heap *h, Term a, Term b)
{
    size_t na = map_size(a), nb = map_size(b);
    if (nb == 0) return a;
    if (na == 0) return b;
    if (na <= MAP_FLAT_MAX && nb <= MAP_FLAT_MAX) return flat_merge(h, a, b);
    /* Put the smaller map's entries into the bigger one: b's values win. */
    MapIter it;
    Term k, v;
    if (nb <= na) {
        map_iter_init(&it, b);
        while (map_iter_next(&it, &k, &v)) a = map_put(h, a, k, v);
        return a;
    }
    map_iter_init(&it, a);
    while (map_iter_next(&it, &k, &v))
        if (map_get(b, k) == TERM_NONE) b = map_put(h, b, k, v);
    return b;
}

/* ---- walking ---------------------------------------------------------------------- */

void map_iter_init(MapIter *it, Term m)
{
    it->map = m;
    it->index = 0;
    it->depth = 0;
    if (map_size(m) > MAP_FLAT_MAX) {
        const Term *obj = boxed_ptr(m);
        it->stack[0].children = obj + 3;
        it->stack[0].index = 0;
        it->stack[0].count = (uint32_t)node_count(obj);
        it->depth = 1;
    }
}

bool map_iter_next(MapIter *it, Term *key, Term *value)
{
    size_t n = map_size(it->map);
    if (n <= MAP_FLAT_MAX) {
        if (it->index >= n) return false;
        *key = map_keys(it->map)[it->index];
        *value = map_keys(it->map)[n + it->index];
        it->index++;
        return true;
    }
    while (it->depth > 0) {
        MapIterNode *top = &it->stack[it->depth - 1];
        if (top->index == top->count) {
            it->depth--;
            continue;
        }
        Term child = top->children[top->index++];
        if (term_is_cons(child)) {
            *key = cons_head(child);
            *value = cons_tail(child);
            return true;
        }
        const Term *obj = boxed_ptr(child);
        it->stack[it->depth].children = obj + 2;
        it->stack[it->depth].index = 0;
        it->stack[it->depth].count = (uint32_t)node_count(obj);
        it->depth++;
    }
    return false;
}

void map_to_arrays(Term m, Term *keys, Term *values)
{
    size_t n = map_size(m);
    if (n <= MAP_FLAT_MAX) {
        if (keys) memcpy(keys, map_keys(m), n * sizeof *keys);
        if (values) memcpy(values, map_values(m), n * sizeof *values);
        return;
    }
    MapIter it;
    Term k, v;
    size_t i = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        if (keys) keys[i] = k;
        if (values) values[i] = v;
        i++;
    }
}

void map_sorted_arrays(Term m, Term *keys, Term *values)
{
    size_t n = map_size(m);
    if (n <= MAP_FLAT_MAX) {
        map_to_arrays(m, keys, values);
        return;
    }
    Term *ks = xmalloc(2 * n * sizeof *ks), *vs = ks + n;
    size_t *idx = xmalloc(n * sizeof *idx);
    map_to_arrays(m, ks, vs);
    for (size_t i = 0; i < n; i++) idx[i] = i;
    map_sort_by_key(idx, n, ks);
    for (size_t i = 0; i < n; i++) {
        if (keys) keys[i] = ks[idx[i]];
        if (values) values[i] = vs[idx[i]];
    }
    free(idx);
    free(ks);
}

/* ---- positions (:maps.next) ------------------------------------------------------------
 * A trie position is the path to its leaf in mixed radix: the child taken
 * at the head is the lowest digit (base: the head's child count), the one
 * below it the next, and so on, so the first leaf is position 0 and a
 * position decodes in one descent. Should a path's code not fit in 63
 * bits (only keys whose hashes agree on dozens of bits make such paths), the
 * walk goes on by ordinal instead, as the negative position -(ordinal + 1). */

/* The entry of ordinal k in m's walk, by walking to it. */
static MapAt trie_at_ordinal(Term m, int64_t k, Term *key, Term *value, int64_t *next)
{
    if (k < 0 || (uint64_t)k >= map_size(m)) return MAP_AT_BAD;
    MapIter it;
    map_iter_init(&it, m);
    for (int64_t i = 0; i <= k; i++) map_iter_next(&it, key, value);
    *next = (uint64_t)k + 1 == map_size(m) ? MAP_AT_END : -(k + 2);
    return MAP_AT_ENTRY;
}

/* The ordinal of the leaf `leaf` in m's walk. */
static int64_t trie_ordinal(Term m, const Term *leaf_obj)
{
    MapIter it;
    Term k, v;
    int64_t i = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        if (&it.stack[it.depth - 1].children[it.stack[it.depth - 1].index - 1] == leaf_obj) return i;
        i++;
    }
    return -1;
}

MapAt map_walk_at(Term m, int64_t pos, Term *key, Term *value, int64_t *next)
{
    size_t n = map_size(m);
    if (n <= MAP_FLAT_MAX) {
        if (pos < 0 || (uint64_t)pos > n) return MAP_AT_BAD;
        if ((uint64_t)pos == n) return MAP_AT_NONE;
        *key = map_keys(m)[pos];
        *value = map_keys(m)[n + pos];
        *next = (uint64_t)pos + 1 == n ? MAP_AT_END : pos + 1;
        return MAP_AT_ENTRY;
    }
    if (pos < 0) return trie_at_ordinal(m, -pos - 1, key, value, next);
    struct {
        uint32_t index, count;
    } path[MAP_TRIE_HASH_LEVELS + 1];
    const Term *obj = boxed_ptr(m), *leaf;
    uint64_t code = (uint64_t)pos;
    size_t depth = 0;
    for (;;) {
        size_t count = node_count(obj);
        const Term *children = obj + node_first(obj);
        size_t i = code % count;
        code /= count;
        path[depth].index = (uint32_t)i;
        path[depth].count = (uint32_t)count;
        depth++;
        if (term_is_cons(children[i])) {
            leaf = &children[i];
            break;
        }
        obj = boxed_ptr(children[i]);
    }
    if (code != 0) return MAP_AT_BAD; /* digits left over: no such path */
    *key = cons_head(*leaf);
    *value = cons_tail(*leaf);
    /* The next leaf: the deepest level that has a next child takes it, and
     * every level below it starts over at 0 (digits that add nothing). */
    size_t l = depth;
    while (l > 0 && path[l - 1].index + 1 == path[l - 1].count) l--;
    if (l == 0) {
        *next = MAP_AT_END;
        return MAP_AT_ENTRY;
    }
    uint64_t result = 0, radix = 1;
    for (size_t j = 0; j < l; j++) {
        uint64_t digit = path[j].index + (j == l - 1), term;
        if (__builtin_mul_overflow(digit, radix, &term) || __builtin_add_overflow(result, term, &result) ||
            result > (uint64_t)INT64_MAX || (j + 1 < l && __builtin_mul_overflow(radix, path[j].count, &radix))) {
            *next = -(trie_ordinal(m, leaf) + 2);
            return MAP_AT_ENTRY;
        }
    }
    *next = (int64_t)result;
    return MAP_AT_ENTRY;
}
