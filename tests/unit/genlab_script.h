/* genlab_script.h - for unit tests that drive a runtime through genlab.h
 * alone: genlab_script_run() runs Elixir source as a script and keeps what
 * it prints in `out` (the first 64 KB, NUL-terminated). Install the writer
 * with genlab_set_writer(g, genlab_script_keep) first. */
#ifndef GENLAB_TEST_GENLAB_SCRIPT_H
#define GENLAB_TEST_GENLAB_SCRIPT_H

#include <string.h>

#include "genlab.h"

static char out[65536];
static size_t out_len;

static inline void genlab_script_keep(int stream, const char *bytes, size_t n)
{
    (void)stream;
    if (out_len + n >= sizeof out) n = sizeof out - 1 - out_len;
    memcpy(out + out_len, bytes, n);
    out_len += n;
    out[out_len] = 0;
}

/* Runs source as the script `name`; returns genlab_run_script's status. */
static inline int genlab_script_run(Genlab *g, const char *source, const char *name)
{
    out_len = 0;
    out[0] = 0;
    return genlab_run_script(g, source, strlen(source), name);
}

#endif
