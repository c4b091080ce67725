/* rewrite.h - the library calls Elixir's compiler turns into the Erlang
 * function they stand for.
 *
 * Elixir 1.14 compiles Map.keys(m) as :maps.keys(m) and String.to_atom(s)
 * as :erlang.binary_to_atom(s, :utf8): the Elixir function never runs, so
 * a failure shows the Erlang function on top of the stack trace, with the
 * caller under it, and a capture &Map.keys/1 is &:maps.keys/1. genlab does
 * the same for the rules whose Erlang function it has as a native (the
 * rules of Kernel itself are the compiler's kernel BIFs). */
#ifndef GENLAB_REWRITE_H
#define GENLAB_REWRITE_H

#include <stdbool.h>

#include "heap.h"

/* The call Mod.fun(args) compiles to: true with *erl_mod, *erl_fun and
 * *erl_args (a new argument list, on h: reordered, or with a constant
 * added, as the rule says), or false when it compiles as written. */
bool rewrite_call(Heap *h, Term mod, Term fun, Term args, Term *erl_mod, Term *erl_fun, Term *erl_args);
/* The function a capture &Mod.fun/arity names: only the rules that keep
 * the arguments as they are apply to captures. */
bool rewrite_capture(Term mod, Term fun, uint32_t arity, Term *erl_mod, Term *erl_fun);

/* What Erlang's own compiler does with a few calls of natives, done to
 * Mod.fun/arity in place: :maps.get/2 and :maps.is_key/2 become the BIFs
 * :erlang.map_get and :erlang.is_map_key; :maps.put/3 and :maps.merge/2
 * become instructions, which raise without a stack frame of their own
 * (true). */
bool rewrite_erlang_call(Term *mod, Term *fun, uint32_t arity);

#endif
