/* player.c - see player.h. */
#include "player.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "exercise.h"
#include "markdown.h"
#include "repl.h"
#include "replay.h"

/* ---- keys, for --step ------------------------------------------------------ */

/* One key from the teacher: Enter (or space) runs the input, 'b' goes back,
 * 'q' quits. On a terminal a single key press does it, without echo; from
 * a pipe, a line. End of input quits. */
static int read_key(void)
{
    unsigned char ch;
    if (!isatty(0)) {
        /* a line, read a byte at a time: what follows is the next play's */
        int first = 0;
        while (read(0, &ch, 1) == 1 && ch != '\n')
            if (!first) first = ch;
        if (first == 0 && ch != '\n') return 'q';
        return first == 'q' || first == 'b' ? first : '\n';
    }
    struct termios saved, raw;
    tcgetattr(0, &saved);
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &raw);
    int c;
    do {
        c = read(0, &ch, 1) == 1 ? ch : 'q';
    } while (c != '\n' && c != '\r' && c != ' ' && c != 'q' && c != 'b' && c != 4);
    tcsetattr(0, TCSANOW, &saved);
    return c == 'q' || c == 4 ? 'q' : c == 'b' ? 'b' : '\n';
}

/* ---- the replay ------------------------------------------------------------ */

typedef struct Player {
    const Lesson *lesson;
    const PlayerOptions *options;
    MarkdownStyle style;
    Replay *r;
} Player;

static void print(StrBuf *b)
{
    fwrite(b->s ? b->s : "", 1, b->len, stdout);
    fflush(stdout);
    b->len = 0;
}

/* Runs an item's code, if it has any; false (with the error printed) when
 * a block of code fails, which makes the lesson malformed. */
static bool run_item(Player *p, const LessonItem *it, StrBuf *out, GenlabResultKind *kind)
{
    *kind = GENLAB_RESULT_VALUE;
    if (it->kind == LESSON_INPUT) {
        *kind = replay_input(p->r, it->text, out);
        return true;
    }
    if (it->kind != LESSON_CODE || it->shown_only) return true;
    StrBuf printed = {0};
    bool ok = replay_code(p->r, it->text, &printed);
    if (!ok) {
        fprintf(stderr, "%s:%d: this block of code fails when pasted into the shell:\n%s", p->lesson->path, it->line,
                printed.s ? printed.s : "");
    } else if (!p->options->check) {
        strbuf_add(out, printed.s, printed.len);
    }
    strbuf_free(&printed);
    return ok;
}

/* A fresh runtime that has run the lesson's items before `upto`, silently. */
static bool restart(Player *p, size_t upto)
{
    replay_free(p->r);
    p->r = replay_new(p->options->colors && !p->options->check);
    if (!p->r) {
        fputs("genlab: could not start a runtime\n", stderr);
        return false;
    }
    StrBuf ignored = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < upto; i++) {
        GenlabResultKind kind;
        ok = run_item(p, &p->lesson->items[i], &ignored, &kind);
        ignored.len = 0;
    }
    strbuf_free(&ignored);
    return ok;
}

static void show_item(Player *p, const LessonItem *it, StrBuf *out)
{
    switch (it->kind) {
    case LESSON_HEADING:
        markdown_render_heading(out, it->text, it->level, &p->style);
        break;
    case LESSON_PROSE:
        markdown_render_prose(out, it->text, &p->style);
        break;
    case LESSON_CODE:
        markdown_render_code(out, it->text, &p->style);
        break;
    case LESSON_EXERCISE: {
        const LessonExercise *ex = &p->lesson->exercises[it->exercise];
        StrBuf note = {0};
        strbuf_printf(&note, "Try it: `genlab exercise %s` writes `%s` into the current directory; `genlab check %s` runs the checks on it.",
                      ex->name, ex->file, ex->name);
        markdown_render_prose(out, note.s, &p->style);
        strbuf_free(&note);
        break;
    }
    case LESSON_INPUT:
        break;
    }
}

/* With --check: the input's output against the lesson's; false after
 * printing the first difference. */
static bool compare(Player *p, const LessonItem *it, const char *got, GenlabResultKind kind)
{
    if (!it->has_expected) {
        /* an input shown without output must at least not fail */
        if (kind != GENLAB_RESULT_ERROR && kind != GENLAB_RESULT_RESTART) return true;
        fprintf(stderr, "%s:%d: `%s` fails, and the lesson shows no output for it:\n%s\n", p->lesson->path, it->line, it->text, got);
        return false;
    }
    int line = replay_compare(it->expected, got);
    if (line < 0) return true;
    char *want = replay_line(it->expected, line), *have = replay_line(got, line);
    const char *nl = strchr(it->text, '\n');
    fprintf(stderr, "%s:%d: the output of `%.*s%s` differs\n  expected: %s\n  got:      %s\nthe whole output was:\n%s\n",
            p->lesson->path, it->expected_line + line, nl ? (int)(nl - it->text) : (int)strlen(it->text), it->text,
            nl ? " ..." : "", want, have, got);
    free(want);
    free(have);
    return false;
}

/* The item before `i` that is an input, or `i` if there is none. */
static size_t previous_input(const Lesson *l, size_t i)
{
    for (size_t j = i; j-- > 0;)
        if (l->items[j].kind == LESSON_INPUT) return j;
    return i;
}

/* Plays the lesson from item `from` on, after running the items before it
 * silently. Sets *back to the item to play from next when the teacher goes
 * back one input. Returns the exit status; *left is the lesson's runtime
 * as the lesson left it, when it played to the end. */
static int play_from(const Lesson *lesson, const PlayerOptions *o, size_t from, size_t *back, Replay **left)
{
    Player p = {.lesson = lesson, .options = o, .style = {.width = o->width, .colors = o->colors}};
    *left = NULL;
    if (!restart(&p, from)) {
        replay_free(p.r);
        return 1;
    }
    StrBuf out = {0};
    int status = 0;
    size_t compared = 0;
    bool quit = false;
    if (!o->check && from == 0) markdown_render_heading(&out, lesson->title, 1, &p.style);
    for (size_t i = from; i < lesson->n_items && !quit && !status; i++) {
        const LessonItem *it = &lesson->items[i];
        if (!o->check && !(i == from && from > 0)) show_item(&p, it, &out);
        if (it->kind == LESSON_INPUT && !o->check) {
            replay_show_input(p.r->g, it->text, &out);
            if (o->step) {
                /* the prompt and input stay on screen while the class looks */
                if (out.len && out.s[out.len - 1] == '\n') out.s[--out.len] = 0;
                print(&out);
                int key = read_key();
                fputs("\n", stdout);
                if (key == 'q') {
                    quit = true;
                    break;
                }
                if (key == 'b') {
                    fputs("(back one input)\n", stdout);
                    *back = previous_input(lesson, i);
                    quit = true;
                    break;
                }
            }
        }
        print(&out);
        GenlabResultKind kind;
        if (!run_item(&p, it, &out, &kind)) {
            status = 1;
            break;
        }
        if (o->check && it->kind == LESSON_INPUT) {
            if (!compare(&p, it, out.s ? out.s : "", kind)) status = 1;
            compared += it->has_expected;
            out.len = 0;
        }
        /* a transcript reads as one shell session; a blank line ends it */
        bool next_is_input = i + 1 < lesson->n_items && lesson->items[i + 1].kind == LESSON_INPUT;
        if (!o->check && it->kind == LESSON_INPUT && !next_is_input) strbuf_puts(&out, "\n");
        if (!o->check) print(&out);
        if (kind == GENLAB_RESULT_HALT) break;
    }
    print(&out);
    strbuf_free(&out);
    if (o->check && !status) printf("%s: %zu outputs as expected\n", lesson->path, compared);
    if (!status && !quit) *left = p.r;
    else replay_free(p.r);
    return status;
}

Replay *player_replay(const Lesson *lesson, const PlayerOptions *o, int *status)
{
    /* going back one input replays the lesson from the start in a fresh
     * runtime, silently up to the input before */
    size_t from = 0;
    for (;;) {
        size_t back = SIZE_MAX;
        Replay *left;
        *status = play_from(lesson, o, from, &back, &left);
        if (back == SIZE_MAX) return left;
        from = back;
    }
}

int player_play(const Lesson *lesson, const PlayerOptions *o)
{
    int status;
    Replay *r = player_replay(lesson, o, &status);
    if (r && o->shell) {
        printf("The lesson's modules, processes and bindings are yours now; Ctrl-D leaves.\n");
        fflush(stdout);
        status = repl_loop(r->g, r->views);
    }
    replay_free(r);
    return status;
}

/* ---- the commands ------------------------------------------------------------ */

int player_list_lessons(bool in_shell)
{
    int width = markdown_terminal_width();
    size_t n = lesson_count();
    for (size_t i = 0; i < n; i++) {
        char *error = NULL;
        Lesson *l = lesson_load_embedded(i, &error);
        if (!l) {
            fputs(error, stderr);
            free(error);
            continue;
        }
        /* number, title, then the summary cut to what fits the line */
        char head[512];
        int len = snprintf(head, sizeof head, "%3d  %s", l->number, l->title);
        printf("%s\n", head);
        int room = width - 7;
        if (room > 10) {
            int s = (int)strlen(l->summary);
            if (s > room) printf("     %.*s...\n", room - 3, l->summary);
            else printf("     %s\n", l->summary);
        }
        (void)len;
        for (size_t e = 0; e < l->n_exercises; e++)
            printf("     exercise: %s%s\n", l->exercises[e].name, exercise_passed(l->exercises[e].name) ? " (passed)" : "");
        lesson_free(l);
    }
    if (in_shell)
        printf("\nlesson(N) plays lesson N here (lesson(N, step: true) waits for Enter before each input).\n");
    else
        printf("\ngenlab lesson N plays lesson N (--step waits for Enter before each input, --check compares, --shell stays).\n");
    return 0;
}

static int play_command(int argc, char **argv)
{
    PlayerOptions o = {.colors = repl_colors(), .width = markdown_terminal_width()};
    const char *which = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--step")) o.step = true;
        else if (!strcmp(argv[i], "--check")) o.check = true;
        else if (!strcmp(argv[i], "--shell")) o.shell = true;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "genlab lesson: unknown option %s (--step, --check or --shell)\n", argv[i]);
            return 2;
        } else if (!which) which = argv[i];
        else {
            fprintf(stderr, "genlab lesson: one lesson at a time (%s?)\n", argv[i]);
            return 2;
        }
    }
    if (!which) {
        fputs("Usage: genlab lesson NAME [--step] [--check] [--shell]  (genlab lessons lists them)\n", stderr);
        return 2;
    }
    if (o.check) o.step = o.shell = o.colors = false;
    char *error = NULL;
    Lesson *l = lesson_find(which, &error);
    if (!l) {
        fputs(error, stderr);
        free(error);
        return 1;
    }
    int status = player_play(l, &o);
    lesson_free(l);
    return status;
}

int player_main(int argc, char **argv)
{
    if (!strcmp(argv[0], "lessons")) return player_list_lessons(false);
    if (!strcmp(argv[0], "lesson")) return play_command(argc, argv);
    if (!strcmp(argv[0], "exercise")) return exercise_start_command(argc, argv);
    if (!strcmp(argv[0], "check")) return exercise_check_command(argc, argv);
    return -1;
}
