/* test_toplevel_bindings.c - a script's or a shell input's top level of
 * 100,000 bindings compiles and runs (it took time quadratic in their
 * number: a chunk per top-level item, each taking and giving back every
 * binding, and a scan of every variable per binding), with the values
 * Elixir gives, and a large shell input still runs item by item when it
 * cannot be compiled whole, as IEx does. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

#include "genlab.h"
#include "genlab_script.h"
#include "shell_eval.h"

#define N 100000

/* Appends to a growing buffer. */
typedef struct {
    char *text;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->text = realloc(b->text, b->cap);
    }
    memcpy(b->text + b->len, s, n + 1);
    b->len += n;
}

int main(void)
{
    char line[160];

    /* A script: a chain of N bindings, one name rebound N times, a module
     * in the middle (the top level around it is compiled in two parts). */
    Buf src = {0};
    put(&src, "x0 = 1\nacc = 0\n");
    for (int i = 1; i < N; i++) {
        snprintf(line, sizeof line, "x%d = x%d + 2\nacc = acc + 1\n", i, i - 1);
        put(&src, line);
        if (i == N / 2) put(&src, "defmodule Mid do\n  def k, do: 7\nend\n");
    }
    snprintf(line, sizeof line, "IO.inspect({x0, x%d, x%d, acc, Mid.k() + x%d})\n", N / 2, N - 1, N - 1);
    put(&src, line);
    Genlab *g = genlab_new(0);
    genlab_set_writer(g, genlab_script_keep);
    int status = genlab_script_run(g, src.text, "bindings.exs");
    CHECK(status == 0, "a script of 200,000 top-level bindings runs");
    snprintf(line, sizeof line, "{1, %d, %d, %d, %d}\n", 1 + 2 * (N / 2), 1 + 2 * (N - 1), N - 1, 7 + 1 + 2 * (N - 1));
    CHECK_STR(out, line, "each binding has its value");
    genlab_free(g);

    g = genlab_new(0);
    genlab_set_writer(g, genlab_script_keep);
    genlab_shell_start(g, false);
    /* An input too large to go item by item whose last item does not
     * compile: IEx runs the items before it, then reports it */
    src.len = 0;
    put(&src, "IO.puts(\"first\")");
    for (int i = 0; i < 1500; i++) {
        snprintf(line, sizeof line, "; z%d = %d", i, i);
        put(&src, line);
    }
    put(&src, "; undefined_here()");
    out_len = 0;
    char *got = shell_eval_text(g, src.text);
    CHECK(strstr(out, "first\n") != NULL, "the items before it ran");
    CHECK(strstr(got, "undefined function undefined_here/0") != NULL, "the item that does not compile is reported");
    free(got);
    check_shell_eval(g, "binding() |> Keyword.has_key?(:z0)", "false\n", "a failed input binds nothing");
    /* The shell: one input of N bindings, then an input that reads them. */
    src.len = 0;
    put(&src, "y0 = 3");
    for (int i = 1; i < N; i++) {
        snprintf(line, sizeof line, "; y%d = y%d * 1 + 1", i, i - 1);
        put(&src, line);
    }
    snprintf(line, sizeof line, "; y%d - y0", N - 1);
    put(&src, line);
    snprintf(line, sizeof line, "%d\n", N - 1);
    check_shell_eval(g, src.text, line, "a shell input of 100,000 bindings runs");
    snprintf(line, sizeof line, "{y0, y%d, y%d}", N / 2, N - 1);
    char want[96];
    snprintf(want, sizeof want, "{3, %d, %d}\n", 3 + N / 2, 3 + N - 1);
    check_shell_eval(g, line, want, "the next input reads its bindings");

    free(src.text);
    genlab_free(g);
    CHECK_DONE();
}
