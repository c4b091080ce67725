/* rng.c - splitmix64: tiny, fast and the same everywhere. */
#include "rng.h"

#include <string.h>

#include "state.h"

/* The state is the active runtime's (state.h). */
void rng_seed(uint64_t seed) { rt->rng = seed ^ 0x9E3779B97F4A7C15ULL; }

uint64_t rng_next(void)
{
    uint64_t z = (rt->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void rng_bytes(void *out, size_t n)
{
    unsigned char *p = out;
    while (n) {
        uint64_t r = rng_next();
        size_t k = n < 8 ? n : 8;
        memcpy(p, &r, k);
        p += k;
        n -= k;
    }
}
