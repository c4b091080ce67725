/* replay.c - see replay.h. */
#include "replay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "repl.h"

/* Where the runtime's output goes while an input runs: the writer has no
 * context argument, and one runtime runs at a time. */
static StrBuf *capture;

static void capture_writer(int stream, const char *bytes, size_t len)
{
    if (capture) {
        strbuf_add(capture, bytes, len);
        return;
    }
    fwrite(bytes, 1, len, stream == 2 ? stderr : stdout);
}

/* The views print to a FILE: this one goes where the writer goes, unbuffered,
 * so that a trace block lands between the outputs it happened between. */
static ssize_t capture_file_write(void *cookie, const char *bytes, size_t len)
{
    (void)cookie;
    capture_writer(1, bytes, len);
    return (ssize_t)len;
}

static FILE *capture_file(void)
{
    static FILE *f;
    if (!f) {
        f = fopencookie(NULL, "w", (cookie_io_functions_t){.write = capture_file_write});
        if (f) setvbuf(f, NULL, _IONBF, 0);
    }
    return f ? f : stdout;
}

Replay *replay_new(bool colors)
{
    Genlab *g = genlab_new(0);
    if (!g) return NULL;
    Replay *r = malloc(sizeof *r);
    if (!r) {
        genlab_free(g);
        return NULL;
    }
    r->g = g;
    genlab_set_writer(g, capture_writer);
    genlab_shell_start(g, colors);
    r->views = views_install(g, &(ViewsOptions){capture_file(), colors, REPLAY_WIDTH, true});
    return r;
}

void replay_free(Replay *r)
{
    if (!r) return;
    views_remove(r->views);
    genlab_free(r->g);
    free(r);
}

static GenlabResult eval_captured(Replay *rp, const char *text, size_t len, StrBuf *out)
{
    capture = out;
    GenlabResult r = genlab_shell_eval(rp->g, text, len);
    capture = NULL;
    return r;
}

/* The hints an input gave come after its result, as in the shell. */
static void flush_hints(Replay *r, StrBuf *out)
{
    capture = out;
    views_flush_hints(r->views);
    capture = NULL;
}

bool replay_code(Replay *rp, const char *code, StrBuf *out)
{
    Genlab *g = rp->g;
    StrBuf input = {0};
    const char *s = code;
    bool ok = true;
    while (ok && *s) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) + 1 : strlen(s);
        genlab_shell_line_read(g);
        strbuf_add(&input, s, n);
        s += n;
        if (genlab_input_status(g, input.s, input.len) == GENLAB_INPUT_INCOMPLETE && *s) continue;
        /* IEx would show the result: the lesson shows the code instead */
        GenlabResult r = eval_captured(rp, input.s, input.len, out);
        flush_hints(rp, out);
        if (r.kind != GENLAB_RESULT_VALUE) {
            strbuf_add(out, r.text, r.len);
            ok = false;
        }
        genlab_result_free(&r);
        input.len = 0;
    }
    strbuf_free(&input);
    return ok;
}

GenlabResultKind replay_input(Replay *rp, const char *input, StrBuf *out)
{
    /* the shell's reader takes one line at a time */
    for (const char *s = input; s; s = strchr(s + 1, '\n')) genlab_shell_line_read(rp->g);
    StrBuf text = {0};
    strbuf_puts(&text, input);
    strbuf_puts(&text, "\n");
    GenlabResult r = eval_captured(rp, text.s, text.len, out);
    GenlabResultKind kind = r.kind;
    if (kind != GENLAB_RESULT_HALT) strbuf_add(out, r.text, r.len);
    if (kind == GENLAB_RESULT_RESTART) strbuf_puts(out, repl_banner);
    flush_hints(rp, out);
    genlab_result_free(&r);
    strbuf_free(&text);
    return kind;
}

void replay_quietly(Replay *rp, const char *input)
{
    StrBuf dropped = {0};
    GenlabResult r = eval_captured(rp, input, strlen(input), &dropped);
    genlab_result_free(&r);
    flush_hints(rp, &dropped);
    strbuf_free(&dropped);
}

/* Length of the line at s without its trailing blanks. */
static size_t line_length(const char *s, const char **next)
{
    const char *end = strchr(s, '\n');
    size_t n = end ? (size_t)(end - s) : strlen(s);
    *next = end ? end + 1 : s + n;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    return n;
}

/* The length of `text` without the blank lines and blanks at its end. */
static size_t trimmed_length(const char *text)
{
    size_t n = strlen(text);
    while (n && strchr(" \t\r\n", text[n - 1])) n--;
    return n;
}

int replay_compare(const char *expected, const char *got)
{
    const char *e = expected, *g = got;
    const char *e_end = expected + trimmed_length(expected), *g_end = got + trimmed_length(got);
    for (int line = 0;; line++) {
        bool e_done = e >= e_end, g_done = g >= g_end;
        if (e_done && g_done) return -1;
        if (e_done != g_done) return line;
        const char *e_next, *g_next;
        size_t en = line_length(e, &e_next), gn = line_length(g, &g_next);
        if (en != gn || memcmp(e, g, en)) return line;
        e = e_next;
        g = g_next;
    }
}

char *replay_line(const char *text, int n)
{
    const char *s = text, *end = text + trimmed_length(text);
    for (int i = 0; i < n && s < end; i++) {
        const char *nl = strchr(s, '\n');
        s = nl ? nl + 1 : end;
    }
    if (s >= end) return strbuf_dup("(nothing)", 9);
    const char *next;
    size_t len = line_length(s, &next);
    return strbuf_dup(s, len);
}

void replay_show_input(Genlab *g, const char *input, StrBuf *out)
{
    int n = genlab_shell_counter(g);
    const char *s = input;
    for (bool first = true; *s || first; first = false) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        strbuf_printf(out, "%s(%d)> %.*s\n", first ? "iex" : "...", n, (int)len, s);
        s = end ? end + 1 : s + len;
        if (!end) break;
    }
}
