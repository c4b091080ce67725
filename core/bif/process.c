/* process_natives.c - natives about processes, messages and time:
 * spawn*, send, links, monitors, exit/2, trap_exit, registered names,
 * timers, process_info, the process dictionary, make_ref and the clocks.
 * Registered by runtime_init next to the core/bif/ tables. */
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "fatal.h"
#include "gc.h"
#include "heap.h"
#include "integer.h"
#include "map.h"
#include "native.h"
#include "protocol.h"
#include "sched.h"
#include "state.h"
#include "vm.h"

/* A process dictionary's keys, then its values (one allocation the caller
 * frees), in the order the BEAM lists them as near as genlab can: the BEAM
 * walks its hash table's buckets and puts each entry in front, so small
 * integers come out descending and proc_lib's $initial_call before
 * $ancestors. An atom's bucket follows its index in the BEAM's atom table,
 * which genlab cannot know: reversed term order matches both cases. */
static size_t dict_listing(Term dictionary, Term **keys_then_values)
{
    size_t n = term_is_map(dictionary) ? map_size(dictionary) : 0;
    Term *ks = *keys_then_values = xmalloc((2 * n + 1) * sizeof *ks);
    if (!n) return 0;
    map_sorted_arrays(dictionary, ks, ks + n);
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
        Term k = ks[i], v = ks[n + i];
        ks[i] = ks[j], ks[n + i] = ks[n + j];
        ks[j] = k, ks[n + j] = v;
    }
    return n;
}

static Term A(const char *s) { return atom_from_cstr(s); }

static bool list_to_array(Term list, Term *out, size_t max, size_t *n)
{
    *n = 0;
    for (; term_is_cons(list); list = cons_tail(list)) {
        if (*n == max) return false;
        out[(*n)++] = cons_head(list);
    }
    return list == TERM_NIL;
}

/* A one-instruction function that tail-calls Mod.fun/arity: how spawn/3
 * starts a function that may be a native, undefined, or redefined later. */
static Function *trampoline(Term mod, Term fun, uint32_t arity)
{
    Function *f = module_own(xcalloc(1, sizeof *f));
    f->module = mod;
    f->name = fun;
    f->arity = arity;
    f->nregs = arity + 2;
    f->defined = true;
    f->code = module_own(xmalloc(4 * sizeof(Code)));
    f->code[0] = OP_TAIL_CALL_EXT;
    f->code[1] = (Code)extref_new(mod, fun, arity);
    f->code[2] = 0;
    f->code[3] = arity;
    f->code_len = 4;
    return f;
}

/* The trampolines made so far, in the active runtime (state.h). */
typedef struct { Term mod, fun; uint32_t arity; Function *f; } Trampoline;
struct BifState {
    Trampoline *cache;
    size_t n, cap;
};

static Function *trampoline_cached(Term mod, Term fun, uint32_t arity)
{
    if (!rt->bif) rt->bif = xcalloc(1, sizeof *rt->bif);
    struct BifState *b = rt->bif;
    for (size_t i = 0; i < b->n; i++)
        if (b->cache[i].mod == mod && b->cache[i].fun == fun && b->cache[i].arity == arity) return b->cache[i].f;
    if (b->n == b->cap) {
        size_t grown = b->cap ? b->cap * 2 : 16;
        b->cache = xrealloc(b->cache, grown * sizeof *b->cache);
        b->cap = grown; /* only once the memory is there */
    }
    b->cache[b->n] = (Trampoline){mod, fun, arity, trampoline(mod, fun, arity)};
    return b->cache[b->n++].f;
}

void bif_state_free(void)
{
    protocol_cache_free();
    regex_cache_free();
    struct BifState *b = rt->bif;
    if (!b) return;
    free(b->cache);
    free(b);
    rt->bif = NULL;
}

/* The process table is full: the BEAM logs it and the spawn raises. */
static bool spawn_refused(Process *p)
{
    if (!process_limit_reached()) return false;
    if (rt->log_error) rt->log_error("Too many processes\n\n\n");
    process_raise(p, ATOM_error, ATOM_system_limit);
    return true;
}

/* Starts a process running fun (a closure or &Mod.fun/0). */
static Process *spawn_fun(Process *p, Term fun)
{
    if (spawn_refused(p)) return NULL;
    if (!term_is_fun(fun)) {
        process_badarg(p);
        return NULL;
    }
    Term *obj = boxed_ptr(fun);
    if (boxed_type(fun) == BOX_EXPORT) {
        if (small_value(obj[3]) != 0) { process_badarg(p); return NULL; }
        return process_spawn(trampoline_cached(obj[1], obj[2], 0), NULL, 0);
    }
    const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
    if (info->fn->arity != 0) { process_badarg(p); return NULL; }
    /* its code runs elsewhere now: a shell input's stays (code_region.h) */
    if (info->copied) *info->copied |= FUN_COPIED_OUT;
    size_t nfree = header_size(obj[0]) - 1;
    return process_spawn(info->fn, obj + 2, (uint32_t)nfree);
}

static Process *spawn_mfa(Process *p, const Term *a)
{
    Term argv[256];
    size_t n;
    if (spawn_refused(p)) return NULL;
    if (!term_is_atom(a[0]) || !term_is_atom(a[1]) || !list_to_array(a[2], argv, 256, &n)) {
        process_badarg(p);
        return NULL;
    }
    return process_spawn(trampoline_cached(a[0], a[1], (uint32_t)n), argv, (uint32_t)n);
}

static Term erl_spawn1(Process *p, const Term *a)
{
    Process *c = spawn_fun(p, a[0]);
    return c ? c->pid : TERM_NONE;
}

static Term erl_spawn3(Process *p, const Term *a)
{
    Process *c = spawn_mfa(p, a);
    return c ? c->pid : TERM_NONE;
}

static Term erl_spawn_link1(Process *p, const Term *a)
{
    Process *c = spawn_fun(p, a[0]);
    if (!c) return TERM_NONE;
    process_link(p, c);
    return c->pid;
}

static Term erl_spawn_link3(Process *p, const Term *a)
{
    Process *c = spawn_mfa(p, a);
    if (!c) return TERM_NONE;
    process_link(p, c);
    return c->pid;
}

static Term spawned_monitor(Process *p, Process *c)
{
    uint64_t ref = process_monitor(p, c->pid, ATOM_nil);
    return tuple2(&p->heap, c->pid, ref_new(&p->heap, ref));
}

static Term erl_spawn_monitor1(Process *p, const Term *a)
{
    Process *c = spawn_fun(p, a[0]);
    return c ? spawned_monitor(p, c) : TERM_NONE;
}

static Term erl_spawn_monitor3(Process *p, const Term *a)
{
    Process *c = spawn_mfa(p, a);
    return c ? spawned_monitor(p, c) : TERM_NONE;
}

/* Delivers msg to dest, as send does: 0 when sent (or dropped, as the BEAM
 * drops a message for a dead pid or for a {name, node()} nobody holds), 1
 * for {name, node} on another node (genlab has none: dropped), -1 when dest
 * is no destination (a name nobody holds, a term that is no pid). */
static int send_deliver(Term dest, Term msg)
{
    if (term_is_pid(dest)) {
        process_send(process_of(dest), msg);
        return 0;
    }
    if (term_is_tuple(dest) && tuple_size(dest) == 2 && term_is_atom(tuple_get(dest, 0)) &&
        term_is_atom(tuple_get(dest, 1))) {
        if (tuple_get(dest, 1) != atom_from_cstr("nonode@nohost")) return 1;
        Process *to = process_whereis(tuple_get(dest, 0));
        if (to) process_send(to, msg);
        return 0;
    }
    if (term_is_atom(dest)) {
        Process *to = process_whereis(dest);
        if (!to) return -1;
        process_send(to, msg);
        return 0;
    }
    return -1;
}

/* send(dest, msg): a pid, a registered name, or {name, node}. */
static Term erl_send(Process *p, const Term *a)
{
    return send_deliver(a[0], a[1]) < 0 ? process_badarg_at(p, 1, "invalid destination") : a[1];
}

/* send(dest, msg, options): :ok, or :noconnect for another node when the
 * options ask not to connect. */
static Term erl_send3(Process *p, const Term *a)
{
    int outcome = send_deliver(a[0], a[1]);
    if (outcome < 0) return process_badarg_at(p, 1, "invalid destination");
    bool noconnect = false;
    for (Term l = a[2]; term_is_cons(l); l = cons_tail(l))
        if (cons_head(l) == atom_from_cstr("noconnect")) noconnect = true;
    return outcome == 1 && noconnect ? atom_from_cstr("noconnect") : atom_from_cstr("ok");
}

/* group_leader(): every process's is the one IO device genlab has (the
 * pid process_info shows); group_leader(leader, pid) changes nothing. */
static Term erl_group_leader0(Process *p, const Term *a)
{
    (void)p;
    (void)a;
    return pid_make(109);
}

static Term erl_group_leader2(Process *p, const Term *a)
{
    if (!term_is_pid(a[0]) || !term_is_pid(a[1])) return process_badarg(p);
    return ATOM_true;
}

static Term erl_make_ref(Process *p, const Term *a)
{
    (void)a;
    uint64_t id = ref_next_id();
    vm_mailbox_mark(p, id);
    return ref_new(&p->heap, id);
}

static Term erl_link(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg(p);
    Process *other = process_of(a[0]);
    if (!other) {
        if (p->trap_exit) {
            process_send(p, tuple3(&p->heap, ATOM_EXIT, a[0], ATOM_noproc));
            return ATOM_true;
        }
        return process_raise(p, ATOM_error, ATOM_noproc);
    }
    process_link(p, other);
    return ATOM_true;
}

static Term erl_unlink(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg(p);
    Process *other = process_of(a[0]);
    if (other) process_unlink(p, other);
    return ATOM_true;
}

static uint64_t ref_id(Term r) { return (uint64_t)boxed_ptr(r)[1]; }

/* Monitors target (a pid or a name) for p and marks p's mailbox for the
 * new reference (a receive that matches it looks at newer messages only);
 * answers the reference's id. */
static uint64_t monitor_marked(Process *p, Term target)
{
    /* The marker goes before the monitor exists: a :noproc DOWN it sends
     * at once lands after it. */
    VmState *vm = p->vm;
    Message *last = vm->mbox_tail == &vm->mbox_head ? NULL : (Message *)(void *)vm->mbox_tail;
    uint64_t id = term_is_pid(target) ? process_monitor(p, target, ATOM_nil) : process_monitor(p, TERM_NIL, target);
    vm->mark_ref = id;
    vm->mark_last = last;
    return id;
}

static Term erl_monitor(Process *p, const Term *a)
{
    if (a[0] != ATOM_process) return process_badarg_at(p, 1, "invalid monitor type");
    Term target = a[1];
    if (!term_is_pid(target) && term_is_tuple(target) && tuple_size(target) == 2) target = tuple_get(target, 0);
    if (!term_is_pid(a[1]) && !term_is_atom(target)) return process_badarg_at(p, 2, "invalid monitor target");
    return ref_new(&p->heap, monitor_marked(p, target));
}

/* Writes :gen's call tag [:alias | mref] (mref the reference with this
 * id) into w[0..3] of a block in a receiver's heap; answers the list. */
static Term alias_tag_at(Term *w, uint64_t id)
{
    w[0] = header_make(BOX_REF, 1);
    w[1] = (Term)id;
    w[2] = ATOM_alias;
    w[3] = boxed_from_ptr(w);
    return cons_from_ptr(w + 2);
}

/* :genlab.gen_call(pid, label, request): what :gen.call does before it
 * waits, in one step: monitors pid (mref) and sends it {label, {self(),
 * [:alias | mref]}, request}, built straight in the receiver's heap (only
 * the request is copied); answers mref. The same monitor, the same
 * message and the same trace events as the two calls it replaces. */
static Term genlab_gen_call(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg_at(p, 1, "not a pid");
    uint64_t id = monitor_marked(p, a[0]);
    Process *to = process_of(a[0]);
    if (to && to->vm) {
        Heap *h = &to->heap;
        Term request = term_copy(h, a[2]);
        Term *w = heap_alloc(h, 11);
        w[4] = header_make(BOX_TUPLE, 2);
        w[5] = p->pid;
        w[6] = alias_tag_at(w, id);
        w[7] = header_make(BOX_TUPLE, 3);
        w[8] = term_copy(h, a[1]);
        w[9] = boxed_from_ptr(w + 4);
        w[10] = request;
        process_deliver(to, boxed_from_ptr(w + 7));
    }
    return ref_new(&p->heap, id);
}

/* :gen.reply(from, reply), in C: to a caller that waits with an alias
 * ({pid, [:alias | mref]}), {[:alias | mref], reply}, only while pid still
 * holds the monitor mref (a reply that comes after the caller gave up is
 * dropped, as OTP 24+ does with aliases), built straight in the caller's
 * heap; to {pid, tag}, {tag, reply}; anything else is ignored. */
static Term gen_reply(Process *p, const Term *a)
{
    Term from = a[0];
    if (!term_is_tuple(from) || tuple_size(from) != 2 || !term_is_pid(tuple_get(from, 0))) return ATOM_ok;
    Process *to = process_of(tuple_get(from, 0));
    Term tag = tuple_get(from, 1);
    if (!term_is_cons(tag) || cons_head(tag) != ATOM_alias) {
        process_send(to, tuple2(&p->heap, tag, a[1]));
        return ATOM_ok;
    }
    if (!to || !to->vm || !term_is_ref(cons_tail(tag))) return ATOM_ok;
    uint64_t id = ref_id(cons_tail(tag));
    for (size_t i = 0; i < to->nmonitors; i++)
        if (to->monitors[i].ref == id) {
            Heap *h = &to->heap;
            Term reply = term_copy(h, a[1]);
            Term *w = heap_alloc(h, 7);
            w[4] = header_make(BOX_TUPLE, 2);
            w[5] = alias_tag_at(w, id);
            w[6] = reply;
            process_deliver(to, boxed_from_ptr(w + 4));
            break;
        }
    return ATOM_ok;
}

/* Removes {:DOWN, ref, ...} messages for `ref` from p's mailbox (:flush). */
static void flush_down(Process *p, uint64_t ref)
{
    VmState *vm = p->vm;
    if (!vm) return;
    Message **m = &vm->mbox_head;
    while (*m) {
        Term t = (*m)->term;
        if (term_is_tuple(t) && tuple_size(t) == 5 && tuple_get(t, 0) == ATOM_DOWN && term_is_ref(tuple_get(t, 1)) &&
            ref_id(tuple_get(t, 1)) == ref) {
            vm_mailbox_remove(vm, m);
        } else {
            m = &(*m)->next;
        }
    }
    vm->mbox_save = &vm->mbox_head;
}

static Term demonitor(Process *p, Term ref, Term opts)
{
    if (!term_is_ref(ref)) return process_badarg(p);
    bool found = process_demonitor(p, ref_id(ref));
    bool flush = false, info = false;
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        if (cons_head(l) == ATOM_flush) flush = true;
        if (cons_head(l) == ATOM_info) info = true;
    }
    /* An active monitor has sent no DOWN yet (exits deliver DOWN and drop
     * the monitor at once), so only a finished one needs the scan. */
    if (flush && !found) flush_down(p, ref_id(ref));
    return info ? atom_from_bool(found) : ATOM_true;
}

static Term erl_demonitor1(Process *p, const Term *a) { return demonitor(p, a[0], TERM_NIL); }
static Term erl_demonitor2(Process *p, const Term *a) { return demonitor(p, a[0], a[1]); }

static Term erl_exit2(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg(p);
    /* A signal to oneself too: it ends the process when the native returns
     * (no exception a try could catch), or is a message when trapped. */
    Process *to = process_of(a[0]);
    process_exit_signal(p->pid, to, a[1], false);
    return ATOM_true;
}

/* A max_heap_size as Process.flag and Process.info answer it (kill and
 * error_logger are always on here). */
static Term max_heap_map(Heap *h, size_t words)
{
    Term m = map_put(h, map_empty(h), A("error_logger"), ATOM_true);
    m = map_put(h, m, A("kill"), ATOM_true);
    return map_put(h, m, A("size"), small_make((int64_t)words));
}

static Term erl_process_flag(Process *p, const Term *a)
{
    if (a[0] == A("trap_exit")) {
        if (!term_is_boolean(a[1])) return process_badarg_at(p, 2, "invalid value for trap_exit");
        Term old = atom_from_bool(p->trap_exit);
        p->trap_exit = a[1] == ATOM_true;
        return old;
    }
    if (a[0] == A("max_heap_size")) {
        /* an integer, or a map whose :size is the limit (kill and
         * error_logger are always on here) */
        Term size = a[1];
        if (term_is_map(size)) size = map_get(size, A("size"));
        if (!term_is_small(size) || small_value(size) < 0) return process_badarg_at(p, 2, "invalid value for max_heap_size");
        Term old = max_heap_map(&p->heap, p->vm->max_heap_words);
        int64_t words = small_value(size);
        p->vm->max_heap_words = words > UINT32_MAX ? UINT32_MAX : (uint32_t)words;
        return old;
    }
    return process_badarg_at(p, 1, "invalid process flag");
}

static Term erl_register(Process *p, const Term *a)
{
    if (!term_is_atom(a[0]) || a[0] == ATOM_undefined) return process_badarg_at(p, 1, "not an atom");
    Process *target = process_of(a[1]);
    if (!target) return process_badarg_at(p, 2, "not an alive local process");
    if (process_whereis(a[0])) return process_badarg_at(p, 1, "this name is already in use");
    if (target->registered_name != ATOM_nil) return process_badarg_at(p, 2, "this process is already registered");
    process_register(target, a[0]);
    return ATOM_true;
}

static Term erl_unregister(Process *p, const Term *a)
{
    if (!process_unregister(a[0])) return process_badarg_at(p, 1, "not a registered name");
    return ATOM_true;
}

static Term erl_whereis(Process *p, const Term *a)
{
    (void)p;
    Process *w = process_whereis(a[0]);
    return w ? w->pid : ATOM_undefined;
}

static Term erl_registered(Process *p, const Term *a)
{
    (void)a;
    return process_registered_names(&p->heap);
}

/* Live processes in serial order, as the BEAM lists them. */
static Term erl_processes(Process *p, const Term *a)
{
    (void)a;
    Term list = TERM_NIL;
    for (uint32_t s = process_serial_limit(); s-- > 0;) {
        Process *q = process_find(s);
        if (q) list = cons_new(&p->heap, q->pid, list);
    }
    return list;
}

static Term erl_is_process_alive(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg(p);
    return atom_from_bool(process_of(a[0]) != NULL);
}

/* :erlang.garbage_collect/0,1. A native runs between two safe points, so
 * the caller is collected at its next one (a function entry: at once, for
 * what follows); a waiting process gives back what it holds now, as an
 * idle one does when the scheduler idles. */
static void request_collection(Process *target)
{
    if (target->status == PROC_WAITING) {
        target->compact_pending = true;
        process_compact(target);
    } else {
        gc_request(target);
    }
}

static Term erl_garbage_collect0(Process *p, const Term *a)
{
    (void)a;
    request_collection(p);
    return ATOM_true;
}

static Term erl_garbage_collect1(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg_at(p, 1, "not a pid");
    Process *target = process_of(a[0]);
    if (!target) return ATOM_false;
    request_collection(target);
    return ATOM_true;
}

/* A timer's time and destination, blamed as erl_erts_errors does. */
static bool timer_args_valid(Process *p, const Term *a)
{
    if (!term_is_integer(a[0])) return process_badarg_at(p, 1, "not an integer"), false;
    if (!term_is_small(a[0]) || small_value(a[0]) < 0) return process_badarg_at(p, 1, "out of range"), false;
    if (!term_is_pid(a[1]) && !term_is_atom(a[1])) return process_badarg_at(p, 2, "not a pid or an atom"), false;
    return true;
}

static Term erl_send_after(Process *p, const Term *a)
{
    if (!timer_args_valid(p, a)) return TERM_NONE;
    return ref_new(&p->heap, timer_send_after((uint64_t)small_value(a[0]), a[1], a[2]));
}

/* The message is {:timeout, ref, msg} carrying the very ref returned. */
static Term erl_start_timer(Process *p, const Term *a)
{
    if (!timer_args_valid(p, a)) return TERM_NONE;
    uint64_t id = ref_next_id();
    Term ref = ref_new(&p->heap, id);
    Term msg = tuple3(&p->heap, A("timeout"), ref, a[2]);
    timer_send_after_ref((uint64_t)small_value(a[0]), a[1], msg, id);
    return ref;
}

static Term erl_cancel_timer(Process *p, const Term *a)
{
    if (!term_is_ref(a[0])) return process_badarg(p);
    int64_t left = timer_cancel(ref_id(a[0]));
    return left < 0 ? ATOM_false : small_make(left);
}

static Term erl_read_timer(Process *p, const Term *a)
{
    if (!term_is_ref(a[0])) return process_badarg(p);
    int64_t left = timer_read(ref_id(a[0]));
    return left < 0 ? ATOM_false : small_make(left);
}

/* ---- process_info ------------------------------------------------------------- */

size_t process_memory(const Process *p)
{
    /* the process's block holds its VM state and first registers and frames */
    size_t bytes = sizeof(Process) + heap_memory_bytes(&p->heap);
    if (p->vm) {
        if (p->vm->regs != p->vm->inline_regs) bytes += p->vm->regs_cap * sizeof(Term);
        if (p->vm->frames != p->vm->inline_frames) bytes += p->vm->frames_cap * sizeof(Frame);
        bytes += p->vm->handlers_cap * sizeof(Handler) + p->vm->mbox_len * sizeof(Message);
    }
    return bytes + p->links_cap * sizeof(uint32_t) + (p->monitors_cap + p->watchers_cap) * sizeof(Monitor);
}

static Term info_item(Process *p, Process *q, Term item)
{
    Heap *h = &p->heap;
    const char *k = term_is_atom(item) ? atom_text(item) : "";
    Term v;
    if (!strcmp(k, "message_queue_len")) v = small_make((int64_t)(q->vm ? q->vm->mbox_len : 0));
    else if (!strcmp(k, "messages")) {
        Term list = TERM_NIL, *last = &list;
        for (Message *m = q->vm ? q->vm->mbox_head : NULL; m; m = m->next) {
            Term cell = cons_new(h, term_copy(h, m->term), TERM_NIL);
            *last = cell;
            last = &cons_ptr(cell)[1];
        }
        v = list;
    } else if (!strcmp(k, "links")) {
        Term list = TERM_NIL;
        for (size_t i = q->nlinks; i-- > 0;) list = cons_new(h, pid_make(q->links[i]), list);
        v = list;
    } else if (!strcmp(k, "monitors")) {
        Term list = TERM_NIL;
        for (size_t i = q->nmonitors; i-- > 0;)
            list = cons_new(h, tuple2(h, ATOM_process, q->monitors[i].name != ATOM_nil ? q->monitors[i].name : pid_make(q->monitors[i].pid)), list);
        v = list;
    } else if (!strcmp(k, "monitored_by")) {
        Term list = TERM_NIL;
        for (size_t i = q->nwatchers; i-- > 0;) list = cons_new(h, pid_make(q->watchers[i].pid), list);
        v = list;
    } else if (!strcmp(k, "memory")) {
        process_compact(q); /* what a waiting process holds, not its garbage */
        v = small_make((int64_t)process_memory(q));
    }
    else if (!strcmp(k, "heap_size") || !strcmp(k, "total_heap_size")) v = small_make((int64_t)q->heap.capacity_words);
    else if (!strcmp(k, "stack_size")) {
        /* genlab's stack: the callers' frames and register windows, and
         * the running function's registers */
        const VmState *vm = q->vm;
        size_t words = vm ? vm->nframes * (sizeof(Frame) / sizeof(Term)) + vm->base + (vm->fn ? vm->fn->nregs : 0) : 0;
        v = small_make((int64_t)words);
    }
    else if (!strcmp(k, "status")) v = A(q == p ? "running" : q->status == PROC_WAITING ? "waiting" : "runnable");
    else if (!strcmp(k, "registered_name")) {
        if (q->registered_name == ATOM_nil) return TERM_NIL; /* an empty list, as the BEAM answers */
        v = q->registered_name;
    } else if (!strcmp(k, "dictionary")) {
        Term *ks, list = TERM_NIL;
        size_t n = dict_listing(q->dictionary, &ks);
        for (size_t i = n; i-- > 0;) list = cons_new(h, tuple2(h, term_copy(h, ks[i]), term_copy(h, ks[n + i])), list);
        free(ks);
        v = list;
    } else if (!strcmp(k, "reductions")) v = small_make((int64_t)q->reductions);
    else if (!strcmp(k, "trap_exit")) v = atom_from_bool(q->trap_exit);
    /* genlab's default is a limit (process_default_max_heap), the BEAM's none */
    else if (!strcmp(k, "max_heap_size")) v = max_heap_map(h, q->vm ? q->vm->max_heap_words : process_default_max_heap());
    else if (!strcmp(k, "initial_call")) v = term_copy(h, q->initial_call);
    else if (!strcmp(k, "current_function")) {
        Function *f = q->vm ? q->vm->fn : NULL;
        v = f ? tuple3(h, f->module, f->name, small_make(f->arity)) : ATOM_undefined;
        /* genlab's GenServer loop is gen_server's on the BEAM, and its
         * hibernation erlang:hibernate/3 (core/lib/gen_server.ex) */
        if (f && f->module == A("Elixir.GenServer") && f->name == A("loop") && f->arity == 7)
            v = tuple3(h, A("gen_server"), A("loop"), small_make(7));
        else if (f && f->module == A("Elixir.GenServer") && f->name == A("hibernate") && f->arity == 6)
            v = tuple3(h, A("erlang"), A("hibernate"), small_make(3));
    } else if (!strcmp(k, "current_stacktrace")) {
        /* built on q's heap when q is not running, then copied to the caller */
        Term st = vm_stacktrace(q);
        if (q == p) v = term_is_cons(st) ? cons_tail(st) : st; /* without process_info itself */
        else v = term_copy(h, st);
    } else if (!strcmp(k, "group_leader")) v = pid_make(109);
    else if (!strcmp(k, "priority")) v = A("normal");
    else return TERM_NONE;
    return tuple2(h, item, v);
}

static Term erl_process_info2(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg_at(p, 1, "not a pid");
    Process *q = process_of(a[0]);
    if (term_is_list(a[1])) {
        Term items[64];
        size_t n;
        if (!list_to_array(a[1], items, 64, &n)) return process_badarg(p);
        if (!q) return ATOM_undefined;
        Term out[64];
        for (size_t i = 0; i < n; i++) {
            out[i] = info_item(p, q, items[i]);
            if (out[i] == TERM_NONE) return process_badarg_at(p, 2, "invalid item or item list");
        }
        return list_from(&p->heap, n, out);
    }
    if (!q) return ATOM_undefined;
    Term r = info_item(p, q, a[1]);
    if (r == TERM_NONE) return process_badarg_at(p, 2, "invalid item or item list");
    return r;
}

static Term erl_process_info1(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg_at(p, 1, "not a pid");
    Process *q = process_of(a[0]);
    if (!q) return ATOM_undefined;
    static const char *const items[] = {"current_function", "initial_call", "status", "message_queue_len", "links",
                                        "dictionary", "trap_exit", "priority", "group_leader", "total_heap_size",
                                        "heap_size", "reductions", NULL};
    Term out[16];
    size_t n = 0;
    if (q->registered_name != ATOM_nil) out[n++] = tuple2(&p->heap, A("registered_name"), q->registered_name);
    for (int i = 0; items[i]; i++) out[n++] = info_item(p, q, A(items[i]));
    return list_from(&p->heap, n, out);
}

/* ---- the process dictionary (a map) ----------------------------------------------- */

static Term dict_of(Process *p) { return term_is_map(p->dictionary) ? p->dictionary : map_empty(&p->heap); }

static Term erl_put(Process *p, const Term *a)
{
    Term d = dict_of(p);
    Term old = map_get(d, a[0]);
    p->dictionary = map_put(&p->heap, d, a[0], a[1]);
    return old == TERM_NONE ? ATOM_undefined : old;
}

static Term erl_get1(Process *p, const Term *a)
{
    Term v = term_is_map(p->dictionary) ? map_get(p->dictionary, a[0]) : TERM_NONE;
    return v == TERM_NONE ? ATOM_undefined : v;
}

static Term erl_get0(Process *p, const Term *a)
{
    (void)a;
    Term *ks, list = TERM_NIL;
    size_t n = dict_listing(p->dictionary, &ks);
    for (size_t i = n; i-- > 0;) list = cons_new(&p->heap, tuple2(&p->heap, ks[i], ks[n + i]), list);
    free(ks);
    return list;
}

static Term erl_erase1(Process *p, const Term *a)
{
    if (!term_is_map(p->dictionary)) return ATOM_undefined;
    Term old = map_get(p->dictionary, a[0]);
    if (old == TERM_NONE) return ATOM_undefined;
    p->dictionary = map_remove(&p->heap, p->dictionary, a[0]);
    return old;
}

/* erase/0: the whole dictionary, as get/0 lists it, now empty */
static Term erl_erase0(Process *p, const Term *a)
{
    Term all = erl_get0(p, a);
    p->dictionary = TERM_NIL;
    return all;
}

/* get_keys/1: the keys whose value is a[0] (=:=) */
static Term erl_get_keys1(Process *p, const Term *a)
{
    Term *ks, list = TERM_NIL;
    size_t n = dict_listing(p->dictionary, &ks);
    for (size_t i = n; i-- > 0;)
        if (term_exact_equal(ks[n + i], a[0])) list = cons_new(&p->heap, ks[i], list);
    free(ks);
    return list;
}

static Term erl_get_keys(Process *p, const Term *a)
{
    (void)a;
    Term *ks;
    size_t n = dict_listing(p->dictionary, &ks);
    Term list = list_from(&p->heap, n, ks);
    free(ks);
    return list;
}

/* ---- time ------------------------------------------------------------------------------ */

/* Converts milliseconds to a time unit (native = nanosecond here, as on Linux). */
static Term time_in_unit(Process *p, uint64_t ms, Term unit)
{
    const char *u = term_is_atom(unit) ? atom_text(unit) : "";
    uint64_t scale;
    if (!strcmp(u, "second") || !strcmp(u, "seconds")) return small_make((int64_t)(ms / 1000));
    if (!strcmp(u, "millisecond") || !strcmp(u, "milli_seconds")) scale = 1;
    else if (!strcmp(u, "microsecond") || !strcmp(u, "micro_seconds")) scale = 1000;
    else if (!strcmp(u, "nanosecond") || !strcmp(u, "nano_seconds") || !strcmp(u, "native")) scale = 1000000;
    else return process_badarg_at(p, 1, "invalid time unit");
    return integer_from_u64(&p->heap, ms * scale);
}

static Term erl_monotonic_time0(Process *p, const Term *a)
{
    (void)a;
    return integer_from_i64(&p->heap, (int64_t)clock_now() * 1000000 - 576460752303423488LL);
}

static Term erl_monotonic_time1(Process *p, const Term *a)
{
    Term native = erl_monotonic_time0(p, a);
    int64_t v;
    integer_to_i64(native, &v);
    const char *u = term_is_atom(a[0]) ? atom_text(a[0]) : "";
    if (!strcmp(u, "native") || !strcmp(u, "nanosecond")) return native;
    if (!strcmp(u, "microsecond")) return integer_from_i64(&p->heap, v / 1000);
    if (!strcmp(u, "millisecond")) return integer_from_i64(&p->heap, v / 1000000);
    if (!strcmp(u, "second")) return integer_from_i64(&p->heap, v / 1000000000);
    return process_badarg_at(p, 1, "invalid time unit");
}

static Term erl_system_time0(Process *p, const Term *a)
{
    (void)a;
    return integer_from_u64(&p->heap, (clock_epoch_ms() + clock_now()) * 1000000);
}

static Term erl_system_time1(Process *p, const Term *a) { return time_in_unit(p, clock_epoch_ms() + clock_now(), a[0]); }

/* genlab has no ports: nothing is one. */
static Term erl_is_port(Process *p, const Term *a)
{
    (void)p;
    (void)a;
    return ATOM_false;
}

static Term erl_yield(Process *p, const Term *a)
{
    (void)p;
    (void)a;
    return ATOM_true;
}

/* :erlang.self/0 called through apply or a capture (compiled code reads
 * its own pid without a call). */
static Term erl_self(Process *p, const Term *a)
{
    (void)a;
    return p->pid;
}

const NativeDef process_natives[] = {
    {"erlang", "self", 0, erl_self},
    {"erlang", "spawn", 1, erl_spawn1},
    {"erlang", "spawn", 3, erl_spawn3},
    {"erlang", "spawn_link", 1, erl_spawn_link1},
    {"erlang", "spawn_link", 3, erl_spawn_link3},
    {"erlang", "spawn_monitor", 1, erl_spawn_monitor1},
    {"erlang", "spawn_monitor", 3, erl_spawn_monitor3},
    {"erlang", "send", 2, erl_send},
    {"erlang", "send", 3, erl_send3},
    {"erlang", "group_leader", 0, erl_group_leader0},
    {"erlang", "group_leader", 2, erl_group_leader2},
    {"erlang", "!", 2, erl_send},
    {"erlang", "make_ref", 0, erl_make_ref},
    {"erlang", "link", 1, erl_link},
    {"erlang", "unlink", 1, erl_unlink},
    {"erlang", "monitor", 2, erl_monitor},
    {"genlab", "gen_call", 3, genlab_gen_call},
    {"gen", "reply", 2, gen_reply},
    {"erlang", "demonitor", 1, erl_demonitor1},
    {"erlang", "demonitor", 2, erl_demonitor2},
    {"erlang", "exit", 2, erl_exit2},
    {"erlang", "process_flag", 2, erl_process_flag},
    {"erlang", "register", 2, erl_register},
    {"erlang", "unregister", 1, erl_unregister},
    {"erlang", "whereis", 1, erl_whereis},
    {"erlang", "registered", 0, erl_registered},
    {"erlang", "is_process_alive", 1, erl_is_process_alive},
    {"erlang", "send_after", 3, erl_send_after},
    {"erlang", "start_timer", 3, erl_start_timer},
    {"erlang", "processes", 0, erl_processes},
    {"erlang", "cancel_timer", 1, erl_cancel_timer},
    {"erlang", "read_timer", 1, erl_read_timer},
    {"erlang", "process_info", 1, erl_process_info1},
    {"erlang", "garbage_collect", 0, erl_garbage_collect0},
    {"erlang", "garbage_collect", 1, erl_garbage_collect1},
    {"erlang", "process_info", 2, erl_process_info2},
    {"erlang", "put", 2, erl_put},
    {"erlang", "get", 1, erl_get1},
    {"erlang", "get", 0, erl_get0},
    {"erlang", "erase", 1, erl_erase1},
    {"erlang", "get_keys", 0, erl_get_keys},
    {"erlang", "get_keys", 1, erl_get_keys1},
    {"erlang", "erase", 0, erl_erase0},
    {"erlang", "monotonic_time", 0, erl_monotonic_time0},
    {"erlang", "monotonic_time", 1, erl_monotonic_time1},
    {"erlang", "system_time", 0, erl_system_time0},
    {"erlang", "system_time", 1, erl_system_time1},
    {"os", "system_time", 0, erl_system_time0},
    {"os", "system_time", 1, erl_system_time1},
    {"erlang", "yield", 0, erl_yield},
    {"erlang", "is_port", 1, erl_is_port},
    {NULL, NULL, 0, NULL}};
