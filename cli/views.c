/* views.c - the teaching views' state: the events core reports, the log
 * diagrams draw from, the hints, and the shell helpers' requests. */
#include "views.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void *xalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fputs("genlab: out of memory\n", stderr);
        abort();
    }
    return p;
}

PidInfo *views_pid_grow(Views *v, uint32_t pid)
{
    size_t n = v->npids ? v->npids : 256;
    while (n <= pid) n *= 2;
    PidInfo *bigger = realloc(v->pids, n * sizeof *bigger);
    if (!bigger) abort();
    memset(bigger + v->npids, 0, (n - v->npids) * sizeof *bigger);
    v->pids = bigger;
    v->npids = n;
    return &v->pids[pid];
}

const char *views_label(Views *v, uint32_t pid)
{
    if (!pid) return "timer";
    PidInfo *p = views_pid(v, pid);
    if (!p->label) {
        char buf[128];
        genlab_pid_label(v->g, pid, buf, sizeof buf);
        p->label = text_dup(buf);
    }
    return p->label;
}

/* A process is named by its registered name, else its pid, followed by
 * its module for a process that has one: "#PID<0.110.0> (Stack)". */
static bool label_is(const char *label, const char *name, const char *module)
{
    size_t n = strlen(name);
    if (strncmp(label, name, n)) return false;
    if (!module || !*module || strncmp(name, "#PID", 4)) return label[n] == 0;
    size_t m = strlen(module);
    return label[n] == ' ' && label[n + 1] == '(' && !strncmp(label + n + 2, module, m) && !strcmp(label + n + 2 + m, ")");
}

static void set_label(Views *v, uint32_t pid, const char *name, const char *module, uint32_t version)
{
    if (!pid || !name || !*name) return;
    /* most events name processes the views know by that name already:
     * by the label's version, without comparing texts, when they had it
     * (only set_label changes a label once it is made) */
    PidInfo *known = views_pid(v, pid);
    if (version && known->label_version == version) return;
    known->label_version = version;
    if (known->label && label_is(known->label, name, module)) return;
    char both[300];
    if (module && *module && !strncmp(name, "#PID", 4)) {
        snprintf(both, sizeof both, "%s (%s)", name, module);
        name = both;
    }
    const char *label = name;
    PidInfo *p = views_pid(v, pid);
    if (p->label && !strcmp(p->label, label)) return;
    /* once named, a process keeps its name in the views (it loses it when
     * it exits, before the messages about its exit are drawn) */
    if (p->label && strncmp(p->label, "#PID", 4) && !strncmp(label, "#PID", 4)) return;
    free(p->label);
    p->label = text_dup(label);
    for (size_t i = 0; i < v->nnames; i++)
        if (!strcmp(v->names[i], label)) p->traced = true;
}

void views_time(uint64_t time_us, char *buf, size_t size)
{
    /* whole milliseconds: work moves the clock by microseconds, which
     * would only clutter the views */
    snprintf(buf, size, "[%llu ms]", (unsigned long long)(time_us / 1000));
}

char *views_failure(const GenlabEvent *ev)
{
    static const char *const how[] = {"", "raised", "exited", "threw"};
    Text t = {0};
    text_addf(&t, "%s %s", how[ev->count <= 3 ? ev->count : 0], genlab_event_text(ev, 0));
    return t.s;
}

char *views_message_label(GenlabMessageKind kind, const char *payload)
{
    static const char *const prefix[] = {"", "call ", "cast ", "reply ", "system ", "EXIT ", "DOWN ", "ack "};
    Text t = {0};
    text_add(&t, prefix[kind]);
    text_add(&t, payload ? payload : "");
    return t.s;
}

void views_hint(Views *v, const char *fmt, ...)
{
    if (!v->hints) return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* the same hint twice in one input says nothing new */
    if (v->hints_pending.s && strstr(v->hints_pending.s, buf)) return;
    text_addf(&v->hints_pending, "%shint: %s%s\n", color_on(v->colors, COLOR_HINT), buf, color_off(v->colors));
}

void views_flush_hints(Views *v)
{
    if (!v->hints_pending.len) return;
    fputs(v->hints_pending.s, v->out);
    v->hints_pending.len = 0;
    v->hints_pending.s[0] = 0;
    fflush(v->out);
}

/* ---- the log ---------------------------------------------------------------- */

static void logged_free(Views *v, Logged *l)
{
    free(l->text);
    genlab_kept_free(v->g, l->a);
    genlab_kept_free(v->g, l->b);
}

/* Adds an entry with its text, or with the terms it is made of (a, b). */
static void log_add(Views *v, const GenlabEvent *ev, char *text, GenlabKept *a, GenlabKept *b)
{
    if (v->log_len == VIEWS_LOG_SIZE) {
        logged_free(v, &v->log[v->log_first]);
        v->log_first = (v->log_first + 1) % VIEWS_LOG_SIZE;
        v->log_len--;
    }
    Logged *l = &v->log[(v->log_first + v->log_len++) % VIEWS_LOG_SIZE];
    *l = (Logged){ev->kind, ev->msg_kind, ev->time_us, ev->pid, ev->other, text, a, b};
}

const char *views_logged_text(Views *v, Logged *l)
{
    if (l->text) return l->text;
    if (l->kind == GENLAB_EVENT_SEND) {
        l->text = views_message_label(l->msg_kind, genlab_kept_text(v->g, l->a));
    } else {
        /* a state change */
        const char *before = genlab_kept_text(v->g, l->a), *after = genlab_kept_text(v->g, l->b);
        Text t = {0};
        if (before) text_addf(&t, "state %s → %s", before, after ? after : "");
        else text_addf(&t, "state %s", after ? after : "");
        l->text = t.s;
    }
    genlab_kept_free(v->g, l->a);
    genlab_kept_free(v->g, l->b);
    l->a = l->b = NULL;
    return l->text;
}

/* What diagrams show: messages, spawns, state changes, exits; not :sys's
 * messages, nor the start protocol's acknowledgement (the spawn says it),
 * nor what the library's own processes (supervisors, Logger) exchange. */
static void log_event(Views *v, const GenlabEvent *ev)
{
    if (ev->pid) views_pid(v, ev->pid)->library = ev->library;
    bool library = (ev->pid && views_pid(v, ev->pid)->library) || (ev->other && views_pid(v, ev->other)->library);
    switch (ev->kind) {
    case GENLAB_EVENT_SEND:
        if (ev->msg_kind == GENLAB_MSG_SYSTEM || ev->msg_kind == GENLAB_MSG_ACK || library) return;
        log_add(v, ev, NULL, genlab_event_keep(ev, GENLAB_EVENT_PAYLOAD), NULL);
        break;
    case GENLAB_EVENT_SPAWN:
        if (ev->other && !library) log_add(v, ev, text_dup("spawn"), NULL, NULL);
        break;
    case GENLAB_EVENT_CALLBACK_OUT: {
        if (ev->count) {
            log_add(v, ev, views_failure(ev), NULL, NULL);
            return;
        }
        /* a supervisor's state is its own business */
        if (ev->same || ev->library) return;
        GenlabKept *after = genlab_event_keep(ev, 2);
        if (after) log_add(v, ev, NULL, genlab_event_keep(ev, 1), after);
        break;
    }
    case GENLAB_EVENT_EXIT:
        log_add(v, ev, text_dup(genlab_event_text(ev, 0)), NULL, NULL);
        break;
    default:
        break;
    }
}

/* ---- hints ------------------------------------------------------------------- */

static void hints_event(Views *v, const GenlabEvent *ev)
{
    PidInfo *p = ev->pid ? views_pid(v, ev->pid) : NULL;
    switch (ev->kind) {
    case GENLAB_EVENT_SEND:
        p->mailbox = ev->count;
        if (ev->msg_kind == GENLAB_MSG_CALL && ev->other) views_pid(v, ev->other)->calling = ev->pid;
        if (ev->msg_kind == GENLAB_MSG_REPLY) p->calling = 0;
        /* a mailbox that reaches 100, 1000, 10000 ... messages */
        if (p->server && ev->count >= 100 && ev->count > p->mailbox_hinted * 10 && ev->count % 100 == 0) {
            size_t level = 100;
            while (level * 10 <= ev->count) level *= 10;
            if (ev->count == level) {
                p->mailbox_hinted = level;
                views_hint(v, "%s's mailbox holds %zu messages and keeps growing: they arrive faster than it handles them.",
                           views_label(v, ev->pid), ev->count);
            }
        }
        break;
    case GENLAB_EVENT_RECEIVE:
        p->mailbox = ev->count ? ev->count - 1 : 0;
        if (ev->msg_kind == GENLAB_MSG_REPLY || ev->msg_kind == GENLAB_MSG_DOWN) p->calling = 0;
        break;
    case GENLAB_EVENT_TIMEOUT: {
        /* a call that timed out while its server is still in a callback */
        uint32_t server = p->calling;
        if (!server) break;
        p->calling = 0;
        PidInfo *s = views_pid(v, server);
        if (!s->open || !s->open_callback[0]) break;
        if (!s->open_desc) {
            const char *arg = genlab_kept_text(v->g, s->open_arg);
            Text t = {0};
            text_addf(&t, "%s(%s, ...)", s->open_callback, arg ? arg : "");
            s->open_desc = t.s;
        }
        char since[48];
        views_time(s->open_since, since, sizeof since);
        size_t waiting = s->mailbox;
        /* "[12 ms]" without its brackets */
        since[strlen(since) - 1] = 0;
        char behind[64] = "nothing waits behind it";
        if (waiting)
            snprintf(behind, sizeof behind, "%zu message%s behind it", waiting, waiting == 1 ? " waits" : "s wait");
        views_hint(v, "the call from %s timed out: %s is still in %s since %s; %s.", views_label(v, ev->pid),
                   views_label(v, server), s->open_desc, since + 1, behind);
        break;
    }
    case GENLAB_EVENT_CALLBACK_OUT: {
        /* (both hints read the state as text: rendered only for them) */
        if (!v->hints) break;
        const char *after = genlab_event_text(ev, 2);
        if (!after || ev->count) break;
        if (!strcmp(ev->callback, "handle_cast") && ev->same && !p->cast_hinted) {
            p->cast_hinted = true;
            views_hint(v, "%s's handle_cast returned the state unchanged (%s): a cast gets no reply, so the new state is its only effect.",
                       views_label(v, ev->pid), after);
        }
        size_t len = strlen(after);
        if (strcmp(ev->callback, "init") && len > p->state_len) p->growth++;
        else p->growth = 0;
        p->state_len = len;
        if (p->growth == 20 && !p->growth_hinted) {
            p->growth_hinted = true;
            views_hint(v, "%s's state grew with each of its last 20 messages (now %zu characters as text): does anything remove what it adds?",
                       views_label(v, ev->pid), len);
        }
        break;
    }
    case GENLAB_EVENT_UNEXPECTED:
        views_hint(v, "%s has no handle_info/2 clause for %s: GenServer's default handle_info logged it and dropped it.",
                   views_label(v, ev->pid), genlab_event_text(ev, 0));
        break;
    default:
        break;
    }
}

/* ---- the sink ---------------------------------------------------------------- */

/* Answers to :sys requests (:sys.get_state, suspend, the helpers' own)
 * are the system's business, not the learner's: they are marked as such.
 * A server answers them outside its callbacks, while a call's reply comes
 * right after its handle_call returned one. */
static GenlabMessageKind effective_kind(Views *v, const GenlabEvent *ev)
{
    GenlabMessageKind k = ev->msg_kind;
    if (ev->kind == GENLAB_EVENT_SEND && k == GENLAB_MSG_SYSTEM) {
        views_pid(v, ev->pid)->sys_pending++;
        if (ev->other) views_pid(v, ev->other)->sys_waiting++;
    } else if (ev->kind == GENLAB_EVENT_SEND && k == GENLAB_MSG_REPLY && ev->other) {
        PidInfo *s = views_pid(v, ev->other);
        if (s->expect_reply) s->expect_reply = false;
        else if (s->sys_pending && !s->open) {
            s->sys_pending--;
            return GENLAB_MSG_SYSTEM;
        }
    } else if (ev->kind == GENLAB_EVENT_RECEIVE && k == GENLAB_MSG_REPLY) {
        PidInfo *p = views_pid(v, ev->pid);
        if (p->sys_waiting && !p->open) {
            p->sys_waiting--;
            return GENLAB_MSG_SYSTEM;
        }
    } else if (ev->kind == GENLAB_EVENT_CALLBACK_OUT && !strcmp(ev->callback, "handle_call")) {
        views_pid(v, ev->pid)->expect_reply = genlab_event_tagged(ev, 0, "reply") || genlab_event_tagged(ev, 0, "stop");
    }
    return k;
}

static void on_event(void *ctx, const GenlabEvent *event)
{
    Views *v = ctx;
    GenlabEvent copy = *event;
    copy.msg_kind = effective_kind(v, event);
    const GenlabEvent *ev = &copy;
    set_label(v, ev->pid, ev->pid_label, ev->module, ev->pid_label_version);
    set_label(v, ev->other, ev->other_label, ev->other_module, ev->other_label_version);
    if (ev->kind == GENLAB_EVENT_CALLBACK_IN) {
        PidInfo *p = views_pid(v, ev->pid);
        p->server = !ev->library;
        if (!p->open) {
            /* what a timed-out call's hint names, made if it is given */
            free(p->open_desc);
            p->open_desc = NULL;
            genlab_kept_free(v->g, p->open_arg);
            p->open_arg = genlab_event_keep(ev, 0);
            size_t n = strnlen(ev->callback, sizeof p->open_callback - 1);
            memcpy(p->open_callback, ev->callback, n);
            p->open_callback[n] = 0;
            p->open_since = ev->time_us;
        }
    }
    trace_view_event(v, ev);
    hints_event(v, ev);
    log_event(v, ev);
    if (ev->kind == GENLAB_EVENT_CALLBACK_IN) views_pid(v, ev->pid)->open++;
    if (ev->kind == GENLAB_EVENT_CALLBACK_OUT && views_pid(v, ev->pid)->open > 0) views_pid(v, ev->pid)->open--;
    if (ev->kind == GENLAB_EVENT_TIMER_FIRE && v->advancing) {
        char t[48];
        views_time(ev->time_us, t, sizeof t);
        const char *msg = genlab_event_text(ev, 0), *dest = genlab_event_text(ev, 1);
        fprintf(v->out, "%s%s%s timer fires: %s → %s\n", color_on(v->colors, COLOR_DIM), t, color_off(v->colors), msg ? msg : "",
                ev->other ? views_label(v, ev->other) : dest ? dest : "");
    }
    if (ev->kind == GENLAB_EVENT_EXIT && ev->pid < v->npids) {
        PidInfo *p = &v->pids[ev->pid];
        p->open = 0;
        p->calling = 0;
    }
}

/* ---- requests from the shell's helpers ----------------------------------------- */

static void say(Views *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(Views *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(v->out, fmt, ap);
    va_end(ap);
    fputc('\n', v->out);
}

void views_on_view(void *ctx, Genlab *g, const GenlabView *r)
{
    Views *v = ctx;
    (void)g;
    const char *w = r->what;
    /* whatever this view prints comes between an arrival line and the
     * message's handling, so that handling gets a header of its own */
    v->last_arrival = 0;
    if (r->pid) set_label(v, r->pid, r->label, r->module, 0);
    const char *label = r->pid ? views_label(v, r->pid) : "";
    if (!strcmp(w, "trace") || !strcmp(w, "untrace")) {
        bool on = !strcmp(w, "trace");
        if (!r->pid) {
            v->trace_all = on;
            if (!on)
                for (size_t i = 0; i < v->npids; i++) v->pids[i].traced = false;
            say(v, on ? "Tracing every GenServer." : "Tracing nothing.");
        } else {
            views_pid(v, r->pid)->traced = on;
            say(v, on ? "Tracing %s: each message it handles prints below." : "No longer tracing %s.", label);
        }
    } else if (!strcmp(w, "mailbox")) {
        table_mailbox(v, r->pid);
    } else if (!strcmp(w, "processes")) {
        table_processes(v);
    } else if (!strcmp(w, "tree")) {
        table_tree(v, r->rows, r->nrows);
    } else if (!strcmp(w, "diagram")) {
        diagram_print(v, r->arg, r->pid, (long)r->n);
    } else if (!strcmp(w, "hints")) {
        v->hints = r->n != 0;
        say(v, v->hints ? "Hints on." : "Hints off.");
    } else if (!strcmp(w, "pause")) {
        views_pid(v, r->pid)->traced = true;
        say(v, "%s is paused: messages sent to it wait in its mailbox; step/1 lets one through, resume/1 all.", label);
    } else if (!strcmp(w, "step")) {
        if (r->n < 0) say(v, "%s is not paused: pause/1 holds its messages first.", label);
        else if (r->n == 0) say(v, "%s has no message waiting: nothing to step.", label);
        else if (!strcmp(r->arg, "begin")) views_pid(v, r->pid)->traced = true;
        else table_mailbox(v, r->pid);
    } else if (!strcmp(w, "resume")) {
        if (r->n == 0) say(v, "%s runs again.", label);
        else say(v, "%s runs again: %lld waiting message%s through.", label, r->n, r->n == 1 ? " goes" : "s go");
    } else if (!strcmp(w, "advance")) {
        if (!strcmp(r->arg, "begin")) {
            char t[48];
            views_time(genlab_clock_us(v->g), t, sizeof t);
            say(v, "%s%s%s advancing the clock by %lld ms", color_on(v->colors, COLOR_DIM), t, color_off(v->colors), r->n);
            v->advancing = true;
        } else {
            char t[48];
            views_time(genlab_clock_us(v->g), t, sizeof t);
            say(v, "%s%s%s now", color_on(v->colors, COLOR_DIM), t, color_off(v->colors));
            v->advancing = false;
        }
    }
    fflush(v->out);
}

/* ---- installing ------------------------------------------------------------------ */

Views *views_install(Genlab *g, const ViewsOptions *o)
{
    Views *v = xalloc(sizeof *v);
    v->g = g;
    v->out = o->out;
    v->colors = o->colors;
    v->width = o->width;
    v->hints = o->hints;
    v->log = xalloc(VIEWS_LOG_SIZE * sizeof *v->log);
    views_attach(v);
    return v;
}

void views_attach(Views *v)
{
    genlab_set_sink(v->g, on_event, v);
    genlab_set_view_handler(v->g, views_on_view, v);
}

void views_trace_names(Views *v, const char *names)
{
    if (!names || !*names) {
        v->trace_all = true;
        return;
    }
    const char *s = names;
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        if (n) {
            v->names = realloc(v->names, (v->nnames + 1) * sizeof *v->names);
            char *name = xalloc(n + 1);
            memcpy(name, s, n);
            v->names[v->nnames++] = name;
        }
        s += n + (comma ? 1 : 0);
    }
}

void views_remove(Views *v)
{
    if (!v) return;
    genlab_set_sink(v->g, NULL, NULL);
    genlab_set_view_handler(v->g, NULL, NULL);
    views_flush_hints(v);
    for (size_t i = 0; i < v->npids; i++) {
        free(v->pids[i].label);
        free(v->pids[i].open_desc);
        genlab_kept_free(v->g, v->pids[i].open_arg);
    }
    free(v->pids);
    for (size_t i = 0; i < v->log_len; i++) logged_free(v, &v->log[(v->log_first + i) % VIEWS_LOG_SIZE]);
    free(v->log);
    for (size_t i = 0; i < v->nnames; i++) free(v->names[i]);
    free(v->names);
    text_free(&v->hints_pending);
    free(v);
}
