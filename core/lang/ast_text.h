/* ast_text.h - quoted code as source text, for the compiler's messages.
 *
 * Elixir's macros quote the code they reject (`cannot pipe x into 3`,
 * `... got: x`) with Macro.to_string/1. The compiler cannot run Elixir to
 * format a message, so this is that function's common subset in C:
 * literals, variables, aliases, local and remote calls (with a trailing
 * keyword list as `key: value`), operators with Elixir's precedences,
 * lists, tuples, maps and captures. A form outside the subset is shown as
 * its inspected AST. The walk keeps its own stack: the depth of the code
 * costs no C stack.
 */
#ifndef GENLAB_AST_TEXT_H
#define GENLAB_AST_TEXT_H

#include "term.h"

/* The source text of `ast`, malloc'd. */
char *ast_text(Term ast);

/* The same into buf (of `size` bytes, cut if longer): for a message made
 * just before a compile error jumps away. */
void ast_text_to(Term ast, char *buf, size_t size);

#endif
