/* pool.c - size classes over big regions (see pool.h). */
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "fatal.h"
#include "state.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_USES_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_USES_MALLOC 1
#endif
#endif

/* Classes: up to 4 KB in steps of 64 bytes (a process, a small heap
 * chunk), then four steps per power of two up to POOL_MAX_BYTES. */
#define POOL_SMALL_STEP 64
#define POOL_SMALL_MAX 4096
#define POOL_SMALL_CLASSES (POOL_SMALL_MAX / POOL_SMALL_STEP)
#define NCLASSES (POOL_SMALL_CLASSES + 4 * 6) /* 4 KB .. 256 KB: six doublings */

/* Each region is reserved at this size (address space only: pages are
 * committed when first touched) and aligned to a huge page. */
#define REGION_BYTES ((size_t)64 << 20)
#define HUGE_PAGE ((size_t)2 << 20)
#define FIRST_SMALL_BYTES ((size_t)8 << 20)

typedef struct FreeBlock { struct FreeBlock *next; } FreeBlock;

typedef struct Region {
    struct Region *next;
    void *map;      /* the whole mapping, for munmap */
    size_t map_bytes;
} Region;

typedef struct PoolState {
    FreeBlock *free[NCLASSES];
    char *top, *limit; /* the newest region's unused part */
    Region *regions;
} PoolState;

/* The class of a request and the size it grants. */
static size_t size_class(size_t bytes, size_t *size)
{
    if (bytes <= POOL_SMALL_MAX) {
        size_t c = bytes ? (bytes - 1) / POOL_SMALL_STEP : 0;
        *size = (c + 1) * POOL_SMALL_STEP;
        return c;
    }
    /* bytes in (2^e, 2^(e+1)], e >= 12: steps of 2^(e-2) */
    int e = 63 - __builtin_clzll((unsigned long long)(bytes - 1));
    size_t step = (size_t)1 << (e - 2);
    size_t k = (bytes + step - 1) / step; /* 5 .. 8 */
    *size = k * step;
    return POOL_SMALL_CLASSES + (size_t)(e - 12) * 4 + (k - 5);
}

size_t pool_size(size_t bytes)
{
    if (bytes > POOL_MAX_BYTES) return bytes;
    size_t size;
    size_class(bytes, &size);
    return size;
}

#ifndef POOL_USES_MALLOC
static PoolState *pool(void)
{
    if (!rt->pool) rt->pool = xcalloc(1, sizeof *rt->pool);
    return rt->pool;
}

/* A new region to bump-allocate from; false when the kernel has none. */
static bool region_add(PoolState *s)
{
    size_t bytes = REGION_BYTES + HUGE_PAGE;
    void *map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED) return false;
    char *base = (char *)(((uintptr_t)map + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    /* Where the kernel offers huge pages only to those who ask: a page
     * fault then maps 2 MB at once, and one TLB entry covers 3,000
     * processes' blocks instead of six. It may refuse: then 4 KB pages.
     * Not the first region's first 8 MB: a small program would pay for
     * clearing 2 MB pages it barely uses (half a millisecond at start). */
#ifdef MADV_HUGEPAGE
    size_t small = s->regions ? 0 : FIRST_SMALL_BYTES;
    madvise(base + small, REGION_BYTES - small, MADV_HUGEPAGE);
#endif
    Region *r = xmalloc(sizeof *r);
    r->next = s->regions;
    r->map = map;
    r->map_bytes = bytes;
    s->regions = r;
    s->top = base;
    s->limit = base + REGION_BYTES;
    return true;
}
#endif

void *pool_alloc(size_t bytes)
{
#ifdef POOL_USES_MALLOC
    return malloc(bytes);
#else
    if (bytes > POOL_MAX_BYTES) return malloc(bytes);
    PoolState *s = pool();
    size_t size, c = size_class(bytes, &size);
    FreeBlock *b = s->free[c];
    if (b) {
        s->free[c] = b->next;
        return b;
    }
    if ((size_t)(s->limit - s->top) < size && !region_add(s)) return NULL;
    void *p = s->top;
    s->top += size;
    return p;
#endif
}

void pool_free(void *block, size_t bytes)
{
    if (!block) return;
#ifdef POOL_USES_MALLOC
    (void)bytes;
    free(block);
#else
    if (bytes > POOL_MAX_BYTES) {
        free(block);
        return;
    }
    PoolState *s = pool();
    size_t size, c = size_class(bytes, &size);
    FreeBlock *b = block;
    b->next = s->free[c];
    s->free[c] = b;
#endif
}

void pool_state_free(void)
{
    PoolState *s = rt->pool;
    if (!s) return;
    for (Region *r = s->regions; r;) {
        Region *next = r->next;
        munmap(r->map, r->map_bytes);
        free(r);
        r = next;
    }
    free(s);
    rt->pool = NULL;
}
