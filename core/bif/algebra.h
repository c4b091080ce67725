/* algebra.h - Inspect between C and Elixir (algebra.c): Elixir's
 * Inspect.Algebra documents as C documents and back, and inspect with the
 * structs' own Inspect implementations.
 */
#ifndef GENLAB_ALGEBRA_H
#define GENLAB_ALGEBRA_H

#include "doc.h"
#include "heap.h"
#include "inspect.h"

/* C's document for an Elixir one (binaries, :doc_nil, {:doc_cons, l, r},
 * ...), in arena a; what is no document counts as :doc_nil. */
const Doc *algebra_doc_from_term(DocArena *a, Term doc);
/* The Elixir document for a C one, on h. */
Term algebra_doc_to_term(Heap *h, const Doc *doc);
/* inspect's text (malloc'd) with derived Inspect implementations shown;
 * *needs_elixir is set when a struct has a user's implementation, whose
 * Elixir code must run (Inspect.Algebra.__genlab_inspect__/3 in a
 * process) for the text to be right. */
char *algebra_inspect_text(Term t, const InspectOpts *o, bool *needs_elixir);

#endif
