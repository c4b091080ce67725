/* algebra.c - Inspect between C and Elixir: inspect/2 with users' Inspect
 * implementations, and Inspect.Algebra documents as Elixir terms.
 *
 * inspect itself is C (data/inspect.c, an explicit frame stack). A struct
 * whose Inspect is a user's defimpl needs Elixir code run, which a native
 * must not do on the C stack. So :genlab.inspect/2 walks the term once;
 * when it meets such structs it answers with a continuation
 * (native_continue) to Inspect.Algebra.__genlab_inspect__/3, which calls
 * the implementations as ordinary Elixir code (preemptible, free to
 * receive) and hands their documents to :genlab.inspect_resolved/3, whose
 * walk puts them in place. A derived Inspect (only:/except:) needs no
 * Elixir: the walk shows its fields itself.
 *
 * Elixir's documents (:doc_nil, binaries, {:doc_cons, l, r}, {:doc_group,
 * d, mode}, ...) and C's (data/doc.h) convert both ways, with explicit
 * stacks: Inspect.Algebra.to_doc/2 answers an Elixir document built by C,
 * and Inspect.Algebra.format/2 lays one out with C's layout.
 */
#include <stdio.h>
#include <stdlib.h>

#include "algebra.h"
#include "atom.h"
#include "bif.h"
#include "compare.h"
#include "binary.h"
#include "fatal.h"
#include "inspect.h"
#include "map.h"
#include "module.h"
#include "native.h"
#include "protocol.h"

static Term A(const char *s) { return atom_from_cstr(s); }

/* The value of `key` in a keyword list, or TERM_NONE. */
static Term keyword_get(Term list, Term key)
{
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term kv = cons_head(list);
        if (term_is_tuple(kv) && tuple_size(kv) == 2 && tuple_get(kv, 0) == key) return tuple_get(kv, 1);
    }
    return TERM_NONE;
}

/* ---- colours ------------------------------------------------------------------ */

/* IO.ANSI's escape sequence for a colour name, or NULL. */
static const char *ansi_code(Term name)
{
    static const struct {
        const char *name, *code;
    } table[] = {
        {"reset", "\033[0m"},          {"bright", "\033[1m"},           {"faint", "\033[2m"},
        {"italic", "\033[3m"},         {"underline", "\033[4m"},        {"black", "\033[30m"},
        {"red", "\033[31m"},           {"green", "\033[32m"},           {"yellow", "\033[33m"},
        {"blue", "\033[34m"},          {"magenta", "\033[35m"},         {"cyan", "\033[36m"},
        {"white", "\033[37m"},         {"default_color", "\033[39m"},   {"light_black", "\033[90m"},
        {"light_red", "\033[91m"},     {"light_green", "\033[92m"},     {"light_yellow", "\033[93m"},
        {"light_blue", "\033[94m"},    {"light_magenta", "\033[95m"},   {"light_cyan", "\033[96m"},
        {"light_white", "\033[97m"},   {NULL, NULL}};
    if (!term_is_atom(name)) return NULL;
    for (int i = 0; table[i].name; i++)
        if (!strcmp(atom_text(name), table[i].name)) return table[i].code;
    return NULL;
}

/* A colour given as a name, a binary or a list of them, as text kept in
 * the arena. */
static const char *color_text(DocArena *a, Term color)
{
    DocOut o;
    docout_init(&o);
    bool is_list = term_is_list(color);
    for (Term l = color; is_list ? term_is_cons(l) : l != TERM_NONE; l = is_list ? cons_tail(l) : TERM_NONE) {
        Term c = is_list ? cons_head(l) : l;
        const uint8_t *bytes;
        size_t len;
        const char *code = ansi_code(c);
        if (code) docout_append(&o, code, strlen(code));
        else if (binary_bytes(c, &bytes, &len)) docout_append(&o, (const char *)bytes, len);
    }
    char *text = doc_arena_alloc(a, o.size + 1);
    memcpy(text, o.data ? o.data : "", o.size);
    text[o.size] = 0;
    docout_free(&o);
    return text;
}

/* ---- options ---------------------------------------------------------------------- */

static const char *const color_keys[INSPECT_COLOR_COUNT] = {
    [INSPECT_COLOR_ATOM] = "atom",     [INSPECT_COLOR_BINARY] = "binary", [INSPECT_COLOR_BOOLEAN] = "boolean",
    [INSPECT_COLOR_CHARLIST] = "charlist", [INSPECT_COLOR_LIST] = "list", [INSPECT_COLOR_MAP] = "map",
    [INSPECT_COLOR_NIL] = "nil",       [INSPECT_COLOR_NUMBER] = "number", [INSPECT_COLOR_STRING] = "string",
    [INSPECT_COLOR_TUPLE] = "tuple",   [INSPECT_COLOR_RESET] = "reset",
};

static void opt_set(InspectOpts *o, const char **colors, DocArena *a, Term key, Term v)
{
    const char *k = term_is_atom(key) ? atom_text(key) : "";
    if (!strcmp(k, "pretty")) o->pretty = v == ATOM_true;
    else if (!strcmp(k, "width")) o->width = term_is_small(v) ? (long)small_value(v) : -1;
    else if (!strcmp(k, "limit")) o->limit = term_is_small(v) ? (long)small_value(v) : -1;
    else if (!strcmp(k, "printable_limit")) o->printable_limit = term_is_small(v) ? (long)small_value(v) : -1;
    else if (!strcmp(k, "structs")) o->structs = v != ATOM_false;
    else if (!strcmp(k, "base") && term_is_atom(v)) {
        const char *b = atom_text(v);
        o->base = !strcmp(b, "binary") ? 2 : !strcmp(b, "octal") ? 8 : !strcmp(b, "hex") ? 16 : 10;
    } else if (!strcmp(k, "charlists") || !strcmp(k, "char_lists")) {
        /* Inspect.List tests for :as_charlists and :infer only: any other
         * value (:as_lists, a misspelling) prints lists as lists. */
        const char *b = term_is_atom(v) ? atom_text(v) : "";
        o->charlists = !strcmp(b, "as_charlists") || !strcmp(b, "as_char_lists") ? CHARLISTS_AS_CHARLISTS
                       : !strcmp(b, "infer")                                     ? CHARLISTS_INFER
                                                                                 : CHARLISTS_AS_LISTS;
    } else if (!strcmp(k, "binaries") && term_is_atom(v)) {
        const char *b = atom_text(v);
        o->binaries = !strcmp(b, "as_binaries") ? BINARIES_AS_BINARIES : !strcmp(b, "as_strings") ? BINARIES_AS_STRINGS : BINARIES_INFER;
    } else if (!strcmp(k, "syntax_colors") && colors && term_is_cons(v)) {
        for (Term l = v; term_is_cons(l); l = cons_tail(l)) {
            Term kv = cons_head(l);
            if (!term_is_tuple(kv) || tuple_size(kv) != 2 || !term_is_atom(tuple_get(kv, 0))) continue;
            for (int i = 0; i < INSPECT_COLOR_COUNT; i++)
                if (!strcmp(atom_text(tuple_get(kv, 0)), color_keys[i])) colors[i] = color_text(a, tuple_get(kv, 1));
        }
        if (!colors[INSPECT_COLOR_RESET]) colors[INSPECT_COLOR_RESET] = "\033[0m";
        o->colors = colors;
    }
}

/* inspect/2's options, a keyword list or an %Inspect.Opts{}. */
static void opts_read(Term opts, InspectOpts *o, const char **colors, DocArena *a)
{
    static const char *const keys[] = {"pretty", "width", "limit", "printable_limit", "structs", "base",
                                       "charlists", "binaries", "syntax_colors", NULL};
    inspect_opts_default(o);
    if (term_is_map(opts)) {
        for (int i = 0; keys[i]; i++) {
            Term v = map_get(opts, A(keys[i]));
            if (v != TERM_NONE) opt_set(o, colors, a, A(keys[i]), v);
        }
        return;
    }
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term kv = cons_head(l);
        if (term_is_tuple(kv) && tuple_size(kv) == 2) opt_set(o, colors, a, tuple_get(kv, 0), tuple_get(kv, 1));
    }
}

/* ---- Elixir documents to C ------------------------------------------------------------ */

/* Builds C's document for an Elixir one, bottom up with an explicit stack:
 * each entry is a node whose children are converted first. */
const Doc *algebra_doc_from_term(DocArena *a, Term doc)
{
    typedef struct {
        Term t;
        bool expanded;
    } Item;
    size_t cap = 64, n = 0, nout = 0, out_cap = 64;
    Item *stack = xmalloc(cap * sizeof *stack);
    const Doc **out = xmalloc(out_cap * sizeof *out);
    stack[n++] = (Item){doc, false};
    while (n) {
        Item it = stack[--n];
        Term t = it.t;
        size_t kids = 0;
        Term kid[2];
        if (term_is_tuple(t) && tuple_size(t) >= 2) {
            Term tag = tuple_get(t, 0);
            if (tag == A("doc_cons") && tuple_size(t) == 3) {
                kid[0] = tuple_get(t, 1);
                kid[1] = tuple_get(t, 2);
                kids = 2;
            } else if (tag == A("doc_nest") || tag == A("doc_group") || tag == A("doc_fits") || tag == A("doc_force") ||
                       tag == A("doc_color")) {
                kid[0] = tuple_get(t, 1);
                kids = 1;
            }
        }
        if (kids && !it.expanded) {
            if (n + 3 > cap) {
                cap *= 2;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            stack[n++] = (Item){t, true};
            for (size_t i = kids; i-- > 0;) stack[n++] = (Item){kid[i], false};
            continue;
        }
        const Doc *d;
        const uint8_t *bytes;
        size_t len;
        if (kids) {
            Term tag = tuple_get(t, 0);
            if (tag == A("doc_cons")) {
                nout -= 2;
                d = doc_concat(a, out[nout], out[nout + 1]);
            } else {
                const Doc *child = out[--nout];
                Term mode = tuple_size(t) > 2 ? tuple_get(t, tuple_size(t) - 1) : ATOM_nil;
                if (tag == A("doc_nest")) {
                    Term level = tuple_size(t) > 2 ? tuple_get(t, 2) : small_make(0);
                    int lv = level == A("cursor") ? DOC_NEST_CURSOR : level == A("reset") ? DOC_NEST_RESET
                                                  : term_is_small(level) ? (int)small_value(level) : 0;
                    d = doc_nest(a, child, lv, mode == A("break") ? DOC_NEST_BREAK : DOC_NEST_ALWAYS);
                } else if (tag == A("doc_group")) {
                    d = doc_group(a, child, mode == A("inherit") ? DOC_GROUP_INHERIT : DOC_GROUP_SELF);
                } else if (tag == A("doc_fits")) {
                    d = doc_next_break_fits(a, child, mode == A("disabled") ? DOC_FITS_DISABLED : DOC_FITS_ENABLED);
                } else if (tag == A("doc_force")) {
                    d = doc_force_unfit(a, child);
                } else { /* doc_color: the colour, taking no columns, then the document */
                    d = doc_concat(a, doc_text_invisible(a, color_text(a, tuple_get(t, 2))), child);
                }
            }
        } else if (binary_bytes(t, &bytes, &len)) {
            d = doc_text(a, (const char *)bytes, len);
        } else if (t == A("doc_line")) {
            d = doc_line();
        } else if (term_is_tuple(t) && tuple_size(t) == 3 && tuple_get(t, 0) == A("doc_string") &&
                   binary_bytes(tuple_get(t, 1), &bytes, &len)) {
            Term w = tuple_get(t, 2);
            d = doc_text_width(a, (const char *)bytes, len, term_is_small(w) && small_value(w) >= 0 ? (size_t)small_value(w) : len);
        } else if (term_is_tuple(t) && tuple_size(t) == 3 && tuple_get(t, 0) == A("doc_break") &&
                   binary_bytes(tuple_get(t, 1), &bytes, &len)) {
            char *text = doc_arena_alloc(a, len + 1);
            memcpy(text, bytes, len);
            text[len] = 0;
            d = doc_break(a, text, tuple_get(t, 2) == A("flex") ? DOC_BREAK_FLEX : DOC_BREAK_STRICT);
        } else {
            /* :doc_nil, and what is no document (collapse_lines among them) */
            d = doc_nil();
        }
        if (nout == out_cap) {
            out_cap *= 2;
            out = xrealloc(out, out_cap * sizeof *out);
        }
        out[nout++] = d;
    }
    const Doc *result = nout ? out[0] : doc_nil();
    free(stack);
    free(out);
    return result;
}

/* ---- C documents to Elixir ------------------------------------------------------------- */

Term algebra_doc_to_term(Heap *h, const Doc *doc)
{
    typedef struct {
        const Doc *d;
        bool expanded;
    } Item;
    size_t cap = 64, n = 0, nout = 0, out_cap = 64;
    Item *stack = xmalloc(cap * sizeof *stack);
    Term *out = xmalloc(out_cap * sizeof *out);
    stack[n++] = (Item){doc, false};
    while (n) {
        Item it = stack[--n];
        const Doc *d = it.d;
        size_t kids = d->kind == DOC_CONS ? 2 : (d->kind == DOC_NEST || d->kind == DOC_GROUP || d->kind == DOC_FITS || d->kind == DOC_FORCE) ? 1 : 0;
        if (kids && !it.expanded) {
            if (n + 3 > cap) {
                cap *= 2;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            stack[n++] = (Item){d, true};
            if (kids == 2) {
                stack[n++] = (Item){d->u.cons.right, false};
                stack[n++] = (Item){d->u.cons.left, false};
            } else {
                stack[n++] = (Item){d->u.child, false};
            }
            continue;
        }
        Term t;
        switch ((DocKind)d->kind) {
        case DOC_CONS:
            nout -= 2;
            t = tuple3(h, A("doc_cons"), out[nout], out[nout + 1]);
            break;
        case DOC_NEST: {
            Term child = out[--nout];
            Term level = d->indent == DOC_NEST_CURSOR ? A("cursor") : d->indent == DOC_NEST_RESET ? A("reset") : small_make(d->indent);
            t = tuple4(h, A("doc_nest"), child, level, d->mode == DOC_NEST_BREAK ? A("break") : A("always"));
            break;
        }
        case DOC_GROUP:
            t = tuple3(h, A("doc_group"), out[--nout], d->mode == DOC_GROUP_INHERIT ? A("inherit") : A("self"));
            break;
        case DOC_FITS:
            t = tuple3(h, A("doc_fits"), out[--nout], d->mode == DOC_FITS_DISABLED ? A("disabled") : A("enabled"));
            break;
        case DOC_FORCE:
            t = tuple2(h, A("doc_force"), out[--nout]);
            break;
        case DOC_STRING: {
            Term s = binary_new(h, d->u.str.text, d->u.str.length);
            t = d->width == d->u.str.length ? s : tuple3(h, A("doc_string"), s, small_make(d->width));
            break;
        }
        case DOC_BREAK:
            t = tuple3(h, A("doc_break"), binary_new(h, d->u.str.text, d->u.str.length),
                       d->mode == DOC_BREAK_FLEX ? A("flex") : A("strict"));
            break;
        case DOC_LINE:
            t = A("doc_line");
            break;
        default:
            t = A("doc_nil");
        }
        if (nout == out_cap) {
            out_cap *= 2;
            out = xrealloc(out, out_cap * sizeof *out);
        }
        out[nout++] = t;
    }
    Term result = nout ? out[0] : A("doc_nil");
    free(stack);
    free(out);
    return result;
}

/* ---- the walk's answers for structs -------------------------------------------------------- */

typedef struct Bridge {
    InspectCustom hook;
    Heap *heap;      /* where pending structs are recorded */
    Term top;        /* the term at the top, when shown as top_impl says, or TERM_NONE */
    InspectImpl top_impl; /* ANY: Inspect.Any.inspect/2; MAP: Inspect.Map.inspect/2 */
    Term docs;       /* the implementations' documents, in walk order, or TERM_NONE while collecting */
    Term pending;    /* collecting: [{struct, limit}] newest first */
    size_t npending;
} Bridge;

static InspectImpl bridge_impl(void *ctx, DocArena *a, Term t, Term module, const Term **fields, size_t *nfields)
{
    Bridge *b = ctx;
    (void)module;
    if (t == b->top) {
        b->top = TERM_NONE;
        return b->top_impl;
    }
    Term impl = protocol_impl_for(A("Elixir.Inspect"), t, false);
    if (impl == ATOM_nil) return INSPECT_IMPL_ANY;
    Module *m = module_lookup(impl);
    Term derived = m ? keyword_get(m->attributes, A("genlab_inspect_fields")) : TERM_NONE;
    /* the library's implementations (Inspect.Range, Inspect.Date, ...) are
     * C's own renderings; a user's redefinition of one comes from elsewhere */
    if (derived == TERM_NONE && m && m->file && !strncmp(m->file, "core/lib/", 9)) return INSPECT_IMPL_ANY;
    if (derived == TERM_NONE) return INSPECT_IMPL_ELIXIR;
    /* optional fields are left out while they hold their default */
    Term optional = keyword_get(m->attributes, A("genlab_inspect_optional"));
    size_t n = 0;
    for (Term l = derived; term_is_cons(l); l = cons_tail(l)) n++;
    Term *out = doc_arena_alloc(a, (n + 1) * sizeof *out);
    n = 0;
    for (Term l = derived; term_is_cons(l); l = cons_tail(l)) {
        Term field = cons_head(l), value = map_get(t, field);
        Term dflt = term_is_list(optional) ? keyword_get(optional, field) : TERM_NONE;
        if (dflt != TERM_NONE && value != TERM_NONE && term_equal(value, dflt)) continue;
        out[n++] = field;
    }
    *fields = out;
    *nfields = n;
    return keyword_get(m->attributes, A("genlab_inspect_dots")) == ATOM_false ? INSPECT_IMPL_STRUCT_FIELDS : INSPECT_IMPL_FIELDS;
}

static const Doc *bridge_doc(void *ctx, DocArena *a, Term t, long limit)
{
    Bridge *b = ctx;
    if (b->docs == TERM_NONE) {
        if (b->heap) {
            Term lim = limit < 0 ? A("infinity") : small_make(limit);
            b->pending = cons_new(b->heap, tuple2(b->heap, t, lim), b->pending);
        }
        b->npending++;
        return doc_nil();
    }
    if (!term_is_cons(b->docs)) return doc_nil();
    Term d = cons_head(b->docs);
    b->docs = cons_tail(b->docs);
    return algebra_doc_from_term(a, d);
}

/* `how`, as :genlab.inspect_doc/3 takes it: false, true (as Inspect.Any)
 * or :map (as Inspect.Map). */
static void bridge_init(Bridge *b, Heap *h, Term top, Term docs);

static void bridge_init_top(Bridge *b, Heap *h, Term top, Term how, Term docs)
{
    bridge_init(b, h, how == ATOM_true || how == A("map") ? top : TERM_NONE, docs);
    b->top_impl = how == A("map") ? INSPECT_IMPL_MAP : INSPECT_IMPL_ANY;
}

static void bridge_init(Bridge *b, Heap *h, Term top, Term docs)
{
    memset(b, 0, sizeof *b);
    b->hook.impl = bridge_impl;
    b->hook.doc = bridge_doc;
    b->hook.ctx = b;
    b->hook.builtin_types = module_builtin_impl_overridden();
    b->heap = h;
    b->top = top;
    b->docs = docs;
    b->pending = TERM_NIL;
}

/* The pending structs in walk order. */
static Term bridge_pending(Bridge *b)
{
    Term out = TERM_NIL;
    for (Term l = b->pending; term_is_cons(l); l = cons_tail(l)) out = cons_new(b->heap, cons_head(l), out);
    return out;
}

char *algebra_inspect_text(Term t, const InspectOpts *o, bool *needs_elixir)
{
    Bridge b;
    bridge_init(&b, NULL, TERM_NONE, TERM_NONE);
    InspectOpts with = *o;
    with.custom = &b.hook;
    char *text = inspect_to_cstring(t, &with, NULL);
    *needs_elixir = b.npending > 0;
    return text;
}

/* ---- natives ------------------------------------------------------------------------------ */

/* inspect(term, opts)'s text, or with as_doc its Elixir document (not
 * grouped, as to_doc/2's), or TERM_NONE when structs wait for their
 * documents (then listed in the bridge). */
static Term inspect_with(Process *p, Bridge *b, Term term, Term opts, bool as_doc)
{
    DocArena arena;
    doc_arena_init(&arena);
    const char *colors[INSPECT_COLOR_COUNT] = {0};
    InspectOpts o;
    opts_read(opts, &o, colors, &arena);
    o.custom = &b->hook;
    Term out;
    if (as_doc) {
        const Doc *d = inspect_to_doc(&arena, term, &o);
        out = b->docs == TERM_NONE && b->npending ? TERM_NONE : algebra_doc_to_term(&p->heap, d);
    } else {
        size_t len;
        char *s = inspect_to_cstring(term, &o, &len);
        out = b->docs == TERM_NONE && b->npending ? TERM_NONE : binary_new(&p->heap, s, len);
        free(s);
    }
    doc_arena_release(&arena);
    return out;
}

/* :genlab.inspect(term, opts): Kernel.inspect/2. */
/* The text made charges its making (native_charge), a reduction per 4
 * bytes: a loop of inspects is preempted as Elixir code is. */
static Term inspect_charged(Term out)
{
    const uint8_t *bytes;
    size_t size;
    if (out != TERM_NONE && binary_bytes(out, &bytes, &size)) native_charge(size / 4);
    return out;
}

static Term genlab_inspect(Process *p, const Term *args)
{
    Bridge b;
    bridge_init(&b, &p->heap, TERM_NONE, TERM_NONE);
    Term out = inspect_with(p, &b, args[0], args[1], false);
    if (out != TERM_NONE) return inspect_charged(out);
    Term cont[3] = {args[0], args[1], bridge_pending(&b)};
    return native_continue(p, A("Elixir.Inspect.Algebra"), A("__genlab_inspect__"), 3, cont);
}

/* :genlab.inspect_resolved(term, opts, docs): the same, with the documents
 * of the structs it met. */
static Term genlab_inspect_resolved(Process *p, const Term *args)
{
    Bridge b;
    bridge_init(&b, &p->heap, TERM_NONE, args[2]);
    return inspect_charged(inspect_with(p, &b, args[0], args[1], false));
}

/* :genlab.inspect_doc(term, opts, how): Inspect.Algebra.to_doc/2 (how
 * false); Inspect.Any.inspect/2 (true: a struct at the top shown as
 * %Name{...} whatever its implementation); Inspect.Map.inspect/2 (:map). */
static Term genlab_inspect_doc(Process *p, const Term *args)
{
    Bridge b;
    bridge_init_top(&b, &p->heap, args[0], args[2], TERM_NONE);
    Term out = inspect_with(p, &b, args[0], args[1], true);
    if (out != TERM_NONE) return out;
    Term cont[4] = {args[0], args[1], args[2], bridge_pending(&b)};
    return native_continue(p, A("Elixir.Inspect.Algebra"), A("__genlab_to_doc__"), 4, cont);
}

/* :genlab.inspect_doc_resolved(term, opts, as_any, docs) */
static Term genlab_inspect_doc_resolved(Process *p, const Term *args)
{
    Bridge b;
    bridge_init_top(&b, &p->heap, args[0], args[2], args[3]);
    return inspect_with(p, &b, args[0], args[1], true);
}

/* :genlab.doc_format(doc, width): Inspect.Algebra.format/2 as a binary. */
static Term genlab_doc_format(Process *p, const Term *args)
{
    long width = term_is_small(args[1]) ? (long)small_value(args[1]) : args[1] == A("infinity") ? DOC_WIDTH_INFINITY : -2;
    if (width == -2 || (width < 0 && width != DOC_WIDTH_INFINITY)) return process_badarg(p);
    DocArena arena;
    doc_arena_init(&arena);
    const Doc *d = algebra_doc_from_term(&arena, args[0]);
    DocOut out;
    docout_init(&out);
    doc_format(d, width, &out);
    Term bin = binary_new(&p->heap, out.data ? out.data : "", out.size);
    docout_free(&out);
    doc_arena_release(&arena);
    return bin;
}

const NativeDef bif_algebra_natives[] = {
    {"genlab", "inspect", 2, genlab_inspect},
    {"genlab", "inspect_resolved", 3, genlab_inspect_resolved},
    {"genlab", "inspect_doc", 3, genlab_inspect_doc},
    {"genlab", "inspect_doc_resolved", 4, genlab_inspect_doc_resolved},
    {"genlab", "doc_format", 2, genlab_doc_format},
    {NULL, NULL, 0, NULL}};
