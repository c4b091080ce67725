/* check.h - the unit tests' few macros. Each CHECK prints one PASS or FAIL
 * line; scripts/run-tests counts them. */
#ifndef GENLAB_CHECK_H
#define GENLAB_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond, name)                                                        \
    do {                                                                         \
        if (cond) printf("PASS %s\n", name);                                     \
        else { printf("FAIL %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
               check_failures++; }                                               \
    } while (0)

#define CHECK_STR(got, want, name)                                               \
    do {                                                                         \
        const char *g_ = (got), *w_ = (want);                                    \
        if (g_ && strcmp(g_, w_) == 0) printf("PASS %s\n", name);                \
        else { printf("FAIL %s (%s:%d)\n  want: %s\n  got:  %s\n", name,         \
                      __FILE__, __LINE__, w_, g_ ? g_ : "(null)");               \
               check_failures++; }                                               \
    } while (0)

#define CHECK_DONE() return check_failures ? 1 : 0

#endif
