/* genlab.h - the one public header of genlab's core, as lua.h is Lua's.
 *
 * A Genlab is a running runtime: the library, the modules, the processes,
 * the virtual clock. The command line (cli/) uses nothing but this header.
 * Through it a caller runs scripts, or opens a shell session and feeds it
 * inputs; core hands results and errors back as text for the caller to
 * print, and never calls exit(): System.halt is reported back instead.
 *
 * Output that Elixir code writes (IO.puts, Logger) goes through the writer
 * (genlab_set_writer); results and errors of shell inputs come back in a
 * GenlabResult.
 *
 * A Genlab owns all of its runtime's state: its atoms, modules, processes,
 * clock, registered names, ETS tables and random source. Several can live
 * in one program, each giving the same bytes it would give alone, and
 * genlab_free releases everything one holds. Core runs on the caller's one
 * thread: call into one runtime at a time (genlab_interrupt excepted).
 */
#ifndef GENLAB_H
#define GENLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GENLAB_VERSION "0.1.0"
/* The Elixir whose behaviour genlab reproduces, as IEx's banner names it. */
#define GENLAB_ELIXIR_VERSION "1.14.0"

typedef struct Genlab Genlab;

/* Starts a runtime; `seed` seeds its random source (:rand, :crypto). Every
 * call returns a new, independent runtime. */
Genlab *genlab_new(unsigned long long seed);
void genlab_free(Genlab *g);

/* Where Elixir code's output goes: stream 1 is standard output, 2 standard
 * error. The default writes to the process's stdout and stderr. */
typedef void (*GenlabWriter)(int stream, const char *bytes, size_t len);
void genlab_set_writer(Genlab *g, GenlabWriter writer);

/* System.argv/0 for what runs next. */
void genlab_set_argv(Genlab *g, int argc, char **argv);

/* Runs a whole script like `elixir FILE.exs` (file names it in errors).
 * Returns the exit status: 0, 1 after an uncaught error, or System.halt's.
 * A script sees none of the shell's tutorial servers (Counter, Stack, ...):
 * it defines its own, as under `elixir`. */
int genlab_run_script(Genlab *g, const char *source, size_t len, const char *file);

/* Limits that end a process, never the program (0 keeps the default):
 * how many processes may live at once (`--max-processes`, as the BEAM's
 * +P; 262,144 by default, as the BEAM), past which spawn raises :system_limit; and
 * how many bytes all process heaps may hold together (`--max-memory`;
 * three quarters of the machine's memory by default), past which the
 * process whose heap would grow is killed. */
void genlab_set_limits(Genlab *g, size_t max_processes, size_t max_memory);

/* What the program does when memory runs out outside any process (at
 * start-up: genlab has printed "genlab: out of memory" on standard error):
 * typically exit with a status. Without it, genlab aborts. Inside a
 * process, a failed allocation ends that process only. The environment
 * variable GENLAB_FAIL_ALLOC=N (for tests) makes the Nth allocation made
 * inside a process fail. */
void genlab_on_out_of_memory(void (*stop)(void));

/* ---- the shell ------------------------------------------------------------ */

/* Whether an input can run: complete, incomplete (the shell reads another
 * line and shows `...(N)>`), or wrong however it continues. */
typedef enum { GENLAB_INPUT_COMPLETE, GENLAB_INPUT_INCOMPLETE, GENLAB_INPUT_ERROR } GenlabInputStatus;
GenlabInputStatus genlab_input_status(Genlab *g, const char *source, size_t len);

typedef enum {
    GENLAB_RESULT_VALUE,   /* text is the inspected value */
    GENLAB_RESULT_ERROR,   /* text is the error as IEx prints it; the counter stays */
    GENLAB_RESULT_RESTART, /* the shell process was killed (a linked process
                              crashed, or an interrupt): text says why; a fresh
                              shell process, without bindings, takes over */
    GENLAB_RESULT_HALT     /* System.halt: leave with halt_status */
} GenlabResultKind;

typedef struct GenlabResult {
    GenlabResultKind kind;
    char *text; /* malloc'd, ends with a newline; free with genlab_result_free */
    size_t len;
    int halt_status;
} GenlabResult;

/* Opens the shell session: an evaluator process numbered as IEx's, with
 * IEx's helpers imported. `colors` asks for IEx's colours in results.
 * From then on the five tutorial servers of lessons/servers/ (Counter,
 * Stack, KeyValueStore, SessionStore, ConfigurableCache) are there, as if
 * a .iex.exs had required them: each loads when first used, and a
 * defmodule of the same name replaces it. */
void genlab_shell_start(Genlab *g, bool colors);
/* The number of the next input, as in `iex(N)>`. */
int genlab_shell_counter(const Genlab *g);
/* Tells the shell its reader took one more line (IEx's reader uses up a
 * pid for each line it reads; genlab numbers pids the same way). */
void genlab_shell_line_read(Genlab *g);
/* Runs one complete input in the session: bindings, aliases, imports and
 * requires persist to the next input; the counter advances unless it
 * failed. Runs the scheduler until the evaluator is done (or killed). */
GenlabResult genlab_shell_eval(Genlab *g, const char *source, size_t len);
/* Between inputs: when the shell process was killed after its last result
 * was ready (a linked GenServer, Agent or Task that crashed after a cast
 * returned), the restart, as genlab_shell_eval returns it; else a
 * GENLAB_RESULT_VALUE without text. A terminal calls it before each prompt,
 * as IEx prints the restart as soon as it happens. Piped input need not:
 * there IEx's reader has already handed the next line to the dead process,
 * so genlab_shell_eval drops that input and returns the restart. */
GenlabResult genlab_shell_poll(Genlab *g);
/* Runs a file's code in the session without printing results, as IEx
 * loads .iex.exs; false (and *error set, malloc'd) if it failed. */
bool genlab_shell_load(Genlab *g, const char *source, size_t len, const char *file, char **error);
void genlab_result_free(GenlabResult *r);

/* Kills the evaluating process at the next scheduling point. Safe to call
 * from a signal handler. */
void genlab_interrupt(Genlab *g);

/* Moves the virtual clock forward by `ms`, firing due timers in order and
 * running what they wake until every process waits again. */
void genlab_advance_clock(Genlab *g, uint64_t ms);
/* Virtual time in milliseconds since the runtime started. */
uint64_t genlab_clock(const Genlab *g);
/* The same in microseconds (work moves the clock by less than 1 ms). */
uint64_t genlab_clock_us(const Genlab *g);
/* What one reduction of work costs on the virtual clock, in nanoseconds
 * (`--cpu-ns`; the default is calibrated against the BEAM, see
 * bench/README). 0 makes work free: only timers move the clock. */
void genlab_set_cpu_ns(Genlab *g, double ns);

/* Whether clock(:frozen) asked that the wall time between prompts not move
 * the clock (the shell then skips genlab_advance_clock). */
bool genlab_clock_is_frozen(const Genlab *g);

/* ---- tracing and the teaching views ----------------------------------------- */

/* Core reports what happens as events, one at a time, to the sink the cli
 * installs; with no sink, tracing costs nothing. An event is valid only
 * during the sink's call: copy what you keep (the texts included). */
typedef enum {
    GENLAB_EVENT_SPAWN,        /* pid was spawned by other; text 0: its initial call */
    GENLAB_EVENT_EXIT,         /* pid exited; text 0: the reason */
    GENLAB_EVENT_LINK,         /* pid linked to other */
    GENLAB_EVENT_UNLINK,       /* pid unlinked from other */
    GENLAB_EVENT_MONITOR,      /* pid monitors other */
    GENLAB_EVENT_DOWN,         /* other, monitored by pid, went down; text 0: the reason */
    GENLAB_EVENT_SEND,         /* other sent text 0 to pid (other 0: a timer);
                                  count: pid's mailbox length after */
    GENLAB_EVENT_RECEIVE,      /* pid took text 0, sent by other, from its mailbox;
                                  count: the length before */
    GENLAB_EVENT_CALLBACK_IN,  /* GenServer pid enters `callback` with texts 0..count-1
                                  as arguments (the state last) */
    GENLAB_EVENT_CALLBACK_OUT, /* it returned text 0; text 1 is the state before, text 2
                                  after (NULL if the return has none); `same`: unchanged.
                                  Or, with count 1, 2 or 3: the callback raised,
                                  exited or threw text 0 */
    GENLAB_EVENT_UNEXPECTED,   /* GenServer pid (module `callback`) got text 0, which the
                                  default handle_info/2 logged and dropped */
    GENLAB_EVENT_TIMER_SET,    /* pid set timer `ref` to send text 0 to text 1 (process
                                  other, 0 if none) in count ms */
    GENLAB_EVENT_TIMER_FIRE,   /* timer `ref` fired: text 0 goes to text 1 (process other) */
    GENLAB_EVENT_TIMER_CANCEL, /* pid cancelled timer `ref` */
    GENLAB_EVENT_TIMEOUT,      /* pid's receive ... after (a call's timeout) ran out */
    GENLAB_EVENT_CLOCK         /* the clock moved from count (microseconds) to the event's time */
} GenlabEventKind;

/* What a sent or received message is, by the protocol it follows, and its
 * payload: the request of a call, the message of a cast, the value of a
 * reply, the reason of an EXIT or DOWN, else the message itself. */
typedef enum {
    GENLAB_MSG_INFO, GENLAB_MSG_CALL, GENLAB_MSG_CAST, GENLAB_MSG_REPLY,
    GENLAB_MSG_SYSTEM, GENLAB_MSG_EXIT, GENLAB_MSG_DOWN, GENLAB_MSG_ACK
} GenlabMessageKind;

typedef struct GenlabEvent {
    GenlabEventKind kind;
    uint64_t seq;            /* 1, 2, 3, ... */
    uint64_t time_us;        /* virtual time, microseconds since the start */
    uint32_t pid, other;     /* pid serials (#PID<0.N.0>), 0 for none */
    const char *pid_label;   /* the registered name (as inspect shows it) or the pid */
    const char *other_label; /* the same for other ("" for none) */
    const char *module;      /* pid's module (a GenServer's callback module), or "" */
    const char *other_module; /* the same for other */
    /* Nonzero numbers that change whenever pid's (other's) label or module
     * above may have changed: a sink that saw a version already knows its
     * texts (the labels are made once and reused by most events). */
    uint32_t pid_label_version, other_label_version;
    const char *callback;    /* the callback's name, "" if none */
    GenlabMessageKind msg_kind;
    uint64_t count, ref;
    bool same;
    bool library;            /* pid runs library code (a supervisor, an Agent, ...) */
    const void *internal;    /* for genlab_event_text: do not touch */
} GenlabEvent;

/* The inspect text of an event's term i (0..2), NULL if it has none; of
 * i == GENLAB_EVENT_PAYLOAD, the message's payload. Valid during the sink's
 * call. Rendered on demand: an event whose texts are not asked for costs
 * no formatting. */
#define GENLAB_EVENT_PAYLOAD 3
const char *genlab_event_text(const GenlabEvent *ev, int i);
/* Whether the event's term i is a tuple of two or more elements whose
 * first is the atom `tag` ({:reply, ...}), asked without rendering it. */
bool genlab_event_tagged(const GenlabEvent *ev, int i, const char *tag);

/* The event's term i (as genlab_event_text names it) kept for later, for
 * a history that is shown long after the events, if ever (the views'
 * diagrams): a copy, rendered only when its text is asked for, so that an
 * event kept and never shown costs no formatting. NULL if the event has
 * no such term. genlab_kept_text renders it once (NULL for a NULL kept);
 * genlab_kept_free frees it. */
typedef struct GenlabKept GenlabKept;
GenlabKept *genlab_event_keep(const GenlabEvent *ev, int i);
const char *genlab_kept_text(Genlab *g, GenlabKept *k);
void genlab_kept_free(Genlab *g, GenlabKept *k);

typedef void (*GenlabSink)(void *ctx, const GenlabEvent *ev);
/* Installs the sink (NULL to stop tracing). */
void genlab_set_sink(Genlab *g, GenlabSink sink, void *ctx);

/* A teaching helper of the shell (trace/1, processes/0, diagram/1, ...)
 * asks the cli for a view while Elixir code runs; the handler prints it
 * (queries below are allowed; evaluation is not). */
typedef struct GenlabView {
    const char *what;        /* "trace", "untrace", "mailbox", "processes", "tree",
                                "diagram", "step", "hints", "note" */
    uint32_t pid;            /* the process it is about, 0 for all or none */
    const char *label;       /* how to name it (a registered name or the pid) */
    const char *module;      /* its module, or "" */
    long long n;             /* a count (step n, diagram n), 0 if none */
    const char *arg;         /* an option: a format, a file name, a text; "" if none */
    const char *const *rows; /* "tree": "DEPTH\tLABEL\tINFO" lines, depth first */
    size_t nrows;
} GenlabView;
typedef void (*GenlabViewHandler)(void *ctx, Genlab *g, const GenlabView *view);
void genlab_set_view_handler(Genlab *g, GenlabViewHandler handler, void *ctx);

/* One process, as processes() lists it. Strings are valid during the call. */
typedef struct GenlabProcessInfo {
    uint32_t pid;
    const char *name;     /* registered name, or "" */
    const char *module;   /* the module it started in (a GenServer's callback module) */
    const char *status;   /* "running", "runnable", "waiting", "paused" */
    const char *current;  /* the function it is in, as Mod.fun/arity */
    size_t mailbox, memory;
    uint64_t reductions;
    const uint32_t *links;      /* pid serials */
    size_t nlinks;
    const uint32_t *monitors;   /* the processes it monitors */
    size_t nmonitors;
} GenlabProcessInfo;
/* Calls each for every live process, in pid order; returns how many. */
size_t genlab_processes(Genlab *g, void (*each)(void *ctx, const GenlabProcessInfo *info), void *ctx);
/* One process's entry (false if it is not alive). */
bool genlab_process_info(Genlab *g, uint32_t pid, void (*each)(void *ctx, const GenlabProcessInfo *info), void *ctx);

/* The messages waiting in a process's mailbox, oldest first: each with
 * its kind, sender (0: a timer) and inspect text. Returns how many. */
size_t genlab_mailbox(Genlab *g, uint32_t pid,
                      void (*each)(void *ctx, GenlabMessageKind kind, uint32_t from, const char *from_label,
                                   const char *payload, const char *text),
                      void *ctx);

/* How a pid is named in the views: its registered name or #PID<0.N.0>. */
void genlab_pid_label(Genlab *g, uint32_t pid, char *buf, size_t size);

/* Names for completion: every loaded or loadable module whose name starts
 * with `prefix` (Elixir modules without "Elixir."), or with a dot in the
 * prefix, the public functions of that module ("Counter.get_value").
 * Calls `each` once per candidate; returns how many there were. */
size_t genlab_complete(Genlab *g, const char *prefix, void (*each)(void *ctx, const char *candidate), void *ctx);

#endif
