/* map.c - flat maps with keys sorted in exact term order.
 *
 * Every operation builds a fresh object (copy on write); lookups are a
 * short linear scan by identity for immediate keys in small maps and a
 * binary search otherwise.
 */
#include "map.h"

#include <stdlib.h>

#include "compare.h"
#include "fatal.h"

/* Up to this many keys, an immediate key is found faster by scanning for
 * the identical word than by ordered comparison. */
#define MAP_LINEAR_SCAN_MAX 32

size_t map_size(Term m) { return (size_t)boxed_ptr(m)[1]; }
const Term *map_keys(Term m) { return boxed_ptr(m) + 2; }
const Term *map_values(Term m) { return boxed_ptr(m) + 2 + map_size(m); }

void map_iter_init(MapIter *it, Term m)
{
    it->map = m;
    it->index = 0;
}

bool map_iter_next(MapIter *it, Term *key, Term *value)
{
    size_t n = map_size(it->map);
    if (it->index >= n) return false;
    *key = map_keys(it->map)[it->index];
    *value = map_values(it->map)[it->index];
    it->index++;
    return true;
}

void map_to_arrays(Term m, Term *keys, Term *values)
{
    size_t n = map_size(m);
    if (keys) memcpy(keys, map_keys(m), n * sizeof *keys);
    if (values) memcpy(values, map_values(m), n * sizeof *values);
}

void map_sorted_arrays(Term m, Term *keys, Term *values) { map_to_arrays(m, keys, values); }

static Term *map_alloc(Heap *h, size_t n)
{
    Term *p = heap_alloc(h, 2 + 2 * n);
    p[0] = header_make(BOX_MAP, 1 + 2 * n);
    p[1] = (Term)n;
    return p;
}

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
    const Term *keys = map_keys(m);
    if (n <= MAP_LINEAR_SCAN_MAX && term_is_immediate(key)) {
        for (size_t i = 0; i < n; i++)
            if (keys[i] == key) return keys[n + i];
        return TERM_NONE;
    }
    bool found;
    size_t i = keys_search(keys, n, key, &found);
    return found ? keys[n + i] : TERM_NONE;
}

Term map_empty(Heap *h) { return boxed_from_ptr(map_alloc(h, 0)); }

/* A copy of `m` with the value at index i replaced. */
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
    const Term *keys = map_keys(m), *values = keys + n;
    bool found;
    size_t i = keys_search(keys, n, key, &found);
    if (found) return map_replace_at(h, m, i, value);
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
    bool found;
    size_t i = keys_search(map_keys(m), map_size(m), key, &found);
    if (!found) return TERM_NONE;
    return map_replace_at(h, m, i, value);
}

Term map_remove(Heap *h, Term m, Term key)
{
    size_t n = map_size(m);
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

Term map_from_pairs(Heap *h, size_t n, const Term *keys, const Term *values)
{
    size_t stack_idx[32], stack_tmp[32];
    size_t *idx = n <= 32 ? stack_idx : xmalloc(n * sizeof *idx);
    size_t *tmp = n <= 32 ? stack_tmp : xmalloc(n * sizeof *tmp);
    for (size_t i = 0; i < n; i++) idx[i] = i;
    sort_indices(idx, tmp, n, keys);
    /* Equal keys are adjacent and in input order: keep the last of each run. */
    size_t unique = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && term_compare_exact(keys[idx[i]], keys[idx[i + 1]]) == 0) continue;
        idx[unique++] = idx[i];
    }
    Term *p = map_alloc(h, unique);
    for (size_t i = 0; i < unique; i++) {
        p[2 + i] = keys[idx[i]];
        p[2 + unique + i] = values[idx[i]];
    }
    if (idx != stack_idx) {
        free(idx);
        free(tmp);
    }
    return boxed_from_ptr(p);
}

Term map_merge(Heap *h, Term a, Term b)
{
    size_t na = map_size(a), nb = map_size(b);
    if (nb == 0) return a;
    if (na == 0) return b;
    const Term *ka = map_keys(a), *va = ka + na, *kb = map_keys(b), *vb = kb + nb;
    /* Count first so the result is allocated at its exact size. */
    size_t i = 0, j = 0, n = 0;
    while (i < na && j < nb) {
        int c = term_compare_exact(ka[i], kb[j]);
        i += c <= 0;
        j += c >= 0;
        n++;
    }
    n += (na - i) + (nb - j);
    Term *p = map_alloc(h, n);
    Term *nk = p + 2, *nv = p + 2 + n;
    i = j = 0;
    size_t o = 0;
    while (i < na && j < nb) {
        int c = ka[i] == kb[j] ? 0 : term_compare_exact(ka[i], kb[j]);
        if (c < 0) {
            nk[o] = ka[i];
            nv[o++] = va[i++];
        } else {
            nk[o] = kb[j];
            nv[o++] = vb[j++];
            i += c == 0;
        }
    }
    for (; i < na; i++, o++) nk[o] = ka[i], nv[o] = va[i];
    for (; j < nb; j++, o++) nk[o] = kb[j], nv[o] = vb[j];
    return boxed_from_ptr(p);
}
