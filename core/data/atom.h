/* atom.h - the atom table of the active runtime (state.h).
 *
 * Atoms are interned once and freed with their runtime; a Term of tag ATOM holds the
 * table index. Text is UTF-8 and stored without Elixir's "Elixir." alias
 * prefix stripped: the module Foo is the atom "Elixir.Foo". */
#ifndef GENLAB_ATOM_H
#define GENLAB_ATOM_H

#include "term.h"

enum {
#define X(name, text) ATOM_INDEX_##name,
#include "atoms.def"
#undef X
    ATOM_INDEX_COUNT_PREDEFINED
};

#define X(name, text) static const Term ATOM_##name = ((Term)ATOM_INDEX_##name << 3) | TAG_ATOM;
#include "atoms.def"
#undef X

/* Gives the active runtime its table, filled with the predefined atoms of
 * atoms.def (so ATOM_x means the same in every runtime). Idempotent. */
void atom_table_init(void);
/* Frees the active runtime's table and every atom's text. */
void atom_table_free(void);

/* Returns the atom with this text, creating it if needed. */
Term atom_intern(const char *text, size_t len);
static inline Term atom_from_cstr(const char *text) { return atom_intern(text, strlen(text)); }

/* Returns the atom with this text if it exists (String.to_existing_atom), or
 * TERM_NONE. */
Term atom_lookup(const char *text, size_t len);

/* The atom's UTF-8 text (not NUL-terminated in general; use atom_length). */
const char *atom_text(Term atom);
size_t atom_length(Term atom);

/* Number of atoms in the table (erlang:system_info(atom_count)). */
size_t atom_count(void);
/* Bytes the atom table holds, and those of them in use (:erlang.memory's
 * atom and atom_used). */
void atom_memory(size_t *allocated, size_t *used);

/* The BEAM's default atom table size (+t). Making a new atom from data
 * (String.to_atom, binary_to_term, ...) when this many exist raises
 * :system_limit in that process; the BEAM would stop altogether. */
#define ATOM_LIMIT ((size_t)1 << 20)

static inline Term atom_from_bool(bool b) { return b ? ATOM_true : ATOM_false; }
static inline bool term_is_boolean(Term t) { return t == ATOM_true || t == ATOM_false; }

#endif
