/* process.c - raising exceptions from native code, and freeing what a
 * process runs. */
#include "process.h"

#include <stddef.h>
#include <stdlib.h>

#include "atom.h"

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

void vm_state_clear(VmState *vm)
{
    Message *m = vm->mbox_head;
    while (m) {
        Message *next = m->next;
        memory_release(sizeof *m);
        free(m);
        m = next;
    }
    free(vm->handlers);
    Term *regs = vm->regs;
    Frame *frames = vm->frames;
    size_t regs_cap = vm->regs_cap, frames_cap = vm->frames_cap;
    memset(vm, 0, sizeof *vm);
    vm->regs = regs;
    vm->regs_cap = regs_cap;
    vm->frames = frames;
    vm->frames_cap = frames_cap;
}

void vm_state_free(VmState *vm)
{
    if (!vm) return;
    vm_state_clear(vm);
    free(vm->regs);
    free(vm->frames);
    free(vm);
}
