/* code_region.c - shell inputs' code, freed once unreferenced (see code_region.h). */
#include "code_region.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "compile_run.h"
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
    uint8_t copied;     /* where its funs went: FunInfo.copied's FUN_COPIED_* bits */
    bool live;          /* a collection's mark */
};

/* The active runtime's regions (state.h). */
typedef struct CodeRegions {
    CodeRegion *current;
    CodeRegion **all;
    size_t n, cap;
    size_t kept_bytes; /* what the last collection had to keep */
    CodeRegionHolder *holders; /* see code_region_add_holder */
    size_t nholders;
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

uint8_t *code_region_copy_flag(void)
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

/* A region that may be freed: its code has run, no module is made of it,
 * and none of its funs went into the literal arena. */
static bool collectable(const CodeRegion *r) { return r->closed && !r->pinned && !(r->copied & FUN_COPIED_KEPT); }

/* ---- collection -------------------------------------------------------------------
 * A mark phase over everything that can hold a term or a pointer to code,
 * conservative (a word that only looks like a pointer into a region keeps
 * it, never frees one): a region is live when a holder's word points into
 * it, or a live region's constants do (a constant of one input may hold a
 * fun of another). */

typedef struct {
    uintptr_t lo, hi;
    CodeRegion *r;
} Range;

typedef struct {
    Range *ranges; /* the candidates' blocks and constant chunks, by address */
    size_t n, cap;
    uintptr_t lo, hi;       /* the extent of them all: most words fall outside */
    CodeRegion **found;     /* candidates found live whose own words are not scanned yet */
    size_t nfound, found_cap;
    bool probe;             /* only find out whether anything points into a candidate */
    bool hit;               /* ... and something did */
} Scan;

static void range_add(Scan *s, const void *lo, size_t bytes, CodeRegion *r)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->ranges = xrealloc(s->ranges, s->cap * sizeof *s->ranges);
    }
    s->ranges[s->n++] = (Range){(uintptr_t)lo, (uintptr_t)lo + bytes, r};
}

static int range_order(const void *a, const void *b)
{
    uintptr_t x = ((const Range *)a)->lo, y = ((const Range *)b)->lo;
    return x < y ? -1 : x > y;
}

/* The candidate region that word w points into, if any (w may be a term,
 * with its tag, or a raw pointer: a FunInfo, a Function, a code address). */
static CodeRegion *region_at(const Scan *s, uintptr_t w)
{
    uintptr_t a = w & ~(uintptr_t)TAG_MASK;
    if (a < s->lo || a >= s->hi) return NULL;
    size_t lo = 0, hi = s->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ranges[mid].lo <= a) lo = mid;
        else hi = mid;
    }
    /* a raw pointer is exact; a term's address may be its tag's */
    return a < s->ranges[lo].hi || w < s->ranges[lo].hi ? s->ranges[lo].r : NULL;
}

static void mark(Scan *s, uintptr_t w)
{
    CodeRegion *r = region_at(s, w);
    if (!r) return;
    if (s->probe) {
        s->hit = true;
        return;
    }
    if (r->live) return;
    r->live = true;
    if (s->nfound == s->found_cap) {
        s->found_cap = s->found_cap ? s->found_cap * 2 : 64;
        s->found = xrealloc(s->found, s->found_cap * sizeof *s->found);
    }
    s->found[s->nfound++] = r;
}

static void mark_words(void *ctx, const Term *words, size_t n)
{
    Scan *s = ctx;
    for (size_t i = 0; i < n && !s->hit; i++) mark(s, (uintptr_t)words[i]);
}

/* Everything of p that can hold a term or a pointer to code. */
static void mark_process(Scan *s, Process *p)
{
    heap_visit_words(&p->heap, mark_words, s);
    Term roots[] = {p->exc_class, p->exc_reason, p->exc_stacktrace, p->dictionary, p->host_root, p->exit_reason, p->initial_call};
    mark_words(s, roots, sizeof roots / sizeof roots[0]);
    VmState *vm = p->vm;
    if (!vm) return;
    mark_words(s, vm->regs, vm->regs_cap);
    mark(s, (uintptr_t)vm->fn);
    mark(s, (uintptr_t)vm->pc);
    mark(s, (uintptr_t)vm->result);
    for (size_t i = 0; i < vm->nframes; i++) {
        mark(s, (uintptr_t)vm->frames[i].fn);
        mark(s, (uintptr_t)vm->frames[i].return_pc);
    }
    for (size_t i = 0; i < vm->nhandlers; i++) {
        mark(s, (uintptr_t)vm->handlers[i].fn);
        mark(s, (uintptr_t)vm->handlers[i].pc);
    }
    for (Message *m = vm->mbox_head; m; m = m->next) mark(s, m->term);
}

/* What a region refers to in others: its constants, which hold another
 * input's fun when one was copied in (a macro's expansion). Its blocks
 * (code, Functions, FunInfos) refer to nothing of another region, and
 * what malloc left past their ends would link regions freed and reused
 * into chains that keep them all. */
static void mark_region(Scan *s, const CodeRegion *r)
{
    heap_visit_words(&r->literals, mark_words, s);
}

/* Whether p's heap may hold garbage that a compaction would drop. */
static bool compaction_gives_back(const Process *p)
{
    return p->heap.chunks || p->heap.capacity_words > p->heap.live_words + 64;
}

/* Marks what p holds. A process that waits and whose heap points into a
 * candidate is compacted first, when its heap may hold garbage: a server
 * that ran a shell input's fn (Agent.get) keeps the request in its heap,
 * dead, until its next collection. */
static void mark_other_process(Scan *s, Process *p)
{
    VmState *vm = p->vm;
    if (p->status == PROC_WAITING && vm && vm->fn && !vm->host_calls && compaction_gives_back(p)) {
        s->probe = true;
        s->hit = false;
        mark_process(s, p);
        s->probe = false;
        if (!s->hit) return; /* nothing to mark */
        s->hit = false;
        size_t top, extent;
        vm_registers_in_use(p, &top, &extent);
        gc_compact(p, top, extent);
    }
    mark_process(s, p);
}

/* Marks from every holder of terms and code: processes, the scheduler's
 * timers, the holders registered (ETS, the views' kept terms), and the
 * regions that are not candidates. */
static void mark_holders(Scan *s, Process *evaluator)
{
    uint32_t limit = process_serial_limit();
    for (uint32_t serial = 0; serial < limit; serial++) {
        Process *p = process_find(serial);
        if (p && p != evaluator) mark_other_process(s, p);
    }
    sched_visit_held_words(mark_words, s);
    compile_run_visit_held_words(mark_words, s);
    CodeRegions *regs = rt->regions;
    for (size_t i = 0; i < regs->nholders; i++) regs->holders[i](mark_words, s);
    for (size_t i = 0; i < regs->n; i++)
        if (!collectable(regs->all[i])) mark_region(s, regs->all[i]);
}

void code_region_add_holder(CodeRegionHolder holder)
{
    CodeRegions *s = regions();
    s->holders = xrealloc(s->holders, (s->nholders + 1) * sizeof *s->holders);
    s->holders[s->nholders++] = holder;
}

void code_region_collect(Process *evaluator, bool force)
{
    CodeRegions *s = rt->regions;
    if (!s || s->current) return;
    size_t candidate = 0;
    bool out = false; /* a candidate's fun went out of the evaluator's heap */
    for (size_t i = 0; i < s->n; i++)
        if (collectable(s->all[i])) {
            candidate += region_bytes(s->all[i]);
            out |= (s->all[i]->copied & FUN_COPIED_OUT) != 0;
        }
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
    Scan scan = {0};
    for (size_t i = 0; i < s->n; i++) {
        CodeRegion *r = s->all[i];
        r->live = false;
        if (!collectable(r)) continue;
        for (size_t k = 0; k < r->nblocks; k++) range_add(&scan, r->blocks[k], malloc_usable_size(r->blocks[k]), r);
        for (HeapChunk *c = r->literals.chunks; c; c = c->next) range_add(&scan, c->data, c->words * sizeof(Term), r);
    }
    if (scan.n) {
        qsort(scan.ranges, scan.n, sizeof *scan.ranges, range_order);
        scan.lo = scan.ranges[0].lo;
        for (size_t i = 0; i < scan.n; i++)
            if (scan.ranges[i].hi > scan.hi) scan.hi = scan.ranges[i].hi;
    }
    /* the evaluator, even one that has exited: its heap stays (the shell
     * reads its last result) */
    if (evaluator) mark_process(&scan, evaluator);
    /* With no candidate's fun copied out, nothing but the evaluator can
     * refer to one: its constants are copied with every term that leaves
     * its heap, and its code runs only where one of its funs went. */
    if (out) mark_holders(&scan, evaluator);
    while (scan.nfound) mark_region(&scan, scan.found[--scan.nfound]);
    free(scan.ranges);
    free(scan.found);
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
    free(s->holders);
    free(s);
    rt->regions = NULL;
    rt->literal_target = NULL;
}
