/* process.c - raising exceptions from native code. */
#include "process.h"

#include "atom.h"
#include "binary.h"
#include "map.h"

Term process_raise(Process *p, Term class_atom, Term reason)
{
    p->exc_class = class_atom;
    p->exc_reason = reason;
    p->exc_arg = 0;
    p->exc_why = NULL;
    p->exc_stacktrace = TERM_NIL;
    return TERM_NONE;
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
    Term keys[3] = {ATOM___exception__, ATOM___struct__, ATOM_message};
    Term values[3] = {ATOM_true, atom_from_cstr(module), binary_from_cstr(&p->heap, message)};
    return process_raise(p, ATOM_error, map_from_pairs(&p->heap, 3, keys, values));
}
