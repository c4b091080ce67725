/* main.c - the genlab command. Uses nothing of core but genlab.h. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../core/genlab.h"
#include "player.h"
#include "repl.h"
#include "views.h"

static const char usage[] =
    "Usage: genlab [options] [FILE [ARGS]]\n"
    "\n"
    "  genlab               the shell: IEx, with Counter, Stack, KeyValueStore,\n"
    "                       SessionStore and ConfigurableCache preloaded\n"
    "  genlab FILE [ARGS]   runs an Elixir script, as `elixir FILE` does\n"
    "  genlab -e EXPR       runs EXPR, as `elixir -e` does\n"
    "  genlab lessons       lists the lessons\n"
    "  genlab lesson NAME   plays a lesson (--step, --check, --shell)\n"
    "  genlab exercise NAME writes an exercise's starting file here\n"
    "  genlab check NAME [FILE]  checks your solution of an exercise\n"
    "\n"
    "Options:\n"
    "  --seed N             seeds the random source (:rand, :crypto); default 0\n"
    "  --trace[=NAMES]      prints a block for each message every GenServer (or\n"
    "                       those named, e.g. --trace=Counter,Stack) handles\n"
    "  --diagram[=mermaid]  prints a sequence diagram of the messages at the end\n"
    "  --cpu-ns N           virtual nanoseconds one reduction of work costs\n"
    "                       (default 20, about the BEAM's; 0: work is free)\n"
    "  --max-processes N    processes that may live at once (default 262144, as\n"
    "                       the BEAM's +P); a spawn past it raises :system_limit\n"
    "  --max-memory N[k|M|G]  bytes process heaps, mailboxes, ETS tables and\n"
    "                       compiled code may hold together (default: 3/4 of\n"
    "                       the machine's memory); past it, the process that\n"
    "                       asks for more is killed\n"
    "  --help               shows this text\n"
    "  --version            shows genlab's version and the Elixir it follows\n";

/* A fatal signal (a bug in genlab) must not lose what was printed before
 * it: standard output into a pipe is block-buffered. Best effort (stdio is
 * not async-signal-safe, but the process is dying anyway): flush, then die
 * as the signal would. Sanitizer builds keep their own handlers. */
#if defined(__SANITIZE_ADDRESS__)
#define GENLAB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define GENLAB_SANITIZED 1
#endif
#endif

#ifndef GENLAB_SANITIZED
static void on_fatal_signal(int sig)
{
    fflush(stdout);
    signal(sig, SIG_DFL);
    raise(sig);
}
#endif

static void flush_on_fatal_signals(void)
{
#ifndef GENLAB_SANITIZED
    /* A C stack overflow is a SIGSEGV with no stack left to handle it on:
     * the handler runs on a stack of its own. */
    static char alt_stack[1 << 16];
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t k = 0; k < sizeof fatal_signals / sizeof fatal_signals[0]; k++) sigaction(fatal_signals[k], &sa, NULL);
#endif
}

static char *read_stream(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

/* Elixir names a script by its path relative to the current directory. */
static const char *shown_path(const char *path)
{
    static char cwd[4096];
    size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (n && strncmp(path, cwd, n) == 0 && path[n] == '/') return path + n + 1;
    return path;
}

/* The reason Elixir's File functions give for errno e. */
static const char *posix_reason(int e)
{
    switch (e) {
    case EACCES: return "eacces";
    case EISDIR: return "eisdir";
    case ENOENT: return "enoent";
    case ENOMEM: return "enomem";
    case ELOOP: return "eloop";
    case ENAMETOOLONG: return "enametoolong";
    default: return "eio";
    }
}

static int run_file(Genlab *g, const char *path, int argc, char **argv)
{
    /* as elixir: what is not a regular file is not there at all */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "No file named %s\n", path);
        return 1;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        /* Code.require_file names it by its absolute path */
        int e = errno;
        char full[PATH_MAX];
        fprintf(stderr,
                "** (Code.LoadError) could not load %s. Reason: %s\n"
                "    (elixir 1.14.0) lib/code.ex:1807: Code.find_file!/2\n"
                "    (elixir 1.14.0) lib/code.ex:1237: Code.require_file/2\n",
                realpath(path, full) ? full : path, posix_reason(e));
        return 1;
    }
    size_t len;
    char *src = read_stream(f, &len);
    fclose(f);
    if (!src) {
        fprintf(stderr, "genlab: out of memory reading %s\n", path);
        return 1;
    }
    genlab_set_argv(g, argc, argv);
    int status = genlab_run_script(g, src, len, shown_path(path));
    free(src);
    return status;
}

/* Process heaps grow, and are collected, in chunks of megabytes. glibc
 * would map each such chunk afresh and unmap it when it is freed, so every
 * collection of a big heap (a 100,000-key map state) faults its pages in
 * again; served from the arena, freed chunks are reused instead. */
static void tune_allocator(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}

/* The number an option was given, or -1 (said on standard error) when it
 * is none: a typo must not silently mean 0. */
static double option_number(const char *option, const char *text, double min, char *suffix)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    bool suffixed = suffix && strchr("kKmMgG", *end) && *end && end[1] == 0;
    if (end == text || errno || v < min || (*end && !suffixed)) {
        fprintf(stderr, "genlab: %s wants a number%s, not %s (see genlab --help)\n", option, min > 0 ? " above 0" : "", text);
        return -1;
    }
    if (suffix) *suffix = *end;
    return v;
}

/* Out of memory outside any process: genlab has said so; a status, not a
 * core dump. */
static void stop_out_of_memory(void) { _exit(70); }

int main(int argc, char **argv)
{
    tune_allocator();
    genlab_on_out_of_memory(stop_out_of_memory);
    unsigned long long seed = 0;
    const char *expr = NULL;
    const char *trace = NULL, *diagram = NULL; /* --trace[=NAMES], --diagram[=FORMAT] */
    double cpu_ns = -1;                        /* --cpu-ns: the default unless given */
    size_t max_processes = 0, max_memory = 0;  /* 0: the runtime's defaults */
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            double v = option_number("--seed", argv[i + 1], 0, NULL);
            if (v < 0) return 2;
            seed = strtoull(argv[i + 1], NULL, 10);
            i += 2;
        } else if (!strcmp(argv[i], "--cpu-ns") && i + 1 < argc) {
            cpu_ns = option_number("--cpu-ns", argv[i + 1], 0, NULL);
            if (cpu_ns < 0) return 2;
            i += 2;
        } else if (!strcmp(argv[i], "--max-processes") && i + 1 < argc) {
            double v = option_number("--max-processes", argv[i + 1], 1, NULL);
            if (v < 0) return 2;
            max_processes = (size_t)v;
            i += 2;
        } else if (!strcmp(argv[i], "--max-memory") && i + 1 < argc) {
            char unit = 0;
            double v = option_number("--max-memory", argv[i + 1], 1, &unit);
            if (v < 0) return 2;
            max_memory = (size_t)v;
            if (unit == 'k' || unit == 'K') max_memory <<= 10;
            else if (unit == 'm' || unit == 'M') max_memory <<= 20;
            else if (unit == 'g' || unit == 'G') max_memory <<= 30;
            i += 2;
        } else if (!strcmp(argv[i], "-e") && i + 1 < argc) {
            expr = argv[i + 1];
            i += 2;
        } else if (!strncmp(argv[i], "--trace", 7) && (argv[i][7] == 0 || argv[i][7] == '=')) {
            trace = argv[i][7] ? argv[i] + 8 : "";
            i++;
        } else if (!strncmp(argv[i], "--diagram", 9) && (argv[i][9] == 0 || argv[i][9] == '=')) {
            diagram = argv[i][9] ? argv[i] + 10 : "";
            i++;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--version")) {
            printf("genlab %s (Elixir %s)\n", GENLAB_VERSION, GENLAB_ELIXIR_VERSION);
            return 0;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "genlab: unknown option %s (see genlab --help)\n", argv[i]);
            return 2;
        }
    }
    if (!expr && i < argc) {
        int status = player_main(argc - i, argv + i);
        if (status >= 0) return status;
    }
    flush_on_fatal_signals();
    Genlab *g = genlab_new(seed);
    if (cpu_ns >= 0) genlab_set_cpu_ns(g, cpu_ns);
    genlab_set_limits(g, max_processes, max_memory);
    Views *views = NULL;
    if ((trace || diagram) && (expr || i < argc)) {
        views = views_install(g, &(ViewsOptions){stdout, text_use_colors(stdout), text_terminal_width(stdout), true});
        if (trace) views_trace_names(views, trace);
    }
    int status;
    if (expr) {
        genlab_set_argv(g, argc - i, argv + i);
        status = genlab_run_script(g, expr, strlen(expr), "nofile");
    } else if (i < argc) {
        status = run_file(g, argv[i], argc - i - 1, argv + i + 1);
    } else {
        status = repl_run(g);
    }
    if (diagram && views) diagram_print(views, diagram, 0, VIEWS_LOG_SIZE);
    views_remove(views);
    fflush(stdout);
    genlab_free(g);
    return status;
}
