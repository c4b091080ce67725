/* compile_behaviour.c - behaviours: what @behaviour, @callback,
 * @macrocallback, @optional_callbacks and @impl say in a module, and the
 * warnings Elixir 1.14 gives about them once the module's definitions are
 * known (Module.check_behaviours_and_impls): a behaviour that does not
 * exist or is none, "@impl true" on a function no behaviour specifies (a
 * typo'd callback), @impl on a private function, a callback without @impl
 * once the module uses @impl, a required callback not implemented, and
 * GenServer's own warning when `use GenServer` found no init/1. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"
#include "inspect.h"
#include "io.h"

static Term A(const char *s) { return atom_from_cstr(s); }

static bool list_member(Term list, Term x)
{
    for (Term l = list; term_is_cons(l); l = cons_tail(l))
        if (cons_head(l) == x) return true;
    return false;
}

/* ---- what the module says ------------------------------------------------------------- */

void behaviour_notes_init(BehaviourNotes *n)
{
    memset(n, 0, sizeof *n);
    n->behaviours = TERM_NIL;
    n->callbacks = TERM_NIL;
    n->optional = TERM_NIL;
}

void behaviour_notes_free(BehaviourNotes *n)
{
    free(n->impls);
    n->impls = NULL;
    n->nimpls = n->impls_cap = 0;
}

/* The module an attribute's argument names: an alias, an atom, or what
 * an unquote left (an atom); TERM_NONE for anything else. */
static Term named_module(ModCtx *m, Term ast)
{
    if (term_is_atom(ast)) return ast;
    return expand_alias(m, ast);
}

/* {name, arity} of a @callback's spec, `name(args) :: result` with an
 * optional `when` after it; false when it has no such shape. */
static bool callback_head(Term spec, Term *name, uint32_t *arity)
{
    Term op, meta, args;
    if (ast_is_call(spec, &op, &meta, &args) && op == A("when") && list_length(args) == 2) spec = list_nth(args, 0);
    if (!ast_is_call(spec, &op, &meta, &args) || op != A("::") || list_length(args) != 2) return false;
    Term head = list_nth(args, 0);
    if (!term_is_tuple(head) || tuple_size(head) != 3 || !term_is_atom(tuple_get(head, 0))) return false;
    *name = tuple_get(head, 0);
    Term params = tuple_get(head, 2);
    *arity = term_is_list(params) ? (uint32_t)list_length(params) : 0;
    return true;
}

bool behaviour_note_attribute(ModCtx *m, BehaviourNotes *n, Term attr, Term arg)
{
    Heap *h = literal_heap();
    if (attr == A("behaviour")) {
        Term mod = named_module(m, arg);
        /* a value that names no module is warned about as it is */
        n->behaviours = cons_new(h, mod == TERM_NONE ? literal(arg) : mod, n->behaviours);
        return true;
    }
    if (attr == A("callback") || attr == A("macrocallback")) {
        Term name;
        uint32_t arity;
        if (callback_head(arg, &name, &arity)) {
            Term kind = attr == A("callback") ? A("def") : A("defmacro");
            n->callbacks = cons_new(h, tuple3(h, name, small_make(arity), kind), n->callbacks);
        }
        return true;
    }
    if (attr == A("optional_callbacks")) {
        /* a keyword list of name: arity, as written */
        for (Term l = arg; term_is_cons(l); l = cons_tail(l)) {
            Term pair = cons_head(l);
            if (term_is_tuple(pair) && tuple_size(pair) == 2 && term_is_atom(tuple_get(pair, 0)) && term_is_small(tuple_get(pair, 1)))
                n->optional = cons_new(h, tuple2(h, tuple_get(pair, 0), tuple_get(pair, 1)), n->optional);
        }
        return true;
    }
    return false;
}

Term behaviour_impl_value(ModCtx *m, Term arg)
{
    if (arg == ATOM_true || arg == ATOM_false) return arg;
    Term mod = named_module(m, arg);
    return mod == TERM_NONE ? literal(arg) : mod;
}

void behaviour_note_impl(BehaviourNotes *n, Term name, uint32_t arity, uint32_t defaults, int kind, int line, bool injected, Term value)
{
    if (n->nimpls == n->impls_cap) {
        n->impls_cap = n->impls_cap ? n->impls_cap * 2 : 8;
        n->impls = xrealloc(n->impls, n->impls_cap * sizeof *n->impls);
    }
    n->impls[n->nimpls++] = (ImplNote){name, arity, defaults, kind, line, injected, value};
}

Term behaviour_callbacks(const BehaviourNotes *n)
{
    Heap *h = literal_heap();
    Term out = TERM_NIL;
    /* n->callbacks is newest first: the list comes out oldest first */
    for (Term l = n->callbacks; term_is_cons(l); l = cons_tail(l)) {
        Term cb = cons_head(l), name = tuple_get(cb, 0), arity = tuple_get(cb, 1);
        bool optional = false;
        for (Term o = n->optional; term_is_cons(o) && !optional; o = cons_tail(o))
            optional = tuple_get(cons_head(o), 0) == name && tuple_get(cons_head(o), 1) == arity;
        out = cons_new(h, tuple4(h, name, arity, tuple_get(cb, 2), optional ? ATOM_true : ATOM_false), out);
    }
    return out;
}

/* ---- the checks ----------------------------------------------------------------------- */

/* One callback the module's behaviours specify. */
typedef struct Callback {
    Term name;
    uint32_t arity;
    Term kind;      /* def or defmacro */
    Term behaviour;
    bool optional;
    bool pending;   /* no @impl claimed it */
} Callback;

typedef struct Checker {
    ModCtx *m;
    const char *file;
    int module_line;
    char *module_name; /* as inspect shows it */
    Callback *cbs;     /* sorted by {name, arity}, as a map of them iterates */
    size_t ncbs;
} Checker;

static char *inspect_atom(Term t)
{
    InspectOpts io;
    inspect_opts_default(&io);
    return inspect_to_cstring(t, &io, NULL);
}

static const char *kind_word(int kind) { return kind >= 2 ? "macro" : "function"; }
static const char *kind_name(int kind) { return (const char *[]){"def", "defp", "defmacro", "defmacrop"}[kind & 3]; }
static int kind_of(Term kind) { return kind == A("defmacro") ? 2 : 0; }

/* "warning: TEXT\n  FILE:LINE: Mod (module)\n\n", as IO.warn gives it
 * with the module's environment. */
static void warn(Checker *k, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(Checker *k, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0) fatal("out of memory");
    char *all = NULL;
    n = asprintf(&all, "warning: %s\n  %s:%d: %s (module)\n\n", text, k->file, line, k->module_name);
    if (n < 0) fatal("out of memory");
    io_write(2, all, (size_t)n);
    free(text);
    free(all);
}

static int callback_order(const void *pa, const void *pb)
{
    const Callback *a = pa, *b = pb;
    int c = strcmp(atom_text(a->name), atom_text(b->name));
    if (c) return c;
    return (a->arity > b->arity) - (a->arity < b->arity);
}

static Callback *callback_find(Checker *k, Term name, uint32_t arity)
{
    for (size_t i = 0; i < k->ncbs; i++)
        if (k->cbs[i].name == name && k->cbs[i].arity == arity) return &k->cbs[i];
    return NULL;
}

/* The callbacks of the declared behaviours, each behaviour checked as
 * Elixir does (exists, is one, no callback required twice). */
static void collect_callbacks(Checker *k, Term behaviours)
{
    size_t cap = 16;
    k->cbs = xmalloc(cap * sizeof *k->cbs);
    for (Term l = behaviours; term_is_cons(l); l = cons_tail(l)) {
        Term b = cons_head(l);
        char *shown = inspect_atom(b);
        Module *mod = term_is_atom(b) ? module_lookup(b) : NULL;
        if (!term_is_atom(b))
            warn(k, k->module_line, "@behaviour %s must be an atom (in module %s)", shown, k->module_name);
        else if (!mod)
            warn(k, k->module_line, "@behaviour %s does not exist (in module %s)", shown, k->module_name);
        else if (mod->callbacks == TERM_NIL)
            warn(k, k->module_line, "module %s is not a behaviour (in module %s)", shown, k->module_name);
        for (Term c = mod ? mod->callbacks : TERM_NIL; term_is_cons(c); c = cons_tail(c)) {
            Term cb = cons_head(c);
            Callback one = {tuple_get(cb, 0), (uint32_t)small_value(tuple_get(cb, 1)), tuple_get(cb, 2), b, tuple_get(cb, 3) == ATOM_true, true};
            Callback *had = callback_find(k, one.name, one.arity);
            if (had) {
                char *other = inspect_atom(had->behaviour);
                warn(k, k->module_line, "conflicting behaviours found. %s %s/%u is required by %s and %s (in module %s)",
                     kind_word(kind_of(one.kind)), atom_text(one.name), one.arity, other, shown, k->module_name);
                free(other);
                *had = one;
                continue;
            }
            if (k->ncbs == cap) k->cbs = xrealloc(k->cbs, (cap *= 2) * sizeof *k->cbs);
            k->cbs[k->ncbs++] = one;
        }
        free(shown);
    }
    qsort(k->cbs, k->ncbs, sizeof *k->cbs, callback_order);
}

/* ". The known callbacks are:\n\n  * GenServer.init/1 (function)\n...", or
 * what Elixir says when there are none; malloc'd. */
static char *known_callbacks(Checker *k)
{
    if (k->ncbs == 0)
        return xstrndup(". There are no known callbacks, please specify the proper @behaviour and make sure it defines callbacks",
                        strlen(". There are no known callbacks, please specify the proper @behaviour and make sure it defines callbacks"));
    size_t cap = 64, len = 0;
    char *out = xmalloc(cap);
    len = (size_t)snprintf(out, cap, ". The known callbacks are:\n");
    for (size_t i = 0; i < k->ncbs; i++) {
        char *mod = module_display_name(k->cbs[i].behaviour);
        size_t need = strlen(mod) + strlen(atom_text(k->cbs[i].name)) + 48;
        if (len + need >= cap) out = xrealloc(out, cap = 2 * (len + need));
        len += (size_t)snprintf(out + len, cap - len, "\n  * %s.%s/%u (%s)", mod, atom_text(k->cbs[i].name), k->cbs[i].arity,
                                kind_word(kind_of(k->cbs[i].kind)));
        free(mod);
    }
    snprintf(out + len, cap - len, "\n");
    return out;
}

/* Where the @impl of one definition was given: contexts say, for each
 * behaviour, whether a definition of the module's own source (or one
 * that `use` injected) claimed one of its callbacks. */
typedef struct Claims {
    Term behaviour;
    bool by_source, by_injected;
} Claims;

static void check_impls(Checker *k, const BehaviourNotes *n, Claims **claims, size_t *nclaims)
{
    bool declared_any = n->behaviours != TERM_NIL;
    for (size_t i = 0; i < n->nimpls; i++) {
        const ImplNote *im = &n->impls[i];
        char *fa = NULL;
        if (asprintf(&fa, "%s %s/%u", kind_word(im->kind), atom_text(im->name), im->arity) < 0) fatal("out of memory");
        char *value = inspect_atom(im->value);
        /* the arities it defines: with defaults, from the full one down */
        Callback *found[64];
        size_t nfound = 0;
        for (uint32_t a = im->arity + 1; a-- > im->arity - im->defaults && nfound < 64;) {
            Callback *cb = callback_find(k, im->name, a);
            if (!cb) continue;
            if (im->value != ATOM_true && im->value != ATOM_false && cb->behaviour != im->value) continue;
            found[nfound++] = cb;
        }
        if (im->kind & 1) {
            warn(k, im->line, "%s is private, @impl attribute is always discarded for private functions/macros", fa);
        } else if (!declared_any) {
            warn(k, im->line, "got \"@impl %s\" for %s but no behaviour was declared", value, fa);
        } else if (im->value == ATOM_false) {
            if (nfound) {
                char *b = inspect_atom(found[0]->behaviour);
                warn(k, im->line, "got \"@impl false\" for %s %s/%u but it is a callback specified in %s", kind_word(im->kind),
                     atom_text(found[0]->name), found[0]->arity, b);
                free(b);
            }
        } else if (nfound == 0 && im->value == ATOM_true) {
            char *known = known_callbacks(k);
            warn(k, im->line, "got \"@impl true\" for %s but no behaviour specifies such callback%s", fa, known);
            free(known);
        } else if (nfound == 0 && !list_member(n->behaviours, im->value)) {
            warn(k, im->line, "got \"@impl %s\" for %s but this behaviour was not declared with @behaviour", value, fa);
        } else if (nfound == 0) {
            char *known = known_callbacks(k);
            warn(k, im->line, "got \"@impl %s\" for %s but this behaviour does not specify such callback%s", value, fa, known);
            free(known);
        } else {
            for (size_t j = 0; j < nfound; j++) {
                found[j]->pending = false;
                Claims *c = NULL;
                for (size_t q = 0; q < *nclaims && !c; q++)
                    if ((*claims)[q].behaviour == found[j]->behaviour) c = &(*claims)[q];
                if (!c) {
                    *claims = xrealloc(*claims, (*nclaims + 1) * sizeof **claims);
                    c = &(*claims)[(*nclaims)++];
                    *c = (Claims){found[j]->behaviour, false, false};
                }
                if (im->injected) c->by_injected = true;
                else c->by_source = true;
            }
        }
        free(value);
        free(fa);
    }
}

/* A protocol (defprotocol's module) rather than a plain behaviour. */
static bool is_protocol(Term module)
{
    Module *mod = module_lookup(module);
    Function *f = mod ? module_find_function(mod, A("__protocol__"), 1) : NULL;
    return f && f->defined;
}

/* The definition of name/arity, counting the arities its defaults give. */
static const DefSummary *def_find(const DefSummary *defs, size_t ndefs, Term name, uint32_t arity)
{
    for (size_t i = 0; i < ndefs; i++)
        if (defs[i].name == name && arity <= defs[i].arity && arity >= defs[i].arity - defs[i].defaults) return &defs[i];
    return NULL;
}

/* Where a check's warning goes: the module's name and line. */
static void checker_init(Checker *k, ModCtx *m)
{
    *k = (Checker){m, m->file ? m->file : "nofile", (int)m->module->line, module_display_name(m->name), NULL, 0};
}

void behaviour_warn_default_init(ModCtx *m, const BehaviourNotes *n, const DefSummary *defs, size_t ndefs)
{
    if (rt->compile_boot_mode || !m->module || !list_member(n->behaviours, A("Elixir.GenServer"))) return;
    const DefSummary *init = def_find(defs, ndefs, A("init"), 1);
    if (!init || !init->injected) return;
    Checker k;
    checker_init(&k, m);
    warn(&k, k.module_line,
         "function init/1 required by behaviour GenServer is not implemented (in module %s).\n\n"
         "We will inject a default implementation for now:\n\n"
         "    def init(init_arg) do\n"
         "      {:ok, init_arg}\n"
         "    end\n\n"
         "You can copy the implementation above or define your own that converts the arguments given to GenServer.start_link/3 to the server state.\n",
         k.module_name);
    free(k.module_name);
}

static int def_order_desc(const void *pa, const void *pb)
{
    const DefSummary *a = pa, *b = pb;
    int c = strcmp(atom_text(b->name), atom_text(a->name));
    if (c) return c;
    return (b->arity > a->arity) - (b->arity < a->arity);
}

void behaviour_check(ModCtx *m, const BehaviourNotes *n, const DefSummary *defs, size_t ndefs)
{
    if (rt->compile_boot_mode || !m->module || (n->behaviours == TERM_NIL && n->nimpls == 0)) return;
    Checker k;
    checker_init(&k, m);
    /* @behaviour accumulates newest first; Elixir reads them oldest first */
    Term behaviours = TERM_NIL;
    for (Term l = n->behaviours; term_is_cons(l); l = cons_tail(l)) behaviours = cons_new(literal_heap(), cons_head(l), behaviours);
    collect_callbacks(&k, behaviours);
    if (n->nimpls) {
        Claims *claims = NULL;
        size_t nclaims = 0;
        check_impls(&k, n, &claims, &nclaims);
        /* every definition of a callback no @impl claimed, in the reverse
         * of {name, arity} order, as Elixir's definition list comes */
        size_t npairs = 0;
        for (size_t i = 0; i < ndefs; i++) npairs += defs[i].defaults + 1;
        DefSummary *sorted = xmalloc((npairs + 1) * sizeof *sorted);
        npairs = 0;
        for (size_t i = 0; i < ndefs; i++)
            for (uint32_t a = defs[i].arity - defs[i].defaults; a <= defs[i].arity; a++) {
                sorted[npairs] = defs[i];
                sorted[npairs].arity = a;
                sorted[npairs++].defaults = 0;
            }
        qsort(sorted, npairs, sizeof *sorted, def_order_desc);
        for (size_t i = 0; i < npairs; i++) {
            const DefSummary *d = &sorted[i];
            Callback *cb = (d->kind & 1) ? NULL : callback_find(&k, d->name, d->arity);
            if (!cb || !cb->pending) continue;
            const Claims *c = NULL;
            for (size_t q = 0; q < nclaims && !c; q++)
                if (claims[q].behaviour == cb->behaviour) c = &claims[q];
            bool missing = c ? (d->injected ? c->by_injected : c->by_source) : !d->injected;
            if (!missing) continue;
            char *b = inspect_atom(cb->behaviour);
            warn(&k, d->line,
                 "module attribute @impl was not set for %s %s/%u callback (specified in %s). This either means you forgot to add "
                 "the \"@impl true\" annotation before the definition or that you are accidentally overriding this callback",
                 kind_word(d->kind), atom_text(d->name), d->arity, b);
            free(b);
        }
        free(sorted);
        free(claims);
    }
    for (size_t i = 0; i < k.ncbs; i++) {
        Callback *cb = &k.cbs[i];
        if (!cb->pending) continue;
        const DefSummary *d = def_find(defs, ndefs, cb->name, cb->arity);
        char *b = inspect_atom(cb->behaviour);
        const char *what = is_protocol(cb->behaviour) ? "protocol" : "behaviour";
        if (!d && !cb->optional)
            warn(&k, k.module_line, "%s %s/%u required by %s %s is not implemented (in module %s)", kind_word(kind_of(cb->kind)),
                 atom_text(cb->name), cb->arity, what, b, k.module_name);
        else if (d && d->kind != kind_of(cb->kind))
            warn(&k, k.module_line, "%s %s/%u required by %s %s was implemented as \"%s\" but should have been \"%s\" (in module %s)",
                 kind_word(kind_of(cb->kind)), atom_text(cb->name), cb->arity, what, b, kind_name(d->kind), kind_name(kind_of(cb->kind)),
                 k.module_name);
        free(b);
    }
    free(k.cbs);
    free(k.module_name);
}
