/* replay.h - running a lesson's code and inputs in a shell session, as a
 * learner typing them into `genlab` would, with everything they print
 * captured: the engine under the lesson player and the exercise checks. */
#ifndef GENLAB_REPLAY_H
#define GENLAB_REPLAY_H

#include <stdbool.h>

#include "../core/genlab.h"
#include "strbuf.h"
#include "views.h"

/* The width the views of a replay fit: fixed, so that a lesson prints the
 * same bytes on every terminal. */
#define REPLAY_WIDTH 80

/* A lesson's or a check's runtime, with the teaching views installed as
 * on a terminal (hints on), their output captured with the rest. */
typedef struct Replay {
    Genlab *g;
    Views *views;
} Replay;

/* A fresh runtime (genlab_new) with its shell session started; what its
 * code prints is captured by replay_code and replay_input. NULL if no
 * runtime could start. */
Replay *replay_new(bool colors);
void replay_free(Replay *r);

/* Pastes `code` into the shell line by line, evaluating each complete
 * input as the shell would, without keeping results. Appends what the code
 * printed to `out`; on an input that fails, appends its error as well and
 * returns false. */
bool replay_code(Replay *r, const char *code, StrBuf *out);

/* Runs one input (its lines joined by newlines) and appends everything it
 * prints, as the shell shows it: output and views, then the result or
 * error, the hints, and after a shell restart IEx's banner. Returns how
 * the input ended. */
GenlabResultKind replay_input(Replay *r, const char *input, StrBuf *out);

/* Runs an input that nobody typed (the shell's reader takes no line, so the
 * pids that follow are those of a session without it), dropping what it
 * prints: a helper the checker turns on, such as trace(:all). */
void replay_quietly(Replay *r, const char *input);

/* Compares an input's output with the expected one, ignoring blanks at
 * line ends and blank lines at the end. Returns -1 when they agree, else
 * the 0-based number of the first line that differs. */
int replay_compare(const char *expected, const char *got);

/* The n-th line of `text` (0-based), malloc'd; "(nothing)" past the end. */
char *replay_line(const char *text, int n);

/* Appends the prompt and input as the shell shows them being typed:
 * `iex(N)> ` before the first line, `...(N)> ` before the others. */
void replay_show_input(Genlab *g, const char *input, StrBuf *out);

#endif
