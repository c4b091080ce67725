/* script.h - runs Elixir source in the unit tests' runtime and keeps what
 * it prints in `out` (the first 4 KB), for tests that check a program's
 * observable behaviour. Call script_init() once first. */
#ifndef GENLAB_TEST_SCRIPT_H
#define GENLAB_TEST_SCRIPT_H

#include <string.h>

#include "io.h"
#include "runtime.h"

static char out[4096];
static size_t out_len;

static void script_capture(int stream, const char *bytes, size_t n)
{
    (void)stream;
    if (out_len + n < sizeof out) {
        memcpy(out + out_len, bytes, n);
        out_len += n;
    }
}

static void script_init(void)
{
    runtime_init(0);
    io_set_writer(script_capture);
}

/* Runs src as a script; returns runtime_eval_source's status. */
static int run(const char *src)
{
    out_len = 0;
    memset(out, 0, sizeof out);
    return runtime_eval_source(src, strlen(src), "test.exs", EVAL_SCRIPT);
}

#endif
