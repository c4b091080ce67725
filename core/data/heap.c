/* heap.c - chunked bump allocation and the literal arena. */
#include "heap.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "pool.h"
#include "state.h"

/* The failure jump is the active runtime's (state.h): a process of one
 * runtime never jumps into another's slice. */
HeapFailureJump heap_set_failure_jump(HeapFailureJump j)
{
    HeapFailureJump old = rt->heap_failure;
    rt->heap_failure = j;
    return old;
}

HeapFailure heap_failure_why(void) { return rt->heap_failure_why; }

void heap_fail(HeapFailure why)
{
    if (rt && rt->heap_failure.jump) {
        rt->heap_failure_why = why;
#ifdef HEAP_JUMP_LIBC
        longjmp(*rt->heap_failure.jump, 1);
#else
        __builtin_longjmp(*rt->heap_failure.jump, 1);
#endif
    }
    alloc_failed(rt ? rt->alloc_failed_bytes : 0); /* no process to end: genlab stops */
}

HeapChunk *heap_chunk_try(size_t words)
{
    if (words > (SIZE_MAX - sizeof(HeapChunk)) / sizeof(Term)) return NULL;
    if (alloc_injected_failure()) return NULL;
    /* the whole block the pool grants is the chunk's */
    size_t bytes = pool_size(sizeof(HeapChunk) + words * sizeof(Term));
    HeapChunk *c = pool_alloc(bytes);
    if (!c) return NULL;
    c->next = NULL;
    c->words = (bytes - sizeof(HeapChunk)) / sizeof(Term);
    words = c->words;
    if (rt) rt->memory_in_use += words * sizeof(Term);
    return c;
}

void heap_chunk_free(HeapChunk *c)
{
    if (!c) return;
    if (rt) rt->memory_in_use -= c->words * sizeof(Term);
    pool_free(c, sizeof(HeapChunk) + c->words * sizeof(Term));
}

/* Inside a process's slice (a failure jump is set), passing the runtime's
 * total memory limit fails as malloc failing would: the process that asked
 * ends, nothing else. Outside one (the runtime's own work) the limit is
 * not enforced, since there is no process to end. */
static void memory_check(size_t bytes)
{
    if (rt && rt->memory_limit && rt->heap_failure.jump &&
        (bytes > rt->memory_limit || rt->memory_in_use > rt->memory_limit - bytes)) {
        rt->alloc_failed_bytes = bytes;
        heap_fail(HEAP_FAIL_MEMORY);
    }
}

void memory_charge(size_t bytes)
{
    if (!rt) return;
    memory_check(bytes);
    rt->memory_in_use += bytes;
}

void memory_release(size_t bytes)
{
    if (rt) rt->memory_in_use -= bytes;
}

/* A chunk for a heap that grows, within the memory limit. */
static HeapChunk *chunk_new(size_t words)
{
    if (words > SIZE_MAX / sizeof(Term)) alloc_failed(SIZE_MAX);
    memory_check(words * sizeof(Term));
    HeapChunk *c = heap_chunk_try(words);
    if (!c) alloc_failed(words * sizeof(Term));
    return c;
}

void heap_init(Heap *h, size_t initial_words)
{
    memset(h, 0, sizeof *h);
    if (initial_words) {
        h->chunks = chunk_new(initial_words);
        h->top = h->chunks->data;
        h->limit = h->top + h->chunks->words;
        h->capacity_words = h->chunks->words;
    }
}

void heap_chunks_free(HeapChunk *c)
{
    while (c) {
        HeapChunk *next = c->next;
        heap_chunk_free(c);
        c = next;
    }
}

/* Releases the binaries of a chain of BOX_REFBIN objects. */
static void offheap_release(Term *obj)
{
    while (obj) {
        Term *next = (Term *)(uintptr_t)obj[2];
        refbin_release((RefBinary *)(uintptr_t)obj[1]);
        obj = next;
    }
}

void heap_release(Heap *h)
{
    offheap_release(h->offheap);
    heap_chunks_free(h->chunks);
    heap_chunks_free(h->old);
    memset(h, 0, sizeof *h);
}

/* The literal arena is one big reserved mapping per runtime (state.h), so
 * that "is this a literal?" is an address comparison. Pages are committed
 * on first touch; the heap's limit advances a step at a time, and each step
 * counts against the memory limit (the constants of every compiled input,
 * Code.eval_string's included, stay).
 * Address space can be limited (ulimit -v), so the reservation takes at
 * most a quarter of the limit, and halves until the kernel grants it. */
#define LITERAL_ARENA_MAX_BYTES ((size_t)8 << 30)
#define LITERAL_ARENA_MIN_BYTES ((size_t)16 << 20)

static size_t literal_arena_wanted_bytes(void)
{
    size_t bytes = LITERAL_ARENA_MAX_BYTES;
    struct rlimit lim;
    if (getrlimit(RLIMIT_AS, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur / 4 < bytes)
        bytes = (size_t)(lim.rlim_cur / 4);
    return bytes < LITERAL_ARENA_MIN_BYTES ? LITERAL_ARENA_MIN_BYTES : bytes;
}

Heap *literal_heap(void)
{
    if (rt->literal_target) return rt->literal_target;
    if (!rt->literal_base) {
        size_t bytes = literal_arena_wanted_bytes();
        void *p = MAP_FAILED;
        for (; bytes >= LITERAL_ARENA_MIN_BYTES / 4; bytes /= 2) {
            p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (p != MAP_FAILED) break;
        }
        if (p == MAP_FAILED) fatal("cannot reserve the literal arena");
        rt->literal_base = p;
        rt->literal_end = rt->literal_base + bytes / sizeof(Term);
        rt->literals.top = rt->literal_base;
        rt->literals.limit = rt->literal_base;
    }
    return &rt->literals;
}

/* Room for `words` more literals: the next step of the arena, within the
 * memory limit; a full arena fails as memory running out does. */
#define LITERAL_STEP_WORDS ((size_t)1 << 17)

static Term *literal_alloc_grow(size_t words)
{
    Heap *h = &rt->literals;
    if (words > (size_t)(rt->literal_end - h->top)) heap_fail(HEAP_FAIL_MEMORY);
    size_t need = words - (size_t)(h->limit - h->top);
    size_t step = need > LITERAL_STEP_WORDS ? need : LITERAL_STEP_WORDS;
    size_t room = (size_t)(rt->literal_end - h->limit);
    if (step > room) step = room;
    memory_charge(step * sizeof(Term));
    h->limit += step;
    h->capacity_words += step;
    Term *p = h->top;
    h->top += words;
    h->allocated_words += words;
    return p;
}

void literal_heap_free(void)
{
    memory_release(rt->literals.capacity_words * sizeof(Term));
    if (rt->literal_base) munmap(rt->literal_base, (size_t)(rt->literal_end - rt->literal_base) * sizeof(Term));
    rt->literal_base = rt->literal_end = NULL;
    memset(&rt->literals, 0, sizeof rt->literals);
}

bool term_points_to_literal(Term t)
{
    Term *p = (Term *)(uintptr_t)(t & ~(Term)TAG_MASK);
    return p >= rt->literal_base && p < rt->literal_end;
}

Term *heap_alloc_grow(Heap *h, size_t words)
{
    if (h == &rt->literals) return literal_alloc_grow(words);
    /* Grow the young generation geometrically, so a long build is
     * amortised O(1) per word. Not the whole heap: a process with a big
     * old generation (a long list kept, a big state) would otherwise take
     * a chunk as big as all it holds for a few words of garbage, which
     * the next collection (gc_due) finds mostly untouched. */
    size_t young = 0;
    for (const HeapChunk *k = h->chunks; k; k = k->next) young += k->words;
    size_t size = young < 32 ? 32 : young;
    if (size < words) size = words;
    size_t max = h == rt->heap_failure.owner ? *rt->heap_failure.max_words : 0;
    if (max && h->capacity_words + size > max) {
        /* What is left under the limit may still hold this request: all
         * of it (a chunk per request would leave a long build in
         * millions of chunks just below its limit). */
        if (h->capacity_words + words > max) heap_fail(HEAP_FAIL_LIMIT);
        size = max - h->capacity_words;
    }
    HeapChunk *c = chunk_new(size);
    c->next = h->chunks;
    h->chunks = c;
    h->top = c->data;
    h->limit = c->data + c->words;
    h->capacity_words += c->words;
    Term *p = h->top;
    h->top += words;
    h->allocated_words += words;
    return p;
}

bool heap_is_literal(const Heap *h) { return h == &rt->literals; }

/* The chunks of one generation, newest first, the newest filled up to `end`. */
static void chunks_visit_words(const HeapChunk *c, const Term *end, HeapWordsVisit visit, void *ctx)
{
    for (bool newest = true; c; c = c->next, newest = false) {
        size_t n = c->words;
        if (newest && end >= c->data && end <= c->data + c->words) n = (size_t)(end - c->data);
        if (n) visit(ctx, c->data, n);
    }
}

void heap_visit_words(const Heap *h, HeapWordsVisit visit, void *ctx)
{
    chunks_visit_words(h->chunks, h->top, visit, ctx);
    chunks_visit_words(h->old, h->old_top, visit, ctx);
}

void heap_offheap_link(Heap *h, Term *refbin, size_t bytes)
{
    refbin[2] = (Term)(uintptr_t)h->offheap;
    h->offheap = refbin;
    h->allocated_words += bytes / sizeof(Term);
}

static bool in_young(const Heap *h, const Term *obj)
{
    for (const HeapChunk *k = h->chunks; k; k = k->next)
        if (obj >= k->data && obj < k->data + k->words) return true;
    return false;
}

/* A copied object's old place holds a forwarding header and its new
 * address, and still its link word. The chain stays young first: the
 * kept copies are old now, and go before the old objects a minor
 * collection did not look at. */
void heap_offheap_sweep(Heap *h, bool full)
{
    Term *first = NULL, *last = NULL, *obj = h->offheap;
    while (obj) {
        bool moved = header_type(obj[0]) == BOX_FORWARD;
        if (!full && !moved && !in_young(h, obj)) break;
        Term *next = (Term *)(uintptr_t)obj[2];
        if (moved) {
            Term *copy = boxed_ptr(obj[1]);
            if (last) last[2] = (Term)(uintptr_t)copy;
            else first = copy;
            last = copy;
        } else {
            refbin_release((RefBinary *)(uintptr_t)obj[1]);
        }
        obj = next;
    }
    if (last) last[2] = (Term)(uintptr_t)obj;
    else first = obj;
    h->offheap = first;
}

size_t heap_memory_bytes(const Heap *h)
{
    return h->capacity_words * sizeof(Term);
}

Term tuple_new(Heap *h, size_t n)
{
    Term *p = heap_alloc(h, n + 1);
    p[0] = header_make(BOX_TUPLE, n);
    for (size_t i = 0; i < n; i++) p[1 + i] = ATOM_nil;
    return boxed_from_ptr(p);
}

Term tuple_from(Heap *h, size_t n, const Term *elems)
{
    Term *p = heap_alloc(h, n + 1);
    p[0] = header_make(BOX_TUPLE, n);
    if (n) memcpy(p + 1, elems, n * sizeof(Term));
    return boxed_from_ptr(p);
}

Term tuple2(Heap *h, Term a, Term b) { return tuple_from(h, 2, (Term[]){a, b}); }
Term tuple3(Heap *h, Term a, Term b, Term c) { return tuple_from(h, 3, (Term[]){a, b, c}); }
Term tuple4(Heap *h, Term a, Term b, Term c, Term d) { return tuple_from(h, 4, (Term[]){a, b, c, d}); }

Term cons_new(Heap *h, Term head, Term tail)
{
    Term *p = heap_alloc(h, 2);
    p[0] = head;
    p[1] = tail;
    return cons_from_ptr(p);
}

Term list_from(Heap *h, size_t n, const Term *elems)
{
    Term list = TERM_NIL;
    if (!n) return list;
    Term *cells = heap_alloc(h, 2 * n);
    for (size_t i = n; i-- > 0;) {
        cells[2 * i] = elems[i];
        cells[2 * i + 1] = list;
        list = cons_from_ptr(cells + 2 * i);
    }
    return list;
}

Term float_new(Heap *h, double d)
{
    Term *p = heap_alloc(h, 2);
    p[0] = header_make(BOX_FLOAT, 1);
    memcpy(p + 1, &d, sizeof d);
    return boxed_from_ptr(p);
}

Term ref_new(Heap *h, uint64_t id)
{
    Term *p = heap_alloc(h, 2);
    p[0] = header_make(BOX_REF, 1);
    p[1] = (Term)id;
    return boxed_from_ptr(p);
}

void boxed_term_span(const Term *obj, size_t *first, size_t *count)
{
    Term hdr = obj[0];
    size_t n = header_size(hdr);
    switch (header_type(hdr)) {
    case BOX_TUPLE: *first = 1; *count = n; return;
    case BOX_SUBBIN: *first = 1; *count = 1; return;
    case BOX_MAP: *first = 2; *count = n - 1; return; /* a big map's bitmap is a small integer */
    case BOX_MAPNODE: *first = 1; *count = n; return;
    case BOX_FUN: *first = 2; *count = n - 1; return;
    case BOX_EXPORT: *first = 1; *count = n; return;
    default: *first = 0; *count = 0; return;
    }
}

/* A growable stack of pending work for the walkers below, which must not
 * recurse in C on the depth of a term. It starts in a small array on the
 * C stack and moves to malloc'd memory when a term is deeper than that. */
typedef struct CopyTask {
    Term *dst; /* where the copy goes (NULL when only sizing) */
    Term src;
} CopyTask;

typedef struct CopyStack {
    CopyTask *items;
    size_t n, cap;
    CopyTask small[64];
} CopyStack;

static void copy_stack_init(CopyStack *s)
{
    s->items = s->small;
    s->n = 0;
    s->cap = sizeof s->small / sizeof s->small[0];
}

static void copy_stack_grow(CopyStack *s)
{
    size_t cap = s->cap * 2;
    CopyTask *items = xmalloc(cap * sizeof *items);
    memcpy(items, s->items, s->n * sizeof *items);
    if (s->items != s->small) free(s->items);
    s->items = items;
    s->cap = cap;
}

/* Every message copy pushes its parts: the push is inline, growing not. */
static inline void copy_stack_push(CopyStack *s, Term *dst, Term src)
{
    if (__builtin_expect(s->n == s->cap, 0)) copy_stack_grow(s);
    s->items[s->n++] = (CopyTask){dst, src};
}

static void copy_stack_free(CopyStack *s)
{
    if (s->items != s->small) free(s->items);
}

/* Whether a term has parts in a process heap to visit. */
static bool term_needs_copy(Term t)
{
    return (term_is_cons(t) || term_is_boxed(t)) && !term_points_to_literal(t);
}

size_t term_size_words(Term t)
{
    size_t total = 0;
    CopyStack stack;
    copy_stack_init(&stack);
    copy_stack_push(&stack, NULL, t);
    while (stack.n) {
        t = stack.items[--stack.n].src;
        /* List spines are followed in place; only heads wait on the stack. */
        while (term_needs_copy(t)) {
            if (term_is_cons(t)) {
                total += 2;
                if (term_needs_copy(cons_head(t))) copy_stack_push(&stack, NULL, cons_head(t));
                t = cons_tail(t);
                continue;
            }
            Term *obj = boxed_ptr(t);
            size_t first, count;
            total += 1 + header_size(obj[0]);
            boxed_term_span(obj, &first, &count);
            if (count == 0) break;
            for (size_t i = 0; i + 1 < count; i++)
                if (term_needs_copy(obj[first + i])) copy_stack_push(&stack, NULL, obj[first + i]);
            t = obj[first + count - 1];
        }
    }
    copy_stack_free(&stack);
    return total;
}

static Term copy_term(Heap *to, Term t, bool mark_funs);

Term term_copy(Heap *to, Term t) { return copy_term(to, t, true); }
Term term_copy_local(Heap *to, Term t) { return copy_term(to, t, false); }

static Term copy_term_walk(Heap *to, Term t, bool mark_funs);

static Term copy_term(Heap *to, Term t, bool mark_funs)
{
    /* most messages' parts are immediates (a request atom, a reply integer) */
    if (!term_needs_copy(t)) return t;
    if (term_is_boxed(t)) {
        /* a small tuple of immediates (a cast's {:"$gen_cast", :inc}, a
         * reply's {:ok, n}) is one block: no work stack */
        const Term *obj = boxed_ptr(t);
        size_t n = header_size(obj[0]);
        if (header_type(obj[0]) == BOX_TUPLE && n <= 8) {
            size_t i = 0;
            while (i < n && !term_needs_copy(obj[1 + i])) i++;
            if (i == n) {
                Term *copy = heap_alloc(to, n + 1);
                for (i = 0; i <= n; i++) copy[i] = obj[i];
                return boxed_from_ptr(copy);
            }
        }
    }
    return copy_term_walk(to, t, mark_funs);
}

/* copy_term's general case, with a stack of parts still to copy. */
static __attribute__((noinline)) Term copy_term_walk(Heap *to, Term t, bool mark_funs)
{
    Term result = t;
    CopyStack stack;
    copy_stack_init(&stack);
    copy_stack_push(&stack, &result, t);
    /* Allocation never moves a chunk, so the destination slots recorded
     * on the stack stay valid while later copies allocate. */
    while (stack.n) {
        CopyTask task = stack.items[--stack.n];
        Term *dst = task.dst;
        t = task.src;
        while (term_needs_copy(t)) {
            if (term_is_cons(t)) {
                Term *cell = heap_alloc(to, 2);
                cell[0] = cons_head(t);
                cell[1] = TERM_NIL;
                *dst = cons_from_ptr(cell);
                if (term_needs_copy(cell[0])) copy_stack_push(&stack, &cell[0], cell[0]);
                dst = &cell[1];
                t = cons_tail(t);
                continue;
            }
            Term *obj = boxed_ptr(t);
            BoxType type = header_type(obj[0]);
            if (__builtin_expect(type == BOX_REFBIN, 0)) {
                *dst = refbin_copy(to, t); /* the bytes are shared */
                break;
            }
            size_t words = 1 + header_size(obj[0]);
            /* a copy of a writable sub-binary (binary.c's appends in place)
             * is an ordinary one: only the original may write its room */
            if (__builtin_expect(type == BOX_SUBBIN && words == 5, 0)) words = 4;
            Term *copy = heap_alloc(to, words);
            memcpy(copy, obj, words * sizeof(Term));
            if (words == 4 && type == BOX_SUBBIN) copy[0] = header_make(BOX_SUBBIN, 3);
            if (mark_funs && type == BOX_FUN) {
                FunInfo *info = (FunInfo *)(uintptr_t)obj[1];
                if (info->copied) *info->copied |= FUN_COPIED_OUT | (to == &rt->literals ? FUN_COPIED_KEPT : 0);
            }
            *dst = boxed_from_ptr(copy);
            size_t first, count;
            boxed_term_span(obj, &first, &count);
            if (count == 0) break;
            for (size_t i = 0; i + 1 < count; i++)
                if (term_needs_copy(copy[first + i])) copy_stack_push(&stack, &copy[first + i], copy[first + i]);
            dst = &copy[first + count - 1];
            t = *dst;
        }
        if (!term_needs_copy(t)) *dst = t;
    }
    copy_stack_free(&stack);
    return result;
}
