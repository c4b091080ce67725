/* fatal.h - allocation that cannot fail quietly, and the one way genlab
 * stops on an internal bug (never on user input). */
#ifndef GENLAB_FATAL_H
#define GENLAB_FATAL_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
