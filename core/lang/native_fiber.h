/* native_fiber.h - natives that run C which waits for Elixir code (the
 * compiler), on a fiber of their own (proc/fiber.h).
 *
 * A native that compiles (Code.eval_string's :genlab.eval_compile, a
 * defmodule reached at run time) runs the compiler with native_fiber_run.
 * Each time the compiler asks for compile-time code through vm_eval_in,
 * the fiber stops and the native answers the VM with a continuation
 * (native.h): the process calls Code.__genlab_host_call__(fun, args),
 * which runs the code as any other code of the process (preempted, free to
 * receive, with its own self()), catches what it raises and hands the
 * outcome to :genlab.host_call_return/1, which resumes the compiler with
 * it. The compiler's last answer is the native's. Meanwhile every other
 * process runs, and the shell takes its next input: no compile holds the
 * C stack of the scheduler.
 *
 * The compiler's terms in C variables must not be in the process's heap
 * across such a call (the collector may move them): it keeps its own on
 * the literal arena and scratch heaps, as vm_eval_in already asks.
 */
#ifndef GENLAB_NATIVE_FIBER_H
#define GENLAB_NATIVE_FIBER_H

#include "module.h"
#include "process.h"

/* Runs body(p, arg) on a fiber as the native of p that is running now:
 * *answer gets body's answer (a term, TERM_NONE after an exception, or
 * TERM_CONTINUE), or the continuation that runs the first Elixir call the
 * body waits for. False, with body not run, when no fiber can be had
 * (address space is short: many compiles wait at once): the native then
 * answers with native_fiber_busy. */
bool native_fiber_start(Process *p, Term (*body)(Process *p, void *arg), void *arg, Term *answer);

/* The native's answer when no fiber could be had: p waits a moment (1 ms)
 * and calls module.name(args) again, as a process waits on the BEAM for
 * memory that others hold; it never nests the compile on the scheduler's
 * C stack, where it would hold up everything else. */
Term native_fiber_busy(Process *p, Term module, Term name, uint32_t nargs, const Term *args);

/* :genlab.host_call_return(outcome): {:ok, value} or {kind, reason,
 * stacktrace} of the call p's innermost waiting fiber asked for; resumes
 * it and answers as native_fiber_run does. */
Term native_fiber_answer(Process *p, Term outcome);

/* vm_eval_in's part while on a fiber: when the running fiber is p's, the
 * call is made as described above and true returned, with *result (or the
 * exception) filled as vm_eval_in fills them; false when the call must
 * nest as it does off a fiber (another process's call, or a library load
 * that runs alone). */
bool native_fiber_eval(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *result, Term *exc_class,
                       Term *exc_reason, Term *exc_stack);

#endif
