/* test_offheap.c - binaries larger than 64 bytes live off the process
 * heaps, counted by reference (binary.h): a copy into another heap (a
 * message, an ETS object) shares the bytes, the literal arena gets bytes
 * of its own, a collection frees what no heap refers to any more, so a
 * process that makes big binaries and drops them runs in constant memory,
 * and a 3 GB binary fits a process whose max_heap_size is small. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

#include "binary.h"
#include "genlab_script.h"
#include "heap.h"

#define run(g, source) genlab_script_run(g, source, "offheap.exs")

int main(void)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, genlab_script_keep);
    size_t count0 = refbin_count(), bytes0 = refbin_bytes();

    Heap a, b;
    heap_init(&a, 256);
    heap_init(&b, 256);
    char text[200];
    for (size_t i = 0; i < sizeof text; i++) text[i] = (char)('a' + i % 26);
    Term small = binary_new(&a, text, BINARY_HEAP_MAX_BYTES), big = binary_new(&a, text, BINARY_HEAP_MAX_BYTES + 1);
    CHECK(boxed_type(small) == BOX_BINARY, "64 bytes stay on the heap");
    CHECK(boxed_type(big) == BOX_REFBIN && refbin_count() == count0 + 1, "65 bytes go off the heap");
    Term copy = term_copy(&b, big);
    const uint8_t *p1, *p2;
    size_t n1, n2;
    CHECK(binary_bytes(big, &p1, &n1) && binary_bytes(copy, &p2, &n2) && p1 == p2 && n2 == 65,
          "a copy into another heap shares the bytes");
    CHECK(refbin_count() == count0 + 1, "and makes no new binary");
    Term slice = bitstring_slice(&b, copy, 8 * 10, 8 * 40);
    CHECK(boxed_type(slice) == BOX_SUBBIN && binary_bytes(slice, &p2, &n2) && p2 == p1 + 10 && n2 == 40,
          "a slice of it refers to the same bytes");
    Term lit = term_copy(literal_heap(), big);
    CHECK(boxed_type(lit) == BOX_BINARY && binary_bytes(lit, &p2, &n2) && p2 != p1 && n2 == 65 &&
              memcmp(p2, text, 65) == 0,
          "a literal holds its own bytes");
    heap_release(&a);
    CHECK(refbin_count() == count0 + 1 && binary_bytes(copy, &p2, &n2) && memcmp(p2, text, 65) == 0,
          "the bytes live on while another heap refers to them");
    heap_release(&b);
    CHECK(refbin_count() == count0 && refbin_bytes() == bytes0, "and are freed with the last reference");

    /* 1,000 binaries of 1 MB, each dropped: 1 GB in all, under a 64 MB limit */
    genlab_set_limits(g, 0, (size_t)64 << 20);
    CHECK(run(g, "{pid, ref} = spawn_monitor(fn ->\n"
                 "  Enum.each(1..1000, fn i -> b = String.duplicate(<<rem(i, 256)>>, 1_000_000); "
                 "^i = i + :binary.last(b) - rem(i, 256) end)\n"
                 "end)\n"
                 "receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end\n") == 0,
          "a process builds and drops 1,000 binaries of 1 MB");
    CHECK_STR(out, ":normal\n", "within 64 MB: the collector frees them as it goes");

    /* a sub-binary keeps its base alive through collections */
    CHECK(run(g, "<<_::binary-size(10), rest::binary>> = String.duplicate(\"0123456789\", 100_000)\n"
                 "Enum.each(1..50, fn _ -> _ = String.duplicate(\"y\", 1_000_000); :erlang.garbage_collect() end)\n"
                 "IO.inspect({byte_size(rest), binary_part(rest, 999_980, 10)})\n") == 0,
          "a sub-binary survives collections");
    CHECK_STR(out, "{999990, \"0123456789\"}\n", "with the bytes of its base");

    genlab_set_limits(g, 0, (size_t)16 << 30);
    CHECK(run(g, "{pid, ref} = spawn_monitor(fn ->\n"
                 "  Process.flag(:max_heap_size, 100_000)\n"
                 "  b = String.duplicate(\"x\", 3_000_000_000)\n"
                 "  IO.inspect({byte_size(b), binary_part(b, 2_999_999_990, 10)})\n"
                 "end)\n"
                 "receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end\n") == 0,
          "a 3 GB String.duplicate runs");
    CHECK_STR(out, "{3000000000, \"xxxxxxxxxx\"}\n:normal\n", "in a process whose heap may hold 800 KB");
    CHECK(refbin_bytes() < ((size_t)1 << 30), "its 3 GB are freed when the process ends");

    genlab_free(g);
    CHECK_DONE();
}
