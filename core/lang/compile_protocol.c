/* compile_protocol.c - defprotocol, defimpl and @derive, written as the
 * modules Elixir makes of them.
 *
 * `defprotocol P do def f(x, y) end` is the module P whose f/2 asks
 * :genlab.protocol_impl!/3 (core/bif/protocol.c: cached per type) for the
 * implementation of its first argument and calls it, with P's
 * __protocol__/1, impl_for/1 and impl_for!/1. `defimpl P, for: T do ... end`
 * is the module P.T (one per type of a `for:` list) with @protocol, @for
 * and __impl__/1. `@derive` before defstruct makes the implementations a
 * struct asks for: Inspect with only:/except: (inspect shows those fields,
 * see core/bif/algebra.c), or any protocol through its Any implementation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "compile_internal.h"
#include "fatal.h"
#include "map.h"
#include "parser.h"

static Term A(const char *s) { return atom_from_cstr(s); }

bool protocol_is_form(Term ast)
{
    Term name, meta, args;
    if (!ast_is_call(ast, &name, &meta, &args)) return false;
    size_t n = list_length(args);
    if (name == A("defprotocol")) return n == 2;
    if (name == A("defimpl")) return n == 2 || n == 3;
    return false;
}

/* Growable source text for what the compiler writes itself. */
typedef struct Src {
    char *text;
    size_t len, cap;
} Src;

static void src_add(Src *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void src_add(Src *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (s->len + (size_t)n + 1 > s->cap) {
        s->cap = (s->len + (size_t)n + 1) * 2;
        s->text = xrealloc(s->text, s->cap);
    }
    vsnprintf(s->text + s->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    s->len += (size_t)n;
}

/* The module an argument names: an alias, an atom or __MODULE__. */
static Term form_module(ModCtx *m, Term ast, int line)
{
    if (term_is_atom(ast) && ast != ATOM_nil) return ast;
    Term mod = expand_alias(m, ast);
    if (mod != TERM_NONE) return mod;
    Term name;
    if (ast_is_var(ast, &name, NULL) && name == A("__MODULE__") && m->module) return m->name;
    compile_fail_mod(m, line, "ArgumentError", "invalid module name in protocol definition");
}

/* Module.concat(a, b) */
static Term concat_modules(Term a, Term b)
{
    const char *bt = atom_text(b);
    if (!strncmp(bt, "Elixir.", 7)) bt += 7;
    size_t n = strlen(atom_text(a)) + strlen(bt) + 2;
    char *buf = xmalloc(n);
    snprintf(buf, n, "%s.%s", atom_text(a), bt);
    Term out = A(buf);
    free(buf);
    return out;
}

/* The items of a do-block: a __block__'s expressions, or the one. */
static Term block_items(Term body)
{
    Term name, meta, args;
    if (body == TERM_NONE) return TERM_NIL;
    if (ast_is_call(body, &name, &meta, &args) && name == A("__block__")) return args;
    return list_from(literal_heap(), 1, &body);
}

/* Parses what the compiler wrote, followed by `rest` (a list of items), or
 * after it when `rest_first`, as one block. */
static Term generated_block(ModCtx *m, const Src *s, Term rest, bool rest_first, int line)
{
    ParseError perr;
    Term gen = parse_source(literal_heap(), s->text, s->len, m->file, &perr);
    if (gen == TERM_NONE) compile_fail_mod(m, line, "CompileError", "protocol expansion does not parse: %s", perr.message);
    Term items = block_items(gen);
    size_t n = list_length(items);
    Term *all = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) all[i] = list_nth(items, i);
    Term out = rest_first ? TERM_NIL : rest;
    for (size_t i = n; i-- > 0;) out = cons_new(literal_heap(), all[i], out);
    free(all);
    if (rest_first) {
        size_t k = list_length(rest);
        Term *before = xmalloc((k + 1) * sizeof(Term));
        for (size_t i = 0; i < k; i++) before[i] = list_nth(rest, i);
        for (size_t i = k; i-- > 0;) out = cons_new(literal_heap(), before[i], out);
        free(before);
    }
    return tuple3(literal_heap(), A("__block__"), TERM_NIL, out);
}

/* The keyword options and the do-block of `defimpl P, opts do ... end`. */
static void form_options(Term args, Term *opts, Term *body)
{
    *opts = TERM_NIL;
    *body = TERM_NONE;
    for (Term l = cons_tail(args); term_is_cons(l); l = cons_tail(l)) {
        Term kw = cons_head(l);
        for (Term k = kw; term_is_cons(k); k = cons_tail(k)) {
            Term pair = cons_head(k);
            if (!term_is_tuple(pair) || tuple_size(pair) != 2) continue;
            if (tuple_get(pair, 0) == ATOM_do) *body = tuple_get(pair, 1);
            else *opts = cons_new(literal_heap(), pair, *opts);
        }
    }
}

/* defprotocol's name: nested in a module, Outer.Name (and Name aliases it). */
static Term protocol_name(ModCtx *m, Term alias_ast, int line)
{
    Term aname, ameta, segs;
    if (!m->module || !ast_is_call(alias_ast, &aname, &ameta, &segs) || aname != A("__aliases__") || !term_is_atom(list_nth(segs, 0)))
        return form_module(m, alias_ast, line);
    char buf[1024];
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s", atom_text(m->name));
    for (Term s = segs; term_is_cons(s) && len < sizeof buf; s = cons_tail(s))
        len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(cons_head(s)));
    char first[512], full_first[1024];
    snprintf(first, sizeof first, "Elixir.%s", atom_text(list_nth(segs, 0)));
    snprintf(full_first, sizeof full_first, "%s.%s", atom_text(m->name), atom_text(list_nth(segs, 0)));
    module_add_alias(m, A(first), A(full_first));
    return A(buf);
}

static Term compile_protocol(ModCtx *m, Term args, int line)
{
    Term name = protocol_name(m, list_nth(args, 0), line);
    Term body = kw_get(list_nth(args, 1), ATOM_do);
    Term items = block_items(body);
    /* @fallback_to_any true, wherever it stands in the body */
    bool fallback = false;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) {
        Term at, ameta, aargs, inner, iname, imeta, iargs;
        if (ast_is_call(cons_head(l), &at, &ameta, &aargs) && at == A("@") && list_length(aargs) == 1 &&
            ast_is_call(list_nth(aargs, 0), &iname, &imeta, &iargs) && iname == A("fallback_to_any") &&
            list_length(iargs) == 1) {
            inner = list_nth(iargs, 0);
            fallback = inner == ATOM_true;
        }
    }
    const char *p = atom_text(name), *fb = fallback ? "true" : "false";
    Src s = {0};
    Src fns = {0};
    Term kept = TERM_NIL;
    Term *rest = xmalloc((list_length(items) + 1) * sizeof(Term));
    size_t nrest = 0;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) {
        Term item = cons_head(l), dname, dmeta, dargs;
        if (!ast_is_call(item, &dname, &dmeta, &dargs) || dname != A("def")) {
            rest[nrest++] = item;
            continue;
        }
        /* def f(a, b): a function every implementation defines; the
         * protocol's own dispatches on the first argument */
        Term head = list_nth(dargs, 0), fname, fmeta, params;
        if (list_length(dargs) != 1 || !ast_is_call(head, &fname, &fmeta, &params) || list_length(params) == 0)
            compile_fail_mod(m, meta_line(dmeta), "ArgumentError", "protocol functions expect at least one argument, and no body");
        size_t arity = list_length(params);
        src_add(&fns, "%s{:%s, %zu}", fns.len ? ", " : "", atom_text(fname), arity);
        src_add(&s, "def %s(", atom_text(fname));
        for (size_t i = 0; i < arity; i++) src_add(&s, "%sa%zu", i ? ", " : "", i);
        src_add(&s, "), do: :genlab.protocol_impl!(:\"%s\", a0, %s).%s(", p, fb, atom_text(fname));
        for (size_t i = 0; i < arity; i++) src_add(&s, "%sa%zu", i ? ", " : "", i);
        src_add(&s, ")\n");
        /* each is a callback of the protocol (the compiler's warnings about implementations) */
        src_add(&s, "@callback %s(", atom_text(fname));
        for (size_t i = 0; i < arity; i++) src_add(&s, "%sterm", i ? ", " : "");
        src_add(&s, ") :: term\n");
    }
    /* __protocol__/1 last: defprotocol's value names it, as Elixir's */
    src_add(&s,
            "def impl_for(data), do: :genlab.protocol_impl(:\"%s\", data, %s)\n"
            "def impl_for!(data), do: :genlab.protocol_impl!(:\"%s\", data, %s)\n"
            "def __protocol__(:module), do: :\"%s\"\n"
            "def __protocol__(:functions), do: [%s]\n"
            "def __protocol__(:consolidated?), do: false\n"
            "def __protocol__(:impls), do: :not_consolidated\n",
            p, fb, p, fb, p, fns.len ? fns.text : "");
    for (size_t i = nrest; i-- > 0;) kept = cons_new(literal_heap(), rest[i], kept);
    free(rest);
    Term block = generated_block(m, &s, kept, true, line);
    free(s.text);
    free(fns.text);
    Term last = module_compile_body(m, name, block, line);
    return module_result(m->scratch, name, last);
}

/* One implementation module, protocol.for, with `items` as its body. */
static Term compile_impl(ModCtx *m, Term protocol, Term type, Term items, int line)
{
    Term name = concat_modules(protocol, type);
    Src s = {0};
    src_add(&s,
            "@behaviour :\"%s\"\n@protocol :\"%s\"\n@for :\"%s\"\n"
            "def __impl__(:for), do: :\"%s\"\n"
            "def __impl__(:protocol), do: :\"%s\"\n",
            atom_text(protocol), atom_text(protocol), atom_text(type), atom_text(type), atom_text(protocol));
    Term block = generated_block(m, &s, items, false, line);
    free(s.text);
    Term last = module_compile_body(m, name, block, line);
    return module_result(m->scratch, name, last);
}

/* Protocol.assert_protocol!/1: the module exists and is a protocol. */
static void assert_protocol(ModCtx *m, Term protocol, int line)
{
    Module *pm = module_lookup(protocol);
    char *name = module_display_name(protocol);
    if (!pm) {
        char text[600];
        snprintf(text, sizeof text, "could not load module %s due to reason :nofile", name);
        free(name);
        compile_fail_mod(m, line, "ArgumentError", "%s", text);
    }
    Function *f = module_find_function(pm, A("__protocol__"), 1);
    if (!f || !f->defined) {
        char text[600];
        snprintf(text, sizeof text, "%s is not a protocol", name);
        free(name);
        compile_fail_mod(m, line, "ArgumentError", "%s", text);
    }
    free(name);
}

static Term compile_defimpl(ModCtx *m, Term args, int line)
{
    Term protocol = form_module(m, list_nth(args, 0), line);
    assert_protocol(m, protocol, line);
    Term opts, body;
    form_options(args, &opts, &body);
    Term fors = kw_get(opts, A("for"));
    if (fors == TERM_NONE) {
        if (!m->module) compile_fail_mod(m, line, "ArgumentError", "defimpl/3 expects a :for option when declared outside a module");
        fors = m->name;
    }
    Term items = block_items(body);
    if (!term_is_list(fors)) return compile_impl(m, protocol, form_module(m, fors, line), items, line);
    size_t n = list_length(fors);
    Term *results = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) results[i] = compile_impl(m, protocol, form_module(m, list_nth(fors, i), line), items, line);
    Term out = list_from(m->scratch, n, results);
    free(results);
    return out;
}

Term protocol_compile_form(ModCtx *m, Term ast)
{
    Term name, meta, args;
    ast_is_call(ast, &name, &meta, &args);
    int line = meta_line(meta);
    if (name == A("defprotocol")) return compile_protocol(m, args, line);
    return compile_defimpl(m, args, line);
}

/* ---- @derive ------------------------------------------------------------------ */

/* Whether `field` is in the list. */
static bool has_atom(Term list, Term field)
{
    for (; term_is_cons(list); list = cons_tail(list))
        if (cons_head(list) == field) return true;
    return false;
}

/* @derive {Inspect, only: [...]} / except: [...]: Inspect.Struct shows the
 * fields kept, in defstruct order, and then "..."; with optional: [...]
 * those fields are left out while they hold their default. The module
 * records this in its attributes (:genlab_inspect_fields, _dots and
 * _optional), which inspect reads (core/bif/algebra.c). */
static void derive_inspect(ModCtx *m, Term opts, int line)
{
    Term only = kw_get(opts, A("only")), except = kw_get(opts, A("except")), optional = kw_get(opts, A("optional"));
    if (only == TERM_NONE && except == TERM_NONE && optional == TERM_NONE) return; /* Inspect.Any's own way */
    Term fields = m->module->struct_fields;
    size_t n = tuple_size(fields), k = 0;
    Term *kept = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) {
        Term f = tuple_get(fields, i);
        if (only != TERM_NONE && !has_atom(only, f)) continue;
        if (except != TERM_NONE && has_atom(except, f)) continue;
        kept[k++] = f;
    }
    Term list = list_from(literal_heap(), k, kept);
    free(kept);
    Term name = concat_modules(A("Elixir.Inspect"), m->name);
    /* inspect/2 for Inspect.Algebra.to_doc/2 and direct calls: C shows it */
    static const char src[] = "def inspect(struct, opts), do: :genlab.inspect_doc(struct, Inspect.Opts.new(opts), false)\n";
    ParseError perr;
    Term gen = parse_source(literal_heap(), src, sizeof src - 1, m->file, &perr);
    compile_impl(m, A("Elixir.Inspect"), m->name, block_items(gen), line);
    Heap *h = literal_heap();
    Term defaults = TERM_NIL;
    for (Term l = optional == TERM_NONE ? TERM_NIL : optional; term_is_cons(l); l = cons_tail(l)) {
        Term d = map_get(m->module->struct_default, cons_head(l));
        defaults = cons_new(h, tuple2(h, cons_head(l), d == TERM_NONE ? ATOM_nil : d), defaults);
    }
    Term dots = only != TERM_NONE || except != TERM_NONE ? ATOM_true : ATOM_false;
    Term attrs[3] = {tuple2(h, A("genlab_inspect_fields"), list), tuple2(h, A("genlab_inspect_dots"), dots),
                     tuple2(h, A("genlab_inspect_optional"), defaults)};
    Module *impl = module_lookup(name);
    if (impl) impl->attributes = list_from(h, 3, attrs);
}

/* @derive P for another protocol: P.Struct calls P.Any's functions, and
 * names P.Any as its target (protocol.c answers it for impl_for/1). */
static void derive_through_any(ModCtx *m, Term protocol, int line)
{
    Term any = concat_modules(protocol, A("Elixir.Any"));
    Module *pm = module_lookup(protocol), *am = module_lookup(any);
    if (!pm || !am)
        compile_fail_mod(m, line, "ArgumentError", "could not load module %s due to reason :nofile", module_display_name(any));
    Src s = {0};
    for (Function *f = am->functions; f; f = f->next_in_module) {
        const char *fname = atom_text(f->name);
        if (!f->exported || f->is_macro || !f->defined || f->nfree || fname[0] == '-' || !strncmp(fname, "__", 2)) continue;
        src_add(&s, "def %s(", fname);
        for (uint32_t i = 0; i < f->arity; i++) src_add(&s, "%sa%u", i ? ", " : "", i);
        src_add(&s, "), do: :\"%s\".%s(", atom_text(any), fname);
        for (uint32_t i = 0; i < f->arity; i++) src_add(&s, "%sa%u", i ? ", " : "", i);
        src_add(&s, ")\n");
    }
    if (!s.len) src_add(&s, "nil\n");
    ParseError perr;
    Term gen = parse_source(literal_heap(), s.text, s.len, m->file, &perr);
    free(s.text);
    if (gen == TERM_NONE) compile_fail_mod(m, line, "CompileError", "derive expansion does not parse: %s", perr.message);
    compile_impl(m, protocol, m->name, block_items(gen), line);
    Module *impl = module_lookup(concat_modules(protocol, m->name));
    if (impl) impl->attributes = list_from(literal_heap(), 1, (Term[]){tuple2(literal_heap(), A("genlab_impl_target"), any)});
}

void protocol_derive(ModCtx *m, Term derive, int line)
{
    if (derive == TERM_NONE || derive == ATOM_nil) return;
    Term list = term_is_list(derive) ? derive : list_from(literal_heap(), 1, &derive);
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term d = cons_head(list), protocol = d, opts = TERM_NIL;
        if (term_is_tuple(d) && tuple_size(d) == 2) {
            protocol = tuple_get(d, 0);
            opts = tuple_get(d, 1);
        }
        if (!term_is_atom(protocol)) continue;
        if (protocol == A("Elixir.Inspect")) derive_inspect(m, opts, line);
        else derive_through_any(m, protocol, line);
    }
}
