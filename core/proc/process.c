/* process.c - raising exceptions from native code, and freeing what a
 * process runs. */
#include "process.h"

#include <stddef.h>
#include <stdlib.h>

#include "atom.h"
#include "pool.h"

/* data/ sees a process through its head: check that they agree */
_Static_assert(offsetof(Process, heap) == offsetof(ProcessHead, heap) && offsetof(Process, pid) == offsetof(ProcessHead, pid) &&
                   offsetof(Process, exc_stacktrace) == offsetof(ProcessHead, exc_stacktrace),
               "struct Process begins with PROCESS_HEAD");

Term process_raise(Process *p, Term class_atom, Term reason)
{
    p->exc_arg = 0;
    return error_raise(p, class_atom, reason);
}

Term process_badarg(Process *p) { return process_raise(p, ATOM_error, ATOM_badarg); }

Term process_badarg_at(Process *p, int arg, const char *why)
{
    process_raise(p, ATOM_error, ATOM_badarg);
    p->exc_arg = arg;
    p->exc_why = why;
    return TERM_NONE;
}

Term process_raise_exception(Process *p, const char *module, const char *message)
{
    p->exc_arg = 0;
    return error_raise_exception(p, module, message);
}

void vm_state_init(VmState *vm)
{
    /* everything but the inline arrays, whose contents the users set */
    memset(vm, 0, offsetof(VmState, inline_regs));
    vm->regs = vm->inline_regs;
    vm->regs_cap = VM_INLINE_REGS;
    vm->frames = vm->inline_frames;
    vm->frames_cap = VM_INLINE_FRAMES;
}

void vm_state_free(VmState *vm)
{
    if (!vm) return;
    Message *m = vm->mbox_head;
    while (m) {
        Message *next = m->next;
        memory_release(sizeof *m);
        free(m);
        m = next;
    }
    pool_free(vm->handlers, vm->handlers_cap * sizeof(Handler));
    if (vm->regs != vm->inline_regs) pool_free(vm->regs, vm->regs_cap * sizeof(Term));
    if (vm->frames != vm->inline_frames) pool_free(vm->frames, vm->frames_cap * sizeof(Frame));
    vm_state_init(vm);
}

/* Moves *array (elements of `size` bytes, *cap of them, inline_array when
 * it is the inline one) to room for `cap`. */
static bool array_resize(void **array, size_t *cap, void *inline_array, size_t inline_cap, size_t size, size_t want,
                         bool may_go_inline)
{
    void *to = want == inline_cap && may_go_inline ? inline_array : NULL;
    if (!to) {
        if (want > SIZE_MAX / size) return false;
        to = pool_alloc(want * size);
        if (!to) return false;
    }
    if (to == *array) return true;
    memcpy(to, *array, (want < *cap ? want : *cap) * size);
    if (*array != inline_array) pool_free(*array, *cap * size);
    *array = to;
    *cap = want;
    return true;
}

bool vm_regs_resize(VmState *vm, size_t cap)
{
    void *regs = vm->regs;
    if (!array_resize(&regs, &vm->regs_cap, vm->inline_regs, VM_INLINE_REGS, sizeof(Term), cap, !vm->host_calls))
        return false;
    vm->regs = regs;
    return true;
}

bool vm_frames_resize(VmState *vm, size_t cap)
{
    void *frames = vm->frames;
    if (!array_resize(&frames, &vm->frames_cap, vm->inline_frames, VM_INLINE_FRAMES, sizeof(Frame), cap, !vm->host_calls))
        return false;
    vm->frames = frames;
    return true;
}

bool vm_handlers_resize(VmState *vm, size_t cap)
{
    Handler *to = NULL;
    if (cap) {
        if (cap > SIZE_MAX / sizeof(Handler) || !(to = pool_alloc(cap * sizeof(Handler)))) return false;
        size_t kept = vm->nhandlers < cap ? vm->nhandlers : cap;
        if (kept) memcpy(to, vm->handlers, kept * sizeof(Handler)); /* (none: handlers may be NULL) */
    }
    pool_free(vm->handlers, vm->handlers_cap * sizeof(Handler));
    vm->handlers = to;
    vm->handlers_cap = cap;
    return true;
}
