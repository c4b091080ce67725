/* test_map.c - sorted flat maps; key orders were checked in Elixir 1.14 /
 * OTP 25 (e.g. %{2 => :a, 1.0 => :b, 1 => :c} prints as
 * %{1 => :c, 2 => :a, 1.0 => :b}). */
#include "atom.h"
#include "binary.h"
#include "check.h"
#include "compare.h"
#include "map.h"
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
    for (int i = 0; i < N && sorted; i++) sorted = map_keys(big)[i] == num(i);
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

    heap_release(h);
    CHECK_DONE();
}
