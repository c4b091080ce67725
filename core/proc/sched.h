/* sched.h - the one scheduler: process table, run queue, virtual clock,
 * timers, message delivery, exits, links and monitors.
 *
 * Everything runs on one thread. A process runs for a reduction budget and
 * goes back to the end of the FIFO run queue; a process in receive waits
 * off the queue until a message or its timeout. Time is virtual: the clock
 * jumps to the next timer only when nothing can run, so timeouts take no
 * real time and every run of the same input is the same.
 */
#ifndef GENLAB_SCHED_H
#define GENLAB_SCHED_H

#include "process.h"

typedef enum { PROC_RUNNABLE, PROC_WAITING, PROC_EXITED } ProcStatus;

/* A process by pid serial, or NULL if there is none alive. */
Process *process_find(uint32_t serial);
static inline Process *process_of(Term pid) { return term_is_pid(pid) ? process_find(pid_serial(pid)) : NULL; }

/* A new process with the next pid, not yet runnable: the layer above sets
 * up what it runs (process_spawn in vm.h), then process_start queues it. */
Process *process_create(void);
void process_start(Process *p);
/* The process that runs top-level code (the script or the shell). */
Process *process_spawn_main(void);

/* The max_heap_size (words of heap, registers and frames) that new
 * processes start with; 0 means none. Process.flag(:max_heap_size, n)
 * changes one process's own. */
void process_set_default_max_heap(size_t words);
size_t process_default_max_heap(void);

/* Copies msg into the receiver's mailbox and wakes it if it waits.
 * Sending to a dead pid does nothing, as on the BEAM. */
void process_send(Process *to, Term msg);
/* process_send of a message already built in the heap of `to`, a live
 * process (process_of answered it) that has a VM state: the natives that
 * build a protocol's message straight in the receiver (:gen's call and
 * reply) save a copy this way. */
void process_deliver(Process *to, Term msg);
/* A message taken out of a mailbox: its block is kept for the next send. */
void process_message_free(Message *m);

/* Ends p with reason: links get exit signals, monitors get DOWN messages,
 * its name is released. p's memory is freed. */
void process_exit(Process *p, Term reason);
/* An exit signal from `from` (a pid term) to p, with the BEAM's rules for
 * :normal, :kill and trapped exits. */
void process_exit_signal(Term from, Process *to, Term reason, bool from_link);

void process_link(Process *a, Process *b);
void process_unlink(Process *a, Process *b);
/* Monitors `target` (dead: DOWN with :noproc at once); returns the ref id. */
uint64_t process_monitor(Process *watcher, Term target_pid, Term name);
bool process_demonitor(Process *watcher, uint64_t ref);

/* Registered names. */
bool process_register(Process *p, Term name);
bool process_unregister(Term name);
Process *process_whereis(Term name);
Term process_registered_names(Heap *h);

/* Runs the main process (already prepared with vm_prepare_call) and every
 * other process until main's code returns or raises; *status tells which.
 * False if main can never continue (it waits and nothing can wake it). */
bool sched_run_main(Process *main, VmStatus *status);

/* The process inside vm_run, if any. */
Process *sched_current(void);
/* The process that evaluates what the host asks now: the running process
 * (a native of it compiles), else the main process; NULL if neither is. */
Process *sched_evaluator(void);

/* Runs p's host call (p was set up to call Elixir code on top of what it
 * was doing, see vm_eval_in in lang/vm.h) and every other process until
 * that call returns or raises: true, with *status VM_DONE or VM_ERROR.
 * False if it never will: p got an exit signal (*status VM_KILLED; its
 * exit is put off until the caller is done with it), the program halts
 * or Ctrl-C stops it (VM_KILLED), or everything waits (VM_WAIT). */
bool sched_run_host_call(Process *p, VmStatus *status);

/* While on (calls nest), host calls run their process alone: the others
 * wait. Loading a library file is so, as the BEAM's code server makes
 * every process that needs a module being loaded wait for it: with the
 * compiler's place on the C stack, no other process could wait for it
 * without holding up the load. */
void sched_exclusive(bool on);
bool sched_is_exclusive(void);

/* Gives back the memory a waiting process does not need (see gc_compact);
 * done lazily, when the scheduler is idle or the memory is asked for. */
void process_compact(Process *p);

/* Frees the main process after an exit signal killed it and starts a new
 * one with the next pid (the shell goes on, as IEx starts a new evaluator). */
Process *process_replace_main(Process *old);

/* The pid serial the next process gets; IEx's evaluator is #PID<0.106.0>
 * and each line its reader takes uses up one pid, so the shell sets and
 * skips serials to number pids as IEx does. */
void sched_set_next_serial(uint32_t serial);
void sched_skip_serial(void);

/* What the scheduler tells or asks the layer above: the scheduler went idle
 * (the logger prints what came due), a process other than main crashed, a
 * process exited (what it owned, such as ETS tables, is released). */
typedef struct SchedHooks {
    void (*idle)(void);
    /* true: the hook set p up to run its own crash report first (it
     * exits when that code exits) */
    bool (*crashed)(Process *p);
    void (*exited)(Term pid);
    /* What runs a process, which the scheduler does not know how to do:
     * run it for a budget of reductions (vm_run), and say which of its
     * registers are in use while it waits (vm_registers_in_use). */
    VmStatus (*run)(Process *p, long budget);
    void (*registers_in_use)(Process *p, size_t *top, size_t *extent);
} SchedHooks;
void sched_set_hooks(const SchedHooks *hooks);

/* A runtime's scheduler state (state.h): sched_state_init gives the active
 * runtime a fresh one, sched_state_free frees it with every process and
 * timer in it; sched_state names the active runtime's. */
typedef struct SchedState SchedState;
void sched_state_init(void);
void sched_state_free(void);
SchedState *sched_state(void);

/* Asks the scheduler of `s` to kill its main process (reason :interrupted)
 * at the next slice; safe to call from a signal handler, whichever runtime
 * is active. */
void sched_interrupt(SchedState *s);
/* System.halt: the scheduler stops at once; sched_halted says so. */
void sched_request_halt(int status);
bool sched_halted(int *status);

/* Runs what is runnable, other than main, until every process waits,
 * firing the timers due by `until` (virtual ms) in order, and leaves the
 * clock at `until` at least. Between two shell inputs; bounded, so that a
 * process that never waits cannot hold the shell. */
void sched_run_until(uint64_t until);

/* Virtual time in milliseconds since the start. */
uint64_t clock_now(void);
/* What one reduction costs on the virtual clock, in picoseconds: about
 * what the BEAM (OTP 25, JIT, one scheduler) takes per reduction on the
 * machine genlab was calibrated on (see bench/README). `--cpu-ns` sets it. */
#define SCHED_DEFAULT_CPU_PS 20000ULL
void sched_set_cpu_ps(uint64_t ps);
/* The same in microseconds. */
uint64_t clock_now_us(void);
/* The epoch the virtual clock starts at (System.system_time). */
uint64_t clock_epoch_ms(void);

/* Timers: Process.send_after and friends. Returns the timer's ref id. */
uint64_t timer_send_after(uint64_t delay_ms, Term dest, Term msg);
/* The same with a reference id the caller took from ref_next_id(), so the
 * message itself can carry it (erlang:start_timer/3). */
uint64_t timer_send_after_ref(uint64_t delay_ms, Term dest, Term msg, uint64_t ref);
/* Visits what the scheduler holds outside every process (the messages
 * of timers, the reasons of exits waiting to spread) word by word: for
 * lang/code_region.c's scan of what refers to a shell input's code. */
void sched_visit_held_words(HeapWordsVisit visit, void *ctx);
/* Milliseconds left, or -1 if there is no such timer. Cancels it. */
int64_t timer_cancel(uint64_t ref);
int64_t timer_read(uint64_t ref);
/* The receive p waited in is over (a message matched, or a zero timeout):
 * its timeout timer leaves the timer queue at once. */
void process_cancel_receive_timeout(Process *p);

/* A fresh reference id (make_ref). */
uint64_t ref_next_id(void);

/* The highest pid serial given out so far (to walk the table). */
uint32_t sched_last_serial(void);

/* Counts for :erlang.system_info / tests. */
size_t process_count(void);

/* The process table's size, as the BEAM's +P (and its default): a spawn
 * when that many processes live fails with :system_limit. The benchmarks
 * raise it (--max-processes) as they raise the BEAM's. */
#define SCHED_DEFAULT_MAX_PROCESSES ((size_t)262144)
bool process_limit_reached(void);
void sched_set_max_processes(size_t n);
/* Every live process has a serial below this bound (erlang:processes/0). */
uint32_t process_serial_limit(void);

#endif
