/* doc.c - the document algebra and its layout (Inspect.Algebra's rules).
 *
 * Layout works on a stack of entries (indent, mode, document) exactly as
 * the algebra's definition does, with the stack in a growable array instead
 * of a recursive call chain. Every document caches its flat width, the
 * width up to its first break and what kinds of node it contains, so that
 * the fitting test can step over whole subtrees instead of walking them:
 * layout stays linear on deeply nested data.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "fatal.h"

/* ---- the arena ----------------------------------------------------------- */

typedef struct DocArenaBlock {
    struct DocArenaBlock *next;
    size_t size;
    _Alignas(max_align_t) char data[];
} DocArenaBlock;

void doc_arena_init(DocArena *a) { memset(a, 0, sizeof *a); }

void doc_arena_release(DocArena *a)
{
    DocArenaBlock *b = a->blocks;
    while (b) {
        DocArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof *a);
}

void *doc_arena_alloc(DocArena *a, size_t bytes)
{
    bytes = (bytes + 7) & ~(size_t)7;
    if ((size_t)(a->limit - a->top) < bytes) {
        /* Blocks grow with the arena so that huge documents need few mallocs. */
        size_t size = a->blocks ? a->blocks->size * 2 : 4096;
        if (size > ((size_t)1 << 24)) size = (size_t)1 << 24;
        if (size < bytes) size = bytes;
        DocArenaBlock *b = xmalloc(sizeof *b + size);
        b->next = a->blocks;
        b->size = size;
        a->blocks = b;
        a->top = b->data;
        a->limit = b->data + size;
    }
    void *p = a->top;
    a->top += bytes;
    return p;
}

/* ---- construction ------------------------------------------------------- */

static const Doc nil_doc = {.kind = DOC_NIL};
static const Doc line_doc = {.kind = DOC_LINE, .flags = DOC_HAS_LINE | DOC_HAS_STRUCTURE};

const Doc *doc_nil(void) { return &nil_doc; }
const Doc *doc_line(void) { return &line_doc; }

static uint32_t width_add(uint32_t a, uint32_t b) { return a > UINT32_MAX - b ? UINT32_MAX : a + b; }
static uint32_t width_of(size_t n) { return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n; }

static Doc *doc_new(DocArena *a, DocKind kind)
{
    Doc *d = doc_arena_alloc(a, sizeof *d);
    memset(d, 0, sizeof *d);
    d->kind = (uint8_t)kind;
    return d;
}

static const Doc *doc_string_node(DocArena *a, const char *text, size_t length)
{
    Doc *d = doc_new(a, DOC_STRING);
    d->u.str.text = text;
    d->u.str.length = length;
    d->width = width_of(length);
    return d;
}

const Doc *doc_text(DocArena *a, const char *text, size_t length)
{
    char *copy = doc_arena_alloc(a, length ? length : 1);
    memcpy(copy, text, length);
    return doc_string_node(a, copy, length);
}

const Doc *doc_text_width(DocArena *a, const char *text, size_t length, size_t width)
{
    Doc *d = (Doc *)doc_text(a, text, length);
    d->width = width_of(width);
    return d;
}

const Doc *doc_text_invisible(DocArena *a, const char *text)
{
    Doc *d = doc_new(a, DOC_STRING);
    d->u.str.text = text;
    d->u.str.length = strlen(text);
    return d;
}

const Doc *doc_text_static(DocArena *a, const char *text)
{
    return doc_string_node(a, text, strlen(text));
}

const Doc *doc_concat(DocArena *a, const Doc *left, const Doc *right)
{
    Doc *d = doc_new(a, DOC_CONS);
    d->u.cons.left = left;
    d->u.cons.right = right;
    d->flags = left->flags | right->flags;
    d->width = width_add(left->width, right->width);
    if (left->flags & DOC_HAS_BREAK) d->lead = left->lead;
    else if (right->flags & DOC_HAS_BREAK) d->lead = width_add(left->width, right->lead);
    return d;
}

/* A node that wraps one child and shares its measures. */
static Doc *doc_wrap(DocArena *a, DocKind kind, const Doc *child, int mode)
{
    Doc *d = doc_new(a, kind);
    d->u.child = child;
    d->mode = (uint8_t)mode;
    d->flags = child->flags | DOC_HAS_STRUCTURE;
    d->width = child->width;
    d->lead = child->lead;
    return d;
}

const Doc *doc_nest(DocArena *a, const Doc *d, int level, int mode)
{
    if (level == 0) return d;
    Doc *n = doc_wrap(a, DOC_NEST, d, mode);
    n->indent = level;
    return n;
}

const Doc *doc_break(DocArena *a, const char *text, int mode)
{
    Doc *d = doc_new(a, DOC_BREAK);
    d->mode = (uint8_t)mode;
    d->u.str.text = text;
    d->u.str.length = strlen(text);
    d->width = d->lead = width_of(d->u.str.length);
    d->flags = DOC_HAS_BREAK | DOC_HAS_OPEN_BREAK | DOC_HAS_STRUCTURE;
    return d;
}

const Doc *doc_group(DocArena *a, const Doc *d, int mode)
{
    Doc *g = doc_wrap(a, DOC_GROUP, d, mode);
    g->flags &= (uint8_t)~DOC_HAS_OPEN_BREAK;
    return g;
}

const Doc *doc_next_break_fits(DocArena *a, const Doc *d, int mode)
{
    Doc *f = doc_wrap(a, DOC_FITS, d, mode);
    f->flags |= DOC_HAS_FITS;
    return f;
}

const Doc *doc_force_unfit(DocArena *a, const Doc *d)
{
    Doc *f = doc_wrap(a, DOC_FORCE, d, 0);
    f->flags |= DOC_HAS_FORCE;
    return f;
}

const Doc *doc_glue(DocArena *a, const Doc *left, const char *text, const Doc *right)
{
    return doc_concat(a, left, doc_concat(a, doc_break(a, text, DOC_BREAK_STRICT), right));
}

const Doc *doc_flex_glue(DocArena *a, const Doc *left, const char *text, const Doc *right)
{
    return doc_concat(a, left, doc_concat(a, doc_break(a, text, DOC_BREAK_FLEX), right));
}

/* ---- output -------------------------------------------------------------- */

void docout_init(DocOut *o)
{
    o->capacity = 64;
    o->size = 0;
    o->data = xmalloc(o->capacity);
    o->data[0] = 0;
}

void docout_free(DocOut *o)
{
    free(o->data);
    o->data = NULL;
    o->size = o->capacity = 0;
}

static void docout_reserve(DocOut *o, size_t n)
{
    if (o->size + n + 1 <= o->capacity) return;
    size_t cap = o->capacity ? o->capacity : 64;
    while (cap < o->size + n + 1) cap *= 2;
    o->data = xrealloc(o->data, cap);
    o->capacity = cap;
}

void docout_append(DocOut *o, const char *bytes, size_t n)
{
    docout_reserve(o, n);
    memcpy(o->data + o->size, bytes, n);
    o->size += n;
    o->data[o->size] = 0;
}

static void docout_newline(DocOut *o, long indent)
{
    docout_reserve(o, (size_t)indent + 1);
    o->data[o->size++] = '\n';
    memset(o->data + o->size, ' ', (size_t)indent);
    o->size += (size_t)indent;
    o->data[o->size] = 0;
}

/* ---- layout ------------------------------------------------------------ */

/* Layout modes. The last two exist only while fitting (next_break_fits). */
enum { MODE_FLAT, MODE_BREAK, MODE_FLAT_NO_BREAK, MODE_BREAK_NO_FLAT };

typedef struct Entry {
    long indent;
    int mode;       /* for a tail marker: the saved "seen a break" flag */
    const Doc *doc; /* NULL marks the end of a group while fitting */
} Entry;

typedef struct EntryStack {
    Entry *items;
    size_t count, capacity;
} EntryStack;

static void stack_push(EntryStack *s, long indent, int mode, const Doc *doc)
{
    if (s->count == s->capacity) {
        size_t grown = s->capacity ? s->capacity * 2 : 64;
        s->items = xrealloc(s->items, grown * sizeof *s->items);
        s->capacity = grown; /* only once the memory is there */
    }
    s->items[s->count++] = (Entry){indent, mode, doc};
}

static long apply_nesting(long indent, long column, int level)
{
    if (level == DOC_NEST_CURSOR) return column;
    if (level == DOC_NEST_RESET) return 0;
    return indent + level;
}

/* fits?/4: does the text up to the next chosen line break end within
 * `w`? `local` holds the entries to examine first (it is consumed); then
 * the entries rest[0..rest_count) are examined from the top, unchanged. A
 * document without any break always fits (`seen_break` must be set before
 * running over the width counts). */
static bool layout_fits(long w, long k, bool seen_break, EntryStack *local,
                        const Entry *rest, size_t rest_count)
{
    const uint8_t opaque = DOC_HAS_BREAK | DOC_HAS_LINE | DOC_HAS_FORCE | DOC_HAS_FITS;
    for (;;) {
        if (k > w && seen_break) return false;
        Entry e;
        if (local->count) e = local->items[--local->count];
        else if (rest_count) e = rest[--rest_count];
        else return true;
        if (!e.doc) {
            seen_break = e.mode != 0;
            continue;
        }
        const Doc *d = e.doc;
        if (!(d->flags & opaque)) {
            k += (long)d->width;
            continue;
        }
        bool flat = e.mode == MODE_FLAT || e.mode == MODE_FLAT_NO_BREAK;
        if (flat && !(d->flags & (DOC_HAS_LINE | DOC_HAS_FITS))) {
            /* Flat, this subtree is its text; once past its first break
             * and over the width the answer is no, and if it all fits
             * only its breaks outside inner groups remain seen. */
            if ((d->flags & DOC_HAS_BREAK) && k + (long)d->lead > w) return false;
            if (k + (long)d->width <= w && !(d->flags & DOC_HAS_FORCE)) {
                k += (long)d->width;
                if (d->flags & DOC_HAS_OPEN_BREAK) seen_break = true;
                continue;
            }
        }
        switch ((DocKind)d->kind) {
        case DOC_NIL:
            break;
        case DOC_FITS:
            if (d->mode == DOC_FITS_DISABLED || e.mode == MODE_FLAT_NO_BREAK)
                stack_push(local, e.indent, MODE_FLAT_NO_BREAK, d->u.child);
            else
                stack_push(local, e.indent, MODE_BREAK_NO_FLAT, d->u.child);
            break;
        case DOC_FORCE:
            if (e.mode != MODE_BREAK_NO_FLAT) return false;
            stack_push(local, e.indent, e.mode, d->u.child);
            break;
        case DOC_BREAK:
            if (e.mode == MODE_BREAK || e.mode == MODE_BREAK_NO_FLAT) return true;
            k += (long)d->u.str.length;
            seen_break = true;
            break;
        case DOC_LINE:
            if (e.mode == MODE_BREAK || e.mode == MODE_BREAK_NO_FLAT) return true;
            k = e.indent;
            seen_break = false;
            break;
        case DOC_GROUP:
            stack_push(local, 0, seen_break, NULL);
            stack_push(local, e.indent, e.mode == MODE_BREAK ? MODE_FLAT : e.mode, d->u.child);
            break;
        case DOC_STRING:
            k += (long)d->width;
            break;
        case DOC_NEST:
            if (d->mode == DOC_NEST_BREAK)
                stack_push(local, e.indent, e.mode, d->u.child);
            else
                stack_push(local, apply_nesting(e.indent, k, d->indent), e.mode, d->u.child);
            break;
        case DOC_CONS:
            stack_push(local, e.indent, e.mode, d->u.cons.right);
            stack_push(local, e.indent, e.mode, d->u.cons.left);
            break;
        }
    }
}

void doc_format(const Doc *root, long w, DocOut *out)
{
    EntryStack stack = {0}, scratch = {0};
    bool infinite = w < 0;
    long k = 0;
    stack_push(&stack, 0, MODE_FLAT, root);
    while (stack.count) {
        Entry e = stack.items[--stack.count];
        const Doc *d = e.doc;
        switch ((DocKind)d->kind) {
        case DOC_NIL:
            break;
        case DOC_LINE:
            docout_newline(out, e.indent);
            k = e.indent;
            break;
        case DOC_CONS:
            stack_push(&stack, e.indent, e.mode, d->u.cons.right);
            stack_push(&stack, e.indent, e.mode, d->u.cons.left);
            break;
        case DOC_STRING:
            docout_append(out, d->u.str.text, d->u.str.length);
            k += (long)d->width;
            break;
        case DOC_FORCE:
        case DOC_FITS:
            stack_push(&stack, e.indent, e.mode, d->u.child);
            break;
        case DOC_BREAK:
            if (d->mode == DOC_BREAK_FLEX) {
                /* A flex break looks ahead over the rest of the whole
                 * document, whatever the mode of its own group. */
                long after = k + (long)d->u.str.length;
                scratch.count = 0;
                if (infinite || e.mode == MODE_FLAT ||
                    layout_fits(w, after, true, &scratch, stack.items, stack.count)) {
                    docout_append(out, d->u.str.text, d->u.str.length);
                    k = after;
                } else {
                    docout_newline(out, e.indent);
                    k = e.indent;
                }
            } else if (e.mode == MODE_BREAK) {
                docout_newline(out, e.indent);
                k = e.indent;
            } else {
                docout_append(out, d->u.str.text, d->u.str.length);
                k += (long)d->u.str.length;
            }
            break;
        case DOC_NEST:
            if (d->mode == DOC_NEST_ALWAYS || e.mode == MODE_BREAK)
                stack_push(&stack, apply_nesting(e.indent, k, d->indent), e.mode, d->u.child);
            else
                stack_push(&stack, e.indent, e.mode, d->u.child);
            break;
        case DOC_GROUP:
            if (e.mode == MODE_BREAK && d->mode == DOC_GROUP_INHERIT) {
                stack_push(&stack, e.indent, MODE_BREAK, d->u.child);
            } else {
                /* Only the group's own content decides, not what follows. */
                scratch.count = 0;
                stack_push(&scratch, e.indent, MODE_FLAT, d->u.child);
                bool fits = infinite || layout_fits(w, k, false, &scratch, NULL, 0);
                stack_push(&stack, e.indent, fits ? MODE_FLAT : MODE_BREAK, d->u.child);
            }
            break;
        }
    }
    free(stack.items);
    free(scratch.items);
}
