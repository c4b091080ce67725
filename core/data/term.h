/* term.h - the representation of every Elixir value.
 *
 * A Term is one 64-bit word. Its low three bits are a tag:
 *   BOXED   a pointer to a header word followed by data (tuples, floats,
 *           bignums, binaries, maps, funs, references)
 *   CONS    a pointer to two words: head, tail
 *   SMALL   a signed 61-bit integer stored in the upper bits
 *   ATOM    an index into the global atom table
 *   PID     a local process serial number (printed #PID<0.N.0>)
 *   SPECIAL [] and internal markers such as TERM_NONE
 * Boxed objects and cons cells live in a process heap or in the literal
 * arena (constants of compiled code, never collected). See heap.h.
 */
#ifndef GENLAB_TERM_H
#define GENLAB_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Term;

enum {
    TAG_BOXED = 0,
    TAG_CONS = 1,
    TAG_SMALL = 2,
    TAG_ATOM = 3,
    TAG_PID = 4,
    TAG_SPECIAL = 5,
    TAG_HEADER = 6, /* only ever the first word of a boxed object */
    TAG_MASK = 7
};

static inline unsigned term_tag(Term t) { return (unsigned)(t & TAG_MASK); }

/* ---- special immediates ------------------------------------------------ */

#define TERM_NIL ((Term)((0u << 3) | TAG_SPECIAL))   /* the empty list [] */
/* "No value": a native returns it to say an exception is pending in the
 * process (see Process.exc_*). It is never a user-visible value. */
#define TERM_NONE ((Term)((1u << 3) | TAG_SPECIAL))
/* Left in a moved cons cell's head by the garbage collector. */
#define TERM_MOVED ((Term)((2u << 3) | TAG_SPECIAL))

static inline bool term_is_nil(Term t) { return t == TERM_NIL; }
static inline bool term_is_none(Term t) { return t == TERM_NONE; }

/* ---- small integers ---------------------------------------------------- */

#define SMALL_MAX ((int64_t)((1ULL << 60) - 1))
#define SMALL_MIN (-(int64_t)(1ULL << 60))

static inline bool term_is_small(Term t) { return term_tag(t) == TAG_SMALL; }
static inline bool small_fits(int64_t v) { return v >= SMALL_MIN && v <= SMALL_MAX; }
static inline Term small_make(int64_t v) { return ((uint64_t)v << 3) | TAG_SMALL; }
static inline int64_t small_value(Term t) { return (int64_t)t >> 3; }

/* ---- atoms (see atom.h) -------------------------------------------------- */

static inline bool term_is_atom(Term t) { return term_tag(t) == TAG_ATOM; }
static inline Term atom_make(uint32_t index) { return ((Term)index << 3) | TAG_ATOM; }
static inline uint32_t atom_index(Term t) { return (uint32_t)(t >> 3); }

/* ---- pids ------------------------------------------------------------------ */

static inline bool term_is_pid(Term t) { return term_tag(t) == TAG_PID; }
static inline Term pid_make(uint32_t serial) { return ((Term)serial << 3) | TAG_PID; }
static inline uint32_t pid_serial(Term t) { return (uint32_t)(t >> 3); }

/* ---- lists ----------------------------------------------------------------- */

static inline bool term_is_cons(Term t) { return term_tag(t) == TAG_CONS; }
static inline bool term_is_list(Term t) { return t == TERM_NIL || term_is_cons(t); }
static inline Term *cons_ptr(Term t) { return (Term *)(uintptr_t)(t - TAG_CONS); }
static inline Term cons_head(Term t) { return cons_ptr(t)[0]; }
static inline Term cons_tail(Term t) { return cons_ptr(t)[1]; }
static inline Term cons_from_ptr(Term *cell) { return (Term)(uintptr_t)cell | TAG_CONS; }

/* ---- boxed objects ---------------------------------------------------------
 * Header word: bits 0-2 TAG_HEADER, bits 3-7 the BoxType, bits 8-63 the
 * number of words that follow the header (the object's payload size). */

typedef enum {
    BOX_TUPLE = 0,   /* payload: the elements */
    BOX_FLOAT = 1,   /* payload: one double */
    BOX_BIGPOS = 2,  /* payload: limbs (mp_limb_t), least significant first */
    BOX_BIGNEG = 3,  /* same, negative */
    BOX_BINARY = 4,  /* payload: [bit size][bytes...] */
    BOX_SUBBIN = 5,  /* payload: [BOX_BINARY or BOX_REFBIN term][bit offset][bit size] */
    BOX_MAP = 6,     /* payload: [count][keys...][values...], keys in term order, up to
                      * 32 keys; above, [count][bitmap][children...]: see map.c */
    BOX_FUN = 7,     /* payload: [FunInfo *][free variables...] */
    BOX_EXPORT = 8,  /* payload: [module atom][function atom][arity small] */
    BOX_REF = 9,     /* payload: [id] */
    BOX_MAPNODE = 10, /* payload: [bitmap][children...], inside a big map only (map.c) */
    BOX_REFBIN = 11, /* payload: [RefBinary *][next REFBIN of its heap][bit size]: binary.h */
    BOX_FORWARD = 31 /* GC only: payload word 0 holds the new location */
} BoxType;

/* What a BOX_FUN points at: the code of one fn (compiled by lang/) and
 * how to print it. */
typedef struct FunInfo {
    struct Function *fn; /* module.h */
    Term module;         /* the defining module */
    Term parent_name;    /* the function it appears in, e.g. main */
    /* parent_arity is FUN_PARENT_IS_FUN for the capture of a local
     * function (&helper/1): the fun is parent_name itself, and inspects
     * as "in Mod.helper" with no arity */
    uint32_t parent_arity, index, uniq;
    uint32_t arity;      /* the fn's visible arity, for inspect */
    const char *file;    /* the fn's file, for inspect */
    /* When not NULL (a shell input's fn: lang/code_region.h), the
     * FUN_COPIED_* bits of where funs of this code went. */
    uint8_t *copied;
} FunInfo;
#define FUN_PARENT_IS_FUN UINT32_MAX

/* FunInfo.copied's bits. OUT: a fun was copied out of the heap it was
 * made in (a message, ETS, a timer) or spawned, so its code may be
 * referred to from anywhere a term is held. KEPT: a fun was copied into
 * the literal arena, which is never collected: its code stays for good. */
#define FUN_COPIED_OUT 1u
#define FUN_COPIED_KEPT 2u

static inline bool term_is_boxed(Term t) { return term_tag(t) == TAG_BOXED && t != 0; }
static inline Term *boxed_ptr(Term t) { return (Term *)(uintptr_t)t; }
static inline Term boxed_from_ptr(Term *p) { return (Term)(uintptr_t)p; }
static inline Term header_make(BoxType type, size_t payload_words)
{
    return ((Term)payload_words << 8) | ((Term)type << 3) | TAG_HEADER;
}
static inline BoxType header_type(Term h) { return (BoxType)((h >> 3) & 31); }
static inline size_t header_size(Term h) { return (size_t)(h >> 8); }
static inline BoxType boxed_type(Term t) { return header_type(boxed_ptr(t)[0]); }
static inline bool term_is_box_of(Term t, BoxType type)
{
    return term_is_boxed(t) && boxed_type(t) == type;
}

/* tuples */
static inline bool term_is_tuple(Term t) { return term_is_box_of(t, BOX_TUPLE); }
static inline size_t tuple_size(Term t) { return header_size(boxed_ptr(t)[0]); }
static inline Term *tuple_elems(Term t) { return boxed_ptr(t) + 1; }
static inline Term tuple_get(Term t, size_t i) { return boxed_ptr(t)[1 + i]; }

/* floats */
static inline bool term_is_float(Term t) { return term_is_box_of(t, BOX_FLOAT); }
static inline double float_value(Term t)
{
    double d;
    memcpy(&d, boxed_ptr(t) + 1, sizeof d);
    return d;
}

/* bignums: always outside the small range (normalized) */
static inline bool term_is_bignum(Term t)
{
    return term_is_boxed(t) && (boxed_type(t) == BOX_BIGPOS || boxed_type(t) == BOX_BIGNEG);
}
static inline bool term_is_integer(Term t) { return term_is_small(t) || term_is_bignum(t); }
static inline bool term_is_number(Term t) { return term_is_integer(t) || term_is_float(t); }

/* binaries and bitstrings: use binary.h to read their bytes */
static inline bool term_is_bitstring(Term t)
{
    if (!term_is_boxed(t)) return false;
    BoxType type = boxed_type(t);
    return type == BOX_BINARY || type == BOX_SUBBIN || type == BOX_REFBIN;
}

/* maps: use map.h */
static inline bool term_is_map(Term t) { return term_is_box_of(t, BOX_MAP); }

/* funs */
static inline bool term_is_fun(Term t)
{
    return term_is_boxed(t) && (boxed_type(t) == BOX_FUN || boxed_type(t) == BOX_EXPORT);
}

static inline bool term_is_ref(Term t) { return term_is_box_of(t, BOX_REF); }


#endif
