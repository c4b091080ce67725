/* bif.h - the tables of natives in core/bif/ and the helpers they share.
 *
 * Each C file of core/bif/ but support.c defines one table of natives,
 * ended by an entry whose module is NULL; the runtime (runtime.c)
 * registers all of them.
 * A native follows native.h: it reads its arguments, allocates its result
 * on p->heap and returns it, or raises through process.h and returns
 * TERM_NONE. The helpers below are what several tables need: proper-list
 * walking, growable byte and term buffers, iodata and chardata flattening,
 * and the small conventions of raising the errors Erlang raises.
 */
#ifndef GENLAB_BIF_H
#define GENLAB_BIF_H

#include "native.h"
#include "process.h"

/* ---- the tables ------------------------------------------------------------ */

extern const NativeDef bif_arith_natives[];   /* :erlang arithmetic, comparison, logic */
extern const NativeDef bif_terms_natives[];   /* :erlang type tests, tuples, lists, errors */
extern const NativeDef bif_convert_natives[]; /* :erlang conversions between atoms, numbers, text */
extern const NativeDef bif_erlang_misc_natives[]; /* small :erlang functions: pid_to_list, system_info, calendar time, crc32 */
extern const NativeDef bif_lists_natives[];   /* :lists */
extern const NativeDef bif_maps_natives[];    /* :maps */
extern const NativeDef bif_binmod_natives[];  /* :binary */
extern const NativeDef bif_unicode_natives[]; /* :unicode */
extern const NativeDef bif_math_natives[];    /* :math, :timer, :rand, :crypto */
extern const NativeDef bif_string_natives[];  /* Elixir.String */
extern const NativeDef bif_base_natives[];    /* Elixir.Base */
extern const NativeDef bif_number_natives[];  /* Elixir.Integer, Elixir.Float */
extern const NativeDef bif_system_natives[];  /* modules, applications, time units, :os, error info */
extern const NativeDef bif_regex_natives[];  /* Regex's natives on PCRE2 */
extern const NativeDef bif_etf_natives[];    /* :erlang.term_to_binary, binary_to_term */
extern const NativeDef bif_code_natives[];    /* docs, sources, files, parsing (Code, IEx.Helpers) */
extern const NativeDef bif_algebra_natives[];  /* inspect with Inspect implementations, documents (algebra.c) */
extern const NativeDef bif_protocol_natives[]; /* protocol dispatch (protocol.c) */
extern const NativeDef genlab_natives[];      /* :genlab, the library's own (genlab.c) */
extern const NativeDef process_natives[];     /* processes, links, monitors, names, timers (process.c) */

/* Frees what the natives keep in the active runtime (state.h). */
void bif_state_free(void);
/* Frees the active runtime's compiled regexes (bif_state_free calls it). */
void regex_cache_free(void);

/* What a process holds, in bytes, as Process.info(pid, :memory) reports it. */
size_t process_memory(const Process *p);

/* ---- lists -------------------------------------------------------------- */

/* Counts the elements of a proper list; false if `list` is not one. */
bool bif_list_length(Term list, size_t *length);
/* left -- right: removes the first occurrence (exact equality) of each
 * element of `right` from `left`; badarg unless both are proper lists. */
Term bif_list_subtract(Process *p, Term left, Term right);

/* ---- growable buffers (malloc'd, released by the caller) --------------------- */

typedef struct ByteBuf {
    uint8_t *data;
    size_t size, capacity;
} ByteBuf;

void bytebuf_init(ByteBuf *b);
void bytebuf_free(ByteBuf *b);
void bytebuf_reserve(ByteBuf *b, size_t extra);
void bytebuf_append(ByteBuf *b, const void *bytes, size_t n);
static inline void bytebuf_push(ByteBuf *b, uint8_t byte)
{
    if (b->size == b->capacity) bytebuf_reserve(b, 1);
    b->data[b->size++] = byte;
}
/* Appends the UTF-8 encoding of a code point (which must be valid). */
void bytebuf_append_utf8(ByteBuf *b, uint32_t codepoint);
/* The buffer's bytes as a binary on `h`; the buffer stays valid. */
Term bytebuf_to_binary(const ByteBuf *b, Heap *h);

typedef struct TermBuf {
    Term *items;
    size_t size, capacity;
} TermBuf;

void termbuf_init(TermBuf *b);
void termbuf_free(TermBuf *b);
void termbuf_push(TermBuf *b, Term t);
/* A proper list of the buffer's terms, in order, optionally ending in `tail`. */
Term termbuf_to_list(const TermBuf *b, Heap *h, Term tail);
/* Pushes the elements of each 2-tuple of a list to `firsts` and `seconds`;
 * false if `list` is not a proper list of 2-tuples. */
bool bif_pairs_read(Term list, TermBuf *firsts, TermBuf *seconds);

/* ---- iodata and chardata --------------------------------------------------- */

/* Appends the bytes of iodata (bytes 0..255, binaries, nested lists, a
 * binary tail) to `out`; false if `t` is not iodata. With allow_binary
 * false the top level must be a list (iolist). */
bool bif_iodata_append(ByteBuf *out, Term t, bool allow_binary);

/* Appends chardata (code points, UTF-8 binaries, nested lists, a binary
 * tail) as UTF-8. Returns 0 on success, 1 if an element is not chardata
 * (or not a valid code point), 2 if a binary is not valid UTF-8. */
int bif_chardata_append(ByteBuf *out, Term t);

/* ---- byte patterns (binmod.c) ---------------------------------------------------- */

/* The patterns of :binary.split/match/replace and String.split/replace:
 * a non-empty binary, a non-empty list of them, or what
 * :binary.compile_pattern/1 returned. Pointers into the terms' bytes. */
typedef struct BifPatterns {
    const uint8_t **bytes;
    size_t *sizes;
    size_t count;
} BifPatterns;

/* False (nothing to free) if `t` is not a valid pattern. */
bool bif_patterns_read(Term t, BifPatterns *ps);
void bif_patterns_free(BifPatterns *ps);
/* The leftmost match in s[from, to), the longest of those starting there. */
bool bif_patterns_find(const BifPatterns *ps, const uint8_t *s, size_t from, size_t to, size_t *pos, size_t *len);
/* Appends the replacement of a match: `rep`, or with insert (the small
 * integer offsets of {:insert_replaced, _}) rep with the match at each. */
void bif_replacement_append(ByteBuf *out, const uint8_t *rep, size_t rep_n, const uint8_t *match, size_t len,
                            const TermBuf *insert);

/* ---- reading arguments ------------------------------------------------------ */

/* The bytes of a binary (byte-aligned bitstring); false otherwise. */
bool bif_binary(Term t, const uint8_t **bytes, size_t *size);

/* A small integer argument within [lo, hi]; false otherwise. */
bool bif_small_in(Term t, int64_t lo, int64_t hi, int64_t *out);

/* ---- number text (convert.c) ------------------------------------------------- */

/* Parses [+-]digits in base 2..36, all of the text; TERM_NONE otherwise. */
Term bif_parse_integer(Heap *h, const uint8_t *s, size_t n, int base);
/* Parses Erlang float syntax ([+-]D.D[e[+-]D]), all of the text; false if
 * it is not one or the value overflows. */
bool bif_parse_float(const uint8_t *s, size_t n, double *out);
/* float_to_binary(f, [{:decimals, d}] (+ :compact)) into buf; returns the
 * length, or 0 if the text does not fit in `size` bytes. */
size_t bif_format_decimals(double f, int decimals, bool compact, char *buf, size_t size);

/* ---- raising -------------------------------------------------------------- */

/* error:{badmap, Term}. */
Term bif_badmap(Process *p, Term t);
/* error:{badkey, Key}. */
Term bif_badkey(Process *p, Term key);
/* error:function_clause (the VM supplies the function in the stacktrace). */
Term bif_function_clause(Process *p);
/* error:badarith. */
Term bif_badarith(Process *p);
/* Names the function_clause a native just raised (r is its result) after
 * the Elixir function that really fails: a function with a default
 * argument (String.upcase(string, mode \\ :default)) fails at its full
 * arity, with the defaults among the arguments, and some fail in a helper
 * (String.Break.trim_leading/1). `name` is "Elixir.Mod.fun"; `defaults` is
 * a comma-separated list of literals appended to args[0..nargs): :atom,
 * an integer, [] or "text". Other results and errors pass through. */
Term bif_clause_as(Process *p, Term r, const char *name, const Term *args, size_t nargs, const char *defaults);
/* Defines the native `wrapper`: `impl` with its function_clause named by
 * bif_clause_as. */
#define BIF_CLAUSE_AS(wrapper, impl, name, nargs, defaults) \
    static Term wrapper(Process *p, const Term *a) { return bif_clause_as(p, impl(p, a), name, a, nargs, defaults); }
/* Raises the Elixir exception `module` with a printf-formatted message. */
Term bif_raise_fmt(Process *p, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
