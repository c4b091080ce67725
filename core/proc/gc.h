/* gc.h - the per-process generational copying collector.
 *
 * Runs only at the VM's safe points (function entry, receive), when every
 * live term is reachable from the process's roots: registers below `top`,
 * the mailbox, the dictionary and the exception and result slots. Live
 * data is copied (Cheney); literal-arena terms stay put. Most collections
 * copy only the young generation's survivors into the old generation
 * (heap.h); a full one, when the old generation has doubled, copies
 * everything into one fresh chunk.
 */
#ifndef GENLAB_GC_H
#define GENLAB_GC_H

#include "process.h"

/* Collects p's heap; registers [0, top) are roots, registers above are
 * reset to [] so that no stale pointer survives. */
void gc_collect(Process *p, size_t top);

/* Collects and then shrinks p's heap, registers and frames to what is
 * in use: for a process that has started waiting, so that an idle process
 * holds no more memory than its live data needs. Registers [0, top) are
 * roots; its callers' frames need registers up to `extent` when they
 * resume (vm_registers_in_use). */
void gc_compact(Process *p, size_t top, size_t extent);

/* Whether p's heap has grown enough since the last collection to collect:
 * the young generation may grow to twice the old one, plus a word for
 * each waiting message (every collection visits the mailbox, so a long
 * one, even of small integers that take no heap, spaces them out: the
 * cost stays O(1) per word allocated). */
static inline bool gc_due(const Process *p)
{
    return p->heap.allocated_words > p->heap.live_words * 2 + 1024 + (p->vm ? p->vm->mbox_len : 0);
}

/* Asks for a collection at p's next safe point (:erlang.garbage_collect):
 * its heap counts as grown past any threshold until it is collected. */
static inline void gc_request(Process *p)
{
    p->heap.allocated_words = SIZE_MAX / 4;
}

#endif
