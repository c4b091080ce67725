/* parser.h - Elixir source text to quoted form.
 *
 * The result is exactly what Code.string_to_quoted!(source, columns: true)
 * returns in Elixir 1.14, built as terms on the given heap: {name, meta,
 * args} tuples with meta = [line: L, column: C] (plus what 1.14 adds with
 * those options: delimiter: on sigils, indentation: on heredoc sigils'
 * contents, no_parens: true on remote calls without parentheses,
 * ambiguous_op: nil on `foo -1`), literals as themselves, aliases as
 * {:__aliases__, meta, [:Foo, :Bar]}, and so on. The compiler and macros
 * (quote/unquote) work on this same form. The lexer (lexer.h) and parser
 * follow Elixir's tokenizer and grammar; tests/parser holds cases recorded
 * from real Elixir.
 */
#ifndef GENLAB_PARSER_H
#define GENLAB_PARSER_H

#include "heap.h"

/* The compiler's walkers recurse on the AST, so the AST's depth is
 * bounded here, where an error can still be a SyntaxError: a left-nested
 * chain such as `1 + 1 + ... + 1` is parsed by a loop (it needs no stack
 * in the parser) yet nests once per operator. Each tuple and each list
 * counts as a level; 2,000 levels are about 1,000 nested calls. */
#define AST_MAX_DEPTH 2000

typedef struct ParseError {
    /* "SyntaxError" or "TokenMissingError" (the Elixir exception module
     * without "Elixir."; 1.14 has no MismatchedDelimiterError: a mismatch
     * is a SyntaxError) */
    const char *kind;
    /* Column 0: Elixir reports the line only ("file:line: message"), as
     * it does for errors located by a node rather than a token. */
    int line, column;
    /* As Elixir words it, without "file:line:col: "; some messages run
     * over several lines (`elixir file.exs` shows the first after "** ");
     * cut if longer than the buffer. */
    char message[2048];
} ParseError;

/* Parses a whole file (or one shell input). On success returns the quoted
 * form (a __block__ when there are several expressions, {:__block__, [],
 * []} when there are none, as Elixir returns); `file` is not used (the
 * message carries no file name);
 * on failure returns TERM_NONE and fills *err. Never crashes or hangs on
 * any input: nesting deeper than about 1 MB of C stack allows (thousands
 * of levels) fails with the SyntaxError "expression is nested too deeply"
 * (genlab's own; Elixir has no such limit). Linear time. */
Term parse_source(Heap *h, const char *source, size_t len, const char *file, ParseError *err);

#endif
