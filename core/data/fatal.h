/* fatal.h - allocation that cannot fail quietly, and the one way genlab
 * stops on an internal bug (never on user input).
 *
 * The x-functions never return NULL. When the C heap cannot meet one made
 * on behalf of a process (inside its slice: heap.h's failure jump is set),
 * that process ends as memory running out ends it (heap_fail), and nothing
 * else does: so code that allocates must leave no half-built state where
 * others can reach it before its allocation has succeeded. Outside any
 * process (start-up, the scheduler's own work) genlab says it is out of
 * memory and stops through the hook the program registered (or abort()).
 */
#ifndef GENLAB_FATAL_H
#define GENLAB_FATAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Where a failed allocation of `bytes` goes: into heap_fail inside a
 * process's slice, else the message and the stop hook. For allocators
 * that are not the x-functions (heap chunks, off-heap binaries). */
_Noreturn void alloc_failed(size_t bytes);

/* What the program does after "genlab: out of memory" outside any process
 * (the cli exits with a status; with no hook, abort()). Process-wide. */
void fatal_set_out_of_memory_stop(void (*stop)(void));

/* Fault injection, for tests: the nth allocation made inside a process's
 * slice from now on (x-functions, heap chunks, off-heap binaries) fails as
 * if the C heap were exhausted; 0 turns it off. One failure per call. The
 * active runtime's (state.h). */
void alloc_fail_after(uint64_t n);
/* Whether the allocation being made is the one to fail (counts it). */
bool alloc_injected_failure(void);

#endif
