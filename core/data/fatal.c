/* fatal.c - out of memory is the only failure the C heap reports to us. */
#include "fatal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "state.h"

void fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* what was printed before must not be lost: standard output into a
     * pipe is block-buffered, and abort() does not flush it */
    fflush(stdout);
    fputs("genlab: internal error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* The program's, not a runtime's: out of memory outside a process has no
 * runtime to answer to. */
static void (*out_of_memory_stop)(void);

void fatal_set_out_of_memory_stop(void (*stop)(void)) { out_of_memory_stop = stop; }

void alloc_fail_after(uint64_t n)
{
    if (rt) rt->alloc_fail_countdown = n;
}

bool alloc_injected_failure(void)
{
    if (!rt || !rt->alloc_fail_countdown || !rt->heap_failure.jump) return false;
    return --rt->alloc_fail_countdown == 0;
}

void alloc_failed(size_t bytes)
{
    if (rt && rt->heap_failure.jump) {
        rt->alloc_failed_bytes = bytes;
        heap_fail(HEAP_FAIL_MEMORY);
    }
    fflush(stdout);
    fprintf(stderr, "genlab: out of memory (could not allocate %zu bytes)\n", bytes);
    if (out_of_memory_stop) out_of_memory_stop();
    abort();
}

void *xmalloc(size_t n)
{
    void *p = alloc_injected_failure() ? NULL : malloc(n ? n : 1);
    if (!p) alloc_failed(n);
    return p;
}

void *xcalloc(size_t count, size_t n)
{
    void *p = alloc_injected_failure() ? NULL : calloc(count ? count : 1, n ? n : 1);
    if (!p) alloc_failed(count > SIZE_MAX / (n ? n : 1) ? SIZE_MAX : count * n);
    return p;
}

/* On failure the old block is untouched (realloc's contract): whoever
 * holds it still holds a valid one when the process ends. */
void *xrealloc(void *p, size_t n)
{
    void *q = alloc_injected_failure() ? NULL : realloc(p, n ? n : 1);
    if (!q) alloc_failed(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
