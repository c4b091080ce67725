/* lesson.c - reading a lesson's Markdown into items (see lesson.h), and
 * finding lessons and exercises among those compiled into the binary. */
#include "lesson.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded_lessons.h"
#include "strbuf.h"

/* ---- the parse ----------------------------------------------------------- */

typedef struct Parser {
    Lesson *lesson;
    const char *path;
    StrBuf error;
    StrBuf para;       /* the paragraph being gathered */
    int para_line;
    bool in_exercise;  /* inside a "## Exercise:" section */
    int exercise_level;
    StrBuf task;       /* the current exercise's prose */
    int details;       /* depth of <details> blocks: hidden from the player */
    bool in_hint;      /* inside a <details> whose summary is a hint */
    StrBuf hint;
    bool in_comment;   /* inside <!-- ... --> */
    bool summary_done;
} Parser;

static void *grow(void *array, size_t n, size_t size)
{
    /* arrays grow by powers of two: reallocate when n is one */
    if (n & (n - 1)) return array;
    void *bigger = realloc(array, (n ? n * 2 : 1) * size);
    if (!bigger) {
        fputs("genlab: out of memory\n", stderr);
        exit(1);
    }
    return bigger;
}

static LessonItem *add_item(Lesson *l, LessonItemKind kind, int line)
{
    l->items = grow(l->items, l->n_items, sizeof *l->items);
    LessonItem *it = &l->items[l->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->line = line;
    return it;
}

static bool fail(Parser *p, int line, const char *message)
{
    if (!p->error.len) strbuf_printf(&p->error, "%s:%d: %s\n", p->path, line, message);
    return false;
}

static LessonExercise *current_exercise(Parser *p)
{
    Lesson *l = p->lesson;
    return p->in_exercise && l->n_exercises ? &l->exercises[l->n_exercises - 1] : NULL;
}

static void flush_paragraph(Parser *p)
{
    if (!p->para.len) return;
    char *text = strbuf_take(&p->para);
    Lesson *l = p->lesson;
    if (p->details) {
        if (p->in_hint) {
            if (p->hint.len) strbuf_puts(&p->hint, "\n\n");
            strbuf_puts(&p->hint, text);
        }
        free(text);
        return;
    }
    if (l->title && !p->summary_done) {
        /* the summary is the first paragraph after the title, on one line */
        StrBuf s = {0};
        for (const char *c = text; *c; c++) strbuf_add(&s, *c == '\n' ? " " : c, 1);
        l->summary = strbuf_take(&s);
        p->summary_done = true;
    }
    if (p->in_exercise) {
        if (p->task.len) strbuf_puts(&p->task, "\n\n");
        strbuf_puts(&p->task, text);
    }
    LessonItem *it = add_item(l, LESSON_PROSE, p->para_line);
    it->text = text;
}

/* The exercise's section ends: the player announces the commands here. */
static void end_exercise(Parser *p)
{
    LessonExercise *ex = current_exercise(p);
    if (ex) {
        ex->task = strbuf_take(&p->task);
        LessonItem *announce = add_item(p->lesson, LESSON_EXERCISE, ex->line);
        announce->exercise = p->lesson->n_exercises - 1;
    }
    p->in_exercise = false;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The output gathered after an input is its expected output; blank lines
 * at its end are dropped (those at its start are kept: Logger's reports
 * begin with one). */
static void finish_input(LessonItem *last, StrBuf *out, size_t *lines)
{
    if (last) {
        while (out->len && out->s[out->len - 1] == '\n') out->s[--out->len] = 0;
        free(last->expected);
        last->has_expected = out->len > 0;
        last->expected = strbuf_take(out);
    }
    strbuf_free(out);
    *lines = 0;
}

/* Splits a transcript into inputs and their outputs. For an exercise's
 * checks (checks_of), a `# name` line starts a new check. */
static bool parse_transcript(Parser *p, const char *body, int first_line, LessonExercise *checks_of)
{
    Lesson *l = p->lesson;
    LessonItem **items = checks_of ? NULL : &l->items;
    size_t *n_items = checks_of ? NULL : &l->n_items;
    LessonItem *last = NULL;
    StrBuf out = {0};
    size_t out_lines = 0;
    bool in_input = false, ok = true;
    int line = first_line;
    for (const char *s = body; ok && *s; line++) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        char *text = strbuf_dup(s, n);
        s = end ? end + 1 : s + n;
        bool is_input = starts_with(text, "iex>"), is_more = starts_with(text, "...>");
        bool is_name = checks_of && text[0] == '#';
        if (is_input || is_name) finish_input(last, &out, &out_lines);
        if (is_name) {
            checks_of->checks = grow(checks_of->checks, checks_of->n_checks, sizeof *checks_of->checks);
            LessonCheck *c = &checks_of->checks[checks_of->n_checks++];
            memset(c, 0, sizeof *c);
            const char *name = text + strspn(text, "# ");
            c->name = strbuf_dup(name, strlen(name));
            c->line = line;
            items = &c->inputs;
            n_items = &c->n_inputs;
            last = NULL;
            in_input = false;
        } else if (is_input || is_more) {
            const char *code = text + 4 + (text[4] == ' ');
            if (is_more && !in_input) {
                ok = fail(p, line, "a `...>` line must continue an `iex>` input");
            } else if (!items) {
                ok = fail(p, line, "a check must start with a `# name` line");
            } else if (is_input) {
                *items = grow(*items, *n_items, sizeof **items);
                last = &(*items)[(*n_items)++];
                memset(last, 0, sizeof *last);
                last->kind = LESSON_INPUT;
                last->line = line;
                last->text = strbuf_dup(code, strlen(code));
                last->expected_line = line + 1;
                in_input = true;
            } else {
                StrBuf t = {0};
                strbuf_printf(&t, "%s\n%s", last->text, code);
                free(last->text);
                last->text = strbuf_take(&t);
                last->expected_line = line + 1;
            }
        } else if (!last) {
            if (text[strspn(text, " \t")]) ok = fail(p, line, "output before the first `iex>` input");
        } else {
            if (in_input) last->expected_line = line;
            in_input = false;
            /* a line's trailing blanks are invisible in Markdown: not compared */
            size_t k = strlen(text);
            while (k && (text[k - 1] == ' ' || text[k - 1] == '\t')) k--;
            if (out_lines++) strbuf_add(&out, "\n", 1);
            strbuf_add(&out, text, k);
        }
        free(text);
    }
    if (ok) finish_input(last, &out, &out_lines);
    strbuf_free(&out);
    return ok;
}

/* An ```elixir block is closed: decide what it is. */
static bool end_fence(Parser *p, const char *info, const char *body, int open_line)
{
    Lesson *l = p->lesson;
    char lang[32] = "", role[32] = "", arg[256] = "";
    sscanf(info, "%31s %31s %255s", lang, role, arg);
    const char *first = body;
    while (*first == '\n') first++;
    int body_line = open_line + 1;
    if (strcmp(lang, "elixir") && strcmp(lang, "iex")) {
        if (p->details) return true;
        LessonItem *it = add_item(l, LESSON_CODE, open_line);
        it->text = strbuf_dup(body, strlen(body));
        it->shown_only = true;
        return true;
    }
    if (!strcmp(role, "exercise")) {
        LessonExercise *ex = current_exercise(p);
        if (!ex) return fail(p, open_line, "an `elixir exercise FILE` block must be inside a `## Exercise: ...` section");
        if (!arg[0]) return fail(p, open_line, "`elixir exercise` needs the starting file's name, e.g. ```elixir exercise counter_decrement.ex");
        if (ex->file) return fail(p, open_line, "this exercise already has a starting file");
        ex->file = strbuf_dup(arg, strlen(arg));
        const char *dot = strrchr(arg, '.');
        ex->name = strbuf_dup(arg, dot ? (size_t)(dot - arg) : strlen(arg));
        ex->start = strbuf_dup(body, strlen(body));
        return true;
    }
    if (!strcmp(role, "checks")) {
        LessonExercise *ex = current_exercise(p);
        if (!ex) return fail(p, open_line, "an `elixir checks` block must be inside a `## Exercise: ...` section");
        return parse_transcript(p, body, body_line, ex);
    }
    if (role[0] && strcmp(role, "no-run"))
        return fail(p, open_line, "unknown block role (use no-run, exercise FILE or checks)");
    if (p->details) return true;
    if (starts_with(first, "iex>")) {
        if (role[0]) return fail(p, open_line, "a transcript cannot be no-run");
        return parse_transcript(p, body, body_line, NULL);
    }
    if (starts_with(first, "...>")) return fail(p, body_line, "a `...>` line must continue an `iex>` input");
    LessonItem *it = add_item(l, LESSON_CODE, open_line);
    it->text = strbuf_dup(body, strlen(body));
    it->shown_only = role[0] != 0;
    return true;
}

static void heading(Parser *p, int level, const char *text, int line)
{
    Lesson *l = p->lesson;
    flush_paragraph(p);
    if (p->in_exercise && level <= p->exercise_level) end_exercise(p);
    if (level == 1 && !l->title) {
        l->title = strbuf_dup(text, strlen(text));
        return;
    }
    p->summary_done = true;
    LessonItem *it = add_item(l, LESSON_HEADING, line);
    it->level = level;
    it->text = strbuf_dup(text, strlen(text));
    if (starts_with(text, "Exercise:")) {
        const char *title = text + strlen("Exercise:");
        while (*title == ' ') title++;
        l->exercises = grow(l->exercises, l->n_exercises, sizeof *l->exercises);
        LessonExercise *ex = &l->exercises[l->n_exercises++];
        memset(ex, 0, sizeof *ex);
        ex->title = strbuf_dup(title, strlen(title));
        ex->line = line;
        p->in_exercise = true;
        p->exercise_level = level;
    }
}

static bool parse_lines(Parser *p, const char *text, size_t len)
{
    const char *s = text, *stop = text + len;
    int line = 1;
    /* an open fence: its marker, info string, body and first line */
    bool fenced = false;
    int fence_line = 0;
    char fence_info[300] = "";
    StrBuf fence = {0};
    bool ok = true;
    while (ok && s < stop) {
        const char *end = memchr(s, '\n', (size_t)(stop - s));
        size_t n = end ? (size_t)(end - s) : (size_t)(stop - s);
        if (n && s[n - 1] == '\r') n--;
        char *ln = strbuf_dup(s, n);
        const char *t = ln;
        while (*t == ' ') t++;
        if (fenced) {
            if (starts_with(t, "```") && !t[3 + strspn(t + 3, "`")]) {
                fenced = false;
                char *body = strbuf_take(&fence);
                ok = end_fence(p, fence_info, body, fence_line);
                free(body);
            } else {
                strbuf_puts(&fence, ln);
                strbuf_puts(&fence, "\n");
            }
        } else if (p->in_comment) {
            if (strstr(ln, "-->")) p->in_comment = false;
        } else if (starts_with(t, "```")) {
            flush_paragraph(p);
            fenced = true;
            fence_line = line;
            snprintf(fence_info, sizeof fence_info, "%s", t + 3);
        } else if (starts_with(t, "<!--")) {
            flush_paragraph(p);
            p->in_comment = !strstr(t, "-->");
        } else if (starts_with(t, "<details")) {
            flush_paragraph(p);
            p->details++;
            const char *summary = strstr(t, "<summary>");
            p->in_hint = summary && starts_with(summary + 9, "Hint");
            if (p->in_hint && !current_exercise(p)) ok = fail(p, line, "a hint must be inside a `## Exercise: ...` section");
        } else if (starts_with(t, "</details>")) {
            flush_paragraph(p);
            if (!p->details) ok = fail(p, line, "</details> without <details>");
            else if (--p->details == 0 && p->in_hint) {
                LessonExercise *ex = current_exercise(p);
                if (ex) {
                    char *hint = strbuf_take(&p->hint);
                    if (ex->hint) {
                        StrBuf both = {0};
                        strbuf_printf(&both, "%s\n\n%s", ex->hint, hint);
                        free(ex->hint);
                        free(hint);
                        hint = strbuf_take(&both);
                    }
                    ex->hint = hint;
                }
                p->in_hint = false;
            }
        } else if (t == ln && ln[0] == '#' && !p->details) {
            int level = (int)strspn(ln, "#");
            if (ln[level] == ' ' && level <= 6) {
                const char *h = ln + level + 1;
                while (*h == ' ') h++;
                heading(p, level, h, line);
            } else {
                if (!p->para.len) p->para_line = line;
                strbuf_puts(&p->para, p->para.len ? "\n" : "");
                strbuf_puts(&p->para, ln);
            }
        } else if (!*t) {
            flush_paragraph(p);
        } else if (!starts_with(t, "<summary>")) {
            if (!p->para.len) p->para_line = line;
            strbuf_puts(&p->para, p->para.len ? "\n" : "");
            strbuf_puts(&p->para, ln);
        }
        free(ln);
        line++;
        s = end ? end + 1 : stop;
    }
    strbuf_free(&fence);
    if (!ok) return false;
    if (fenced) return fail(p, fence_line, "this ``` block is never closed");
    if (p->in_comment) return fail(p, line, "an <!-- comment is never closed");
    if (p->details) return fail(p, line, "a <details> block is never closed");
    flush_paragraph(p);
    end_exercise(p);
    return true;
}

static bool check_lesson(Parser *p)
{
    Lesson *l = p->lesson;
    if (!l->title) return fail(p, 1, "a lesson starts with a `# Title` line");
    if (!l->summary) return fail(p, 1, "the paragraph after the title (the lesson's summary) is missing");
    for (size_t i = 0; i < l->n_exercises; i++) {
        LessonExercise *ex = &l->exercises[i];
        if (!ex->file) return fail(p, ex->line, "this exercise has no ```elixir exercise FILE block (its starting file)");
        if (!ex->n_checks) return fail(p, ex->line, "this exercise has no ```elixir checks block");
        for (size_t c = 0; c < ex->n_checks; c++)
            if (!ex->checks[c].n_inputs) return fail(p, ex->checks[c].line, "this check has no `iex>` input");
    }
    return true;
}

static void free_items(LessonItem *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(items[i].text);
        free(items[i].expected);
    }
    free(items);
}

void lesson_free(Lesson *l)
{
    if (!l) return;
    free_items(l->items, l->n_items);
    for (size_t i = 0; i < l->n_exercises; i++) {
        LessonExercise *ex = &l->exercises[i];
        for (size_t c = 0; c < ex->n_checks; c++) {
            free(ex->checks[c].name);
            free_items(ex->checks[c].inputs, ex->checks[c].n_inputs);
        }
        free(ex->checks);
        free(ex->name);
        free(ex->file);
        free(ex->title);
        free(ex->task);
        free(ex->start);
        free(ex->hint);
    }
    free(l->exercises);
    free(l->path);
    free(l->name);
    free(l->title);
    free(l->summary);
    free(l);
}

/* NN-topic.md gives the number and the name. */
static void name_from_path(Lesson *l, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 3 && !strcmp(base + n - 3, ".md")) n -= 3;
    const char *name = base;
    if (isdigit((unsigned char)base[0])) {
        l->number = atoi(base);
        size_t digits = strspn(base, "0123456789");
        name = base + digits;
        if (*name == '-') name++;
    }
    l->name = strbuf_dup(name, n - (size_t)(name - base));
}

Lesson *lesson_parse(const char *text, size_t len, const char *path, char **error)
{
    Lesson *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    l->path = strbuf_dup(path, strlen(path));
    name_from_path(l, path);
    Parser p = {.lesson = l, .path = path};
    bool ok = parse_lines(&p, text, len) && check_lesson(&p);
    strbuf_free(&p.para);
    strbuf_free(&p.task);
    strbuf_free(&p.hint);
    if (!ok) {
        *error = strbuf_take(&p.error);
        lesson_free(l);
        return NULL;
    }
    strbuf_free(&p.error);
    return l;
}

/* ---- finding lessons ---------------------------------------------------- */

size_t lesson_count(void)
{
    size_t n = 0;
    while (embedded_lessons[n].path) n++;
    return n;
}

Lesson *lesson_load_embedded(size_t i, char **error)
{
    const EmbeddedLesson *e = &embedded_lessons[i];
    return lesson_parse(e->text, e->length, e->path, error);
}

static Lesson *lesson_read_file(const char *path, char **error)
{
    FILE *f = fopen(path, "rb");
    StrBuf b = {0};
    if (!f) {
        strbuf_printf(&b, "genlab: cannot read %s\n", path);
        *error = strbuf_take(&b);
        return NULL;
    }
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) strbuf_add(&b, chunk, n);
    fclose(f);
    Lesson *l = lesson_parse(b.s ? b.s : "", b.len, path, error);
    strbuf_free(&b);
    return l;
}

static bool lesson_matches(const char *path, const char *which)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base) - 3; /* without .md */
    size_t w = strlen(which);
    if (w == n && !strncmp(base, which, n)) return true;
    size_t digits = strspn(base, "0123456789");
    if (digits && strspn(which, "0123456789") == w && w) return atoi(base) == atoi(which);
    const char *name = base + digits + (base[digits] == '-');
    return (size_t)(base + n - name) == w && !strncmp(name, which, w);
}

Lesson *lesson_find(const char *which, char **error)
{
    size_t w = strlen(which);
    if (strchr(which, '/') || (w > 3 && !strcmp(which + w - 3, ".md"))) return lesson_read_file(which, error);
    for (size_t i = 0; embedded_lessons[i].path; i++)
        if (lesson_matches(embedded_lessons[i].path, which)) return lesson_load_embedded(i, error);
    StrBuf b = {0};
    strbuf_printf(&b, "genlab: no lesson called %s (genlab lessons lists them)\n", which);
    *error = strbuf_take(&b);
    return NULL;
}

LessonExercise *lesson_find_exercise(const char *name, Lesson **lesson, char **error)
{
    /* "N" or "N.M": the M-th exercise of lesson N */
    int number = 0, nth = 1;
    bool numeric = sscanf(name, "%d.%d", &number, &nth) >= 1 && strspn(name, "0123456789.") == strlen(name);
    for (size_t i = 0; embedded_lessons[i].path; i++) {
        Lesson *l = lesson_load_embedded(i, error);
        if (!l) return NULL;
        for (size_t e = 0; e < l->n_exercises; e++) {
            LessonExercise *ex = &l->exercises[e];
            if (numeric ? l->number == number && (int)e + 1 == nth : !strcmp(ex->name, name)) {
                *lesson = l;
                return ex;
            }
        }
        lesson_free(l);
    }
    StrBuf b = {0};
    strbuf_printf(&b, "genlab: no exercise called %s (genlab lessons lists the lessons; each ends with its exercises)\n", name);
    *error = strbuf_take(&b);
    return NULL;
}
