/* test_helpers.c - IEx.Helpers' source/1, genlab's own helper (real IEx
 * has none to record a transcript from): what it prints must be the text
 * of the module's defmodule in the file it came from, read here from disk.
 * Run from the repository's root, as scripts/run-tests does. */
#include <stdlib.h>

#include "check.h"
#include "genlab_script.h"

/* Lines first..last (1-based, inclusive) of a file, or NULL. */
static char *file_lines(const char *path, int first, int last)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *start = buf;
    for (int l = 1; l < first && start; l++) start = strchr(start, '\n') ? strchr(start, '\n') + 1 : NULL;
    if (!start) return NULL;
    char *end = start;
    for (int l = first; l <= last && end && *end; l++) end = strchr(end, '\n') ? strchr(end, '\n') + 1 : NULL;
    if (!end) end = buf + n;
    return strndup(start, (size_t)(end - start));
}

/* The line number of the first line of a file equal to `text`, or 0. */
static int line_of(const char *path, const char *text)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char line[1024];
    int n = 0, found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        n++;
        line[strcspn(line, "\n")] = 0;
        if (strcmp(line, text) == 0) found = n;
    }
    fclose(f);
    return found;
}

static const char *eval(Genlab *g, const char *input)
{
    out_len = 0;
    out[0] = 0;
    GenlabResult r = genlab_shell_eval(g, input, strlen(input));
    genlab_script_keep(1, r.text, r.len);
    genlab_result_free(&r);
    return out;
}

int main(void)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, genlab_script_keep);
    genlab_shell_start(g, false);

    /* an embedded server: from `defmodule Counter do` to the file's last `end` */
    const char *counter = "lessons/servers/counter.ex";
    int first = line_of(counter, "defmodule Counter do"), last = 0;
    for (int l = first; l > 0;) {
        char *text = file_lines(counter, l, l);
        bool closes = text && strcmp(text, "end\n") == 0;
        bool eof = !text || !*text;
        free(text);
        if (closes) last = l;
        if (closes || eof) break;
        l++;
    }
    CHECK(first > 0 && last > first, "source: counter.ex has a Counter module");
    char *want = file_lines(counter, first, last);
    CHECK_STR(eval(g, "source(Counter)\n"), want ? want : "", "source(Counter) prints counter.ex's module");
    free(want);

    /* a module compiled from a file with c/1: its own defmodule only */
    eval(g, "c(\"tests/transcripts/files/greeter.ex\")\n");
    const char *greeter = "tests/transcripts/files/greeter.ex";
    int bye = line_of(greeter, "defmodule Farewell do");
    want = file_lines(greeter, bye, bye + 2);
    CHECK_STR(eval(g, "source(Farewell)\n"), want ? want : "", "source(Farewell) prints its defmodule from greeter.ex");
    free(want);

    CHECK_STR(eval(g, "defmodule Typed do\nend\nsource(Typed)\n"),
              "The source of Typed is not available (it was not compiled from a file)\n",
              "source/1 of a module typed in the shell says there is no file");
    CHECK_STR(eval(g, "source(Nope)\n"), "Could not load module Nope, got: nofile\n", "source/1 of no module");
    CHECK(strstr(eval(g, "h(source)\n"), "def source(module)") != NULL, "h(source) shows source/1's doc");

    genlab_free(g);
    CHECK_DONE();
}
