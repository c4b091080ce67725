/* rng.h - the one deterministic random source (seeded by --seed): random
 * bytes, :rand, and anything else that would otherwise differ between runs. */
#ifndef GENLAB_RNG_H
#define GENLAB_RNG_H

#include <stdint.h>
#include <stddef.h>

void rng_seed(uint64_t seed);
uint64_t rng_next(void);
void rng_bytes(void *out, size_t n);

#endif
