/* compile_run.h - a compile that waits for Elixir code without a C stack
 * of its own: restarted from the beginning with the outcomes it already
 * has (DESIGN.md, "Calling Elixir from C").
 *
 * The compiler is C that recurses over the source, and compile-time code
 * (a macro, a module body statement, `__using__`, an error's formatting)
 * runs in the middle of it. A process that compiles (a native of it:
 * Code.eval_string's :genlab.eval_compile, a defmodule reached at run
 * time) must run that code as its own ordinary work, preempted and free to
 * receive, while every other process and the shell run: so the compile
 * cannot wait on the scheduler's C stack, and no process owns one.
 *
 * A compile is a deterministic function of its input and of the outcomes
 * of the compile-time calls it made. A CompileRun keeps those outcomes, in
 * order (the memo), with what each call did to the compile beside its
 * value (the definitions a module body statement made through
 * :genlab.store_definition/2). The native runs the compile (an attempt);
 * at its k-th compile-time call (vm_eval_in), the attempt takes outcome k
 * from the memo if it is there; if not, it notes the call and leaves the
 * compile with a jump back to the native, which answers with the
 * continuation Code.__genlab_host_call__(fun, args): the process runs the
 * call, and :genlab.host_call_return/1 hands its outcome back
 * (compile_run_answer), which adds it to the memo and runs the compile
 * again from the start. The last attempt's answer is the native's.
 *
 * An attempt repeats what the ones before it did up to their last call
 * (the replay); what a compile does outside itself there must not happen
 * twice: the compiler's output (warnings) is muted (compile_run_replaying)
 * and a nested module it already installed is not installed again. A
 * module with N compile-time calls thus compiles N+1 times, each time up
 * to the next call: the cost is O(N * size), which a module of a few
 * `use`s, attributes and macros does not notice.
 *
 * A run belongs to the process that compiles and ends with the native's
 * answer, or when that process ends (compile_run_owner_exited): nothing is
 * left on any stack. A process's runs nest (a module body statement that
 * runs Code.eval_string) and are answered innermost first, as its frames
 * return. The memo's terms live on the run's own heap, which no collector
 * moves; the compiler's terms are on the literal arena as before.
 *
 * Where vm_eval_in still nests a scheduler loop on the C stack: a
 * compile-time call outside any attempt (the host's own compiles run their
 * calls between attempts instead, see runtime.c) and a library file
 * loading from source in the middle of a call (sched_exclusive), whose
 * caller is C that cannot be restarted.
 */
#ifndef GENLAB_COMPILE_RUN_H
#define GENLAB_COMPILE_RUN_H

#include <stdint.h>

#include "module.h"
#include "process.h"

typedef struct CompileRun CompileRun;

/* What a run compiles: called on each attempt with its `arg`; answers the
 * native's answer (a term of p's heap, TERM_NONE after an exception, or
 * TERM_CONTINUE). It runs from the start every time, so it must neither
 * free nor change `arg`; free_arg(arg) is called once the run ends. */
typedef Term (*CompileBody)(Process *p, void *arg);

/* Runs body(p, arg) as the native of p that is running now: its answer,
 * or the continuation that runs the first compile-time call it needs. */
Term compile_run_start(Process *p, CompileBody body, void *arg, void (*free_arg)(void *arg));

/* :genlab.host_call_return(outcome): {:ok, value} or {kind, reason,
 * stacktrace} of the call that p's innermost waiting run asked for; runs
 * its compile again, answering as compile_run_start does. */
Term compile_run_answer(Process *p, Term outcome);

/* vm_eval_in's part: during an attempt of p's, answers the call from the
 * memo (true, with *result or the exception filled as vm_eval_in fills
 * them) or leaves the attempt (no return). False when no attempt of p's
 * is running, or a library file loads (sched_exclusive): the call nests. */
bool compile_run_eval(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *result, Term *exc_class,
                      Term *exc_reason, Term *exc_stack);

/* :genlab.store_definition's part: a def that p makes while it runs the
 * module body statement its innermost run waits for is kept with that
 * call's outcome (true); false when p runs no such statement. */
bool compile_run_note_definition(Process *p, Term kind, Term args);

/* Whether the running attempt repeats what an earlier one did: what the
 * compiler would show or install now, it already did. */
bool compile_run_replaying(void);

/* A nested module (defmodule in a module body) is compiled once: the
 * compiler notes where it started (compile_run_position, SIZE_MAX with no
 * attempt running) and, once it is installed, that it is done
 * (compile_run_module_done, with its body's value); a later attempt that
 * reaches it again skips it (compile_run_skip_module: true, with its calls
 * counted as taken and its value copied into `to`). Without this, each
 * call after it would compile it again: what a file of nested modules
 * with a `use` each would pay quadratically. */
size_t compile_run_position(void);
bool compile_run_skip_module(Term name, Heap *to, Term *last);
void compile_run_module_done(Term name, size_t from, Term last);

/* Runs of the host (the shell's input, a script's top level), which has
 * no native to answer with a continuation: compile_run_host_new makes
 * one for process p (the process the calls run in); compile_run_host_step
 * runs one attempt of body: true with *answer once it is done, false when
 * it waits for a call, which compile_run_host_call then gives as the fun
 * to call and its arguments (a list), on p's heap; the host runs it as p's
 * ordinary code and hands the outcome ({:ok, value} or {kind, reason,
 * stack}) to compile_run_host_answer. compile_run_host_free ends it. */
CompileRun *compile_run_host_new(Process *p, CompileBody body, void *arg);
bool compile_run_host_step(CompileRun *run, Term *answer);
void compile_run_host_call(CompileRun *run, Term *fun, Term *args);
void compile_run_host_answer(CompileRun *run, Term outcome);
void compile_run_host_free(CompileRun *run);

/* Process `serial` ended: its runs end with it. */
void compile_run_owner_exited(uint32_t serial);

/* Runs in progress (for tests), and the attempts made since the runtime
 * started (for measurements). */
size_t compile_run_count(void);
uint64_t compile_run_attempts(void);

/* Frees the active runtime's runs (the runtime ends). */
void compile_run_state_free(void);

/* Visits what the runs in progress hold (their heaps: the memo, the
 * pending call's arguments, the definitions; the code they wait to call)
 * word by word: for code_region.c's scan of what refers to a shell
 * input's code. */
void compile_run_visit_held_words(HeapWordsVisit visit, void *ctx);

#endif
