/* views.h - the teaching views: what the cli does with core's trace events
 * and with the shell helpers' view requests (genlab.h, "tracing and the
 * teaching views").
 *
 * A Views is installed as the runtime's trace sink and view handler. It
 * keeps a little per process (its label, whether it is traced, the
 * callback it is in, its mailbox length) and a log of the last messages
 * for diagrams; it prints trace blocks as events arrive (trace_view.c),
 * and tables (table.c) and sequence diagrams (diagram.c) on request.
 * Hints are collected while an input runs and printed after its result.
 */
#ifndef GENLAB_VIEWS_H
#define GENLAB_VIEWS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/genlab.h"
#include "text.h"

/* The log keeps this many events for diagrams (the oldest go first). */
#define VIEWS_LOG_SIZE 4096

/* One event of the log. Its text is made when a diagram first shows it:
 * until then, a message's payload or a state's terms are kept as they
 * were (genlab_event_keep), so that events never drawn cost no
 * formatting (see views_logged_text). */
typedef struct Logged {
    GenlabEventKind kind;
    GenlabMessageKind msg_kind;
    uint64_t time_us;
    uint32_t pid, other; /* as in GenlabEvent: SEND is other -> pid */
    char *text;          /* the arrow's label, or the note beside the lifeline (NULL until made) */
    GenlabKept *a, *b;   /* until then: a SEND's payload; a state change's state before (a,
                            none for init) and after (b) */
} Logged;

/* What the views know of one process. */
typedef struct PidInfo {
    char *label;        /* its latest label (registered name or pid) */
    uint32_t label_version; /* the event label version it was last checked against */
    bool traced;        /* trace(pid) */
    bool server;        /* it ran a GenServer callback */
    bool library;       /* it runs library code: a supervisor, Logger, ... */
    int open;           /* GenServer callbacks it is inside */
    int level;          /* nesting of its trace block */
    bool has_header;    /* its block's first line is printed */
    char *open_desc;    /* the callback it is in, for hints: "handle_call(:slow, ...)",
                           made from the two below when a hint first needs it */
    char open_callback[48]; /* that callback's name */
    GenlabKept *open_arg;   /* its first argument */
    uint64_t open_since;
    size_t mailbox;     /* its mailbox length after the last event */
    size_t mailbox_hinted;
    size_t state_len;   /* text length of its state after the last callback */
    int growth;         /* callbacks in a row that made the state longer */
    bool growth_hinted, cast_hinted;
    int traced_open;    /* callbacks open since its trace block began */
    int sys_pending;    /* :sys requests sent to it, not yet answered */
    int sys_waiting;    /* :sys requests it sent, whose answer it has not taken */
    bool expect_reply;  /* its handle_call returned a reply it is about to send */
    uint32_t calling;   /* the server it waits for in a call, 0 if none */
} PidInfo;

typedef struct Views {
    Genlab *g;
    FILE *out;
    bool colors;
    int width;
    bool hints;
    bool trace_all;
    char **names; /* --trace=NAMES: labels to trace as they appear */
    size_t nnames;
    PidInfo *pids;
    size_t npids;
    Logged *log; /* a ring of VIEWS_LOG_SIZE */
    size_t log_first, log_len;
    int depth;             /* traced callbacks open now (nesting) */
    uint32_t last_arrival; /* the process whose arrival line was printed last */
    bool advancing;        /* inside advance/1: fired timers are listed */
    Text hints_pending;
} Views;

typedef struct ViewsOptions {
    FILE *out;
    bool colors;
    int width;
    bool hints;
} ViewsOptions;

/* Installs a Views on g as its sink and view handler. */
Views *views_install(Genlab *g, const ViewsOptions *options);
/* Makes v its runtime's sink and view handler again, after the views of
 * another runtime (a lesson's, played from the shell) took them over. */
void views_attach(Views *v);
/* The view handler views_install installs, for a handler that takes some
 * requests itself and hands it the others. */
void views_on_view(void *ctx, Genlab *g, const GenlabView *request);
/* Removes it from g and frees it. */
void views_remove(Views *v);
/* --trace: every GenServer, or those whose label is among the
 * comma-separated names ("Counter,Stack"). */
void views_trace_names(Views *v, const char *names);
/* Prints the hints gathered while the last input ran. */
void views_flush_hints(Views *v);

/* The process's entry (created on first use). */
PidInfo *views_pid_grow(Views *v, uint32_t pid);
/* (inline: every event asks for its processes' PidInfo several times) */
static inline PidInfo *views_pid(Views *v, uint32_t pid)
{
    return pid < v->npids ? &v->pids[pid] : views_pid_grow(v, pid);
}
/* How a process is named in the views now. */
const char *views_label(Views *v, uint32_t pid);
/* Adds a hint, printed by views_flush_hints. */
void views_hint(Views *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "[12 ms]": the virtual time in whole milliseconds. */
void views_time(uint64_t time_us, char *buf, size_t size);
/* "raised %RuntimeError{...}": a callback that failed (CALLBACK_OUT with a count). */
char *views_failure(const GenlabEvent *ev);
/* A log entry's text (the arrow's label or the note), made on the first ask. */
const char *views_logged_text(Views *v, Logged *l);
/* A message's label: "call :increment", "cast {:push, 4}", "reply 11", ... */
char *views_message_label(GenlabMessageKind kind, const char *payload);

/* trace_view.c: the trace blocks of traced processes. */
void trace_view_event(Views *v, const GenlabEvent *ev);
/* table.c: processes(), tree/1, mailbox/1, the step/pause/resume notes. */
void table_processes(Views *v);
void table_tree(Views *v, const char *const *rows, size_t nrows);
void table_mailbox(Views *v, uint32_t pid);
/* diagram.c: the sequence diagram of the logged messages, as text for the
 * terminal, as Mermaid ("mermaid") or into an SVG file ("svg:FILE"); the
 * last n messages (0: 20), or those to or from pid. */
void diagram_print(Views *v, const char *format, uint32_t pid, long n);

#endif
