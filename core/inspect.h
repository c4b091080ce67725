/* inspect.h - Elixir's Kernel.inspect/2 and String.Chars for built-in types.
 *
 * Output is byte-for-byte what Elixir 1.14 prints, including the pretty
 * printer's line breaking (Inspect.Algebra, width 80 by default) used by
 * IO.inspect and IEx.
 */
#ifndef GENLAB_INSPECT_H
#define GENLAB_INSPECT_H

#include "heap.h"

typedef struct Process Process;

typedef enum { CHARLISTS_INFER, CHARLISTS_AS_LISTS, CHARLISTS_AS_CHARLISTS } CharlistsMode;
typedef enum { BINARIES_INFER, BINARIES_AS_BINARIES, BINARIES_AS_STRINGS } BinariesMode;

typedef struct InspectOpts {
    int width;          /* 80; 0 = never break (inspect/2's default is pretty: false) */
    bool pretty;        /* false for inspect/2, true for IO.inspect and IEx */
    long limit;         /* items shown per collection: 50 default, -1 = :infinity */
    long printable_limit; /* 4096 default, -1 = :infinity */
    CharlistsMode charlists;
    BinariesMode binaries;
    bool structs;       /* false prints structs as maps */
    int base;           /* 10, or 2/8/16 for integers */
} InspectOpts;

void inspect_opts_default(InspectOpts *o); /* inspect/2's defaults */

/* The text of inspect(t, opts): malloc'd UTF-8, NUL-terminated; *len gets
 * its length if len is not NULL. */
char *inspect_to_cstring(Term t, const InspectOpts *o, size_t *len);

/* Elixir's shortest round-trip float text: 0.1, 1.0e20, 2.5e-7, -0.0.
 * buf needs 32 bytes. Returns the length. */
size_t float_format_shortest(double d, char *buf);

/* to_string/1 (String.Chars) for built-in types: binaries unchanged, atoms
 * (nil -> ""), integers, floats, charlists/iodata. Raises
 * Protocol.UndefinedError in `p` and returns TERM_NONE otherwise. */
Term term_to_string(Process *p, Term t);

/* Struct field order for inspect (defstruct order, without __struct__).
 * Implemented by the module system; NULL if `module` defines no struct. */
const Term *module_struct_fields(Term module, size_t *count);

#endif
