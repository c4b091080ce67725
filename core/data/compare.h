/* compare.h - Erlang term order and equality.
 *
 * number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring
 */
#ifndef GENLAB_COMPARE_H
#define GENLAB_COMPARE_H

#include "term.h"

/* Term order as `<`/`==` see it: 1 == 1.0, and integers and floats
 * compare by exact value (2^64 == 1.8446744073709552e19, 2^64 + 1 is
 * greater). Returns <0, 0, >0. Neither function recurses on the C stack. */
int term_compare(Term a, Term b);
/* Term order as `===` and map keys see it: 1 and 1.0 differ, and, as in
 * OTP 25's map key order, every integer sorts before every float
 * (%{2 => :a, 1.0 => :b} lists 2 first). 0.0 and -0.0 are equal (OTP 25).
 * Map keys are compared this way in both functions. */
int term_compare_exact(Term a, Term b);
/* Small integers, atoms, pids and [] are one word each: two such words
 * that differ are different terms (only a float can == an integer). */
static inline bool term_is_immediate(Term t) { return term_tag(t) >= TAG_SMALL && term_tag(t) <= TAG_SPECIAL; }
static inline bool term_equal(Term a, Term b)
{
    if (a == b) return true;
    if (term_is_immediate(a) && term_is_immediate(b)) return false;
    return term_compare(a, b) == 0;
}
static inline bool term_exact_equal(Term a, Term b)
{
    if (a == b) return true;
    if (term_is_immediate(a) || term_is_immediate(b)) return false;
    /* A receive matching its call's reference compares two of these. */
    if (term_is_ref(a) && term_is_ref(b)) return boxed_ptr(a)[1] == boxed_ptr(b)[1];
    return term_compare_exact(a, b) == 0;
}
/* A hash consistent with term_exact_equal (for internal tables). */
uint64_t term_hash(Term t);

#endif
