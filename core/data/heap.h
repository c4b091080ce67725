/* heap.h - where terms live.
 *
 * Every process owns a Heap: a chain of chunks filled by bump allocation.
 * Allocation never moves anything, so C code (natives, the compiler) may
 * hold raw Terms while it allocates. Only the VM collects garbage, at safe
 * points where every live term is in a root it knows (see gc.h); the
 * collector copies live data into one fresh chunk.
 *
 * Constants of compiled code live in the literal arena: one reserved address
 * range per runtime, never collected and never copied, recognisable by address. Terms
 * in a process heap may point into it; nothing points the other way.
 */
#ifndef GENLAB_HEAP_H
#define GENLAB_HEAP_H

#include <setjmp.h>

#include "term.h"

typedef struct HeapChunk {
    struct HeapChunk *next; /* older chunk */
    size_t words;           /* capacity of data[] */
    Term data[];
} HeapChunk;

/* A process heap has two generations (gc.h). New terms go to the young
 * one, `chunks`; what survives a collection moves to the old one, `old`,
 * where it stays until a full collection. Terms never change once built, so
 * an old term never points to a young one: a collection of the young
 * generation need not look at the old. Heaps that are never collected
 * (the literal arena, ETS, messages in flight) use only `chunks`. */
typedef struct Heap {
    Term *top, *limit;        /* bump region inside `chunks` */
    HeapChunk *chunks;        /* the young generation, newest first */
    HeapChunk *old;           /* the old generation, newest first */
    Term *old_top;            /* the end of the terms in `old`'s newest chunk: survivors go next */
    size_t capacity_words;    /* sum of all chunk capacities, both generations */
    size_t allocated_words;   /* words handed out since the last collection */
    size_t live_words;        /* words in the old generation */
    size_t full_live_words;   /* words that survived the last full collection */
    /* The heap's BOX_REFBIN objects (binary.h), each holding one reference
     * to its off-heap binary, chained through their second payload word,
     * the young generation's first. A collection releases the binaries of
     * those it did not keep. */
    Term *offheap;
} Heap;

void heap_init(Heap *h, size_t initial_words);
/* Frees every chunk and releases the heap's references to off-heap binaries. */
void heap_release(Heap *h);

/* Adds a BOX_REFBIN object just built in h to h's off-heap list. Its
 * binary's bytes count as allocated words, so that a process that makes
 * large binaries and drops them is collected as often as one that
 * allocates as much on its heap (the BEAM's binary virtual heap). */
void heap_offheap_link(Heap *h, Term *refbin, size_t bytes);
/* After a collection has copied what is live (gc.c), before the chunks it
 * emptied are freed: keeps the off-heap references whose objects were
 * copied and releases the others. A minor collection stops at the first
 * object of the old generation. */
void heap_offheap_sweep(Heap *h, bool full);
bool heap_is_literal(const Heap *h);

/* Visits a run of words that may hold terms or pointers (a heap's
 * chunks, a table's objects, a root): for conservative scans such as
 * lang/code_region.c's, which look at every word, not at terms. */
typedef void (*HeapWordsVisit)(void *ctx, const Term *words, size_t n);
/* Visits the words in use in h's chunks, both generations (a chunk's
 * free part holds whatever malloc left there, which is not visited). */
void heap_visit_words(const Heap *h, HeapWordsVisit visit, void *ctx);

/* A chunk of `words` Terms, or NULL when malloc fails; it counts toward
 * the runtime's memory in use (rt->memory_in_use) until heap_chunk_free.
 * The collector's to-space comes from here too, unchecked against the
 * memory limit: collecting is how memory comes back. */
HeapChunk *heap_chunk_try(size_t words);
void heap_chunk_free(HeapChunk *c);
/* Frees a chain of chunks (linked by next). */
void heap_chunks_free(HeapChunk *c);

/* Returns room for `words` Terms. It does not return when memory runs
 * out, or when the heap that the failure jump guards would pass its
 * limit: it jumps (see below). */
static inline Term *heap_alloc(Heap *h, size_t words);
/* heap_alloc when the current chunk is full: adds a chunk. */
Term *heap_alloc_grow(Heap *h, size_t words);

/* Why an allocation could not be met. */
typedef enum { HEAP_FAIL_LIMIT = 1, HEAP_FAIL_MEMORY = 2 } HeapFailure;

/* Where a failed allocation goes: the VM sets this around a process's
 * slice, so that the process that asked ends, never the program. `owner`
 * is that process's heap, the one that may not grow past *max_words
 * (its max_heap_size; 0 = none). Other heaps, such as a receiver's, are
 * checked at their own process's collections.
 * Returns the previous jump so that nested runs restore it. With no jump
 * set, a failure is an internal error. */
/* The target of a failure jump, set with heap_jump_set(buf), which answers
 * 0, and again nonzero when a failure jumps there (heap_failure_why()
 * says why). The VM sets one around every slice: GCC's and Clang's
 * builtin setjmp saves three words (frame, stack, resume address) where
 * the C library's saves every callee-saved register, mangled, in a call.
 * Under AddressSanitizer, whose longjmp interceptor must see the jump
 * leave the frames it skips, the C library's. */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_JUMP_LIBC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_JUMP_LIBC 1
#endif
#endif
#ifdef HEAP_JUMP_LIBC
typedef jmp_buf HeapJumpBuf;
#define heap_jump_set(buf) setjmp(buf)
#else
typedef void *HeapJumpBuf[5];
#define heap_jump_set(buf) __builtin_setjmp(buf)
#endif

typedef struct HeapFailureJump {
    HeapJumpBuf *jump;
    Heap *owner;
    const uint32_t *max_words;
} HeapFailureJump;
HeapFailureJump heap_set_failure_jump(HeapFailureJump j);

/* Ends the allocation in progress: jumps with `why`, or stops genlab. */
_Noreturn void heap_fail(HeapFailure why);
/* Why the last failure jumped (after heap_jump_set answered nonzero). */
HeapFailure heap_failure_why(void);

/* Memory outside process heaps that grows with user input (ETS objects,
 * mailbox entries, binaries being built) counts with the heaps against the
 * runtime's limit (--max-memory), as does the literal arena's used part.
 * memory_charge adds `bytes` before the caller allocates them; inside a
 * process's slice, passing the limit fails as a heap allocation would (the
 * process that asked ends) and nothing is added. memory_release takes
 * them back when they are freed. */
void memory_charge(size_t bytes);
void memory_release(size_t bytes);

/* Bytes held by the heap's chunks (Process.info(pid, :memory) adds this). */
size_t heap_memory_bytes(const Heap *h);

static inline Term *heap_alloc(Heap *h, size_t words)
{
    if (__builtin_expect((size_t)(h->limit - h->top) < words, 0)) return heap_alloc_grow(h, words);
    Term *p = h->top;
    h->top += words;
    h->allocated_words += words;
    return p;
}

/* ---- the literal arena ------------------------------------------------- */

/* The heap whose terms are permanent constants: the active runtime's
 * (state.h); literal_heap_free releases its mapping. While a shell input
 * compiles, its own constants' heap instead (rt->literal_target, see
 * lang/code_region.h), whose terms are not literals: copies copy them. */
Heap *literal_heap(void);
void literal_heap_free(void);
bool term_points_to_literal(Term t); /* for boxed and cons terms */

/* ---- constructors (in any heap) ------------------------------------------ */

Term tuple_new(Heap *h, size_t n); /* elements set to nil atom... caller fills */
Term tuple_from(Heap *h, size_t n, const Term *elems);
Term tuple2(Heap *h, Term a, Term b);
Term tuple3(Heap *h, Term a, Term b, Term c);
Term tuple4(Heap *h, Term a, Term b, Term c, Term d);
Term cons_new(Heap *h, Term head, Term tail);
Term list_from(Heap *h, size_t n, const Term *elems); /* proper list */
Term float_new(Heap *h, double d);
Term ref_new(Heap *h, uint64_t id);

/* The payload words of a boxed object that hold Terms (to copy or
 * collect), as [first, first + count) counted from the header. Raw
 * payloads (floats, bignum limbs, bytes) have none. */
void boxed_term_span(const Term *obj, size_t *first, size_t *count);

/* Deep-copies a term into another heap (messages, literals). Literal-arena
 * terms are shared, not copied. Each fun copied is marked so
 * (FunInfo.copied): its code may now run anywhere. */
Term term_copy(Heap *to, Term t);
/* The same for a copy that only the process it came from will use again
 * (the shell's copy of its bindings, to go back to if an input fails):
 * its funs are not marked. */
Term term_copy_local(Heap *to, Term t);
size_t term_size_words(Term t); /* words term_copy would allocate */

#endif
