/* genlab.h - the one public header of genlab's core, as lua.h is Lua's.
 *
 * A Genlab is a running runtime: the library, the modules, the processes,
 * the virtual clock. The command line (cli/) uses nothing but this header.
 * Through it a caller runs scripts, or opens a shell session and feeds it
 * inputs; core hands results and errors back as text for the caller to
 * print, and never calls exit(): System.halt is reported back instead.
 *
 * Output that Elixir code writes (IO.puts, Logger) goes through the writer
 * (genlab_set_writer); results and errors of shell inputs come back in a
 * GenlabResult.
 *
 * One runtime per program for now: its state still lives in file-level
 * statics of core/, so genlab_new returns NULL while another is alive.
 */
#ifndef GENLAB_H
#define GENLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GENLAB_VERSION "0.1.0"
/* The Elixir whose behaviour genlab reproduces, as IEx's banner names it. */
#define GENLAB_ELIXIR_VERSION "1.14.0"

typedef struct Genlab Genlab;

/* Starts a runtime; `seed` seeds its random source (:rand, :crypto). */
Genlab *genlab_new(unsigned long long seed);
void genlab_free(Genlab *g);

/* Where Elixir code's output goes: stream 1 is standard output, 2 standard
 * error. The default writes to the process's stdout and stderr. */
typedef void (*GenlabWriter)(int stream, const char *bytes, size_t len);
void genlab_set_writer(Genlab *g, GenlabWriter writer);

/* System.argv/0 for what runs next. */
void genlab_set_argv(Genlab *g, int argc, char **argv);

/* Runs a whole script like `elixir FILE.exs` (file names it in errors).
 * Returns the exit status: 0, 1 after an uncaught error, or System.halt's.
 * A script sees none of the shell's tutorial servers (Counter, Stack, ...):
 * it defines its own, as under `elixir`. */
int genlab_run_script(Genlab *g, const char *source, size_t len, const char *file);

/* ---- the shell ------------------------------------------------------------ */

/* Whether an input can run: complete, incomplete (the shell reads another
 * line and shows `...(N)>`), or wrong however it continues. */
typedef enum { GENLAB_INPUT_COMPLETE, GENLAB_INPUT_INCOMPLETE, GENLAB_INPUT_ERROR } GenlabInputStatus;
GenlabInputStatus genlab_input_status(Genlab *g, const char *source, size_t len);

typedef enum {
    GENLAB_RESULT_VALUE,   /* text is the inspected value */
    GENLAB_RESULT_ERROR,   /* text is the error as IEx prints it; the counter stays */
    GENLAB_RESULT_RESTART, /* the shell process was killed (a linked process
                              crashed, or an interrupt): text says why; a fresh
                              shell process, without bindings, takes over */
    GENLAB_RESULT_HALT     /* System.halt: leave with halt_status */
} GenlabResultKind;

typedef struct GenlabResult {
    GenlabResultKind kind;
    char *text; /* malloc'd, ends with a newline; free with genlab_result_free */
    size_t len;
    int halt_status;
} GenlabResult;

/* Opens the shell session: an evaluator process numbered as IEx's, with
 * IEx's helpers imported. `colors` asks for IEx's colours in results.
 * From then on the five tutorial servers of lessons/servers/ (Counter,
 * Stack, KeyValueStore, SessionStore, ConfigurableCache) are there, as if
 * a .iex.exs had required them: each loads when first used, and a
 * defmodule of the same name replaces it. */
void genlab_shell_start(Genlab *g, bool colors);
/* The number of the next input, as in `iex(N)>`. */
int genlab_shell_counter(const Genlab *g);
/* Tells the shell its reader took one more line (IEx's reader uses up a
 * pid for each line it reads; genlab numbers pids the same way). */
void genlab_shell_line_read(Genlab *g);
/* Runs one complete input in the session: bindings, aliases, imports and
 * requires persist to the next input; the counter advances unless it
 * failed. Runs the scheduler until the evaluator is done (or killed). */
GenlabResult genlab_shell_eval(Genlab *g, const char *source, size_t len);
/* Runs a file's code in the session without printing results, as IEx
 * loads .iex.exs; false (and *error set, malloc'd) if it failed. */
bool genlab_shell_load(Genlab *g, const char *source, size_t len, const char *file, char **error);
void genlab_result_free(GenlabResult *r);

/* Kills the evaluating process at the next scheduling point. Safe to call
 * from a signal handler. */
void genlab_interrupt(Genlab *g);

/* Moves the virtual clock forward by `ms`, firing due timers in order and
 * running what they wake until every process waits again. */
void genlab_advance_clock(Genlab *g, uint64_t ms);
/* Virtual time in milliseconds since the runtime started. */
uint64_t genlab_clock(const Genlab *g);

/* Names for completion: every loaded or loadable module whose name starts
 * with `prefix` (Elixir modules without "Elixir."), or with a dot in the
 * prefix, the public functions of that module ("Counter.get_value").
 * Calls `each` once per candidate; returns how many there were. */
size_t genlab_complete(Genlab *g, const char *prefix, void (*each)(void *ctx, const char *candidate), void *ctx);

#endif
