/* trace_view.c - one block per message a traced server handles:
 *
 *   [0 ms] #PID<0.106.0> → Counter: call :increment (mailbox 1)
 *     handle_call(:increment, from, 10)
 *     → {:reply, 11, 11}
 *     state 10 → 11
 *     reply 11 → #PID<0.106.0>
 *
 * The first line is the message's arrival (or, when it waited, the moment
 * the server takes it); the body is indented under it. A call made inside
 * a callback to another traced server nests that server's block one step
 * further in. Lines are cut to the output's width. */
#include <stdlib.h>
#include <string.h>

#include "views.h"

static bool traced(Views *v, uint32_t pid)
{
    if (!pid) return false;
    PidInfo *p = views_pid(v, pid);
    return p->traced || (v->trace_all && p->server);
}

/* Prints one line: `indent` spaces, then the text (colour c), cut to the width. */
static void line(Views *v, int indent, Color c, const char *text)
{
    char *cut = text_cut(text, v->width - indent);
    fprintf(v->out, "%*s%s%s%s\n", indent, "", color_on(v->colors, c), cut, color_off(v->colors));
    free(cut);
    v->last_arrival = 0;
}

/* A block's first line: "[t] what" with the time dimmed. */
static void header(Views *v, const GenlabEvent *ev, const char *text)
{
    char t[48];
    views_time(ev->time_us, t, sizeof t);
    int indent = 2 * v->depth;
    char *cut = text_cut(text, v->width - indent - text_width(t) - 1);
    fprintf(v->out, "%*s%s%s%s %s\n", indent, "", color_on(v->colors, COLOR_DIM), t, color_off(v->colors), cut);
    free(cut);
    v->last_arrival = 0;
}

/* A header's message label, cut so that the words around it (sender,
 * mailbox depth) still fit the width: `rest` is their width. A short
 * label is never cut: the message matters more than the depth, which the
 * line's own cut then takes. */
static int header_label_room(Views *v, const GenlabEvent *ev, int rest)
{
    char t[48];
    views_time(ev->time_us, t, sizeof t);
    return v->width - 2 * v->depth - text_width(t) - 1 - rest;
}

static char *header_label(Views *v, const GenlabEvent *ev, const char *label, int rest)
{
    int room = header_label_room(v, ev, rest), width = text_width(label);
    int keep = width < 24 ? width : 24;
    return text_cut(label, room < keep ? keep : room);
}

static int body_indent(Views *v, uint32_t pid) { return 2 * views_pid(v, pid)->level + 2; }

static void begin_block(Views *v, uint32_t pid)
{
    PidInfo *p = views_pid(v, pid);
    p->level = v->depth;
    p->has_header = true;
}

static bool shown_kind(GenlabMessageKind k) { return k != GENLAB_MSG_SYSTEM && k != GENLAB_MSG_ACK; }

static void on_send(Views *v, const GenlabEvent *ev)
{
    uint32_t to = ev->pid, from = ev->other;
    if (!shown_kind(ev->msg_kind)) return;
    /* nothing to print unless one side is traced: no label made */
    if (!traced(v, to) && !(from && traced(v, from))) return;
    char *label = views_message_label(ev->msg_kind, genlab_event_text(ev, GENLAB_EVENT_PAYLOAD));
    PidInfo *r = views_pid(v, to);
    Text t = {0};
    if (traced(v, to) && ev->msg_kind != GENLAB_MSG_REPLY && !r->traced_open) {
        text_addf(&t, "%s → %s: ", views_label(v, from), views_label(v, to));
        char *rest = text_dup(t.s);
        text_addf(&t, " (mailbox %llu)", (unsigned long long)ev->count);
        char *cut = header_label(v, ev, label, text_width(t.s));
        text_free(&t);
        text_addf(&t, "%s%s (mailbox %llu)", rest, cut, (unsigned long long)ev->count);
        free(rest);
        free(cut);
        header(v, ev, t.s);
        begin_block(v, to);
        v->last_arrival = to;
    } else if (from && traced(v, from) && (views_pid(v, from)->traced_open || ev->msg_kind == GENLAB_MSG_REPLY) &&
               ev->msg_kind != GENLAB_MSG_DOWN && ev->msg_kind != GENLAB_MSG_EXIT) {
        /* what a traced server sends while it handles a message, and its reply */
        text_addf(&t, "%s → %s", label, views_label(v, to));
        line(v, body_indent(v, from), COLOR_NONE, t.s);
    } else if (traced(v, to) && r->traced_open && ev->msg_kind != GENLAB_MSG_REPLY) {
        /* it arrives while the server is busy: it waits */
        text_addf(&t, "%s → %s: %s (mailbox %llu, waits)", views_label(v, from), views_label(v, to), label,
                  (unsigned long long)ev->count);
        line(v, body_indent(v, to), COLOR_DIM, t.s);
    }
    text_free(&t);
    free(label);
}

static void on_receive(Views *v, const GenlabEvent *ev)
{
    uint32_t pid = ev->pid;
    if (!traced(v, pid) || !shown_kind(ev->msg_kind)) return;
    PidInfo *p = views_pid(v, pid);
    char *label = views_message_label(ev->msg_kind, genlab_event_text(ev, GENLAB_EVENT_PAYLOAD));
    Text t = {0};
    if (ev->msg_kind == GENLAB_MSG_REPLY && !p->traced_open) {
        /* the answer to a call the library made for it (Logger, ...) */
    } else if (p->traced_open) {
        /* inside a callback: the answer to a call it made, or a receive of its own */
        if (!(ev->msg_kind == GENLAB_MSG_REPLY && traced(v, ev->other))) {
            text_addf(&t, "← %s from %s", label, views_label(v, ev->other));
            line(v, body_indent(v, pid), COLOR_NONE, t.s);
        }
    } else if (v->last_arrival == pid && ev->count == 1) {
        /* it was just announced and is the only one: the arrival line says it */
        v->last_arrival = 0;
    } else {
        unsigned long long before = ev->count, after = ev->count ? ev->count - 1 : 0;
        text_addf(&t, "%s takes %s from %s (mailbox %llu → %llu)", views_label(v, pid), label, views_label(v, ev->other),
                  before, after);
        if (header_label_room(v, ev, 0) < text_width(t.s)) {
            /* too wide: the message is cut, and the sender goes last, where
             * the line's own cut falls */
            text_free(&t);
            text_addf(&t, "%s takes  (mailbox %llu → %llu)", views_label(v, pid), before, after);
            char *cut = header_label(v, ev, label, text_width(t.s));
            text_free(&t);
            text_addf(&t, "%s takes %s (mailbox %llu → %llu) from %s", views_label(v, pid), cut, before, after,
                      views_label(v, ev->other));
            free(cut);
        }
        header(v, ev, t.s);
        begin_block(v, pid);
    }
    text_free(&t);
    free(label);
}

static void on_callback_in(Views *v, const GenlabEvent *ev)
{
    PidInfo *p = views_pid(v, ev->pid);
    if (!traced(v, ev->pid)) return;
    if (!p->has_header) {
        header(v, ev, views_label(v, ev->pid));
        begin_block(v, ev->pid);
    }
    Text t = {0};
    text_addf(&t, "%s(", ev->callback);
    for (int i = 0; i < (int)ev->count; i++) {
        const char *arg = genlab_event_text(ev, i);
        /* a call's `from` is the arrival line's sender */
        if (i == 1 && !strcmp(ev->callback, "handle_call")) arg = "from";
        text_addf(&t, "%s%s", i ? ", " : "", arg ? arg : "");
    }
    text_add(&t, ")");
    line(v, body_indent(v, ev->pid), COLOR_CALLBACK, t.s);
    text_free(&t);
    p->traced_open++;
    v->depth++;
}

/* "state BEFORE → AFTER" in `width` columns: when it does not fit, each side
 * is cut, so that the line still shows what the state became. */
static void state_change(Text *t, int width, const char *before, const char *after)
{
    int room = width - text_width("state  → "), bw = text_width(before), aw = text_width(after);
    if (bw + aw <= room || room < 20) {
        text_addf(t, "state %s → %s", before, after);
        return;
    }
    int a_room = aw < room / 2 ? aw : room / 2;
    int b_room = bw < room - a_room ? bw : room - a_room;
    a_room = room - b_room;
    char *b = text_cut(before, b_room), *a = text_cut(after, a_room);
    text_addf(t, "state %s → %s", b, a);
    free(b);
    free(a);
}

static void on_callback_out(Views *v, const GenlabEvent *ev)
{
    PidInfo *p = views_pid(v, ev->pid);
    if (!p->traced_open) return;
    p->traced_open--;
    if (v->depth > 0) v->depth--;
    int indent = body_indent(v, ev->pid);
    if (ev->count) {
        char *failure = views_failure(ev);
        line(v, indent, COLOR_HINT, failure);
        free(failure);
        if (!p->traced_open) p->has_header = false;
        return;
    }
    const char *result = genlab_event_text(ev, 0), *before = genlab_event_text(ev, 1), *after = genlab_event_text(ev, 2);
    Text t = {0};
    text_addf(&t, "→ %s", result ? result : "");
    line(v, indent, COLOR_NONE, t.s);
    t.len = 0;
    if (after && !before) text_addf(&t, "state %s", after);
    else if (after && ev->same) text_add(&t, "state unchanged");
    else if (after) state_change(&t, v->width - indent, before, after);
    if (t.len) line(v, indent, COLOR_STATE, t.s);
    text_free(&t);
    if (!p->traced_open) p->has_header = false;
}

void trace_view_event(Views *v, const GenlabEvent *ev)
{
    switch (ev->kind) {
    case GENLAB_EVENT_SEND:
        on_send(v, ev);
        break;
    case GENLAB_EVENT_RECEIVE:
        on_receive(v, ev);
        break;
    case GENLAB_EVENT_CALLBACK_IN:
        on_callback_in(v, ev);
        break;
    case GENLAB_EVENT_CALLBACK_OUT:
        on_callback_out(v, ev);
        break;
    case GENLAB_EVENT_TIMER_SET:
        if (ev->pid && traced(v, ev->pid) && views_pid(v, ev->pid)->traced_open) {
            Text t = {0};
            const char *msg = genlab_event_text(ev, 0), *dest = genlab_event_text(ev, 1);
            text_addf(&t, "timer: %s → %s in %llu ms", msg ? msg : "", ev->other ? views_label(v, ev->other) : dest ? dest : "",
                      (unsigned long long)ev->count);
            line(v, body_indent(v, ev->pid), COLOR_NONE, t.s);
            text_free(&t);
        }
        break;
    case GENLAB_EVENT_EXIT:
        if (traced(v, ev->pid)) {
            PidInfo *p = views_pid(v, ev->pid);
            v->depth -= p->traced_open;
            if (v->depth < 0) v->depth = 0;
            p->traced_open = 0;
            p->has_header = false;
            Text t = {0};
            text_addf(&t, "%s exits: %s", views_label(v, ev->pid), genlab_event_text(ev, 0));
            header(v, ev, t.s);
            text_free(&t);
        }
        break;
    default:
        break;
    }
    /* no flush: the views write where the program's output goes (stdout,
     * line-buffered on a terminal, or the lesson player's unbuffered
     * capture), so the order holds without a write per event */
}
