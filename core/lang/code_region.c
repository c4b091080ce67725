/* code_region.c - shell inputs' code, freed once unreferenced (see code_region.h). */
#include "code_region.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "fatal.h"
#include "gc.h"
#include "module.h"
#include "sched.h"
#include "state.h"
#include "vm.h"

struct CodeRegion {
    Heap literals;
    void **blocks;      /* what module_own was given while it was entered */
    size_t nblocks, blocks_cap;
    size_t block_bytes; /* their sizes, as module_own charged them */
    bool closed;        /* its code has run: it may go */
    bool pinned;        /* a module was made in it: kept for good */
    bool copied;        /* one of its funs was copied (FunInfo.copied): kept for good */
    bool live;          /* a collection's mark */
};

/* The active runtime's regions (state.h). */
typedef struct CodeRegions {
    CodeRegion *current;
    CodeRegion **all;
    size_t n, cap;
    size_t kept_bytes; /* what the last collection had to keep */
} CodeRegions;

/* A collection runs once the closed regions hold this much more than the
 * last one kept: its cost (a full collection of the evaluator and a scan
 * of its heap) is paid for by as much code as it can free. */
static size_t collect_min_bytes = (size_t)256 << 10;

void code_region_set_collect_min(size_t bytes) { collect_min_bytes = bytes; }

static CodeRegions *regions(void)
{
    if (!rt->regions) rt->regions = xcalloc(1, sizeof(CodeRegions));
    return rt->regions;
}

CodeRegion *code_region_new(void)
{
    CodeRegions *s = regions();
    CodeRegion *r = xcalloc(1, sizeof *r);
    rt->foreign_terms = true; /* see proc/gc.c's collect_full */
    heap_init(&r->literals, 256);
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->all = xrealloc(s->all, s->cap * sizeof *s->all);
    }
    s->all[s->n++] = r;
    return r;
}

Heap *code_region_literals(CodeRegion *r) { return &r->literals; }

void code_region_enter(CodeRegion *r)
{
    regions()->current = r;
    rt->literal_target = r ? &r->literals : NULL;
}

CodeRegion *code_region_pause(void)
{
    if (!rt->regions || !rt->regions->current) return NULL;
    CodeRegion *r = rt->regions->current;
    code_region_enter(NULL);
    return r;
}

CodeRegion *code_region_current(void) { return rt->regions ? rt->regions->current : NULL; }

void code_region_close(CodeRegion *r)
{
    if (r) r->closed = true;
}

void code_region_own(CodeRegion *r, void *block)
{
    if (r->nblocks == r->blocks_cap) {
        r->blocks_cap = r->blocks_cap ? r->blocks_cap * 2 : 16;
        r->blocks = xrealloc(r->blocks, r->blocks_cap * sizeof *r->blocks);
    }
    r->blocks[r->nblocks++] = block;
    r->block_bytes += malloc_usable_size(block);
}

bool *code_region_copy_flag(void)
{
    CodeRegion *r = code_region_current();
    return r ? &r->copied : NULL;
}

void code_region_pin(void)
{
    CodeRegion *r = code_region_current();
    if (r) r->pinned = true;
}

static size_t region_bytes(const CodeRegion *r) { return r->block_bytes + r->literals.capacity_words * sizeof(Term); }

static void region_free(CodeRegion *r)
{
    for (size_t i = 0; i < r->nblocks; i++) {
        memory_release(malloc_usable_size(r->blocks[i]));
        free(r->blocks[i]);
    }
    free(r->blocks);
    heap_release(&r->literals);
    free(r);
}

static bool collectable(const CodeRegion *r) { return r->closed && !r->pinned && !r->copied; }

/* ---- collection ------------------------------------------------------------------- */

typedef struct {
    uintptr_t lo, hi;
    CodeRegion *r;
} Range;

typedef struct {
    Range *ranges;
    size_t n, cap;
} Ranges;

static void range_add(Ranges *rs, const void *lo, size_t bytes, CodeRegion *r)
{
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 256;
        rs->ranges = xrealloc(rs->ranges, rs->cap * sizeof *rs->ranges);
    }
    rs->ranges[rs->n++] = (Range){(uintptr_t)lo, (uintptr_t)lo + bytes, r};
}

static int range_order(const void *a, const void *b)
{
    uintptr_t x = ((const Range *)a)->lo, y = ((const Range *)b)->lo;
    return x < y ? -1 : x > y;
}

/* Marks the region that word w points into, if any (w may be a term, with
 * its tag, or a raw pointer: a FunInfo, a Function, a code address). */
static void mark(const Ranges *rs, uintptr_t w)
{
    uintptr_t a = w & ~(uintptr_t)TAG_MASK;
    if (!rs->n || a < rs->ranges[0].lo) return;
    size_t lo = 0, hi = rs->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (rs->ranges[mid].lo <= a) lo = mid;
        else hi = mid;
    }
    /* a raw pointer is exact; a term's address may be its tag's */
    if (a < rs->ranges[lo].hi || w < rs->ranges[lo].hi) rs->ranges[lo].r->live = true;
}

static void mark_words(const Ranges *rs, const void *from, size_t nwords)
{
    const uintptr_t *w = from;
    for (size_t i = 0; i < nwords; i++) mark(rs, w[i]);
}

/* The terms of a chain of chunks, newest first, the newest filled up to
 * `end`: a chunk's free part holds whatever malloc left there, which may
 * look like pointers into regions that reuse that memory. */
static void mark_chunks(const Ranges *rs, const HeapChunk *c, const Term *end)
{
    for (bool newest = true; c; c = c->next, newest = false) {
        size_t n = c->words;
        if (newest && end >= c->data && end <= c->data + c->words) n = (size_t)(end - c->data);
        mark_words(rs, c->data, n);
    }
}

/* Everything of p that can hold a term or a pointer to code: conservative
 * (a word that only looks like a pointer keeps a region, never frees one). */
static void mark_process(const Ranges *rs, Process *p)
{
    mark_chunks(rs, p->heap.chunks, p->heap.top);
    mark_chunks(rs, p->heap.old, p->heap.old_top);
    Term roots[] = {p->exc_class, p->exc_reason, p->exc_stacktrace, p->dictionary, p->host_root, p->exit_reason, p->initial_call};
    mark_words(rs, roots, sizeof roots / sizeof roots[0]);
    VmState *vm = p->vm;
    if (!vm) return;
    mark_words(rs, vm->regs, vm->regs_cap);
    mark(rs, (uintptr_t)vm->fn);
    mark(rs, (uintptr_t)vm->pc);
    mark(rs, (uintptr_t)vm->result);
    for (size_t i = 0; i < vm->nframes; i++) {
        mark(rs, (uintptr_t)vm->frames[i].fn);
        mark(rs, (uintptr_t)vm->frames[i].return_pc);
    }
    for (size_t i = 0; i < vm->nhandlers; i++) {
        mark(rs, (uintptr_t)vm->handlers[i].fn);
        mark(rs, (uintptr_t)vm->handlers[i].pc);
    }
    for (Message *m = vm->mbox_head; m; m = m->next) mark(rs, m->term);
}

void code_region_collect(Process *evaluator, bool force)
{
    CodeRegions *s = rt->regions;
    if (!s || s->current) return;
    size_t candidate = 0;
    for (size_t i = 0; i < s->n; i++)
        if (collectable(s->all[i])) candidate += region_bytes(s->all[i]);
    size_t due = s->kept_bytes > collect_min_bytes ? s->kept_bytes * 2 : collect_min_bytes;
    if (!candidate || (!force && candidate < due)) return;
    Process *p = evaluator && evaluator->status != PROC_EXITED ? evaluator : NULL;
    if (p && p->vm && p->vm->fn) {
        /* a full collection copies the regions' constants it still uses
         * into its heap, and drops what it no longer uses */
        size_t top, extent;
        vm_registers_in_use(p, &top, &extent);
        gc_compact(p, top, extent);
    }
    Ranges rs = {0};
    for (size_t i = 0; i < s->n; i++) {
        CodeRegion *r = s->all[i];
        r->live = false;
        if (!collectable(r)) continue;
        for (size_t k = 0; k < r->nblocks; k++) range_add(&rs, r->blocks[k], malloc_usable_size(r->blocks[k]), r);
        for (HeapChunk *c = r->literals.chunks; c; c = c->next) range_add(&rs, c->data, c->words * sizeof(Term), r);
    }
    qsort(rs.ranges, rs.n, sizeof *rs.ranges, range_order);
    if (p) mark_process(&rs, p);
    free(rs.ranges);
    size_t kept = 0, n = 0;
    for (size_t i = 0; i < s->n; i++) {
        CodeRegion *r = s->all[i];
        if (collectable(r) && !r->live) {
            region_free(r);
            continue;
        }
        if (collectable(r)) kept += region_bytes(r);
        s->all[n++] = r;
    }
    s->n = n;
    s->kept_bytes = kept;
}

size_t code_region_bytes(void)
{
    size_t bytes = 0;
    if (rt->regions)
        for (size_t i = 0; i < rt->regions->n; i++) bytes += region_bytes(rt->regions->all[i]);
    return bytes;
}

size_t code_region_count(void) { return rt->regions ? rt->regions->n : 0; }

void code_region_state_free(void)
{
    CodeRegions *s = rt->regions;
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) region_free(s->all[i]);
    free(s->all);
    free(s);
    rt->regions = NULL;
    rt->literal_target = NULL;
}
