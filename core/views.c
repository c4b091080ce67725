/* views.c - what genlab.h promises the teaching views: trace events handed
 * to the cli's sink (terms rendered on demand), view requests from the
 * shell's helpers, and the queries (processes, mailboxes). Also the
 * natives those helpers and the GenServer loop call (:genlab.gen_trace/5,
 * :genlab.view/4, :genlab.clock/1). */
#include "genlab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "fatal.h"
#include "inspect.h"
#include "map.h"
#include "module.h"
#include "native.h"
#include "runtime.h"
#include "sched.h"
#include "trace.h"
#include "views.h"
#include "vm.h"

/* What the views know of an atom: its inspect text, and whether the module
 * it names is the library's own (as of a module generation). */
typedef struct AtomInfo {
    char *label;
    uint32_t library_generation; /* 0: not known yet */
    bool library;
} AtomInfo;

/* A runtime's side of the views: where its events and view requests go,
 * and what labelling them needs, made once rather than per event. */
/* A process's labels as the last event named it (see labels_of). */
typedef struct LabelCache {
    uint32_t serial;
    Term name, dictionary, initial_call; /* what they were made of */
    Term module;                         /* process_module's answer */
    uint32_t version;                    /* GenlabEvent's label version: new when made again */
    char label[128], module_label[128];
} LabelCache;

typedef struct ViewsState {
    GenlabSink sink;
    void *sink_ctx;
    GenlabViewHandler view_handler;
    void *view_ctx;
    Genlab *runtime;          /* the handle the handler is given */
    bool clock_frozen;        /* clock(:frozen): the wall time between prompts does not count */
    Process *running_process; /* the process whose helper asked for the view being drawn */
    AtomInfo *atoms;          /* by atom index, grown on demand */
    size_t natoms;
    Term initial_call, supervisor, init, elixir_supervisor, gen_call, gen_cast, system, ack, alias, handle_call;
    LabelCache labels[64];    /* by pid serial modulo 64: see labels_of */
    uint32_t label_versions;  /* the last LabelCache.version given */
    struct GenlabKept *kept;       /* those in use, which a scan must see (views_visit_kept_words) */
    struct GenlabKept *spare_kept; /* freed ones, for the next (see genlab_event_keep) */
    size_t nspare_kept;
} ViewsState;

static ViewsState *views_state_create(void);

/* The active runtime's views state, made on first use (inline: every
 * event asks). */
static inline ViewsState *views_state(void)
{
    return rt->views ? rt->views : views_state_create();
}

static ViewsState *views_state_create(void)
{
    ViewsState *vs = rt->views = xcalloc(1, sizeof *rt->views);
    vs->initial_call = atom_from_cstr("$initial_call");
    vs->supervisor = atom_from_cstr("supervisor");
    vs->init = atom_from_cstr("init");
    vs->elixir_supervisor = atom_from_cstr("Elixir.Supervisor");
    vs->gen_call = atom_from_cstr("$gen_call");
    vs->gen_cast = atom_from_cstr("$gen_cast");
    vs->system = atom_from_cstr("system");
    vs->ack = atom_from_cstr("ack");
    vs->alias = atom_from_cstr("alias");
    vs->handle_call = atom_from_cstr("handle_call");
    return vs;
}

static void kept_spares_free(ViewsState *vs);

void views_state_free(void)
{
    ViewsState *vs = rt->views;
    if (vs) {
        for (size_t i = 0; i < vs->natoms; i++) free(vs->atoms[i].label);
        free(vs->atoms);
        kept_spares_free(vs);
        free(vs);
    }
    rt->views = NULL;
    trace_state_free();
}

static AtomInfo *atom_info(ViewsState *vs, Term atom)
{
    size_t i = atom_index(atom);
    if (i >= vs->natoms) {
        size_t n = vs->natoms ? vs->natoms : 1024;
        while (n <= i) n *= 2;
        vs->atoms = xrealloc(vs->atoms, n * sizeof *vs->atoms);
        memset(vs->atoms + vs->natoms, 0, (n - vs->natoms) * sizeof *vs->atoms);
        vs->natoms = n;
    }
    return &vs->atoms[i];
}

/* ---- labels -------------------------------------------------------------------- */

/* An atom as inspect shows it (Counter, :server), kept: events name the
 * same few processes and modules over and over. */
static const char *atom_label_text(ViewsState *vs, Term atom)
{
    AtomInfo *a = atom_info(vs, atom);
    if (!a->label) {
        size_t n;
        a->label = inspect_atom_cstring(atom, ATOM_AS_LITERAL, &n);
    }
    return a->label;
}

/* Copies n bytes of s into buf (size > 0) as a C string, cut to fit.
 * Labels are made for every event: no printf. */
static void copy_bytes(char *buf, size_t size, const char *s, size_t n)
{
    if (n >= size) n = size - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
}

static void copy_text(char *buf, size_t size, const char *s) { copy_bytes(buf, size, s, strlen(s)); }

static void atom_label(ViewsState *vs, Term atom, char *buf, size_t size)
{
    copy_text(buf, size, atom_label_text(vs, atom));
}

static void pid_label(ViewsState *vs, uint32_t pid, char *buf, size_t size)
{
    Process *p = pid ? process_find(pid) : NULL;
    if (p && p->registered_name != ATOM_nil) {
        atom_label(vs, p->registered_name, buf, size);
    } else if (pid) {
        char text[32], digits[12];
        size_t n = 0;
        for (uint32_t v = pid; v; v /= 10) digits[n++] = (char)('0' + v % 10);
        memcpy(text, "#PID<0.", 7);
        size_t k = 7;
        while (n) text[k++] = digits[--n];
        memcpy(text + k, ".0>", 4);
        copy_text(buf, size, text);
    } else {
        buf[0] = 0;
    }
}

void genlab_pid_label(Genlab *g, uint32_t pid, char *buf, size_t size)
{
    runtime_enter(g);
    pid_label(views_state(), pid, buf, size);
}

/* The module a process runs: a GenServer's callback module (proc_lib
 * keeps it in $initial_call), else the module of its first function. */
static Term process_module(ViewsState *vs, const Process *p)
{
    if (term_is_map(p->dictionary)) {
        Term ic = map_get(p->dictionary, vs->initial_call);
        /* a supervisor's is {:supervisor, Module, 1} once it runs */
        if (ic != TERM_NONE && term_is_tuple(ic) && tuple_size(ic) == 3 && tuple_get(ic, 0) == vs->supervisor)
            return tuple_get(ic, 1) == vs->init ? vs->elixir_supervisor : tuple_get(ic, 1);
        if (ic != TERM_NONE && term_is_tuple(ic) && tuple_size(ic) == 3) return tuple_get(ic, 0);
    }
    if (term_is_tuple(p->initial_call) && tuple_size(p->initial_call) == 3) return tuple_get(p->initial_call, 0);
    return ATOM_nil;
}

static void module_text(ViewsState *vs, Term m, char *buf, size_t size)
{
    /* a fun's module is a shell input's or a script's: no module to name */
    if (m == ATOM_nil || !strncmp(atom_text(m), "elixir_compiler_", 16)) buf[0] = 0;
    else atom_label(vs, m, buf, size);
}

static void module_label(ViewsState *vs, const Process *p, char *buf, size_t size)
{
    module_text(vs, p ? process_module(vs, p) : ATOM_nil, buf, size);
}

/* ---- events -------------------------------------------------------------------- */

typedef struct EventTexts {
    const TraceEvent *ev;
    char *text[4];
    bool done[4];
} EventTexts;

static char *render(Term t)
{
    InspectOpts o;
    inspect_opts_default(&o);
    o.limit = 25;
    o.printable_limit = 200;
    return inspect_to_cstring(t, &o, NULL);
}

static bool is_ref_tag(ViewsState *vs, Term t)
{
    if (term_is_ref(t)) return true;
    /* [:alias | ref], the tag of an OTP 25 call */
    return term_is_cons(t) && cons_head(t) == vs->alias && term_is_ref(cons_tail(t));
}

/* What a message is, by the protocol it follows, and where its payload is. */
static GenlabMessageKind classify(ViewsState *vs, Term msg, Term *payload)
{
    *payload = msg;
    if (!term_is_tuple(msg)) return GENLAB_MSG_INFO;
    size_t n = tuple_size(msg);
    Term tag = tuple_get(msg, 0);
    if (n == 3 && tag == vs->gen_call) {
        *payload = tuple_get(msg, 2);
        return GENLAB_MSG_CALL;
    }
    if (n == 2 && tag == vs->gen_cast) {
        *payload = tuple_get(msg, 1);
        return GENLAB_MSG_CAST;
    }
    if (n == 2 && is_ref_tag(vs, tag)) {
        *payload = tuple_get(msg, 1);
        return GENLAB_MSG_REPLY;
    }
    if (n == 3 && tag == vs->system) {
        *payload = tuple_get(msg, 2);
        return GENLAB_MSG_SYSTEM;
    }
    if (n == 3 && tag == ATOM_EXIT) {
        *payload = tuple_get(msg, 2);
        return GENLAB_MSG_EXIT;
    }
    if (n == 5 && tag == ATOM_DOWN) {
        *payload = tuple_get(msg, 4);
        return GENLAB_MSG_DOWN;
    }
    if (n == 3 && tag == vs->ack) {
        *payload = tuple_get(msg, 2);
        return GENLAB_MSG_ACK;
    }
    return GENLAB_MSG_INFO;
}

/* The term genlab_event_text(ev, i) renders, or TERM_NONE. */
static Term event_term(const EventTexts *t, int i)
{
    Term term = TERM_NONE;
    if (i == GENLAB_EVENT_PAYLOAD) {
        if (t->ev->terms[0] != TERM_NONE) classify(rt->views, t->ev->terms[0], &term);
    } else if (i >= 0 && (uint32_t)i < t->ev->nterms) {
        term = t->ev->terms[i];
    }
    return term;
}

const char *genlab_event_text(const GenlabEvent *gev, int i)
{
    EventTexts *t = (EventTexts *)gev->internal;
    if (i < 0 || i > GENLAB_EVENT_PAYLOAD) return NULL;
    if (!t->done[i]) {
        t->done[i] = true;
        Term term = event_term(t, i);
        if (term != TERM_NONE) t->text[i] = render(term);
    }
    return t->text[i];
}

bool genlab_event_tagged(const GenlabEvent *gev, int i, const char *tag)
{
    if (i < 0 || i > GENLAB_EVENT_PAYLOAD) return false;
    Term term = event_term((const EventTexts *)gev->internal, i);
    return term_is_tuple(term) && tuple_size(term) >= 2 && term_is_atom(tuple_get(term, 0)) &&
           !strcmp(atom_text(tuple_get(term, 0)), tag);
}

/* A term kept for later: a copy in a heap of its own, or its text when
 * that was rendered already. */
struct GenlabKept {
    Heap heap;
    Term term;
    char *text;
    struct GenlabKept *prev, *next; /* in ViewsState.kept while in use */
    struct GenlabKept *next_spare; /* in ViewsState.spare_kept once freed */
};

/* How many freed GenlabKept wait for reuse: a traced call keeps and
 * frees about five (its messages, its state before and after), which
 * would otherwise be as many mallocs and frees. */
#define SPARE_KEPT_MAX 64

static void kept_spares_free(ViewsState *vs)
{
    while (vs->spare_kept) {
        GenlabKept *k = vs->spare_kept;
        vs->spare_kept = k->next_spare;
        free(k);
    }
}

GenlabKept *genlab_event_keep(const GenlabEvent *gev, int i)
{
    EventTexts *t = (EventTexts *)gev->internal;
    if (i < 0 || i > GENLAB_EVENT_PAYLOAD) return NULL;
    if (t->done[i] && !t->text[i]) return NULL;
    Term term = t->done[i] ? TERM_NONE : event_term(t, i);
    if (!t->done[i] && term == TERM_NONE) return NULL;
    ViewsState *vs = views_state();
    GenlabKept *k = vs->spare_kept;
    if (k) {
        vs->spare_kept = k->next_spare;
        vs->nspare_kept--;
        memset(k, 0, sizeof *k);
    } else {
        k = xcalloc(1, sizeof *k);
    }
    heap_init(&k->heap, 0);
    if (t->done[i]) k->text = xstrndup(t->text[i], strlen(t->text[i]));
    else k->term = term_copy(&k->heap, term);
    k->next = vs->kept;
    if (vs->kept) vs->kept->prev = k;
    vs->kept = k;
    return k;
}

void views_visit_kept_words(HeapWordsVisit visit, void *ctx)
{
    if (!rt->views) return;
    for (GenlabKept *k = rt->views->kept; k; k = k->next) {
        heap_visit_words(&k->heap, visit, ctx);
        visit(ctx, &k->term, 1);
    }
}

const char *genlab_kept_text(Genlab *g, GenlabKept *k)
{
    if (!k) return NULL;
    if (!k->text) {
        runtime_enter(g);
        k->text = render(k->term);
        /* the text is all that is needed from now on */
        heap_release(&k->heap);
        heap_init(&k->heap, 0);
        k->term = TERM_NIL;
    }
    return k->text;
}

void genlab_kept_free(Genlab *g, GenlabKept *k)
{
    if (!k) return;
    runtime_enter(g);
    heap_release(&k->heap);
    free(k->text);
    ViewsState *vs = views_state();
    if (k->prev) k->prev->next = k->next;
    else if (vs->kept == k) vs->kept = k->next;
    if (k->next) k->next->prev = k->prev;
    if (vs->nspare_kept < SPARE_KEPT_MAX) {
        k->next_spare = vs->spare_kept;
        vs->spare_kept = k;
        vs->nspare_kept++;
        return;
    }
    free(k);
}

/* Whether a process's module is the library's own (a supervisor, an
 * Agent, a Registry): trace(:all) leaves those out. */
static bool library_module(ViewsState *vs, Term m)
{
    if (m == ATOM_nil) return false;
    if (m == vs->elixir_supervisor) return true;
    AtomInfo *a = atom_info(vs, m);
    /* known until a module is defined or redefined */
    if (a->library_generation != rt->module_generation + 1) {
        const Module *mod = module_lookup(m);
        a->library = mod && mod->file && !strncmp(mod->file, "core/lib/", 9);
        a->library_generation = rt->module_generation + 1;
    }
    return a->library;
}

/* The labels of process `serial` (p, or NULL when it is gone) for an
 * event: made again only when what they are made of changed (a name
 * registered, the dictionary where proc_lib keeps $initial_call), as
 * most events name the same few processes. */
static const LabelCache *labels_of(ViewsState *vs, uint32_t serial, const Process *p)
{
    LabelCache *c = &vs->labels[serial % 64];
    Term name = p ? p->registered_name : ATOM_nil, dictionary = p ? p->dictionary : TERM_NIL;
    Term initial_call = p ? p->initial_call : ATOM_nil;
    if (c->serial == serial && c->name == name && c->dictionary == dictionary && c->initial_call == initial_call)
        return c;
    c->serial = serial;
    c->name = name;
    c->dictionary = dictionary;
    c->initial_call = initial_call;
    pid_label(vs, serial, c->label, sizeof c->label);
    if (++vs->label_versions == 0) vs->label_versions = 1;
    c->version = vs->label_versions;
    c->module = p ? process_module(vs, p) : ATOM_nil;
    module_text(vs, c->module, c->module_label, sizeof c->module_label);
    return c;
}

static void adapt(void *ctx, const TraceEvent *ev)
{
    ViewsState *vs = ctx;
    char callback[128];
    Process *p = ev->pid ? process_find(ev->pid) : NULL, *other = ev->other ? process_find(ev->other) : NULL;
    const LabelCache *pl = labels_of(vs, ev->pid, p);
    const char *pid_text = pl->label, *module = pl->module_label;
    Term pid_module = pl->module;
    uint32_t pid_version = pl->version;
    char pid_copy[128], module_copy[128];
    if (ev->other != ev->pid && ev->other % 64 == ev->pid % 64) {
        /* the other's labels take the pid's slot: the pid's are copied */
        memcpy(pid_copy, pl->label, strlen(pl->label) + 1);
        memcpy(module_copy, pl->module_label, strlen(pl->module_label) + 1);
        pid_text = pid_copy;
        module = module_copy;
    }
    const LabelCache *ol = labels_of(vs, ev->other, other);
    const char *other_text = ol->label, *other_module = ol->module_label;
    callback[0] = 0;
    if (ev->name != ATOM_nil) copy_bytes(callback, sizeof callback, atom_text(ev->name), atom_length(ev->name));
    EventTexts texts = {.ev = ev};
    GenlabEvent g = {
        .kind = (GenlabEventKind)ev->kind, .seq = ev->seq, .time_us = ev->time_us,
        .pid = ev->pid, .other = ev->other, .pid_label = pid_text, .other_label = other_text,
        .module = module, .other_module = other_module, .pid_label_version = pid_version,
        .other_label_version = ol->version, .callback = callback, .msg_kind = GENLAB_MSG_INFO,
        .count = ev->count, .ref = ev->ref, .same = ev->same, .internal = &texts,
        /* a process being spawned runs :proc_lib's code, not yet its own */
        .library = ev->pid && ev->kind != TRACE_SPAWN && library_module(vs, pid_module),
    };
    if ((ev->kind == TRACE_SEND || ev->kind == TRACE_RECEIVE) && ev->terms[0] != TERM_NONE) {
        Term payload;
        g.msg_kind = classify(vs, ev->terms[0], &payload);
    }
    if (vs->sink) vs->sink(vs->sink_ctx, &g);
    for (int i = 0; i < 4; i++)
        if (texts.text[i]) free(texts.text[i]); /* (most events render none) */
}

void genlab_set_sink(Genlab *g, GenlabSink sink, void *ctx)
{
    runtime_enter(g);
    ViewsState *vs = views_state();
    vs->runtime = g;
    vs->sink = sink;
    vs->sink_ctx = ctx;
    trace_set_sink(sink ? adapt : NULL, vs);
}

void genlab_set_view_handler(Genlab *g, GenlabViewHandler handler, void *ctx)
{
    runtime_enter(g);
    ViewsState *vs = views_state();
    vs->runtime = g;
    vs->view_handler = handler;
    vs->view_ctx = ctx;
}

uint64_t genlab_clock_us(const Genlab *g)
{
    runtime_enter(g);
    return clock_now_us();
}

void genlab_set_cpu_ns(Genlab *g, double ns)
{
    runtime_enter(g);
    sched_set_cpu_ps(ns <= 0 ? 0 : (uint64_t)(ns * 1000.0 + 0.5));
}

bool genlab_clock_is_frozen(const Genlab *g)
{
    runtime_enter(g);
    return rt->views && rt->views->clock_frozen;
}

/* ---- queries -------------------------------------------------------------------- */

/* The function a process is in, as a learner thinks of it: the innermost
 * frame outside the library (a callback rather than GenServer's loop),
 * else the innermost. */
static void current_function(const Process *p, char *buf, size_t size)
{
    const VmState *vm = p->vm;
    const Function *f = vm ? vm->fn : NULL;
    if (f && f->file && strncmp(f->file, "core/lib/", 9) == 0) {
        for (size_t i = vm->nframes; i-- > 0;) {
            const Function *c = vm->frames[i].fn;
            if (c && c->file && strncmp(c->file, "core/lib/", 9) != 0 && c->name != atom_from_cstr("__top__")) {
                f = c;
                break;
            }
        }
    }
    if (!f) {
        snprintf(buf, size, "%s", "");
        return;
    }
    if (!strncmp(atom_text(f->module), "elixir_compiler_", 16)) {
        /* the code of a script or of a shell input */
        snprintf(buf, size, "%s", "(top level)");
        return;
    }
    char mod[128], name[128];
    atom_label(views_state(), f->module, mod, sizeof mod);
    size_t n;
    char *s = inspect_atom_cstring(f->name, ATOM_AS_REMOTE_CALL, &n);
    snprintf(name, sizeof name, "%s", s);
    free(s);
    snprintf(buf, size, "%s.%s/%u", mod, name, f->arity);
}

static bool is_paused(const Process *p)
{
    /* :sys.suspend parks a server in :sys's suspend loop */
    const VmState *vm = p->vm;
    if (!vm || !vm->fn || p->status != PROC_WAITING) return false;
    for (size_t i = vm->nframes + 1; i-- > 0;) {
        const Function *f = i == vm->nframes ? vm->fn : vm->frames[i].fn;
        if (f && f->module == atom_from_cstr("Elixir.GenServer") && f->name == atom_from_cstr("__held__")) return true;
        if (f && f->module == atom_from_cstr("sys") && f->name == atom_from_cstr("suspend_loop")) return true;
    }
    return false;
}

static bool describe(Process *p, void (*each)(void *ctx, const GenlabProcessInfo *info), void *ctx, Process *running)
{
    char name[128], module[128], current[300];
    name[0] = 0;
    if (p->registered_name != ATOM_nil) atom_label(views_state(), p->registered_name, name, sizeof name);
    module_label(views_state(), p, module, sizeof module);
    current_function(p, current, sizeof current);
    uint32_t monitors[64];
    size_t nmon = p->nmonitors < 64 ? p->nmonitors : 64;
    for (size_t i = 0; i < nmon; i++) monitors[i] = p->monitors[i].pid;
    process_compact(p); /* what a waiting process holds, not its garbage, as Process.info says */
    const char *status = p == running ? "running" : is_paused(p) ? "paused" : p->status == PROC_WAITING ? "waiting" : "runnable";
    GenlabProcessInfo info = {
        .pid = pid_serial(p->pid), .name = name, .module = module, .status = status, .current = current,
        .mailbox = p->vm ? p->vm->mbox_len : 0, .memory = process_memory(p), .reductions = p->reductions,
        .links = p->links, .nlinks = p->nlinks, .monitors = monitors, .nmonitors = nmon,
    };
    each(ctx, &info);
    return true;
}

size_t genlab_processes(Genlab *g, void (*each)(void *ctx, const GenlabProcessInfo *info), void *ctx)
{
    runtime_enter(g);
    Process *running_process = rt->views ? rt->views->running_process : NULL;
    size_t n = 0;
    uint32_t last = sched_last_serial();
    for (uint32_t s = 1; s <= last; s++) {
        Process *p = process_find(s);
        if (p && describe(p, each, ctx, running_process)) n++;
    }
    return n;
}

bool genlab_process_info(Genlab *g, uint32_t pid, void (*each)(void *ctx, const GenlabProcessInfo *info), void *ctx)
{
    runtime_enter(g);
    Process *p = process_find(pid);
    return p && describe(p, each, ctx, rt->views ? rt->views->running_process : NULL);
}

size_t genlab_mailbox(Genlab *g, uint32_t pid,
                      void (*each)(void *ctx, GenlabMessageKind kind, uint32_t from, const char *from_label,
                                   const char *payload, const char *text),
                      void *ctx)
{
    runtime_enter(g);
    Process *p = process_find(pid);
    if (!p || !p->vm) return 0;
    size_t n = 0;
    for (Message *m = p->vm->mbox_head; m; m = m->next, n++) {
        Term payload;
        GenlabMessageKind kind = classify(views_state(), m->term, &payload);
        char label[128];
        pid_label(views_state(), m->from, label, sizeof label);
        char *pt = render(payload), *mt = render(m->term);
        each(ctx, kind, m->from, label, pt, mt);
        free(pt);
        free(mt);
    }
    return n;
}

/* ---- natives ---------------------------------------------------------------------- */

/* :genlab.gen_trace(phase, callback, a, b, c): the GenServer loop reports
 * a callback's entry (:in, callback, arg, state or from, state), its
 * return (:out, callback, result, state before, _) and a message its
 * default handle_info dropped (:unexpected, module, msg, _, _). */
static Term genlab_gen_trace(Process *p, const Term *a)
{
    if (!trace_enabled()) return ATOM_ok;
    ViewsState *vs = views_state();
    uint32_t self = pid_serial(p->pid);
    const char *phase = term_is_atom(a[0]) ? atom_text(a[0]) : "";
    if (!strcmp(phase, "in")) {
        /* handle_call(request, from, state), init(args), the others (msg, state) */
        uint32_t n = a[1] == vs->handle_call ? 3 : a[1] == vs->init ? 1 : 2;
        trace_callback_in(self, a[1], a + 2, n);
    } else if (!strcmp(phase, "out")) {
        Term result = a[2];
        /* the loop wraps a callback's return as {:ok, value}, or what it
         * raised as {:EXIT, class, reason, stacktrace} */
        if (term_is_tuple(result) && tuple_size(result) == 2 && tuple_get(result, 0) == ATOM_ok) result = tuple_get(result, 1);
        else if (term_is_tuple(result) && tuple_size(result) == 4 && tuple_get(result, 0) == ATOM_EXIT) {
            trace_callback_raised(self, a[1], tuple_get(result, 1), tuple_get(result, 2));
            return ATOM_ok;
        }
        /* init has no state before it */
        trace_callback_out(self, a[1], result, a[1] == vs->init ? TERM_NONE : a[3]);
    } else if (!strcmp(phase, "unexpected")) {
        trace_unexpected(self, a[1], a[2]);
    }
    return ATOM_ok;
}

static char *text_of(Term t)
{
    const uint8_t *bytes;
    size_t len;
    if (term_is_binary(t) && binary_bytes(t, &bytes, &len)) return xstrndup((const char *)bytes, len);
    if (term_is_atom(t) && t != ATOM_nil) return xstrndup(atom_text(t), strlen(atom_text(t)));
    return xstrndup("", 0);
}

/* :genlab.view(what, pid or nil, n, arg): hands a view request to the
 * cli's handler; arg is a binary, or a list of binaries (rows). Answers
 * :ok, or :none when no handler is installed (a script). */
static Term genlab_view(Process *p, const Term *a)
{
    ViewsState *vs = rt->views;
    if (!vs || !vs->view_handler || !term_is_atom(a[0])) return atom_from_cstr("none");
    char label[128], module[128];
    uint32_t pid = term_is_pid(a[1]) ? pid_serial(a[1]) : 0;
    pid_label(vs, pid, label, sizeof label);
    module_label(vs, pid ? process_find(pid) : NULL, module, sizeof module);
    size_t nrows = 0;
    for (Term l = a[3]; term_is_cons(l); l = cons_tail(l)) nrows++;
    char **rows = xcalloc(nrows + 1, sizeof *rows);
    size_t i = 0;
    for (Term l = a[3]; term_is_cons(l); l = cons_tail(l)) rows[i++] = text_of(cons_head(l));
    char *arg = term_is_list(a[3]) ? xstrndup("", 0) : text_of(a[3]);
    GenlabView v = {
        .what = atom_text(a[0]), .pid = pid, .label = label, .module = module,
        .n = term_is_small(a[2]) ? small_value(a[2]) : 0, .arg = arg,
        .rows = (const char *const *)rows, .nrows = nrows,
    };
    vs->running_process = p;
    vs->view_handler(vs->view_ctx, vs->runtime, &v);
    vs->running_process = NULL;
    for (i = 0; i < nrows; i++) free(rows[i]);
    free(rows);
    free(arg);
    return ATOM_ok;
}

/* :genlab.clock(what): :now (virtual microseconds), :frozen or :wall
 * (sets whether the wall time between prompts moves the clock), :mode. */
static Term genlab_clock_native(Process *p, const Term *a)
{
    (void)p;
    if (a[0] == atom_from_cstr("now")) return small_make((int64_t)clock_now_us());
    ViewsState *vs = views_state();
    if (a[0] == atom_from_cstr("frozen")) vs->clock_frozen = true;
    else if (a[0] == atom_from_cstr("wall")) vs->clock_frozen = false;
    return atom_from_cstr(vs->clock_frozen ? "frozen" : "wall");
}

const NativeDef views_natives[] = {
    {"genlab", "gen_trace", 5, genlab_gen_trace},
    {"genlab", "view", 4, genlab_view},
    {"genlab", "clock", 1, genlab_clock_native},
    {NULL, NULL, 0, NULL},
};
