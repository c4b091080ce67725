/* doc.h - a document algebra for pretty printing, after Wadler and Lindig.
 *
 * A Doc describes text with optional line breaks; doc_format lays it out at
 * a given width. The algebra and its layout rules are those of Elixir 1.14's
 * Inspect.Algebra, so that a document built here the way Elixir builds one
 * breaks at exactly the same places:
 *
 *   - A group is laid out flat if its own content fits in the remaining
 *     width (what follows the group is not considered), otherwise its
 *     strict breaks become newlines.
 *   - A flex break becomes a newline only if the text up to the next
 *     possible break does not fit, whatever the mode of its group.
 *   - A document with no break at all always "fits": a long word simply
 *     overflows its line.
 *
 * Documents live in a DocArena and are freed all at once with it. Nothing
 * here recurses on the C stack, so documents of any depth can be built and
 * formatted. Widths are counted in bytes, as Inspect.Algebra counts binaries.
 */
#ifndef GENLAB_DOC_H
#define GENLAB_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    DOC_NIL,    /* nothing */
    DOC_LINE,   /* a mandatory newline */
    DOC_STRING, /* literal text */
    DOC_CONS,   /* left then right */
    DOC_NEST,   /* its child, with line breaks indented further */
    DOC_BREAK,  /* a text that may become a newline */
    DOC_GROUP,  /* a unit whose breaks are decided together */
    DOC_FITS,   /* next_break_fits/2 */
    DOC_FORCE   /* force_unfit/1: the enclosing group never fits */
} DocKind;

/* Modes of DOC_BREAK. */
enum { DOC_BREAK_STRICT, DOC_BREAK_FLEX };
/* Modes of DOC_GROUP. */
enum { DOC_GROUP_SELF, DOC_GROUP_INHERIT };
/* Modes of DOC_NEST: always indent, or only when the group breaks. */
enum { DOC_NEST_ALWAYS, DOC_NEST_BREAK };
/* Special nest levels: indent to the current column, or back to column 0. */
enum { DOC_NEST_CURSOR = -1, DOC_NEST_RESET = -2 };
/* Modes of DOC_FITS. */
enum { DOC_FITS_ENABLED, DOC_FITS_DISABLED };

/* A static text document: DOC_LITERAL(name, "text") defines `name`. */
#define DOC_LITERAL(name, text)                                                                    \
    static const Doc name = {.kind = DOC_STRING, .width = sizeof(text) - 1,                        \
                             .u.str = {text, sizeof(text) - 1}}

/* A width meaning "never break" (Elixir's :infinity). */
#define DOC_WIDTH_INFINITY (-1L)

typedef struct Doc Doc;
struct Doc {
    uint8_t kind;   /* DocKind */
    uint8_t mode;   /* the mode of a break, group, nest or fits */
    uint8_t flags;  /* DOC_HAS_*: what the subtree contains, for fast fitting */
    int32_t indent; /* DOC_NEST: a level >= 0 or DOC_NEST_CURSOR/RESET */
    /* The subtree's width when laid out flat, and up to the end of its
     * first break if it has one; both saturate at UINT32_MAX, which is
     * wider than any line. */
    uint32_t width, lead;
    union {
        struct {
            const char *text; /* not NUL-terminated */
            size_t length;    /* bytes */
        } str;                /* DOC_STRING and DOC_BREAK */
        struct {
            const Doc *left, *right;
        } cons;               /* DOC_CONS */
        const Doc *child;     /* DOC_NEST, DOC_GROUP, DOC_FITS, DOC_FORCE */
    } u;
};

/* Flags of Doc.flags. A subtree without BREAK, LINE, FORCE or FITS lays out
 * as its flat text in every mode. OPEN_BREAK: a break not enclosed by a
 * group inside the subtree. STRUCTURE: any node other than text and
 * concatenation (a subtree without it is "simple" for container_doc). */
enum {
    DOC_HAS_BREAK = 1,
    DOC_HAS_LINE = 2,
    DOC_HAS_FORCE = 4,
    DOC_HAS_FITS = 8,
    DOC_HAS_OPEN_BREAK = 16,
    DOC_HAS_STRUCTURE = 32
};

/* container_doc's simple?/1: the document is only text. */
static inline bool doc_is_simple(const Doc *d) { return !(d->flags & DOC_HAS_STRUCTURE); }

/* The memory every document of one layout lives in. */
typedef struct DocArena {
    struct DocArenaBlock *blocks;
    char *top, *limit;
} DocArena;

void doc_arena_init(DocArena *a);
void doc_arena_release(DocArena *a); /* frees every document made in it */
/* Room for `bytes` bytes in the arena (for text that documents point at). */
void *doc_arena_alloc(DocArena *a, size_t bytes);

/* ---- building documents -------------------------------------------------- */

const Doc *doc_nil(void);
const Doc *doc_line(void);
/* Literal text; doc_text copies it into the arena, doc_text_static does not
 * (the text must outlive the arena). */
const Doc *doc_text(DocArena *a, const char *text, size_t length);
const Doc *doc_text_static(DocArena *a, const char *text);
/* Literal text (copied) counted as `width` columns: string/1's documents,
 * whose width is their length in characters. */
const Doc *doc_text_width(DocArena *a, const char *text, size_t length, size_t width);
/* A static text that takes no columns: a terminal's escape codes, as
 * Inspect.Algebra's color documents. */
const Doc *doc_text_invisible(DocArena *a, const char *text);
const Doc *doc_concat(DocArena *a, const Doc *left, const Doc *right);
/* nest/3: `level` >= 0, DOC_NEST_CURSOR or DOC_NEST_RESET; mode is
 * DOC_NEST_ALWAYS or DOC_NEST_BREAK. A level of 0 returns `d` itself. */
const Doc *doc_nest(DocArena *a, const Doc *d, int level, int mode);
/* break/1 and flex_break/1; `text` must outlive the arena. */
const Doc *doc_break(DocArena *a, const char *text, int mode);
const Doc *doc_group(DocArena *a, const Doc *d, int mode);
const Doc *doc_next_break_fits(DocArena *a, const Doc *d, int mode);
const Doc *doc_force_unfit(DocArena *a, const Doc *d);
/* glue/3 and flex_glue/3: left, a break of `text`, right. */
const Doc *doc_glue(DocArena *a, const Doc *left, const char *text, const Doc *right);
const Doc *doc_flex_glue(DocArena *a, const Doc *left, const char *text, const Doc *right);

/* ---- layout -------------------------------------------------------------- */

/* Output text: malloc'd, grown as needed, NUL-terminated after each append. */
typedef struct DocOut {
    char *data;
    size_t size, capacity;
} DocOut;

void docout_init(DocOut *o);
void docout_free(DocOut *o);
void docout_append(DocOut *o, const char *bytes, size_t n);

/* format/2: lays `d` out at `width` columns (DOC_WIDTH_INFINITY: never
 * break) starting flat at column 0, as Inspect.Algebra.format/2 does, and
 * appends the text to `out`. */
void doc_format(const Doc *d, long width, DocOut *out);

#endif
