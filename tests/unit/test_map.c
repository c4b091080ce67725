/* test_map.c - flat maps and tries; key orders were checked in Elixir
 * 1.14 / OTP 25 (e.g. %{2 => :a, 1.0 => :b, 1 => :c} prints as
 * %{1 => :c, 2 => :a, 1.0 => :b}). */
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "check.h"
#include "compare.h"
#include "map.h"
#include "map_order.h"
#include "runtime.h"

static Heap heap;
static Heap *h = &heap;

static Term flt(double d) { return float_new(h, d); }
static Term atom(const char *s) { return atom_from_cstr(s); }
static Term num(int64_t v) { return small_make(v); }

static bool keys_are(Term m, size_t n, const Term *want)
{
    if (map_size(m) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (term_compare_exact(map_keys(m)[i], want[i]) != 0) return false;
    return true;
}

/* Every key of m maps to its double, and m's walk, sorted copy and size agree. */
static bool holds_doubles(Term m, size_t n)
{
    if (map_size(m) != n) return false;
    MapIter it;
    Term k, v;
    size_t seen = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        if (v != num(2 * small_value(k)) || map_get(m, k) != v) return false;
        seen++;
    }
    return seen == n;
}

/* Big maps: puts, updates and removes keep every key, share what they do
 * not change, and the shape depends on the keys alone. */
static void check_trie(void)
{
    enum { N = 5000 };
    Term m = map_empty(h), fwd = m, rev;
    for (int i = 0; i < N; i++) fwd = map_put(h, fwd, num(i), num(2 * i));
    rev = m;
    for (int i = N; i-- > 0;) rev = map_put(h, rev, num(i), num(2 * i));
    CHECK(holds_doubles(fwd, N) && holds_doubles(rev, N), "5000 puts keep every key");
    CHECK(term_compare_exact(fwd, rev) == 0 && term_hash(fwd) == term_hash(rev),
          "puts in either order give equal maps with equal hashes");
    Term ks[N], vs[N];
    map_to_arrays(fwd, ks, vs);
    Term built = map_from_pairs(h, N, ks, vs);
    CHECK(term_hash(built) == term_hash(fwd) && term_compare_exact(built, fwd) == 0, "from_pairs builds the same trie");
    CHECK(map_put(h, fwd, num(7), num(14)) == fwd, "putting the same value returns the same map");
    CHECK(map_update(h, fwd, num(N), num(0)) == TERM_NONE, "update of an absent key");
    Term upd = map_update(h, fwd, num(7), atom("x"));
    CHECK(map_get(upd, num(7)) == atom("x") && map_get(fwd, num(7)) == num(14), "update leaves the old map alone");
    size_t words = term_size_words(fwd);
    size_t before = h->allocated_words;
    Term one = map_put(h, fwd, num(N), num(2 * N));
    CHECK(h->allocated_words - before < 200 && map_size(one) == N + 1, "a put copies only a path");
    CHECK(words > 2 * N, "term_size_words counts the whole trie");
    Term copied = term_copy(h, fwd);
    CHECK(copied != fwd && term_compare_exact(copied, fwd) == 0 && holds_doubles(copied, N), "term_copy of a trie");

    /* Removing every other key, then the rest: canonical all the way. */
    Term r = fwd;
    for (int i = 0; i < N; i += 2) r = map_remove(h, r, num(i));
    Term odd = map_empty(h);
    for (int i = 1; i < N; i += 2) odd = map_put(h, odd, num(i), num(2 * i));
    CHECK(term_compare_exact(r, odd) == 0 && term_hash(r) == term_hash(odd), "removes give the trie of what is left");
    CHECK(map_remove(h, r, num(0)) == r, "removing an absent key returns the map");
    for (int i = 1; i < N - 64; i += 2) r = map_remove(h, r, num(i));
    CHECK(map_size(r) == 32 && map_is_flat(r) && holds_doubles(r, 32), "down to 32 keys the map is flat");
    bool sorted = true;
    for (size_t i = 0; i + 1 < 32; i++) sorted = sorted && term_compare_exact(map_keys(r)[i], map_keys(r)[i + 1]) < 0;
    CHECK(sorted, "and sorted again");
    Term grown = map_put(h, r, num(-1), num(-2));
    CHECK(map_size(grown) == 33 && !map_is_flat(grown) && holds_doubles(grown, 33), "33 keys make a trie");

    /* Merges between flat and big maps; b's values win. */
    Term small = map_from_pairs(h, 3, (Term[]){num(1), num(-5), num(N + 1)}, (Term[]){atom("a"), atom("b"), atom("c")});
    Term ab = map_merge(h, fwd, small), ba = map_merge(h, small, fwd);
    CHECK(map_size(ab) == N + 2 && map_get(ab, num(1)) == atom("a") && map_get(ab, num(N + 1)) == atom("c"),
          "merge into a big map: the small map's values win");
    CHECK(map_size(ba) == N + 2 && map_get(ba, num(1)) == num(2) && map_get(ba, num(-5)) == atom("b"),
          "merge of a small map into a big one: the big map's values win");
    Term f1[20], f2[20], v20[20];
    for (int i = 0; i < 20; i++) f1[i] = num(i), f2[i] = num(100 + i), v20[i] = num(0);
    Term m40 = map_merge(h, map_from_pairs(h, 20, f1, v20), map_from_pairs(h, 20, f2, v20));
    CHECK(map_size(m40) == 40 && !map_is_flat(m40) && map_get(m40, num(119)) == num(0), "two flat maps merge into a trie");

    /* Keys of every kind, compared as the flat map compares them. */
    Term mixed[64], mv[64];
    for (int i = 0; i < 64; i++) {
        mixed[i] = i % 4 == 0 ? flt(i + 0.5) : i % 4 == 1 ? binary_from_cstr(h, (char[]){(char)('A' + i), 0})
                 : i % 4 == 2 ? tuple_from(h, 2, (Term[]){atom("k"), num(i)}) : num(i);
        mv[i] = num(i);
    }
    Term mm = map_from_pairs(h, 64, mixed, mv);
    bool all = map_size(mm) == 64;
    for (int i = 0; i < 64; i++) all = all && map_get(mm, mixed[i]) == num(i);
    CHECK(all, "floats, binaries and tuples are found in a trie");
    CHECK(map_get(mm, flt(1.0)) == TERM_NONE && map_get(mm, num(0)) == TERM_NONE, "1.0 is not 1 in a trie either");
    Term mm2 = map_put(h, mm, tuple_from(h, 2, (Term[]){atom("k"), num(2)}), atom("new"));
    CHECK(map_size(mm2) == 64 && map_get(mm2, mixed[2]) == atom("new"), "an equal tuple key replaces the value");
}

/* A million keys, built by puts and in one pass, read back in OTP's order
 * (recorded from Elixir 1.14 / OTP 25: Map.keys(Map.new(1..1_000_000,
 * &{&1, &1})), its first and last keys and a rolling hash of all of them,
 * acc * 1_000_003 + key mod 2^61 - 1). */
static void check_million(void)
{
    enum { M = 1000000 };
    static const int64_t head[] = {898286, 175043, 311894, 519014, 191227, 603702, 666929, 145702, 325399, 292030,
                                   55667, 593819, 136297, 674064, 723307, 653444, 381709, 630290, 828713, 406719};
    static const int64_t tail[] = {101074, 900699, 397860, 67346, 831795, 453254, 638713, 218787, 341615, 80242,
                                   721653, 154228, 126606, 921503, 919226, 816070, 174020, 22730, 639096, 877474};
    Heap big;
    heap_init(&big, 1 << 20);
    Term *ks = malloc(M * sizeof *ks), *listed = malloc(M * sizeof *listed);
    for (int i = 0; i < M; i++) ks[i] = num(i + 1);
    Term built = map_from_pairs(&big, M, ks, ks);
    Term put = map_empty(&big);
    for (int i = 0; i < M; i++) put = map_put(&big, put, ks[i], ks[i]);
    CHECK(map_size(built) == M && map_size(put) == M, "a million keys, built both ways");
    CHECK(term_compare_exact(built, put) == 0, "a million keys: puts and one pass agree");
    map_listing_arrays(put, listed, NULL);
    bool head_ok = true, tail_ok = true;
    for (int i = 0; i < 20; i++) {
        head_ok = head_ok && listed[i] == num(head[i]);
        tail_ok = tail_ok && listed[M - 20 + i] == num(tail[i]);
    }
    CHECK(head_ok && tail_ok, "a million keys: first and last listed as OTP lists them");
    unsigned __int128 acc = 0;
    const uint64_t prime = (1ULL << 61) - 1;
    for (int i = 0; i < M; i++) acc = (acc * 1000003u + (uint64_t)small_value(listed[i])) % prime;
    CHECK((uint64_t)acc == 2248066334463537759ULL, "a million keys: all listed in OTP's order");
    /* :maps.next's walk: position by position, in the order of :maps.fold
     * (map_iter_next's), each step a descent rather than a scan */
    map_to_arrays(built, listed, NULL);
    int64_t pos = 0;
    size_t walked = 0;
    bool in_order = true;
    while (pos != MAP_AT_END && walked <= M) {
        Term k, v;
        if (map_walk_at(built, pos, &k, &v, &pos) != MAP_AT_ENTRY) break;
        in_order = in_order && k == listed[walked] && v == k;
        walked++;
    }
    CHECK(walked == M && in_order && pos == MAP_AT_END, "a million keys walked position by position in fold order");
    Term k0, v0;
    int64_t after;
    CHECK(map_walk_at(built, -(500000 + 1), &k0, &v0, &after) == MAP_AT_ENTRY && k0 == listed[500000] &&
              after == -(500001 + 1),
          "an ordinal position (a path too long for a code) walks on by ordinal");
    CHECK(map_walk_at(built, INT64_MAX, &k0, &v0, &after) == MAP_AT_BAD, "a position with no path is refused");
    bool found = true;
    for (int i = 0; i < M; i++) found = found && map_get(built, ks[i]) == ks[i];
    CHECK(found, "a million keys: every key read back");
    free(ks);
    free(listed);
    heap_release(&big);
}

int main(void)
{
    runtime_init(0);
    heap_init(h, 4096);

    Term e = map_empty(h);
    CHECK(term_is_map(e) && map_size(e) == 0, "empty map");
    CHECK(map_get(e, atom("a")) == TERM_NONE, "get from the empty map");

    /* Map.new([a: 1, b: 2, a: 3]) == %{a: 3, b: 2} */
    Term m = map_from_pairs(h, 3, (Term[]){atom("a"), atom("b"), atom("a")}, (Term[]){num(1), num(2), num(3)});
    CHECK(map_size(m) == 2, "duplicate keys collapse");
    CHECK(map_get(m, atom("a")) == num(3), "the later duplicate wins");
    CHECK(map_get(m, atom("b")) == num(2), "other keys keep their value");
    CHECK(map_get(m, atom("c")) == TERM_NONE, "absent key");

    /* integers sort before floats */
    Term nm = map_from_pairs(h, 5, (Term[]){num(2), flt(1.0), num(1), flt(0.5), flt(3.0)},
                             (Term[]){atom("a"), atom("b"), atom("c"), atom("d"), atom("e")});
    CHECK(keys_are(nm, 5, (Term[]){num(1), num(2), flt(0.5), flt(1.0), flt(3.0)}), "keys [1, 2, 0.5, 1.0, 3.0]");
    CHECK(map_get(nm, num(1)) == atom("c") && map_get(nm, flt(1.0)) == atom("b"), "1 and 1.0 are different keys");
    CHECK(map_get(nm, flt(2.0)) == TERM_NONE, "2.0 does not find 2");
    Term z = map_from_pairs(h, 2, (Term[]){flt(0.0), flt(-0.0)}, (Term[]){num(1), num(2)});
    CHECK(map_size(z) == 1 && map_get(z, flt(0.0)) == num(2), "%{0.0 => 1, -0.0 => 2} == %{0.0 => 2}");

    /* keys of every type, in term order */
    Term str = binary_from_cstr(h, "s");
    Term tup = tuple_from(h, 1, (Term[]){num(1)});
    Term lst = list_from(h, 1, (Term[]){num(1)});
    Term mixed = map_from_pairs(h, 6, (Term[]){str, atom("a"), num(1), tup, lst, map_empty(h)},
                                (Term[]){num(1), num(2), num(3), num(4), num(5), num(6)});
    CHECK(keys_are(mixed, 6, (Term[]){num(1), atom("a"), tup, map_empty(h), lst, str}),
          "keys [1, :a, {1}, %{}, [1], \"s\"]");
    CHECK(map_get(mixed, binary_from_cstr(h, "s")) == num(1), "a binary key found by an equal binary");
    CHECK(map_get(mixed, tuple_from(h, 1, (Term[]){num(1)})) == num(4), "a tuple key found by an equal tuple");
    CHECK(map_get(mixed, tuple_from(h, 1, (Term[]){flt(1.0)})) == TERM_NONE, "{1.0} does not find {1}");
    Term long_text = binary_from_cstr(h, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxs");
    CHECK(map_get(mixed, bitstring_slice(h, long_text, 32 * 8, 8)) == num(1), "a sub-binary finds a binary key");

    /* put, update, remove never change their input */
    Term m2 = map_put(h, m, atom("c"), num(4));
    CHECK(map_size(m2) == 3 && map_size(m) == 2, "put of a new key grows a copy");
    CHECK(keys_are(m2, 3, (Term[]){atom("a"), atom("b"), atom("c")}), "put keeps keys sorted");
    Term m3 = map_put(h, m2, atom("a"), num(10));
    CHECK(map_get(m3, atom("a")) == num(10) && map_get(m2, atom("a")) == num(3), "put replaces in a copy");
    CHECK(map_put(h, m3, atom("a"), num(10)) == m3, "putting the same value returns the same map");
    Term m4 = map_put(h, m2, atom("0"), num(0));
    CHECK(keys_are(m4, 4, (Term[]){atom("0"), atom("a"), atom("b"), atom("c")}), "put at the front");
    CHECK(map_update(h, m2, atom("zz"), num(1)) == TERM_NONE, "update of an absent key");
    Term m5 = map_update(h, m2, atom("b"), num(20));
    CHECK(map_get(m5, atom("b")) == num(20) && map_size(m5) == 3, "update of a present key");
    Term m6 = map_remove(h, m2, atom("b"));
    CHECK(keys_are(m6, 2, (Term[]){atom("a"), atom("c")}) && map_size(m2) == 3, "remove");
    CHECK(map_remove(h, m2, atom("nope")) == m2, "remove of an absent key returns the same map");
    CHECK(map_size(map_remove(h, map_remove(h, m6, atom("a")), atom("c"))) == 0, "remove down to empty");

    /* Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}) == %{a: 1, b: 3, c: 4} */
    Term ma = map_from_pairs(h, 2, (Term[]){atom("a"), atom("b")}, (Term[]){num(1), num(2)});
    Term mb = map_from_pairs(h, 2, (Term[]){atom("b"), atom("c")}, (Term[]){num(3), num(4)});
    Term mm = map_merge(h, ma, mb);
    CHECK(keys_are(mm, 3, (Term[]){atom("a"), atom("b"), atom("c")}), "merge keys");
    CHECK(map_get(mm, atom("a")) == num(1) && map_get(mm, atom("b")) == num(3) && map_get(mm, atom("c")) == num(4),
          "merge: the second map's values win");
    CHECK(map_merge(h, ma, e) == ma && map_merge(h, e, mb) == mb, "merge with an empty map");
    Term disjoint = map_merge(h, mb, map_from_pairs(h, 1, (Term[]){atom("a")}, (Term[]){num(9)}));
    CHECK(keys_are(disjoint, 3, (Term[]){atom("a"), atom("b"), atom("c")}), "merge of disjoint maps");

    /* a large map built in scrambled order */
    enum { N = 1000 };
    Term ks[N], vs[N];
    for (int i = 0; i < N; i++) {
        int k = (i * 7919) % N;
        ks[i] = num(k);
        vs[i] = num(k * 2);
    }
    Term big = map_from_pairs(h, N, ks, vs);
    bool sorted = map_size(big) == N;
    Term sorted_keys[N];
    map_sorted_arrays(big, sorted_keys, NULL);
    for (int i = 0; i < N && sorted; i++) sorted = sorted_keys[i] == num(i);
    CHECK(sorted, "1000 keys come out sorted");
    bool found = true;
    for (int i = 0; i < N; i++) found = found && map_get(big, num(i)) == num(2 * i);
    CHECK(found, "every key of a large map is found");
    CHECK(map_get(big, num(N)) == TERM_NONE && map_get(big, num(-1)) == TERM_NONE, "absent keys of a large map");
    Term grown = e;
    for (int i = N; i-- > 0;) grown = map_put(h, grown, ks[i], vs[i]);
    CHECK(term_compare_exact(grown, big) == 0, "a map built by puts equals one built from pairs");
    /* stable: with many duplicates the last one still wins */
    for (int i = 0; i < N; i++) {
        ks[i] = num(i % 10);
        vs[i] = num(i);
    }
    Term dup = map_from_pairs(h, N, ks, vs);
    CHECK(map_size(dup) == 10 && map_get(dup, num(3)) == num(993), "the last of many duplicates wins");
    for (int i = 0; i < N; i++) {
        ks[i] = num(i % 40);
        vs[i] = num(i);
    }
    dup = map_from_pairs(h, N, ks, vs);
    CHECK(map_size(dup) == 40 && !map_is_flat(dup) && map_get(dup, num(3)) == num(963),
          "the last of many duplicates wins in a big map");

    check_trie();
    check_million();

    heap_release(h);
    CHECK_DONE();
}
