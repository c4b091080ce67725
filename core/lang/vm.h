/* vm.h - the bytecode interpreter.
 *
 * Registers and call frames live in process memory (VmState), never on the
 * C stack: vm_run executes one process for a reduction budget and returns
 * when it finishes, waits for a message, or has used its budget, so any
 * process can be resumed later from exactly where it stopped.
 */
#ifndef GENLAB_VM_H
#define GENLAB_VM_H

#include "module.h"
#include "process.h"

typedef enum {
#define OP(name, n) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
} Opcode;

extern const uint8_t opcode_operand_count[OP__COUNT];
extern const char *const opcode_names[OP__COUNT];

/* Types for TEST_TYPE. */
typedef enum {
    TYPE_ATOM, TYPE_BINARY, TYPE_BITSTRING, TYPE_BOOLEAN, TYPE_FLOAT, TYPE_FUNCTION,
    TYPE_INTEGER, TYPE_LIST, TYPE_MAP, TYPE_NUMBER, TYPE_PID, TYPE_REFERENCE, TYPE_TUPLE,
    TYPE_NIL_OR_FALSE
} TypeTest;

/* Runtime errors the ERROR instruction raises (the Erlang reasons). */
typedef enum { ERR_BADMATCH, ERR_CASE_CLAUSE, ERR_WITH_CLAUSE, ERR_TRY_CLAUSE, ERR_COND_CLAUSE } ErrorKind;

/* A <<>> construction or match: one entry per segment. */
typedef enum { SEG_INTEGER, SEG_FLOAT, SEG_BINARY, SEG_BITS, SEG_UTF8, SEG_UTF16, SEG_UTF32 } SegType;
typedef struct BinSeg {
    uint8_t type;        /* SegType */
    bool little, is_signed;
    bool size_in_reg;    /* size is a register (else a constant, SIZE_MAX = default/all) */
    uint32_t unit;
    size_t size;         /* constant size or register index */
    Term literal;        /* match only: a literal the segment must equal, or TERM_NONE */
} BinSeg;
typedef struct BinSpec {
    uint32_t nsegs;
    BinSeg segs[];
} BinSpec;

/* The opcode of the instruction at code index pc of f (whose code the VM
 * may have threaded: each opcode replaced by its handler's address). */
Opcode vm_code_opcode(const Function *f, size_t pc);

/* Sets a process up to call fn with args (copied into its registers). */
void vm_prepare_call(Process *p, Function *fn, const Term *args, uint32_t nargs);

/* A new process that will call fn(args); the args are copied into it. */
Process *process_spawn(Function *fn, const Term *args, uint32_t nargs);

/* The registers p's code uses while it waits: [0, *top) are live, and its
 * callers' frames reach up to *extent (see gc_compact). Registered with the
 * scheduler (SchedHooks), which knows no Function. */
void vm_registers_in_use(Process *p, size_t *top, size_t *extent);
VmStatus vm_run(Process *p, long budget);

/* Records the mailbox's current end as the marker of reference ref_id, which
 * p has just made (make_ref, monitor). */
void vm_mailbox_mark(Process *p, uint64_t ref_id);
/* Unlinks and frees the message *link points to, keeping the tail, the
 * length and the marker right. */
void vm_mailbox_remove(VmState *vm, Message **link);

/* Builds the stacktrace list for the current frames. */
Term vm_stacktrace(Process *p);

/* Elixir called from C (DESIGN.md, "Calling Elixir from C"): has process
 * p call `fn(args)` on top of whatever it was doing, idle or inside a
 * native, as ordinary work of p (the scheduler runs it and every other
 * process until it returns: see sched_run_host_call), and answers its
 * result copied into `to`, or TERM_NONE with the exception copied into
 * *exc_class, *exc_reason, *exc_stack (class exit with :deadlock when it
 * waits forever, with p's exit reason when an exit signal ends p, which
 * then dies once it is back where it was, or :interrupted for Ctrl-C).
 * The compiler runs macros, `__using__` and module bodies this way in the
 * process that compiles (sched_evaluator()); the runtime formats errors
 * this way. During an attempt of a compile of p's (compile_run.h) the
 * call does not nest: it is answered from the compile's memo, or the
 * attempt is left (this does not return) and p runs the call as its next
 * code. Otherwise p's registers are the same afterwards (updated by any
 * collection), but terms held in C variables of p's heap may have moved.
 * With no process (p NULL: the build's image tool, which has none), it
 * runs in a detached process of its own (vm_eval_detached). */
Term vm_eval_in(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack);

/* Runs `fn(args)` to completion in a fresh process with no pid of its own,
 * on the C stack, outside the scheduler: for C code that has no process
 * (the build's image tool). Bounded, since nothing else could stop it:
 * after VM_EVAL_BUDGET reductions it raises a RuntimeError. */
#define VM_EVAL_BUDGET 50000000L
Term vm_eval_detached(Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack);

#endif
