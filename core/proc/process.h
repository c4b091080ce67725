/* process.h - an Elixir process: everything it needs to stop and resume.
 *
 * A process owns its heap, its register stack and call frames (in process
 * memory, never on the C stack), its mailbox, links, monitors and
 * dictionary. The scheduler (sched.h) runs it for a reduction budget and
 * it can be suspended at any receive or at the end of a slice.
 */
#ifndef GENLAB_PROCESS_H
#define GENLAB_PROCESS_H

#include "error.h"
#include "heap.h"

typedef struct Process Process;

/* ---- what a process runs: registers, frames, handlers, mailbox -------------
 * Defined here, below the VM, because they belong to the process: the
 * scheduler delivers messages and the collector walks the registers
 * without knowing what an instruction means. What the code is (Function,
 * the instruction words) is lang/'s business: module.h and vm.h. */

typedef uintptr_t Code; /* one instruction word: an opcode or an operand (vm.h) */
struct Function;        /* module.h */

typedef struct Frame {
    struct Function *fn;
    const Code *return_pc; /* where the caller resumes */
    uint32_t base;         /* caller's register base */
    uint32_t dst;          /* caller register that receives the result */
} Frame;

typedef struct Handler {
    uint32_t frame_depth;  /* frames to keep */
    uint32_t base;
    uint32_t first_reg;
    const Code *pc;
    struct Function *fn;
} Handler;

typedef struct Message {
    struct Message *next;
    Term term;
    uint32_t from; /* the sender's pid serial, 0 for a timer or the runtime */
} Message;

/* The registers and frames a process has room for without an allocation
 * of its own (most never need more): more come from the pool when a call
 * needs them (vm.c). 19 registers hold what an idle GenServer's loop
 * keeps live in its receive (vm_registers_in_use: 18), and 3 frames
 * what it waits with (1); together they keep the process's block at
 * 640 bytes, a size class of the pool. */
#define VM_INLINE_REGS 19
#define VM_INLINE_FRAMES 3

typedef struct VmState {
    Term *regs;
    size_t regs_cap;
    Frame *frames;
    size_t nframes, frames_cap;
    Handler *handlers;
    size_t nhandlers, handlers_cap;
    struct Function *fn;   /* running function */
    const Code *pc;        /* next instruction */
    uint32_t base;
    uint32_t max_heap_words; /* max_heap_size in words, 0 = none (a padding slot) */
    uint32_t host_calls;     /* vm_eval_in calls in progress (they keep the
                                process's own registers aside) */
    bool regs_trimmed;       /* waiting, its registers may have been cut to
                                the live ones: the VM makes room for its
                                frames' windows again before it runs */
    /* the mailbox: a FIFO with a save pointer for selective receive */
    Message *mbox_head, **mbox_tail, **mbox_save;
    size_t mbox_len;
    /* The receive marker (the BEAM's reference trick): when the process
     * made reference mark_ref, mark_last was the last message in the
     * mailbox (NULL: it was empty). No earlier message can hold that
     * reference, so a receive whose every clause needs it starts after. */
    uint64_t mark_ref;     /* 0: no marker */
    Message *mark_last;
    union {
        Term result;          /* VM_DONE: the value the process returned with */
        Term receive_timeout; /* VM_WAIT: the receive's after, in milliseconds
                                 or :infinity, for the scheduler to arm */
        Term cont;            /* a native's continuation, {callee, args} or
                                 {module, name, args}, until the VM calls it */
    };
    /* regs and frames while they fit, in the process's own block: a
     * fresh process allocates nothing more for them, and a message's
     * receiver finds them next to its mailbox */
    Term inline_regs[VM_INLINE_REGS];
    Frame inline_frames[VM_INLINE_FRAMES];
} VmState;

/* Empties vm: no messages, no handlers, the inline registers (their
 * contents stale) and frames. */
void vm_state_init(VmState *vm);
/* Frees the messages in the mailbox, the handlers, and registers and
 * frames that outgrew the inline ones; leaves vm as vm_state_init does. */
void vm_state_free(VmState *vm);

/* Moves vm's registers (frames) to room for `cap`, keeping the first ones
 * that fit: the inline ones when cap is VM_INLINE_REGS (VM_INLINE_FRAMES)
 * and no host call is in progress, else a block from the pool (pool.h),
 * so that a million servers growing and shrinking theirs reuse each
 * other's blocks instead of fragmenting malloc's. Registers above the old
 * capacity are left unset. False (vm unchanged) when memory ran out. */
bool vm_regs_resize(VmState *vm, size_t cap);
bool vm_frames_resize(VmState *vm, size_t cap);
/* The same for vm's handlers (none inline; cap 0 frees them). Pool blocks
 * of a size class, not malloc's: a server's handlers grown to 8 and cut
 * back to the one it waits in left a hole in malloc's arena each. */
bool vm_handlers_resize(VmState *vm, size_t cap);

/* How a slice of a process ended (vm_run, lang/vm.h). */
typedef enum {
    VM_DONE,     /* the process returned (result in vm->result) */
    VM_ERROR,    /* an uncaught exception ended it (p->exc_*) */
    VM_WAIT,     /* blocked in receive */
    VM_YIELD,    /* used its reduction budget */
    VM_KILLED    /* an exit signal ended it while it ran (p->exit_reason) */
} VmStatus;

struct Process {
    PROCESS_HEAD /* heap, pid and the pending exception: see error.h */

    Term dictionary; /* the process dictionary: a map, or [] while empty */

    /* What a message's delivery and the scheduler read and write, in one
     * cache line (bytes 128-191) after the heap's: with 100,000 processes
     * each hop of a ring finds its receiver out of the cache. */
    VmState *vm; /* registers, frames, handlers, mailbox: see above */

    /* ---- scheduling (sched.h) ---- */
    struct Process *run_next; /* run queue link */
    uint64_t wake_at;         /* virtual ms of a receive timeout, or UINT64_MAX */
    struct Timer *receive_timer; /* that timeout's timer (sched.c), or NULL */
    uint64_t reductions;
    int exc_arg;              /* see exc_why (error.h): 1-based, 0 = none */
    int status;               /* ProcStatus */
    bool trap_exit;
    bool exit_pending;        /* an exit signal arrived while it was running */
    bool compact_pending;     /* waiting with memory to give back (sched.c) */
    bool queued;              /* in the run queue: freed only once it is out */
    uint8_t heap_killed;      /* an allocation ended it (the crash hook reports it): heap.h's
                               * HEAP_FAIL_LIMIT (max_heap_size) or HEAP_FAIL_MEMORY; 0 = not */
    bool is_main;             /* runs top-level code: kept when it exits */
    bool receiving;           /* waits in a receive: a message or the timeout wakes it */
    uint8_t woken;            /* why the scheduler woke that receive (ProcessWoken) */

    Term host_root;           /* a term the layer above keeps alive here (the shell's bindings) */
    Term registered_name;     /* atom, or nil */
    Term exit_reason;         /* set when it has exited (or exit_pending) */
    Term initial_call;        /* {Module, function, arity} for Process.info */
    /* links and monitors are pids / ids, kept outside the heap */
    uint32_t *links;
    struct Monitor *monitors;  /* monitors this process holds on others */
    struct Monitor *watchers;  /* monitors others hold on this process */
    uint32_t nlinks, links_cap;
    uint32_t nmonitors, monitors_cap;
    uint32_t nwatchers, watchers_cap;

    /* What vm points to once the process has run (one block with the
     * process: see pool.h); vm is NULL before. */
    VmState vm_block;
};

/* Process.woken: the receive that waited goes on from the top of its loop
 * (a message came) or at its after clause (the timeout passed); the VM
 * reads it when the process runs again. */
typedef enum { PROCESS_WOKEN_NOT = 0, PROCESS_WOKEN_MESSAGE, PROCESS_WOKEN_TIMEOUT } ProcessWoken;

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
