/* pool.h - memory for processes and their heaps, from big regions.
 *
 * A million processes each hold a few small blocks (the process itself,
 * its first heap chunk). Taken from malloc, each costs a header, lands
 * wherever a free list had room, and every fresh 4 KB page costs a page
 * fault and a TLB entry. The pool hands out blocks of a size class from
 * regions it reserves itself and asks the kernel to back with huge pages
 * (madvise MADV_HUGEPAGE, where transparent huge pages are enabled in
 * madvise mode), bump-allocated in creation order, so that processes
 * spawned together lie together, and a block that is freed goes to its
 * class's free list for the next block of that class. Memory stays with
 * the runtime until it is freed (pool_state_free), as the BEAM's carriers
 * do.
 *
 * Blocks above POOL_MAX_BYTES, and every block in a build with the address
 * sanitizer (which must see each allocation), come from malloc. The caller
 * passes the size it was granted back to pool_free, so blocks need no
 * header. The pool is the active runtime's (state.h).
 */
#ifndef GENLAB_POOL_H
#define GENLAB_POOL_H

#include <stddef.h>

#define POOL_MAX_BYTES ((size_t)256 << 10)

/* The size pool_alloc grants for a request of `bytes` (at least bytes). */
size_t pool_size(size_t bytes);

/* A block of pool_size(bytes) bytes, 16-byte aligned, uninitialised; NULL
 * when no memory is left. */
void *pool_alloc(size_t bytes);

/* Gives back a block from pool_alloc(bytes) (the same bytes). */
void pool_free(void *block, size_t bytes);

/* Releases the active runtime's regions: every block goes with them. */
void pool_state_free(void);

#endif
