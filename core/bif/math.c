/* math.c - :math (floats through libm), :timer's unit conversions, and
 * the deterministic randomness of :rand and :crypto (rng.h). */
#include <math.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "integer.h"
#include "rng.h"

/* ---- :math --------------------------------------------------------------------- */

/* Reads argument i as a double; raises badarg (not a number) otherwise. */
static bool math_arg(Process *p, const Term *a, int i, double *out)
{
    if (!term_is_number(a[i]) || !number_to_double(a[i], out)) {
        process_badarg_at(p, i + 1, "not a number");
        return false;
    }
    return true;
}

/* A libm result: a NaN or infinity (domain or range error) is badarith. */
static Term math_result(Process *p, double r)
{
    if (!isfinite(r)) return bif_badarith(p);
    return float_new(&p->heap, r);
}

#define MATH1(cname, expr)                                          \
    static Term cname(Process *p, const Term *a)                    \
    {                                                               \
        double x;                                                   \
        if (!math_arg(p, a, 0, &x)) return TERM_NONE;               \
        return math_result(p, (expr));                              \
    }

MATH1(math_sqrt, x < 0 ? NAN : sqrt(x))
MATH1(math_exp, exp(x))
MATH1(math_log, x <= 0 ? NAN : log(x))
MATH1(math_log2, x <= 0 ? NAN : log2(x))
MATH1(math_log10, x <= 0 ? NAN : log10(x))
MATH1(math_sin, sin(x))
MATH1(math_cos, cos(x))
MATH1(math_tan, tan(x))
MATH1(math_asin, asin(x))
MATH1(math_acos, acos(x))
MATH1(math_atan, atan(x))
MATH1(math_sinh, sinh(x))
MATH1(math_cosh, cosh(x))
MATH1(math_tanh, tanh(x))
MATH1(math_asinh, asinh(x))
MATH1(math_acosh, acosh(x))
MATH1(math_atanh, atanh(x))
MATH1(math_erf, erf(x))
MATH1(math_erfc, erfc(x))
MATH1(math_floor, floor(x))
MATH1(math_ceil, ceil(x))

#define MATH2(cname, expr)                                                          \
    static Term cname(Process *p, const Term *a)                                    \
    {                                                                               \
        double x, y;                                                                \
        if (!math_arg(p, a, 0, &x) || !math_arg(p, a, 1, &y)) return TERM_NONE;     \
        return math_result(p, (expr));                                              \
    }

MATH2(math_pow, (x == 0 && y < 0) ? NAN : pow(x, y))
MATH2(math_atan2, atan2(x, y))
MATH2(math_fmod, y == 0 ? NAN : fmod(x, y))

static Term math_pi(Process *p, const Term *a)
{
    (void)a;
    return float_new(&p->heap, M_PI);
}

static Term math_tau(Process *p, const Term *a)
{
    (void)a;
    return float_new(&p->heap, 2 * M_PI);
}

/* ---- :timer ---------------------------------------------------------------------- */

static Term timer_scale(Process *p, Term x, int64_t factor)
{
    return arith_mul(p, small_make(factor), x);
}

static Term timer_seconds(Process *p, const Term *a) { return timer_scale(p, a[0], 1000); }
static Term timer_minutes(Process *p, const Term *a) { return timer_scale(p, a[0], 60000); }
static Term timer_hours(Process *p, const Term *a) { return timer_scale(p, a[0], 3600000); }

static Term timer_hms(Process *p, const Term *a)
{
    Term h = timer_scale(p, a[0], 3600000);
    if (h == TERM_NONE) return h;
    Term m = timer_scale(p, a[1], 60000);
    if (m == TERM_NONE) return m;
    Term s = timer_scale(p, a[2], 1000);
    if (s == TERM_NONE) return s;
    Term hm = arith_add(p, h, m);
    return hm == TERM_NONE ? hm : arith_add(p, hm, s);
}

/* ---- :rand and :crypto ------------------------------------------------------------- */

/* A double in [0, 1) from the top 53 bits of the generator. */
static double rng_double(void) { return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0); }

static Term rand_uniform0(Process *p, const Term *a)
{
    (void)a;
    return float_new(&p->heap, rng_double());
}

static Term rand_uniform_real0(Process *p, const Term *a)
{
    (void)a;
    double d;
    do d = rng_double();
    while (d == 0.0);
    return float_new(&p->heap, d);
}

/* An unbiased integer in [1, n] by rejection sampling. */
static Term rand_uniform1(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 1, SMALL_MAX, &n)) return bif_function_clause(p);
    uint64_t range = (uint64_t)n, limit = UINT64_MAX - UINT64_MAX % range, r;
    do r = rng_next();
    while (r >= limit);
    return small_make((int64_t)(r % range) + 1);
}

/* Seeding restarts the one deterministic source; the returned state is
 * only a token (genlab keeps no per-process generator state). */
static Term rand_seed_with(Process *p, Term seed)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    if (term_is_small(seed)) h ^= (uint64_t)small_value(seed) * 0xBF58476D1CE4E5B9ULL;
    else if (term_is_tuple(seed))
        for (size_t i = 0; i < tuple_size(seed); i++)
            if (term_is_small(tuple_get(seed, i)))
                h = (h ^ (uint64_t)small_value(tuple_get(seed, i))) * 0x94D049BB133111EBULL;
    rng_seed(h);
    return tuple2(&p->heap, atom_from_cstr("exsss"), seed);
}

static Term rand_seed1(Process *p, const Term *a) { return rand_seed_with(p, a[0]); }

static Term rand_seed2(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    return rand_seed_with(p, a[1]);
}

static Term crypto_strong_rand_bytes(Process *p, const Term *a)
{
    int64_t n;
    if (!bif_small_in(a[0], 0, (int64_t)1 << 31, &n)) return process_badarg(p);
    uint8_t *bytes;
    Term r = binary_alloc(&p->heap, (size_t)n, &bytes);
    rng_bytes(bytes, (size_t)n);
    return r;
}

const NativeDef bif_math_natives[] = {
    {"math", "sqrt", 1, math_sqrt},
    {"math", "exp", 1, math_exp},
    {"math", "log", 1, math_log},
    {"math", "log2", 1, math_log2},
    {"math", "log10", 1, math_log10},
    {"math", "sin", 1, math_sin},
    {"math", "cos", 1, math_cos},
    {"math", "tan", 1, math_tan},
    {"math", "asin", 1, math_asin},
    {"math", "acos", 1, math_acos},
    {"math", "atan", 1, math_atan},
    {"math", "sinh", 1, math_sinh},
    {"math", "cosh", 1, math_cosh},
    {"math", "tanh", 1, math_tanh},
    {"math", "asinh", 1, math_asinh},
    {"math", "acosh", 1, math_acosh},
    {"math", "atanh", 1, math_atanh},
    {"math", "erf", 1, math_erf},
    {"math", "erfc", 1, math_erfc},
    {"math", "floor", 1, math_floor},
    {"math", "ceil", 1, math_ceil},
    {"math", "pow", 2, math_pow},
    {"math", "atan2", 2, math_atan2},
    {"math", "fmod", 2, math_fmod},
    {"math", "pi", 0, math_pi},
    {"math", "tau", 0, math_tau},
    {"timer", "seconds", 1, timer_seconds},
    {"timer", "minutes", 1, timer_minutes},
    {"timer", "hours", 1, timer_hours},
    {"timer", "hms", 3, timer_hms},
    {"rand", "uniform", 0, rand_uniform0},
    {"rand", "uniform", 1, rand_uniform1},
    {"rand", "uniform_real", 0, rand_uniform_real0},
    {"rand", "seed", 1, rand_seed1},
    {"rand", "seed", 2, rand_seed2},
    {"crypto", "strong_rand_bytes", 1, crypto_strong_rand_bytes},
    {NULL, NULL, 0, NULL},
};
