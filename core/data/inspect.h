/* inspect.h - Elixir's Kernel.inspect/2 and String.Chars for built-in types.
 *
 * Output is byte-for-byte what Elixir 1.14 prints, including the pretty
 * printer's line breaking (Inspect.Algebra, see doc.h) used by IO.inspect
 * and IEx. Terms of any depth and length are inspected without recursion
 * on the C stack.
 */
#ifndef GENLAB_INSPECT_H
#define GENLAB_INSPECT_H

#include "doc.h"
#include "heap.h"

typedef struct Process Process;

typedef enum { CHARLISTS_INFER, CHARLISTS_AS_LISTS, CHARLISTS_AS_CHARLISTS } CharlistsMode;

/* How a struct is inspected when it has an Inspect implementation of its
 * own: INSPECT_IMPL_ANY (none: Inspect.Any's %Name{...}, or the built-in
 * rendering of Range, MapSet, ...), INSPECT_IMPL_FIELDS (@derive with only:
 * or except:: #Name<field: value, ..., ...>), INSPECT_IMPL_ELIXIR (a user's
 * defimpl: its document comes from Elixir code), INSPECT_IMPL_MAP (shown
 * as the plain map it is, as Inspect.Map.inspect/2 shows a struct),
 * INSPECT_IMPL_STRUCT_FIELDS (@derive with optional: only: %Name{...} of
 * the fields given). */
typedef enum { INSPECT_IMPL_ANY, INSPECT_IMPL_FIELDS, INSPECT_IMPL_ELIXIR, INSPECT_IMPL_MAP, INSPECT_IMPL_STRUCT_FIELDS } InspectImpl;

/* The layer that knows modules answers for structs (core/bif/algebra.c). */
typedef struct InspectCustom {
    /* The implementation for struct `t` of `module`; for FIELDS, *fields
     * gets the fields shown, in order (in the arena or static), *nfields
     * their count. */
    InspectImpl (*impl)(void *ctx, DocArena *a, Term t, Term module, const Term **fields, size_t *nfields);
    /* The document of an ELIXIR struct, asked in walk order, with the
     * limit it is inspected with (-1: :infinity). */
    const Doc *(*doc)(void *ctx, DocArena *a, Term t, long limit);
    void *ctx;
    /* impl is asked for every term, not only structs (a program has its
     * own Inspect for a built-in type); module is then TERM_NONE */
    bool builtin_types;
} InspectCustom;
typedef enum { BINARIES_INFER, BINARIES_AS_BINARIES, BINARIES_AS_STRINGS } BinariesMode;

/* Inspect.Opts. A `limit` or `printable_limit` of -1 means :infinity. */
typedef struct InspectOpts {
    /* Columns to lay the text out in when `pretty` is set; -1 = :infinity,
     * 0 = break wherever possible. */
    long width;
    /* Whether to lay out at `width` at all. Kernel.inspect/2 does so only
     * with pretty: true; IO.inspect and IEx always do, so set it for them. */
    bool pretty;
    long limit;           /* items shown per collection: 50 by default */
    long printable_limit; /* characters of a printable string/charlist: 4096 */
    CharlistsMode charlists;
    BinariesMode binaries;
    bool structs; /* false prints structs as maps */
    int base;     /* 10, or 2/8/16 for integers (and then bytes of binaries) */
    /* :syntax_colors: an escape sequence per InspectColor (NULL or "" for
     * none), or NULL for no colours at all. Pretty layout only. */
    const char *const *colors;
    /* Structs with an Inspect of their own, or NULL: every struct as
     * Inspect.Any (and the built-in ones) shows it. */
    const InspectCustom *custom;
} InspectOpts;

/* The keys of :syntax_colors. INSPECT_COLOR_RESET follows every coloured
 * part. */
typedef enum {
    INSPECT_COLOR_ATOM,
    INSPECT_COLOR_BINARY,
    INSPECT_COLOR_BOOLEAN,
    INSPECT_COLOR_CHARLIST,
    INSPECT_COLOR_LIST,
    INSPECT_COLOR_MAP,
    INSPECT_COLOR_NIL,
    INSPECT_COLOR_NUMBER,
    INSPECT_COLOR_STRING,
    INSPECT_COLOR_TUPLE,
    INSPECT_COLOR_RESET,
    INSPECT_COLOR_COUNT
} InspectColor;

/* Kernel.inspect/2's defaults: width 80, pretty false, limit 50,
 * printable_limit 4096, :infer, structs true, base 10. */
void inspect_opts_default(InspectOpts *o);

/* The text of inspect(t, opts): malloc'd UTF-8, NUL-terminated; *len gets
 * its length if len is not NULL. */
char *inspect_to_cstring(Term t, const InspectOpts *o, size_t *len);

/* Inspect.Algebra.to_doc/2: the document of `t` in arena `a` (not yet
 * grouped; Kernel.inspect wraps it in a group before formatting). For
 * callers that compose larger documents (IEx, exception reports). */
const Doc *inspect_to_doc(DocArena *a, Term t, const InspectOpts *o);

/* Erlang's float_to_list(F, [short]) and Elixir's to_string/1 of a float:
 * the shortest digits that read back as `d`, as 0.1, 1.0e3, 2.5e-7, -0.0.
 * buf needs 32 bytes. Returns the length. */
size_t float_format_shortest(double d, char *buf);

/* inspect/1 of a float: like float_format_shortest, except that integral
 * values with 1.0 <= |d| < 1.0e16 print in full: 1000.0, 1.0e16.
 * buf needs 32 bytes. Returns the length. */
size_t float_format_inspect(double d, char *buf);

/* The text of a reference, #Reference<0.N1.N2.N3>, derived only from its
 * id (deterministic: consecutive ids differ in N3). buf needs 64 bytes.
 * Returns the length. */
size_t ref_format(Term ref, char *buf);

/* Macro.inspect_atom/2: how an atom is written as a literal (:foo,
 * :"foo bar", Foo.Bar, nil), as a keyword key (foo:, "foo bar":) or as the
 * function name of a remote call (foo, "Foo"). malloc'd, NUL-terminated. */
typedef enum { ATOM_AS_LITERAL, ATOM_AS_KEY, ATOM_AS_REMOTE_CALL } AtomFormat;
char *inspect_atom_cstring(Term atom, AtomFormat format, size_t *len);

/* to_string/1 (String.Chars) for built-in types: binaries unchanged, atoms
 * (nil -> ""), integers, floats, charlists/chardata. Raises
 * Protocol.UndefinedError (or, for lists, ArgumentError or
 * UnicodeConversionError as List.to_string/1 does) in `p` and returns
 * TERM_NONE otherwise. */
Term term_to_string(Process *p, Term t);

/* Struct field order for inspect (defstruct order, without __struct__)
 * comes from the module system, which registers it in the runtime's state
 * (rt->struct_fields, state.h). A struct whose keys match its module's
 * fields prints as %Module{...} in this order; any other struct prints as
 * a map, as Inspect.Any does. */

/* Closures (BOX_FUN) print from their FunInfo (term.h):
 *   #Function<INDEX.UNIQ/ARITY in Module.parent/parent_arity>
 * or, for a module named elixir_compiler_* (a script's top level),
 *   #Function<INDEX.UNIQ in file:FILE>. */

#endif
