/* test_binary.c - <<>> construction and matching; every expected value was
 * produced by Elixir 1.14 / OTP 25 (inspect output, all bytes numeric). */
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "check.h"
#include "compare.h"
#include "integer.h"
#include "runtime.h"

static Heap heap;
static Heap *h = &heap;

/* A bitstring printed as Elixir prints one with non-printable bytes. */
static const char *show(Term t)
{
    static char bufs[4][4096];
    static int next;
    char *b = bufs[next++ & 3];
    if (!term_is_bitstring(t)) return "not a bitstring";
    size_t bits = bitstring_bit_size(t), n = 0, i = 0;
    n += (size_t)snprintf(b + n, 4096 - n, "<<");
    for (; i + 8 <= bits; i += 8) {
        unsigned v = 0;
        for (size_t k = 0; k < 8; k++) v = (v << 1) | bitstring_bit(t, i + k);
        n += (size_t)snprintf(b + n, 4096 - n, "%s%u", i ? ", " : "", v);
    }
    if (i < bits) {
        unsigned v = 0;
        for (size_t k = i; k < bits; k++) v = (v << 1) | bitstring_bit(t, k);
        n += (size_t)snprintf(b + n, 4096 - n, "%s%u::size(%zu)", i ? ", " : "", v, bits - i);
    }
    snprintf(b + n, 4096 - n, ">>");
    return b;
}

static const char *dec(Term t)
{
    static char buf[256];
    if (!term_is_integer(t)) return "not an integer";
    char *s = integer_to_cstring(t, 10);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

static Term num(int64_t v) { return small_make(v); }
static Term big(const char *s) { return integer_parse(h, s, strlen(s), 10); }
static Term hex(const char *s) { return integer_parse(h, s, strlen(s), 16); }

/* Builds a one-integer-segment bitstring. */
static Term int_seg(Term v, size_t bits, bool little)
{
    BinBuilder b;
    binbuild_init(&b);
    if (!binbuild_integer(&b, v, bits, little, false)) {
        binbuild_free(&b);
        return TERM_NONE;
    }
    return binbuild_finish(&b, h);
}

static Term float_seg(Term v, size_t bits, bool little)
{
    BinBuilder b;
    binbuild_init(&b);
    if (!binbuild_float(&b, v, bits, little)) {
        binbuild_free(&b);
        return TERM_NONE;
    }
    return binbuild_finish(&b, h);
}

typedef enum { UTF8, UTF16, UTF16LE, UTF32, UTF32LE } Utf;
static Term utf_seg(Term cp, Utf kind)
{
    BinBuilder b;
    binbuild_init(&b);
    bool ok = kind == UTF8 ? binbuild_utf8(&b, cp)
            : kind == UTF16 || kind == UTF16LE ? binbuild_utf16(&b, cp, kind == UTF16LE)
                                               : binbuild_utf32(&b, cp, kind == UTF32LE);
    if (!ok) {
        binbuild_free(&b);
        return TERM_NONE;
    }
    return binbuild_finish(&b, h);
}

static Term bytes(size_t n, const uint8_t *p) { return binary_new(h, p, n); }
#define BYTES(...) bytes(sizeof((uint8_t[]){__VA_ARGS__}), (uint8_t[]){__VA_ARGS__})

int main(void)
{
    runtime_init(0);
    heap_init(h, 4096);

    /* integer segments */
    CHECK_STR(show(int_seg(num(256), 8, false)), "<<0>>", "<<256::8>> truncates");
    CHECK_STR(show(int_seg(num(-1), 8, false)), "<<255>>", "<<-1::8>>");
    CHECK_STR(show(int_seg(num(0xABC), 12, true)), "<<188, 10::size(4)>>", "<<0xABC::12-little>>");
    CHECK_STR(show(int_seg(num(0xABCDE), 20, true)), "<<222, 188, 10::size(4)>>", "<<0xABCDE::20-little>>");
    CHECK_STR(show(int_seg(num(-1), 12, true)), "<<255, 15::size(4)>>", "<<-1::12-little>>");
    CHECK_STR(show(int_seg(num(0xDEADBEEF), 32, true)), "<<239, 190, 173, 222>>", "<<0xDEADBEEF::32-little>>");
    CHECK_STR(show(int_seg(num(-2), 64, true)), "<<254, 255, 255, 255, 255, 255, 255, 255>>", "<<-2::64-little>>");
    CHECK_STR(show(int_seg(hex("3FFFFFFFFFFFFFFFFF"), 64, false)), "<<255, 255, 255, 255, 255, 255, 255, 255>>",
              "a bignum truncated to 64 bits");
    CHECK_STR(show(int_seg(big("-123456789012345678901234567890"), 100, true)),
              "<<46, 245, 192, 177, 17, 31, 140, 60, 9, 240, 22, 113, 14::size(4)>>", "<<-123...890::size(100)-little>>");
    CHECK_STR(show(int_seg(big("123456789012345678901234567890"), 99, false)),
              "<<49, 221, 33, 254, 216, 110, 124, 29, 201, 199, 225, 90, 2::size(3)>>", "<<123...890::size(99)>>");
    CHECK(int_seg(float_new(h, 1.0), 8, false) == TERM_NONE, "<<1.0::8>> is badarg");
    CHECK(int_seg(atom_from_cstr("a"), 8, false) == TERM_NONE, "<<:a::8>> is badarg");
    CHECK_STR(show(int_seg(num(5), 0, false)), "<<>>", "a zero-size segment");
    {
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, num(256), 8, false, false);
        binbuild_integer(&b, num(-1), 8, false, false);
        binbuild_integer(&b, hex("400000000000000000"), 72, false, false);
        binbuild_integer(&b, num(-1), 70, false, false);
        CHECK_STR(show(binbuild_finish(&b, h)),
                  "<<0, 255, 64, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 63::size(6)>>",
                  "<<256::8, -1::8, (1 <<< 70)::72, -1::70>>");
    }

    /* float segments */
    CHECK_STR(show(float_seg(float_new(h, 1.5), 32, false)), "<<63, 192, 0, 0>>", "<<1.5::float-32>>");
    CHECK_STR(show(float_seg(float_new(h, 1.5), 16, false)), "<<62, 0>>", "<<1.5::float-16>>");
    CHECK_STR(show(float_seg(float_new(h, 1.5), 64, true)), "<<0, 0, 0, 0, 0, 0, 248, 63>>", "<<1.5::float-little>>");
    CHECK_STR(show(float_seg(num(1), 64, false)), "<<63, 240, 0, 0, 0, 0, 0, 0>>", "<<1::float>>");
    CHECK_STR(show(float_seg(float_new(h, 1.0e300), 32, false)), "<<127, 128, 0, 0>>", "<<1.0e300::float-32>> is infinity");
    CHECK_STR(show(float_seg(float_new(h, 65519.0), 16, false)), "<<123, 255>>", "<<65519.0::float-16>> rounds down");
    CHECK_STR(show(float_seg(float_new(h, 65520.0), 16, false)), "<<124, 0>>", "<<65520.0::float-16>> is infinity");
    CHECK(float_seg(hex("1" "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        "00000000000000000000000000000000000000000000000000000000000000000000000000000000"),
                    64, false) == TERM_NONE,
          "<<(1 <<< 1376)::float>> is badarg");
    CHECK(float_seg(float_new(h, 1.0), 8, false) == TERM_NONE, "<<1.0::float-8>> is badarg");
    CHECK(float_seg(atom_from_cstr("x"), 64, false) == TERM_NONE, "<<:x::float>> is badarg");
    {
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, num(0), 4, false, false);
        binbuild_float(&b, float_new(h, 2.5), 32, true);
        binbuild_integer(&b, num(0), 4, false, false);
        CHECK_STR(show(binbuild_finish(&b, h)), "<<0, 0, 2, 4, 0>>", "<<0::4, 2.5::float-32-little, 0::4>>");
        binbuild_init(&b);
        binbuild_integer(&b, num(1), 3, false, false);
        binbuild_float(&b, float_new(h, 1.5), 16, false);
        binbuild_integer(&b, num(7), 5, false, false);
        CHECK_STR(show(binbuild_finish(&b, h)), "<<39, 192, 7>>", "<<1::3, 1.5::float-16, 7::5>>");
    }

    {
        BinBuilder b;
        binbuild_init(&b);
        CHECK(!binbuild_integer(&b, num(1), (size_t)1 << 40, false, false), "<<1::size(1 <<< 40)>> fails instead of exhausting memory");
        binbuild_free(&b);
    }

    /* unicode segments */
    CHECK_STR(show(utf_seg(num(0x20AC), UTF8)), "<<226, 130, 172>>", "<<0x20AC::utf8>>");
    CHECK_STR(show(utf_seg(num(0x1F600), UTF8)), "<<240, 159, 152, 128>>", "<<0x1F600::utf8>>");
    CHECK_STR(show(utf_seg(num(0x1F600), UTF16)), "<<216, 61, 222, 0>>", "<<0x1F600::utf16>>");
    CHECK_STR(show(utf_seg(num(0x1F600), UTF16LE)), "<<61, 216, 0, 222>>", "<<0x1F600::utf16-little>>");
    CHECK_STR(show(utf_seg(num(0x1F600), UTF32LE)), "<<0, 246, 1, 0>>", "<<0x1F600::utf32-little>>");
    CHECK_STR(show(utf_seg(num(0x41), UTF32)), "<<0, 0, 0, 65>>", "<<?A::utf32>>");
    CHECK(utf_seg(num(0xD800), UTF8) == TERM_NONE, "<<0xD800::utf8>> is badarg");
    CHECK(utf_seg(num(0x110000), UTF8) == TERM_NONE, "<<0x110000::utf8>> is badarg");
    CHECK(utf_seg(num(-1), UTF16) == TERM_NONE, "<<-1::utf16>> is badarg");
    CHECK(utf_seg(num(0xDFFF), UTF32) == TERM_NONE, "<<0xDFFF::utf32>> is badarg");

    /* binary and bitstring segments */
    Term abc = binary_from_cstr(h, "abc");
    {
        BinBuilder b;
        binbuild_init(&b);
        CHECK(binbuild_bits(&b, abc, 16), "<<\"abc\"::binary-size(2)>> takes a prefix");
        CHECK_STR(show(binbuild_finish(&b, h)), "<<97, 98>>", "<<\"abc\"::binary-size(2)>>");
        binbuild_init(&b);
        CHECK(!binbuild_bits(&b, abc, 32), "<<\"abc\"::binary-size(4)>> is badarg");
        CHECK(!binbuild_bits(&b, num(1), SIZE_MAX), "<<1::binary>> is badarg");
        binbuild_free(&b);
        binbuild_init(&b);
        binbuild_integer(&b, num(1), 1, false, false);
        binbuild_integer(&b, num(0), 1, false, false);
        binbuild_bits(&b, binary_from_cstr(h, "a"), SIZE_MAX);
        CHECK_STR(show(binbuild_finish(&b, h)), "<<152, 1::size(2)>>", "<<1::1, 0::1, \"a\">>");
        binbuild_init(&b);
        binbuild_integer(&b, num(0), 7, false, false);
        binbuild_bits(&b, BYTES(1, 2, 3), SIZE_MAX);
        binbuild_integer(&b, num(1), 1, false, false);
        Term joined = binbuild_finish(&b, h);
        CHECK_STR(show(joined), "<<0, 2, 4, 7>>", "<<0::7, <<1, 2, 3>>::binary, 1::1>>");
        const uint8_t *jb;
        size_t jn;
        CHECK(binary_bytes(joined, &jb, &jn) && jn == 4 && jb[3] == 7, "binary_bytes of a built binary");
        binbuild_init(&b);
        CHECK_STR(show(binbuild_finish(&b, h)), "<<>>", "an empty builder gives <<>>");
    }

    /* matching integers, also at unaligned offsets */
    size_t off = 3;
    Term x = TERM_NONE, rest = TERM_NONE;
    Term b1 = BYTES(0xB6, 0xC0);
    CHECK(binmatch_integer(h, b1, &off, 8, false, false, &x) && x == num(182) && off == 11, "<<_::3, x::8, _::bits>>");
    CHECK(binmatch_bits(h, b1, &off, SIZE_MAX, &rest) && off == 16, "rest::bits matches the tail");
    CHECK_STR(show(rest), "<<0::size(5)>>", "rest is <<0::size(5)>>");
    Term b2 = BYTES(0xFF, 0x12, 0x34, 0x56);
    off = 5;
    CHECK(binmatch_integer(h, b2, &off, 16, true, false, &x) && x == num(18146), "<<_::5, y::16-little, _::bits>>");
    CHECK(binmatch_bits(h, b2, &off, SIZE_MAX, &rest), "unaligned rest");
    CHECK_STR(show(rest), "<<138, 6::size(3)>>", "unaligned rest is <<138, 6::size(3)>>");
    Term b3 = BYTES(188, 10 << 4);
    Term b3s = bitstring_slice(h, b3, 0, 12);
    off = 0;
    CHECK(binmatch_integer(h, b3s, &off, 12, true, false, &x) && x == num(2748), "<<x::12-little>> = <<188, 10::4>>");
    off = 0;
    CHECK(binmatch_integer(h, b3s, &off, 12, true, true, &x) && x == num(-1348), "<<x::12-little-signed>>");
    off = 0;
    CHECK(!binmatch_integer(h, b3s, &off, 13, false, false, &x) && off == 0, "a segment longer than the rest fails");
    Term b4 = BYTES(200, 1, 2, 3, 4, 0xFF, 0xFF, 0xFE);
    Term a, bb, cc;
    off = 0;
    bool ok = binmatch_integer(h, b4, &off, 8, false, true, &a) && binmatch_integer(h, b4, &off, 32, true, false, &bb) &&
              binmatch_integer(h, b4, &off, 24, false, true, &cc);
    CHECK(ok && a == num(-56) && bb == num(67305985) && cc == num(-2), "<<a::signed-8, b::little-32, c::signed-24>>");
    Term ones = BYTES(255, 255, 255, 255, 255, 255, 255, 255);
    off = 0;
    CHECK(binmatch_integer(h, ones, &off, 64, false, false, &x), "<<x::64>> of all ones");
    CHECK_STR(dec(x), "18446744073709551615", "<<x::64>> of all ones is 2^64 - 1");
    off = 0;
    CHECK(binmatch_integer(h, ones, &off, 64, false, true, &x) && x == num(-1), "<<x::64-signed>> of all ones is -1");
    {
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, num(0xAB), 8, false, false);
        binbuild_integer(&b, hex("CDEF0123456789ABCDEF01234"), 100, false, false);
        binbuild_integer(&b, num(0), 3, false, false);
        Term big_bits = binbuild_finish(&b, h);
        off = 1;
        CHECK(binmatch_integer(h, big_bits, &off, 100, false, false, &x), "a 100-bit segment at offset 1");
        CHECK_STR(dec(x), "433818044221329224339426238500", "<<_::1, z::100, _::bits>>");
        CHECK(binmatch_bits(h, big_bits, &off, SIZE_MAX, &rest), "the rest after a bignum");
        CHECK_STR(show(rest), "<<104, 0::size(2)>>", "the rest after a bignum is <<104, 0::size(2)>>");
        off = 1;
        CHECK(binmatch_integer(h, big_bits, &off, 100, true, true, &x), "a signed little 100-bit segment");
        CHECK_STR(dec(x), "317800735181753579036349471575", "<<_::1, z::100-signed-little, _::bits>>");
        off = 0;
        CHECK(binmatch_integer(h, ones, &off, 64, false, false, &x) &&
                  binmatch_integer(h, int_seg(big("-123456789012345678901234567890"), 100, false), &(size_t){0}, 100, false,
                                   true, &x),
              "signed 100-bit round trip matches");
        CHECK_STR(dec(x), "-123456789012345678901234567890", "signed 100-bit round trip value");
    }

    /* matching floats */
    Term f;
    {
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, num(0), 4, false, false);
        binbuild_float(&b, float_new(h, 2.5), 32, false);
        binbuild_integer(&b, num(0), 4, false, false);
        Term fb = binbuild_finish(&b, h);
        off = 4;
        CHECK(binmatch_float(h, fb, &off, 32, false, &f) && float_value(f) == 2.5 && off == 36, "<<_::4, f::float-32, _::4>>");
    }
    off = 0;
    CHECK(!binmatch_float(h, BYTES(0x7F, 0x80, 0, 0), &off, 32, false, &f), "<<f::float-32>> fails on infinity");
    off = 0;
    CHECK(!binmatch_float(h, BYTES(0x7F, 0xF8, 0, 0, 0, 0, 0, 0), &off, 64, false, &f), "<<f::float>> fails on NaN");
    off = 0;
    CHECK(binmatch_float(h, BYTES(0, 1), &off, 16, false, &f) && float_value(f) == 5.960464477539063e-8,
          "a subnormal half float");
    off = 0;
    CHECK(binmatch_float(h, BYTES(0x7B, 0xFF), &off, 16, false, &f) && float_value(f) == 65504.0, "the largest half float");
    off = 0;
    CHECK(binmatch_float(h, BYTES(0, 0, 0, 0, 0, 0, 248, 63), &off, 64, true, &f) && float_value(f) == 1.5, "<<f::float-little>>");
    off = 0;
    CHECK(!binmatch_float(h, BYTES(1), &off, 8, false, &f), "an 8-bit float never matches");

    /* matching unicode */
    Term cp;
    {
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, num(0), 2, false, false);
        binbuild_utf8(&b, num(0x20AC));
        binbuild_integer(&b, num(0), 6, false, false);
        Term ub = binbuild_finish(&b, h);
        off = 2;
        CHECK(binmatch_utf8(ub, &off, &cp) && cp == num(8364) && off == 26, "<<_::2, c::utf8, _::bits>>");
    }
    off = 0;
    CHECK(!binmatch_utf8(BYTES(0xED, 0xA0, 0x80), &off, &cp), "utf8 rejects an encoded surrogate");
    off = 0;
    CHECK(!binmatch_utf8(BYTES(0xC0, 0x80), &off, &cp), "utf8 rejects an overlong encoding");
    off = 0;
    CHECK(!binmatch_utf8(BYTES(0xF4, 0x90, 0x80, 0x80), &off, &cp), "utf8 rejects beyond U+10FFFF");
    off = 0;
    CHECK(!binmatch_utf8(BYTES(0xE2, 0x82), &off, &cp), "utf8 rejects a truncated sequence");
    off = 0;
    CHECK(binmatch_utf8(BYTES(0xF0, 0x9F, 0x98, 0x80), &off, &cp) && cp == num(0x1F600), "utf8 four bytes");
    off = 0;
    CHECK(binmatch_utf16(BYTES(216, 61, 222, 0), &off, false, &cp) && cp == num(0x1F600) && off == 32, "utf16 surrogate pair");
    off = 0;
    CHECK(binmatch_utf16(BYTES(61, 216, 0, 222), &off, true, &cp) && cp == num(0x1F600), "utf16-little surrogate pair");
    off = 0;
    CHECK(!binmatch_utf16(BYTES(0xDC, 0), &off, false, &cp), "utf16 rejects a lone low surrogate");
    off = 0;
    CHECK(!binmatch_utf16(BYTES(0xD8, 0, 0, 0x41), &off, false, &cp), "utf16 rejects an unpaired high surrogate");
    off = 0;
    CHECK(binmatch_utf32(BYTES(0, 246, 1, 0), &off, true, &cp) && cp == num(0x1F600), "utf32-little");
    off = 0;
    CHECK(!binmatch_utf32(BYTES(0, 0x11, 0, 0), &off, false, &cp), "utf32 rejects beyond U+10FFFF");

    /* slices */
    Term text = binary_from_cstr(h, "The quick brown fox jumps over the lazy dog");
    Term s = bitstring_slice(h, text, 4 * 8, 30 * 8);
    CHECK(boxed_type(s) == BOX_SUBBIN, "a long aligned slice is a sub-binary");
    const uint8_t *sb;
    size_t sn;
    CHECK(binary_bytes(s, &sb, &sn) && sn == 30 && memcmp(sb, "quick brown fox jumps over the", 30) == 0, "sub-binary bytes");
    Term ss = bitstring_slice(h, s, 6 * 8, 20 * 8);
    CHECK(boxed_type(ss) == BOX_SUBBIN && boxed_ptr(ss)[1] == text, "a slice of a slice refers to the original");
    Term un = bitstring_slice(h, text, 3, 30 * 8);
    CHECK(binary_bytes(un, &sb, &sn) && sn == 30, "an unaligned slice that is a binary still has bytes");
    CHECK(bitstring_slice(h, text, 0, bitstring_bit_size(text)) == text, "the whole slice is the binary itself");
    CHECK(!binary_bytes(bitstring_slice(h, text, 0, 30 * 8 + 1), &sb, &sn), "a bitstring has no bytes view");
    CHECK(term_is_binary(s) && !term_is_binary(bitstring_slice(h, text, 8, 7)), "term_is_binary");

    /* round trips through the builder's inline and heap storage */
    {
        BinBuilder b;
        binbuild_init(&b);
        for (int i = 0; i < 300; i++) binbuild_integer(&b, num(i % 128), 7, false, false);
        Term sevens = binbuild_finish(&b, h);
        bool same = bitstring_bit_size(sevens) == 2100;
        size_t o = 0;
        for (int i = 0; i < 300 && same; i++) same = binmatch_integer(h, sevens, &o, 7, false, false, &x) && x == num(i % 128);
        CHECK(same, "300 seven-bit segments read back");
        /* pseudo-random segments of every size, order and sign */
        uint64_t seed = 12345;
        size_t widths[500];
        bool littles[500], signeds[500];
        Term values[500];
        binbuild_init(&b);
        for (int i = 0; i < 500; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t w = 1 + (seed >> 33) % 130;
            bool little = (seed >> 20) & 1, is_signed = (seed >> 21) & 1;
            Term v;
            if (w <= 60) {
                int64_t r = (int64_t)(seed >> 4) >> (64 - w); /* w-bit signed value */
                if (!is_signed) r &= (int64_t)(((uint64_t)1 << w) - 1);
                v = num(r);
            } else {
                char digits[48];
                snprintf(digits, sizeof digits, "%s%llx%016llx", is_signed && (seed & 1) ? "-" : "",
                         (unsigned long long)(seed >> (64 - (w - 60 < 64 ? w - 60 : 63))), (unsigned long long)seed);
                v = hex(digits);
            }
            widths[i] = w, littles[i] = little, signeds[i] = is_signed, values[i] = v;
            binbuild_integer(&b, v, w, little, is_signed);
        }
        Term mixed = binbuild_finish(&b, h);
        same = true;
        o = 0;
        for (int i = 0; i < 500 && same; i++) {
            Term back;
            same = binmatch_integer(h, mixed, &o, widths[i], littles[i], signeds[i], &back);
            /* A value wider than its segment comes back truncated; compare
             * by re-encoding both. */
            if (same && term_compare(back, values[i]) != 0) {
                Term e1 = int_seg(back, widths[i], littles[i]), e2 = int_seg(values[i], widths[i], littles[i]);
                same = term_compare(e1, e2) == 0;
            }
        }
        CHECK(same && o == bitstring_bit_size(mixed), "500 random integer segments read back");
    }

    /* utf8_valid */
    CHECK(utf8_valid((const uint8_t *)"h\xc3\xa9llo w\xe2\x82\xac rld \xf0\x9f\x98\x80", 20), "valid UTF-8");
    CHECK(utf8_valid((const uint8_t *)"", 0), "the empty string is valid");
    CHECK(!utf8_valid((const uint8_t *)"abc\xff", 4), "0xFF is invalid");
    CHECK(!utf8_valid((const uint8_t *)"\xed\xa0\x80", 3), "an encoded surrogate is invalid");
    CHECK(!utf8_valid((const uint8_t *)"\xc0\xaf", 2), "an overlong slash is invalid");
    CHECK(!utf8_valid((const uint8_t *)"abcdefghij\xe2\x82", 12), "a truncated tail is invalid");
    CHECK(!utf8_valid((const uint8_t *)"\xf4\x90\x80\x80", 4), "beyond U+10FFFF is invalid");

    /* appending: a loop of acc <> byte is linear (in place), values stay */
    {
        Heap ah;
        heap_init(&ah, 0);
        Term acc = binary_new(&ah, "", 0), at100 = TERM_NONE;
        size_t n = 1000000;
        for (size_t i = 0; i < n; i++) {
            BinBuilder b;
            binbuild_init(&b);
            binbuild_integer(&b, small_make((int64_t)('a' + i % 26)), 8, false, false);
            acc = binbuild_append(&b, acc, &ah);
            if (i == 99) at100 = acc;
        }
        const uint8_t *bytes;
        size_t size;
        bool ok = binary_bytes(acc, &bytes, &size) && size == n;
        for (size_t i = 0; ok && i < n; i++) ok = bytes[i] == 'a' + i % 26;
        CHECK(ok, "1,000,000 one-byte appends build the right binary");
        printf("# %zu heap words for 1,000,000 appended bytes\n", ah.capacity_words);
        CHECK(ah.capacity_words < 16 * n, "appending is linear: a few words per byte, not a copy per append");
        BinBuilder b;
        binbuild_init(&b);
        binbuild_integer(&b, small_make('!'), 8, false, false);
        Term branch = binbuild_append(&b, at100, &ah);
        CHECK(binary_bytes(at100, &bytes, &size) && size == 100 && bytes[99] == 'a' + 99 % 26,
              "an earlier append keeps its value");
        CHECK(binary_bytes(branch, &bytes, &size) && size == 101 && bytes[100] == '!' && bytes[99] == 'a' + 99 % 26,
              "appending to an earlier value copies instead of overwriting");
        CHECK(binary_bytes(acc, &bytes, &size) && size == n && bytes[100] == 'a' + 100 % 26, "and leaves the latest intact");
        Term whole = bitstring_slice(&ah, acc, 0, bitstring_bit_size(acc));
        binbuild_init(&b);
        binbuild_integer(&b, small_make('?'), 8, false, false);
        binbuild_append(&b, acc, &ah);
        CHECK(bitstring_bit_size(whole) == 8 * n, "a slice of a writable binary never sees later appends");
        heap_release(&ah);
    }

    heap_release(h);
    CHECK_DONE();
}
