/* trace.h - the structured event stream behind the teaching views.
 *
 * The scheduler, the VM and the GenServer loop report what happens
 * (spawns, exits, links, monitors, sends, receives, callbacks, timers, the
 * clock) as TraceEvents to one sink, installed by the layer above. With no
 * sink installed, each emit point costs one predictable branch: emit
 * points are written `TRACE(trace_send(...));`, and the call is made only
 * while the active runtime's `tracing` flag (state.h) is set. The sink and
 * the sequence numbers are the runtime's own (TraceState in trace.c), so
 * two runtimes' events never mix.
 *
 * An event's terms live in the emitting process's heap (or a timer's) and
 * are valid only during the sink's call: the sink copies what it keeps
 * (into its own storage, or as rendered text). Core formats nothing for a
 * screen; cli/ renders the events (see genlab.h, "Tracing").
 */
#ifndef GENLAB_TRACE_H
#define GENLAB_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include "state.h"
#include "term.h"

typedef enum {
    TRACE_SPAWN,        /* pid was spawned by other; terms[0] is its initial call {M, F, A} */
    TRACE_EXIT,         /* pid exited; terms[0] is the reason */
    TRACE_LINK,         /* pid linked to other */
    TRACE_UNLINK,       /* pid unlinked from other */
    TRACE_MONITOR,      /* pid started monitoring other */
    TRACE_DOWN,         /* other, which pid monitored, went down; terms[0] is the reason */
    TRACE_SEND,         /* other sent terms[0] to pid (other 0: a timer or the runtime);
                           count is pid's mailbox length after */
    TRACE_RECEIVE,      /* pid took terms[0], sent by other, from its mailbox; count is
                           the length before */
    TRACE_CALLBACK_IN,  /* GenServer pid enters callback `name`: terms are its arguments,
                           count how many (the state is the last) */
    TRACE_CALLBACK_OUT, /* it returned terms[0]; terms[1] is the state before, terms[2]
                           after (TERM_NONE if the return has none); `same` says whether
                           the state is unchanged; or, with count 1, 2 or 3, the
                           callback raised, exited or threw terms[0] */
    TRACE_UNEXPECTED,   /* GenServer pid (module `name`) got terms[0], which its default
                           handle_info/2 logged and dropped */
    TRACE_TIMER_SET,    /* pid set timer `ref` to send terms[0] to terms[1] (process
                           other, 0 if none) in count ms */
    TRACE_TIMER_FIRE,   /* timer `ref` fired: terms[0] goes to terms[1] (process other) */
    TRACE_TIMER_CANCEL, /* pid cancelled timer `ref` */
    TRACE_TIMEOUT,      /* pid's receive ... after timed out */
    TRACE_CLOCK         /* the clock moved from count to the event's time (microseconds) */
} TraceKind;

typedef struct TraceEvent {
    TraceKind kind;
    uint64_t seq;     /* 1, 2, 3, ... in the order of the events */
    uint64_t time_us; /* the virtual time, microseconds since the start */
    uint32_t pid;     /* the process the event is about (pid serial), or 0 */
    uint32_t other;   /* the other process, or 0 */
    Term name;        /* an atom: the callback, or the module (TRACE_UNEXPECTED) */
    Term terms[3];
    uint32_t nterms;
    uint64_t count;   /* a mailbox length, a delay, a time: see the kinds */
    uint64_t ref;     /* a timer's reference id */
    bool same;
} TraceEvent;

typedef void (*TraceSink)(void *ctx, const TraceEvent *ev);

/* True while the active runtime has a sink: the one branch each emit
 * point costs. A build with -DGENLAB_NO_TRACE (scripts/trace-cost) has no
 * emit points at all: what tracing costs when off is measured against it. */
#ifdef GENLAB_NO_TRACE
#define trace_enabled() false
#else
#define trace_enabled() (rt->tracing)
#endif
#define TRACE(call)                                     \
    do {                                                \
        if (__builtin_expect(trace_enabled(), 0)) call; \
    } while (0)

/* Installs the active runtime's sink (NULL removes it). Sequence numbers
 * start again at 1. */
void trace_set_sink(TraceSink sink, void *ctx);
/* Frees the active runtime's trace state (genlab_free). */
void trace_state_free(void);

/* The emit points. `from` and pids are serials (0: none). Marked cold: the
 * compiler keeps them out of the hot paths they sit in. */
#define TRACE_EMIT __attribute__((cold, noinline))
TRACE_EMIT void trace_spawn(uint32_t pid, uint32_t parent, Term initial_call);
TRACE_EMIT void trace_exit(uint32_t pid, Term reason);
TRACE_EMIT void trace_link(uint32_t a, uint32_t b, bool linked);
TRACE_EMIT void trace_monitor(uint32_t watcher, uint32_t target);
TRACE_EMIT void trace_down(uint32_t watcher, uint32_t target, Term reason);
TRACE_EMIT void trace_send(uint32_t from, uint32_t to, Term msg, uint64_t depth_after);
TRACE_EMIT void trace_receive(uint32_t pid, uint32_t from, Term msg, uint64_t depth_before);
TRACE_EMIT void trace_callback_in(uint32_t pid, Term callback, const Term *args, uint32_t nargs);
TRACE_EMIT void trace_callback_out(uint32_t pid, Term callback, Term result, Term state_before);
/* The callback raised (class error), exited or threw `reason`. */
TRACE_EMIT void trace_callback_raised(uint32_t pid, Term callback, Term cls, Term reason);
TRACE_EMIT void trace_unexpected(uint32_t pid, Term module, Term msg);
TRACE_EMIT void trace_timer_set(uint32_t pid, uint64_t ref, Term dest, Term msg, uint64_t delay_ms);
TRACE_EMIT void trace_timer_fire(uint64_t ref, Term dest, Term msg);
TRACE_EMIT void trace_timer_cancel(uint32_t pid, uint64_t ref);
TRACE_EMIT void trace_timeout(uint32_t pid);
TRACE_EMIT void trace_clock(uint64_t from_us);

/* The state a GenServer callback's return carries ({:reply, r, s},
 * {:noreply, s}, {:stop, reason, s}, ...), or TERM_NONE. */
Term trace_returned_state(Term result);

#endif
