/* binary.c - binaries, sub-binaries, <<>> construction and matching.
 *
 * Bits are numbered from the most significant bit of the first byte. Two
 * invariants keep readers simple: a sub-binary always refers directly to a
 * BOX_BINARY (never to another sub-binary), and a slice whose size is a
 * whole number of bytes always starts on a byte boundary (an unaligned one
 * is copied), so binary_bytes() can hand out a pointer for every binary.
 */
#include "binary.h"

#include <math.h>
#include <stdlib.h>

#include "fatal.h"
#include "integer.h"
#include "state.h"

/* Slices of at most this many bytes are copied: a small heap binary is no
 * larger than a sub-binary and does not keep its parent alive. */
#define SLICE_COPY_MAX_BYTES 16

static size_t bytes_for_bits(size_t bits) { return (bits + 7) / 8; }
static size_t words_for_bytes(size_t bytes) { return (bytes + 7) / 8; }

/* ---- off-heap binaries ------------------------------------------------------- */

RefBinary *refbin_new(size_t capacity)
{
    if (capacity > SIZE_MAX / 2) alloc_failed(capacity);
    size_t bytes = sizeof(RefBinary) + capacity;
    memory_charge(bytes);
    /* zero-filled, as every new binary is; fresh pages already are */
    RefBinary *b = alloc_injected_failure() ? NULL : calloc(1, bytes);
    if (!b) {
        memory_release(bytes);
        alloc_failed(bytes);
    }
    b->refc = 1;
    b->capacity = capacity;
    rt->refbin_count++;
    rt->refbin_bytes += capacity;
    return b;
}

void refbin_release(RefBinary *b)
{
    if (--b->refc) return;
    memory_release(sizeof(RefBinary) + b->capacity);
    rt->refbin_count--;
    rt->refbin_bytes -= b->capacity;
    free(b);
}

size_t refbin_count(void) { return rt->refbin_count; }
size_t refbin_bytes(void) { return rt->refbin_bytes; }

static RefBinary *refbin_of(const Term *obj) { return (RefBinary *)(uintptr_t)obj[1]; }

/* A BOX_REFBIN object in h for a new binary of `capacity` bytes, `bits`
 * of them in use. The object comes first: if the binary cannot be had,
 * nothing refers to it. */
static Term *refbin_object_new(Heap *h, size_t capacity, size_t bits)
{
    Term *p = heap_alloc(h, 4);
    RefBinary *b = refbin_new(capacity);
    p[0] = header_make(BOX_REFBIN, 3);
    p[1] = (Term)(uintptr_t)b;
    p[3] = (Term)bits;
    heap_offheap_link(h, p, capacity);
    return p;
}

Term refbin_copy(Heap *to, Term t)
{
    const Term *obj = boxed_ptr(t);
    RefBinary *b = refbin_of(obj);
    if (heap_is_literal(to)) {
        /* constants are never freed, nor counted: they hold their own bytes */
        size_t words = words_for_bytes(bytes_for_bits(obj[3]));
        Term *p = heap_alloc(to, 2 + words);
        p[0] = header_make(BOX_BINARY, 1 + words);
        p[1] = obj[3];
        if (words) {
            p[1 + words] = 0;
            memcpy(p + 2, b->data, bytes_for_bits(obj[3]));
        }
        return boxed_from_ptr(p);
    }
    Term *p = heap_alloc(to, 4);
    p[0] = obj[0];
    p[1] = obj[1];
    p[3] = obj[3];
    b->refc++;
    heap_offheap_link(to, p, b->capacity);
    return boxed_from_ptr(p);
}

/* A base is what a sub-binary refers to: a BOX_BINARY or a BOX_REFBIN. */
static uint8_t *base_bytes(const Term *base)
{
    return header_type(base[0]) == BOX_REFBIN ? refbin_of(base)->data : (uint8_t *)(uintptr_t)(base + 2);
}

static size_t base_bits(const Term *base) { return header_type(base[0]) == BOX_REFBIN ? base[3] : base[1]; }

void bitstring_view(Term t, const uint8_t **bytes, size_t *bit_offset, size_t *bit_size)
{
    Term *obj = boxed_ptr(t);
    if (header_type(obj[0]) != BOX_SUBBIN) {
        *bytes = base_bytes(obj);
        *bit_offset = 0;
        *bit_size = base_bits(obj);
        return;
    }
    *bytes = base_bytes(boxed_ptr(obj[1]));
    *bit_offset = obj[2];
    *bit_size = obj[3];
}

size_t bitstring_bit_size(Term t)
{
    Term *obj = boxed_ptr(t);
    return header_type(obj[0]) == BOX_SUBBIN ? obj[3] : base_bits(obj);
}

static bool base_is_writable(const Term *base);
static size_t base_room(const Term *base);

size_t binary_referenced_size(Term t)
{
    Term *obj = boxed_ptr(t);
    if (header_type(obj[0]) == BOX_SUBBIN) obj = boxed_ptr(obj[1]);
    /* a writable base's room counts, as the BEAM's writable binary's does
     * (not the free byte that marks it writable) */
    if (header_type(obj[0]) != BOX_REFBIN) return bytes_for_bits(base_bits(obj));
    return base_is_writable(obj) ? base_room(obj) : refbin_of(obj)->capacity;
}

bool binary_bytes(Term t, const uint8_t **bytes, size_t *size)
{
    if (!term_is_bitstring(t)) return false;
    const uint8_t *p;
    size_t off, bits;
    bitstring_view(t, &p, &off, &bits);
    if (bits % 8 || off % 8) return false;
    *bytes = p + off / 8;
    *size = bits / 8;
    return true;
}

unsigned bitstring_bit(Term t, size_t i)
{
    const uint8_t *p;
    size_t off, bits;
    bitstring_view(t, &p, &off, &bits);
    i += off;
    return (p[i >> 3] >> (7 - (i & 7))) & 1;
}

/* ---- bit-level copying -------------------------------------------------------- */

/* The n <= 64 bits at bit offset `off`, as an unsigned number (first bit
 * most significant). Touches only the bytes that hold those bits. */
static uint64_t bits_read(const uint8_t *p, size_t off, size_t n)
{
    uint64_t acc = 0;
    if (off % 8 == 0 && n % 8 == 0) {
        for (size_t i = 0; i < n / 8; i++) acc = (acc << 8) | p[off / 8 + i];
        return acc;
    }
    while (n) {
        size_t i = off >> 3, avail = 8 - (off & 7), take = avail < n ? avail : n;
        uint64_t chunk = (p[i] >> (avail - take)) & ((1u << take) - 1);
        acc = (acc << take) | chunk;
        off += take;
        n -= take;
    }
    return acc;
}

/* Writes the low n <= 64 bits of v at bit offset `off`. The destination
 * bits must be zero (builders keep their unused tail zeroed). */
static void bits_write(uint8_t *p, size_t off, uint64_t v, size_t n)
{
    if (off % 8 == 0 && n % 8 == 0) {
        for (size_t i = n / 8; i-- > 0;) {
            p[off / 8 + i] = (uint8_t)v;
            v >>= 8;
        }
        return;
    }
    while (n) {
        size_t i = off >> 3, avail = 8 - (off & 7), take = avail < n ? avail : n;
        unsigned chunk = (unsigned)(v >> (n - take)) & ((1u << take) - 1);
        p[i] |= (uint8_t)(chunk << (avail - take));
        off += take;
        n -= take;
    }
}

/* Copies n bits; the destination bits must be zero. */
static void bits_copy(uint8_t *dst, size_t doff, const uint8_t *src, size_t soff, size_t n)
{
    if (doff % 8 == 0 && soff % 8 == 0) {
        memcpy(dst + doff / 8, src + soff / 8, n / 8);
        size_t done = n / 8 * 8;
        if (n > done) bits_write(dst, doff + done, bits_read(src, soff + done, n - done), n - done);
        return;
    }
    while (n) {
        size_t take = n < 64 ? n : 64;
        bits_write(dst, doff, bits_read(src, soff, take), take);
        doff += take;
        soff += take;
        n -= take;
    }
}

/* A writable base (see binbuild_append) keeps at least its last word (an
 * off-heap one its last byte) free, which tells it from a binary of exact
 * size. */
static bool base_is_writable(const Term *base)
{
    if (header_type(base[0]) == BOX_REFBIN) return bytes_for_bits(base[3]) < refbin_of(base)->capacity;
    return header_size(base[0]) - 1 > words_for_bytes(bytes_for_bits(base[1]));
}

/* How many bytes an append in place may fill in a writable base. */
static size_t base_room(const Term *base)
{
    if (header_type(base[0]) == BOX_REFBIN) return refbin_of(base)->capacity - 1;
    return (header_size(base[0]) - 2) * 8;
}

/* ---- heap binaries ------------------------------------------------------------ */

/* A BOX_BINARY of `bits` bits, zero-filled. */
static Term *binary_alloc_bits(Heap *h, size_t bits)
{
    size_t words = words_for_bytes(bytes_for_bits(bits));
    Term *p = heap_alloc(h, 2 + words);
    p[0] = header_make(BOX_BINARY, 1 + words);
    p[1] = (Term)bits;
    if (words) memset(p + 2, 0, words * sizeof(Term));
    return p;
}

/* A bitstring of `bits` bits, zero-filled, on the heap or off it by its
 * size; returns its bytes, *out the term. */
static uint8_t *bits_alloc(Heap *h, size_t bits, Term *out)
{
    size_t bytes = bytes_for_bits(bits);
    if (bytes > BINARY_HEAP_MAX_BYTES && !heap_is_literal(h)) {
        Term *p = refbin_object_new(h, bytes, bits);
        *out = boxed_from_ptr(p);
        return refbin_of(p)->data;
    }
    Term *p = binary_alloc_bits(h, bits);
    *out = boxed_from_ptr(p);
    return (uint8_t *)(p + 2);
}

Term binary_alloc(Heap *h, size_t size, uint8_t **bytes)
{
    Term t;
    *bytes = bits_alloc(h, size * 8, &t);
    return t;
}

Term binary_new(Heap *h, const void *bytes, size_t size)
{
    uint8_t *dst;
    Term t = binary_alloc(h, size, &dst);
    if (size) memcpy(dst, bytes, size);
    return t;
}

Term binary_repeat(Heap *h, const uint8_t *bytes, size_t size, uint64_t times)
{
    if (size && times >= (UINT64_MAX / 8) / size) return TERM_NONE;
    size_t total = size * (size_t)times;
    uint8_t *out;
    Term r = binary_alloc(h, total, &out);
    if (!total) return r;
    /* the first copy, then what is done doubles: a 3 GB result is a few
     * dozen memcpy calls, not three billion */
    memcpy(out, bytes, size);
    for (size_t done = size; done < total;) {
        size_t step = done < total - done ? done : total - done;
        memcpy(out + done, out, step);
        done += step;
    }
    return r;
}

Term bitstring_slice(Heap *h, Term t, size_t bit_offset, size_t bit_size)
{
    Term *obj = boxed_ptr(t);
    Term base = t;
    size_t off = bit_offset;
    if (header_type(obj[0]) == BOX_SUBBIN) {
        base = obj[1];
        off += obj[2];
    }
    Term *bobj = boxed_ptr(base);
    if (off == 0 && bit_size == base_bits(bobj) && !base_is_writable(bobj)) return base;
    const uint8_t *src = base_bytes(bobj);
    bool unaligned_binary = bit_size % 8 == 0 && off % 8 != 0;
    if (unaligned_binary || bytes_for_bits(bit_size) <= SLICE_COPY_MAX_BYTES) {
        Term r;
        bits_copy(bits_alloc(h, bit_size, &r), 0, src, off, bit_size);
        return r;
    }
    Term *p = heap_alloc(h, 4);
    p[0] = header_make(BOX_SUBBIN, 3);
    p[1] = base;
    p[2] = (Term)off;
    p[3] = (Term)bit_size;
    return boxed_from_ptr(p);
}

/* ---- construction ------------------------------------------------------------- */

void binbuild_init(BinBuilder *b)
{
    b->buf = NULL;
    b->bits = 0;
    b->capacity_bytes = sizeof b->inline_bytes;
    memset(b->inline_bytes, 0, sizeof b->inline_bytes);
}

/* The builder's bytes. Inline storage is found through the builder, not
 * stored as a pointer, so a builder may be copied while it is empty. */
static uint8_t *builder_bytes(BinBuilder *b) { return b->buf ? b->buf : b->inline_bytes; }

void binbuild_free(BinBuilder *b)
{
    if (b->buf) memory_release(b->capacity_bytes);
    free(b->buf);
    binbuild_init(b);
}

/* A bitstring under construction may not exceed this; a larger one makes
 * the segment fail (badarg) instead of exhausting memory, where the BEAM
 * would die. */
#define BUILDER_MAX_BITS ((size_t)1 << 32)

static bool builder_can_grow(const BinBuilder *b, size_t extra)
{
    return extra <= BUILDER_MAX_BITS && b->bits + extra <= BUILDER_MAX_BITS;
}

/* Makes room for `extra` more bits, keeping the unused tail zeroed. The
 * caller has checked builder_can_grow. */
static void builder_reserve(BinBuilder *b, size_t extra)
{
    size_t need = bytes_for_bits(b->bits + extra);
    if (need <= b->capacity_bytes) return;
    size_t cap = b->capacity_bytes * 2;
    if (cap < need) cap = need;
    /* a builder's buffer counts against the memory limit while it lives */
    memory_charge(b->buf ? cap - b->capacity_bytes : cap);
    if (!b->buf) {
        b->buf = xmalloc(cap);
        memcpy(b->buf, b->inline_bytes, b->capacity_bytes);
    } else {
        b->buf = xrealloc(b->buf, cap);
    }
    memset(b->buf + b->capacity_bytes, 0, cap - b->capacity_bytes);
    b->capacity_bytes = cap;
}

static void builder_put(BinBuilder *b, uint64_t v, size_t bits)
{
    bits_write(builder_bytes(b), b->bits, v, bits);
    b->bits += bits;
}

/* Appends the value whose little-endian bytes are le[0 .. ceil(bits/8)),
 * already reduced modulo 2^bits, in the requested byte order. Little
 * endian puts the whole bytes first, least significant first, and then the
 * remaining high bits, as the BEAM does. */
static void builder_put_le_bytes(BinBuilder *b, const uint8_t *le, size_t bits, bool little)
{
    size_t full = bits / 8, rest = bits % 8;
    if (little) {
        for (size_t k = 0; k < full; k++) builder_put(b, le[k], 8);
        if (rest) builder_put(b, le[full], rest);
    } else {
        if (rest) builder_put(b, le[full], rest);
        for (size_t k = full; k-- > 0;) builder_put(b, le[k], 8);
    }
}

bool binbuild_integer(BinBuilder *b, Term value, size_t bits, bool little, bool is_signed)
{
    (void)is_signed; /* construction truncates either way */
    if (!term_is_integer(value) || !builder_can_grow(b, bits)) return false;
    if (bits == 0) return true;
    builder_reserve(b, bits);
    if (term_is_small(value) && bits <= 64) {
        uint64_t v = (uint64_t)small_value(value);
        if (bits < 64) v &= ((uint64_t)1 << bits) - 1;
        if (!little || bits <= 8) {
            builder_put(b, v, bits);
        } else {
            uint8_t le[8];
            for (int k = 0; k < 8; k++) le[k] = (uint8_t)(v >> (8 * k));
            builder_put_le_bytes(b, le, bits, true);
        }
        return true;
    }
    /* The two's complement of the value modulo 2^bits, as bytes. */
    size_t nbytes = bytes_for_bits(bits);
    uint8_t stack_bytes[64];
    uint8_t *le = nbytes <= sizeof stack_bytes ? stack_bytes : xmalloc(nbytes);
    memset(le, 0, nbytes);
    mpz_t z;
    mpz_init(z);
    integer_to_mpz(value, z);
    mpz_fdiv_r_2exp(z, z, bits);
    mpz_export(le, NULL, -1, 1, 0, 0, z);
    mpz_clear(z);
    builder_put_le_bytes(b, le, bits, little);
    if (le != stack_bytes) free(le);
    return true;
}

/* IEEE half precision by hand (not every compiler has _Float16), rounding
 * to nearest with ties to even as the BEAM does; overflow is infinity. */
static uint16_t half_from_double(double d)
{
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    double a = fabs(d);
    if (a >= 65520.0) return sign | 0x7C00;
    if (a < 0x1p-14) return sign | (uint16_t)nearbyint(a * 0x1p24); /* 1024 is the first normal */
    int e;
    double f = frexp(a, &e); /* a = f * 2^e, f in [0.5, 1) */
    unsigned m = (unsigned)nearbyint((f * 2 - 1) * 1024);
    e -= 1;
    if (m == 1024) {
        m = 0;
        e++;
    }
    if (e + 15 >= 31) return sign | 0x7C00;
    return sign | (uint16_t)((unsigned)(e + 15) << 10) | (uint16_t)m;
}

static double half_to_double(uint16_t u)
{
    unsigned e = (u >> 10) & 31, m = u & 1023;
    double d;
    if (e == 0) d = ldexp(m, -24);
    else if (e == 31) d = m ? NAN : INFINITY;
    else d = ldexp(1024 + m, (int)e - 25);
    return (u & 0x8000) ? -d : d;
}

bool binbuild_float(BinBuilder *b, Term value, size_t bits, bool little)
{
    double d;
    if (!number_to_double(value, &d) || !isfinite(d)) return false;
    uint64_t v;
    if (bits == 64) {
        memcpy(&v, &d, sizeof v);
    } else if (bits == 32) {
        float f = (float)d; /* OTP 25 stores an overflow as infinity */
        uint32_t u;
        memcpy(&u, &f, sizeof u);
        v = u;
    } else if (bits == 16) {
        v = half_from_double(d);
    } else {
        return false;
    }
    if (!builder_can_grow(b, bits)) return false;
    builder_reserve(b, bits);
    if (little) {
        uint8_t le[8];
        for (int k = 0; k < 8; k++) le[k] = (uint8_t)(v >> (8 * k));
        builder_put_le_bytes(b, le, bits, true);
    } else {
        builder_put(b, v, bits);
    }
    return true;
}

bool binbuild_bits(BinBuilder *b, Term bitstring, size_t bits)
{
    if (!term_is_bitstring(bitstring)) return false;
    const uint8_t *p;
    size_t off, size;
    bitstring_view(bitstring, &p, &off, &size);
    if (bits == SIZE_MAX) bits = size;
    else if (bits > size) return false;
    if (!builder_can_grow(b, bits)) return false;
    builder_reserve(b, bits);
    bits_copy(builder_bytes(b), b->bits, p, off, bits);
    b->bits += bits;
    return true;
}

/* A Unicode scalar value: in range and not a surrogate. */
static bool codepoint_of(Term t, uint32_t *cp)
{
    if (!term_is_small(t)) return false;
    int64_t v = small_value(t);
    if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
    *cp = (uint32_t)v;
    return true;
}

bool binbuild_utf8(BinBuilder *b, Term codepoint)
{
    uint32_t c;
    if (!codepoint_of(codepoint, &c)) return false;
    if (!builder_can_grow(b, 32)) return false;
    builder_reserve(b, 32);
    if (c < 0x80) {
        builder_put(b, c, 8);
    } else if (c < 0x800) {
        builder_put(b, 0xC0 | (c >> 6), 8);
        builder_put(b, 0x80 | (c & 0x3F), 8);
    } else if (c < 0x10000) {
        builder_put(b, 0xE0 | (c >> 12), 8);
        builder_put(b, 0x80 | ((c >> 6) & 0x3F), 8);
        builder_put(b, 0x80 | (c & 0x3F), 8);
    } else {
        builder_put(b, 0xF0 | (c >> 18), 8);
        builder_put(b, 0x80 | ((c >> 12) & 0x3F), 8);
        builder_put(b, 0x80 | ((c >> 6) & 0x3F), 8);
        builder_put(b, 0x80 | (c & 0x3F), 8);
    }
    return true;
}

static void builder_put_unit16(BinBuilder *b, unsigned u, bool little)
{
    if (little) u = ((u & 0xFF) << 8) | (u >> 8);
    builder_put(b, u, 16);
}

bool binbuild_utf16(BinBuilder *b, Term codepoint, bool little)
{
    uint32_t c;
    if (!codepoint_of(codepoint, &c)) return false;
    if (!builder_can_grow(b, 32)) return false;
    builder_reserve(b, 32);
    if (c < 0x10000) {
        builder_put_unit16(b, c, little);
    } else {
        c -= 0x10000;
        builder_put_unit16(b, 0xD800 | (c >> 10), little);
        builder_put_unit16(b, 0xDC00 | (c & 0x3FF), little);
    }
    return true;
}

bool binbuild_utf32(BinBuilder *b, Term codepoint, bool little)
{
    uint32_t c;
    if (!codepoint_of(codepoint, &c)) return false;
    if (!builder_can_grow(b, 32)) return false;
    builder_reserve(b, 32);
    if (little) c = __builtin_bswap32(c);
    builder_put(b, c, 32);
    return true;
}

Term binbuild_finish(BinBuilder *b, Heap *h)
{
    Term r;
    uint8_t *dst = bits_alloc(h, b->bits, &r);
    if (b->bits) memcpy(dst, builder_bytes(b), bytes_for_bits(b->bits));
    binbuild_free(b);
    return r;
}

/* ---- appending in place (the BEAM's writable binaries) ----------------------------
 * `acc <> x` in a loop would copy acc every time. As on the BEAM, the
 * result of a large append is writable: a sub-binary, marked by a fourth
 * payload word, over a base binary with room to grow. The base's bit size
 * counts what has been appended so far; an append to the sub-binary that
 * ends there writes into the room and returns a longer sub-binary. Older
 * sub-binaries keep their own sizes, so no value ever changes, and a base
 * is never handed out by itself (bitstring_slice checks). */

/* Smaller results stay exact heap binaries (the BEAM's are writable
 * binaries of 256 bytes too). */
#define APPEND_MIN_BYTES 64
/* The least room of a writable binary, the BEAM's. */
#define WRITABLE_MIN_BYTES 256

Term binbuild_append(BinBuilder *b, Term left, Heap *h)
{
    size_t lbits = bitstring_bit_size(left), add = b->bits, total = lbits + add;
    if (total > BUILDER_MAX_BITS) {
        binbuild_free(b);
        return TERM_NONE;
    }
    Term *obj = boxed_ptr(left);
    Term *base = NULL;
    if (header_type(obj[0]) == BOX_SUBBIN && header_size(obj[0]) == 4 && add % 8 == 0) {
        Term *old = boxed_ptr(obj[1]);
        /* room: all but the last word or byte, which stays free (base_is_writable) */
        if (obj[3] == base_bits(old) && total / 8 <= base_room(old)) base = old;
    }
    const uint8_t *src = NULL;
    size_t off = 0, bits;
    /* an append in place reads nothing of left */
    if (!base) bitstring_view(left, &src, &off, &bits);
    if (!base && (total % 8 || total / 8 < APPEND_MIN_BYTES)) {
        Term r;
        uint8_t *dst = bits_alloc(h, total, &r);
        bits_copy(dst, 0, src, off, lbits);
        bits_copy(dst, lbits, builder_bytes(b), 0, add);
        binbuild_free(b);
        return r;
    }
    if (!base) {
        /* twice the size and at least 256 bytes, as the BEAM makes a
         * writable binary (a half more past 64 MB), plus the free byte or
         * word */
        size_t room = total / 8 > ((size_t)64 << 20) ? total / 8 + total / 16 : 2 * (total / 8);
        if (room < WRITABLE_MIN_BYTES) room = WRITABLE_MIN_BYTES;
        if (heap_is_literal(h)) {
            size_t words = words_for_bytes(room) + 1;
            base = heap_alloc(h, 2 + words);
            base[0] = header_make(BOX_BINARY, 1 + words);
            base[words + 1] = 0;
        } else {
            base = refbin_object_new(h, room + 1, 0);
        }
        memcpy(base_bytes(base), src + off / 8, lbits / 8);
    }
    memcpy(base_bytes(base) + lbits / 8, builder_bytes(b), add / 8);
    base[header_type(base[0]) == BOX_REFBIN ? 3 : 1] = total;
    binbuild_free(b);
    Term *p = heap_alloc(h, 5);
    p[0] = header_make(BOX_SUBBIN, 4);
    p[1] = boxed_from_ptr(base);
    p[2] = 0;
    p[3] = (Term)total;
    p[4] = 0;
    return boxed_from_ptr(p);
}

/* ---- matching ------------------------------------------------------------------- */

/* The segment [*bit_offset, *bit_offset + bits) if it lies inside `t`:
 * sets *p and *abs (the absolute bit offset in *p). */
static bool segment_at(Term t, size_t bit_offset, size_t bits, const uint8_t **p, size_t *abs)
{
    size_t off, size;
    bitstring_view(t, p, &off, &size);
    if (bit_offset > size || bits > size - bit_offset) return false;
    *abs = off + bit_offset;
    return true;
}

/* A segment's value as an unsigned number of at most 64 bits. */
static uint64_t read_unsigned(const uint8_t *p, size_t abs, size_t bits, bool little)
{
    if (!little || bits <= 8) return bits_read(p, abs, bits);
    size_t full = bits / 8, rest = bits % 8;
    uint64_t v = 0;
    for (size_t k = 0; k < full; k++) v |= bits_read(p, abs + 8 * k, 8) << (8 * k);
    if (rest) v |= bits_read(p, abs + 8 * full, rest) << (8 * full);
    return v;
}

bool binmatch_integer(Heap *h, Term t, size_t *bit_offset, size_t bits, bool little, bool is_signed, Term *out)
{
    const uint8_t *p;
    size_t abs;
    if (!segment_at(t, *bit_offset, bits, &p, &abs)) return false;
    if (bits == 0) {
        *out = small_make(0);
    } else if (bits <= 64) {
        uint64_t v = read_unsigned(p, abs, bits, little);
        if (is_signed && (v >> (bits - 1)) & 1) {
            if (bits < 64) v |= ~(uint64_t)0 << bits;
            *out = integer_from_i64(h, (int64_t)v);
        } else {
            *out = integer_from_u64(h, v);
        }
    } else {
        size_t full = bits / 8, rest = bits % 8, nbytes = bytes_for_bits(bits);
        uint8_t stack_bytes[64];
        uint8_t *le = nbytes <= sizeof stack_bytes ? stack_bytes : xmalloc(nbytes);
        if (little) {
            for (size_t k = 0; k < full; k++) le[k] = (uint8_t)bits_read(p, abs + 8 * k, 8);
            if (rest) le[full] = (uint8_t)bits_read(p, abs + 8 * full, rest);
        } else {
            if (rest) le[full] = (uint8_t)bits_read(p, abs, rest);
            for (size_t k = 0; k < full; k++) le[full - 1 - k] = (uint8_t)bits_read(p, abs + rest + 8 * k, 8);
        }
        mpz_t z;
        mpz_init(z);
        mpz_import(z, nbytes, -1, 1, 0, 0, le);
        if (le != stack_bytes) free(le);
        if (is_signed && mpz_tstbit(z, bits - 1)) {
            mpz_t m;
            mpz_init_set_ui(m, 1);
            mpz_mul_2exp(m, m, bits);
            mpz_sub(z, z, m);
            mpz_clear(m);
        }
        *out = integer_from_mpz(h, z);
        mpz_clear(z);
    }
    *bit_offset += bits;
    return true;
}

bool binmatch_float(Heap *h, Term t, size_t *bit_offset, size_t bits, bool little, Term *out)
{
    if (bits != 16 && bits != 32 && bits != 64) return false;
    const uint8_t *p;
    size_t abs;
    if (!segment_at(t, *bit_offset, bits, &p, &abs)) return false;
    uint64_t v = read_unsigned(p, abs, bits, little);
    double d;
    if (bits == 64) {
        memcpy(&d, &v, sizeof d);
    } else if (bits == 32) {
        uint32_t u = (uint32_t)v;
        float f;
        memcpy(&f, &u, sizeof f);
        d = f;
    } else {
        d = half_to_double((uint16_t)v);
    }
    if (!isfinite(d)) return false;
    *out = float_new(h, d);
    *bit_offset += bits;
    return true;
}

bool binmatch_bits(Heap *h, Term t, size_t *bit_offset, size_t bits, Term *out)
{
    size_t size = bitstring_bit_size(t);
    if (*bit_offset > size) return false;
    if (bits == SIZE_MAX) bits = size - *bit_offset;
    else if (bits > size - *bit_offset) return false;
    *out = bitstring_slice(h, t, *bit_offset, bits);
    *bit_offset += bits;
    return true;
}

bool binmatch_utf8(Term t, size_t *bit_offset, Term *out)
{
    const uint8_t *p;
    size_t off, size;
    bitstring_view(t, &p, &off, &size);
    if (*bit_offset > size || size - *bit_offset < 8) return false;
    size_t abs = off + *bit_offset, avail = (size - *bit_offset) / 8;
    uint32_t b0 = (uint32_t)bits_read(p, abs, 8), c, min;
    size_t len;
    if (b0 < 0x80) {
        *out = small_make(b0);
        *bit_offset += 8;
        return true;
    } else if (b0 >= 0xC0 && b0 < 0xE0) {
        len = 2, c = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 < 0xF0) {
        len = 3, c = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 < 0xF8) {
        len = 4, c = b0 & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (avail < len) return false;
    for (size_t k = 1; k < len; k++) {
        uint32_t bk = (uint32_t)bits_read(p, abs + 8 * k, 8);
        if ((bk & 0xC0) != 0x80) return false;
        c = (c << 6) | (bk & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    *out = small_make(c);
    *bit_offset += 8 * len;
    return true;
}

bool binmatch_utf16(Term t, size_t *bit_offset, bool little, Term *out)
{
    const uint8_t *p;
    size_t abs;
    if (!segment_at(t, *bit_offset, 16, &p, &abs)) return false;
    uint32_t u = (uint32_t)read_unsigned(p, abs, 16, little);
    if (u >= 0xDC00 && u <= 0xDFFF) return false;
    if (u < 0xD800 || u > 0xDBFF) {
        *out = small_make(u);
        *bit_offset += 16;
        return true;
    }
    if (!segment_at(t, *bit_offset + 16, 16, &p, &abs)) return false;
    uint32_t lo = (uint32_t)read_unsigned(p, abs, 16, little);
    if (lo < 0xDC00 || lo > 0xDFFF) return false;
    *out = small_make(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
    *bit_offset += 32;
    return true;
}

bool binmatch_utf32(Term t, size_t *bit_offset, bool little, Term *out)
{
    const uint8_t *p;
    size_t abs;
    if (!segment_at(t, *bit_offset, 32, &p, &abs)) return false;
    uint32_t c = (uint32_t)read_unsigned(p, abs, 32, little);
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    *out = small_make(c);
    *bit_offset += 32;
    return true;
}

size_t utf8_valid_prefix(const uint8_t *s, size_t n, bool *incomplete)
{
    size_t i = 0;
    if (incomplete) *incomplete = false;
    while (i < n) {
        /* Skip ASCII a word at a time: most text is mostly ASCII. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint8_t lo = 0x80, hi = 0xBF; /* bounds of the second byte */
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        size_t k = 1;
        for (; k < len && i + k < n; k++) {
            uint8_t b = s[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return i;
        }
        if (k < len) {
            /* a sequence that the end cut short */
            if (incomplete) *incomplete = true;
            return i;
        }
        i += len;
    }
    return n;
}

bool utf8_valid(const uint8_t *s, size_t n) { return utf8_valid_prefix(s, n, NULL) == n; }
