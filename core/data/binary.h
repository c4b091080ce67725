/* binary.h - binaries, bitstrings, and the primitives behind <<>>.
 *
 * A BOX_BINARY holds [bit size][bytes...] on its heap. A binary of more
 * than 64 bytes lives off the heap, as on the BEAM: a RefBinary, counted by
 * reference, which a BOX_REFBIN object in a heap refers to; copying the
 * term (a message, an ETS object) copies the small object and shares the
 * bytes, and the collector releases the references its heap dropped
 * (heap.h). Off-heap bytes count against --max-memory, not max_heap_size.
 * The literal arena holds no BOX_REFBIN (term_copy makes it a BOX_BINARY).
 * A BOX_SUBBIN refers to a slice of either kind (what binary pattern
 * matching produces, so matching the rest of a large binary copies nothing).
 */
#ifndef GENLAB_BINARY_H
#define GENLAB_BINARY_H

#include "heap.h"

/* Bytes of a binary (a bitstring whose bit size is a multiple of 8). False
 * only if `t` is not a bitstring or its bit size is not a multiple of 8:
 * every binary, sub-binaries included, starts on a byte boundary
 * (bitstring_slice copies rather than make an unaligned one). */
bool binary_bytes(Term t, const uint8_t **bytes, size_t *size);
size_t bitstring_bit_size(Term t); /* t must be a bitstring */
static inline bool term_is_binary(Term t)
{
    return term_is_bitstring(t) && bitstring_bit_size(t) % 8 == 0;
}
/* Where a bitstring's content lives: the bits are [bit_offset, bit_offset +
 * bit_size) of `bytes`, most significant bit of a byte first. Bits beyond
 * the end within the last byte may belong to a larger parent binary. */
void bitstring_view(Term t, const uint8_t **bytes, size_t *bit_offset, size_t *bit_size);
/* The size in bytes of the binary whose bytes t's are (t's own size when
 * it refers to no other: :binary.referenced_byte_size). */
size_t binary_referenced_size(Term t);
/* Reads bit `i` of a bitstring's content. */
unsigned bitstring_bit(Term t, size_t i);

/* The bytes of an off-heap binary, and how many holders it has. */
typedef struct RefBinary {
    size_t refc;
    size_t capacity; /* bytes of data[]; more than used while appends may grow it in place */
    uint8_t data[];
} RefBinary;

/* Off-heap binaries larger than this many bytes; smaller ones stay on the heap. */
#define BINARY_HEAP_MAX_BYTES 64

/* A RefBinary of `capacity` bytes with one reference, counted against the
 * memory limit; when memory runs out, the asking process ends (fatal.h). */
RefBinary *refbin_new(size_t capacity);
void refbin_release(RefBinary *b);
/* A copy of BOX_REFBIN term t in heap `to`: a new reference to the same
 * bytes (term_copy's; in the literal arena, a BOX_BINARY of its own). */
Term refbin_copy(Heap *to, Term t);
/* Off-heap binaries alive and their bytes (for :erlang.memory and tests). */
size_t refbin_count(void);
size_t refbin_bytes(void);

Term binary_new(Heap *h, const void *bytes, size_t size);
/* `times` copies of bytes[0 .. size) in one binary (:binary.copy/2,
 * String.duplicate/2); TERM_NONE when its size in bits would not fit a
 * word (a system limit, as on the BEAM). Below that, memory decides: the
 * asking process ends if there is not enough (fatal.h). */
Term binary_repeat(Heap *h, const uint8_t *bytes, size_t size, uint64_t times);
static inline Term binary_from_cstr(Heap *h, const char *s) { return binary_new(h, s, strlen(s)); }
/* A binary of `size` bytes, zero-filled; *bytes points at them. */
Term binary_alloc(Heap *h, size_t size, uint8_t **bytes);
/* A slice [bit_offset, bit_offset + bit_size) of a bitstring, which must
 * lie within it. Long slices share the original's bytes (a sub-binary of
 * the underlying heap binary); short ones, and byte-sized ones that would
 * start off a byte boundary, are copies. */
Term bitstring_slice(Heap *h, Term t, size_t bit_offset, size_t bit_size);

/* ---- building <<seg, seg, ...>> ---------------------------------------- */

/* Accumulates bits; small results stay in the builder itself, larger ones
 * in a malloc'd buffer. The fields are private to binary.c. */
typedef struct BinBuilder {
    uint8_t *buf; /* malloc'd, or NULL while inline_bytes suffices */
    size_t bits, capacity_bytes;
    uint8_t inline_bytes[64];
} BinBuilder;

void binbuild_init(BinBuilder *b);
/* Releases the builder's memory; harmless after binbuild_finish. */
void binbuild_free(BinBuilder *b);
/* Each returns false if the value does not fit the segment type (badarg).
 * Integers are truncated to the segment's size, as on the BEAM; floats
 * are 16, 32 or 64 bits and may be given as integers (a float too large
 * for 32 or 16 bits is stored as infinity, as OTP 25 does); code points
 * must be Unicode scalar values. A result beyond 2^32 bits is refused. */
bool binbuild_integer(BinBuilder *b, Term value, size_t bits, bool little, bool is_signed);
bool binbuild_float(BinBuilder *b, Term value, size_t bits, bool little); /* 16/32/64 */
bool binbuild_bits(BinBuilder *b, Term bitstring, size_t bits); /* bits = SIZE_MAX: all */
bool binbuild_utf8(BinBuilder *b, Term codepoint);
bool binbuild_utf16(BinBuilder *b, Term codepoint, bool little);
bool binbuild_utf32(BinBuilder *b, Term codepoint, bool little);
/* The finished bitstring in `h`; the builder is left empty and holds no
 * memory (binbuild_free afterwards is harmless). */
Term binbuild_finish(BinBuilder *b, Heap *h);

/* <<left::binary, what b holds>>. When left is the result of the last
 * such append to its buffer, the bytes are written in place (the BEAM's
 * writable binaries), so a loop of appends is linear. Leaves b empty;
 * TERM_NONE if the result would be too large (badarg). */
Term binbuild_append(BinBuilder *b, Term left, Heap *h);

/* ---- matching <<seg, seg, ...>> ---------------------------------------- */

/* Reads a segment at *bit_offset of bitstring `t`; on success stores the
 * value, advances *bit_offset and returns true. Offsets need not be byte
 * aligned. Floats fail on NaN and infinity; utf8 fails on overlong forms,
 * surrogates and anything beyond U+10FFFF. */
bool binmatch_integer(Heap *h, Term t, size_t *bit_offset, size_t bits, bool little, bool is_signed, Term *out);
bool binmatch_float(Heap *h, Term t, size_t *bit_offset, size_t bits, bool little, Term *out);
bool binmatch_bits(Heap *h, Term t, size_t *bit_offset, size_t bits, Term *out); /* SIZE_MAX: rest */
bool binmatch_utf8(Term t, size_t *bit_offset, Term *out);
bool binmatch_utf16(Term t, size_t *bit_offset, bool little, Term *out);
bool binmatch_utf32(Term t, size_t *bit_offset, bool little, Term *out);

/* UTF-8 validity of a byte-aligned binary (String.valid?). */
bool utf8_valid(const uint8_t *bytes, size_t size);

/* How many of the bytes are valid UTF-8 before the first invalid
 * sequence (size if all are). *incomplete (when not NULL) tells whether
 * that sequence is only cut short by the end, as :unicode's `incomplete`. */
size_t utf8_valid_prefix(const uint8_t *bytes, size_t size, bool *incomplete);

#endif
