/* compile_quote.c - `quote`: the quoted form of its body, with the metadata
 * Elixir 1.14 gives it, and the code that builds it where unquote puts
 * values in.
 *
 * The work is two walks over the body. The first (quote_annotate) gives
 * every node the metadata Elixir's quote gives: no column; a line only as
 * the `line:` option asks (`location: :keep` gives keep: {file, line});
 * `context:` and `imports:` on names the caller imports; `context:` on
 * what def, @, import, alias and require name; `alias:` on aliases; the
 * quote's context on variables. It marks the unquotes that are live with
 * atoms no source can write. The second (quote_build) turns the marked
 * tree into an expression that builds it: marked parts become code, the
 * rest stays one literal. compile_expr compiles that expression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "compile_internal.h"
#include "fatal.h"

static Term A(const char *s) { return atom_from_cstr(s); }

/* What one quote asked for. */
typedef struct QuoteCtx {
    FnCtx *c;
    Heap *h;
    Term context;   /* the atom variables and imports belong to */
    Term line;      /* TERM_NONE: lines dropped; ATOM_true: kept; else the line (an integer or a marked unquote) */
    Term keep_file; /* a binary for location: :keep, else TERM_NONE */
    bool generated;
    Term mark_unquote, mark_splice; /* the markers of live unquotes */
} QuoteCtx;

/* ---- keyword lists, as :lists.keystore and keydelete treat them ---------------- */

static Term kw_delete(Heap *h, Term kw, Term key)
{
    if (kw_get(kw, key) == TERM_NONE) return kw;
    size_t n = list_length(kw), k = 0;
    Term *items = xmalloc((n + 1) * sizeof(Term));
    for (Term l = kw; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l);
        if (term_is_tuple(pair) && tuple_size(pair) == 2 && tuple_get(pair, 0) == key) continue;
        items[k++] = pair;
    }
    Term out = list_from(h, k, items);
    free(items);
    return out;
}

/* Replaces key's value where it stands, or appends the pair at the end. */
static Term kw_store(Heap *h, Term kw, Term key, Term value)
{
    size_t n = list_length(kw), k = 0;
    Term *items = xmalloc((n + 2) * sizeof(Term));
    bool replaced = false;
    for (Term l = kw; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l);
        if (!replaced && term_is_tuple(pair) && tuple_size(pair) == 2 && tuple_get(pair, 0) == key) {
            pair = tuple2(h, key, value);
            replaced = true;
        }
        items[k++] = pair;
    }
    if (!replaced) items[k++] = tuple2(h, key, value);
    Term out = list_from(h, k, items);
    free(items);
    return out;
}

/* ---- imports --------------------------------------------------------------------------- */

/* Everything Elixir 1.14's Kernel exports (functions and macros): what an
 * unqualified name in a quote is imported from unless the caller imports
 * it from elsewhere. Special forms (case, fn, =, ...) are not imports. */
static const char *const kernel_exports[] = {
    "!/1", "!=/2", "!==/2", "&&/2", "*/2", "**/2", "+/1", "+/2", "++/2", "-/1", "-/2", "--/2", "../0", "../2",
    "..///3", "//2", "</2", "<=/2", "<>/2", "==/2", "===/2", "=~/2", ">/2", ">=/2", "@/1", "abs/1", "alias!/1",
    "and/2", "apply/2", "apply/3", "binary_part/3", "binary_slice/2", "binary_slice/3", "binding/0", "binding/1",
    "bit_size/1", "byte_size/1", "ceil/1", "dbg/0", "dbg/1", "dbg/2", "def/1", "def/2", "defdelegate/2",
    "defexception/1", "defguard/1", "defguardp/1", "defimpl/2", "defimpl/3", "defmacro/1", "defmacro/2",
    "defmacrop/1", "defmacrop/2", "defmodule/2", "defoverridable/1", "defp/1", "defp/2", "defprotocol/2",
    "defstruct/1", "destructure/2", "div/2", "elem/2", "exit/1", "floor/1", "function_exported?/3",
    "get_and_update_in/2", "get_and_update_in/3", "get_in/2", "hd/1", "if/2", "in/2", "inspect/1", "inspect/2",
    "is_atom/1", "is_binary/1", "is_bitstring/1", "is_boolean/1", "is_exception/1", "is_exception/2",
    "is_float/1", "is_function/1", "is_function/2", "is_integer/1", "is_list/1", "is_map/1", "is_map_key/2",
    "is_nil/1", "is_number/1", "is_pid/1", "is_port/1", "is_reference/1", "is_struct/1", "is_struct/2",
    "is_tuple/1", "length/1", "macro_exported?/3", "make_ref/0", "map_size/1", "match?/2", "max/2", "min/2",
    "node/0", "node/1", "not/1", "or/2", "pop_in/1", "pop_in/2", "put_elem/3", "put_in/2", "put_in/3",
    "raise/1", "raise/2", "rem/2", "reraise/2", "reraise/3", "round/1", "self/0", "send/2", "sigil_C/2",
    "sigil_D/2", "sigil_N/2", "sigil_R/2", "sigil_S/2", "sigil_T/2", "sigil_U/2", "sigil_W/2", "sigil_c/2",
    "sigil_r/2", "sigil_s/2", "sigil_w/2", "spawn/1", "spawn/3", "spawn_link/1", "spawn_link/3",
    "spawn_monitor/1", "spawn_monitor/3", "struct/1", "struct/2", "struct!/1", "struct!/2", "tap/2", "then/2",
    "throw/1", "tl/1", "to_char_list/1", "to_charlist/1", "to_string/1", "trunc/1", "tuple_size/1", "unless/2",
    "update_in/2", "update_in/3", "use/1", "use/2", "var!/1", "var!/2", "|>/2", "||/2", NULL};

/* Whether an import's only:/except: lets name/arity through. */
static bool import_allows(const Import *imp, Term name, uint32_t arity, bool is_macro)
{
    Term pair_name = name, pair_arity = small_make(arity);
    if (term_is_atom(imp->only) && imp->only != ATOM_nil) {
        if (imp->only == A("functions") && is_macro) return false;
        if (imp->only == A("macros") && !is_macro) return false;
        if (imp->only == A("sigils") && strncmp(atom_text(name), "sigil_", 6)) return false;
    } else if (term_is_list(imp->only)) {
        bool ok = false;
        for (Term l = imp->only; term_is_cons(l); l = cons_tail(l)) {
            Term p = cons_head(l);
            if (term_is_tuple(p) && tuple_get(p, 0) == pair_name && tuple_get(p, 1) == pair_arity) ok = true;
        }
        if (!ok) return false;
    }
    if (term_is_list(imp->except))
        for (Term l = imp->except; term_is_cons(l); l = cons_tail(l)) {
            Term p = cons_head(l);
            if (term_is_tuple(p) && tuple_get(p, 0) == pair_name && tuple_get(p, 1) == pair_arity) return false;
        }
    return true;
}

typedef struct ImportList {
    uint32_t arity[64];
    Term module[64];
    size_t n;
} ImportList;

static void import_add(ImportList *l, uint32_t arity, Term module)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->arity[i] == arity && l->module[i] == module) return;
    if (l->n < 64) {
        l->arity[l->n] = arity;
        l->module[l->n++] = module;
    }
}

/* [{arity, module}] for every import of `name` the quoting code sees,
 * sorted as Elixir sorts them; [] if none. */
static Term quote_imports(QuoteCtx *q, Term name)
{
    ModCtx *m = q->c->mod;
    ImportList l = {.n = 0};
    Term kernel = A("Elixir.Kernel");
    const Import *kernel_imp = NULL;
    for (size_t i = 0; i < m->nimports; i++)
        if (m->imports[i].module == kernel) kernel_imp = &m->imports[i];
    const char *text = atom_text(name);
    size_t len = strlen(text);
    for (int i = 0; kernel_exports[i]; i++) {
        const char *e = kernel_exports[i], *slash = strrchr(e, '/');
        if ((size_t)(slash - e) != len || strncmp(e, text, len)) continue;
        uint32_t arity = (uint32_t)atoi(slash + 1);
        if (kernel_imp && !import_allows(kernel_imp, name, arity, false)) continue;
        import_add(&l, arity, kernel);
    }
    for (size_t i = 0; i < m->nimports; i++) {
        const Import *imp = &m->imports[i];
        if (imp->module == kernel) continue;
        Module *mod = module_lookup(imp->module);
        for (Function *f = mod ? mod->functions : NULL; f; f = f->next_in_module)
            if (f->name == name && f->exported && import_allows(imp, name, f->arity, f->is_macro))
                import_add(&l, f->arity, imp->module);
        for (uint32_t a = 0; a < 10; a++)
            if (native_lookup(imp->module, name, (int)a) && import_allows(imp, name, a, false)) import_add(&l, a, imp->module);
    }
    /* sorted by arity, then module */
    for (size_t i = 1; i < l.n; i++)
        for (size_t j = i; j > 0; j--) {
            bool after = l.arity[j - 1] > l.arity[j] ||
                         (l.arity[j - 1] == l.arity[j] && strcmp(atom_text(l.module[j - 1]), atom_text(l.module[j])) > 0);
            if (!after) break;
            uint32_t ta = l.arity[j]; l.arity[j] = l.arity[j - 1]; l.arity[j - 1] = ta;
            Term tm = l.module[j]; l.module[j] = l.module[j - 1]; l.module[j - 1] = tm;
        }
    Term out = TERM_NIL;
    for (size_t i = l.n; i-- > 0;) out = cons_new(q->h, tuple2(q->h, small_make(l.arity[i]), l.module[i]), out);
    return out;
}

/* The metadata of a name that may be imported: context and imports when
 * it is, ambiguous_op for an operator written `a -b`. */
static Term import_meta(QuoteCtx *q, Term meta, Term name, size_t arity)
{
    if (kw_get(meta, A("import")) != TERM_NONE) return meta;
    Term imports = quote_imports(q, name);
    if (imports != TERM_NIL) return kw_store(q->h, kw_store(q->h, meta, A("context"), q->context), A("imports"), imports);
    if (arity == 1 && kw_get(meta, A("ambiguous_op")) == ATOM_nil) return kw_store(q->h, meta, A("ambiguous_op"), q->context);
    return meta;
}

/* What every quoted node's metadata becomes: no column, the line as the
 * options say, generated: true first when asked. */
static Term quote_meta(QuoteCtx *q, Term meta)
{
    Heap *h = q->h;
    meta = kw_delete(h, meta, A("column"));
    if (q->keep_file != TERM_NONE) {
        Term line = kw_get(meta, ATOM_line);
        if (line != TERM_NONE)
            meta = cons_new(h, tuple2(h, A("keep"), tuple2(h, q->keep_file, line)), kw_delete(h, meta, ATOM_line));
    } else if (q->line == TERM_NONE) {
        meta = kw_delete(h, meta, ATOM_line);
    } else if (q->line != ATOM_true) {
        meta = kw_store(h, meta, ATOM_line, q->line);
    }
    if (q->generated) meta = cons_new(h, tuple2(h, A("generated"), ATOM_true), meta);
    return meta;
}

static bool is_def_like(Term name)
{
    static const char *const names[] = {"def", "defp", "defmacro", "defmacrop", "@", NULL};
    for (int i = 0; names[i]; i++)
        if (name == A(names[i])) return true;
    return false;
}

/* Elixir's annotate: what def and @ name, and import/alias/require, carry
 * the quote's context. */
static Term annotate_args(QuoteCtx *q, Term name, Term *meta, Term args)
{
    if (is_def_like(name) && term_is_cons(args)) {
        Term first = cons_head(args);
        if (term_is_tuple(first) && tuple_size(first) == 3 && term_is_list(tuple_get(first, 1))) {
            Term m2 = kw_store(q->h, tuple_get(first, 1), A("context"), q->context);
            return cons_new(q->h, tuple3(q->h, tuple_get(first, 0), m2, tuple_get(first, 2)), cons_tail(args));
        }
    }
    if ((name == A("import") || name == A("alias") || name == A("require")) && term_is_cons(args))
        *meta = kw_store(q->h, kw_delete(q->h, *meta, A("counter")), A("context"), q->context);
    return args;
}

static Term quote_annotate(QuoteCtx *q, Term ast, bool unquote, int depth);

static Term annotate_list(QuoteCtx *q, Term list, bool unquote, int depth)
{
    size_t n = list_length(list);
    Term *items = xmalloc((n + 1) * sizeof(Term));
    size_t i = 0;
    Term l = list;
    for (; term_is_cons(l); l = cons_tail(l)) items[i++] = quote_annotate(q, cons_head(l), unquote, depth + 1);
    Term out = quote_annotate(q, l, unquote, depth + 1);
    for (size_t j = n; j-- > 0;) out = cons_new(q->h, items[j], out);
    free(items);
    return out;
}

/* Whether an alias's first segment names an alias of the caller: the
 * alias: metadata is then what it expands to, else false. */
static Term alias_annotation(QuoteCtx *q, Term ast, Term segs)
{
    Term expanded = expand_alias(q->c->mod, ast);
    char buf[1024];
    size_t len = (size_t)snprintf(buf, sizeof buf, "Elixir");
    for (Term l = segs; term_is_cons(l) && len < sizeof buf; l = cons_tail(l))
        len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(cons_head(l)));
    if (len >= sizeof buf || expanded == TERM_NONE) return ATOM_false;
    return expanded == atom_intern(buf, len) ? ATOM_false : expanded;
}

static Term quote_annotate(QuoteCtx *q, Term ast, bool unquote, int depth)
{
    FnCtx *c = q->c;
    Heap *h = q->h;
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(c->mod, c->line);
    if (term_is_cons(ast)) return annotate_list(q, ast, unquote, depth);
    if (!term_is_tuple(ast)) return ast;
    if (tuple_size(ast) != 3 || !term_is_list(tuple_get(ast, 1))) {
        size_t n = tuple_size(ast);
        Term t = tuple_new(h, n);
        for (size_t i = 0; i < n; i++) tuple_elems(t)[i] = quote_annotate(q, tuple_get(ast, i), unquote, depth + 1);
        return t;
    }
    Term left = tuple_get(ast, 0), meta = tuple_get(ast, 1), right = tuple_get(ast, 2);
    /* unquote(expr), unquote_splicing(expr): the expression, as code */
    if (unquote && (left == A("unquote") || left == A("unquote_splicing")) && term_is_cons(right) &&
        cons_tail(right) == TERM_NIL)
        return tuple3(h, left == A("unquote") ? q->mark_unquote : q->mark_splice, TERM_NIL, right);
    /* a quote inside: its unquotes are its own */
    if (left == A("quote") && term_is_cons(right)) {
        Term m2 = quote_meta(q, kw_store(h, meta, A("context"), q->context));
        return tuple3(h, left, m2, annotate_list(q, right, false, depth));
    }
    /* Mod.unquote(name)(args): a call whose name comes at run time */
    Term dname, dmeta, dargs, iname, imeta, iargs;
    if (unquote && ast_is_call(left, &iname, &imeta, &iargs) && ast_is_call(iname, &dname, &dmeta, &dargs) &&
        dname == A(".") && list_length(dargs) == 2 && list_nth(dargs, 1) == A("unquote") && list_length(iargs) == 1) {
        Term dm = quote_meta(q, dmeta);
        Term dot = tuple3(h, dname, dm, list_from(h, 2, (Term[]){quote_annotate(q, list_nth(dargs, 0), unquote, depth + 1),
                                                                    tuple3(h, q->mark_unquote, TERM_NIL, iargs)}));
        return tuple3(h, dot, dm, quote_annotate(q, right, unquote, depth + 1));
    }
    if (left == A("__aliases__") && term_is_cons(right) && term_is_atom(cons_head(right)) && cons_head(right) != ATOM_Elixir) {
        Term m2 = kw_store(h, kw_delete(h, meta, A("counter")), A("alias"), alias_annotation(q, ast, right));
        return tuple3(h, left, quote_meta(q, m2), right);
    }
    if (term_is_atom(left) && right == ATOM_nil) /* a variable */
        return tuple3(h, left, quote_meta(q, import_meta(q, meta, left, 0)), q->context);
    /* &name/arity of an import */
    Term fa_name, fa_meta, fa_args, f_name, f_meta, f_ctx;
    if (left == A("&") && term_is_cons(right) && cons_tail(right) == TERM_NIL &&
        ast_is_call(cons_head(right), &fa_name, &fa_meta, &fa_args) && fa_name == A("/") && list_length(fa_args) == 2 &&
        term_is_small(list_nth(fa_args, 1)) && term_is_tuple(list_nth(fa_args, 0)) && tuple_size(list_nth(fa_args, 0)) == 3) {
        Term target = list_nth(fa_args, 0);
        f_name = tuple_get(target, 0), f_meta = tuple_get(target, 1), f_ctx = tuple_get(target, 2);
        (void)f_meta;
        if (term_is_atom(f_name) && term_is_atom(f_ctx)) {
            Term arity = list_nth(fa_args, 1), mod = TERM_NONE;
            for (Term l = quote_imports(q, f_name); term_is_cons(l); l = cons_tail(l))
                if (tuple_get(cons_head(l), 0) == arity) { mod = tuple_get(cons_head(l), 1); break; }
            Term m2 = meta;
            if (mod != TERM_NONE)
                m2 = kw_store(h, kw_store(h, meta, A("imports"), list_from(h, 1, (Term[]){tuple2(h, arity, mod)})),
                              A("context"), q->context);
            return tuple3(h, left, quote_meta(q, m2), quote_annotate(q, right, unquote, depth + 1));
        }
    }
    if (term_is_atom(left) && (term_is_list(right) || term_is_atom(right))) {
        Term m2 = import_meta(q, meta, left, term_is_list(right) ? list_length(right) : 0);
        Term args = annotate_args(q, left, &m2, right);
        return tuple3(h, left, quote_meta(q, m2), quote_annotate(q, args, unquote, depth + 1));
    }
    return tuple3(h, quote_annotate(q, left, unquote, depth + 1), quote_meta(q, meta), quote_annotate(q, right, unquote, depth + 1));
}

/* ---- building ------------------------------------------------------------------------ */

static Term escape(QuoteCtx *q, Term data)
{
    if (term_is_atom(data) || term_is_small(data) || data == TERM_NIL) return data;
    return tuple3(q->h, A("quote_literal"), TERM_NIL, list_from(q->h, 1, &data));
}

/* The expression that builds the marked tree `ast`, or the tree itself
 * when nothing in it is marked (*live false). */
static Term quote_build(QuoteCtx *q, Term ast, bool *live, int depth)
{
    FnCtx *c = q->c;
    Heap *h = q->h;
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(c->mod, c->line);
    *live = false;
    if (term_is_tuple(ast) && tuple_size(ast) == 3 && tuple_get(ast, 0) == q->mark_unquote) {
        *live = true;
        return cons_head(tuple_get(ast, 2));
    }
    if (term_is_cons(ast)) {
        size_t n = list_length(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        bool *lives = xmalloc((n + 1) * sizeof(bool)), *splices = xmalloc((n + 1) * sizeof(bool));
        bool any = false;
        size_t i = 0;
        Term l = ast;
        for (; term_is_cons(l); l = cons_tail(l), i++) {
            Term e = cons_head(l);
            splices[i] = term_is_tuple(e) && tuple_size(e) == 3 && tuple_get(e, 0) == q->mark_splice;
            if (splices[i]) {
                items[i] = cons_head(tuple_get(e, 2));
                lives[i] = true;
            } else {
                items[i] = quote_build(q, e, &lives[i], depth + 1);
            }
            any |= lives[i];
        }
        bool tail_live;
        Term tail = quote_build(q, l, &tail_live, depth + 1);
        Term out = ast;
        if (any || tail_live) {
            /* from the end: runs of items become [a, b | rest]; a splice
             * becomes :erlang.++(spliced, rest) */
            out = tail_live ? tail : escape(q, tail);
            Term *run = xmalloc((n + 1) * sizeof(Term)); /* the current run, last item first */
            size_t pending = 0;
            for (size_t j = n + 1; j-- > 0;) {
                if (j > 0 && !splices[j - 1]) {
                    run[pending++] = lives[j - 1] ? items[j - 1] : escape(q, items[j - 1]);
                    continue;
                }
                if (pending) {
                    Term lst = cons_new(h, tuple3(h, A("|"), TERM_NIL, list_from(h, 2, (Term[]){run[0], out})), TERM_NIL);
                    for (size_t k = 1; k < pending; k++) lst = cons_new(h, run[k], lst);
                    out = lst;
                    pending = 0;
                }
                if (j > 0) {
                    Term dot = tuple3(h, A("."), TERM_NIL, list_from(h, 2, (Term[]){A("erlang"), A("++")}));
                    out = tuple3(h, dot, TERM_NIL, list_from(h, 2, (Term[]){items[j - 1], out}));
                }
            }
            free(run);
            *live = true;
        }
        free(items);
        free(lives);
        free(splices);
        return out;
    }
    if (term_is_tuple(ast)) {
        size_t n = tuple_size(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        bool any = false;
        for (size_t i = 0; i < n; i++) {
            bool lv;
            items[i] = quote_build(q, tuple_get(ast, i), &lv, depth + 1);
            if (!lv) items[i] = escape(q, items[i]);
            any |= lv;
        }
        Term out = ast;
        if (any) {
            *live = true;
            out = n == 2 ? tuple2(h, items[0], items[1]) : tuple3(h, A("{}"), TERM_NIL, list_from(h, n, items));
        }
        free(items);
        return out;
    }
    return ast;
}

/* ---- the options ------------------------------------------------------------------------- */

static Term option_atom(QuoteCtx *q, Term value, const char *what)
{
    Term name, ctx;
    if (term_is_atom(value)) return value;
    if (ast_is_var(value, &name, &ctx) && name == A("__MODULE__"))
        return q->c->mod->module ? q->c->mod->name : ATOM_nil;
    Term mod = expand_alias(q->c->mod, value);
    if (mod != TERM_NONE) return mod;
    compile_fail(q->c, "CompileError", "invalid %s for quote, expected a compile time atom or alias", what);
}

void compile_quote(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    ModCtx *m = c->mod;
    Heap *h = m->scratch;
    size_t n = list_length(args);
    Term opts = n == 2 ? list_nth(args, 0) : TERM_NIL;
    Term last = list_nth(args, n - 1);
    Term body = kw_get(last, ATOM_do);
    if (n == 2) {
        /* quote opts, do: body  or  quote opts do body end */
        body = kw_get(last, ATOM_do);
    } else if (body != TERM_NONE) {
        opts = last;
    }
    if (body == TERM_NONE) compile_fail(c, "CompileError", "missing :do option in \"quote\"");
    QuoteCtx q = {.c = c, .h = h, .context = m->module ? m->name : ATOM_Elixir, .line = TERM_NONE,
                  .keep_file = TERM_NONE, .generated = false,
                  .mark_unquote = A("genlab quote: unquote"), .mark_splice = A("genlab quote: unquote_splicing")};
    bool unquote = true;
    Term bind = TERM_NONE;
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l);
        if (!term_is_tuple(pair) || tuple_size(pair) != 2) continue;
        Term key = tuple_get(pair, 0), value = tuple_get(pair, 1);
        if (key == A("context")) q.context = option_atom(&q, value, "context");
        else if (key == A("location") && value == A("keep")) {
            q.keep_file = binary_from_cstr(h, m->file ? m->file : "nofile");
            q.line = ATOM_true;
        } else if (key == A("line")) {
            q.line = term_is_small(value) || value == ATOM_true ? value
                     : value == ATOM_false ? TERM_NONE
                                           : tuple3(h, q.mark_unquote, TERM_NIL, list_from(h, 1, &value));
        } else if (key == A("file") && term_is_binary(value)) {
            q.keep_file = value;
        } else if (key == A("generated")) q.generated = value == ATOM_true;
        else if (key == A("unquote")) unquote = value != ATOM_false;
        else if (key == A("bind_quoted")) bind = value;
    }
    if (bind != TERM_NONE && kw_get(opts, A("unquote")) == TERM_NONE) unquote = false;
    Term quoted = quote_annotate(&q, body, unquote, 0);
    if (bind != TERM_NONE) {
        if (!term_is_list(bind)) compile_fail(c, "CompileError", "invalid :bind_quoted for quote, expected a keyword list of variable names");
        /* {:__block__, [], [var = value, ..., body]}: each variable given its value first */
        Term var_meta = TERM_NIL;
        if (c->line > 0) var_meta = list_from(h, 1, (Term[]){tuple2(h, ATOM_line, small_make(c->line))});
        size_t nb = list_length(bind), k = 0;
        Term *stmts = xmalloc((nb + 2) * sizeof(Term));
        for (Term l = bind; term_is_cons(l); l = cons_tail(l)) {
            Term pair = cons_head(l);
            if (!term_is_tuple(pair) || tuple_size(pair) != 2 || !term_is_atom(tuple_get(pair, 0)))
                compile_fail(c, "CompileError", "invalid :bind_quoted for quote, expected a keyword list of variable names");
            Term var = tuple3(h, tuple_get(pair, 0), var_meta, q.context);
            Term value = tuple3(h, q.mark_unquote, TERM_NIL, list_from(h, 1, (Term[]){tuple_get(pair, 1)}));
            stmts[k++] = tuple3(h, A("="), TERM_NIL, list_from(h, 2, (Term[]){var, value}));
        }
        if (k) {
            stmts[k++] = quoted;
            quoted = tuple3(h, A("__block__"), TERM_NIL, list_from(h, k, stmts));
        }
        free(stmts);
    }
    bool live;
    Term expr = quote_build(&q, quoted, &live, 0);
    compile_expr(c, live ? expr : escape(&q, expr), dst, tail);
}

/* ---- unquote fragments ------------------------------------------------------------------- */

/* `ast` as it is, its unquotes (outside nested quotes) marked: what
 * Macro.escape(ast, unquote: true) keeps of it. */
static Term fragments_mark(QuoteCtx *q, Term ast, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(q->c->mod, q->c->line);
    if (term_is_cons(ast)) {
        size_t n = list_length(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        size_t i = 0;
        Term l = ast;
        for (; term_is_cons(l); l = cons_tail(l)) items[i++] = fragments_mark(q, cons_head(l), depth + 1);
        Term out = fragments_mark(q, l, depth + 1);
        for (size_t j = n; j-- > 0;) out = cons_new(q->h, items[j], out);
        free(items);
        return out;
    }
    if (!term_is_tuple(ast)) return ast;
    size_t n = tuple_size(ast);
    if (n == 3 && term_is_list(tuple_get(ast, 1))) {
        Term left = tuple_get(ast, 0), right = tuple_get(ast, 2);
        if ((left == A("unquote") || left == A("unquote_splicing")) && term_is_cons(right) && cons_tail(right) == TERM_NIL)
            return tuple3(q->h, left == A("unquote") ? q->mark_unquote : q->mark_splice, TERM_NIL, right);
        if (left == A("quote")) return ast;
    }
    Term t = tuple_new(q->h, n);
    for (size_t i = 0; i < n; i++) tuple_elems(t)[i] = fragments_mark(q, tuple_get(ast, i), depth + 1);
    return t;
}

Term quote_fragments(FnCtx *c, Term ast)
{
    QuoteCtx q = {.c = c, .h = c->mod->scratch, .context = ATOM_nil, .line = ATOM_true, .keep_file = TERM_NONE,
                  .generated = false,
                  .mark_unquote = A("genlab quote: unquote"), .mark_splice = A("genlab quote: unquote_splicing")};
    bool live;
    Term expr = quote_build(&q, fragments_mark(&q, ast, 0), &live, 0);
    return live ? expr : escape(&q, expr);
}

/* Gives nodes without a line (what a quote without line: built) the line
 * of the code that expanded them, as Elixir does with a macro's answer. */
Term quote_linify(ModCtx *m, Heap *h, Term ast, int line, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(m, line);
    if (term_is_cons(ast)) {
        size_t n = list_length(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        size_t i = 0;
        Term l = ast;
        for (; term_is_cons(l); l = cons_tail(l)) items[i++] = quote_linify(m, h, cons_head(l), line, depth + 1);
        Term out = quote_linify(m, h, l, line, depth + 1);
        for (size_t j = n; j-- > 0;) out = cons_new(h, items[j], out);
        free(items);
        return out;
    }
    if (!term_is_tuple(ast)) return ast;
    size_t n = tuple_size(ast);
    Term t = tuple_new(h, n);
    for (size_t i = 0; i < n; i++) tuple_elems(t)[i] = quote_linify(m, h, tuple_get(ast, i), line, depth + 1);
    if (n == 3 && term_is_list(tuple_get(ast, 1)) && meta_line(tuple_get(ast, 1)) == 0 && line > 0)
        tuple_elems(t)[1] = cons_new(h, tuple2(h, ATOM_line, small_make(line)), tuple_get(ast, 1));
    return t;
}
