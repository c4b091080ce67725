/* runtime.h - starting the runtime and running Elixir source on it.
 *
 * runtime_init loads the embedded library; runtime_eval_source runs a file
 * or a shell input in the main process, top-level expression by top-level
 * expression, as `elixir FILE.exs` and IEx do.
 */
#ifndef GENLAB_RUNTIME_H
#define GENLAB_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>

#include "term.h"

void runtime_init(unsigned long long seed);

/* Makes g's runtime the active one (see state.h); NULL keeps the active
 * one. Each entry point of genlab.h calls it first. */
struct Genlab;
void runtime_enter(const struct Genlab *g);

/* Loads every module of the embedded library now (it otherwise loads on
 * first use); false if any did not compile. */
bool runtime_load_library(void);

/* System.argv/0. */
void runtime_set_argv(int argc, char **argv);
/* Logger's console output. A script prints it at once; in the shell it
 * prints when the scheduler is idle, as IEx's logger prints after the
 * evaluator (see shell_settle in runtime.c). */
void runtime_log_write(int stream, const char *bytes, size_t n);

typedef enum {
    EVAL_SCRIPT, /* like `elixir FILE.exs`: stop at the first uncaught error */
    EVAL_ECHO    /* like IEx: print each result with inspect, go on after errors */
} EvalMode;

/* Returns 0 on success, 1 if an uncaught error ended a script. */
int runtime_eval_source(const char *source, size_t len, const char *file, EvalMode mode);

/* "** (RuntimeError) boom" and the stack trace, as Elixir prints an
 * uncaught exception; malloc'd. */
char *runtime_format_exception(Term cls, Term reason, Term stack);

#endif
