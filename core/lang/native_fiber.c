/* native_fiber.c - natives that compile, on fibers (see native_fiber.h). */
#include "native_fiber.h"

#include <setjmp.h>
#include <stdlib.h>

#include "atom.h"
#include "fatal.h"
#include "fiber.h"
#include "native.h"
#include "sched.h"
#include "state.h"

/* One native call running on a fiber: what the body answers, and the
 * Elixir call it waits for. */
typedef struct FiberTask {
    Process *p;
    Term (*body)(Process *p, void *arg);
    void *arg;
    Fiber *fiber;
    Term answer;        /* the body's answer, once it returned */
    int failed;         /* a HeapFailure that ended the body, or 0 */
    /* the call asked for: its code and arguments (the caller's terms, in
     * whatever heap they live) */
    Function *fn;
    const Term *args;
    uint32_t nargs;
    Term outcome;       /* its outcome, on p's heap, once answered */
    FunInfo info;       /* what the fun handed to the process points at */
} FiberTask;

static void task_main(void *arg)
{
    FiberTask *t = arg;
    /* A failed allocation (the process's max_heap_size, the memory limit)
     * ends the body here, on its own stack, and then the process. */
    HeapJumpBuf jump;
    HeapFailureJump outer = heap_set_failure_jump((HeapFailureJump){&jump, &t->p->heap, &t->p->vm->max_heap_words});
    if (heap_jump_set(jump)) t->failed = (int)heap_failure_why();
    else t->answer = t->body(t->p, t->arg);
    heap_set_failure_jump(outer);
    /* abandoned (fiber_abandon_owner): no native is there to answer */
    if (fiber_abandoned(t->fiber)) free(t);
}

/* The fiber stopped or returned: the native's answer. */
static Term task_step(Process *p, FiberTask *t)
{
    if (fiber_resume(t->fiber)) {
        Term answer = t->answer;
        if (t->failed) {
            p->heap_killed = t->failed == HEAP_FAIL_LIMIT;
            p->exit_pending = true;
            p->exit_reason = ATOM_killed;
            answer = TERM_NONE;
        }
        fiber_free(t->fiber);
        free(t);
        return answer;
    }
    /* The body waits for t->fn(t->args): p calls it through a fun whose
     * code it is (a macro or a module body's chunk has no name to call).
     * Arguments past the function's arity (a module body's variables so
     * far, see eval_in_module) go in as captured values: they land in the
     * registers after the arguments, where that code reads them. */
    uint32_t arity = t->fn->arity <= t->nargs ? t->fn->arity : t->nargs;
    uint32_t nfree = t->nargs - arity;
    t->info.fn = t->fn;
    t->info.module = t->fn->module;
    t->info.parent_name = t->fn->name;
    t->info.arity = arity;
    t->info.file = t->fn->file;
    Term *obj = heap_alloc(&p->heap, 2 + nfree);
    obj[0] = header_make(BOX_FUN, 1 + nfree);
    obj[1] = (Term)(uintptr_t)&t->info;
    for (uint32_t i = 0; i < nfree; i++) obj[2 + i] = term_copy(&p->heap, t->args[arity + i]);
    Term args = TERM_NIL;
    for (uint32_t i = arity; i-- > 0;) args = cons_new(&p->heap, term_copy(&p->heap, t->args[i]), args);
    Term call[2] = {boxed_from_ptr(obj), args};
    return native_continue(p, atom_from_cstr("Elixir.Code"), atom_from_cstr("__genlab_host_call__"), 2, call);
}

bool native_fiber_start(Process *p, Term (*body)(Process *p, void *arg), void *arg, Term *answer)
{
    FiberTask *t = xcalloc(1, sizeof *t);
    t->p = p;
    t->body = body;
    t->arg = arg;
    t->fiber = fiber_new(pid_serial(p->pid), task_main, t);
    if (!t->fiber) {
        free(t);
        return false;
    }
    *answer = task_step(p, t);
    return true;
}

Term native_fiber_busy(Process *p, Term module, Term name, uint32_t nargs, const Term *args)
{
    Term call[3] = {module, name, list_from(&p->heap, nargs, args)};
    return native_continue(p, atom_from_cstr("Elixir.Code"), atom_from_cstr("__genlab_retry__"), 3, call);
}

Term native_fiber_answer(Process *p, Term outcome)
{
    Fiber *f = fiber_waiting(pid_serial(p->pid));
    if (!f) return process_badarg(p);
    FiberTask *t = fiber_arg(f);
    t->outcome = outcome;
    return task_step(p, t);
}

bool native_fiber_eval(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *result, Term *exc_class,
                       Term *exc_reason, Term *exc_stack)
{
    Fiber *f = fiber_current();
    if (!f) return false;
    FiberTask *t = fiber_arg(f);
    if (fiber_abandoned(f)) {
        /* its process is gone: nothing will run the call */
        *result = TERM_NONE;
        *exc_class = ATOM_exit;
        *exc_reason = ATOM_killed;
        *exc_stack = TERM_NIL;
        return true;
    }
    /* A library file loading from source runs alone: its process must not
     * let the others run (sched_exclusive); and another process's call has
     * no place on this fiber. Both nest as off a fiber. */
    if (t->p != p || sched_is_exclusive()) return false;
    t->fn = fn;
    t->args = args;
    t->nargs = nargs;
    t->outcome = TERM_NONE;
    fiber_suspend();
    if (fiber_abandoned(f) || t->outcome == TERM_NONE) {
        *result = TERM_NONE;
        *exc_class = ATOM_exit;
        *exc_reason = ATOM_killed;
        *exc_stack = TERM_NIL;
        return true;
    }
    Term o = t->outcome;
    t->outcome = TERM_NONE;
    if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == ATOM_ok) {
        *result = term_copy(to, tuple_get(o, 1));
        return true;
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
    return true;
}
