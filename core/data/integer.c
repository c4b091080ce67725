/* integer.c - small and big integers, and the arithmetic of numbers.
 *
 * Bignum payloads are GMP limbs on a process heap. Arithmetic reads them
 * in place through mpz_roinit_n, computes into a temporary mpz_t and copies
 * the result's limbs back into the heap, so no GMP-owned memory outlives a
 * call and the collector may move bignums freely.
 */
#include "error.h"
#include "integer.h"

#include <math.h>
#include <stdlib.h>

#include "atom.h"
#include "fatal.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(Term), "a limb must be one heap word");

/* OTP 25 refuses integers wider than this (1 bsl 33554367 is the largest
 * power of two it builds); exceeding it raises system_limit. */
#define INTEGER_MAX_LIMBS (((size_t)1 << 19) - 1)

/* A read-only mpz view of any integer term. For a small the single limb
 * lives in the view itself, so a view must not outlive its IntView. */
typedef struct {
    mpz_t z;
    mp_limb_t limb;
} IntView;

static mpz_srcptr int_view(Term t, IntView *v)
{
    if (term_is_small(t)) {
        int64_t x = small_value(t);
        v->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
        return mpz_roinit_n(v->z, &v->limb, x < 0 ? -1 : (x > 0 ? 1 : 0));
    }
    Term *obj = boxed_ptr(t);
    mp_size_t n = (mp_size_t)header_size(obj[0]);
    const mp_limb_t *limbs = (const mp_limb_t *)(obj + 1);
    return mpz_roinit_n(v->z, limbs, header_type(obj[0]) == BOX_BIGNEG ? -n : n);
}

static Term big_from_limbs(Heap *h, const mp_limb_t *limbs, size_t n, bool negative)
{
    Term *p = heap_alloc(h, n + 1);
    p[0] = header_make(negative ? BOX_BIGNEG : BOX_BIGPOS, n);
    memcpy(p + 1, limbs, n * sizeof(mp_limb_t));
    return boxed_from_ptr(p);
}

Term integer_from_i64(Heap *h, int64_t v)
{
    if (small_fits(v)) return small_make(v);
    mp_limb_t limb = v < 0 ? (mp_limb_t)0 - (mp_limb_t)v : (mp_limb_t)v;
    return big_from_limbs(h, &limb, 1, v < 0);
}

Term integer_from_u64(Heap *h, uint64_t v)
{
    if (v <= (uint64_t)SMALL_MAX) return small_make((int64_t)v);
    mp_limb_t limb = v;
    return big_from_limbs(h, &limb, 1, false);
}

Term integer_from_mpz(Heap *h, const mpz_t v)
{
    size_t n = mpz_size(v);
    if (n <= 1) {
        mp_limb_t m = mpz_getlimbn(v, 0);
        if (mpz_sgn(v) >= 0 && m <= (mp_limb_t)SMALL_MAX) return small_make((int64_t)m);
        if (mpz_sgn(v) < 0 && m <= (mp_limb_t)1 << 60) return small_make(-(int64_t)m);
    }
    return big_from_limbs(h, mpz_limbs_read(v), n, mpz_sgn(v) < 0);
}

void integer_to_mpz(Term t, mpz_t out)
{
    IntView v;
    mpz_set(out, int_view(t, &v));
}

bool integer_to_i64(Term t, int64_t *out)
{
    if (term_is_small(t)) {
        *out = small_value(t);
        return true;
    }
    Term *obj = boxed_ptr(t);
    if (header_size(obj[0]) != 1) return false;
    uint64_t m = obj[1];
    if (header_type(obj[0]) == BOX_BIGPOS) {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1) return false;
        *out = (int64_t)(0 - m);
    }
    return true;
}

/* Correctly rounded (to nearest, ties to even) like the BEAM, unlike
 * mpz_get_d which truncates: keep the top 64 bits, fold every lower bit
 * into a sticky bit, and let the hardware round the 64-bit value. */
static double mpz_to_double_rounded(mpz_srcptr z)
{
    size_t n = mpz_size(z);
    if (n == 0) return 0.0;
    const mp_limb_t *l = mpz_limbs_read(z);
    double d;
    if (n == 1) {
        d = (double)l[0];
    } else {
        size_t bits = mpz_sizeinbase(z, 2);
        size_t shift = bits - 64;
        size_t limb = shift / 64, off = shift % 64;
        uint64_t top = l[limb] >> off;
        if (off) top |= l[limb + 1] << (64 - off);
        bool sticky = off && (l[limb] & (((uint64_t)1 << off) - 1));
        for (size_t i = 0; i < limb && !sticky; i++) sticky = l[i] != 0;
        top |= sticky;
        d = ldexp((double)top, shift > 4000 ? 4000 : (int)shift);
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

double integer_to_double(Term t)
{
    if (term_is_small(t)) return (double)small_value(t);
    IntView v;
    return mpz_to_double_rounded(int_view(t, &v));
}

Term integer_from_double(Heap *h, double d)
{
    d = trunc(d);
    if (d > -1.1e18 && d < 1.1e18) return small_make((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d); /* exact: a double this large is an integer */
    Term r = integer_from_mpz(h, z);
    mpz_clear(z);
    return r;
}

int integer_compare(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = small_value(a), y = small_value(b);
        return (x > y) - (x < y);
    }
    IntView va, vb;
    int c = mpz_cmp(int_view(a, &va), int_view(b, &vb));
    return (c > 0) - (c < 0);
}

/* ---- text ------------------------------------------------------------------ */

const char *integer_small_text(Term t, int base, char buf[INTEGER_SMALL_TEXT_MAX], size_t *len)
{
    if (base < 2 || base > 36) base = 10;
    int64_t x = small_value(t);
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    size_t i = INTEGER_SMALL_TEXT_MAX;
    do {
        unsigned dgt = (unsigned)(m % (unsigned)base);
        buf[--i] = (char)(dgt < 10 ? '0' + dgt : 'A' + dgt - 10);
        m /= (unsigned)base;
    } while (m);
    if (x < 0) buf[--i] = '-';
    *len = INTEGER_SMALL_TEXT_MAX - i;
    return buf + i;
}

char *integer_to_cstring(Term t, int base)
{
    if (base < 2 || base > 36) base = 10;
    if (term_is_small(t)) {
        char tmp[INTEGER_SMALL_TEXT_MAX];
        size_t n;
        const char *text = integer_small_text(t, base, tmp, &n);
        return xstrndup(text, n);
    }
    IntView v;
    mpz_srcptr z = int_view(t, &v);
    char *s = xmalloc(mpz_sizeinbase(z, base) + 2);
    mpz_get_str(s, -base, z); /* a negative base asks GMP for upper case */
    return s;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Term integer_parse(Heap *h, const char *text, size_t len, int base)
{
    if (base < 2 || base > 36) return TERM_NONE;
    size_t i = 0;
    bool negative = false;
    if (i < len && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    if (i == len) return TERM_NONE;
    uint64_t acc = 0;
    bool overflow = false;
    for (size_t j = i; j < len; j++) {
        int d = digit_value(text[j]);
        if (d >= base) return TERM_NONE;
        if (!overflow && (__builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
                          __builtin_add_overflow(acc, (uint64_t)d, &acc)))
            overflow = true;
    }
    if (!overflow && acc <= (uint64_t)INT64_MAX)
        return integer_from_i64(h, negative ? -(int64_t)acc : (int64_t)acc);
    /* GMP tolerates white space, so the digits were validated above. */
    char *digits = xstrndup(text + i, len - i);
    mpz_t z;
    mpz_init_set_str(z, digits, base);
    free(digits);
    if (negative) mpz_neg(z, z);
    Term r = integer_from_mpz(h, z);
    mpz_clear(z);
    return r;
}

/* ---- arithmetic ------------------------------------------------------------- */

static Term badarith(Process *p) { return error_raise(p, ATOM_error, ATOM_badarith); }
static Term system_limit(Process *p) { return error_raise(p, ATOM_error, ATOM_system_limit); }

bool number_to_double(Term t, double *out)
{
    if (term_is_small(t)) *out = (double)small_value(t);
    else if (term_is_float(t)) *out = float_value(t);
    else if (term_is_bignum(t)) *out = integer_to_double(t);
    else return false;
    return true;
}

/* Both operands as doubles for mixed arithmetic; false (badarith) when one
 * is not a number or an integer is too large for a finite double. */
static bool float_operands(Term a, Term b, double *x, double *y)
{
    return number_to_double(a, x) && number_to_double(b, y) && isfinite(*x) && isfinite(*y);
}

static Term float_result(Process *p, double d)
{
    if (!isfinite(d)) return badarith(p);
    return float_new(process_heap(p), d);
}

/* Normalizes and stores a temporary, then releases it. */
static Term take_mpz(Process *p, mpz_t z)
{
    Term r;
    if (mpz_size(z) > INTEGER_MAX_LIMBS) r = system_limit(p);
    else r = integer_from_mpz(process_heap(p), z);
    mpz_clear(z);
    return r;
}

typedef void (*MpzBinary)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static Term big_binary(Process *p, Term a, Term b, MpzBinary op)
{
    IntView va, vb;
    mpz_t r;
    mpz_init(r);
    op(r, int_view(a, &va), int_view(b, &vb));
    return take_mpz(p, r);
}

Term arith_add(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b))
        return integer_from_i64(process_heap(p), small_value(a) + small_value(b));
    if (term_is_integer(a) && term_is_integer(b)) return big_binary(p, a, b, mpz_add);
    double x, y;
    if (!float_operands(a, b, &x, &y)) return badarith(p);
    return float_result(p, x + y);
}

Term arith_sub(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b))
        return integer_from_i64(process_heap(p), small_value(a) - small_value(b));
    if (term_is_integer(a) && term_is_integer(b)) return big_binary(p, a, b, mpz_sub);
    double x, y;
    if (!float_operands(a, b, &x, &y)) return badarith(p);
    return float_result(p, x - y);
}

Term arith_mul(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(small_value(a), small_value(b), &r))
            return integer_from_i64(process_heap(p), r);
        return big_binary(p, a, b, mpz_mul);
    }
    if (term_is_integer(a) && term_is_integer(b)) {
        /* Refuse before GMP tries to allocate an absurd product. */
        IntView va, vb;
        if (mpz_size(int_view(a, &va)) + mpz_size(int_view(b, &vb)) > INTEGER_MAX_LIMBS + 1)
            return system_limit(p);
        return big_binary(p, a, b, mpz_mul);
    }
    double x, y;
    if (!float_operands(a, b, &x, &y)) return badarith(p);
    return float_result(p, x * y);
}

Term arith_fdiv(Process *p, Term a, Term b)
{
    double x, y;
    if (!float_operands(a, b, &x, &y) || y == 0.0) return badarith(p);
    return float_result(p, x / y);
}

static bool is_zero(Term t) { return t == small_make(0); }

Term arith_div(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t y = small_value(b);
        if (y == 0) return badarith(p);
        return integer_from_i64(process_heap(p), small_value(a) / y);
    }
    if (!term_is_integer(a) || !term_is_integer(b) || is_zero(b)) return badarith(p);
    return big_binary(p, a, b, mpz_tdiv_q);
}

Term arith_rem(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t y = small_value(b);
        if (y == 0) return badarith(p);
        return small_make(small_value(a) % y);
    }
    if (!term_is_integer(a) || !term_is_integer(b) || is_zero(b)) return badarith(p);
    return big_binary(p, a, b, mpz_tdiv_r);
}

Term arith_neg(Process *p, Term a)
{
    if (term_is_small(a)) return integer_from_i64(process_heap(p), -small_value(a));
    if (term_is_float(a)) return float_new(process_heap(p), -float_value(a));
    if (!term_is_bignum(a)) return badarith(p);
    Term *obj = boxed_ptr(a);
    size_t n = header_size(obj[0]);
    /* -(2^60) is the one bignum whose negation is a small. */
    if (n == 1 && header_type(obj[0]) == BOX_BIGPOS && obj[1] == (uint64_t)1 << 60)
        return small_make(SMALL_MIN);
    return big_from_limbs(process_heap(p), (const mp_limb_t *)(obj + 1), n,
                          header_type(obj[0]) == BOX_BIGPOS);
}

Term arith_band(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) return small_make(small_value(a) & small_value(b));
    if (!term_is_integer(a) || !term_is_integer(b)) return badarith(p);
    return big_binary(p, a, b, mpz_and);
}

Term arith_bor(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) return small_make(small_value(a) | small_value(b));
    if (!term_is_integer(a) || !term_is_integer(b)) return badarith(p);
    return big_binary(p, a, b, mpz_ior);
}

Term arith_bxor(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) return small_make(small_value(a) ^ small_value(b));
    if (!term_is_integer(a) || !term_is_integer(b)) return badarith(p);
    return big_binary(p, a, b, mpz_xor);
}

Term arith_bnot(Process *p, Term a)
{
    if (term_is_small(a)) return small_make(~small_value(a));
    if (!term_is_bignum(a)) return badarith(p);
    IntView v;
    mpz_t r;
    mpz_init(r);
    mpz_com(r, int_view(a, &v));
    return take_mpz(p, r);
}

/* Shifts left by `count` bits (right when negative), count as an int64. */
static Term shift_left(Process *p, Term a, int64_t count)
{
    if (is_zero(a)) return a;
    if (term_is_small(a)) {
        int64_t x = small_value(a);
        if (count <= 0) {
            if (count <= -63) return small_make(x < 0 ? -1 : 0);
            return small_make(x >> -count); /* arithmetic shift floors, as bsr does */
        }
        if (count < 64) {
            int64_t r = (int64_t)((uint64_t)x << count);
            if ((r >> count) == x && small_fits(r)) return small_make(r);
        }
    }
    IntView v;
    mpz_srcptr z = int_view(a, &v);
    mpz_t r;
    mpz_init(r);
    if (count >= 0) {
        if ((uint64_t)count > (INTEGER_MAX_LIMBS + 1) * 64) {
            mpz_clear(r);
            return system_limit(p);
        }
        mpz_mul_2exp(r, z, (mp_bitcnt_t)count);
    } else {
        uint64_t n = (uint64_t)0 - (uint64_t)count;
        if (n > mpz_sizeinbase(z, 2)) mpz_set_si(r, mpz_sgn(z) < 0 ? -1 : 0);
        else mpz_fdiv_q_2exp(r, z, (mp_bitcnt_t)n);
    }
    return take_mpz(p, r);
}

/* A shift by a bignum count: everything or nothing shifts out. */
static Term shift_huge(Process *p, Term a, bool left)
{
    if (is_zero(a)) return a;
    if (left) return system_limit(p);
    return small_make(integer_compare(a, small_make(0)) < 0 ? -1 : 0);
}

Term arith_bsl(Process *p, Term a, Term b)
{
    if (!term_is_integer(a) || !term_is_integer(b)) return badarith(p);
    if (term_is_small(b)) return shift_left(p, a, small_value(b));
    return shift_huge(p, a, boxed_type(b) == BOX_BIGPOS);
}

Term arith_bsr(Process *p, Term a, Term b)
{
    if (!term_is_integer(a) || !term_is_integer(b)) return badarith(p);
    if (term_is_small(b)) return shift_left(p, a, -small_value(b));
    return shift_huge(p, a, boxed_type(b) == BOX_BIGNEG);
}

static Term float_pow(Process *p, Term base, Term exponent)
{
    double x, y;
    if (!float_operands(base, exponent, &x, &y)) return badarith(p);
    double r = pow(x, y);
    if (isnan(r)) return badarith(p);
    return float_result(p, r);
}

Term arith_pow(Process *p, Term base, Term exponent)
{
    if (!term_is_number(base) || !term_is_number(exponent)) return badarith(p);
    if (term_is_integer(base) && term_is_integer(exponent) && integer_compare(exponent, small_make(0)) >= 0)
        return arith_int_pow(p, base, exponent);
    return float_pow(p, base, exponent);
}

Term arith_int_pow(Process *p, Term base, Term exponent)
{
    if (!term_is_integer(base) || !term_is_integer(exponent)) return badarith(p);
    if (integer_compare(exponent, small_make(0)) < 0) return badarith(p);
    if (base == small_make(1) || is_zero(exponent)) return small_make(1);
    if (is_zero(base)) return base;
    if (base == small_make(-1)) {
        bool odd;
        if (term_is_small(exponent)) odd = small_value(exponent) & 1;
        else odd = ((Term *)boxed_ptr(exponent))[1] & 1;
        return small_make(odd ? -1 : 1);
    }
    if (!term_is_small(exponent)) return system_limit(p);
    uint64_t e = (uint64_t)small_value(exponent);
    IntView v;
    mpz_srcptr z = int_view(base, &v);
    /* |base| >= 2, so the result has at least e * (bits - 1) + 1 bits. */
    if ((mpz_sizeinbase(z, 2) - 1) * (unsigned __int128)e > (INTEGER_MAX_LIMBS + 1) * 64)
        return system_limit(p);
    if (term_is_small(base) && e < 64) {
        int64_t acc = 1, x = small_value(base);
        bool ok = true;
        for (uint64_t i = 0; i < e && ok; i++) ok = !__builtin_mul_overflow(acc, x, &acc);
        if (ok) return integer_from_i64(process_heap(p), acc);
    }
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, z, (unsigned long)e);
    return take_mpz(p, r);
}

int integer_compare_double(Term i, double d)
{
    if (term_is_small(i)) {
        int64_t x = small_value(i);
        /* Every small is within +-2^60, so only in-range doubles need a look
         * at their integral and fractional parts. */
        if (d >= 0x1p62) return -1;
        if (d <= -0x1p62) return 1;
        double t = trunc(d);
        int64_t ti = (int64_t)t;
        if (x != ti) return x < ti ? -1 : 1;
        double frac = d - t;
        return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
    }
    IntView v;
    int c = mpz_cmp_d(int_view(i, &v), d); /* GMP compares exactly */
    return (c > 0) - (c < 0);
}
