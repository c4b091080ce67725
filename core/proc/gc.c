/* gc.c - Cheney copying collection of one process heap. */
#include "gc.h"

#include <stdlib.h>


typedef struct {
    Term *to_top;
} Copier;

static Term evacuate(Copier *c, Term t);

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
        if (term_points_to_literal(t)) return t;
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
    if (term_is_boxed(t) && !term_points_to_literal(t)) return evacuate_boxed(c, t);
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

/* Copies everything p's roots reach into a fresh chunk of `room` words
 * (enough for all that is in use now, so it cannot overflow). */
static void collect_into(Process *p, size_t top, size_t room)
{
    Heap *h = &p->heap;
    HeapChunk *to = heap_chunk_try(room);
    if (!to) return; /* no memory for a to-space: keep going uncollected */
    Copier c = {to->data};

    VmState *vm = p->vm;
    if (vm) {
        for (size_t i = 0; i < top; i++) vm->regs[i] = evacuate(&c, vm->regs[i]);
        for (size_t i = top; i < vm->regs_cap; i++) vm->regs[i] = TERM_NIL;
        for (Message *m = vm->mbox_head; m; m = m->next) m->term = evacuate(&c, m->term);
        vm->result = evacuate(&c, vm->result);
    }
    p->dictionary = evacuate(&c, p->dictionary);
    p->host_root = evacuate(&c, p->host_root);
    p->exc_reason = evacuate(&c, p->exc_reason);
    p->exc_stacktrace = evacuate(&c, p->exc_stacktrace);
    p->initial_call = evacuate(&c, p->initial_call); /* {M, F, A}: Process.info and the views read it */
    scan(&c, to->data);

    HeapChunk *old = h->chunks;
    while (old) {
        HeapChunk *next = old->next;
        heap_chunk_free(old);
        old = next;
    }
    size_t live = (size_t)(c.to_top - to->data);
    h->chunks = to;
    h->top = c.to_top;
    h->limit = to->data + to->words;
    h->capacity_words = to->words;
    h->live_words = live;
    h->allocated_words = 0;
}

void gc_collect(Process *p, size_t top)
{
    Heap *h = &p->heap;
    size_t used = h->capacity_words - (size_t)(h->limit - h->top);
    collect_into(p, top, used + 64);
}

void gc_compact(Process *p, size_t top, size_t extent)
{
    gc_collect(p, top);
    Heap *h = &p->heap;
    /* a second, exact copy when the first left much room unused */
    if (h->capacity_words > h->live_words + 32) collect_into(p, top, h->live_words + 2);
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
