/* test_integer.c - integers and number arithmetic; every expected value was
 * produced by Elixir 1.14 / OTP 25. */
#include <math.h>
#include <stdlib.h>

#include "atom.h"
#include "check.h"
#include "integer.h"
#include "process.h"
#include "runtime.h"

static Process proc;
static Process *p = &proc;

/* Decimal text of an integer term, in a rotating static buffer. */
static const char *dec(Term t)
{
    static char bufs[8][256];
    static int next;
    char *b = bufs[next++ & 7];
    if (t == TERM_NONE) return "NONE";
    if (!term_is_integer(t)) return "not an integer";
    char *s = integer_to_cstring(t, 10);
    snprintf(b, sizeof bufs[0], "%s", s);
    free(s);
    return b;
}

static const char *in_base(Term t, int base)
{
    static char buf[256];
    char *s = integer_to_cstring(t, base);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

static Term parse(const char *s, int base) { return integer_parse(&p->heap, s, strlen(s), base); }
static Term num(const char *s) { return parse(s, 10); }

static bool raised(Term r, Term reason)
{
    bool ok = r == TERM_NONE && p->exc_class == ATOM_error && p->exc_reason == reason;
    p->exc_class = p->exc_reason = ATOM_nil;
    return ok;
}

static bool is_float(Term t, double want) { return term_is_float(t) && float_value(t) == want; }

int main(void)
{
    runtime_init(0);
    heap_init(&p->heap, 4096);
    Term two100 = arith_int_pow(p, small_make(2), small_make(100));
    Term big64 = num("18446744073709551616");

    /* representation */
    CHECK(term_is_small(integer_from_i64(&p->heap, SMALL_MAX)), "SMALL_MAX is a small");
    CHECK(term_is_bignum(integer_from_i64(&p->heap, SMALL_MAX + 1)), "SMALL_MAX+1 is a bignum");
    CHECK(term_is_small(integer_from_i64(&p->heap, SMALL_MIN)), "SMALL_MIN is a small");
    CHECK_STR(dec(integer_from_i64(&p->heap, INT64_MIN)), "-9223372036854775808", "INT64_MIN");
    CHECK_STR(dec(integer_from_u64(&p->heap, UINT64_MAX)), "18446744073709551615", "UINT64_MAX");
    Term over = arith_add(p, small_make(SMALL_MAX), small_make(1));
    CHECK_STR(dec(over), "1152921504606846976", "small overflow on add");
    CHECK(term_is_small(arith_sub(p, over, small_make(1))), "bignum result normalizes to small");
    CHECK(arith_sub(p, two100, two100) == small_make(0), "2^100 - 2^100 is small 0");
    int64_t i64;
    CHECK(!integer_to_i64(big64, &i64), "2^64 does not fit int64");
    CHECK(integer_to_i64(integer_from_i64(&p->heap, INT64_MIN), &i64) && i64 == INT64_MIN, "INT64_MIN round trip");
    Term neg_min = arith_neg(p, small_make(SMALL_MIN));
    CHECK(term_is_bignum(neg_min) && term_is_small(arith_neg(p, neg_min)), "negating SMALL_MIN and back");

    /* + - * and pow */
    CHECK_STR(dec(arith_mul(p, small_make(1LL << 40), small_make(1LL << 40))), "1208925819614629174706176", "2^40 * 2^40");
    CHECK_STR(dec(two100), "1267650600228229401496703205376", "Integer.pow(2, 100)");
    CHECK_STR(dec(arith_int_pow(p, small_make(3), small_make(50))), "717897987691852588770249", "Integer.pow(3, 50)");
    CHECK_STR(dec(arith_int_pow(p, small_make(-2), small_make(63))), "-9223372036854775808", "Integer.pow(-2, 63)");
    CHECK_STR(dec(arith_int_pow(p, small_make(7), small_make(77))),
              "118181386580595879976868414312001964434038548836769923458287039207", "Integer.pow(7, 77)");
    CHECK(arith_int_pow(p, small_make(0), small_make(0)) == small_make(1), "0 ** 0 == 1");
    CHECK(raised(arith_int_pow(p, small_make(2), small_make(-1)), ATOM_badarith), "Integer.pow(2, -1) raises badarith");
    CHECK(is_float(arith_pow(p, float_new(&p->heap, 2.0), small_make(-1)), 0.5), "2.0 ** -1 == 0.5");
    CHECK(is_float(arith_pow(p, small_make(2), small_make(-1)), 0.5), "2 ** -1 == 0.5");
    CHECK(arith_pow(p, small_make(2), small_make(10)) == small_make(1024), "2 ** 10 == 1024");
    CHECK(is_float(arith_pow(p, small_make(2), float_new(&p->heap, 0.5)), 1.4142135623730951), "2 ** 0.5");
    CHECK(raised(arith_pow(p, float_new(&p->heap, -8.0), float_new(&p->heap, 1.0 / 3)), ATOM_badarith), "-8.0 ** (1/3) raises badarith");
    CHECK(raised(arith_pow(p, float_new(&p->heap, 2.0), small_make(1024)), ATOM_badarith), "2.0 ** 1024 raises badarith");
    CHECK(raised(arith_pow(p, small_make(0), small_make(-1)), ATOM_badarith), "0 ** -1 raises badarith");
    CHECK(raised(arith_int_pow(p, float_new(&p->heap, 2.0), small_make(2)), ATOM_badarith), "Integer.pow(2.0, 2) is refused");
    CHECK_STR(dec(arith_sub(p, arith_mul(p, big64, big64), small_make(1))),
              "340282366920938463463374607431768211455", "2^64 * 2^64 - 1");
    CHECK(raised(arith_add(p, ATOM_ok, small_make(1)), ATOM_badarith), ":ok + 1 raises badarith");

    /* div and rem truncate */
    CHECK(arith_div(p, small_make(-7), small_make(2)) == small_make(-3), "div(-7, 2) == -3");
    CHECK(arith_rem(p, small_make(-7), small_make(2)) == small_make(-1), "rem(-7, 2) == -1");
    CHECK(arith_rem(p, small_make(7), small_make(-2)) == small_make(1), "rem(7, -2) == 1");
    CHECK_STR(dec(arith_div(p, two100, small_make(-3))), "-422550200076076467165567735125", "div(2^100, -3)");
    CHECK_STR(dec(arith_div(p, arith_neg(p, two100), small_make(7))), "-181092942889747057356671886482", "div(-2^100, 7)");
    CHECK(arith_rem(p, two100, small_make(7)) == small_make(2), "rem(2^100, 7) == 2");
    CHECK(arith_rem(p, arith_neg(p, two100), small_make(7)) == small_make(-2), "rem(-2^100, 7) == -2");
    CHECK(raised(arith_div(p, small_make(1), small_make(0)), ATOM_badarith), "div by zero raises badarith");
    CHECK(raised(arith_rem(p, two100, small_make(0)), ATOM_badarith), "rem by zero raises badarith");
    CHECK(raised(arith_div(p, float_new(&p->heap, 4.0), small_make(2)), ATOM_badarith), "div on a float raises badarith");

    /* floats */
    CHECK(is_float(arith_fdiv(p, small_make(10), small_make(4)), 2.5), "10 / 4 == 2.5");
    CHECK(is_float(arith_fdiv(p, small_make(-7), small_make(2)), -3.5), "-7 / 2 == -3.5");
    CHECK(is_float(arith_fdiv(p, small_make(4), small_make(2)), 2.0), "4 / 2 is the float 2.0");
    CHECK(raised(arith_fdiv(p, small_make(1), small_make(0)), ATOM_badarith), "1 / 0 raises badarith");
    CHECK(raised(arith_fdiv(p, float_new(&p->heap, 1.0), float_new(&p->heap, 0.0)), ATOM_badarith), "1.0 / 0.0 raises badarith");
    CHECK(is_float(arith_add(p, small_make(1), float_new(&p->heap, 0.5)), 1.5), "1 + 0.5 == 1.5");
    CHECK(is_float(arith_mul(p, num("1000000000000000000000000000000"), float_new(&p->heap, 1.5)), 1.5000000000000002e30),
          "10^30 * 1.5 == 1.5000000000000002e30");
    CHECK(raised(arith_add(p, float_new(&p->heap, 1e308), float_new(&p->heap, 1e308)), ATOM_badarith), "1.0e308 + 1.0e308 raises badarith");
    Term two1100 = arith_bsl(p, small_make(1), small_make(1100));
    CHECK(raised(arith_add(p, two1100, float_new(&p->heap, 0.5)), ATOM_badarith), "(1 bsl 1100) + 0.5 raises badarith");
    Term negzero = arith_neg(p, float_new(&p->heap, 0.0));
    CHECK(term_is_float(negzero) && signbit(float_value(negzero)), "-(0.0) is -0.0");

    /* bitwise */
    CHECK(arith_band(p, small_make(-1), small_make(255)) == small_make(255), "-1 &&& 255");
    CHECK_STR(dec(arith_bxor(p, big64, small_make(-1))), "-18446744073709551617", "bxor(2^64, -1)");
    CHECK_STR(dec(arith_bnot(p, arith_neg(p, two100))), "1267650600228229401496703205375", "bnot(-2^100)");
    CHECK(arith_band(p, arith_neg(p, two100), num("1208925819614629174706175")) == small_make(0), "band(-2^100, 2^80-1) == 0");
    CHECK_STR(dec(arith_bor(p, arith_neg(p, two100), small_make(1))), "-1267650600228229401496703205375", "bor(-2^100, 1)");
    CHECK_STR(dec(arith_bsl(p, small_make(1), small_make(64))), "18446744073709551616", "1 bsl 64");
    CHECK(arith_bsr(p, small_make(-5), small_make(1)) == small_make(-3), "-5 bsr 1 == -3");
    CHECK(arith_bsl(p, small_make(-5), small_make(-1)) == small_make(-3), "-5 bsl -1 == -3");
    CHECK(arith_bsr(p, two100, small_make(98)) == small_make(4), "2^100 bsr 98 == 4");
    CHECK(arith_bsr(p, arith_neg(p, two100), small_make(200)) == small_make(-1), "-2^100 bsr 200 == -1");
    CHECK(raised(arith_bsl(p, small_make(1), big64), ATOM_system_limit), "1 bsl 2^64 raises system_limit");
    CHECK(raised(arith_bsl(p, small_make(1), small_make(33554368)), ATOM_system_limit), "1 bsl 33554368 raises system_limit");
    CHECK(arith_bsl(p, small_make(0), big64) == small_make(0), "0 bsl 2^64 == 0");
    CHECK(arith_bsr(p, small_make(1), big64) == small_make(0), "1 bsr 2^64 == 0");
    CHECK(arith_bsr(p, small_make(-1), big64) == small_make(-1), "-1 bsr 2^64 == -1");
    CHECK(raised(arith_bsl(p, small_make(1), float_new(&p->heap, 1.0)), ATOM_badarith), "1 bsl 1.0 raises badarith");
    CHECK(raised(arith_band(p, float_new(&p->heap, 1.0), small_make(1)), ATOM_badarith), "1.0 band 1 raises badarith");

    /* text */
    CHECK_STR(in_base(small_make(255), 16), "FF", "Integer.to_string(255, 16)");
    CHECK_STR(in_base(small_make(-255), 2), "-11111111", "Integer.to_string(-255, 2)");
    CHECK_STR(in_base(two100, 16), "10000000000000000000000000", "2^100 in base 16");
    CHECK_STR(in_base(arith_neg(p, two100), 36), "-3EWFDNCA0N6LD1GGVFGG", "-2^100 in base 36");
    CHECK_STR(in_base(small_make(SMALL_MAX), 2), "111111111111111111111111111111111111111111111111111111111111", "SMALL_MAX in base 2");
    CHECK(parse("123", 10) == small_make(123), "parse 123");
    CHECK(parse("+12", 10) == small_make(12), "parse +12");
    CHECK(parse("-ff", 16) == small_make(-255), "parse -ff base 16");
    CHECK(parse("zz", 36) == small_make(1295), "parse zz base 36");
    CHECK(parse("", 10) == TERM_NONE && parse("-", 10) == TERM_NONE, "parse rejects empty and lone sign");
    CHECK(parse("12a", 10) == TERM_NONE && parse("1_000", 10) == TERM_NONE && parse(" 12", 10) == TERM_NONE,
          "parse rejects stray characters");
    CHECK(parse("2", 2) == TERM_NONE, "parse rejects a digit beyond the base");
    CHECK_STR(dec(parse("123456789012345678901234567890", 10)), "123456789012345678901234567890", "parse a bignum");
    CHECK_STR(dec(parse("-FfFfFfFfFfFfFfFfFfFf", 16)), "-1208925819614629174706175", "parse a negative hex bignum");
    CHECK(term_is_bignum(parse("9223372036854775807", 10)), "parse INT64_MAX gives a bignum");
    CHECK(parse("-0", 10) == small_make(0) && parse("007", 10) == small_make(7), "parse -0 and leading zeros");
    CHECK_STR(dec(parse("-1152921504606846976", 10)), "-1152921504606846976", "parse SMALL_MIN");
    CHECK(term_is_small(parse("-1152921504606846976", 10)), "SMALL_MIN parses to a small");
    CHECK_STR(dec(parse("-9223372036854775808", 10)), "-9223372036854775808", "parse INT64_MIN");
    CHECK_STR(dec(parse("99999999999999999999999999999999999999999", 10)), "99999999999999999999999999999999999999999",
              "parse a long run of nines");
    CHECK_STR(in_base(small_make(SMALL_MIN), 16), "-1000000000000000", "SMALL_MIN in base 16");
    CHECK_STR(in_base(small_make(0), 2), "0", "zero in base 2");

    /* conversions with floats */
    Term p54 = arith_bsl(p, small_make(1), small_make(54));
    CHECK(integer_to_double(arith_add(p, p54, small_make(3))) == 1.8014398509481988e16, "float(2^54 + 3) rounds to nearest");
    CHECK(integer_to_double(arith_add(p, p54, small_make(2))) == 1.8014398509481984e16, "float(2^54 + 2) ties to even");
    Term p80 = arith_bsl(p, small_make(1), small_make(80));
    Term p27 = arith_bsl(p, small_make(1), small_make(27));
    CHECK(integer_to_double(arith_add(p, p80, p27)) == 1.2089258196146292e24, "float(2^80 + 2^27) ties to even");
    CHECK(integer_to_double(arith_add(p, arith_add(p, p80, p27), small_make(1))) == 1.2089258196146294e24,
          "float(2^80 + 2^27 + 1) rounds up");
    CHECK(isinf(integer_to_double(two1100)), "float(2^1100) is infinite");
    CHECK_STR(dec(integer_from_double(&p->heap, 1.0e20)), "100000000000000000000", "trunc(1.0e20)");
    CHECK(integer_from_double(&p->heap, -3.7) == small_make(-3), "trunc(-3.7) == -3");
    CHECK(integer_compare_double(big64, 1.8446744073709552e19) == 0, "2^64 == 1.8446744073709552e19");
    CHECK(integer_compare_double(arith_add(p, big64, small_make(1)), 1.8446744073709552e19) > 0, "2^64 + 1 > 1.8446744073709552e19");
    CHECK(integer_compare_double(small_make(SMALL_MAX), 1.152921504606847e18) < 0, "2^60 - 1 < 1.152921504606847e18");
    CHECK(integer_compare_double(small_make(5), 5.5) < 0 && integer_compare_double(small_make(-5), -5.5) > 0,
          "5 < 5.5 and -5 > -5.5");
    CHECK(integer_compare(two100, big64) > 0 && integer_compare(arith_neg(p, two100), small_make(-1)) < 0,
          "integer_compare across sizes and signs");

    heap_release(&p->heap);
    CHECK_DONE();
}
