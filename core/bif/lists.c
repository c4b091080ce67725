/* lists.c - the natives of the :lists module that take no funs.
 *
 * Where the Erlang implementation is plain Erlang code, a bad argument
 * shows up as a function_clause (or badarg from a BIF it calls); these
 * natives raise the same so that Elixir prints the same exception. */
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "fatal.h"
#include "compare.h"
#include "integer.h"

/* Copies the elements of a proper list into a buffer; false otherwise. */
static bool list_to_buf(Term list, TermBuf *out)
{
    for (; term_is_cons(list); list = cons_tail(list)) termbuf_push(out, cons_head(list));
    return list == TERM_NIL;
}

/* ---- reverse, member, nth, last ---------------------------------------------- */

/* The n elements of proper `list` in reverse order in front of tail, in
 * cells allocated at once (every Enum function that builds a list ends
 * here). */
static Term reverse_onto(Heap *h, Term list, size_t n, Term tail)
{
    if (!n) return tail;
    Term *cell = heap_alloc(h, 2 * n);
    for (Term l = list; term_is_cons(l); l = cons_tail(l), cell += 2) {
        cell[0] = cons_head(l);
        cell[1] = tail;
        tail = cons_from_ptr(cell);
    }
    return tail;
}

static Term lists_reverse1(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[0], &n)) return bif_function_clause(p);
    native_charge(n / 4);
    return reverse_onto(&p->heap, a[0], n, TERM_NIL);
}

static Term lists_reverse2(Process *p, const Term *a)
{
    size_t n;
    if (!term_is_list(a[0])) return process_badarg_at(p, 1, "not a list");
    if (!bif_list_length(a[0], &n)) return process_badarg_at(p, 1, "not a proper list");
    native_charge(n / 4);
    return reverse_onto(&p->heap, a[0], n, a[1]);
}

static Term lists_member(Process *p, const Term *a)
{
    if (!term_is_list(a[1])) return process_badarg_at(p, 2, "not a list");
    Term l = a[1];
    size_t walked = 0;
    for (; term_is_cons(l); l = cons_tail(l), walked++)
        if (term_exact_equal(cons_head(l), a[0])) {
            native_charge(walked / 16);
            return ATOM_true;
        }
    native_charge(walked / 16);
    if (l != TERM_NIL) return process_badarg_at(p, 2, "not a proper list");
    return ATOM_false;
}

static Term lists_nth(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 1, SMALL_MAX, &n)) return bif_function_clause(p);
    Term l = a[1];
    for (; n > 1 && term_is_cons(l); n--) l = cons_tail(l);
    if (!term_is_cons(l)) return bif_function_clause(p);
    return cons_head(l);
}

static Term lists_nthtail(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, SMALL_MAX, &n)) return bif_function_clause(p);
    Term l = a[1];
    for (; n > 0; n--) {
        if (!term_is_cons(l)) return bif_function_clause(p);
        l = cons_tail(l);
    }
    return l;
}

static Term lists_last(Process *p, const Term *a)
{
    Term l = a[0];
    if (!term_is_cons(l)) return bif_function_clause(p);
    while (term_is_cons(cons_tail(l))) l = cons_tail(l);
    if (cons_tail(l) != TERM_NIL) return bif_function_clause(p);
    return cons_head(l);
}

static Term lists_droplast(Process *p, const Term *a)
{
    TermBuf items;
    termbuf_init(&items);
    bool proper = list_to_buf(a[0], &items);
    Term r;
    if (!proper || !items.size) {
        r = bif_function_clause(p);
    } else {
        items.size--;
        r = termbuf_to_list(&items, &p->heap, TERM_NIL);
    }
    termbuf_free(&items);
    return r;
}

/* ---- keyed tuples ------------------------------------------------------------- */

static bool key_matches(Term elem, size_t pos, Term key)
{
    return term_is_tuple(elem) && tuple_size(elem) > pos && term_equal(tuple_get(elem, pos), key);
}

/* The BIF-style checks of keyfind/keymember/keysearch. */
static bool keyfind_args(Process *p, const Term *a, size_t *pos)
{
    if (!term_is_integer(a[1])) { process_badarg_at(p, 2, "not an integer"); return false; }
    if (!term_is_small(a[1]) || small_value(a[1]) < 1) { process_badarg_at(p, 2, "out of range"); return false; }
    if (!term_is_list(a[2])) { process_badarg_at(p, 3, "not a list"); return false; }
    *pos = (size_t)small_value(a[1]) - 1;
    return true;
}

/* The matching tuple, false if none, TERM_NONE after raising. */
static Term keyfind_impl(Process *p, const Term *a)
{
    size_t pos;
    if (!keyfind_args(p, a, &pos)) return TERM_NONE;
    Term l = a[2];
    size_t walked = 0;
    for (; term_is_cons(l); l = cons_tail(l), walked++)
        if (key_matches(cons_head(l), pos, a[0])) {
            native_charge(walked / 16);
            return cons_head(l);
        }
    native_charge(walked / 16);
    if (l != TERM_NIL) return process_badarg_at(p, 3, "not a proper list");
    return ATOM_false;
}

static Term lists_keyfind(Process *p, const Term *a) { return keyfind_impl(p, a); }

static Term lists_keymember(Process *p, const Term *a)
{
    Term r = keyfind_impl(p, a);
    return r == TERM_NONE ? r : atom_from_bool(r != ATOM_false);
}

static Term lists_keysearch(Process *p, const Term *a)
{
    Term r = keyfind_impl(p, a);
    if (r == TERM_NONE || r == ATOM_false) return r;
    return tuple2(&p->heap, atom_from_cstr("value"), r);
}

/* Position argument of the Erlang-coded key functions (function_clause). */
static bool key_pos(Term t, size_t *pos)
{
    int64_t n;
    if (!bif_small_in(t, 1, SMALL_MAX, &n)) return false;
    *pos = (size_t)n - 1;
    return true;
}

/* Splits a list at its first element whose key matches: the elements
 * before it go to `before`; returns the rest starting at the match (or
 * [] when none). *proper is false for an improper list. */
static Term key_split(Term list, size_t pos, Term key, TermBuf *before, bool *proper)
{
    for (; term_is_cons(list); list = cons_tail(list)) {
        if (key_matches(cons_head(list), pos, key)) {
            *proper = true;
            return list;
        }
        termbuf_push(before, cons_head(list));
    }
    *proper = list == TERM_NIL;
    return TERM_NIL;
}

/* keydelete, keyreplace and keystore: the list with its first element
 * whose key matches removed, or replaced by `with` (a tuple); when none
 * matches, the list itself, or with `append` the list ++ [with]. */
static Term key_splice(Process *p, const Term *a, Term with, bool append)
{
    size_t pos;
    bool proper;
    if (!key_pos(a[1], &pos) || (with != TERM_NONE && !term_is_tuple(with))) return bif_function_clause(p);
    TermBuf before;
    termbuf_init(&before);
    Term rest = key_split(a[2], pos, a[0], &before, &proper);
    Term r;
    if (!proper) {
        r = bif_function_clause(p);
    } else if (rest == TERM_NIL && !append) {
        r = a[2];
    } else {
        Term tail = rest == TERM_NIL ? TERM_NIL : cons_tail(rest);
        if (with != TERM_NONE) tail = cons_new(&p->heap, with, tail);
        r = termbuf_to_list(&before, &p->heap, tail);
    }
    termbuf_free(&before);
    return r;
}

static Term lists_keydelete(Process *p, const Term *a) { return key_splice(p, a, TERM_NONE, false); }
static Term lists_keyreplace(Process *p, const Term *a) { return key_splice(p, a, a[3], false); }
static Term lists_keystore(Process *p, const Term *a) { return key_splice(p, a, a[3], true); }

static Term lists_keytake(Process *p, const Term *a)
{
    size_t pos;
    bool proper;
    if (!key_pos(a[1], &pos)) return bif_function_clause(p);
    TermBuf before;
    termbuf_init(&before);
    Term rest = key_split(a[2], pos, a[0], &before, &proper);
    Term r = !proper ? bif_function_clause(p)
             : rest == TERM_NIL
                 ? ATOM_false
                 : tuple3(&p->heap, atom_from_cstr("value"), cons_head(rest),
                          termbuf_to_list(&before, &p->heap, cons_tail(rest)));
    termbuf_free(&before);
    return r;
}

/* ---- sorting -------------------------------------------------------------------- */

typedef struct SortKey {
    size_t pos; /* SIZE_MAX: compare whole terms */
} SortKey;

static int sort_compare(Term x, Term y, const SortKey *k)
{
    if (k->pos == SIZE_MAX) return term_compare(x, y);
    return term_compare(tuple_get(x, k->pos), tuple_get(y, k->pos));
}

/* A stable merge sort, as lists:keysort and lists:usort need. */
static void merge_sort(Term *items, Term *tmp, size_t n, const SortKey *k)
{
    if (n < 2) return;
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            Term x = items[i];
            size_t j = i;
            while (j > 0 && sort_compare(items[j - 1], x, k) > 0) {
                items[j] = items[j - 1];
                j--;
            }
            items[j] = x;
        }
        return;
    }
    size_t half = n / 2;
    merge_sort(items, tmp, half, k);
    merge_sort(items + half, tmp, n - half, k);
    if (sort_compare(items[half - 1], items[half], k) <= 0) return;
    memcpy(tmp, items, half * sizeof(Term));
    size_t i = 0, j = half, out = 0;
    while (i < half && j < n) items[out++] = sort_compare(items[j], tmp[i], k) < 0 ? items[j++] : tmp[i++];
    while (i < half) items[out++] = tmp[i++];
}

/* ---- lists:sort/1 ----------------------------------------------------------------
 * OTP's lists:sort/1 is not a plain stable sort: terms that compare equal
 * but differ (1 and 1.0) can come out in either order, and programs print
 * the difference. It first cuts the list into runs, each grown from its
 * two newest elements (a new element goes after them, between them, or,
 * while the run has two elements, before them; otherwise it waits as a
 * "stash" and starts the next run with the element after it). The first
 * two elements decide whether runs grow ascending or descending for the
 * whole sort. The runs are then merged stably: on ties the earlier run
 * wins when they grew ascending and the later one when they grew
 * descending. The order below reproduces that exactly. */

static bool term_le(Term a, Term b) { return term_compare(a, b) <= 0; }

typedef struct SortRuns {
    Term *out;      /* the runs, each in ascending order, one after another */
    size_t used;
    size_t *starts; /* where each run begins in `out` */
    size_t count;
} SortRuns;

/* Appends the run cur[0..n), reversed when it grew descending. */
static void runs_close(SortRuns *r, const Term *cur, size_t n, bool descending)
{
    r->starts[r->count++] = r->used;
    for (size_t i = 0; i < n; i++) r->out[r->used++] = descending ? cur[n - 1 - i] : cur[i];
}

/* Inserts t at position at of cur[0..*n). */
static void run_insert(Term *cur, size_t *n, size_t at, Term t)
{
    memmove(cur + at + 1, cur + at, (*n - at) * sizeof(Term));
    cur[at] = t;
    (*n)++;
}

/* Merges adjacent runs until one is left; ties go to the left run unless
 * right_wins. */
static void runs_merge(Term *items, size_t n, size_t *starts, size_t count, bool right_wins)
{
    Term *tmp = xmalloc(n * sizeof(Term));
    while (count > 1) {
        size_t merged = 0;
        for (size_t r = 0; r < count; r += 2) {
            size_t lo = starts[r];
            if (r + 1 == count) {
                starts[merged++] = lo;
                break;
            }
            size_t mid = starts[r + 1], hi = r + 2 < count ? starts[r + 2] : n;
            size_t i = lo, j = mid, o = 0;
            while (i < mid && j < hi) {
                int c = term_compare(items[i], items[j]);
                bool take_left = right_wins ? c < 0 : c <= 0;
                tmp[o++] = take_left ? items[i++] : items[j++];
            }
            while (i < mid) tmp[o++] = items[i++];
            while (j < hi) tmp[o++] = items[j++];
            memcpy(items + lo, tmp, o * sizeof(Term));
            starts[merged++] = lo;
        }
        count = merged;
    }
    free(tmp);
}

static void otp_sort(Term *items, size_t n)
{
    if (n < 2) return;
    Term x = items[0], y = items[1];
    if (n == 2) {
        if (!term_le(x, y)) items[0] = y, items[1] = x;
        return;
    }
    if (n == 3) {
        Term z = items[2];
        if (term_le(x, y)) {
            if (term_le(y, z)) return;
            if (term_le(x, z)) items[1] = z, items[2] = y;
            else items[0] = z, items[1] = x, items[2] = y;
        } else {
            if (term_le(x, z)) items[0] = y, items[1] = x;
            else if (term_le(y, z)) items[0] = y, items[1] = z, items[2] = x;
            else items[0] = z, items[1] = y, items[2] = x;
        }
        return;
    }
    /* cur holds the growing run: ascending, or descending (newest last). */
    Term *cur = xmalloc(n * sizeof(Term));
    SortRuns runs = {xmalloc(n * sizeof(Term)), 0, xmalloc(n * sizeof(size_t)), 0};
    size_t len = 0, i = 2;
    bool descending;
    if (term_le(x, y) && term_compare(x, y) == 0) {
        /* a leading group of equal terms starts the first run in input order */
        cur[len++] = x;
        Term last = y;
        while (i < n && term_compare(last, items[i]) == 0) {
            cur[len++] = last;
            last = items[i++];
        }
        if (i == n) { /* all equal: input order */
            free(cur), free(runs.out), free(runs.starts);
            return;
        }
        descending = term_compare(last, items[i]) > 0;
        cur[len++] = last;
        cur[len++] = items[i++];
    } else {
        descending = !term_le(x, y);
        cur[len++] = x;
        cur[len++] = y;
    }
    bool stashed = false;
    Term stash = 0;
    for (; i < n; i++) {
        Term z = items[i], top = cur[len - 1], below = cur[len - 2];
        bool after = descending ? term_le(z, top) : term_le(top, z);
        bool between = descending ? term_le(z, below) : term_le(below, z);
        if (after) {
            cur[len++] = z;
        } else if (between) {
            run_insert(cur, &len, len - 1, z);
        } else if (!stashed && len == 2) {
            run_insert(cur, &len, 0, z);
        } else if (!stashed) {
            stashed = true;
            stash = z;
        } else {
            runs_close(&runs, cur, len, descending);
            stashed = false;
            bool stash_first = descending ? !term_le(stash, z) : term_le(stash, z);
            cur[0] = stash_first ? stash : z;
            cur[1] = stash_first ? z : stash;
            len = 2;
        }
    }
    runs_close(&runs, cur, len, descending);
    if (stashed) runs_close(&runs, &stash, 1, descending);
    memcpy(items, runs.out, n * sizeof(Term));
    runs_merge(items, n, runs.starts, runs.count, descending);
    free(cur), free(runs.out), free(runs.starts);
}

static void sort_buf(TermBuf *b, const SortKey *k)
{
    Term *tmp = xmalloc((b->size / 2 + 1) * sizeof(Term));
    merge_sort(b->items, tmp, b->size, k);
    free(tmp);
}

/* Drops elements equal (==) to their predecessor in a sorted buffer. */
static void unique_buf(TermBuf *b, const SortKey *k)
{
    if (!b->size) return;
    size_t out = 1;
    for (size_t i = 1; i < b->size; i++)
        if (sort_compare(b->items[out - 1], b->items[i], k) != 0) b->items[out++] = b->items[i];
    b->size = out;
}

static Term sort_impl(Process *p, Term list, const SortKey *k, bool unique)
{
    TermBuf items;
    termbuf_init(&items);
    Term r;
    if (!list_to_buf(list, &items)) {
        r = bif_function_clause(p);
    } else {
        bool ok = true;
        if (k->pos != SIZE_MAX)
            for (size_t i = 0; i < items.size; i++)
                if (!term_is_tuple(items.items[i]) || tuple_size(items.items[i]) <= k->pos) ok = false;
        if (!ok) {
            r = bif_function_clause(p);
        } else {
            if (k->pos == SIZE_MAX && !unique) otp_sort(items.items, items.size);
            else sort_buf(&items, k);
            if (unique) unique_buf(&items, k);
            r = termbuf_to_list(&items, &p->heap, TERM_NIL);
        }
    }
    termbuf_free(&items);
    return r;
}

static const SortKey WHOLE_TERM = {SIZE_MAX};

static Term lists_sort(Process *p, const Term *a) { return sort_impl(p, a[0], &WHOLE_TERM, false); }
static Term lists_usort(Process *p, const Term *a) { return sort_impl(p, a[0], &WHOLE_TERM, true); }

static Term lists_keysort(Process *p, const Term *a)
{
    SortKey k;
    if (!key_pos(a[0], &k.pos)) return bif_function_clause(p);
    return sort_impl(p, a[1], &k, false);
}

static Term lists_ukeysort(Process *p, const Term *a)
{
    SortKey k;
    if (!key_pos(a[0], &k.pos)) return bif_function_clause(p);
    return sort_impl(p, a[1], &k, true);
}

/* merge/2 of two sorted lists; on ties the first list's element comes
 * first. */
static Term lists_merge2(Process *p, const Term *a)
{
    TermBuf x, y, out;
    termbuf_init(&x);
    termbuf_init(&y);
    termbuf_init(&out);
    Term r;
    if (!list_to_buf(a[0], &x) || !list_to_buf(a[1], &y)) {
        r = bif_function_clause(p);
    } else {
        size_t i = 0, j = 0;
        while (i < x.size && j < y.size)
            termbuf_push(&out, term_compare(y.items[j], x.items[i]) < 0 ? y.items[j++] : x.items[i++]);
        while (i < x.size) termbuf_push(&out, x.items[i++]);
        while (j < y.size) termbuf_push(&out, y.items[j++]);
        r = termbuf_to_list(&out, &p->heap, TERM_NIL);
    }
    termbuf_free(&x);
    termbuf_free(&y);
    termbuf_free(&out);
    return r;
}

/* ---- building lists -------------------------------------------------------------- */

static Term lists_seq_impl(Process *p, Term first_t, Term last_t, Term inc_t, bool has_inc)
{
    if (!term_is_small(first_t) || !term_is_small(last_t)) {
        if (!has_inc || !term_is_integer(first_t) || !term_is_integer(last_t)) return bif_function_clause(p);
    }
    if (has_inc && !term_is_integer(inc_t)) return process_badarg_at(p, 3, "not an integer");
    if (!term_is_small(first_t) || !term_is_small(last_t) || !term_is_small(inc_t))
        return process_raise(p, ATOM_error, ATOM_system_limit);
    int64_t first = small_value(first_t), last = small_value(last_t), inc = small_value(inc_t);
    int64_t count;
    if (!has_inc) {
        if (last < first - 1) return bif_function_clause(p);
        count = last - first + 1;
    } else if (inc > 0 && first - inc <= last) {
        count = (last - first + inc) / inc;
    } else if (inc < 0 && first - inc >= last) {
        count = (last - first + inc) / inc;
    } else if (inc == 0 && first == last) {
        count = 1;
    } else {
        return process_badarg_at(p, 3, last > first ? "not a positive increment" : "not a negative increment");
    }
    if (count > ((int64_t)1 << 32)) return process_raise(p, ATOM_error, ATOM_system_limit);
    if (!count) return TERM_NIL;
    /* the BEAM's seq is Erlang: 1M elements, 280,000 to 310,000 reductions */
    native_charge((uint64_t)count * 3 / 10);
    Term *cells = heap_alloc(&p->heap, 2 * (size_t)count);
    for (int64_t i = 0; i < count; i++) {
        cells[2 * i] = small_make(first + i * inc);
        cells[2 * i + 1] = i + 1 < count ? cons_from_ptr(cells + 2 * i + 2) : TERM_NIL;
    }
    return cons_from_ptr(cells);
}

static Term lists_seq2(Process *p, const Term *a) { return lists_seq_impl(p, a[0], a[1], small_make(1), false); }
static Term lists_seq3(Process *p, const Term *a) { return lists_seq_impl(p, a[0], a[1], a[2], true); }

static Term lists_duplicate(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, (int64_t)1 << 32, &n)) return bif_function_clause(p);
    if (!n) return TERM_NIL;
    native_charge((uint64_t)n / 4);
    Term *cells = heap_alloc(&p->heap, 2 * (size_t)n);
    for (int64_t i = 0; i < n; i++) {
        cells[2 * i] = a[1];
        cells[2 * i + 1] = i + 1 < n ? cons_from_ptr(cells + 2 * i + 2) : TERM_NIL;
    }
    return cons_from_ptr(cells);
}

/* append/1: every list but the last is copied; the last is shared (and
 * may be anything, like the right side of ++). */
static Term lists_append1(Process *p, const Term *a)
{
    TermBuf lists, out;
    termbuf_init(&lists);
    termbuf_init(&out);
    Term r = TERM_NIL;
    if (!list_to_buf(a[0], &lists)) {
        r = bif_function_clause(p);
    } else if (lists.size) {
        bool ok = true;
        for (size_t i = 0; i + 1 < lists.size && ok; i++) ok = list_to_buf(lists.items[i], &out);
        r = ok ? termbuf_to_list(&out, &p->heap, lists.items[lists.size - 1]) : process_badarg(p);
    }
    termbuf_free(&lists);
    termbuf_free(&out);
    return r;
}

static Term lists_append2(Process *p, const Term *a)
{
    TermBuf out;
    termbuf_init(&out);
    Term r = list_to_buf(a[0], &out) ? termbuf_to_list(&out, &p->heap, a[1]) : process_badarg(p);
    termbuf_free(&out);
    return r;
}

/* Flattens nested proper lists into `out` with an explicit stack. */
static bool flatten_into(Term list, TermBuf *out)
{
    TermBuf stack;
    termbuf_init(&stack);
    bool ok = true;
    for (;;) {
        if (term_is_cons(list)) {
            Term h = cons_head(list);
            list = cons_tail(list);
            if (term_is_list(h)) {
                termbuf_push(&stack, list);
                list = h;
            } else {
                termbuf_push(out, h);
            }
            continue;
        }
        if (list != TERM_NIL) { ok = false; break; }
        if (!stack.size) break;
        list = stack.items[--stack.size];
    }
    termbuf_free(&stack);
    return ok;
}

static Term lists_flatten_impl(Process *p, Term list, Term tail)
{
    if (!term_is_list(list)) return bif_function_clause(p);
    TermBuf out;
    termbuf_init(&out);
    Term r = flatten_into(list, &out) ? termbuf_to_list(&out, &p->heap, tail) : bif_function_clause(p);
    termbuf_free(&out);
    return r;
}

static Term lists_flatten1(Process *p, const Term *a) { return lists_flatten_impl(p, a[0], TERM_NIL); }

static Term lists_flatten2(Process *p, const Term *a)
{
    size_t n;
    if (!bif_list_length(a[1], &n)) return bif_function_clause(p);
    return lists_flatten_impl(p, a[0], a[1]);
}

static Term lists_flatlength(Process *p, const Term *a)
{
    TermBuf out;
    termbuf_init(&out);
    Term r = term_is_list(a[0]) && flatten_into(a[0], &out) ? small_make((int64_t)out.size) : bif_function_clause(p);
    termbuf_free(&out);
    return r;
}

/* The first `len` elements of `list` (fewer if it is shorter). */
static Term take_prefix(Process *p, Term list, int64_t len)
{
    TermBuf out;
    termbuf_init(&out);
    for (; len > 0 && term_is_cons(list); len--, list = cons_tail(list)) termbuf_push(&out, cons_head(list));
    Term r = termbuf_to_list(&out, &p->heap, TERM_NIL);
    termbuf_free(&out);
    return r;
}

static Term lists_sublist2(Process *p, const Term *a)
{
    int64_t len;
    if (!term_is_list(a[0]) || !bif_small_in(a[1], 0, SMALL_MAX, &len)) return bif_function_clause(p);
    return take_prefix(p, a[0], len);
}

static Term lists_sublist3(Process *p, const Term *a)
{
    int64_t start, len;
    if (!term_is_list(a[0]) || !bif_small_in(a[1], 1, SMALL_MAX, &start) || !bif_small_in(a[2], 0, SMALL_MAX, &len))
        return bif_function_clause(p);
    Term l = a[0];
    for (; start > 1 && term_is_cons(l); start--) l = cons_tail(l);
    if (start > 1) return TERM_NIL;
    return take_prefix(p, l, len);
}

static Term lists_delete(Process *p, const Term *a)
{
    TermBuf before;
    termbuf_init(&before);
    Term l = a[1], r = TERM_NONE;
    for (; term_is_cons(l); l = cons_tail(l)) {
        if (term_exact_equal(cons_head(l), a[0])) {
            r = termbuf_to_list(&before, &p->heap, cons_tail(l));
            break;
        }
        termbuf_push(&before, cons_head(l));
    }
    if (r == TERM_NONE) r = l == TERM_NIL ? a[1] : bif_function_clause(p);
    termbuf_free(&before);
    return r;
}

static Term lists_subtract(Process *p, const Term *a) { return bif_list_subtract(p, a[0], a[1]); }

static Term lists_zip(Process *p, const Term *a)
{
    TermBuf out;
    termbuf_init(&out);
    Term x = a[0], y = a[1];
    for (; term_is_cons(x) && term_is_cons(y); x = cons_tail(x), y = cons_tail(y))
        termbuf_push(&out, tuple2(&p->heap, cons_head(x), cons_head(y)));
    Term r = x == TERM_NIL && y == TERM_NIL ? termbuf_to_list(&out, &p->heap, TERM_NIL) : bif_function_clause(p);
    termbuf_free(&out);
    return r;
}

static Term lists_unzip(Process *p, const Term *a)
{
    TermBuf xs, ys;
    termbuf_init(&xs);
    termbuf_init(&ys);
    Term r;
    if (!bif_pairs_read(a[0], &xs, &ys)) r = bif_function_clause(p);
    else r = tuple2(&p->heap, termbuf_to_list(&xs, &p->heap, TERM_NIL), termbuf_to_list(&ys, &p->heap, TERM_NIL));
    termbuf_free(&xs);
    termbuf_free(&ys);
    return r;
}

static Term lists_split(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, SMALL_MAX, &n)) return process_badarg(p);
    TermBuf before;
    termbuf_init(&before);
    Term l = a[1];
    for (; n > 0 && term_is_cons(l); n--, l = cons_tail(l)) termbuf_push(&before, cons_head(l));
    Term r = n > 0 ? process_badarg(p) : tuple2(&p->heap, termbuf_to_list(&before, &p->heap, TERM_NIL), l);
    termbuf_free(&before);
    return r;
}

/* ---- folds ---------------------------------------------------------------------- */

static Term lists_max(Process *p, const Term *a)
{
    Term l = a[0];
    if (!term_is_cons(l)) return bif_function_clause(p);
    Term best = cons_head(l);
    for (l = cons_tail(l); term_is_cons(l); l = cons_tail(l))
        if (term_compare(cons_head(l), best) > 0) best = cons_head(l);
    return l == TERM_NIL ? best : bif_function_clause(p);
}

static Term lists_min(Process *p, const Term *a)
{
    Term l = a[0];
    if (!term_is_cons(l)) return bif_function_clause(p);
    Term best = cons_head(l);
    for (l = cons_tail(l); term_is_cons(l); l = cons_tail(l))
        if (term_compare(cons_head(l), best) < 0) best = cons_head(l);
    return l == TERM_NIL ? best : bif_function_clause(p);
}

static Term lists_sum(Process *p, const Term *a)
{
    Term sum = small_make(0), l = a[0];
    for (; term_is_cons(l); l = cons_tail(l)) {
        sum = arith_add(p, sum, cons_head(l));
        if (sum == TERM_NONE) return sum;
    }
    return l == TERM_NIL ? sum : bif_function_clause(p);
}

static Term lists_prefix(Process *p, const Term *a)
{
    (void)p;
    Term x = a[0], y = a[1];
    for (; term_is_cons(x) && term_is_cons(y); x = cons_tail(x), y = cons_tail(y))
        if (!term_exact_equal(cons_head(x), cons_head(y))) return ATOM_false;
    return atom_from_bool(x == TERM_NIL);
}

static Term lists_suffix(Process *p, const Term *a)
{
    size_t nx, ny;
    if (!bif_list_length(a[0], &nx) || !bif_list_length(a[1], &ny)) return bif_function_clause(p);
    if (nx > ny) return ATOM_false;
    Term y = a[1];
    for (size_t i = 0; i < ny - nx; i++) y = cons_tail(y);
    for (Term x = a[0]; term_is_cons(x); x = cons_tail(x), y = cons_tail(y))
        if (!term_exact_equal(cons_head(x), cons_head(y))) return ATOM_false;
    return ATOM_true;
}

const NativeDef bif_lists_natives[] = {
    {"lists", "reverse", 1, lists_reverse1},
    {"lists", "reverse", 2, lists_reverse2},
    {"lists", "member", 2, lists_member},
    {"lists", "nth", 2, lists_nth},
    {"lists", "nthtail", 2, lists_nthtail},
    {"lists", "last", 1, lists_last},
    {"lists", "droplast", 1, lists_droplast},
    {"lists", "keyfind", 3, lists_keyfind},
    {"lists", "keymember", 3, lists_keymember},
    {"lists", "keysearch", 3, lists_keysearch},
    {"lists", "keydelete", 3, lists_keydelete},
    {"lists", "keyreplace", 4, lists_keyreplace},
    {"lists", "keystore", 4, lists_keystore},
    {"lists", "keytake", 3, lists_keytake},
    {"lists", "sort", 1, lists_sort},
    {"lists", "usort", 1, lists_usort},
    {"lists", "keysort", 2, lists_keysort},
    {"lists", "ukeysort", 2, lists_ukeysort},
    {"lists", "merge", 2, lists_merge2},
    {"lists", "seq", 2, lists_seq2},
    {"lists", "seq", 3, lists_seq3},
    {"lists", "duplicate", 2, lists_duplicate},
    {"lists", "append", 1, lists_append1},
    {"lists", "append", 2, lists_append2},
    {"lists", "flatten", 1, lists_flatten1},
    {"lists", "flatten", 2, lists_flatten2},
    {"lists", "flatlength", 1, lists_flatlength},
    {"lists", "sublist", 2, lists_sublist2},
    {"lists", "sublist", 3, lists_sublist3},
    {"lists", "delete", 2, lists_delete},
    {"lists", "subtract", 2, lists_subtract},
    {"lists", "zip", 2, lists_zip},
    {"lists", "unzip", 1, lists_unzip},
    {"lists", "split", 2, lists_split},
    {"lists", "max", 1, lists_max},
    {"lists", "min", 1, lists_min},
    {"lists", "sum", 1, lists_sum},
    {"lists", "prefix", 2, lists_prefix},
    {"lists", "suffix", 2, lists_suffix},
    {NULL, NULL, 0, NULL},
};
