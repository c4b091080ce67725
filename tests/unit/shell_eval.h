/* shell_eval.h - for unit tests that drive the shell through genlab.h:
 * an input's printed text, and a check of it. */
#ifndef GENLAB_TEST_SHELL_EVAL_H
#define GENLAB_TEST_SHELL_EVAL_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "genlab.h"

/* What the shell printed for `input`, for the caller to free. */
static inline char *shell_eval_text(Genlab *g, const char *input)
{
    GenlabResult r = genlab_shell_eval(g, input, strlen(input));
    char *text = strdup(r.text ? r.text : "");
    genlab_result_free(&r);
    return text;
}

static inline void check_shell_eval(Genlab *g, const char *input, const char *want, const char *name)
{
    char *got = shell_eval_text(g, input);
    CHECK_STR(got, want, name);
    free(got);
}

#endif
