/* test_pool.c - the pool's size classes and the reuse of freed blocks. */
#include "check.h"

#include <stdint.h>

#include "pool.h"
#include "runtime.h"

int main(void)
{
    runtime_init(0);

    /* every request gets at least what it asked for, and at most a
     * quarter more (64 bytes more below 4 KB) */
    bool fits = true, tight = true;
    for (size_t bytes = 1; bytes <= POOL_MAX_BYTES + 1000; bytes += bytes < 8192 ? 1 : 61) {
        size_t got = pool_size(bytes);
        if (got < bytes) fits = false;
        if (got > bytes + 64 && got > bytes + bytes / 4) tight = false;
    }
    CHECK(fits, "pool_size grants at least the request");
    CHECK(tight, "pool_size wastes at most 64 bytes or a quarter");

    /* blocks are distinct, writable and 16-byte aligned */
    enum { N = 10000 };
    static char *blocks[N];
    bool aligned = true;
    for (int i = 0; i < N; i++) {
        size_t bytes = 16 + (size_t)(i % 700);
        blocks[i] = pool_alloc(bytes);
        if (!blocks[i] || (uintptr_t)blocks[i] % 16) aligned = false;
        if (blocks[i]) memset(blocks[i], i & 0xff, bytes);
    }
    bool intact = aligned;
    for (int i = 0; intact && i < N; i++)
        for (size_t k = 0; k < 16 + (size_t)(i % 700); k++)
            if (blocks[i][k] != (char)(i & 0xff)) intact = false;
    CHECK(intact, "blocks are aligned and do not overlap");

    /* a freed block serves the next request of its class (with the
     * address sanitizer every block is malloc's, which decides) */
    char *freed = blocks[5];
    pool_free(blocks[5], 16 + 5);
    char *again = pool_alloc(16 + 5);
#if defined(__SANITIZE_ADDRESS__)
    CHECK(again != NULL && freed != NULL, "a freed block's class serves again");
#else
    CHECK(again == freed, "a freed block serves the next request of its class");
#endif
    blocks[5] = again;
    for (int i = 0; i < N; i++) pool_free(blocks[i], 16 + (size_t)(i % 700));

    /* a block above the pool's largest class comes from malloc */
    char *big = pool_alloc(POOL_MAX_BYTES * 2);
    CHECK(big != NULL, "a block above the largest class is granted");
    if (big) big[POOL_MAX_BYTES * 2 - 1] = 1;
    pool_free(big, POOL_MAX_BYTES * 2);
    CHECK_DONE();
}
