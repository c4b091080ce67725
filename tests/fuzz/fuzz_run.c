/* fuzz_run.c - libFuzzer target: the whole script runner.
 * An input runs as `genlab FILE.exs` would, in a fresh runtime (one that
 * ran System.halt stays halted, and a crash must replay from its input
 * alone), with a budget of CPU time (an endless loop is legitimate
 * Elixir): when it is spent, the run is interrupted as Ctrl-C would. It
 * must end, never crash. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_budget.h"
#include "genlab.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_budget_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, fuzz_quiet);
    fuzz_budget(g, 200); /* 200 ms of CPU, then an interrupt every 50 ms until it stops */
    genlab_run_script(g, (const char *)data, size, "fuzz.exs");
    fuzz_budget(g, 0);
    genlab_free(g);
    return 0;
}
