/* state.h - the state of one runtime, and which runtime is active.
 *
 * Every piece of mutable state in core/ belongs to one runtime (a Genlab of
 * genlab.h), so that two runtimes can live in one program, each with its
 * own atoms, modules, processes, clock and tables. Each concept keeps its
 * state in a struct of its own, defined and allocated in its own .c file
 * (AtomTable in atom.c, SchedState in sched.c, ...); RuntimeState holds one
 * pointer to each, and a few scalars that are too small for a struct.
 *
 * Core runs on one thread, one runtime at a time: `rt` points to the
 * active runtime's state. Every entry point of genlab.h makes its runtime
 * active before it does anything else, so code inside core never passes a
 * runtime around. The struct types of the layers above data/ are only
 * named here, never defined: data/ cannot see into them.
 */
#ifndef GENLAB_STATE_H
#define GENLAB_STATE_H

#include "heap.h"

typedef struct RuntimeState {
    /* data/ */
    struct AtomTable *atoms;    /* atom.c */
    Heap literals;              /* heap.c: the literal arena */
    HeapFailureJump heap_failure; /* heap.c: where a failed allocation goes */
    HeapFailure heap_failure_why; /* heap.c: why the last one jumped there */
    size_t memory_in_use;        /* heap.c: bytes in process heap chunks */
    size_t memory_limit;         /* heap.c: --max-memory in bytes, 0 = none */
    size_t alloc_failed_bytes;   /* fatal.c: the size of the last allocation that failed in a slice */
    uint64_t alloc_fail_countdown; /* fatal.c: alloc_fail_after's fault injection, 0 = off */
    struct PoolState *pool;      /* pool.c: blocks for processes and heap chunks */
    size_t refbin_count, refbin_bytes; /* binary.c: off-heap binaries alive, and their capacity */
    Term *literal_base, *literal_end;
    Heap *literal_target;       /* heap.c: what literal_heap() answers instead of the
                                   arena while a shell input compiles (lang/code_region.h) */
    bool foreign_terms;         /* terms outside every process heap and the arena exist
                                   (code_region.h's constants): proc/gc.c copies only its own */
    void (*writer)(int stream, const char *bytes, size_t n); /* io.c */
    uint64_t rng;               /* rng.c: splitmix64's state */
    uint64_t (*map_atom_numbering)(Term atom); /* map_order.c; NULL: the atom index */
    const Term *(*struct_fields)(Term module, size_t *count); /* inspect.c: module.c's */
    int argc;                   /* System.argv (genlab.c) */
    char **argv;

    /* proc/ */
    struct SchedState *sched;   /* sched.c */
    struct EtsState *ets;       /* ets.c */
    struct TraceState *trace;   /* trace.c: where events go */
    bool tracing;               /* trace.c: a sink is installed (what TRACE tests) */

    /* lang/ */
    struct ModuleTable *modules; /* module.c */
    uint32_t module_generation;  /* module.c: bumped by every module change */
    struct NativeTable *natives; /* native.c */
    struct CompileState *compile; /* compile_*.c */
    struct CodeRegions *regions; /* code_region.c: shell inputs' code */
    struct CompileRunTable *compile_runs; /* compile_run.c: compiles waiting for compile-time calls */
    bool compile_boot_mode;      /* compiling the embedded library: Kernel may not exist yet */
    Term script_pid;             /* vm.c: the process running a script file's top level
                                    (set by runtime.c), whose stack goes on below it with
                                    Elixir's compiler's frames; 0: none */

    /* bif/ */
    int64_t unique_counter;      /* terms.c: :erlang.unique_integer */
    struct BifState *bif;        /* process.c */
    struct ProtocolCache *protocols; /* protocol.c */
    struct RegexCache *regexes;  /* regex.c: compiled patterns */

    /* runtime.c, and what it does for the layers below */
    struct HostState *host;
    struct ViewsState *views;    /* views.c: the cli's sink and view handler, the clock mode */
    void (*log_write)(int stream, const char *bytes, size_t n); /* Logger's console */
    char *(*format_exception)(Term cls, Term reason, Term stack); /* as Elixir prints it, malloc'd */
    void (*log_error)(const char *text); /* an [error] line on Logger's console, as the runtime's own */
} RuntimeState;

/* The active runtime's state (never NULL while core runs). */
extern RuntimeState *rt;

#endif
