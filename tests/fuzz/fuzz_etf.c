/* fuzz_etf.c - libFuzzer target: :erlang.binary_to_term/1,2 on any bytes.
 * The first input byte picks the options (safe or not); the rest is the
 * binary. A decoded term is encoded again with term_to_binary and shown
 * with inspect, so whatever the decoder builds is walked by both. It must
 * give a term or a badarg, never crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "inspect.h"
#include "native.h"
#include "process.h"
#include "runtime.h"

static Process proc;
static NativeFn decode1, decode2, encode1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    runtime_init(0);
    decode1 = native_lookup(atom_from_cstr("erlang"), atom_from_cstr("binary_to_term"), 1);
    decode2 = native_lookup(atom_from_cstr("erlang"), atom_from_cstr("binary_to_term"), 2);
    encode1 = native_lookup(atom_from_cstr("erlang"), atom_from_cstr("term_to_binary"), 1);
    if (!decode1 || !decode2 || !encode1) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    heap_init(&proc.heap, 1024);
    proc.dictionary = TERM_NIL;
    proc.exc_stacktrace = TERM_NIL;
    proc.exc_class = ATOM_nil;
    Term args[2];
    args[0] = binary_new(&proc.heap, data + 1, size - 1);
    Term t;
    if (data[0] & 1) {
        args[1] = cons_new(&proc.heap, atom_from_cstr("safe"), TERM_NIL);
        t = decode2(&proc, args);
    } else {
        t = decode1(&proc, args);
    }
    if (t != TERM_NONE) {
        InspectOpts o;
        inspect_opts_default(&o);
        free(inspect_to_cstring(t, &o, NULL));
        proc.exc_class = ATOM_nil;
        args[0] = t;
        encode1(&proc, args);
    }
    heap_release(&proc.heap);
    return 0;
}
