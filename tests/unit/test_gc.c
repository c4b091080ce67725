/* test_gc.c - the copying collector keeps exactly what the roots reach. */
#include "check.h"

#include "atom.h"
#include "binary.h"
#include "compare.h"
#include "gc.h"
#include "heap.h"
#include "integer.h"
#include "map.h"
#include "runtime.h"
#include "vm.h"

static Process proc;

static void setup(void)
{
    memset(&proc, 0, sizeof proc);
    heap_init(&proc.heap, 64);
    proc.dictionary = TERM_NIL;
    proc.exc_reason = TERM_NIL;
    proc.exc_stacktrace = TERM_NIL;
    Function f = {0};
    f.nregs = 8;
    static Code ret[2] = {OP_RETURN, 0};
    f.code = ret;
    vm_prepare_call(&proc, &f, NULL, 0);
}

int main(void)
{
    runtime_init(0);
    setup();
    Heap *h = &proc.heap;

    /* a structure with every boxed kind, plus garbage around it */
    Term list = TERM_NIL;
    for (int i = 0; i < 1000; i++) {
        list_from(h, 3, (Term[]){small_make(i), small_make(i), small_make(i)}); /* garbage */
        list = cons_new(h, small_make(i), list);
    }
    Term big = integer_parse(h, "123456789012345678901234567890", 30, 10);
    Term keys[2] = {atom_from_cstr("a"), binary_from_cstr(h, "key")};
    Term vals[2] = {float_new(h, 2.5), big};
    Term map = map_from_pairs(h, 2, keys, vals);
    Term bin = binary_from_cstr(h, "a binary that is longer than a few words");
    Term slice = bitstring_slice(h, bin, 16, 40);
    Term shared = tuple2(h, bin, bin);
    Term root = tuple4(h, list, map, slice, shared);
    Term expected = term_copy(literal_heap(), root);

    proc.vm->regs[0] = root;
    proc.vm->regs[1] = small_make(7);
    size_t before = h->capacity_words;
    gc_collect(&proc, 2);
    Term moved = proc.vm->regs[0];
    CHECK(moved != root, "gc moves the root");
    CHECK(term_exact_equal(moved, expected), "gc preserves the whole structure");
    CHECK(proc.vm->regs[1] == small_make(7), "gc leaves immediates alone");
    CHECK(proc.heap.live_words < before / 2, "gc frees the garbage");
    Term s = tuple_get(moved, 3);
    CHECK(tuple_get(s, 0) == tuple_get(s, 1), "gc preserves sharing");
    const uint8_t *bytes;
    size_t len;
    CHECK(binary_bytes(tuple_get(moved, 2), &bytes, &len) && len == 5 && memcmp(bytes, "binar", 5) == 0,
          "sub-binaries survive with their bytes");
    CHECK(proc.vm->regs[2] == TERM_NIL, "registers above the top are reset");

    /* literals are never copied */
    Term lit = term_copy(literal_heap(), list_from(literal_heap(), 2, (Term[]){small_make(1), small_make(2)}));
    proc.vm->regs[0] = lit;
    gc_collect(&proc, 1);
    CHECK(proc.vm->regs[0] == lit, "literal-arena terms stay in place");

    /* collecting repeatedly keeps a long list intact */
    Term l2 = TERM_NIL;
    for (int i = 0; i < 100000; i++) l2 = cons_new(h, small_make(i), l2);
    proc.vm->regs[0] = l2;
    for (int k = 0; k < 3; k++) gc_collect(&proc, 1);
    size_t n = 0;
    int64_t sum = 0;
    for (Term l = proc.vm->regs[0]; term_is_cons(l); l = cons_tail(l)) { n++; sum += small_value(cons_head(l)); }
    CHECK(n == 100000 && sum == (int64_t)99999 * 100000 / 2, "a 100000-element list survives three collections");

    /* generations: after a collection the survivors are old; the next
     * collection copies only young terms, and an old term stays put */
    gc_collect(&proc, 1);
    Term old_list = proc.vm->regs[0];
    Term young = tuple2(h, old_list, list_from(h, 2, (Term[]){small_make(1), old_list}));
    for (int i = 0; i < 1000; i++) tuple2(h, small_make(i), old_list); /* young garbage */
    proc.vm->regs[1] = young;
    gc_collect(&proc, 2);
    CHECK(proc.vm->regs[0] == old_list, "a minor collection leaves an old term in place");
    Term y = proc.vm->regs[1];
    CHECK(y != young && tuple_get(y, 0) == old_list && cons_head(cons_tail(tuple_get(y, 1))) == old_list,
          "young terms move and keep pointing to the old ones");

    /* a map updated across many collections, minor and full, keeps every
     * key; old garbage is given back by the full ones */
    Term m = map_empty(h);
    for (int i = 0; i < 2000; i++) m = map_put(h, m, small_make(i), small_make(0));
    proc.vm->regs[0] = m;
    gc_request(&proc); /* a full collection: the list above is garbage now */
    gc_collect(&proc, 1);
    size_t most = 0;
    for (int round = 1; round <= 200; round++) {
        Term cur = proc.vm->regs[0];
        for (int i = 0; i < 2000; i += 7) cur = map_put(h, cur, small_make(i), small_make(round));
        proc.vm->regs[0] = cur;
        gc_collect(&proc, 1);
        if (proc.heap.live_words > most) most = proc.heap.live_words;
    }
    int64_t total = 0;
    for (int i = 0; i < 2000; i++) total += small_value(map_get(proc.vm->regs[0], small_make(i)));
    CHECK(map_size(proc.vm->regs[0]) == 2000 && total == 286 * 200, "a map updated across 200 collections keeps every value");
    CHECK(most < 4 * term_size_words(proc.vm->regs[0]) + 4096, "the old generation stays within a few times the live data");

    /* Compaction: registers and frames that grew shrink back into the
     * process's own block, except while a host call keeps the process's
     * own registers there; their values stay. */
    VmState *vm = proc.vm;
    bool grew = vm_regs_resize(vm, 64) && vm_frames_resize(vm, 16);
    for (size_t i = 16; i < 64; i++) vm->regs[i] = TERM_NIL;
    vm->host_calls = 1;
    gc_compact(&proc, 1, 1);
    CHECK(grew && vm->regs != vm->inline_regs && vm->regs_cap == VM_INLINE_REGS,
          "during a host call, compacted registers shrink but stay outside the process's block");
    vm->host_calls = 0;
    grew = vm_regs_resize(vm, 64) && vm_frames_resize(vm, 16);
    for (size_t i = 16; i < 64; i++) vm->regs[i] = TERM_NIL;
    gc_compact(&proc, 1, 1);
    CHECK(grew && vm->regs == vm->inline_regs && vm->frames == vm->inline_frames && vm->frames_cap == VM_INLINE_FRAMES,
          "compacted registers and frames go back into the process's block");
    total = 0;
    for (int i = 0; i < 2000; i++) total += small_value(map_get(vm->regs[0], small_make(i)));
    CHECK(map_size(vm->regs[0]) == 2000 && total == 286 * 200, "and keep what they held");
    vm->regs[0] = small_make(1);
    gc_compact(&proc, 1, 1);
    CHECK(proc.heap.capacity_words == 0 && !proc.heap.old && !proc.heap.chunks, "a compacted heap with nothing live keeps no chunk");

    vm_state_free(proc.vm);
    heap_release(&proc.heap);
    CHECK_DONE();
}
