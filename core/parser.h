/* parser.h - Elixir source text to quoted form.
 *
 * The result is exactly what Code.string_to_quoted!(source, columns: true)
 * returns in Elixir 1.14, built as terms on the given heap: {name, meta,
 * args} tuples with meta = [line: L, column: C] (plus whatever else 1.14
 * puts there, e.g. delimiter: for sigils and heredocs), literals as
 * themselves, aliases as {:__aliases__, meta, [:Foo, :Bar]}, and so on.
 * The compiler and macros (quote/unquote) work on this same form.
 */
#ifndef GENLAB_PARSER_H
#define GENLAB_PARSER_H

#include "heap.h"

typedef struct ParseError {
    /* "SyntaxError", "TokenMissingError" or "MismatchedDelimiterError"
     * (the Elixir exception module without "Elixir.") */
    const char *kind;
    int line, column;  /* column 0: Elixir reports the line only ("file:line: ") */
    char message[2048]; /* as Elixir words it, without "file:line:col: " (cut if longer) */
} ParseError;

/* Parses a whole file (or one shell input). On success returns the quoted
 * form (a __block__ when there are several expressions, nil when empty);
 * on failure returns TERM_NONE and fills *err. Never crashes or hangs on
 * any input; deep nesting fails with an error instead of exhausting the C
 * stack. */
Term parse_source(Heap *h, const char *source, size_t len, const char *file, ParseError *err);

#endif
