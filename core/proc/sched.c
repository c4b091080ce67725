/* sched.c - process table, FIFO run queue, virtual clock and timers,
 * message delivery, exit signals, links, monitors and registered names. */
#include "sched.h"

#include <signal.h>
#include <stdlib.h>

#include "atom.h"
#include "compare.h"
#include "fatal.h"
#include "gc.h"
#include "heap.h"
#include "pool.h"
#include "state.h"
#include "trace.h"

/* A script's process is #PID<0.109.0> and what it spawns follows. */
#define FIRST_SERIAL 109
#define SLICE_REDUCTIONS 4000
/* Every process starts with this max_heap_size (in words): 512 MB, so
 * that infinite non-tail recursion ends its process in a few seconds, long
 * before the machine runs out of memory, while a list of ten million
 * elements, which a program on the BEAM builds without a thought, fits. */
#define DEFAULT_MAX_HEAP_WORDS ((size_t)1 << 26)

/* Virtual time in picoseconds. Timers jump it (when every process waits)
 * and work moves it: each reduction a process runs costs cpu_ps. */
#define PS_PER_MS 1000000000ULL

typedef struct Timer Timer;
typedef struct PendingExit PendingExit;
typedef struct { Term name; uint32_t serial; } NameEntry;

/* A process in a host call (sched_run_host_call): whether its call has
 * returned yet, and how. */
typedef struct {
    Process *p;
    bool done;
    VmStatus status;
} HostCall;

/* A runtime's scheduler (state.h). */
typedef struct SchedState {
    Process **table; /* by pid serial */
    size_t table_cap;
    uint32_t next_serial;
    SchedHooks hooks;
    volatile sig_atomic_t interrupt_requested;
    bool halt_requested;
    int halt_status;
    size_t alive;
    Process *run_head, *run_tail;
    uint64_t now_ps;
    uint64_t cpu_ps;
    uint64_t ref_counter;
    Process *current; /* the process inside vm_run, if any */
    uint32_t signal_from; /* the process whose exit sends DOWN and EXIT messages now */
    Timer **timers;   /* a binary heap: see timer_push */
    size_t ntimers, timers_cap;
    uint64_t timer_seq;
    Timer **timer_index; /* message timers by reference */
    size_t timer_index_cap, timer_index_count;
    NameEntry *names;
    size_t nnames, names_cap;
    uint32_t *idle; /* processes that started waiting: see compact_idle */
    size_t nidle, idle_cap;
    PendingExit *pending_exits; /* see PendingExit */
    size_t npending_exits, pending_exits_cap;
    bool exits_draining;
    size_t default_max_heap_words; /* see process_set_default_max_heap */
    /* Every call sends two messages and arms a receive timeout: their
     * blocks are recycled here instead of going back to malloc. */
    Message *spare_messages;
    size_t nspare_messages;
    Timer *spare_timer;
    size_t max_processes;          /* see process_limit_reached */
    HostCall *host_calls;          /* the host calls in progress, innermost last */
    size_t nhost_calls, host_calls_cap;
    Process *main;                 /* the process that runs top-level code */
    int loops;                     /* scheduler loops running (on the C stack) */
    int exclusive;                 /* see sched_exclusive */
    Process **held;                /* processes an exclusive host call holds back */
    size_t nheld, held_cap;
    bool main_finished;            /* its code returned or raised: main_status */
    VmStatus main_status;
} SchedState;

/* How many freed message blocks the scheduler keeps for reuse. */
#define SPARE_MESSAGES_MAX 2048

#define SCHED (rt->sched)

void sched_state_init(void)
{
    SchedState *s = xcalloc(1, sizeof *s);
    s->next_serial = FIRST_SERIAL;
    s->ref_counter = 100000;
    s->cpu_ps = SCHED_DEFAULT_CPU_PS;
    s->default_max_heap_words = DEFAULT_MAX_HEAP_WORDS;
    s->max_processes = SCHED_DEFAULT_MAX_PROCESSES;
    rt->sched = s;
}

/* ---- table ------------------------------------------------------------------ */

Process *process_find(uint32_t serial)
{
    if (serial >= SCHED->table_cap) return NULL;
    Process *p = SCHED->table[serial];
    return p && p->status != PROC_EXITED ? p : NULL;
}

size_t process_count(void) { return SCHED->alive; }
bool process_limit_reached(void) { return SCHED->alive >= SCHED->max_processes; }
void sched_set_max_processes(size_t n) { SCHED->max_processes = n; }
uint32_t sched_last_serial(void) { return SCHED->next_serial - 1; }

uint32_t process_serial_limit(void) { return (uint32_t)SCHED->table_cap; }

static void table_put(uint32_t serial, Process *p)
{
    if (serial >= SCHED->table_cap) {
        size_t cap = SCHED->table_cap ? SCHED->table_cap : 1024;
        while (cap <= serial) cap *= 2;
        SCHED->table = xrealloc(SCHED->table, cap * sizeof *SCHED->table);
        memset(SCHED->table + SCHED->table_cap, 0, (cap - SCHED->table_cap) * sizeof *SCHED->table);
        SCHED->table_cap = cap;
    }
    SCHED->table[serial] = p;
}

static void runq_push(Process *p)
{
    p->queued = true;
    p->run_next = NULL;
    if (SCHED->run_tail) SCHED->run_tail->run_next = p;
    else SCHED->run_head = p;
    SCHED->run_tail = p;
}

/* Frees an exited process's block (its VM state and first registers and
 * frames with it): the pool keeps it for the next spawn. */
static void process_struct_release(Process *p)
{
    pool_free(p, sizeof *p);
}

static Process *runq_pop(void)
{
    Process *p = SCHED->run_head;
    if (p) {
        SCHED->run_head = p->run_next;
        if (!SCHED->run_head) SCHED->run_tail = NULL;
        p->queued = false;
        if (p->status == PROC_EXITED && !p->is_main) {
            /* it exited while queued (process_exit kept its struct) */
            process_struct_release(p);
            return runq_pop();
        }
    }
    return p;
}


void process_set_default_max_heap(size_t words) { SCHED->default_max_heap_words = words; }
size_t process_default_max_heap(void) { return SCHED->default_max_heap_words; }

static Process *process_new(uint32_t serial)
{
    /* one block from the pool: processes spawned together lie together */
    Process *p = alloc_injected_failure() ? NULL : pool_alloc(sizeof *p);
    if (!p) alloc_failed(sizeof *p);
    memset(p, 0, offsetof(Process, vm_block)); /* the VM state is set up when it first runs */
    heap_init(&p->heap, 0);
    p->pid = pid_make(serial);
    p->dictionary = TERM_NIL;
    p->host_root = TERM_NIL;
    p->exc_reason = TERM_NIL;
    p->exc_stacktrace = TERM_NIL;
    p->registered_name = ATOM_nil;
    p->exit_reason = ATOM_nil;
    p->initial_call = ATOM_nil;
    p->wake_at = UINT64_MAX;
    table_put(serial, p);
    SCHED->alive++;
    return p;
}

Process *process_create(void) { return process_new(SCHED->next_serial++); }

void process_start(Process *p)
{
    p->status = PROC_RUNNABLE;
    runq_push(p);
    TRACE(trace_spawn(pid_serial(p->pid), SCHED->current ? pid_serial(SCHED->current->pid) : 0, p->initial_call));
}

Process *process_spawn_main(void)
{
    Process *p = process_new(SCHED->next_serial++);
    heap_init(&p->heap, 1024);
    p->is_main = true;
    SCHED->main = p;
    p->status = PROC_WAITING; /* runnable only while it runs top-level code */
    return p;
}

void sched_set_next_serial(uint32_t serial)
{
    /* only before anything is spawned: serials must never be reused */
    if (SCHED->alive == 0) SCHED->next_serial = serial;
}

void sched_skip_serial(void) { SCHED->next_serial++; }

void sched_set_hooks(const SchedHooks *h) { SCHED->hooks = *h; }

void sched_interrupt(SchedState *s) { s->interrupt_requested = 1; }

SchedState *sched_state(void) { return SCHED; }

void sched_request_halt(int status)
{
    if (SCHED->halt_requested) return;
    SCHED->halt_requested = true;
    SCHED->halt_status = status;
}

bool sched_halted(int *status)
{
    if (SCHED->halt_requested && status) *status = SCHED->halt_status;
    return SCHED->halt_requested;
}

static void call_idle_hook(void)
{
    if (SCHED->hooks.idle) SCHED->hooks.idle();
}

/* ---- messages ------------------------------------------------------------------- */

/* A waiting process goes on: the VM resumes its receive from the top of
 * the loop (a message came) or at its after clause (the timeout passed),
 * which then looks at the mailbox from its start again. */
static void wake(Process *p, bool timed_out)
{
    p->receiving = false;
    p->woken = timed_out ? PROCESS_WOKEN_TIMEOUT : PROCESS_WOKEN_MESSAGE;
    if (timed_out) p->vm->mbox_save = &p->vm->mbox_head;
    p->status = PROC_RUNNABLE;
    runq_push(p);
}

void process_send(Process *to, Term msg)
{
    if (!to || to->status == PROC_EXITED || !to->vm) return;
    process_deliver(to, term_copy(&to->heap, msg));
}

void process_deliver(Process *to, Term msg)
{
    VmState *vm = to->vm;
    Message *m = SCHED->spare_messages;
    if (m) {
        SCHED->spare_messages = m->next;
        SCHED->nspare_messages--;
    } else {
        /* mailbox entries count against the memory limit: a flood ends
         * the process that sends, not genlab */
        memory_charge(sizeof *m);
        m = xmalloc(sizeof *m);
    }
    m->next = NULL;
    m->term = msg;
    m->from = SCHED->signal_from ? SCHED->signal_from : SCHED->current ? pid_serial(SCHED->current->pid) : 0;
    *vm->mbox_tail = m;
    vm->mbox_tail = &m->next;
    vm->mbox_len++;
    TRACE(trace_send(m->from, pid_serial(to->pid), m->term, vm->mbox_len));
    if (to->status == PROC_WAITING && to->receiving) {
        wake(to, false);
        /* It runs soon (a ring's next hop, a server's reply): start
         * loading what it reads first, its registers and the frame it
         * returns to, while the sender finishes its slice. With 100,000
         * processes these are cache misses one after another otherwise. */
        __builtin_prefetch(vm->regs + vm->base, 1);
        if (vm->nframes) __builtin_prefetch(&vm->frames[vm->nframes - 1]);
        __builtin_prefetch((const char *)vm + 64);
        __builtin_prefetch((const char *)vm + 128);
    }
}

void process_message_free(Message *m)
{
    if (SCHED->nspare_messages >= SPARE_MESSAGES_MAX) {
        memory_release(sizeof *m);
        free(m);
        return;
    }
    m->next = SCHED->spare_messages;
    SCHED->spare_messages = m;
    SCHED->nspare_messages++;
}

/* ---- timers: a binary heap ordered by (time, sequence) ------------------------------
 * Each timer knows its slot in the heap, so a cancelled one leaves at once
 * (O(log n)) instead of waiting to fire, and message timers are found by
 * reference through a hash index rather than by a scan. */

typedef enum { TIMER_MESSAGE, TIMER_RECEIVE } TimerKind;

struct Timer {
    uint64_t time, seq, ref;
    size_t slot;        /* index in the heap `timers` */
    TimerKind kind;
    uint32_t pid;       /* receive timeouts */
    Term dest;          /* message timers: a pid or a registered name */
    Heap msg_heap;
    Term msg;
};

static void idle_push(Process *p);

static bool timer_before(const Timer *a, const Timer *b)
{
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static void timer_place(size_t i, Timer *t)
{
    SCHED->timers[i] = t;
    t->slot = i;
}

static void timer_sift_up(size_t i)
{
    Timer *t = SCHED->timers[i];
    while (i > 0 && timer_before(t, SCHED->timers[(i - 1) / 2])) {
        timer_place(i, SCHED->timers[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    timer_place(i, t);
}

static void timer_sift_down(size_t i)
{
    Timer *t = SCHED->timers[i];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = l;
        if (l >= SCHED->ntimers) break;
        if (r < SCHED->ntimers && timer_before(SCHED->timers[r], SCHED->timers[l])) m = r;
        if (!timer_before(SCHED->timers[m], t)) break;
        timer_place(i, SCHED->timers[m]);
        i = m;
    }
    timer_place(i, t);
}

static void timer_push(Timer *t)
{
    if (SCHED->ntimers == SCHED->timers_cap) {
        size_t grown = SCHED->timers_cap ? SCHED->timers_cap * 2 : 64;
        SCHED->timers = xrealloc(SCHED->timers, grown * sizeof *SCHED->timers);
        SCHED->timers_cap = grown; /* only once the memory is there */
    }
    size_t i = SCHED->ntimers++;
    timer_place(i, t);
    /* (the latest timer, a call's usually, stays where it is) */
    if (i > 0 && timer_before(t, SCHED->timers[(i - 1) / 2])) timer_sift_up(i);
}

/* Takes t out of the heap, wherever it is. */
static void timer_unlink(Timer *t)
{
    size_t i = t->slot;
    Timer *last = SCHED->timers[--SCHED->ntimers];
    if (last == t) return;
    timer_place(i, last);
    if (i > 0 && timer_before(last, SCHED->timers[(i - 1) / 2])) timer_sift_up(i);
    else timer_sift_down(i);
}

/* ---- message timers by reference: open addressing, linear probing ---- */


static size_t timer_index_home(uint64_t ref) { return (size_t)((ref * 0x9e3779b97f4a7c15ULL) >> 20) & (SCHED->timer_index_cap - 1); }

static void timer_index_add(Timer *t);

static void timer_index_grow(void)
{
    Timer **old = SCHED->timer_index;
    size_t old_cap = SCHED->timer_index_cap, cap = old_cap ? old_cap * 2 : 64;
    Timer **index = xcalloc(cap, sizeof *index); /* before anything changes */
    SCHED->timer_index_cap = cap;
    SCHED->timer_index = index;
    SCHED->timer_index_count = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i]) timer_index_add(old[i]);
    free(old);
}

static void timer_index_add(Timer *t)
{
    if (2 * (SCHED->timer_index_count + 1) > SCHED->timer_index_cap) timer_index_grow();
    size_t i = timer_index_home(t->ref);
    while (SCHED->timer_index[i]) i = (i + 1) & (SCHED->timer_index_cap - 1);
    SCHED->timer_index[i] = t;
    SCHED->timer_index_count++;
}

static size_t timer_index_find(uint64_t ref)
{
    if (!SCHED->timer_index_cap) return SIZE_MAX;
    for (size_t i = timer_index_home(ref); SCHED->timer_index[i]; i = (i + 1) & (SCHED->timer_index_cap - 1))
        if (SCHED->timer_index[i]->ref == ref) return i;
    return SIZE_MAX;
}

/* Removes slot i and shifts back the entries of its probe run, so lookups
 * need no tombstones. */
static void timer_index_remove_at(size_t i)
{
    size_t mask = SCHED->timer_index_cap - 1;
    SCHED->timer_index[i] = NULL;
    SCHED->timer_index_count--;
    for (size_t j = (i + 1) & mask; SCHED->timer_index[j]; j = (j + 1) & mask) {
        size_t home = timer_index_home(SCHED->timer_index[j]->ref);
        /* entry j may move to the hole when the hole lies on its probe path */
        if (((j - home) & mask) >= ((j - i) & mask)) {
            SCHED->timer_index[i] = SCHED->timer_index[j];
            SCHED->timer_index[j] = NULL;
            i = j;
        }
    }
}

static void timer_free(Timer *t)
{
    if (t->kind == TIMER_MESSAGE) {
        size_t i = timer_index_find(t->ref);
        if (i != SIZE_MAX) timer_index_remove_at(i);
        heap_release(&t->msg_heap);
    }
    if (t->kind == TIMER_RECEIVE && !SCHED->spare_timer) SCHED->spare_timer = t;
    else free(t);
}

static Timer *timer_pop(void)
{
    if (!SCHED->ntimers) return NULL;
    Timer *top = SCHED->timers[0];
    timer_unlink(top);
    return top;
}

uint64_t ref_next_id(void) { return ++SCHED->ref_counter; }

uint64_t timer_send_after(uint64_t delay_ms, Term dest, Term msg)
{
    return timer_send_after_ref(delay_ms, dest, msg, ref_next_id());
}

uint64_t timer_send_after_ref(uint64_t delay_ms, Term dest, Term msg, uint64_t ref)
{
    Timer *t = xcalloc(1, sizeof *t);
    t->time = clock_now() + delay_ms;
    t->seq = SCHED->timer_seq++;
    t->ref = ref;
    t->kind = TIMER_MESSAGE;
    heap_init(&t->msg_heap, 0);
    t->dest = dest;
    t->msg = term_copy(&t->msg_heap, msg);
    timer_push(t);
    timer_index_add(t);
    TRACE(trace_timer_set(SCHED->current ? pid_serial(SCHED->current->pid) : 0, t->ref, t->dest, t->msg, delay_ms));
    return t->ref;
}

static Timer *timer_by_ref(uint64_t ref)
{
    size_t i = timer_index_find(ref);
    return i == SIZE_MAX ? NULL : SCHED->timer_index[i];
}

int64_t timer_cancel(uint64_t ref)
{
    Timer *t = timer_by_ref(ref);
    if (!t) return -1;
    int64_t left = t->time > clock_now() ? (int64_t)(t->time - clock_now()) : 0;
    TRACE(trace_timer_cancel(SCHED->current ? pid_serial(SCHED->current->pid) : 0, ref));
    timer_unlink(t);
    timer_free(t);
    return left;
}

int64_t timer_read(uint64_t ref)
{
    Timer *t = timer_by_ref(ref);
    if (!t) return -1;
    return t->time > clock_now() ? (int64_t)(t->time - clock_now()) : 0;
}

static void arm_receive_timeout(Process *p)
{
    Term timeout = p->vm->receive_timeout;
    if (!term_is_small(timeout) || small_value(timeout) < 0) return; /* :infinity */
    if (p->receive_timer) return; /* armed by an earlier wait of this receive */
    if (p->wake_at != UINT64_MAX) {
        /* it expired while a non-matching message had woken the receive */
        p->wake_at = UINT64_MAX;
        wake(p, true);
        return;
    }
    Timer *t = SCHED->spare_timer;
    if (t) {
        /* a spare is a receive timer: what receive timers never set (the
         * message fields) is still zero */
        SCHED->spare_timer = NULL;
    } else {
        t = xcalloc(1, sizeof *t);
    }
    t->time = clock_now() + (uint64_t)small_value(timeout);
    t->seq = SCHED->timer_seq++;
    t->kind = TIMER_RECEIVE;
    t->pid = pid_serial(p->pid);
    p->wake_at = t->time;
    p->receive_timer = t;
    timer_push(t);
}

void process_cancel_receive_timeout(Process *p)
{
    Timer *t = p->receive_timer;
    p->wake_at = UINT64_MAX;
    if (!t) return;
    p->receive_timer = NULL;
    /* A call's reply comes before any later timer is set: its timer is
     * the heap's last, which leaves without a sift, and becomes the
     * spare (what timer_unlink and timer_free do, on every call). */
    if (t->slot == SCHED->ntimers - 1 && !SCHED->spare_timer) {
        SCHED->ntimers--;
        SCHED->spare_timer = t;
        return;
    }
    timer_unlink(t);
    timer_free(t);
}

/* Fires every timer due at the earliest pending time, advancing the clock
 * to it. False if there are no timers. */
static bool fire_next_timers(void)
{
    if (!SCHED->ntimers) return false;
    uint64_t when = SCHED->timers[0]->time;
    if (when > clock_now()) {
        uint64_t before = clock_now_us();
        SCHED->now_ps = when * PS_PER_MS;
        TRACE(trace_clock(before));
    }
    call_idle_hook(); /* the logger prints what came due */
    while (SCHED->ntimers && SCHED->timers[0]->time <= when) {
        Timer *t = timer_pop();
        if (t->kind == TIMER_MESSAGE) {
            TRACE(trace_timer_fire(t->ref, t->dest, t->msg));
            Process *to = term_is_pid(t->dest) ? process_of(t->dest) : process_whereis(t->dest);
            if (to) process_send(to, t->msg);
        } else {
            Process *p = process_find(t->pid);
            if (p && p->receive_timer == t) {
                p->receive_timer = NULL;
                /* a process woken by a message that did not match keeps
                 * wake_at set: its next wait times out at once */
                if (p->status == PROC_WAITING) {
                    p->wake_at = UINT64_MAX;
                    TRACE(trace_timeout(t->pid));
                    wake(p, true);
                }
            }
        }
        timer_free(t);
    }
    return true;
}

/* Fires the timers that work has brought due, without moving the clock:
 * a process that spins does not hold them back. */
static void fire_due_timers(void)
{
    while (SCHED->ntimers && SCHED->timers[0]->time <= clock_now()) fire_next_timers();
}

uint64_t clock_now(void) { return SCHED->now_ps / PS_PER_MS; }
uint64_t clock_now_us(void) { return SCHED->now_ps / (PS_PER_MS / 1000); }
void sched_set_cpu_ps(uint64_t ps) { SCHED->cpu_ps = ps; }
uint64_t clock_epoch_ms(void) { return 1704067200000ULL; /* 2024-01-01T00:00:00Z */ }

/* ---- names ----------------------------------------------------------------------- */


Process *process_whereis(Term name)
{
    for (size_t i = 0; i < SCHED->nnames; i++)
        if (SCHED->names[i].name == name) return process_find(SCHED->names[i].serial);
    return NULL;
}

bool process_register(Process *p, Term name)
{
    if (!term_is_atom(name) || name == ATOM_undefined || process_whereis(name) || p->registered_name != ATOM_nil) return false;
    if (SCHED->nnames == SCHED->names_cap) {
        size_t grown = SCHED->names_cap ? SCHED->names_cap * 2 : 32;
        SCHED->names = xrealloc(SCHED->names, grown * sizeof *SCHED->names);
        SCHED->names_cap = grown; /* only once the memory is there */
    }
    SCHED->names[SCHED->nnames++] = (NameEntry){name, pid_serial(p->pid)};
    p->registered_name = name;
    return true;
}

bool process_unregister(Term name)
{
    for (size_t i = 0; i < SCHED->nnames; i++)
        if (SCHED->names[i].name == name) {
            Process *p = process_find(SCHED->names[i].serial);
            if (p) p->registered_name = ATOM_nil;
            SCHED->names[i] = SCHED->names[--SCHED->nnames];
            return true;
        }
    return false;
}

Term process_registered_names(Heap *h)
{
    Term list = TERM_NIL;
    for (size_t i = SCHED->nnames; i-- > 0;) list = cons_new(h, SCHED->names[i].name, list);
    return list;
}

/* ---- links and monitors ------------------------------------------------------------ */

static bool has_link(Process *p, uint32_t serial)
{
    for (size_t i = 0; i < p->nlinks; i++)
        if (p->links[i] == serial) return true;
    return false;
}

static void add_link(Process *p, uint32_t serial)
{
    if (has_link(p, serial)) return;
    if (p->nlinks == p->links_cap) {
        size_t grown = p->links_cap ? p->links_cap * 2 : 4;
        p->links = xrealloc(p->links, grown * sizeof *p->links);
        p->links_cap = grown; /* only once the memory is there */
    }
    p->links[p->nlinks++] = serial;
}

static void remove_link(Process *p, uint32_t serial)
{
    for (size_t i = 0; i < p->nlinks; i++)
        if (p->links[i] == serial) {
            p->links[i] = p->links[--p->nlinks];
            return;
        }
}

void process_link(Process *a, Process *b)
{
    if (a == b) return;
    add_link(a, pid_serial(b->pid));
    add_link(b, pid_serial(a->pid));
    TRACE(trace_link(pid_serial(a->pid), pid_serial(b->pid), true));
}

void process_unlink(Process *a, Process *b)
{
    remove_link(a, pid_serial(b->pid));
    if (b) remove_link(b, pid_serial(a->pid));
    TRACE(trace_link(pid_serial(a->pid), b ? pid_serial(b->pid) : 0, false));
}

static void monitor_grow(Monitor **arr, uint32_t *cap)
{
    uint32_t grown = *cap ? *cap * 2 : 4;
    *arr = xrealloc(*arr, grown * sizeof **arr);
    *cap = grown; /* only once the memory is there */
}

/* (inline: every GenServer.call monitors its server) */
static inline void monitor_push(Monitor **arr, uint32_t *n, uint32_t *cap, Monitor m)
{
    if (__builtin_expect(*n == *cap, 0)) monitor_grow(arr, cap);
    (*arr)[(*n)++] = m;
}

static Term down_message(Process *to, uint64_t ref, Term who, Term reason)
{
    Heap *h = &to->heap;
    return tuple_from(h, 5, (Term[]){ATOM_DOWN, ref_new(h, ref), ATOM_process, term_copy(h, who), term_copy(h, reason)});
}

uint64_t process_monitor(Process *watcher, Term target_pid, Term name)
{
    uint64_t ref = ref_next_id();
    Process *target = term_is_pid(target_pid) ? process_of(target_pid) : process_whereis(name);
    if (!target) {
        Term who = name != ATOM_nil ? tuple2(&watcher->heap, name, atom_from_cstr("nonode@nohost")) : target_pid;
        process_send(watcher, down_message(watcher, ref, who, ATOM_noproc));
        return ref;
    }
    monitor_push(&watcher->monitors, &watcher->nmonitors, &watcher->monitors_cap, (Monitor){ref, pid_serial(target->pid), name});
    monitor_push(&target->watchers, &target->nwatchers, &target->watchers_cap, (Monitor){ref, pid_serial(watcher->pid), name});
    TRACE(trace_monitor(pid_serial(watcher->pid), pid_serial(target->pid)));
    return ref;
}

static bool monitor_remove(Monitor *arr, uint32_t *n, uint64_t ref, uint32_t *other)
{
    for (size_t i = 0; i < *n; i++)
        if (arr[i].ref == ref) {
            if (other) *other = arr[i].pid;
            arr[i] = arr[--*n];
            return true;
        }
    return false;
}

bool process_demonitor(Process *watcher, uint64_t ref)
{
    uint32_t other;
    if (!monitor_remove(watcher->monitors, &watcher->nmonitors, ref, &other)) return false;
    Process *target = process_find(other);
    if (target) monitor_remove(target->watchers, &target->nwatchers, ref, NULL);
    return true;
}

/* ---- exits ---------------------------------------------------------------------------- */

static void process_free(Process *p)
{
    process_cancel_receive_timeout(p);
    vm_state_free(p->vm);
    p->vm = NULL;
    heap_release(&p->heap);
    free(p->links);
    free(p->monitors);
    free(p->watchers);
    p->links = NULL;
    p->monitors = p->watchers = NULL;
}

static void process_exit_now(Process *p, Term reason);

/* p's innermost host call in progress, or NULL. */
static HostCall *host_call_of(Process *p)
{
    for (size_t i = SCHED->nhost_calls; i-- > 0;)
        if (SCHED->host_calls[i].p == p) return &SCHED->host_calls[i];
    return NULL;
}

static int serial_order(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A process that exits leaves the other side of each of its monitors
 * (list: its own, or its watchers'; the others' entries are in their
 * `watchers` or `monitors`). Each other process is visited once and loses
 * every entry naming `self` in one pass: removing them one scan per
 * monitor would take 100,000 monitors from one process quadratic time. */
static void monitors_leave_others(const Monitor *list, size_t n, uint32_t self, bool others_watch)
{
    if (n == 0) return;
    uint32_t *others = xmalloc(n * sizeof *others);
    for (size_t i = 0; i < n; i++) others[i] = list[i].pid;
    qsort(others, n, sizeof *others, serial_order);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && others[i] == others[i - 1]) continue;
        Process *q = process_find(others[i]);
        if (!q) continue;
        Monitor *arr = others_watch ? q->watchers : q->monitors;
        uint32_t *count = others_watch ? &q->nwatchers : &q->nmonitors, kept = 0;
        for (uint32_t j = 0; j < *count; j++)
            if (arr[j].pid != self) arr[kept++] = arr[j];
        *count = kept;
    }
    free(others);
}

/* Exits caused by an exit in progress wait here, so that a chain of a
 * million linked processes dies one after another instead of recursing in
 * C once per link. Each keeps its reason in a heap of its own. */
struct PendingExit {
    uint32_t serial;
    Heap heap;
    Term reason;
};

static void pending_exit_push(Process *p, Term reason)
{
    if (SCHED->npending_exits == SCHED->pending_exits_cap) {
        size_t grown = SCHED->pending_exits_cap ? SCHED->pending_exits_cap * 2 : 64;
        SCHED->pending_exits = xrealloc(SCHED->pending_exits, grown * sizeof *SCHED->pending_exits);
        SCHED->pending_exits_cap = grown; /* only once the memory is there */
    }
    PendingExit *e = &SCHED->pending_exits[SCHED->npending_exits++];
    e->serial = pid_serial(p->pid);
    heap_init(&e->heap, 0);
    e->reason = term_copy(&e->heap, reason);
}

void process_exit(Process *p, Term reason)
{
    if (SCHED->exits_draining) {
        if (p->status != PROC_EXITED) pending_exit_push(p, reason);
        return;
    }
    SCHED->exits_draining = true;
    /* An exit is delivered whole (every DOWN, every link): past the memory
     * limit, the running process must not be ended halfway through it. */
    HeapFailureJump outer = heap_set_failure_jump((HeapFailureJump){NULL, NULL, NULL});
    process_exit_now(p, reason);
    /* First in, first out: exits spread breadth-first along the links. */
    for (size_t i = 0; i < SCHED->npending_exits; i++) {
        /* A copy: the exit below may grow (move) the array. */
        PendingExit e = SCHED->pending_exits[i];
        Process *next = process_find(e.serial);
        if (next) process_exit_now(next, e.reason);
        heap_release(&e.heap);
    }
    SCHED->npending_exits = 0;
    SCHED->exits_draining = false;
    heap_set_failure_jump(outer);
}

static void process_exit_now(Process *p, Term reason)
{
    if (p->status == PROC_EXITED) return;
    if (p == SCHED->current || host_call_of(p)) {
        /* It is running (or its host call is: a native of it waits for
         * that call on the C stack): its VM stops when the native that
         * caused this returns (VM_KILLED), and the exit completes then. */
        if (!p->exit_pending) {
            p->exit_pending = true;
            p->exit_reason = term_copy(&p->heap, reason);
        }
        return;
    }
    TRACE(trace_exit(pid_serial(p->pid), reason));
    p->status = PROC_EXITED;
    SCHED->alive--;
    /* The reason outlives p's heap while it is delivered: keep a copy. */
    Heap tmp;
    heap_init(&tmp, 0);
    reason = term_copy(&tmp, reason);
    Term pid = p->pid;
    if (SCHED->hooks.exited) SCHED->hooks.exited(pid); /* its ETS tables go */
    if (p->registered_name != ATOM_nil) process_unregister(p->registered_name);
    monitors_leave_others(p->monitors, p->nmonitors, pid_serial(pid), true);
    monitors_leave_others(p->watchers, p->nwatchers, pid_serial(pid), false);
    size_t nlinks = p->nlinks, nwatchers = p->nwatchers;
    uint32_t *links = p->links;
    Monitor *watchers = p->watchers;
    p->links = NULL;
    p->watchers = NULL;
    p->nlinks = p->nwatchers = 0;
    p->links_cap = p->watchers_cap = 0; /* the main process is used again */
    SCHED->signal_from = pid_serial(pid);
    for (size_t i = 0; i < nwatchers; i++) {
        Process *w = process_find(watchers[i].pid);
        if (!w) continue;
        Term who = watchers[i].name != ATOM_nil ? tuple2(&w->heap, watchers[i].name, atom_from_cstr("nonode@nohost")) : pid;
        TRACE(trace_down(watchers[i].pid, pid_serial(pid), reason));
        process_send(w, down_message(w, watchers[i].ref, who, reason));
    }
    for (size_t i = 0; i < nlinks; i++) {
        Process *l = process_find(links[i]);
        if (!l) continue;
        remove_link(l, pid_serial(pid));
        process_exit_signal(pid, l, reason, true);
    }
    SCHED->signal_from = 0;
    free(links);
    free(watchers);
    if (!p->is_main) {
        process_free(p);
        SCHED->table[pid_serial(pid)] = NULL;
        if (!p->queued) process_struct_release(p); /* else runq_pop frees it */
    } else {
        p->exit_reason = term_copy(&p->heap, reason);
    }
    heap_release(&tmp);
}

void process_exit_signal(Term from, Process *to, Term reason, bool from_link)
{
    if (!to || to->status == PROC_EXITED) return;
    if (reason == ATOM_kill && !from_link) {
        process_exit(to, ATOM_killed);
        return;
    }
    if (to->trap_exit) {
        Term msg = tuple3(&to->heap, ATOM_EXIT, from, term_copy(&to->heap, reason));
        process_send(to, msg);
        return;
    }
    if (reason == ATOM_normal && !(from == to->pid && !from_link)) return;
    process_exit(to, reason);
}

void sched_visit_held_words(HeapWordsVisit visit, void *ctx)
{
    for (size_t i = 0; i < SCHED->ntimers; i++) {
        Timer *t = SCHED->timers[i];
        if (t->kind != TIMER_MESSAGE) continue;
        heap_visit_words(&t->msg_heap, visit, ctx);
        visit(ctx, &t->msg, 1);
    }
    for (size_t i = 0; i < SCHED->npending_exits; i++) {
        heap_visit_words(&SCHED->pending_exits[i].heap, visit, ctx);
        visit(ctx, &SCHED->pending_exits[i].reason, 1);
    }
}

/* ---- compaction of waiting processes ------------------------------------------------------ */


static void idle_push(Process *p)
{
    if (SCHED->nidle == SCHED->idle_cap) {
        size_t grown = SCHED->idle_cap ? SCHED->idle_cap * 2 : 64;
        SCHED->idle = xrealloc(SCHED->idle, grown * sizeof *SCHED->idle);
        SCHED->idle_cap = grown; /* only once the memory is there */
    }
    SCHED->idle[SCHED->nidle++] = pid_serial(p->pid);
}

void process_compact(Process *p)
{
    if (!p->compact_pending) return;
    p->compact_pending = false;
    if (p->status != PROC_WAITING || !p->vm || !p->vm->fn || !SCHED->hooks.registers_in_use) return;
    size_t top, extent;
    SCHED->hooks.registers_in_use(p, &top, &extent);
    gc_compact(p, top, extent);
}

/* How many processes may start waiting before they are compacted even
 * though the scheduler is not idle. */
#define IDLE_BURST 1024

/* Whether compacting p now gives back enough to pay for the collection:
 * a process that waits again and again (a ring's, a busy server's) is
 * compacted once its heap holds more than twice its live data and a few
 * hundred bytes, or its registers or frames have doubled, not at every
 * wait. */
static bool worth_compacting(const Process *p)
{
    const VmState *vm = p->vm;
    return p->heap.capacity_words > 2 * p->heap.live_words + 64 ||
           (vm && (vm->regs_cap > 2 * VM_INLINE_REGS || vm->frames_cap > 2 * VM_INLINE_FRAMES));
}

/* Compacts the processes that started waiting since the last time with
 * memory to give back. */
static void compact_idle(void)
{
    for (size_t i = 0; i < SCHED->nidle; i++) {
        Process *p = process_find(SCHED->idle[i]);
        if (!p) continue;
        process_compact(p);
    }
    SCHED->nidle = 0;
}

/* ---- running --------------------------------------------------------------------------- */

/* The exit reason of a process ended by an uncaught exception. */
static Term crash_reason(Process *p)
{
    Heap *h = &p->heap;
    if (p->exc_class == ATOM_exit) return p->exc_reason;
    if (p->exc_class == ATOM_throw)
        return tuple2(h, tuple2(h, atom_from_cstr("nocatch"), p->exc_reason), p->exc_stacktrace);
    return tuple2(h, p->exc_reason, p->exc_stacktrace);
}

/* Runs one slice of p. Returns its status; finished non-main processes exit. */
static VmStatus run_slice(Process *p, Process *main)
{
    SCHED->current = p;
    uint64_t before = p->reductions;
    VmStatus st = SCHED->hooks.run(p, SLICE_REDUCTIONS);
    SCHED->current = NULL;
    SCHED->now_ps += (p->reductions - before) * SCHED->cpu_ps; /* work takes time */
    /* an exit signal that came while a host call of p ran, with p in the
     * middle of a call that does not look (a module it had to load) */
    if (__builtin_expect(p->exit_pending, 0) && st != VM_KILLED && !host_call_of(p)) st = VM_KILLED;
    switch (st) {
    case VM_KILLED:
        p->exit_pending = false;
        if (p->heap_killed && SCHED->hooks.crashed) SCHED->hooks.crashed(p); /* the max_heap_size or out-of-memory report */
        process_exit(p, p->exit_reason);
        break;
    case VM_YIELD:
        if (p->status == PROC_RUNNABLE) runq_push(p);
        break;
    case VM_WAIT:
        p->status = PROC_WAITING;
        arm_receive_timeout(p);
        /* it allocated since its last collection: keep only what is live
         * while it waits (an idle server then costs its live data) */
        /* memory it may give back is given back when the scheduler is
         * idle (or someone asks for its memory): a busy server that waits
         * between calls is not collected on every call */
        /* Whether it is worth it is asked now, while p is in the cache:
         * asked in the burst, a thousand waits later, it cost a ring of
         * 100,000 processes four cache misses a hop. One with nothing
         * to give back is not listed. */
        if (!p->compact_pending && worth_compacting(p)) {
            p->compact_pending = true;
            idle_push(p);
            /* ... or when many have started waiting since the last time:
             * a burst of spawns that each go idle (a million processes
             * waiting in receive, servers started one after another)
             * never leaves the scheduler idle until it is over */
            if (SCHED->nidle >= IDLE_BURST) compact_idle();
        }
        break;
    case VM_DONE:
    case VM_ERROR: {
        HostCall *call = SCHED->nhost_calls ? host_call_of(p) : NULL;
        if (call && !call->done) {
            /* its host call returned: the C code that made it goes on
             * (sched_run_host_call), not the scheduler */
            call->done = true;
            call->status = st;
            p->status = PROC_WAITING;
            break;
        }
        if (p->is_main) {
            /* sched_run_main answers, maybe once the host calls that ran
             * this slice (further up the C stack) are done */
            SCHED->main_finished = true;
            SCHED->main_status = st;
            p->status = PROC_WAITING;
            break;
        }
        if (st == VM_DONE) {
            if (p != main) process_exit(p, ATOM_normal);
            break;
        }
        if (p != main) {
            /* the hook may have it run its own crash report first */
            if (SCHED->hooks.crashed && SCHED->hooks.crashed(p)) {
                runq_push(p);
                break;
            }
            process_exit(p, crash_reason(p));
        }
        break;
    }
    }
    return st;
}

Process *process_replace_main(Process *old)
{
    if (old->status != PROC_EXITED) process_exit(old, ATOM_kill);
    uint32_t serial = pid_serial(old->pid);
    process_free(old);
    SCHED->table[serial] = NULL;
    if (old->queued) old->is_main = false; /* runq_pop frees it */
    else process_struct_release(old);
    return process_spawn_main();
}


/* The earliest time a live timer is due; false if there is none. */
static bool next_timer_due(uint64_t *when)
{
    if (!SCHED->ntimers) return false;
    *when = SCHED->timers[0]->time;
    return true;
}

/* How many slices sched_run_until runs at most: a process that never
 * waits must not keep the shell from its next prompt. */
#define BACKGROUND_SLICES 2000

void sched_run_until(uint64_t until)
{
    size_t slices = 0;
    SCHED->loops++;
    while (!SCHED->halt_requested && slices < BACKGROUND_SLICES) {
        Process *p = runq_pop();
        if (!p) {
            call_idle_hook();
            uint64_t when;
            if (!next_timer_due(&when) || when > until) break;
            fire_next_timers();
            continue;
        }
        if (p->status != PROC_RUNNABLE || p->is_main) continue;
        run_slice(p, NULL);
        fire_due_timers();
        slices++;
    }
    SCHED->loops--;
    SCHED->interrupt_requested = 0; /* nothing was evaluating: Ctrl-C only stops this */
    if (clock_now() < until) SCHED->now_ps = until * PS_PER_MS;
    call_idle_hook();
    compact_idle();
}

void sched_state_free(void)
{
    SchedState *s = SCHED;
    if (!s) return;
    /* A process that exited while queued is in the run queue only. */
    for (Process *p = s->run_head, *next; p; p = next) {
        next = p->run_next;
        uint32_t serial = pid_serial(p->pid);
        if (serial >= s->table_cap || s->table[serial] != p) process_struct_release(p);
    }
    for (size_t i = 0; i < s->table_cap; i++)
        if (s->table[i]) {
            process_free(s->table[i]);
            process_struct_release(s->table[i]);
        }
    for (size_t i = 0; i < s->ntimers; i++) timer_free(s->timers[i]);
    free(s->spare_timer);
    while (s->spare_messages) {
        Message *m = s->spare_messages;
        s->spare_messages = m->next;
        free(m);
    }
    free(s->table);
    free(s->timers);
    free(s->timer_index);
    free(s->names);
    free(s->idle);
    free(s->pending_exits);
    free(s->host_calls);
    free(s->held);
    free(s);
    rt->sched = NULL;
}

static bool run_main_loop(Process *main, VmStatus *status);

bool sched_run_main(Process *main, VmStatus *status)
{
    SCHED->loops++;
    bool ok = run_main_loop(main, status);
    SCHED->loops--;
    return ok;
}

static bool run_main_loop(Process *main, VmStatus *status)
{
    main->status = PROC_RUNNABLE;
    /* it runs new code, whatever receive it waited in before */
    main->receiving = false;
    main->woken = PROCESS_WOKEN_NOT;
    SCHED->main_finished = false;
    runq_push(main);
    for (;;) {
        if (SCHED->main_finished) {
            /* its code returned or raised, in this loop or in a host call's */
            SCHED->main_finished = false;
            *status = SCHED->main_status;
            return true;
        }
        if (SCHED->halt_requested) return false;
        if (SCHED->interrupt_requested) {
            /* Ctrl-C in the shell: the evaluator is killed, as IEx's is */
            SCHED->interrupt_requested = 0;
            process_exit(main, atom_from_cstr("interrupted"));
            return false;
        }
        Process *p = runq_pop();
        if (!p) {
            call_idle_hook();
            compact_idle();
            if (fire_next_timers()) continue;
            return false; /* everything waits: nothing will ever wake main */
        }
        if (p->status != PROC_RUNNABLE) continue;
        run_slice(p, main);
        fire_due_timers();
        if (main->status == PROC_EXITED) return false;
    }
}

/* ---- host calls ----------------------------------------------------------------------
 * C code that needs Elixir to run (the compiler expanding a macro or running
 * a module body, a crash formatted by Exception.format) has the process it
 * works for call the code on top of what that process was doing (vm.h's
 * vm_eval_in sets it up), then runs the scheduler here until the call
 * returns. The call is ordinary work of that process: preempted, counted,
 * free to receive, while every other process runs and timers fire. The
 * process may be idle (the main process between two inputs) or in the
 * middle of a native (a library load in the middle of its call): then its exit is put
 * off until the native returns, and the loop never runs it as anything but
 * its call. Host calls nest and are answered innermost first, as the C
 * stack unwinds.
 *
 * A compile does not come here: compile-time code (a macro, a module
 * body, `__using__`) runs between attempts of a compile that starts again
 * with the outcomes of the calls it made (lang/compile_run.h), as the
 * process's ordinary work with no compiler below it on the C stack, for
 * a process's native (Code.eval_string, a defmodule at run time) and for
 * the host's own compiles (the shell's input, a script) alike. What still
 * comes here: a library file loading from source (no build image) in the
 * middle of a call (sched_exclusive), whose caller is C that cannot start
 * again, and the host formatting an error outside any compile
 * (Exception.format for an uncaught error, in the idle main process).
 * While such a call runs, every process runs in its loop (the main
 * process too: its code's end is noted for sched_run_main), but the C
 * code below it, the host's included, waits until it returns; Ctrl-C
 * abandons it. A crash report needs none of this: the crashing process
 * itself is set up to run the formatting code (see
 * runtime.c), with nothing on the C stack. */

Process *sched_current(void) { return SCHED->current; }

void sched_exclusive(bool on) { SCHED->exclusive += on ? 1 : -1; }
bool sched_is_exclusive(void) { return SCHED->exclusive > 0; }

static void hold(Process *q)
{
    if (SCHED->nheld == SCHED->held_cap) {
        size_t grown = SCHED->held_cap ? SCHED->held_cap * 2 : 8;
        SCHED->held = xrealloc(SCHED->held, grown * sizeof *SCHED->held);
        SCHED->held_cap = grown; /* only once the memory is there */
    }
    SCHED->held[SCHED->nheld++] = q;
}

Process *sched_evaluator(void)
{
    if (SCHED->current) return SCHED->current;
    /* between two slices (a hook), the main process may be anywhere in its
     * code: only the host, with no loop running, may have it evaluate */
    if (SCHED->loops) return NULL;
    return SCHED->main && SCHED->main->status != PROC_EXITED ? SCHED->main : NULL;
}

static void runq_remove(Process *p)
{
    for (Process **link = &SCHED->run_head, *prev = NULL; *link; prev = *link, link = &(*link)->run_next)
        if (*link == p) {
            *link = p->run_next;
            if (SCHED->run_tail == p) SCHED->run_tail = prev;
            p->queued = false;
            return;
        }
}

bool sched_run_host_call(Process *p, VmStatus *status)
{
    Process *outer = SCHED->current;
    int was_status = p->status;
    if (SCHED->nhost_calls == SCHED->host_calls_cap) {
        size_t grown = SCHED->host_calls_cap ? SCHED->host_calls_cap * 2 : 4;
        SCHED->host_calls = xrealloc(SCHED->host_calls, grown * sizeof *SCHED->host_calls);
        SCHED->host_calls_cap = grown; /* only once the memory is there */
    }
    size_t depth = SCHED->nhost_calls++;
    SCHED->loops++;
    SCHED->host_calls[depth] = (HostCall){p, false, VM_DONE};
    size_t held_from = SCHED->nheld;
    p->status = PROC_RUNNABLE;
    p->receiving = false;
    p->woken = PROCESS_WOKEN_NOT;
    if (!p->queued) runq_push(p);
    bool returned = false;
    *status = VM_KILLED;
    for (;;) {
        HostCall *call = &SCHED->host_calls[depth];
        if (call->done) {
            *status = call->status;
            returned = true;
            break;
        }
        if (p->exit_pending || SCHED->halt_requested) break;
        if (SCHED->interrupt_requested) {
            /* Ctrl-C stops what the evaluator runs; the loop further down
             * kills it when the call was another process's */
            if (p->is_main) {
                SCHED->interrupt_requested = 0;
                process_exit(p, atom_from_cstr("interrupted"));
            }
            break;
        }
        Process *q = runq_pop();
        if (!q) {
            call_idle_hook();
            compact_idle();
            if (fire_next_timers()) continue;
            /* everything waits: nothing will ever answer */
            *status = VM_WAIT;
            break;
        }
        if (q->status != PROC_RUNNABLE) continue;
        if (SCHED->exclusive && q != p) {
            hold(q);
            continue;
        }
        run_slice(q, NULL);
        fire_due_timers();
    }
    SCHED->nhost_calls--;
    SCHED->loops--;
    /* what was held back runs again, in the order it came */
    for (size_t i = held_from; i < SCHED->nheld; i++) {
        Process *q = SCHED->held[i];
        if (q->status == PROC_RUNNABLE && !q->queued) runq_push(q);
    }
    SCHED->nheld = held_from;
    if (!returned) {
        /* the call is abandoned: it must not run again as p's code */
        if (p->queued) runq_remove(p);
        process_cancel_receive_timeout(p);
        p->receiving = false;
        p->woken = PROCESS_WOKEN_NOT;
    }
    if (p->status != PROC_EXITED) p->status = was_status;
    SCHED->current = outer;
    return returned;
}
