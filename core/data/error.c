/* error.c - recording an exception in a process's head (see error.h). */
#include "error.h"

#include "atom.h"
#include "binary.h"
#include "map.h"

Term error_raise(Process *p, Term class_atom, Term reason)
{
    ProcessHead *h = process_head(p);
    h->exc_class = class_atom;
    h->exc_reason = reason;
    h->exc_why = NULL;
    h->exc_stacktrace = TERM_NIL;
    return TERM_NONE;
}

Term error_raise_exception(Process *p, const char *module, const char *message)
{
    Heap *heap = process_heap(p);
    Term keys[3] = {ATOM___exception__, ATOM___struct__, ATOM_message};
    Term values[3] = {ATOM_true, atom_from_cstr(module), binary_from_cstr(heap, message)};
    return error_raise(p, ATOM_error, map_from_pairs(heap, 3, keys, values));
}
