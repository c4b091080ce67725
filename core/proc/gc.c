/* gc.c - generational Cheney copying collection of one process heap.
 *
 * A minor collection copies the young terms the roots reach into the old
 * generation's room (a new old chunk when the room could be too small) and
 * empties the young generation. It never reads an old term: terms are
 * immutable, so an old term cannot point to a younger one (heap.h), and a
 * young term's pointers into the old generation stay as they are. A full
 * collection copies everything live, young and old, into one fresh chunk,
 * which becomes the old generation. Full collections run when the old
 * generation has doubled since the last one (survivors that died since),
 * when asked (:erlang.garbage_collect) and when a waiting process is
 * compacted; the cost of each is then paid for by the allocation that
 * made the old generation grow, as the BEAM's generational collector does.
 */
#include "gc.h"

#include "state.h"

#include <stdlib.h>

/* A young chunk's address range, for the minor collection's test. */
typedef struct {
    uintptr_t lo, hi;
} YoungRange;

typedef struct {
    Term *to_top;
    /* A minor collection: the young chunks' ranges, sorted by address (a
     * binary search, so a young generation left in thousands of chunks by
     * a burst of allocation costs a few comparisons a pointer, not a walk
     * of them all); nyoung 0: a full collection. */
    const YoungRange *young;
    size_t nyoung;
    uintptr_t young_lo, young_hi; /* the lowest and highest young address */
} Copier;

/* copied() for a young generation in several chunks: the last range
 * that starts at or below a decides. */
static bool in_young_ranges(const Copier *c, uintptr_t a)
{
    size_t lo = 0, hi = c->nyoung;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->young[mid].lo <= a) lo = mid;
        else hi = mid;
    }
    return a < c->young[lo].hi;
}

/* Whether the object at address a is to be copied: in a minor
 * collection, one in the young generation; in a full one, any that is
 * not a literal. Inline: it is asked for every pointer the copy meets. */
static inline bool copied(const Copier *c, uintptr_t a)
{
    if (!c->nyoung) return a < (uintptr_t)rt->literal_base || a >= (uintptr_t)rt->literal_end;
    if (a < c->young_lo || a >= c->young_hi) return false;
    return c->nyoung == 1 || in_young_ranges(c, a);
}

static Term evacuate_boxed(Copier *c, Term t)
{
    Term *obj = boxed_ptr(t);
    Term hdr = obj[0];
    if (header_type(hdr) == BOX_FORWARD) return (Term)obj[1];
    size_t words = 1 + header_size(hdr);
    Term *copy = c->to_top;
    c->to_top += words;
    memcpy(copy, obj, words * sizeof(Term));
    Term moved = boxed_from_ptr(copy);
    /* An object with no payload (the empty tuple) has no room for a
     * forwarding address; copying it twice is harmless. */
    if (words > 1) {
        obj[0] = header_make(BOX_FORWARD, header_size(hdr));
        obj[1] = moved;
    }
    return moved;
}

/* Inline, with the cons cell's copy in it: a list is most of what a
 * collection copies, and a call per word was a third of its cost. */
static inline Term evacuate(Copier *c, Term t)
{
    unsigned tag = term_tag(t);
    if (tag > TAG_CONS || t == 0) return t; /* an immediate */
    uintptr_t a = (uintptr_t)(t & ~(Term)TAG_MASK);
    if (!copied(c, a)) return t;
    if (tag == TAG_BOXED) return evacuate_boxed(c, t);
    Term *cell = (Term *)a;
    if (cell[0] == TERM_MOVED) return cell[1];
    Term *copy = c->to_top;
    c->to_top += 2;
    copy[0] = cell[0];
    copy[1] = cell[1];
    Term moved = cons_from_ptr(copy);
    cell[0] = TERM_MOVED;
    cell[1] = moved;
    return moved;
}

/* Scans copied objects in to-space, evacuating what they point to. */
static void scan(Copier *c, Term *from)
{
    Term *p = from;
    while (p < c->to_top) {
        Term w = p[0];
        if (term_tag(w) != TAG_HEADER) { /* a cons cell */
            p[0] = evacuate(c, p[0]);
            p[1] = evacuate(c, p[1]);
            p += 2;
            continue;
        }
        size_t n = header_size(w), first, count;
        boxed_term_span(p, &first, &count);
        for (size_t i = 0; i < count; i++) p[first + i] = evacuate(c, p[first + i]);
        p += 1 + n;
    }
}

/* Copies what p's roots reach (young terms only in a minor collection)
 * to c->to_top onwards. */
static void copy_live(Process *p, Copier *c, size_t top)
{
    Term *from = c->to_top;
    VmState *vm = p->vm;
    if (vm) {
        for (size_t i = 0; i < top; i++) vm->regs[i] = evacuate(c, vm->regs[i]);
        for (size_t i = top; i < vm->regs_cap; i++) vm->regs[i] = TERM_NIL;
        for (Message *m = vm->mbox_head; m; m = m->next) m->term = evacuate(c, m->term);
        vm->result = evacuate(c, vm->result);
    }
    p->dictionary = evacuate(c, p->dictionary);
    p->host_root = evacuate(c, p->host_root);
    p->exc_reason = evacuate(c, p->exc_reason);
    p->exc_stacktrace = evacuate(c, p->exc_stacktrace);
    p->initial_call = evacuate(c, p->initial_call); /* {M, F, A}: Process.info and the views read it */
    scan(c, from);
}

/* Words in use in the young generation (at most: a chunk left behind for
 * a bigger one counts whole). */
static size_t young_used(const Heap *h)
{
    size_t words = 0;
    for (const HeapChunk *k = h->chunks; k; k = k->next) words += k->words;
    return words - (size_t)(h->limit - h->top);
}

static size_t chunks_words(const HeapChunk *k)
{
    size_t words = 0;
    for (; k; k = k->next) words += k->words;
    return words;
}

/* After a collection the young generation is garbage. Its newest chunk is
 * kept, emptied, for what the process allocates next (memory already
 * mapped and in the cache), unless it is bigger than the next
 * collection's budget or `keep` is false; the others are freed. */
static void young_reset(Heap *h, bool keep)
{
    HeapChunk *k = h->chunks;
    h->chunks = NULL;
    h->top = h->limit = NULL;
    if (k && keep && k->words <= h->live_words * 2 + 1024) {
        heap_chunks_free(k->next);
        k->next = NULL;
        h->chunks = k;
        h->top = k->data;
        h->limit = k->data + k->words;
    } else {
        heap_chunks_free(k);
    }
    h->capacity_words = chunks_words(h->old) + chunks_words(h->chunks);
    h->allocated_words = 0;
}

/* A full collection into one fresh chunk of `room` words (enough for all
 * that is in use now, so it cannot overflow). */
static int range_order(const void *a, const void *b);

static void collect_full(Process *p, size_t top, size_t room, bool keep_young)
{
    Heap *h = &p->heap;
    HeapChunk *to = heap_chunk_try(room);
    if (!to) return; /* no memory for a to-space: keep going uncollected */
    Copier c = {to->data, NULL, 0, 0, 0};
    /* Where terms may live outside both the heaps and the arena (a shell
     * input's constants, lang/code_region.h), what is copied is what lies
     * in this heap's own chunks, as in a minor collection, not all that is
     * no literal: `room` counts only those. */
    YoungRange local[16], *ranges = local;
    size_t n = 0;
    if (rt->foreign_terms) {
        for (const HeapChunk *k = h->chunks; k; k = k->next) n++;
        for (const HeapChunk *k = h->old; k; k = k->next) n++;
        if (n > 16 && !(ranges = malloc(n * sizeof *ranges))) {
            heap_chunk_free(to);
            return;
        }
        n = 0;
        for (const HeapChunk *k = h->chunks; k; k = k->next) ranges[n++] = (YoungRange){(uintptr_t)k->data, (uintptr_t)(k->data + k->words)};
        for (const HeapChunk *k = h->old; k; k = k->next) ranges[n++] = (YoungRange){(uintptr_t)k->data, (uintptr_t)(k->data + k->words)};
        if (n > 1) qsort(ranges, n, sizeof *ranges, range_order);
        /* no chunk at all: an empty range, so that nothing is copied */
        c = n ? (Copier){to->data, ranges, n, ranges[0].lo, ranges[n - 1].hi} : (Copier){to->data, ranges, 1, 0, 0};
        if (!n) ranges[0] = (YoungRange){0, 0};
    }
    copy_live(p, &c, top);
    heap_offheap_sweep(h, true); /* reads the old objects: before they go */
    if (ranges != local) free(ranges);
    heap_chunks_free(h->old);
    h->old = to;
    h->old_top = c.to_top;
    h->live_words = h->full_live_words = (size_t)(c.to_top - to->data);
    young_reset(h, keep_young);
}

static int range_order(const void *a, const void *b)
{
    uintptr_t x = ((const YoungRange *)a)->lo, y = ((const YoungRange *)b)->lo;
    return x < y ? -1 : x > y;
}

/* A minor collection; false (nothing done) when it cannot be made, or
 * should not be. */
static bool collect_minor(Process *p, size_t top)
{
    Heap *h = &p->heap;
    if (!h->chunks) {
        h->allocated_words = 0; /* nothing young: nothing to do */
        return true;
    }
    size_t need = young_used(h);
    if (!h->old || (size_t)(h->old->data + h->old->words - h->old_top) < need) {
        /* Room for every young word, so the copy cannot overflow; what it
         * leaves unused takes the next collections' survivors. */
        size_t words = need + 64;
        if (words < h->live_words / 2) words = h->live_words / 2;
        HeapChunk *k = heap_chunk_try(words);
        if (!k) return false;
        k->next = h->old;
        h->old = k;
        h->old_top = k->data;
    }
    /* the young ranges, sorted by address for copied() */
    size_t n = 0;
    for (const HeapChunk *k = h->chunks; k; k = k->next) n++;
    YoungRange local[16];
    YoungRange *ranges = n <= 16 ? local : malloc(n * sizeof *ranges);
    if (!ranges) return false;
    n = 0;
    for (const HeapChunk *k = h->chunks; k; k = k->next)
        ranges[n++] = (YoungRange){(uintptr_t)k->data, (uintptr_t)(k->data + k->words)};
    if (n > 1) qsort(ranges, n, sizeof *ranges, range_order);
    Copier c = {h->old_top, ranges, n, ranges[0].lo, ranges[n - 1].hi};
    copy_live(p, &c, top);
    heap_offheap_sweep(h, false);
    if (ranges != local) free(ranges);
    h->live_words += (size_t)(c.to_top - h->old_top);
    h->old_top = c.to_top;
    young_reset(h, true);
    return true;
}

/* A full collection that leaves the heap holding its live data and
 * nothing more: no young chunk, no room. */
static void collect_exact(Process *p, size_t top)
{
    Heap *h = &p->heap;
    if (!h->chunks && !h->old) return; /* it never allocated */
    collect_full(p, top, h->live_words + young_used(h) + 64, false);
    if (h->live_words == 0) { /* nothing lives on its heap: no chunk at all */
        heap_chunks_free(h->old);
        h->old = NULL;
        h->old_top = NULL;
        h->capacity_words = 0;
        return;
    }
    if (h->capacity_words > h->live_words + 32) collect_full(p, top, h->live_words + 2, false);
}

void gc_collect(Process *p, size_t top)
{
    Heap *h = &p->heap;
    if (h->allocated_words >= SIZE_MAX / 4) {
        collect_exact(p, top); /* asked for (gc_request): give back all that is not in use */
        return;
    }
    /* A minor collection keeps what the old generation holds, garbage
     * included, and adds a chunk for the survivors: near its max_heap_size
     * a process gets a full one instead, which gives the garbage back. */
    size_t max = p->vm ? p->vm->max_heap_words : 0;
    bool near_limit = max && h->capacity_words + young_used(h) > max / 2;
    if (h->old && !near_limit && h->live_words <= h->full_live_words * 2 + 1024 && collect_minor(p, top)) return;
    collect_full(p, top, h->live_words + young_used(h) + 64, true);
}

/* realloc to fewer bytes; when even that fails, the block stays as it is. */
static void *shrink(void *block, size_t bytes)
{
    void *smaller = realloc(block, bytes);
    return smaller ? smaller : block;
}

void gc_compact(Process *p, size_t top, size_t extent)
{
    collect_exact(p, top);
    VmState *vm = p->vm;
    if (!vm) return;
    /* Registers and frames that outgrew the process's inline ones shrink
     * to what is in use (back inline when that fits). */
    size_t regs = extent < VM_INLINE_REGS ? VM_INLINE_REGS : extent;
    if (regs < vm->regs_cap) vm_regs_resize(vm, regs);
    size_t frames = vm->nframes < VM_INLINE_FRAMES ? VM_INLINE_FRAMES : vm->nframes;
    if (frames < vm->frames_cap) vm_frames_resize(vm, frames);
    if (vm->nhandlers < vm->handlers_cap) vm_handlers_resize(vm, vm->nhandlers);
#define SHRINK(arr, n, cap)                                   \
    if ((n) < (cap)) {                                         \
        if ((n) == 0) { free(arr); (arr) = NULL; }             \
        else (arr) = shrink((arr), (n) * sizeof *(arr));       \
        (cap) = (n);                                           \
    }
    SHRINK(p->links, p->nlinks, p->links_cap)
    SHRINK(p->monitors, p->nmonitors, p->monitors_cap)
    SHRINK(p->watchers, p->nwatchers, p->watchers_cap)
#undef SHRINK
}
