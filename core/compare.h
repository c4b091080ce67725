/* compare.h - Erlang term order and equality.
 *
 * number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring
 */
#ifndef GENLAB_COMPARE_H
#define GENLAB_COMPARE_H

#include "term.h"

/* Term order as `<`/`==` see it: 1 == 1.0. Returns <0, 0, >0. */
int term_compare(Term a, Term b);
/* Term order as `===` and map keys see it: 1 and 1.0 differ. */
int term_compare_exact(Term a, Term b);
static inline bool term_equal(Term a, Term b) { return a == b || term_compare(a, b) == 0; }
static inline bool term_exact_equal(Term a, Term b) { return a == b || term_compare_exact(a, b) == 0; }
/* A hash consistent with term_exact_equal (for internal tables). */
uint64_t term_hash(Term t);

#endif
