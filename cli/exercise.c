/* exercise.c - see exercise.h. */
#include "exercise.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "markdown.h"
#include "repl.h"
#include "replay.h"

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) strbuf_add(&b, chunk, n);
    fclose(f);
    return strbuf_take(&b);
}

/* ---- progress ----------------------------------------------------------- */

/* ~/.genlab/progress holds one line per exercise: "NAME passed" or
 * "NAME failed", the last result of `genlab check NAME`. */
static char *progress_path(bool make_dir)
{
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    StrBuf b = {0};
    strbuf_printf(&b, "%s/.genlab", home);
    if (make_dir && mkdir(b.s, 0755) != 0 && errno != EEXIST) {
        strbuf_free(&b);
        return NULL;
    }
    strbuf_puts(&b, "/progress");
    return strbuf_take(&b);
}

static void progress_record(const char *name, bool passed)
{
    char *path = progress_path(true);
    if (!path) return;
    char *old = read_file(path);
    StrBuf b = {0};
    size_t n = strlen(name);
    for (const char *s = old ? old : ""; *s;) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) + 1 : strlen(s);
        if (!(len > n && !strncmp(s, name, n) && s[n] == ' ')) strbuf_add(&b, s, len);
        s += len;
    }
    strbuf_printf(&b, "%s %s\n", name, passed ? "passed" : "failed");
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b.s, 1, b.len, f);
        fclose(f);
    }
    strbuf_free(&b);
    free(old);
    free(path);
}

bool exercise_passed(const char *name)
{
    char *path = progress_path(false);
    char *text = path ? read_file(path) : NULL;
    bool passed = false;
    size_t n = strlen(name);
    for (const char *s = text; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : s + strlen(s))
        if (!strncmp(s, name, n) && !strncmp(s + n, " passed", 7)) passed = true;
    free(text);
    free(path);
    return passed;
}

/* ---- checks ------------------------------------------------------------- */

/* Appends `text`'s lines to `report`, indented. */
static void add_indented(StrBuf *report, const char *text)
{
    for (const char *s = text; s && *s;) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        strbuf_printf(report, "      %.*s\n", (int)n, s);
        s = end ? end + 1 : s + n;
    }
}

/* How a check ended: passed, the file did not load, or CHECK_FAILED + the
 * index of the input that failed. */
enum { CHECK_PASSED, CHECK_NOT_LOADED, CHECK_FAILED };

/* One check in a fresh runtime: the learner's file loaded, then each
 * input compared; the status says which input failed. With `traced`,
 * nothing is compared: the inputs up to `upto` run with the learner's
 * servers traced, and `report` shows what they did. */
static int check_in_runtime(const LessonCheck *c, const char *source, const char *file, bool traced, size_t upto,
                            StrBuf *report)
{
    Replay *r = replay_new(false);
    if (!r) {
        strbuf_puts(report, "genlab: could not start a runtime\n");
        return CHECK_NOT_LOADED;
    }
    char *error = NULL;
    Genlab *g = r->g;
    /* a check compares outputs: a hint would be one more line in them */
    r->views->hints = false;
    if (!genlab_shell_load(g, source, strlen(source), file, &error)) {
        strbuf_puts(report, error ? error : "");
        free(error);
        replay_free(r);
        return CHECK_NOT_LOADED;
    }
    /* genlab's trace of every server: each message, callback, return and state */
    if (traced) replay_quietly(r, "trace(:all)\n");
    int status = CHECK_PASSED;
    StrBuf got = {0}, session = {0};
    for (size_t i = 0; status == CHECK_PASSED && i < c->n_inputs && (!traced || i <= upto); i++) {
        const LessonItem *it = &c->inputs[i];
        got.len = 0;
        for (const char *s = it->text; *s;) {
            const char *end = strchr(s, '\n');
            size_t n = end ? (size_t)(end - s) : strlen(s);
            strbuf_printf(&session, "%s %.*s\n", s == it->text ? "iex>" : "...>", (int)n, s);
            s = end ? end + 1 : s + n;
        }
        GenlabResultKind kind = replay_input(r, it->text, &got);
        strbuf_add(&session, got.s, got.len);
        if (traced) continue;
        bool errs = !it->has_expected && (kind == GENLAB_RESULT_ERROR || kind == GENLAB_RESULT_RESTART);
        if ((it->has_expected && replay_compare(it->expected, got.s ? got.s : "") >= 0) || errs) {
            status = CHECK_FAILED + (int)i;
            strbuf_puts(report, "    what happened:\n");
            add_indented(report, session.s);
            strbuf_puts(report, errs ? "    expected it not to fail\n" : "    expected instead:\n");
            if (!errs) add_indented(report, it->expected);
        }
    }
    if (traced) {
        strbuf_puts(report, "    the same, with the servers traced (trace(:all)):\n");
        add_indented(report, session.s);
    }
    strbuf_free(&got);
    strbuf_free(&session);
    replay_free(r);
    return status;
}

/* Each check starts from a fresh runtime of its own. A check that fails
 * runs again, traced, to show what the servers did. */
static bool run_check(const LessonCheck *c, const char *source, const char *file, StrBuf *report, bool *loaded)
{
    int status = check_in_runtime(c, source, file, false, 0, report);
    *loaded = status != CHECK_NOT_LOADED;
    if (status >= CHECK_FAILED) check_in_runtime(c, source, file, true, (size_t)(status - CHECK_FAILED), report);
    return status == CHECK_PASSED;
}

int exercise_run_checks(const LessonExercise *ex, const char *source, const char *file)
{
    int failed = 0;
    MarkdownStyle style = {.width = markdown_terminal_width(), .colors = repl_colors()};
    for (size_t i = 0; i < ex->n_checks; i++) {
        const LessonCheck *c = &ex->checks[i];
        StrBuf report = {0};
        bool loaded = true;
        bool ok = run_check(c, source, file, &report, &loaded);
        if (!loaded) {
            printf("%s does not compile:\n%s\n", file, report.s ? report.s : "");
            strbuf_free(&report);
            return -1;
        }
        printf("%s %s\n", ok ? "  passed:" : "  FAILED:", c->name);
        if (!ok) {
            fputs(report.s, stdout);
            failed++;
        }
        strbuf_free(&report);
    }
    if (failed && ex->hint) {
        StrBuf hint = {0}, text = {0};
        strbuf_printf(&text, "**Hint:** %s", ex->hint);
        markdown_render_prose(&hint, text.s, &style);
        printf("\n%s", hint.s);
        strbuf_free(&hint);
        strbuf_free(&text);
    }
    return failed;
}

/* ---- the commands ------------------------------------------------------- */

static LessonExercise *find(const char *name, Lesson **lesson)
{
    char *error = NULL;
    LessonExercise *ex = lesson_find_exercise(name, lesson, &error);
    if (!ex) {
        fputs(error, stderr);
        free(error);
    }
    return ex;
}

int exercise_start_command(int argc, char **argv)
{
    if (argc != 2) {
        fputs("Usage: genlab exercise NAME  (each lesson ends with its exercises)\n", stderr);
        return 2;
    }
    Lesson *l = NULL;
    LessonExercise *ex = find(argv[1], &l);
    if (!ex) return 1;
    int status = 0;
    char *existing = read_file(ex->file);
    if (existing && strcmp(existing, ex->start)) {
        printf("%s is already here and has been edited: it stays as it is (delete it to start again).\n", ex->file);
    } else if (!existing) {
        FILE *f = fopen(ex->file, "wb");
        if (!f || fwrite(ex->start, 1, strlen(ex->start), f) != strlen(ex->start)) {
            fprintf(stderr, "genlab: cannot write %s\n", ex->file);
            status = 1;
        } else {
            printf("Wrote %s.\n", ex->file);
        }
        if (f) fclose(f);
    } else {
        printf("%s is already here, as it started.\n", ex->file);
    }
    if (!status) {
        MarkdownStyle style = {.width = markdown_terminal_width(), .colors = repl_colors()};
        StrBuf out = {0};
        strbuf_puts(&out, "\n");
        StrBuf title = {0};
        strbuf_printf(&title, "Exercise: %s", ex->title);
        markdown_render_heading(&out, title.s, 2, &style);
        strbuf_free(&title);
        if (ex->task && *ex->task) markdown_render_prose(&out, ex->task, &style);
        strbuf_printf(&out, "Edit %s, then run: genlab check %s\n", ex->file, ex->name);
        fwrite(out.s, 1, out.len, stdout);
        strbuf_free(&out);
    }
    free(existing);
    lesson_free(l);
    return status;
}

int exercise_check_command(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fputs("Usage: genlab check NAME [FILE]  (FILE defaults to the exercise's file here)\n", stderr);
        return 2;
    }
    Lesson *l = NULL;
    LessonExercise *ex = find(argv[1], &l);
    if (!ex) return 1;
    const char *file = argc == 3 ? argv[2] : ex->file;
    char *source = read_file(file);
    if (!source) {
        fprintf(stderr, "genlab: there is no %s here; `genlab exercise %s` writes it\n", file, ex->name);
        lesson_free(l);
        return 1;
    }
    printf("Checking %s against %s (%s):\n", file, ex->name, ex->title);
    int failed = exercise_run_checks(ex, source, file);
    if (failed == 0) printf("\nAll %zu checks passed. Well done!\n", ex->n_checks);
    else if (failed > 0) printf("\n%d of %zu checks failed.\n", failed, ex->n_checks);
    progress_record(ex->name, failed == 0);
    free(source);
    lesson_free(l);
    return failed == 0 ? 0 : 1;
}
