/* repl.c - the shell. When standard input is not a terminal it prints
 * exactly what `iex < file` prints; on a terminal it reads with libedit
 * (history in ~/.genlab_history, Tab completion) and Ctrl-C ends a
 * runaway evaluation instead of the program. */
#include "repl.h"
#include "markdown.h"
#include "player.h"
#include "views.h"

#include <editline/readline.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char repl_banner[] = "Interactive Elixir (" GENLAB_ELIXIR_VERSION ") - press Ctrl+C to exit (type h() ENTER for help)\n";

/* The input being gathered, line by line, until it parses. */
typedef struct Input {
    char *text;
    size_t len, cap;
    /* "#iex:break" came with nothing typed: IEx prompts with "..." once */
    bool broken;
} Input;

/* IEx's way out of an unfinished input (an unclosed string or bracket):
 * the line "#iex:break" alone, exactly. It drops what was typed with IEx's
 * TokenMissingError; true when `line` was that line. */
static bool iex_break(Genlab *g, Input *in, const char *line, size_t n)
{
    static const char trigger[] = "#iex:break";
    size_t t = sizeof trigger - 1;
    if (n && line[n - 1] == '\n') n--;
    if (n != t || memcmp(line, trigger, t)) return false;
    if (!in->len) {
        in->broken = true;
        return true;
    }
    bool red = repl_colors();
    printf("%s** (TokenMissingError) iex:%d: incomplete expression\n%s\n", red ? "\033[31m" : "", genlab_shell_counter(g),
           red ? "\033[0m" : "");
    in->len = 0;
    in->broken = false;
    return true;
}

static void input_add(Input *in, const char *line, size_t n)
{
    if (in->len + n + 2 > in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 256;
        while (cap < in->len + n + 2) cap *= 2;
        char *bigger = realloc(in->text, cap);
        if (!bigger) {
            fputs("genlab: out of memory\n", stderr);
            exit(1);
        }
        in->text = bigger;
        in->cap = cap;
    }
    memcpy(in->text + in->len, line, n);
    in->len += n;
    if (!n || line[n - 1] != '\n') in->text[in->len++] = '\n';
    in->text[in->len] = 0;
}

static Genlab *evaluating; /* set while an input runs: Ctrl-C interrupts it */
static volatile sig_atomic_t interrupted;
static Views *views;       /* the teaching views (cli/views.h) */
static bool halted;        /* System.halt: leave, whichever session ran it */

/* lesson/1 asks for a lesson while an input runs; the shell plays it once
 * the input is done (evaluation cannot nest) and then runs the lesson's
 * session, until Ctrl-D brings the learner back to their own. */
static struct {
    char *name; /* NULL: none asked for */
    bool step;
    bool list;  /* lessons/0 */
} lesson_request;

static void on_view(void *ctx, Genlab *g, const GenlabView *view)
{
    if (!strcmp(view->what, "lesson")) {
        free(lesson_request.name);
        lesson_request.name = strdup(view->arg);
        lesson_request.step = view->n != 0;
    } else if (!strcmp(view->what, "lessons")) {
        lesson_request.list = true;
    } else {
        views_on_view(ctx, g, view);
    }
}

static void on_interrupt(int sig)
{
    (void)sig;
    if (evaluating) {
        genlab_interrupt(evaluating);
        interrupted = 1;
    }
}

static void load_dot_iex(Genlab *g)
{
    FILE *f = fopen(".iex.exs", "rb");
    if (!f) return;
    Input in = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) input_add(&in, buf, n);
    fclose(f);
    char *error = NULL;
    evaluating = g;
    if (in.len && !genlab_shell_load(g, in.text, in.len, ".iex.exs", &error)) {
        fputs(error, stdout);
        free(error);
    }
    evaluating = NULL;
    free(in.text);
}

/* What the shell does with a complete input; false when it must stop. */
static bool run_input(Genlab *g, Input *in, int *status)
{
    evaluating = g;
    interrupted = 0;
    GenlabResult r = genlab_shell_eval(g, in->text, in->len);
    evaluating = NULL;
    if (interrupted) fputc('\n', stdout); /* after the terminal's ^C */
    in->len = 0;
    bool go_on = true;
    switch (r.kind) {
    case GENLAB_RESULT_HALT:
        *status = r.halt_status;
        halted = true;
        go_on = false;
        break;
    case GENLAB_RESULT_RESTART:
        fwrite(r.text, 1, r.len, stdout);
        fputs(repl_banner, stdout);
        break;
    default:
        fwrite(r.text, 1, r.len, stdout);
    }
    views_flush_hints(views);
    genlab_result_free(&r);
    if (lesson_request.list) {
        lesson_request.list = false;
        player_list_lessons(true);
    }
    fflush(stdout);
    /* a lesson asked for is played between two inputs, by repl_loop */
    return go_on && !lesson_request.name;
}

/* At a terminal, a shell process killed after its result (a linked server
 * that crashed on a cast) restarts before the next prompt, as IEx shows it
 * as soon as it happens. */
static void show_late_restart(Genlab *g)
{
    GenlabResult r = genlab_shell_poll(g);
    if (r.kind == GENLAB_RESULT_RESTART) {
        fwrite(r.text, 1, r.len, stdout);
        fputs(repl_banner, stdout);
        fflush(stdout);
    }
    genlab_result_free(&r);
}

static void make_prompt(Genlab *g, bool continued, char *buf, size_t size)
{
    snprintf(buf, size, "%s(%d)> ", continued ? "..." : "iex", genlab_shell_counter(g));
}

/* ---- piped input: byte for byte what `iex < file` prints ---------------- */

static int run_piped(Genlab *g)
{
    Input in = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = 0;
    char prompt[64];
    for (;;) {
        make_prompt(g, in.len > 0 || in.broken, prompt, sizeof prompt);
        fputs(prompt, stdout);
        fflush(stdout);
        if ((n = getline(&line, &cap, stdin)) < 0) break;
        genlab_shell_line_read(g);
        if (iex_break(g, &in, line, (size_t)n)) continue;
        in.broken = false;
        input_add(&in, line, (size_t)n);
        if (genlab_input_status(g, in.text, in.len) == GENLAB_INPUT_INCOMPLETE) continue;
        if (!run_input(g, &in, &status)) break;
    }
    free(line);
    free(in.text);
    return status;
}

/* ---- a terminal: libedit ------------------------------------------------ */

static Genlab *completing;

/* Candidates for the word under the cursor, for libedit. */
typedef struct Candidates {
    char **items;
    size_t n, cap;
} Candidates;

static void add_candidate(void *ctx, const char *word)
{
    Candidates *c = ctx;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        char **bigger = realloc(c->items, c->cap * sizeof *bigger);
        if (!bigger) return;
        c->items = bigger;
    }
    c->items[c->n++] = strdup(word);
}

static Candidates candidates;

static char *next_candidate(const char *text, int state)
{
    (void)text;
    static size_t next;
    if (state == 0) next = 0;
    return next < candidates.n ? strdup(candidates.items[next++]) : NULL;
}

static char **complete_word(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    for (size_t i = 0; i < candidates.n; i++) free(candidates.items[i]);
    candidates.n = 0;
    genlab_complete(completing, text, add_candidate, &candidates);
    rl_attempted_completion_over = 1; /* no file names */
    return rl_completion_matches(text, next_candidate);
}

static char *history_path(void)
{
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    size_t n = strlen(home) + 32;
    char *path = malloc(n);
    if (path) snprintf(path, n, "%s/.genlab_history", home);
    return path;
}

static uint64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int run_terminal(Genlab *g)
{
    completing = g;
    rl_attempted_completion_function = complete_word;
    rl_completion_append_character = '\0'; /* Counter.get_v Tab: Counter.get_value, as IEx */
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{([,";
    Input in = {0};
    int status = 0;
    char prompt[64];
    uint64_t last = wall_ms();
    for (;;) {
        make_prompt(g, in.len > 0 || in.broken, prompt, sizeof prompt);
        char *line = readline(prompt);
        if (!line) { /* Ctrl-D */
            fputc('\n', stdout);
            break;
        }
        /* the virtual clock moves by the wall time that passed at the prompt */
        uint64_t now = wall_ms();
        if (!genlab_clock_is_frozen(g)) genlab_advance_clock(g, now - last);
        genlab_shell_line_read(g);
        if (*line) add_history(line);
        bool broke = iex_break(g, &in, line, strlen(line));
        if (!broke) {
            in.broken = false;
            input_add(&in, line, strlen(line));
        }
        free(line);
        if (broke) continue;
        if (genlab_input_status(g, in.text, in.len) == GENLAB_INPUT_INCOMPLETE) continue;
        bool go_on = run_input(g, &in, &status);
        last = wall_ms();
        if (!go_on) break;
        show_late_restart(g);
    }
    free(in.text);
    return status;
}

bool repl_colors(void)
{
    const char *no_color = getenv("NO_COLOR");
    return isatty(0) && isatty(1) && !(no_color && *no_color);
}

/* Ctrl-C interrupts the evaluating process instead of ending genlab. */
static void catch_interrupts(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

int repl_run(Genlab *g)
{
    genlab_shell_start(g, repl_colors());
    catch_interrupts();
    fputs(repl_banner, stdout);
    load_dot_iex(g);
    return repl_loop(g, NULL);
}

/* Plays the lesson lesson/1 asked for; its runtime as the lesson left it,
 * or NULL (the reason printed) when there is none or it did not play to
 * the end. */
static Replay *play_requested(void)
{
    char *error = NULL;
    Lesson *l = lesson_find(lesson_request.name, &error);
    PlayerOptions o = {.step = lesson_request.step, .colors = repl_colors(), .width = markdown_terminal_width()};
    free(lesson_request.name);
    lesson_request.name = NULL;
    if (!l) {
        fputs(error, stdout);
        free(error);
        return NULL;
    }
    int status;
    Replay *r = player_replay(l, &o, &status);
    lesson_free(l);
    return r;
}

/* Makes (g, v) the session the shell reads for: the runtime whose events
 * and view requests the views get, lesson/1 taken by the shell. */
static void attach(Genlab *g, Views *v)
{
    views = v;
    views_attach(v);
    genlab_set_view_handler(g, on_view, v);
}

int repl_loop(Genlab *g, Views *given)
{
    bool tty = isatty(0) && isatty(1);
    catch_interrupts();
    Views *home = given ? given : views_install(g, &(ViewsOptions){stdout, text_use_colors(stdout), text_terminal_width(stdout), tty});
    char *hist = tty ? history_path() : NULL;
    if (tty) {
        /* libedit decodes what is typed by the locale, set before it
         * starts: in the C locale it dropped every byte past ASCII ("é"
         * typed at the prompt vanished). Elixir source is UTF-8, whatever
         * the environment says. */
        const char *ctype = setlocale(LC_CTYPE, "");
        if (!ctype || !strcmp(ctype, "C") || !strcmp(ctype, "POSIX")) setlocale(LC_CTYPE, "C.UTF-8");
        using_history();
    }
    if (hist) read_history(hist);
    /* the learner's own session, or a lesson's played from it: one at a
     * time, in turn, never one inside another */
    Replay *lesson = NULL;
    int status = 0;
    halted = false;
    for (;;) {
        Genlab *cur = lesson ? lesson->g : g;
        attach(cur, lesson ? lesson->views : home);
        status = tty ? run_terminal(cur) : run_piped(cur);
        if (halted) break;
        if (lesson_request.name) {
            Replay *next = play_requested();
            if (next) {
                replay_free(lesson);
                lesson = next;
                fputs("The lesson's modules, processes and bindings are yours now; Ctrl-D goes back to your own session.\n", stdout);
            }
            continue;
        }
        if (!lesson) break;
        replay_free(lesson);
        lesson = NULL;
        fputs("Back in your own session.\n", stdout);
    }
    replay_free(lesson);
    if (hist) {
        write_history(hist);
        free(hist);
    }
    if (given) {
        views = NULL;
    } else {
        views_remove(home);
        views = NULL;
    }
    return status;
}
