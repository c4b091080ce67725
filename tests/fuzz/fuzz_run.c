/* fuzz_run.c - libFuzzer target: the whole script runner.
 * An input runs as `genlab FILE.exs` would, with a budget of CPU time
 * (an endless loop is legitimate Elixir): when it is spent, the run is
 * interrupted as Ctrl-C would. It must end, never crash. */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

#include "genlab.h"

static Genlab *g;

static void quiet(int stream, const char *bytes, size_t len)
{
    (void)stream;
    (void)bytes;
    (void)len;
}

static void on_budget(int sig)
{
    (void)sig;
    genlab_interrupt(g);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    g = genlab_new(1);
    genlab_set_writer(g, quiet);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_budget;
    sigaction(SIGVTALRM, &sa, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* 200 ms of CPU, then an interrupt every 50 ms until it stops */
    struct itimerval budget = {{0, 50000}, {0, 200000}};
    setitimer(ITIMER_VIRTUAL, &budget, NULL);
    genlab_run_script(g, (const char *)data, size, "fuzz.exs");
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    return 0;
}
