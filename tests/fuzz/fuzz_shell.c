/* fuzz_shell.c - libFuzzer target: the shell, one input per line (lines
 * are joined while the input is incomplete, as the shell's reader does).
 * Each input compiles into a code region of its own (lang/code_region.h),
 * collected here after every input rather than every 256 KB, so funs,
 * constants and sub-binaries that outlive the input they came from are
 * tested against their region being freed. A fresh runtime each time; each
 * input has a budget of CPU time, then is interrupted as Ctrl-C would. It
 * must end, never crash. */
#include <stddef.h>
#include <stdint.h>

#include "code_region.h"
#include "fuzz_budget.h"
#include "genlab.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_budget_init();
    code_region_set_collect_min(0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Genlab *s = genlab_new(1);
    genlab_set_writer(s, fuzz_quiet);
    genlab_shell_start(s, false);
    const char *src = (const char *)data;
    size_t start = 0;
    int inputs = 0;
    for (size_t i = 0; i <= size && inputs < 64; i++) {
        if (i < size && src[i] != '\n') continue;
        size_t len = i - start;
        if (i < size && genlab_input_status(s, src + start, len) == GENLAB_INPUT_INCOMPLETE) continue;
        fuzz_budget(s, 100); /* 100 ms of CPU, then an interrupt every 50 ms until it stops */
        GenlabResult r = genlab_shell_eval(s, src + start, len);
        fuzz_budget(s, 0);
        int halted = r.kind == GENLAB_RESULT_HALT;
        genlab_result_free(&r);
        if (halted) break;
        start = i + 1;
        inputs++;
    }
    genlab_free(s);
    return 0;
}
