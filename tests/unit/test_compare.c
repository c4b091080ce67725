/* test_compare.c - Erlang term order, exact order and hashing; expected
 * orders were checked in Elixir 1.14 / OTP 25. */
#include "atom.h"
#include "binary.h"
#include "check.h"
#include "compare.h"
#include "integer.h"
#include "map.h"
#include "process.h"
#include "runtime.h"

static Heap heap;
static Heap *h = &heap;

static Term flt(double d) { return float_new(h, d); }
static Term atom(const char *s) { return atom_from_cstr(s); }
static Term bin(const char *s) { return binary_from_cstr(h, s); }
static Term big(const char *s) { return integer_parse(h, s, strlen(s), 10); }

/* A bitstring of `bits` bits holding `value` (big-endian). */
static Term bits(uint64_t value, size_t nbits)
{
    BinBuilder b;
    binbuild_init(&b);
    binbuild_integer(&b, integer_from_u64(h, value), nbits, false, false);
    return binbuild_finish(&b, h);
}

static Term map1(Term k, Term v) { return map_from_pairs(h, 1, &k, &v); }
static Term map2(Term k1, Term v1, Term k2, Term v2)
{
    Term ks[2] = {k1, k2}, vs[2] = {v1, v2};
    return map_from_pairs(h, 2, ks, vs);
}

static Term export_new(Term m, Term f, int arity)
{
    Term *p = heap_alloc(h, 4);
    p[0] = header_make(BOX_EXPORT, 3);
    p[1] = m;
    p[2] = f;
    p[3] = small_make(arity);
    return boxed_from_ptr(p);
}

static bool less(Term a, Term b) { return term_compare(a, b) < 0 && term_compare(b, a) > 0; }
static bool exact_less(Term a, Term b) { return term_compare_exact(a, b) < 0 && term_compare_exact(b, a) > 0; }

int main(void)
{
    runtime_init(0);
    heap_init(h, 4096);

    /* the order of types */
    Term ref = ref_new(h, 7), fun = export_new(atom("lists"), atom("map"), 2), pid = pid_make(3);
    Term tuple0 = tuple_new(h, 0), map0 = map_empty(h), list1 = list_from(h, 1, (Term[]){small_make(1)});
    Term ordered[] = {big("-100000000000000000000"), small_make(1), flt(2.5), atom("a"), ref, fun, pid,
                      tuple0, map0, TERM_NIL, list1, bin("")};
    bool all = true;
    for (size_t i = 0; i + 1 < sizeof ordered / sizeof ordered[0]; i++) all = all && less(ordered[i], ordered[i + 1]);
    CHECK(all, "number < atom < reference < fun < pid < tuple < map < [] < list < bitstring");

    /* numbers */
    CHECK(term_compare(small_make(1), flt(1.0)) == 0, "1 == 1.0");
    CHECK(term_compare_exact(small_make(1), flt(1.0)) != 0, "1 !== 1.0");
    CHECK(exact_less(small_make(1), flt(1.0)), "exact order: 1 before 1.0");
    CHECK(exact_less(small_make(2), flt(1.0)), "exact order: every integer before every float");
    CHECK(less(flt(1.0), small_make(2)) && less(small_make(1), flt(1.5)), "mixed numbers compare by value");
    CHECK(term_compare_exact(flt(0.0), flt(-0.0)) == 0, "0.0 === -0.0 (OTP 25)");
    CHECK(term_compare(big("18446744073709551616"), flt(1.8446744073709552e19)) == 0, "2^64 == 1.8446744073709552e19");
    CHECK(less(flt(1.8446744073709552e19), big("18446744073709551617")), "2^64 + 1 > 1.8446744073709552e19");
    Term p400;
    {
        Process pr = {0};
        pr.heap = heap;
        p400 = arith_int_pow(&pr, small_make(10), small_make(400));
        heap = pr.heap;
    }
    CHECK(less(flt(1.0e308), p400), "10^400 > 1.0e308");
    CHECK(less(flt(-1.0e308), small_make(-1)) && less(flt(-1.0e30), big("-100000000000000000000")), "negative floats and integers");
    CHECK(less(small_make(SMALL_MAX), flt(1.152921504606847e18)), "2^60 - 1 < 1.152921504606847e18");
    CHECK(less(big("-100000000000000000000"), big("-99999999999999999999")), "negative bignums");

    /* atoms by their UTF-8 text */
    CHECK(less(atom("abc"), atom("abd")) && less(atom("ab"), atom("abc")), ":abc < :abd, :ab < :abc");
    CHECK(less(atom("z"), atom("\xce\xa9")), ":z < :\"Ω\"");
    CHECK(less(atom("Elixir.Zed"), atom("abc")), "module atoms sort by their full text");

    /* tuples: size first */
    CHECK(less(tuple2(h, small_make(9), small_make(9)), tuple3(h, small_make(0), small_make(0), small_make(0))),
          "{9, 9} < {0, 0, 0}");
    CHECK(less(tuple2(h, small_make(1), small_make(2)), tuple2(h, small_make(1), small_make(3))), "{1, 2} < {1, 3}");
    CHECK(term_compare(tuple2(h, small_make(1), flt(2.0)), tuple2(h, flt(1.0), small_make(2))) == 0, "{1, 2.0} == {1.0, 2}");
    CHECK(term_compare_exact(tuple2(h, small_make(1), flt(2.0)), tuple2(h, flt(1.0), small_make(2))) < 0,
          "{1, 2.0} exact-before {1.0, 2}");
    CHECK(exact_less(tuple_from(h, 1, (Term[]){small_make(2)}), tuple_from(h, 1, (Term[]){flt(1.0)})),
          "exact order inside tuples: {2} before {1.0}");

    /* lists */
    Term l12 = list_from(h, 2, (Term[]){small_make(1), small_make(2)});
    Term l13 = list_from(h, 2, (Term[]){small_make(1), small_make(3)});
    CHECK(less(l12, l13), "[1, 2] < [1, 3]");
    CHECK(less(list1, l12), "[1] < [1, 2]");
    CHECK(less(cons_new(h, small_make(1), small_make(2)), l12), "[1 | 2] < [1, 2]");
    CHECK(less(TERM_NIL, list1), "[] < [1]");

    /* bitstrings: bit by bit, then by length */
    CHECK(less(bits(0, 16), bits(1, 1)), "<<0, 0>> < <<1::1>>");
    CHECK(less(bin("\x01\x02"), bin("\x01\x02\x03")), "<<1, 2>> < <<1, 2, 3>>");
    CHECK(less(bits(127, 7), bin("\xff")), "<<255::7>> < <<255>>");
    CHECK(less(bits(1, 2), bits(1, 1)), "<<1::2>> < <<1::1>>");
    CHECK(less(bin("abc"), bin("abd")) && less(bin("ab"), bin("b")), "binaries compare bytewise");
    Term long_bin = bin("0123456789abcdefghijklmnopqrstuvwxyz");
    Term slice = bitstring_slice(h, long_bin, 80, 26 * 8);
    CHECK(term_compare(slice, bin("abcdefghijklmnopqrstuvwxyz")) == 0, "a sub-binary equals a binary of its bytes");
    Term odd = bitstring_slice(h, long_bin, 3, 8 * 30 + 1);
    Term odd_same = bitstring_slice(h, bitstring_slice(h, long_bin, 1, 8 * 34), 2, 8 * 30 + 1);
    CHECK(term_compare(odd, odd_same) == 0, "unaligned slices of the same bits are equal");
    CHECK(term_hash(odd) == term_hash(odd_same), "unaligned slices of the same bits hash alike");
    CHECK(term_hash(slice) == term_hash(bin("abcdefghijklmnopqrstuvwxyz")), "sub-binary and binary hash alike");

    /* maps: size, then keys in exact order, then values */
    CHECK(less(map2(atom("a"), small_make(2), atom("b"), small_make(1)), map2(atom("a"), small_make(1), atom("c"), small_make(1))),
          "%{a: 2, b: 1} < %{a: 1, c: 1}");
    CHECK(less(map1(atom("a"), small_make(2)), map1(atom("b"), small_make(1))), "%{a: 2} < %{b: 1}");
    CHECK(less(map1(small_make(1), atom("a")), map1(flt(1.0), atom("a"))), "%{1 => :a} < %{1.0 => :a}");
    CHECK(less(map1(small_make(2), small_make(1)), map1(flt(1.0), small_make(1))), "%{2 => 1} < %{1.0 => 1}");
    CHECK(term_compare(map1(atom("a"), small_make(1)), map1(atom("a"), flt(1.0))) == 0, "%{a: 1} == %{a: 1.0}");
    CHECK(term_compare_exact(map1(atom("a"), small_make(1)), map1(atom("a"), flt(1.0))) != 0, "%{a: 1} !== %{a: 1.0}");
    CHECK(term_compare(map1(small_make(1), small_make(1)), map1(flt(1.0), small_make(1))) != 0, "%{1 => 1} != %{1.0 => 1}");
    CHECK(less(map1(atom("z"), small_make(1)), map2(atom("a"), small_make(1), atom("b"), small_make(1))), "smaller maps first");

    /* pids, refs, funs */
    CHECK(less(pid_make(2), pid_make(10)), "pids by serial");
    CHECK(less(ref_new(h, 5), ref_new(h, 6)) && term_compare(ref_new(h, 5), ref_new(h, 5)) == 0, "refs by id");
    CHECK(term_compare(export_new(atom("m"), atom("f"), 1), export_new(atom("m"), atom("f"), 1)) == 0, "equal exports");
    CHECK(less(export_new(atom("m"), atom("f"), 1), export_new(atom("m"), atom("f"), 2)), "exports order by arity");

    /* long and deep terms do not use the C stack */
    enum { LONG = 1000000 };
    Term la = TERM_NIL, lb = TERM_NIL;
    for (int i = 0; i < LONG; i++) {
        la = cons_new(h, small_make(i), la);
        lb = cons_new(h, small_make(i), lb);
    }
    CHECK(term_compare(la, lb) == 0, "two equal lists of a million elements");
    CHECK(term_hash(la) == term_hash(lb), "two equal long lists hash alike");
    Term lc = cons_new(h, small_make(-1), cons_tail(la));
    CHECK(less(lc, la), "long lists that differ at the head");
    Term da = TERM_NIL, db = TERM_NIL;
    for (int i = 0; i < 200000; i++) {
        da = cons_new(h, da, TERM_NIL);
        db = cons_new(h, db, TERM_NIL);
    }
    CHECK(term_compare(da, db) == 0, "lists nested 200000 deep");
    CHECK(term_hash(da) == term_hash(db), "deeply nested lists hash alike");
    Term ta = small_make(0), tb = small_make(1);
    for (int i = 0; i < 100000; i++) {
        ta = tuple2(h, atom("x"), ta);
        tb = tuple2(h, atom("x"), tb);
    }
    CHECK(less(ta, tb), "tuples nested 100000 deep");

    /* hashing agrees with exact equality */
    CHECK(term_hash(flt(0.0)) == term_hash(flt(-0.0)), "hash(0.0) == hash(-0.0)");
    CHECK(term_hash(tuple2(h, atom("ok"), bin("x"))) == term_hash(tuple2(h, atom("ok"), bin("x"))), "equal tuples hash alike");
    CHECK(term_hash(big("100000000000000000000")) == term_hash(big("100000000000000000000")), "equal bignums hash alike");
    CHECK(term_hash(map2(atom("a"), small_make(1), atom("b"), l12)) == term_hash(map2(atom("b"), l12, atom("a"), small_make(1))),
          "equal maps hash alike");
    CHECK(term_hash(small_make(1)) != term_hash(small_make(2)), "different integers hash apart");

    heap_release(h);
    CHECK_DONE();
}
