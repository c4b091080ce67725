/* number.c - Elixir's Integer and Float functions that parse, print and
 * round numbers: Integer.parse/1,2, to_string/1,2, digits/1,2 and
 * Float.parse/1, round/1,2, floor/1,2, ceil/1,2, to_string/1.
 *
 * Float.round/floor/ceil with a precision work on the float's exact
 * binary value (so 2.675 rounds to 2.67, as in Elixir), with GMP. */
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "fatal.h"
#include "binary.h"
#include "inspect.h"
#include "integer.h"

/* ---- Integer ------------------------------------------------------------------- */

static int digit_of(uint8_t c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* "invalid base B" with B as Elixir interpolates it. */
static Term invalid_base(Process *p, Term base)
{
    if (term_is_small(base)) return bif_raise_fmt(p, "Elixir.ArgumentError", "invalid base %lld", (long long)small_value(base));
    InspectOpts o;
    inspect_opts_default(&o);
    char *shown = inspect_to_cstring(base, &o, NULL);
    Term r = bif_raise_fmt(p, "Elixir.ArgumentError", "invalid base %s", shown);
    free(shown);
    return r;
}

static Term int_parse(Process *p, const Term *a, int arity)
{
    const uint8_t *s;
    size_t n;
    int64_t base = 10;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    if (arity == 2 && !bif_small_in(a[1], 2, 36, &base)) return invalid_base(p, a[1]);
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t digits = i;
    while (digits < n && digit_of(s[digits]) < base) digits++;
    if (digits == i) return ATOM_error;
    Term value = bif_parse_integer(&p->heap, s, digits, (int)base);
    return tuple2(&p->heap, value, bitstring_slice(&p->heap, a[0], digits * 8, (n - digits) * 8));
}

static Term int_parse1(Process *p, const Term *a) { return int_parse(p, a, 1); }
static Term int_parse2(Process *p, const Term *a) { return int_parse(p, a, 2); }

static Term integer_to_string(Process *p, const Term *a, int arity)
{
    int64_t base = 10;
    if (!term_is_integer(a[0])) return process_badarg_at(p, 1, "not an integer");
    if (arity == 2 && !bif_small_in(a[1], 2, 36, &base))
        return process_badarg_at(p, 2, "not an integer in the range 2 through 36");
    char *text = integer_to_cstring(a[0], (int)base);
    Term r = binary_from_cstr(&p->heap, text);
    free(text);
    return r;
}

static Term int_to_string1(Process *p, const Term *a) { return integer_to_string(p, a, 1); }
static Term int_to_string2(Process *p, const Term *a) { return integer_to_string(p, a, 2); }

/* Integer.digits: most significant first; a negative number gives
 * negative digits. */
static Term integer_digits(Process *p, const Term *a, int arity)
{
    if (!term_is_integer(a[0])) return bif_function_clause(p);
    Term base_t = arity == 2 ? a[1] : small_make(10);
    if (!term_is_integer(base_t) || integer_compare(base_t, small_make(2)) < 0) return bif_function_clause(p);
    mpz_t v, b, d;
    mpz_inits(v, b, d, NULL);
    integer_to_mpz(a[0], v);
    integer_to_mpz(base_t, b);
    bool negative = mpz_sgn(v) < 0;
    mpz_abs(v, v);
    Term list = TERM_NIL;
    do {
        mpz_tdiv_qr(v, d, v, b);
        if (negative) mpz_neg(d, d);
        list = cons_new(&p->heap, integer_from_mpz(&p->heap, d), list);
    } while (mpz_sgn(v));
    mpz_clears(v, b, d, NULL);
    return list;
}

static Term int_digits1(Process *p, const Term *a) { return integer_digits(p, a, 1); }
static Term int_digits2(Process *p, const Term *a) { return integer_digits(p, a, 2); }

/* ---- Float.parse ---------------------------------------------------------------- */

static size_t scan_digits(const uint8_t *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    return i;
}

/* The longest prefix [+-]D+(.D+)?([eE][+-]?D+)?; an overflowing value is
 * :error when written with an exponent and an ArgumentError (from
 * binary_to_float) when not, as in Elixir 1.14. */
static Term float_parse(Process *p, const Term *a)
{
    const uint8_t *s;
    size_t n;
    if (!bif_binary(a[0], &s, &n)) return bif_function_clause(p);
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    size_t end = scan_digits(s, n, i);
    if (end == i) return ATOM_error;
    if (end + 1 < n && s[end] == '.' && s[end + 1] >= '0' && s[end + 1] <= '9') end = scan_digits(s, n, end + 1);
    bool has_exponent = false;
    if (end < n && (s[end] == 'e' || s[end] == 'E')) {
        size_t k = end + 1;
        if (k < n && (s[k] == '+' || s[k] == '-')) k++;
        size_t e = scan_digits(s, n, k);
        if (e > k) {
            end = e;
            has_exponent = true;
        }
    }
    char *text = xmalloc(end + 1);
    memcpy(text, s, end);
    text[end] = 0;
    double d = strtod(text, NULL);
    free(text);
    if (!isfinite(d)) {
        if (has_exponent) return ATOM_error;
        return process_badarg_at(p, 1, "not a textual representation of a float");
    }
    return tuple2(&p->heap, float_new(&p->heap, d), bitstring_slice(&p->heap, a[0], end * 8, (n - end) * 8));
}

/* ---- Float.round / floor / ceil ----------------------------------------------------- */

typedef enum { ROUND_HALF_UP, ROUND_FLOOR, ROUND_CEIL } Rounding;

/* Rounds f to `precision` decimals from its exact value. A nonzero input
 * that rounds to zero gives +0.0; zero itself is returned unchanged. */
static double round_exact(double f, int precision, Rounding mode)
{
    if (f == 0 || !isfinite(f)) return f;
    int exp;
    double mant = frexp(fabs(f), &exp); /* |f| = mant * 2^exp, mant in [0.5, 1) */
    int64_t m = (int64_t)ldexp(mant, 53);
    exp -= 53;
    if (exp >= 0) return f; /* an integer: nothing to round */
    bool negative = f < 0;
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_set_si(num, m);
    mpz_ui_pow_ui(den, 10, (unsigned long)precision);
    mpz_mul(num, num, den);
    mpz_set_ui(den, 1);
    mpz_mul_2exp(den, den, (mp_bitcnt_t)(-exp));
    mpz_fdiv_qr(q, r, num, den);
    bool up;
    if (mode == ROUND_HALF_UP) {
        mpz_mul_2exp(r, r, 1);
        up = mpz_cmp(r, den) >= 0;
    } else {
        /* floor of a negative number rounds its magnitude up */
        bool away = (mode == ROUND_FLOOR) == negative;
        up = away && mpz_sgn(r) != 0;
    }
    if (up) mpz_add_ui(q, q, 1);
    double result = 0.0;
    if (mpz_sgn(q)) {
        char *digits = mpz_get_str(NULL, 10, q);
        char *text;
        if (asprintf(&text, "%se-%d", digits, precision) < 0) text = NULL;
        result = text ? strtod(text, NULL) : 0.0;
        if (negative) result = -result;
        free(text);
        free(digits);
    }
    mpz_clears(num, den, q, r, NULL);
    return result;
}

/* The precision argument (0..15), or raises Elixir's ArgumentError. */
static bool precision_arg(Process *p, Term t, int *out)
{
    int64_t v;
    if (bif_small_in(t, 0, 15, &v)) {
        *out = (int)v;
        return true;
    }
    if (term_is_small(t)) {
        bif_raise_fmt(p, "Elixir.ArgumentError", "precision %lld is out of valid range of 0..15", (long long)small_value(t));
    } else {
        Term text = term_to_string(p, t);
        if (text == TERM_NONE) return false;
        const uint8_t *s;
        size_t n;
        bif_binary(text, &s, &n);
        bif_raise_fmt(p, "Elixir.ArgumentError", "precision %.*s is out of valid range of 0..15", (int)n, s);
    }
    return false;
}

static Term float_rounding(Process *p, const Term *a, int arity, Rounding mode)
{
    if (!term_is_float(a[0])) return bif_function_clause(p);
    double f = float_value(a[0]);
    int precision = 0;
    if (arity == 2 && !precision_arg(p, a[1], &precision)) return TERM_NONE;
    if (precision == 0) {
        /* Elixir goes through :erlang.round (an integer, so -0.4 gives
         * 0.0) and :math.floor / :math.ceil (which keep -0.0). */
        if (mode == ROUND_HALF_UP) return float_new(&p->heap, round(f) == 0 ? 0.0 : round(f));
        return float_new(&p->heap, mode == ROUND_FLOOR ? floor(f) : ceil(f));
    }
    return float_new(&p->heap, round_exact(f, precision, mode));
}

static Term float_round1(Process *p, const Term *a) { return float_rounding(p, a, 1, ROUND_HALF_UP); }
static Term float_round2(Process *p, const Term *a) { return float_rounding(p, a, 2, ROUND_HALF_UP); }
static Term float_floor1(Process *p, const Term *a) { return float_rounding(p, a, 1, ROUND_FLOOR); }
static Term float_floor2(Process *p, const Term *a) { return float_rounding(p, a, 2, ROUND_FLOOR); }
static Term float_ceil1(Process *p, const Term *a) { return float_rounding(p, a, 1, ROUND_CEIL); }
static Term float_ceil2(Process *p, const Term *a) { return float_rounding(p, a, 2, ROUND_CEIL); }

static Term float_to_string(Process *p, const Term *a)
{
    if (!term_is_float(a[0])) return bif_function_clause(p);
    char buf[64];
    size_t n = float_format_shortest(float_value(a[0]), buf);
    return binary_new(&p->heap, buf, n);
}

/* Functions with default arguments, or that fail in a helper, name that
 * function in their function_clause errors as Elixir does. */

BIF_CLAUSE_AS(int_parse1_as, int_parse1, "Elixir.Integer.parse", 1, "10")
BIF_CLAUSE_AS(int_digits1_as, int_digits1, "Elixir.Integer.digits", 1, "10")
BIF_CLAUSE_AS(float_round1_as, float_round1, "Elixir.Float.round", 1, "0")
BIF_CLAUSE_AS(float_floor1_as, float_floor1, "Elixir.Float.floor", 1, "0")
BIF_CLAUSE_AS(float_ceil1_as, float_ceil1, "Elixir.Float.ceil", 1, "0")
BIF_CLAUSE_AS(float_parse_as, float_parse, "Elixir.Float.parse_unsigned", 1, "")

const NativeDef bif_number_natives[] = {
    {"Elixir.Integer", "parse", 1, int_parse1_as},
    {"Elixir.Integer", "parse", 2, int_parse2},
    {"Elixir.Integer", "to_string", 1, int_to_string1},
    {"Elixir.Integer", "to_string", 2, int_to_string2},
    {"Elixir.Integer", "digits", 1, int_digits1_as},
    {"Elixir.Integer", "digits", 2, int_digits2},
    {"Elixir.Float", "parse", 1, float_parse_as},
    {"Elixir.Float", "round", 1, float_round1_as},
    {"Elixir.Float", "round", 2, float_round2},
    {"Elixir.Float", "floor", 1, float_floor1_as},
    {"Elixir.Float", "floor", 2, float_floor2},
    {"Elixir.Float", "ceil", 1, float_ceil1_as},
    {"Elixir.Float", "ceil", 2, float_ceil2},
    {"Elixir.Float", "to_string", 1, float_to_string},
    {NULL, NULL, 0, NULL},
};
