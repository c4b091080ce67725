/* integer.h - integers of any size and the arithmetic of numbers.
 *
 * Small integers are immediates; beyond 61 bits an integer is a BOX_BIGPOS /
 * BOX_BIGNEG object holding GMP limbs on the process heap (never malloc'd
 * mpz storage, so the copying collector can move it). Every constructor
 * normalizes: a value that fits in a small is always a small.
 */
#ifndef GENLAB_INTEGER_H
#define GENLAB_INTEGER_H

#include <gmp.h>

#include "heap.h"

typedef struct Process Process;

Term integer_from_i64(Heap *h, int64_t v);
Term integer_from_u64(Heap *h, uint64_t v);
Term integer_from_mpz(Heap *h, const mpz_t v);
/* Sets `out` (already mpz_init'ed) to the value of an integer term. */
void integer_to_mpz(Term t, mpz_t out);
/* False if the integer does not fit in int64_t. */
bool integer_to_i64(Term t, int64_t *out);
/* Rounded to nearest (ties to even) like the BEAM; +-inf when too large. */
double integer_to_double(Term t);
/* trunc(d) as an integer; d must be finite. */
Term integer_from_double(Heap *h, double d);
/* Integer comparison: <0, 0, >0. */
int integer_compare(Term a, Term b);
/* Compares an integer with a finite double by exact value, without
 * rounding either side: <0, 0, >0. */
int integer_compare_double(Term i, double d);

/* The digits of small integer t in base (2..36, upper case), with its
 * sign, at the end of buf: returns where they start and sets *len; no
 * terminator, no allocation (integer_to_binary of a small integer). */
#define INTEGER_SMALL_TEXT_MAX 72
const char *integer_small_text(Term t, int base, char buf[INTEGER_SMALL_TEXT_MAX], size_t *len);
/* Text in base 2..36 (upper-case digits, leading '-'), malloc'd, NUL-terminated. */
char *integer_to_cstring(Term t, int base);
/* Parses an optional sign and digits in `base`, the whole text (no '_').
 * Returns TERM_NONE if the text is not an integer. */
Term integer_parse(Heap *h, const char *text, size_t len, int base);

/* Arithmetic on numbers (integers and floats), with the BEAM's rules: a
 * float result that is not finite, an integer too large to convert to a
 * float, division by zero and any non-number argument raise badarith in
 * `p` and return TERM_NONE. An integer result wider than OTP's limit
 * (about 2^25 bits) raises system_limit instead. */
Term arith_add(Process *p, Term a, Term b);
Term arith_sub(Process *p, Term a, Term b);
Term arith_mul(Process *p, Term a, Term b);
Term arith_fdiv(Process *p, Term a, Term b);  /* `/`: always a float */
Term arith_div(Process *p, Term a, Term b);   /* `div`: truncating, integers only */
Term arith_rem(Process *p, Term a, Term b);   /* `rem`: sign of the dividend */
Term arith_neg(Process *p, Term a);
Term arith_band(Process *p, Term a, Term b);
Term arith_bor(Process *p, Term a, Term b);
Term arith_bxor(Process *p, Term a, Term b);
Term arith_bnot(Process *p, Term a);
Term arith_bsl(Process *p, Term a, Term b);
Term arith_bsr(Process *p, Term a, Term b);
/* Integer.pow: two integers, a non-negative exponent (a negative one
 * raises badarith, as does a float operand: check the guard first). */
Term arith_int_pow(Process *p, Term base, Term exponent);
/* Kernel.**: an integer when both are integers and the exponent is not
 * negative (2 ** 3 == 8), otherwise :math.pow's float (2 ** -1 == 0.5);
 * a result that is not a finite float raises badarith. */
Term arith_pow(Process *p, Term base, Term exponent);
/* Converts a number to double (for float arithmetic); false if not a number. */
bool number_to_double(Term t, double *out);

#endif
