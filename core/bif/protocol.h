/* protocol.h - protocol dispatch (protocol.c): the module implementing a
 * protocol for a value, cached per (protocol, type) in the active runtime.
 */
#ifndef GENLAB_PROTOCOL_H
#define GENLAB_PROTOCOL_H

#include "process.h"

/* The type a protocol dispatches on: a struct's module, or the name of a
 * built-in type (Elixir.Integer, Elixir.List, Elixir.BitString, ...). */
Term protocol_type_key(Term value);
/* The module implementing `protocol` for `value` (P.Type, else P.Any when
 * fallback is set), or nil. */
Term protocol_impl_for(Term protocol, Term value, bool fallback);
/* Raises Protocol.UndefinedError in p and returns TERM_NONE. */
Term protocol_raise_undefined(Process *p, Term protocol, Term value, const char *description);
/* Frees the active runtime's cache (bif_state_free calls it). */
void protocol_cache_free(void);

#endif
