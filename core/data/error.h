/* error.h - raising an Erlang exception from code that runs for a process.
 *
 * A native, an instruction or a function of data/ raises by recording the
 * exception in the process it runs for and returning TERM_NONE; the VM
 * unwinds from there. Code in data/ knows no processes (proc/process.h is
 * above it): what it needs of one, the heap to build terms on and the
 * exception's slots, is a ProcessHead, the members every Process begins
 * with (PROCESS_HEAD), as every Python object begins with a PyObject.
 */
#ifndef GENLAB_ERROR_H
#define GENLAB_ERROR_H

#include "heap.h"

#define PROCESS_HEAD                                                          \
    Heap heap;                                                                \
    Term pid;                                                                 \
    /* The pending exception, set by error_raise and process_raise* while a   \
     * native or an instruction returns TERM_NONE. class is error, exit or    \
     * throw. */                                                              \
    Term exc_class, exc_reason;                                               \
    /* For error:badarg from a native: why, and which argument (exc_arg in    \
     * process.h), as Erlang's extended error information reports it. */     \
    const char *exc_why;                                                      \
    Term exc_stacktrace; /* filled by the VM while unwinding */

typedef struct ProcessHead {
    PROCESS_HEAD
} ProcessHead;

typedef struct Process Process;

static inline ProcessHead *process_head(Process *p) { return (ProcessHead *)(void *)p; }
/* The heap of the process, for code that sees only its head. */
static inline Heap *process_heap(Process *p) { return &process_head(p)->heap; }

/* Records class:reason as p's exception; returns TERM_NONE, so that a
 * function can `return error_raise(p, ATOM_error, ATOM_badarith);`. */
Term error_raise(Process *p, Term class_atom, Term reason);
/* Raises the Elixir exception %module{message: message}, e.g.
 * error_raise_exception(p, "Elixir.ArgumentError", "..."). */
Term error_raise_exception(Process *p, const char *module, const char *message);

#endif
