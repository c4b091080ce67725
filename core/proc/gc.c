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

#include <stdlib.h>

typedef struct {
    Term *to_top;
    const HeapChunk *young; /* a minor collection: the chunks it empties */
} Copier;

/* Whether t's object is to be copied: in a minor collection, one in the
 * young generation (a few chunks: the young generation restarts in one
 * chunk after each collection); in a full one, any that is not a literal. */
static inline bool copied(const Copier *c, Term t)
{
    if (!c->young) return !term_points_to_literal(t);
    uintptr_t a = (uintptr_t)(t & ~(Term)TAG_MASK);
    for (const HeapChunk *k = c->young; k; k = k->next)
        if (a - (uintptr_t)k->data < k->words * sizeof(Term)) return true;
    return false;
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

static Term evacuate(Copier *c, Term t)
{
    if (term_is_cons(t)) {
        if (!copied(c, t)) return t;
        Term *cell = cons_ptr(t);
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
    if (term_is_boxed(t) && copied(c, t)) return evacuate_boxed(c, t);
    return t;
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

/* Copies what p's roots reach (young terms only when c->young is set)
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
static void collect_full(Process *p, size_t top, size_t room, bool keep_young)
{
    Heap *h = &p->heap;
    HeapChunk *to = heap_chunk_try(room);
    if (!to) return; /* no memory for a to-space: keep going uncollected */
    Copier c = {to->data, NULL};
    copy_live(p, &c, top);
    heap_chunks_free(h->old);
    h->old = to;
    h->old_top = c.to_top;
    h->live_words = h->full_live_words = (size_t)(c.to_top - to->data);
    young_reset(h, keep_young);
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
    /* copied() walks the young chunks for every pointer: when a burst of
     * allocation without a collection (a native building a long list) left
     * many, a full collection, which does not ask, is the cheaper one */
    size_t nyoung = 0;
    for (const HeapChunk *k = h->chunks; k && nyoung <= 8; k = k->next) nyoung++;
    if (nyoung > 8) return false;
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
    Copier c = {h->old_top, h->chunks};
    copy_live(p, &c, top);
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
    collect_full(p, top, h->live_words + young_used(h) + 64, false);
    if (h->capacity_words > h->live_words + 32) collect_full(p, top, h->live_words + 2, false);
}

void gc_collect(Process *p, size_t top)
{
    Heap *h = &p->heap;
    if (h->allocated_words >= SIZE_MAX / 4) {
        collect_exact(p, top); /* asked for (gc_request): give back all that is not in use */
        return;
    }
    if (h->old && h->live_words <= h->full_live_words * 2 + 1024 && collect_minor(p, top)) return;
    collect_full(p, top, h->live_words + young_used(h) + 64, true);
}

void gc_compact(Process *p, size_t top, size_t extent)
{
    collect_exact(p, top);
    VmState *vm = p->vm;
    if (!vm) return;
    size_t regs = extent < 16 ? 16 : extent;
    if (regs < vm->regs_cap) {
        vm->regs = realloc(vm->regs, regs * sizeof(Term));
        vm->regs_cap = regs;
    }
    size_t frames = vm->nframes < 1 ? 1 : vm->nframes;
    if (frames < vm->frames_cap) {
        vm->frames = realloc(vm->frames, frames * sizeof(Frame));
        vm->frames_cap = frames;
    }
    if (vm->nhandlers < vm->handlers_cap) {
        if (vm->nhandlers == 0) {
            free(vm->handlers);
            vm->handlers = NULL;
        } else {
            vm->handlers = realloc(vm->handlers, vm->nhandlers * sizeof(Handler));
        }
        vm->handlers_cap = vm->nhandlers;
    }
#define SHRINK(arr, n, cap)                                   \
    if ((n) < (cap)) {                                         \
        if ((n) == 0) { free(arr); (arr) = NULL; }             \
        else (arr) = realloc((arr), (n) * sizeof *(arr));      \
        (cap) = (n);                                           \
    }
    SHRINK(p->links, p->nlinks, p->links_cap)
    SHRINK(p->monitors, p->nmonitors, p->monitors_cap)
    SHRINK(p->watchers, p->nwatchers, p->watchers_cap)
#undef SHRINK
}
