/* repl.h - the interactive shell: IEx's prompts and behaviour on top of
 * genlab.h; libedit on a terminal, plain lines otherwise. */
#ifndef GENLAB_REPL_H
#define GENLAB_REPL_H

#include "../core/genlab.h"
#include "views.h"

/* IEx's banner, shown at start and after the shell process restarts. */
extern const char repl_banner[];

/* Whether the shell shows IEx's colours: on a terminal, unless NO_COLOR. */
bool repl_colors(void);

/* Runs the shell until end of input or System.halt; returns the exit status. */
int repl_run(Genlab *g);

/* The shell's read-eval loop on a session already started (a lesson's,
 * with its modules, processes and bindings), without the banner; `views`
 * are the session's teaching views, or NULL to install the shell's own.
 * lesson/1 plays a lesson and continues in the lesson's session until
 * Ctrl-D comes back to this one. */
int repl_loop(Genlab *g, Views *views);

#endif
