/* compile_run.c - compiles restarted with the outcomes of their
 * compile-time calls (see compile_run.h). */
#include "compile_run.h"

#include <setjmp.h>
#include <stdlib.h>

#include "atom.h"
#include "code_region.h"
#include "compile_internal.h"
#include "fatal.h"
#include "io.h"
#include "native.h"
#include "sched.h"
#include "state.h"

/* One compile-time call that has returned: what it called (to notice a
 * replay that went another way: a module body's chunk is made anew by each
 * attempt, so its name, not its Function), its outcome, and the
 * definitions it made (oldest first), both on the run's heap. */
typedef struct Outcome {
    Term module, name;
    uint32_t nargs;
    Term outcome;
    Term defs;
} Outcome;

/* A nested module that an attempt compiled in full: the calls it made
 * (memo entries from..to), and its body's value, on the run's heap. */
typedef struct DoneModule {
    Term name;
    size_t from, to;
    Term last;
} DoneModule;

struct CompileRun {
    uint32_t owner;          /* pid serial of the process that compiles */
    bool host;               /* the host's (compile_run_host_new): the host frees it */
    bool linked;             /* in its owner's stack (the table's) */
    CompileBody body;
    void *arg;
    void (*free_arg)(void *arg);
    Heap heap;               /* the memo's terms and the pending call's */
    Outcome *memo;
    size_t nmemo, memo_cap;
    DoneModule *done;        /* nested modules compiled in full, to skip */
    size_t ndone, done_cap;
    /* during an attempt */
    size_t consumed;         /* outcomes the attempt has taken */
    size_t defining_base;    /* COMPILE->ndefining when it started */
    jmp_buf *leave;          /* where a call not in the memo goes */
    /* the call it waits for, once an attempt left */
    Function *fn;
    Term args;               /* a list, on heap */
    uint32_t nargs;
    bool accepts_defs;       /* it is a module body statement */
    Term defs;               /* what it defined so far, newest first */
    FunInfo info;            /* what the fun handed to the process points at */
    CompileRun *below;       /* the owner's older run */
};

/* The active runtime's runs: each process's stack of them, by pid serial. */
typedef struct CompileRunTable {
    CompileRun **top;        /* by serial: the innermost run, or NULL */
    size_t cap;
    size_t count;
    CompileRun *attempt;     /* the run whose attempt is running now */
    IoWriter muted;          /* the writer put aside during a replay */
    bool muting;
    uint64_t attempts;
} CompileRunTable;

void compile_run_visit_held_words(HeapWordsVisit visit, void *ctx)
{
    CompileRunTable *t = rt->compile_runs;
    for (size_t serial = 0; t && serial < t->cap; serial++)
        for (CompileRun *run = t->top[serial]; run; run = run->below) {
            heap_visit_words(&run->heap, visit, ctx);
            Term roots[] = {run->args, run->defs, (Term)(uintptr_t)run->fn, (Term)(uintptr_t)run->info.fn};
            visit(ctx, roots, sizeof roots / sizeof roots[0]);
            for (size_t i = 0; i < run->nmemo; i++) {
                const Outcome *o = &run->memo[i];
                Term words[] = {o->outcome, o->defs};
                visit(ctx, words, 2);
            }
        }
}

static CompileRunTable *table(void)
{
    if (!rt->compile_runs) rt->compile_runs = xcalloc(1, sizeof(CompileRunTable));
    return rt->compile_runs;
}

static void discard_output(int stream, const char *bytes, size_t n)
{
    (void)stream;
    (void)bytes;
    (void)n;
}

static void mute(bool on)
{
    CompileRunTable *t = table();
    if (on == t->muting) return;
    if (on) {
        t->muted = rt->writer;
        io_set_writer(discard_output);
    } else {
        io_set_writer(t->muted);
    }
    t->muting = on;
}

static void link_run(CompileRun *run)
{
    CompileRunTable *t = table();
    if (run->owner >= t->cap) {
        size_t grown = t->cap ? t->cap : 64;
        while (grown <= run->owner) grown *= 2;
        t->top = xrealloc(t->top, grown * sizeof *t->top);
        for (size_t i = t->cap; i < grown; i++) t->top[i] = NULL;
        t->cap = grown; /* only once the memory is there */
    }
    run->below = t->top[run->owner];
    t->top[run->owner] = run;
    run->linked = true;
}

static void unlink_run(CompileRun *run)
{
    CompileRunTable *t = table();
    if (!run->linked) return;
    for (CompileRun **at = &t->top[run->owner]; *at; at = &(*at)->below)
        if (*at == run) {
            *at = run->below;
            break;
        }
    run->linked = false;
}

static CompileRun *run_new(Process *p, CompileBody body, void *arg, void (*free_arg)(void *arg))
{
    CompileRun *run = xcalloc(1, sizeof *run);
    run->owner = pid_serial(p->pid);
    run->body = body;
    run->arg = arg;
    run->free_arg = free_arg;
    heap_init(&run->heap, 64);
    run->args = TERM_NIL;
    run->defs = TERM_NIL;
    table()->count++;
    return run;
}

static void run_free(CompileRun *run)
{
    unlink_run(run);
    if (run->free_arg) run->free_arg(run->arg);
    heap_release(&run->heap);
    free(run->memo);
    free(run->done);
    free(run);
    table()->count--;
}

/* ---- an attempt ------------------------------------------------------------------ */

typedef enum { ATTEMPT_DONE, ATTEMPT_WAITS, ATTEMPT_FAILED } AttemptEnd;

/* The part of an attempt that a call not in the memo leaves. */
static AttemptEnd attempt_body(CompileRun *run, Process *p, Term *answer)
{
    jmp_buf leave;
    run->leave = &leave;
    if (setjmp(leave)) return ATTEMPT_WAITS;
    *answer = run->body(p, run->arg);
    return ATTEMPT_DONE;
}

/* Runs the compile from the start with the memo. A failed allocation (the
 * process's max_heap_size, the memory limit) ends it with *failed set; a
 * host's run has no process slice around it and lets it go on. */
static AttemptEnd attempt(CompileRun *run, Process *p, Term *answer, int *failed)
{
    CompileRunTable *t = table();
    CompileRun *outer = t->attempt;
    bool was_muting = t->muting;
    t->attempt = run;
    t->attempts++;
    run->consumed = 0;
    run->defining_base = COMPILE->ndefining;
    run->fn = NULL;
    CodeRegion *region = code_region_current();
    mute(run->nmemo > 0);
    AttemptEnd end;
    *failed = 0;
    uint64_t scratch = scratch_mark();
    if (run->host) {
        end = attempt_body(run, p, answer);
    } else {
        HeapJumpBuf jump;
        HeapFailureJump outer_jump = heap_set_failure_jump((HeapFailureJump){&jump, &p->heap, &p->vm->max_heap_words});
        if (heap_jump_set(jump)) {
            *failed = (int)heap_failure_why();
            end = ATTEMPT_FAILED;
        } else {
            end = attempt_body(run, p, answer);
        }
        heap_set_failure_jump(outer_jump);
    }
    /* what a left attempt had pushed for its module bodies goes with it,
     * and what it had open */
    COMPILE->ndefining = run->defining_base;
    if (end != ATTEMPT_DONE) scratch_release(scratch);
    code_region_enter(region);
    run->leave = NULL;
    mute(was_muting);
    t->attempt = outer;
    return end;
}

/* The call run waits for, as a fun of its code and the argument list, on
 * p's heap. A macro or a module body's chunk has no name to call, hence a
 * fun; arguments past the function's arity (a module body's variables so
 * far, see eval_in_module) go in as captured values: they land in the
 * registers after the arguments, where that code reads them. */
static void pending_call(CompileRun *run, Process *p, Term *fun, Term *args)
{
    size_t nargs = 0;
    for (Term l = run->args; term_is_cons(l); l = cons_tail(l)) nargs++;
    uint32_t arity = run->fn->arity <= nargs ? run->fn->arity : (uint32_t)nargs;
    size_t nfree = nargs - arity;
    run->info.fn = run->fn;
    run->info.module = run->fn->module;
    run->info.parent_name = run->fn->name;
    run->info.arity = arity;
    run->info.file = run->fn->file;
    Term *obj = heap_alloc(&p->heap, 2 + nfree);
    obj[0] = header_make(BOX_FUN, 1 + nfree);
    obj[1] = (Term)(uintptr_t)&run->info;
    Term l = run->args;
    for (uint32_t i = 0; i < arity; i++) l = cons_tail(l);
    for (size_t i = 0; i < nfree; i++, l = cons_tail(l)) obj[2 + i] = term_copy(&p->heap, cons_head(l));
    *fun = boxed_from_ptr(obj);
    /* the arguments proper: the list's first `arity` */
    Term first[256];
    Term *items = arity <= 256 ? first : xmalloc(arity * sizeof(Term));
    l = run->args;
    for (uint32_t i = 0; i < arity; i++, l = cons_tail(l)) items[i] = cons_head(l);
    *args = TERM_NIL;
    for (uint32_t i = arity; i-- > 0;) *args = cons_new(&p->heap, term_copy(&p->heap, items[i]), *args);
    if (items != first) free(items);
}

/* One attempt of a process's run: the native's answer. */
static Term step(Process *p, CompileRun *run)
{
    Term answer = TERM_NONE;
    int failed;
    AttemptEnd end = attempt(run, p, &answer, &failed);
    if (end == ATTEMPT_WAITS) {
        Term call[2];
        pending_call(run, p, &call[0], &call[1]);
        return native_continue(p, atom_from_cstr("Elixir.Code"), atom_from_cstr("__genlab_host_call__"), 2, call);
    }
    run_free(run);
    if (end == ATTEMPT_FAILED) {
        p->heap_killed = failed == HEAP_FAIL_LIMIT;
        p->exit_pending = true;
        p->exit_reason = ATOM_killed;
        return TERM_NONE;
    }
    return answer;
}

Term compile_run_start(Process *p, CompileBody body, void *arg, void (*free_arg)(void *arg))
{
    CompileRun *run = run_new(p, body, arg, free_arg);
    link_run(run);
    return step(p, run);
}

/* The innermost run of p that waits for a call, or NULL. */
static CompileRun *waiting_run(Process *p)
{
    CompileRunTable *t = table();
    uint32_t serial = pid_serial(p->pid);
    if (serial >= t->cap) return NULL;
    for (CompileRun *run = t->top[serial]; run; run = run->below)
        if (run->fn) return run;
    return NULL;
}

/* The call run waited for returned `outcome`: into the memo. */
static void remember(CompileRun *run, Term outcome)
{
    if (run->nmemo == run->memo_cap) {
        size_t grown = run->memo_cap ? run->memo_cap * 2 : 8;
        run->memo = xrealloc(run->memo, grown * sizeof *run->memo);
        run->memo_cap = grown; /* only once the memory is there */
    }
    Term defs = TERM_NIL;
    for (Term l = run->defs; term_is_cons(l); l = cons_tail(l)) defs = cons_new(&run->heap, cons_head(l), defs);
    run->memo[run->nmemo++] = (Outcome){run->fn->module, run->fn->name, run->nargs, term_copy(&run->heap, outcome), defs};
    run->fn = NULL;
    run->args = TERM_NIL;
    run->defs = TERM_NIL;
}

Term compile_run_answer(Process *p, Term outcome)
{
    CompileRun *run = waiting_run(p);
    if (!run || run->host) return process_badarg(p);
    remember(run, outcome);
    return step(p, run);
}

/* ---- the compiler's side ------------------------------------------------------------- */

static void give_outcome(Term o, Heap *to, Term *result, Term *exc_class, Term *exc_reason, Term *exc_stack)
{
    if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == ATOM_ok) {
        *result = term_copy(to, tuple_get(o, 1));
        return;
    }
    *result = TERM_NONE;
    if (term_is_tuple(o) && tuple_size(o) == 3) {
        *exc_class = tuple_get(o, 0);
        *exc_reason = term_copy(to, tuple_get(o, 1));
        *exc_stack = term_copy(to, tuple_get(o, 2));
    } else {
        *exc_class = ATOM_error;
        *exc_reason = term_copy(to, o);
        *exc_stack = TERM_NIL;
    }
}

bool compile_run_eval(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *result, Term *exc_class,
                      Term *exc_reason, Term *exc_stack)
{
    CompileRun *run = rt->compile_runs ? table()->attempt : NULL;
    /* A library file loading from source runs alone (sched_exclusive) in
     * the middle of C that cannot be left: its calls nest. */
    if (!run || !p || pid_serial(p->pid) != run->owner || sched_is_exclusive()) return false;
    if (run->consumed < run->nmemo) {
        Outcome *o = &run->memo[run->consumed];
        if (o->module == fn->module && o->name == fn->name && o->nargs == nargs) {
            run->consumed++;
            if (run->consumed == run->nmemo) mute(false);
            /* what the call defined joins the module again */
            for (Term l = o->defs; term_is_cons(l); l = cons_tail(l))
                compile_store_definition_for(run->owner, tuple_get(cons_head(l), 0), tuple_get(cons_head(l), 1));
            give_outcome(o->outcome, to, result, exc_class, exc_reason, exc_stack);
            return true;
        }
        /* The compile went another way than before (what it read besides
         * the outcomes changed: another process installed a module): the
         * outcomes from here on are not this compile's. */
        run->nmemo = run->consumed;
        mute(false);
    }
    run->fn = fn;
    run->nargs = nargs;
    run->args = TERM_NIL;
    for (uint32_t i = nargs; i-- > 0;) run->args = cons_new(&run->heap, term_copy(&run->heap, args[i]), run->args);
    run->defs = TERM_NIL;
    /* a module body statement's defs join its module (eval_in_module
     * pushed it for this process during this attempt) */
    run->accepts_defs = false;
    for (size_t i = COMPILE->ndefining; i-- > run->defining_base;)
        if (COMPILE->defining[i].serial == run->owner) {
            run->accepts_defs = COMPILE->defining[i].m->module != NULL;
            break;
        }
    longjmp(*run->leave, 1);
}

bool compile_run_note_definition(Process *p, Term kind, Term args)
{
    CompileRun *run = rt->compile_runs ? waiting_run(p) : NULL;
    if (!run || !run->accepts_defs) return false;
    run->defs = cons_new(&run->heap, tuple2(&run->heap, kind, term_copy(&run->heap, args)), run->defs);
    return true;
}

bool compile_run_replaying(void)
{
    CompileRun *run = rt->compile_runs ? table()->attempt : NULL;
    return run && run->consumed < run->nmemo && !sched_is_exclusive();
}

/* The run whose attempt may note or skip a nested module now. */
static CompileRun *attempting(void)
{
    CompileRun *run = rt->compile_runs ? table()->attempt : NULL;
    return run && !sched_is_exclusive() ? run : NULL;
}

size_t compile_run_position(void)
{
    CompileRun *run = attempting();
    return run ? run->consumed : SIZE_MAX;
}

bool compile_run_skip_module(Term name, Heap *to, Term *last)
{
    CompileRun *run = attempting();
    if (!run) return false;
    for (size_t i = 0; i < run->ndone; i++) {
        DoneModule *d = &run->done[i];
        if (d->name != name || d->from != run->consumed || d->to > run->nmemo) continue;
        /* its calls were made and its output shown: only their count moves */
        run->consumed = d->to;
        if (run->consumed == run->nmemo) mute(false);
        *last = term_copy(to, d->last);
        return true;
    }
    return false;
}

void compile_run_module_done(Term name, size_t from, Term last)
{
    CompileRun *run = attempting();
    /* done during a replay: an earlier attempt noted it (else it would
     * have been skipped) */
    if (!run || from == SIZE_MAX || run->consumed < run->nmemo) return;
    if (run->ndone == run->done_cap) {
        size_t grown = run->done_cap ? run->done_cap * 2 : 8;
        run->done = xrealloc(run->done, grown * sizeof *run->done);
        run->done_cap = grown; /* only once the memory is there */
    }
    run->done[run->ndone++] = (DoneModule){name, from, run->consumed, term_copy(&run->heap, last)};
}

/* ---- the host's runs ------------------------------------------------------------------- */

CompileRun *compile_run_host_new(Process *p, CompileBody body, void *arg)
{
    CompileRun *run = run_new(p, body, arg, NULL);
    run->host = true;
    link_run(run);
    return run;
}

bool compile_run_host_step(CompileRun *run, Term *answer)
{
    Process *p = sched_evaluator();
    int failed;
    if (!p || pid_serial(p->pid) != run->owner) {
        *answer = TERM_NONE;
        return true;
    }
    return attempt(run, p, answer, &failed) == ATTEMPT_DONE;
}

void compile_run_host_call(CompileRun *run, Term *fun, Term *args)
{
    Process *p = sched_evaluator();
    pending_call(run, p, fun, args);
}

void compile_run_host_answer(CompileRun *run, Term outcome) { remember(run, outcome); }

void compile_run_host_free(CompileRun *run) { run_free(run); }

/* ---- ends ---------------------------------------------------------------------------- */

void compile_run_owner_exited(uint32_t serial)
{
    CompileRunTable *t = rt->compile_runs;
    if (!t || serial >= t->cap) return;
    while (t->top[serial]) {
        CompileRun *run = t->top[serial];
        /* the host's is the host's to free, once its call is over */
        if (run->host) unlink_run(run);
        else run_free(run);
    }
}

size_t compile_run_count(void) { return rt->compile_runs ? rt->compile_runs->count : 0; }
uint64_t compile_run_attempts(void) { return rt->compile_runs ? rt->compile_runs->attempts : 0; }

void compile_run_state_free(void)
{
    CompileRunTable *t = rt->compile_runs;
    if (!t) return;
    for (size_t i = 0; i < t->cap; i++)
        while (t->top[i]) run_free(t->top[i]);
    free(t->top);
    free(t);
    rt->compile_runs = NULL;
}
