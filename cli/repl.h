/* repl.h - the interactive shell: IEx's prompts and behaviour on top of
 * genlab.h; libedit on a terminal, plain lines otherwise. */
#ifndef GENLAB_REPL_H
#define GENLAB_REPL_H

#include "../core/genlab.h"

/* Runs the shell until end of input or System.halt; returns the exit status. */
int repl_run(Genlab *g);

#endif
