/* fiber.c - C stacks for compiles in progress (see fiber.h). */
#include "fiber.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "fatal.h"
#include "heap.h"
#include "state.h"

#if defined(__SANITIZE_ADDRESS__)
#define FIBER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FIBER_ASAN 1
#endif
#endif
#ifdef FIBER_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

/* How a switch is made. On x86-64, by the few instructions below: they
 * save and restore what the calling convention says a call keeps (rbx,
 * rbp, r12-r15 and the stack pointer; the code switching sets no MXCSR or
 * x87 control bits), with no system call, and with no libc interceptor for
 * AddressSanitizer to warn about. Elsewhere, by ucontext.h. */
#if defined(__x86_64__) && defined(__ELF__)
#define FIBER_ASM 1
void genlab_fiber_switch(void **save_sp, void *load_sp);
__asm__(".text\n"
        ".globl genlab_fiber_switch\n"
        ".hidden genlab_fiber_switch\n"
        ".type genlab_fiber_switch,@function\n"
        "genlab_fiber_switch:\n"
        "  pushq %rbp\n  pushq %rbx\n  pushq %r12\n  pushq %r13\n  pushq %r14\n  pushq %r15\n"
        "  movq %rsp, (%rdi)\n"
        "  movq %rsi, %rsp\n"
        "  popq %r15\n  popq %r14\n  popq %r13\n  popq %r12\n  popq %rbx\n  popq %rbp\n"
        "  ret\n"
        ".size genlab_fiber_switch, .-genlab_fiber_switch\n");
typedef struct { void *sp; } FiberContext;
#else
#include <ucontext.h>
typedef ucontext_t FiberContext;
#endif

/* A fiber's stack: as much as the main stack usually has (8 MiB), so that
 * source compiles to the same depth on either. Reserved, not committed:
 * a compile touches a few pages of it. Where address space is short (a
 * ulimit -v, many compiles waiting at once), a smaller one: the compiler
 * then stops at a lower depth, with its CompileError. A sanitizer's frames
 * are several times larger, so its builds get more. */
#ifdef FIBER_ASAN
#define FIBER_STACK_BYTES ((size_t)32 << 20)
#define FIBER_SMALL_STACK_BYTES ((size_t)8 << 20)
#define FIBER_STACK_MARGIN ((uintptr_t)2 << 20)
#else
#define FIBER_STACK_BYTES ((size_t)8 << 20)
#define FIBER_SMALL_STACK_BYTES ((size_t)2 << 20)
/* What a fiber's compile leaves below its deepest frame: the margin the
 * compiler's checks (compile_stack_low) keep for the walkers they call,
 * which are bounded by depth, not by stack. */
#define FIBER_STACK_MARGIN ((uintptr_t)1 << 20)
#endif
/* Fibers reserve at most this share of the address space a ulimit -v
 * allows (the rest is the heaps'), and at most FIBER_RESERVE_MAX where
 * none is set. */
#define FIBER_RESERVE_SHARE 4
#define FIBER_RESERVE_MAX ((size_t)16 << 30)
/* Freed stacks (of the larger size) kept for the next fibers (a loop of
 * Code.eval_string). */
#define FIBER_SPARE_STACKS 4

struct Fiber {
    FiberContext ctx;  /* the fiber's place while it does not run */
    FiberContext back; /* what resumed it */
    char *stack;     /* the mapping, guard page first */
    size_t stack_size;
    void (*body)(void *arg);
    void *arg;
    uint32_t owner;
    bool started, running, done, abandoned;
    /* heap.h's failure jump: the fiber's own while it is suspended, and
     * its resumer's while it runs */
    HeapFailureJump saved, outer;
    Fiber *resumer_fiber; /* the fiber current when this one was resumed */
#ifdef FIBER_ASAN
    const void *back_bottom;
    size_t back_size;
#endif
};

/* The active runtime's fibers, in creation order. */
typedef struct FiberTable {
    Fiber **all;
    size_t n, cap;
    char *spare[FIBER_SPARE_STACKS];
    size_t nspare;
    size_t reserved, reserve_max; /* bytes of stacks mapped, and the cap */
} FiberTable;

/* The stack the program runs on is the thread's, not a runtime's. */
static Fiber *running_fiber;

static FiberTable *table(void)
{
    if (!rt->fibers) {
        FiberTable *t = xcalloc(1, sizeof(FiberTable));
        struct rlimit rl;
        t->reserve_max = FIBER_RESERVE_MAX;
        if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur / FIBER_RESERVE_SHARE < t->reserve_max)
            t->reserve_max = rl.rlim_cur / FIBER_RESERVE_SHARE;
        rt->fibers = t;
    }
    return rt->fibers;
}

static size_t page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

static char *stack_map(size_t size)
{
    FiberTable *t = table();
    /* past the cap, a compile waits for another to end (native_fiber_busy)
     * rather than leave the heaps no room */
    if (t->reserved + size > t->reserve_max) return NULL;
    char *s = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (s == MAP_FAILED) return NULL;
    /* an overflow faults on the guard page instead of running into
     * whatever lies below */
    if (mprotect(s, page_size(), PROT_NONE) != 0) {
        munmap(s, size);
        return NULL;
    }
    t->reserved += size;
    return s;
}

static void stack_unmap(char *s, size_t size)
{
    munmap(s, size);
    table()->reserved -= size;
}

static char *stack_take(size_t *size)
{
    FiberTable *t = table();
    *size = FIBER_STACK_BYTES;
    char *s = t->nspare ? t->spare[--t->nspare] : stack_map(FIBER_STACK_BYTES);
    if (!s) s = stack_map(*size = FIBER_SMALL_STACK_BYTES);
#ifdef FIBER_ASAN
    /* the red zones of frames that a jump skipped on a stack used before
     * at these addresses (a spare one, or one unmapped and mapped again)
     * are still marked in AddressSanitizer's shadow: a stack starts clean */
    if (s) ASAN_UNPOISON_MEMORY_REGION(s + page_size(), *size - page_size());
#endif
    return s;
}

static void stack_give_back(char *s, size_t size)
{
    FiberTable *t = table();
    if (size == FIBER_STACK_BYTES && t->nspare < FIBER_SPARE_STACKS) {
        /* its pages go back to the system; the reservation stays */
        madvise(s + page_size(), size - page_size(), MADV_DONTNEED);
        t->spare[t->nspare++] = s;
        return;
    }
    stack_unmap(s, size);
}

static void fiber_entry(void);

/* Saves the running context in *save and goes to *load. */
static void context_switch(FiberContext *save, FiberContext *load)
{
#ifdef FIBER_ASM
    genlab_fiber_switch(&save->sp, load->sp);
#else
    swapcontext(save, load);
#endif
}

/* Makes f->ctx start fiber_entry on f's stack; false if it cannot. */
static bool context_make(Fiber *f)
{
    char *bottom = f->stack + page_size();
    size_t size = f->stack_size - page_size();
#ifdef FIBER_ASM
    /* what genlab_fiber_switch pops: six registers, then the address it
     * returns to, fiber_entry, which starts as if called (the stack
     * pointer 8 past a multiple of 16) with a null return address above,
     * where a backtrace ends */
    void **sp = (void **)(((uintptr_t)(bottom + size)) & ~(uintptr_t)15);
    *--sp = NULL;
    *--sp = (void *)(uintptr_t)fiber_entry;
    for (int i = 0; i < 6; i++) *--sp = NULL;
    f->ctx.sp = sp;
    return true;
#else
    if (getcontext(&f->ctx) != 0) return false;
    f->ctx.uc_stack.ss_sp = bottom;
    f->ctx.uc_stack.ss_size = size;
    f->ctx.uc_link = NULL;
    makecontext(&f->ctx, fiber_entry, 0);
    return true;
#endif
}

static void fiber_entry(void)
{
    Fiber *f = running_fiber;
#ifdef FIBER_ASAN
    __sanitizer_finish_switch_fiber(NULL, &f->back_bottom, &f->back_size);
#endif
    f->body(f->arg);
    f->done = true;
#ifdef FIBER_ASAN
    /* this stack is never switched to again: its fake frames can go */
    __sanitizer_start_switch_fiber(NULL, f->back_bottom, f->back_size);
#endif
    context_switch(&f->ctx, &f->back);
    fatal("fiber: a fiber that returned was resumed");
}

Fiber *fiber_new(uint32_t owner, void (*body)(void *arg), void *arg)
{
    Fiber *f = xcalloc(1, sizeof *f);
    if (!(f->stack = stack_take(&f->stack_size))) {
        free(f);
        return NULL;
    }
    if (!context_make(f)) {
        stack_give_back(f->stack, f->stack_size);
        free(f);
        return NULL;
    }
    f->body = body;
    f->arg = arg;
    f->owner = owner;
    FiberTable *t = table();
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->all = xrealloc(t->all, t->cap * sizeof *t->all);
    }
    t->all[t->n++] = f;
    return f;
}

bool fiber_resume(Fiber *f)
{
    if (f->done || f->running) return f->done;
    f->running = true;
    f->resumer_fiber = running_fiber;
    if (!f->started) {
        f->started = true;
        /* the body starts with no jump of its own: it sets one if it can
         * end cleanly; until then a failure is its resumer's */
        f->saved = rt->heap_failure;
    }
    f->outer = heap_set_failure_jump(f->saved);
    running_fiber = f;
#ifdef FIBER_ASAN
    void *fake = NULL;
    __sanitizer_start_switch_fiber(&fake, f->stack + page_size(), f->stack_size - page_size());
#endif
    context_switch(&f->back, &f->ctx);
#ifdef FIBER_ASAN
    __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#endif
    running_fiber = f->resumer_fiber;
    f->saved = heap_set_failure_jump(f->outer);
    f->running = false;
    return f->done;
}

void fiber_suspend(void)
{
    Fiber *f = running_fiber;
    if (!f) fatal("fiber_suspend outside a fiber");
#ifdef FIBER_ASAN
    void *fake = NULL;
    __sanitizer_start_switch_fiber(&fake, f->back_bottom, f->back_size);
#endif
    context_switch(&f->ctx, &f->back);
#ifdef FIBER_ASAN
    __sanitizer_finish_switch_fiber(fake, &f->back_bottom, &f->back_size);
#endif
}

Fiber *fiber_current(void) { return running_fiber; }

void *fiber_arg(Fiber *f) { return f->arg; }

bool fiber_abandoned(Fiber *f) { return f->abandoned; }

Fiber *fiber_waiting(uint32_t owner)
{
    FiberTable *t = rt->fibers;
    if (!t) return NULL;
    for (size_t i = t->n; i-- > 0;)
        if (t->all[i]->owner == owner && t->all[i]->started && !t->all[i]->running && !t->all[i]->done) return t->all[i];
    return NULL;
}

void fiber_free(Fiber *f)
{
    if (!f) return;
    FiberTable *t = table();
    for (size_t i = 0; i < t->n; i++)
        if (t->all[i] == f) {
            /* creation order matters to fiber_waiting: kept */
            memmove(&t->all[i], &t->all[i + 1], (t->n - i - 1) * sizeof *t->all);
            t->n--;
            break;
        }
    stack_give_back(f->stack, f->stack_size);
    free(f);
}

void fiber_abandon_owner(uint32_t owner)
{
    Fiber *f;
    while ((f = fiber_waiting(owner))) {
        f->abandoned = true;
        /* nothing answers it any more: it unwinds on its own (each wait
         * it would start ends at once, see fiber_abandoned) */
        while (!fiber_resume(f)) {}
        fiber_free(f);
    }
}

uintptr_t fiber_stack_floor(void)
{
    Fiber *f = running_fiber;
    return f ? (uintptr_t)f->stack + page_size() + FIBER_STACK_MARGIN : 0;
}

size_t fiber_count(void) { return rt->fibers ? rt->fibers->n : 0; }

void fiber_state_free(void)
{
    FiberTable *t = rt->fibers;
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) {
        munmap(t->all[i]->stack, t->all[i]->stack_size);
        free(t->all[i]);
    }
    for (size_t i = 0; i < t->nspare; i++) munmap(t->spare[i], FIBER_STACK_BYTES);
    free(t->all);
    free(t);
    rt->fibers = NULL;
}
