/* arith.c - :erlang arithmetic, comparison and boolean operators, and the
 * number functions of Kernel (abs, trunc, round, floor, ceil, float, max,
 * min). The arithmetic itself lives in integer.c; these natives only give
 * it the BEAM's argument checks and error texts. */
#include <math.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "integer.h"

static Term erl_add(Process *p, const Term *a) { return arith_add(p, a[0], a[1]); }
static Term erl_sub(Process *p, const Term *a) { return arith_sub(p, a[0], a[1]); }
static Term erl_mul(Process *p, const Term *a) { return arith_mul(p, a[0], a[1]); }
static Term erl_fdiv(Process *p, const Term *a) { return arith_fdiv(p, a[0], a[1]); }
static Term erl_div(Process *p, const Term *a) { return arith_div(p, a[0], a[1]); }
static Term erl_rem(Process *p, const Term *a) { return arith_rem(p, a[0], a[1]); }
static Term erl_band(Process *p, const Term *a) { return arith_band(p, a[0], a[1]); }
static Term erl_bor(Process *p, const Term *a) { return arith_bor(p, a[0], a[1]); }
static Term erl_bxor(Process *p, const Term *a) { return arith_bxor(p, a[0], a[1]); }
static Term erl_bsl(Process *p, const Term *a) { return arith_bsl(p, a[0], a[1]); }
static Term erl_bsr(Process *p, const Term *a) { return arith_bsr(p, a[0], a[1]); }
static Term erl_bnot(Process *p, const Term *a) { return arith_bnot(p, a[0]); }
static Term erl_neg(Process *p, const Term *a) { return arith_neg(p, a[0]); }

static Term erl_plus(Process *p, const Term *a)
{
    return term_is_number(a[0]) ? a[0] : bif_badarith(p);
}

/* ---- comparison ------------------------------------------------------------ */

static Term erl_eq(Process *p, const Term *a) { (void)p; return atom_from_bool(term_equal(a[0], a[1])); }
static Term erl_ne(Process *p, const Term *a) { (void)p; return atom_from_bool(!term_equal(a[0], a[1])); }
static Term erl_exact_eq(Process *p, const Term *a) { (void)p; return atom_from_bool(term_exact_equal(a[0], a[1])); }
static Term erl_exact_ne(Process *p, const Term *a) { (void)p; return atom_from_bool(!term_exact_equal(a[0], a[1])); }
static Term erl_lt(Process *p, const Term *a) { (void)p; return atom_from_bool(term_compare(a[0], a[1]) < 0); }
static Term erl_gt(Process *p, const Term *a) { (void)p; return atom_from_bool(term_compare(a[0], a[1]) > 0); }
static Term erl_le(Process *p, const Term *a) { (void)p; return atom_from_bool(term_compare(a[0], a[1]) <= 0); }
static Term erl_ge(Process *p, const Term *a) { (void)p; return atom_from_bool(term_compare(a[0], a[1]) >= 0); }

/* max(A, B) is B only when A < B, and min(A, B) is B only when A > B, so
 * of two equal numbers (1 and 1.0) the first one wins either way. */
static Term erl_max(Process *p, const Term *a) { (void)p; return term_compare(a[0], a[1]) < 0 ? a[1] : a[0]; }
static Term erl_min(Process *p, const Term *a) { (void)p; return term_compare(a[0], a[1]) > 0 ? a[1] : a[0]; }

/* ---- booleans ------------------------------------------------------------- */

static Term erl_and(Process *p, const Term *a)
{
    if (!term_is_boolean(a[0]) || !term_is_boolean(a[1])) return process_badarg(p);
    return atom_from_bool(a[0] == ATOM_true && a[1] == ATOM_true);
}

static Term erl_or(Process *p, const Term *a)
{
    if (!term_is_boolean(a[0]) || !term_is_boolean(a[1])) return process_badarg(p);
    return atom_from_bool(a[0] == ATOM_true || a[1] == ATOM_true);
}

static Term erl_xor(Process *p, const Term *a)
{
    if (!term_is_boolean(a[0]) || !term_is_boolean(a[1])) return process_badarg(p);
    return atom_from_bool(a[0] != a[1]);
}

static Term erl_not(Process *p, const Term *a)
{
    if (!term_is_boolean(a[0])) return process_badarg(p);
    return atom_from_bool(a[0] == ATOM_false);
}

/* ---- number functions -------------------------------------------------------- */

static Term erl_abs(Process *p, const Term *a)
{
    Term x = a[0];
    /* Like the BEAM, abs(-0.0) is -0.0: only negative values are negated. */
    if (term_is_float(x)) return float_value(x) < 0 ? float_new(&p->heap, -float_value(x)) : x;
    if (!term_is_integer(x)) return process_badarg_at(p, 1, "not a number");
    if (term_is_small(x)) return integer_from_i64(&p->heap, llabs(small_value(x)));
    return boxed_type(x) == BOX_BIGNEG ? arith_neg(p, x) : x;
}

/* Applies a rounding function to a float argument; integers pass through. */
static Term float_to_integer_with(Process *p, Term x, double (*rounder)(double))
{
    if (term_is_integer(x)) return x;
    if (!term_is_float(x)) return process_badarg_at(p, 1, "not a number");
    return integer_from_double(&p->heap, rounder(float_value(x)));
}

static Term erl_trunc(Process *p, const Term *a) { return float_to_integer_with(p, a[0], trunc); }
static Term erl_round(Process *p, const Term *a) { return float_to_integer_with(p, a[0], round); }
static Term erl_floor(Process *p, const Term *a) { return float_to_integer_with(p, a[0], floor); }
static Term erl_ceil(Process *p, const Term *a) { return float_to_integer_with(p, a[0], ceil); }

static Term erl_float(Process *p, const Term *a)
{
    Term x = a[0];
    if (term_is_float(x)) return x;
    if (!term_is_integer(x)) return process_badarg_at(p, 1, "not a number");
    double d = integer_to_double(x);
    if (!isfinite(d)) return process_badarg_at(p, 1, "not a number");
    return float_new(&p->heap, d);
}

const NativeDef bif_arith_natives[] = {
    {"erlang", "+", 2, erl_add},
    {"erlang", "-", 2, erl_sub},
    {"erlang", "*", 2, erl_mul},
    {"erlang", "/", 2, erl_fdiv},
    {"erlang", "+", 1, erl_plus},
    {"erlang", "-", 1, erl_neg},
    {"erlang", "div", 2, erl_div},
    {"erlang", "rem", 2, erl_rem},
    {"erlang", "band", 2, erl_band},
    {"erlang", "bor", 2, erl_bor},
    {"erlang", "bxor", 2, erl_bxor},
    {"erlang", "bsl", 2, erl_bsl},
    {"erlang", "bsr", 2, erl_bsr},
    {"erlang", "bnot", 1, erl_bnot},
    {"erlang", "==", 2, erl_eq},
    {"erlang", "/=", 2, erl_ne},
    {"erlang", "=:=", 2, erl_exact_eq},
    {"erlang", "=/=", 2, erl_exact_ne},
    {"erlang", "<", 2, erl_lt},
    {"erlang", ">", 2, erl_gt},
    {"erlang", "=<", 2, erl_le},
    {"erlang", ">=", 2, erl_ge},
    {"erlang", "max", 2, erl_max},
    {"erlang", "min", 2, erl_min},
    {"erlang", "and", 2, erl_and},
    {"erlang", "or", 2, erl_or},
    {"erlang", "xor", 2, erl_xor},
    {"erlang", "not", 1, erl_not},
    {"erlang", "abs", 1, erl_abs},
    {"erlang", "trunc", 1, erl_trunc},
    {"erlang", "round", 1, erl_round},
    {"erlang", "floor", 1, erl_floor},
    {"erlang", "ceil", 1, erl_ceil},
    {"erlang", "float", 1, erl_float},
    {NULL, NULL, 0, NULL},
};
