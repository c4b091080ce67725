/* fuzz_budget.h - what the fuzz targets that run Elixir share: a writer
 * that drops the output, and a budget of CPU time per run, after which
 * the runtime being fuzzed is interrupted as Ctrl-C would, and again every
 * 50 ms until the run stops (an endless loop is legitimate Elixir). */
#ifndef GENLAB_FUZZ_BUDGET_H
#define GENLAB_FUZZ_BUDGET_H

#include <signal.h>
#include <string.h>
#include <sys/time.h>

#include "genlab.h"

/* The runtime the budget interrupts, or NULL. */
static Genlab *volatile fuzz_budget_target;

static inline void fuzz_quiet(int stream, const char *bytes, size_t len)
{
    (void)stream;
    (void)bytes;
    (void)len;
}

static inline void fuzz_on_budget(int sig)
{
    (void)sig;
    if (fuzz_budget_target) genlab_interrupt(fuzz_budget_target);
}

/* Installs the interrupting handler: once, before any budget. */
static inline void fuzz_budget_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fuzz_on_budget;
    sigaction(SIGVTALRM, &sa, NULL);
}

/* Gives g `ms` milliseconds of CPU time from now; 0 ends the budget. */
static inline void fuzz_budget(Genlab *g, long ms)
{
    struct itimerval t = {{0, ms ? 50000 : 0}, {ms / 1000, (ms % 1000) * 1000}};
    fuzz_budget_target = ms ? g : NULL;
    setitimer(ITIMER_VIRTUAL, &t, NULL);
}

#endif
