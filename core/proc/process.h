/* process.h - an Elixir process: everything it needs to stop and resume.
 *
 * A process owns its heap, its register stack and call frames (in process
 * memory, never on the C stack), its mailbox, links, monitors and
 * dictionary. The scheduler (sched.h) runs it for a reduction budget and
 * it can be suspended at any receive or at the end of a slice.
 */
#ifndef GENLAB_PROCESS_H
#define GENLAB_PROCESS_H

#include "heap.h"

typedef struct Process Process;

struct Process {
    Heap heap;
    Term pid;

    /* The pending exception, set by process_raise*() while a native or an
     * instruction returns TERM_NONE. class is error, exit or throw. */
    Term exc_class, exc_reason;
    /* For error:badarg from a native: which argument (1-based, 0 = none,
     * exc_arg below) and why, as Erlang's extended error information
     * reports it. */
    const char *exc_why;
    Term exc_stacktrace; /* filled by the VM while unwinding */

    Term dictionary; /* the process dictionary: a map, or [] while empty */
    Term host_root;  /* a term the layer above keeps alive here (the shell's bindings) */

    struct VmState *vm; /* registers, frames, handlers: see vm.h */

    /* ---- scheduling (sched.h) ---- */
    struct Process *run_next; /* run queue link */
    uint64_t wake_at;         /* virtual ms of a receive timeout, or UINT64_MAX */
    struct Timer *receive_timer; /* that timeout's timer (sched.c), or NULL */
    uint64_t reductions;
    Term registered_name;     /* atom, or nil */
    Term exit_reason;         /* set when it has exited (or exit_pending) */
    Term initial_call;        /* {Module, function, arity} for Process.info */
    int exc_arg;              /* see exc_why */
    int status;               /* ProcStatus */
    bool trap_exit;
    bool exit_pending;        /* an exit signal arrived while it was running */
    bool compact_pending;     /* waiting with memory to give back (sched.c) */
    bool queued;              /* in the run queue: freed only once it is out */
    bool heap_killed;         /* max_heap_size ended it (the crash hook reports it) */
    bool is_main;             /* runs top-level code: kept when it exits */
    /* links and monitors are pids / ids, kept outside the heap */
    uint32_t *links;
    size_t nlinks, links_cap;
    struct Monitor *monitors;  /* monitors this process holds on others */
    size_t nmonitors, monitors_cap;
    struct Monitor *watchers;  /* monitors others hold on this process */
    size_t nwatchers, watchers_cap;
};

typedef struct Monitor {
    uint64_t ref;   /* the reference's id */
    uint32_t pid;   /* the other side */
    Term name;      /* monitored by registered name, or nil */
} Monitor;

/* Raising from native code. Each returns TERM_NONE so a native can write
 * `return process_badarg(p);`. */
Term process_raise(Process *p, Term class_atom, Term reason);
Term process_badarg(Process *p);
/* error:badarg noting that argument `arg` (1-based) was wrong because `why`
 * (e.g. "not a textual representation of an integer"). */
Term process_badarg_at(Process *p, int arg, const char *why);
/* Raises an Elixir exception struct %Module{message: message}, e.g.
 * process_raise_exception(p, "Elixir.ArgumentError", "..."). */
Term process_raise_exception(Process *p, const char *module, const char *message);

#endif
