/* trace.c - building trace events and handing them to the sink. */
#include "trace.h"

#include <stdlib.h>

#include "atom.h"
#include "compare.h"
#include "fatal.h"
#include "sched.h"

/* A runtime's sink and the last sequence number it was given. */
typedef struct TraceState {
    TraceSink sink;
    void *ctx;
    uint64_t seq;
    Term reply, noreply, stop; /* the tags trace_returned_state looks for */
} TraceState;

void trace_set_sink(TraceSink s, void *ctx)
{
    if (!rt->trace) {
        if (!s) return;
        rt->trace = xcalloc(1, sizeof *rt->trace);
        rt->trace->reply = atom_from_cstr("reply");
        rt->trace->noreply = atom_from_cstr("noreply");
        rt->trace->stop = atom_from_cstr("stop");
    }
    rt->trace->sink = s;
    rt->trace->ctx = ctx;
    rt->trace->seq = 0;
    rt->tracing = s != NULL;
}

void trace_state_free(void)
{
    free(rt->trace);
    rt->trace = NULL;
    rt->tracing = false;
}

static void emit(TraceEvent *ev)
{
    /* a sink may be removed while an event is built (never re-entered) */
    TraceState *t = rt->trace;
    if (!t || !t->sink) return;
    ev->seq = ++t->seq;
    ev->time_us = clock_now_us();
    t->sink(t->ctx, ev);
}

static TraceEvent event(TraceKind kind, uint32_t pid, uint32_t other)
{
    return (TraceEvent){.kind = kind, .pid = pid, .other = other, .name = ATOM_nil,
                        .terms = {TERM_NONE, TERM_NONE, TERM_NONE}};
}

static void emit_terms(TraceEvent *ev, uint32_t n, const Term *terms)
{
    for (uint32_t i = 0; i < n && i < 3; i++) ev->terms[i] = terms[i];
    ev->nterms = n < 3 ? n : 3;
    emit(ev);
}

void trace_spawn(uint32_t pid, uint32_t parent, Term initial_call)
{
    TraceEvent ev = event(TRACE_SPAWN, pid, parent);
    emit_terms(&ev, 1, &initial_call);
}

void trace_exit(uint32_t pid, Term reason)
{
    TraceEvent ev = event(TRACE_EXIT, pid, 0);
    emit_terms(&ev, 1, &reason);
}

void trace_link(uint32_t a, uint32_t b, bool linked)
{
    TraceEvent ev = event(linked ? TRACE_LINK : TRACE_UNLINK, a, b);
    emit(&ev);
}

void trace_monitor(uint32_t watcher, uint32_t target)
{
    TraceEvent ev = event(TRACE_MONITOR, watcher, target);
    emit(&ev);
}

void trace_down(uint32_t watcher, uint32_t target, Term reason)
{
    TraceEvent ev = event(TRACE_DOWN, watcher, target);
    emit_terms(&ev, 1, &reason);
}

void trace_send(uint32_t from, uint32_t to, Term msg, uint64_t depth_after)
{
    TraceEvent ev = event(TRACE_SEND, to, from);
    ev.count = depth_after;
    emit_terms(&ev, 1, &msg);
}

void trace_receive(uint32_t pid, uint32_t from, Term msg, uint64_t depth_before)
{
    TraceEvent ev = event(TRACE_RECEIVE, pid, from);
    ev.count = depth_before;
    emit_terms(&ev, 1, &msg);
}

void trace_callback_in(uint32_t pid, Term callback, const Term *args, uint32_t nargs)
{
    TraceEvent ev = event(TRACE_CALLBACK_IN, pid, 0);
    ev.name = callback;
    ev.count = nargs;
    emit_terms(&ev, nargs, args);
}

Term trace_returned_state(Term result)
{
    if (!term_is_tuple(result) || tuple_size(result) < 2) return TERM_NONE;
    Term tag = tuple_get(result, 0);
    size_t n = tuple_size(result);
    /* a runtime that never traced has no TraceState */
    TraceState *t = rt->trace;
    Term reply = t ? t->reply : atom_from_cstr("reply"), noreply = t ? t->noreply : atom_from_cstr("noreply");
    Term stop = t ? t->stop : atom_from_cstr("stop");
    if (tag == reply && n >= 3) return tuple_get(result, 2);
    if (tag == noreply) return tuple_get(result, 1);
    if (tag == stop && n >= 3) return tuple_get(result, n - 1);
    if (tag == ATOM_ok) return tuple_get(result, 1); /* init's {:ok, state} */
    return TERM_NONE;
}

void trace_callback_out(uint32_t pid, Term callback, Term result, Term state_before)
{
    TraceEvent ev = event(TRACE_CALLBACK_OUT, pid, 0);
    ev.name = callback;
    Term after = trace_returned_state(result);
    ev.same = after != TERM_NONE && state_before != TERM_NONE && term_exact_equal(after, state_before);
    emit_terms(&ev, 3, (Term[]){result, state_before, after});
}

void trace_callback_raised(uint32_t pid, Term callback, Term cls, Term reason)
{
    TraceEvent ev = event(TRACE_CALLBACK_OUT, pid, 0);
    ev.name = callback;
    ev.count = cls == ATOM_error ? 1 : cls == ATOM_exit ? 2 : 3;
    emit_terms(&ev, 1, &reason);
}

void trace_unexpected(uint32_t pid, Term module, Term msg)
{
    TraceEvent ev = event(TRACE_UNEXPECTED, pid, 0);
    ev.name = module;
    emit_terms(&ev, 1, &msg);
}

/* The process a timer's destination (a pid or a name) is now, or 0. */
static uint32_t dest_serial(Term dest)
{
    Process *p = term_is_pid(dest) ? process_of(dest) : term_is_atom(dest) ? process_whereis(dest) : NULL;
    return p ? pid_serial(p->pid) : 0;
}

void trace_timer_set(uint32_t pid, uint64_t ref, Term dest, Term msg, uint64_t delay_ms)
{
    TraceEvent ev = event(TRACE_TIMER_SET, pid, dest_serial(dest));
    ev.ref = ref;
    ev.count = delay_ms;
    emit_terms(&ev, 2, (Term[]){msg, dest});
}

void trace_timer_fire(uint64_t ref, Term dest, Term msg)
{
    TraceEvent ev = event(TRACE_TIMER_FIRE, 0, dest_serial(dest));
    ev.ref = ref;
    emit_terms(&ev, 2, (Term[]){msg, dest});
}

void trace_timer_cancel(uint32_t pid, uint64_t ref)
{
    TraceEvent ev = event(TRACE_TIMER_CANCEL, pid, 0);
    ev.ref = ref;
    emit(&ev);
}

void trace_timeout(uint32_t pid)
{
    TraceEvent ev = event(TRACE_TIMEOUT, pid, 0);
    emit(&ev);
}

void trace_clock(uint64_t from_us)
{
    TraceEvent ev = event(TRACE_CLOCK, 0, 0);
    ev.count = from_us;
    emit(&ev);
}
