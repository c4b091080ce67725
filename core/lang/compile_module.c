/* compile_module.c - defmodule bodies (def/defp/defmacro with clauses and
 * defaults, attributes, defstruct, defexception, alias/import/require/use,
 * nested modules, code run at compile time) and top-level chunks. */
#include <stdio.h>
#include <stdlib.h>

#include "ast_text.h"
#include "atom.h"
#include "binary.h"
#include "compile_internal.h"

#include <sys/resource.h>
#include "fatal.h"
#include "compile_run.h"
#include "map.h"
#include "parser.h"
#include "inspect.h"
#include "io.h"

static Term A(const char *s) { return atom_from_cstr(s); }

typedef struct ClauseDef {
    Term head;       /* the clause as {:->, meta, [[params] or [when], body]} */
    size_t nattrs;   /* attributes visible to it */
    int line;
} ClauseDef;

typedef struct FnDef {
    bool overridable; /* injected by `use`: a later definition replaces it */
    Term name;
    uint32_t arity;
    int kind;        /* 0 def, 1 defp, 2 defmacro, 3 defmacrop */
    ClauseDef *clauses;
    size_t n, cap;
    Term default_params; /* params of the clause that declared defaults, or TERM_NONE */
    size_t default_nattrs;
    int line;
    Term doc;        /* what @doc said before it: a binary, false, or TERM_NONE */
    Term sig_params; /* the params its documentation shows (the defaults' head, else the first) */
    Term doc_meta;   /* what `@doc since: ...` and the like said: a keyword list */
    size_t seq;      /* where the module defined it (what `use` injected and the
                      * module redefined: where the module did) */
    WarnBuf warnings; /* its compile warnings, given in `seq` order */
    bool generated;   /* written by the compiler (defexception's, defstruct's) */
} FnDef;

typedef struct ModBuild {
    ModCtx *m;
    FnDef *defs;
    size_t ndefs, cap;
    Term moduledoc;    /* a binary, false, or TERM_NONE */
    Term pending_doc;  /* @doc waiting for the next def */
    Term pending_meta; /* @doc keyword lists waiting for the next def */
    bool pending_impl; /* @impl waiting: a callback's doc is hidden, as Elixir does */
    Term accumulating; /* attributes registered with accumulate: true */
    Term persisting;   /* attributes registered with persist: true, newest first */
    Term derive;       /* what @derive asked for before defstruct, newest first */
    size_t next_seq;   /* FnDef.seq */
    BehaviourNotes beh; /* @behaviour, @callback and @impl (compile_behaviour.c) */
    Term pending_impl_value; /* the @impl waiting for the next def, or TERM_NONE */
    bool generating;   /* record_generated is recording */
} ModBuild;

bool ast_is_defmodule(Term ast)
{
    Term name, meta, args;
    return (ast_is_call(ast, &name, &meta, &args) && name == A("defmodule") && list_length(args) == 2) || protocol_is_form(ast);
}

static void add_alias(ModCtx *m, Term short_name, Term full)
{
    if (m->naliases == m->aliases_cap) {
        size_t grown = m->aliases_cap ? m->aliases_cap * 2 : 16;
        m->aliases = xrealloc(m->aliases, grown * sizeof(Alias));
        m->aliases_cap = grown; /* only once the memory is there */
    }
    m->aliases[m->naliases++] = (Alias){short_name, full};
}

void module_add_alias(ModCtx *m, Term short_name, Term full) { add_alias(m, short_name, full); }

static Term last_segment_alias(Term full)
{
    const char *t = atom_text(full);
    const char *dot = strrchr(t, '.');
    char buf[512];
    snprintf(buf, sizeof buf, "Elixir.%s", dot ? dot + 1 : t);
    return A(buf);
}

void module_directive(ModCtx *m, const char *which, Term args, int line)
{
    Term target = list_nth(args, 0), opts = list_length(args) > 1 ? list_nth(args, 1) : TERM_NIL;
    if (!strcmp(which, "alias")) {
        Term base, field, items, meta;
        if (ast_is_remote(target, &base, &field, &items, &meta) && field == A("{}")) {
            Term prefix = expand_alias(m, base);
            for (Term l = items; term_is_cons(l); l = cons_tail(l)) {
                Term item = cons_head(l), name, im, segs = TERM_NIL;
                /* each is an alias (Bar, Bar.Baz) or an atom; anything else
                 * (a call, a number, __MODULE__) Elixir refuses */
                bool alias = term_is_atom(item) || (ast_is_call(item, &name, &im, &segs) && name == A("__aliases__"));
                for (Term s = segs; alias && term_is_cons(s); s = cons_tail(s)) alias = term_is_atom(cons_head(s));
                if (!alias) {
                    char shown[512];
                    ast_text_to(item, shown, sizeof shown);
                    compile_fail_mod(m, line, "CompileError", "invalid argument for alias, expected a compile time atom or alias, got: %s", shown);
                }
                char buf[1024];
                size_t len = (size_t)snprintf(buf, sizeof buf, "%s", atom_text(prefix));
                if (term_is_atom(item)) len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(item));
                for (Term s = segs; term_is_cons(s) && len < sizeof buf; s = cons_tail(s))
                    len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(cons_head(s)));
                /* an atom has at most 255 characters */
                if (len > 255) compile_fail_mod(m, line, "SystemLimitError", "a system limit has been reached");
                Term full = A(buf);
                add_alias(m, last_segment_alias(full), full);
            }
            return;
        }
        Term full = expand_alias(m, target);
        if (full == TERM_NONE && term_is_atom(target)) full = target;
        /* alias __MODULE__: the module being defined */
        Term var;
        if (full == TERM_NONE && m->module && ast_is_var(target, &var, NULL) && var == A("__MODULE__")) full = m->name;
        if (full == TERM_NONE) compile_fail_mod(m, line, "CompileError", "invalid argument for alias, expected a compile time atom or alias");
        Term as = kw_get(opts, A("as"));
        Term short_name = as != TERM_NONE ? expand_alias(m, as) : last_segment_alias(full);
        add_alias(m, short_name, full);
        return;
    }
    if (!strcmp(which, "import")) {
        Term mod = expand_alias(m, target);
        if (mod == TERM_NONE && term_is_atom(target)) mod = target;
        if (mod == TERM_NONE) compile_fail_mod(m, line, "CompileError", "invalid argument for import");
        if (!module_lookup(mod) && !rt->compile_boot_mode)
            compile_fail_mod(m, line, "CompileError", "module %s is not loaded and could not be found", module_display_name(mod));
        if (m->nimports == m->imports_cap) {
            size_t grown = m->imports_cap ? m->imports_cap * 2 : 8;
            m->imports = xrealloc(m->imports, grown * sizeof(Import));
            m->imports_cap = grown; /* only once the memory is there */
        }
        Term only = kw_get(opts, A("only")), except = kw_get(opts, A("except"));
        m->imports[m->nimports++] = (Import){mod, only == TERM_NONE ? ATOM_nil : literal(only), except == TERM_NONE ? ATOM_nil : literal(except)};
        return;
    }
    /* require: modules are always available here; `as:` aliases */
    Term as = kw_get(opts, A("as"));
    if (as != TERM_NONE) {
        Term full = expand_alias(m, target);
        if (full != TERM_NONE) add_alias(m, expand_alias(m, as), full);
    }
}

Function *find_macro(ModCtx *m, Term name, uint32_t arity)
{
    for (size_t i = m->nimports; i-- > 0;) {
        Module *mod = module_lookup(m->imports[i].module);
        if (!mod) continue;
        Function *f = module_find_function(mod, name, arity);
        if (f && f->is_macro && f->defined) return f;
    }
    return NULL;
}

static void note_file_module(Term name);

/* Top-level code's environment (COMPILE->toplevel): aliases and imports
 * made at the top level of a file (or in the shell) stay in effect for what
 * follows. */
void compile_state_init(void)
{
    rt->compile = xcalloc(1, sizeof *rt->compile);
    /* The lowest address the stack may reach (see compile_stack_low): a
     * runtime is made near the top of the stack, and the stack may grow
     * to its rlimit below that. Unlimited, or unknown: no check. */
    char here;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && (uintptr_t)&here > rl.rlim_cur) {
        /* what is left below the compiler's last frame: an eighth of the
         * stack, at most COMPILE_STACK_MARGIN */
        uintptr_t margin = (uintptr_t)rl.rlim_cur / 8 < COMPILE_STACK_MARGIN ? (uintptr_t)rl.rlim_cur / 8 : COMPILE_STACK_MARGIN;
        rt->compile->stack_floor = (uintptr_t)&here - (uintptr_t)rl.rlim_cur + margin;
    }
    compile_register_kernel_bifs();
}

bool compile_stack_low(void)
{
    char here;
    return COMPILE->stack_floor && (uintptr_t)&here < COMPILE->stack_floor;
}

void compile_state_free(void)
{
    CompileState *c = rt->compile;
    if (!c) return;
    free(c->file_modules);
    free(c->defining);
    free(c->toplevel.aliases);
    free(c->toplevel.imports);
    free(c->toplevel.attrs);
    free(c->toplevel.locals);
    free(c->toplevel.lambdas);
    free(c->remote);
    compile_script_free();
    free(c);
    rt->compile = NULL;
}

void compile_begin_file(void)
{
    COMPILE->nfile_modules = 0;
    COMPILE->toplevel.naliases = 0;
    COMPILE->toplevel.nimports = 0;
}

void compile_begin_input(void) { COMPILE->nfile_modules = 0; }

void compile_toplevel_keep(void)
{
    /* term_copy leaves what is in the literal arena where it is */
    ModCtx *m = &COMPILE->toplevel;
    Heap *h = literal_heap();
    for (size_t i = 0; i < m->nimports; i++) {
        m->imports[i].only = term_copy(h, m->imports[i].only);
        m->imports[i].except = term_copy(h, m->imports[i].except);
    }
    for (size_t i = 0; i < m->nattrs; i++) m->attrs[i].value = term_copy(h, m->attrs[i].value);
}

ToplevelMark compile_toplevel_mark(void)
{
    ModCtx *m = &COMPILE->toplevel;
    return (ToplevelMark){m->naliases, m->nimports, m->nattrs};
}

void compile_toplevel_reset(ToplevelMark mark)
{
    /* what a chunk adds goes at the end */
    ModCtx *m = &COMPILE->toplevel;
    if (mark.naliases < m->naliases) m->naliases = mark.naliases;
    if (mark.nimports < m->nimports) m->nimports = mark.nimports;
    if (mark.nattrs < m->nattrs) m->nattrs = mark.nattrs;
}

void compile_note_file_module(Term ast)
{
    Term name, meta, args;
    if (!ast_is_call(ast, &name, &meta, &args)) return;
    ModCtx m;
    memset(&m, 0, sizeof m);
    m.aliases = COMPILE->toplevel.aliases;
    m.naliases = COMPILE->toplevel.naliases;
    Term mod = expand_alias(&m, list_nth(args, 0));
    if (mod != TERM_NONE) note_file_module(mod);
}

static void note_file_module(Term name)
{
    if (COMPILE->nfile_modules == COMPILE->file_modules_cap) {
        size_t grown = COMPILE->file_modules_cap ? COMPILE->file_modules_cap * 2 : 16;
        COMPILE->file_modules = xrealloc(COMPILE->file_modules, grown * sizeof *COMPILE->file_modules);
        COMPILE->file_modules_cap = grown; /* only once the memory is there */
    }
    COMPILE->file_modules[COMPILE->nfile_modules++] = name;
}

Term module_struct_default(FnCtx *c, Term module, int arity)
{
    ModCtx *m = c->mod;
    char name[300], *shown = module_display_name(module);
    snprintf(name, sizeof name, "%s", shown);
    free(shown);
    if (!m->module)
        for (size_t i = 0; i < COMPILE->nfile_modules; i++)
            if (COMPILE->file_modules[i] == module)
                compile_fail_struct(c, module, arity, "CompileError", "cannot access struct %s, the struct was not yet defined or the struct is being accessed in the same context that defines it",
                            name);
    /* this module's struct, or an enclosing one's (defined, not yet installed) */
    for (ModCtx *x = m; x; x = x->parent)
        if (x->module && module == x->name && x->module->struct_default != TERM_NONE) return x->module->struct_default;
    Module *mod = module_lookup(module);
    if (!mod || mod->struct_default == TERM_NONE)
        compile_fail_struct(c, module, arity, "CompileError", "%s.__struct__/%d is undefined, cannot expand struct %s. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code",
                    name, arity, name);
    return mod->struct_default;
}

void module_struct_check_keys(FnCtx *c, Term module, Term def, Term pairs, int arity)
{
    for (Term l = pairs; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l);
        if (!term_is_tuple(pair) || tuple_size(pair) != 2 || !term_is_atom(tuple_get(pair, 0)) ||
            map_get(def, tuple_get(pair, 0)) != TERM_NONE)
            continue;
        InspectOpts o;
        inspect_opts_default(&o);
        char *key = inspect_to_cstring(tuple_get(pair, 0), &o, NULL), text[400];
        snprintf(text, sizeof text, "%s", key);
        free(key);
        if (arity) compile_fail_struct(c, module, arity, "KeyError", "key %s not found", text);
        char *name = module_display_name(module);
        char shown[300];
        snprintf(shown, sizeof shown, "%s", name);
        free(name);
        compile_fail_struct(c, module, arity, "CompileError", "unknown key %s for struct %s", text, shown);
    }
}

/* ---- evaluation at compile time -------------------------------------------------- */

/* Remembers a module-body variable's latest value. */
static void body_bind(ModCtx *m, Term name, Term value)
{
    for (size_t i = 0; i < m->nbody; i++)
        if (m->body_names[i] == name) {
            m->body_values[i] = value;
            return;
        }
    if (m->nbody == m->body_cap) {
        size_t grown = m->body_cap ? m->body_cap * 2 : 8;
        m->body_names = xrealloc(m->body_names, grown * sizeof(Term));
        m->body_cap = grown; /* only once the memory is there */
        m->body_values = xrealloc(m->body_values, m->body_cap * sizeof(Term));
    }
    m->body_names[m->nbody] = name;
    m->body_values[m->nbody++] = value;
}

static void defining_push(Process *evaluator, ModCtx *m)
{
    CompileState *cs = COMPILE;
    if (cs->ndefining == cs->defining_cap) {
        cs->defining_cap = cs->defining_cap ? cs->defining_cap * 2 : 8;
        cs->defining = xrealloc(cs->defining, cs->defining_cap * sizeof *cs->defining);
    }
    cs->defining[cs->ndefining++] = (struct Defining){evaluator ? pid_serial(evaluator->pid) : 0, m};
}

/* Another process's entries may lie above m's: only m's goes. */
static void defining_pop(ModCtx *m)
{
    CompileState *cs = COMPILE;
    for (size_t i = cs->ndefining; i-- > 0;)
        if (cs->defining[i].m == m) {
            memmove(&cs->defining[i], &cs->defining[i + 1], (cs->ndefining - i - 1) * sizeof *cs->defining);
            cs->ndefining--;
            return;
        }
}

/* Runs one statement of a module body (or an attribute's value) now. The
 * body's variables so far come in as registers 0..; the statement answers
 * {value, each variable it left bound}, which the next statements see. */
static Term eval_in_module(ModCtx *m, Term ast, int line)
{
    Function *f = module_own(xcalloc(1, sizeof *f));
    /* Elixir 1.14 runs a module body as :elixir_compiler_1.__MODULE__/1,
     * which a stack trace shows as "(module)" (vm.c's stack_entry gives
     * it that arity; its own arity stays 0, see compile_run.c) */
    f->module = A("elixir_compiler_1");
    f->name = A("__MODULE__");
    FnCtx c;
    fn_init(&c, m, NULL, f);
    c.warn = WARN_NONE;
    c.line = line;
    size_t nin = m->nbody;
    uint32_t params = nin ? reg_alloc_n(&c, (uint32_t)nin) : 0;
    for (size_t i = 0; i < nin; i++) var_bind(&c, m->body_names[i], ATOM_nil, params + (uint32_t)i);
    uint32_t r = reg_alloc(&c);
    bool in_statement = m->in_body_statement;
    m->in_body_statement = m->module != NULL;
    compile_expr(&c, ast, r, false);
    m->in_body_statement = in_statement;
    /* the latest register of each variable bound at the top of the statement */
    size_t nout = 0;
    Term *names = xmalloc((c.nvars + 1) * sizeof(Term));
    uint32_t *regs = xmalloc((c.nvars + 1) * sizeof(uint32_t));
    for (size_t i = c.nvars; i-- > 0;) {
        if (c.vars[i].context != ATOM_nil) continue;
        bool seen = false;
        for (size_t k = 0; k < nout && !seen; k++) seen = names[k] == c.vars[i].name;
        if (seen) continue;
        names[nout] = c.vars[i].name;
        regs[nout++] = c.vars[i].reg;
    }
    uint32_t out = reg_alloc_n(&c, (uint32_t)nout + 1);
    emit(&c, OP_MOVE, (Code)out, (Code)r);
    for (size_t k = 0; k < nout; k++) emit(&c, OP_MOVE, (Code)(out + 1 + k), (Code)regs[k]);
    uint32_t tuple = reg_alloc(&c);
    emit(&c, OP_MAKE_TUPLE, (Code)tuple, (Code)out, (Code)(nout + 1));
    emit(&c, OP_RETURN, (Code)tuple);
    fn_finish(&c);
    free(regs);
    Term cls, reason, stack;
    Process *evaluator = sched_evaluator();
    defining_push(evaluator, m);
    Term v = vm_eval_in(evaluator, f, m->body_values, (uint32_t)nin, literal_heap(), &cls, &reason, &stack);
    defining_pop(m);
    if (v != TERM_NONE) {
        for (size_t k = 0; k < nout; k++) body_bind(m, names[k], tuple_get(v, 1 + k));
        v = tuple_get(v, 0);
    }
    free(names);
    if (v == TERM_NONE) {
        char *text = rt->format_exception(cls, reason, stack);
        snprintf(m->err->kind, sizeof m->err->kind, "%s", "");
        m->err->stack[0] = 0;
        m->err->shell_stack = NULL;
        snprintf(m->err->message, sizeof m->err->message, "%s", text);
        free(text);
        longjmp(*m->on_error, 1);
    }
    return v;
}

static Term eval_constant(ModCtx *m, Term ast, int line)
{
    Term name, meta, args;
    if (term_is_small(ast) || term_is_atom(ast) || term_is_bitstring(ast) || term_is_float(ast) || ast == TERM_NIL ||
        term_is_bignum(ast))
        return literal(ast);
    if (ast_is_call(ast, &name, &meta, &args) && name == A("__aliases__")) {
        Term mod = expand_alias(m, ast);
        if (mod != TERM_NONE) return mod;
    }
    return eval_in_module(m, ast, line);
}

static void set_attribute(ModCtx *m, Term name, Term value)
{
    if (m->nattrs == m->attrs_cap) {
        size_t grown = m->attrs_cap ? m->attrs_cap * 2 : 16;
        m->attrs = xrealloc(m->attrs, grown * sizeof(Attribute));
        m->attrs_cap = grown; /* only once the memory is there */
    }
    m->attrs[m->nattrs++] = (Attribute){name, value};
}

static bool list_member(Term list, Term x)
{
    for (; term_is_cons(list); list = cons_tail(list))
        if (cons_head(list) == x) return true;
    return false;
}

/* The attribute's latest value; an accumulating one starts as []. */
static Term attribute_value(ModCtx *m, Term name)
{
    for (size_t i = m->nattrs; i-- > 0;)
        if (m->attrs[i].name == name) return m->attrs[i].value;
    return TERM_NIL;
}

/* Module.register_attribute(__MODULE__, :name, opts) in a module body: with
 * accumulate: true, each later `@name value` adds to a list, newest first. */
static bool register_attribute(ModBuild *b, Term item, int line)
{
    Term callee, args, dot, dmeta, dargs;
    if (!term_is_tuple(item) || tuple_size(item) != 3) return false;
    callee = tuple_get(item, 0);
    args = tuple_get(item, 2);
    if (!ast_is_call(callee, &dot, &dmeta, &dargs) || dot != A(".") || list_length(dargs) != 2 || list_length(args) != 3)
        return false;
    Term target = list_nth(dargs, 0), fun = list_nth(dargs, 1);
    if (fun != A("register_attribute") || expand_alias(b->m, target) != A("Elixir.Module")) return false;
    Term name = eval_constant(b->m, list_nth(args, 1), line);
    Term opts = eval_constant(b->m, list_nth(args, 2), line);
    if (!term_is_atom(name)) return false;
    if (kw_get(opts, A("accumulate")) == ATOM_true && !list_member(b->accumulating, name)) {
        b->accumulating = cons_new(literal_heap(), name, b->accumulating);
        set_attribute(b->m, name, TERM_NIL);
    }
    if (kw_get(opts, A("persist")) == ATOM_true && !list_member(b->persisting, name))
        b->persisting = cons_new(literal_heap(), name, b->persisting);
    return true;
}

/* The persisted attributes, as the module's attributes give them: each
 * value a list (an Erlang attribute's), an accumulated one's values one
 * entry each, oldest first; ahead of what the module had. */
static Term persisted_attributes(ModBuild *b, Term existing)
{
    Heap *h = literal_heap();
    ModCtx *m = b->m;
    Term out = existing;
    for (Term l = b->persisting; term_is_cons(l); l = cons_tail(l)) {
        Term name = cons_head(l), value = TERM_NONE;
        for (size_t i = m->nattrs; i-- > 0 && value == TERM_NONE;)
            if (m->attrs[i].name == name) value = m->attrs[i].value;
        if (value == TERM_NONE) continue;
        if (list_member(b->accumulating, name)) {
            /* newest first already: prepending keeps the oldest in front */
            Term acc = TERM_NIL;
            for (Term v = value; term_is_cons(v); v = cons_tail(v)) acc = cons_new(h, cons_head(v), acc);
            Term items = TERM_NIL;
            for (Term v = acc; term_is_cons(v); v = cons_tail(v)) {
                Term one = term_is_list(cons_head(v)) ? cons_head(v) : cons_new(h, cons_head(v), TERM_NIL);
                items = cons_new(h, tuple2(h, name, one), items);
            }
            for (Term v = items; term_is_cons(v); v = cons_tail(v)) out = cons_new(h, cons_head(v), out);
        } else {
            Term one = term_is_list(value) ? value : cons_new(h, value, TERM_NIL);
            out = cons_new(h, tuple2(h, name, one), out);
        }
    }
    return out;
}

static const char *const unevaluated_attributes[] = {
    "doc", "moduledoc", "typedoc", "spec", "type", "typep", "opaque", "callback", "macrocallback",
    "impl", "behaviour", "dialyzer", "compile", "deprecated", "since", "optional_callbacks",
    "on_load", "vsn", "after_compile", "before_compile", "external_resource", "file", NULL};

/* ---- def ------------------------------------------------------------------------------ */

static FnDef *def_for(ModBuild *b, Term name, uint32_t arity, int kind, int line)
{
    for (size_t i = 0; i < b->ndefs; i++)
        if (b->defs[i].name == name && b->defs[i].arity == arity) {
            /* (what `use` injected, the module may redefine as it likes) */
            if ((b->defs[i].kind & 1) != (kind & 1) && !b->defs[i].overridable)
                compile_fail_mod(b->m, line, "CompileError", "%s %s/%u is private, %s%s/%u was previously defined as public",
                                 (kind & 1) ? "defp" : "def", atom_text(name), arity, "", atom_text(name), arity);
            return &b->defs[i];
        }
    if (b->ndefs == b->cap) {
        size_t grown = b->cap ? b->cap * 2 : 16;
        b->defs = xrealloc(b->defs, grown * sizeof(FnDef));
        b->cap = grown; /* only once the memory is there */
    }
    FnDef *d = &b->defs[b->ndefs++];
    memset(d, 0, sizeof *d);
    d->name = name;
    d->arity = arity;
    d->kind = kind;
    d->default_params = TERM_NONE;
    d->line = line;
    return d;
}

static int def_kind(Term name)
{
    if (name == A("def")) return 0;
    if (name == A("defp")) return 1;
    if (name == A("defmacro")) return 2;
    if (name == A("defmacrop")) return 3;
    return -1;
}

/* Reads `def head, do: body` into name, params, guard and body. */
static bool def_parts(Term args, Term *fname, Term *params, Term *guard, Term *body, Term *meta)
{
    Term head = list_nth(args, 0), opts = list_length(args) > 1 ? list_nth(args, 1) : TERM_NONE;
    Term name, m, a;
    *guard = TERM_NONE;
    if (ast_is_call(head, &name, &m, &a) && name == A("when") && list_length(a) == 2) {
        *guard = list_nth(a, 1);
        head = list_nth(a, 0);
    }
    if (!term_is_tuple(head) || tuple_size(head) != 3) return false;
    *fname = tuple_get(head, 0);
    /* def unquote(:in)(a, b): names that are reserved words */
    Term uq_args;
    if (ast_is_call(*fname, &name, &m, &uq_args) && name == A("unquote") && list_length(uq_args) == 1 &&
        term_is_atom(list_nth(uq_args, 0)))
        *fname = list_nth(uq_args, 0);
    if (!term_is_atom(*fname)) return false;
    *meta = tuple_get(head, 1);
    *params = term_is_list(tuple_get(head, 2)) ? tuple_get(head, 2) : TERM_NIL;
    *body = TERM_NONE;
    if (opts != TERM_NONE) {
        Term d = kw_get(opts, ATOM_do);
        if (d != TERM_NONE) {
            /* def f do ... rescue ... end: an implicit try */
            if (kw_get(opts, ATOM_rescue) != TERM_NONE || kw_get(opts, ATOM_catch) != TERM_NONE || kw_get(opts, ATOM_after) != TERM_NONE)
                d = tuple3(literal_heap(), A("try"), TERM_NIL, list_from(literal_heap(), 1, &opts));
            *body = d;
        }
    }
    return true;
}

static size_t count_defaults(Term params)
{
    size_t n = 0;
    for (Term l = params; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, a;
        if (ast_is_call(cons_head(l), &name, &meta, &a) && name == A("\\\\")) n++;
    }
    return n;
}

static Term strip_defaults(Heap *h, Term params)
{
    size_t n = list_length(params);
    Term *items = xmalloc((n + 1) * sizeof(Term));
    size_t i = 0;
    for (Term l = params; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, a, p = cons_head(l);
        items[i++] = (ast_is_call(p, &name, &meta, &a) && name == A("\\\\")) ? list_nth(a, 0) : p;
    }
    Term out = list_from(h, n, items);
    free(items);
    return out;
}

/* The params as the documentation shows them: a default read from a module
 * attribute shows its value, `timeout \\ 5000` rather than
 * `timeout \\ @default_timeout`, as Elixir's docs do. */
static Term doc_params(ModCtx *m, Term params)
{
    size_t n = list_length(params);
    Term *items = xmalloc((n + 1) * sizeof(Term));
    size_t i = 0;
    for (Term l = params; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, a, attr, ameta, aargs, p = cons_head(l);
        items[i] = p;
        if (ast_is_call(p, &name, &meta, &a) && name == A("\\\\") && ast_is_call(list_nth(a, 1), &attr, &ameta, &aargs) &&
            attr == A("@") && list_length(aargs) == 1 && term_is_tuple(list_nth(aargs, 0))) {
            Term value = attribute_value(m, tuple_get(list_nth(aargs, 0), 0));
            if (term_is_small(value) || term_is_atom(value) || term_is_binary(value))
                items[i] = tuple3(literal_heap(), name, meta, list_from(literal_heap(), 2, (Term[]){list_nth(a, 0), value}));
        }
        i++;
    }
    Term out = list_from(literal_heap(), n, items);
    free(items);
    return out;
}

static void record_def(ModBuild *b, Term form_name, Term args, int line, bool from_use)
{
    ModCtx *m = b->m;
    Heap *h = literal_heap();
    Term fname, params, guard, body, meta;
    if (!def_parts(args, &fname, &params, &guard, &body, &meta))
        compile_fail_mod(m, line, "CompileError", "invalid syntax in def");
    int kind = def_kind(form_name);
    uint32_t arity = (uint32_t)list_length(params);
    size_t before = b->ndefs;
    FnDef *d = def_for(b, fname, arity, kind, line);
    bool fresh = b->ndefs > before;
    if (fresh) {
        d->overridable = from_use;
        d->generated = b->generating;
    }
    else if (d->overridable && !from_use) {
        d->n = 0; /* the module overrides what `use` injected */
        d->overridable = false;
        d->kind = kind; /* a defp may replace an injected def */
        d->default_params = TERM_NONE;
        d->line = line;
        fresh = true;
    }
    if (b->pending_impl_value != TERM_NONE)
        behaviour_note_impl(&b->beh, fname, arity, (uint32_t)count_defaults(params), kind, line, from_use || b->generating, b->pending_impl_value);
    b->pending_impl_value = TERM_NONE;
    if (fresh) {
        d->seq = b->next_seq++;
        d->doc = b->pending_doc != TERM_NONE ? b->pending_doc : b->pending_impl ? ATOM_false : TERM_NONE;
        d->sig_params = params;
        d->doc_meta = b->pending_meta;
    } else if (b->pending_doc != TERM_NONE) {
        d->doc = b->pending_doc; /* a @doc before a later clause counts too */
    }
    b->pending_doc = TERM_NONE;
    b->pending_meta = TERM_NIL;
    b->pending_impl = false;
    size_t ndef = count_defaults(params);
    if (ndef) {
        if (d->default_params != TERM_NONE)
            compile_fail_mod(m, line, "CompileError", "def %s/%u defines defaults multiple times. Elixir allows defaults to be declared once per definition.", atom_text(fname), arity);
        d->default_params = params;
        d->default_nattrs = m->nattrs;
        d->sig_params = doc_params(m, params);
    }
    if (body == TERM_NONE) return; /* a function head */
    Term plain = strip_defaults(h, params);
    Term head = plain;
    if (guard != TERM_NONE) {
        /* [{:when, _, [p1, ..., pn, guard]}] */
        size_t n = list_length(plain);
        Term *items = xmalloc((n + 2) * sizeof(Term));
        for (size_t i = 0; i < n; i++) items[i] = list_nth(plain, i);
        items[n] = guard;
        head = list_from(h, 1, (Term[]){tuple3(h, A("when"), TERM_NIL, list_from(h, n + 1, items))});
        free(items);
    }
    Term clause_meta = list_from(h, 1, (Term[]){tuple2(h, ATOM_line, small_make(line))});
    Term clause = tuple3(h, A("->"), clause_meta, list_from(h, 2, (Term[]){head, body}));
    if (d->n == d->cap) {
        size_t grown = d->cap ? d->cap * 2 : 4;
        d->clauses = xrealloc(d->clauses, grown * sizeof(ClauseDef));
        d->cap = grown; /* only once the memory is there */
    }
    d->clauses[d->n++] = (ClauseDef){clause, m->nattrs, line};
}

static void compile_fndef(ModBuild *b, FnDef *d)
{
    ModCtx *m = b->m;
    Function *f = module_function(m->module, d->name, d->arity);
    f->exported = d->kind == 0 || d->kind == 2;
    f->is_macro = d->kind >= 2;
    FnCtx c;
    fn_init(&c, m, NULL, f);
    m->warn_into = &d->warnings;
    c.line = d->line;
    Term *heads = xmalloc((d->n + 1) * sizeof(Term));
    int *lines = xmalloc((d->n + 1) * sizeof(int));
    for (size_t i = 0; i < d->n; i++) heads[i] = d->clauses[i].head, lines[i] = d->clauses[i].line;
    warn_shadowed_clauses(&c, heads, lines, d->n, d->name, d->arity);
    free(heads);
    free(lines);
    uint32_t *args = xmalloc((d->arity + 1) * sizeof(uint32_t));
    uint32_t first = reg_alloc_n(&c, d->arity);
    c.nparams = d->arity;
    for (uint32_t i = 0; i < d->arity; i++) args[i] = first + i;
    uint32_t r = reg_alloc(&c);
    size_t all_attrs = m->nattrs;
    for (size_t i = 0; i < d->n; i++) {
        m->nattrs = d->clauses[i].nattrs;
        Term one = list_from(m->scratch, 1, &d->clauses[i].head);
        uint32_t done = compile_clauses(&c, one, args, d->arity, r, true);
        label_place(&c, done);
    }
    m->nattrs = all_attrs;
    c.line = d->n ? d->clauses[0].line : d->line; /* the BEAM reports the first clause's line */
    emit(&c, OP_FUNC_CLAUSE);
    fn_finish(&c);
    m->warn_into = NULL;
    free(args);
}

static int def_seq_order(const void *pa, const void *pb)
{
    const FnDef *a = *(const FnDef *const *)pa, *b = *(const FnDef *const *)pb;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* The defs' warnings, in the order the module defined them. */
static void give_def_warnings(ModBuild *b)
{
    FnDef **order = xmalloc((b->ndefs + 1) * sizeof *order);
    for (size_t i = 0; i < b->ndefs; i++) order[i] = &b->defs[i];
    qsort(order, b->ndefs, sizeof *order, def_seq_order);
    for (size_t i = 0; i < b->ndefs; i++)
        if (order[i]->warnings.len) io_write(2, order[i]->warnings.text, order[i]->warnings.len);
    free(order);
}

/* What the module said about behaviours and @impl, checked against its
 * definitions (compile_behaviour.c), and its unused private functions
 * (compile_locals.c). */
static void check_behaviours(ModBuild *b)
{
    DefSummary *defs = xmalloc((b->ndefs + 1) * sizeof *defs);
    for (size_t i = 0; i < b->ndefs; i++) {
        FnDef *d = &b->defs[i];
        uint32_t ndefaults = d->default_params != TERM_NONE ? (uint32_t)count_defaults(d->default_params) : 0;
        defs[i] = (DefSummary){d->name, d->arity, ndefaults, d->kind, d->line, d->overridable || d->generated};
    }
    /* in Elixir's order: GenServer's __before_compile__, the unused
     * private functions, then the behaviours' checks */
    behaviour_warn_default_init(b->m, &b->beh, defs, b->ndefs);
    locals_warn_unused(b->m, defs, b->ndefs);
    behaviour_check(b->m, &b->beh, defs, b->ndefs);
    free(defs);
}

/* def f(a, b \\ 1) also defines f/1 calling f(a, 1). */
static void compile_default_wrappers(ModBuild *b, FnDef *d)
{
    ModCtx *m = b->m;
    Heap *h = literal_heap();
    size_t ndef = count_defaults(d->default_params);
    size_t required = d->arity - ndef;
    for (size_t k = required; k < d->arity; k++) {
        /* f/k: the first k - required defaults are given */
        Term *params = xmalloc((k + 1) * sizeof(Term)), *call_args = xmalloc((d->arity + 1) * sizeof(Term));
        size_t given = 0, pi = 0, provided_defaults = k - required, seen_defaults = 0;
        for (Term l = d->default_params; term_is_cons(l); l = cons_tail(l)) {
            Term name, meta, a, p = cons_head(l);
            bool is_default = ast_is_call(p, &name, &meta, &a) && name == A("\\\\");
            char vn[32];
            if (is_default && seen_defaults++ >= provided_defaults) {
                call_args[pi++] = list_nth(a, 1);
                continue;
            }
            snprintf(vn, sizeof vn, "default_arg%zu", given);
            Term var = tuple3(h, A(vn), TERM_NIL, A("genlab_defaults"));
            params[given++] = var;
            call_args[pi++] = var;
        }
        Term call = tuple3(h, d->name, TERM_NIL, list_from(h, d->arity, call_args));
        Term clause = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, k, params), call}));
        Function *f = module_function(m->module, d->name, (uint32_t)k);
        if (f->defined) compile_fail_mod(m, d->line, "CompileError", "def %s/%zu defaults conflicts with %s/%zu", atom_text(d->name), (size_t)d->arity, atom_text(d->name), k);
        f->exported = d->kind == 0;
        FnCtx c;
        fn_init(&c, m, NULL, f);
        c.line = d->line;
        uint32_t *args = xmalloc((k + 1) * sizeof(uint32_t));
        uint32_t first = reg_alloc_n(&c, (uint32_t)k);
        for (uint32_t i = 0; i < k; i++) args[i] = first + i;
        uint32_t r = reg_alloc(&c);
        size_t all_attrs = m->nattrs;
        m->nattrs = d->default_nattrs;
        uint32_t done = compile_clauses(&c, list_from(h, 1, &clause), args, (uint32_t)k, r, true);
        label_place(&c, done);
        m->nattrs = all_attrs;
        emit(&c, OP_FUNC_CLAUSE);
        fn_finish(&c);
        free(args);
        free(params);
        free(call_args);
    }
}

static void define_constant_function(Module *mod, Term name, Term value)
{
    Function *f = module_function(mod, name, 0);
    f->exported = true;
    f->code = module_own(xmalloc(5 * sizeof(Code)));
    f->threaded = false;
    f->code[0] = OP_LOADK;
    f->code[1] = 0;
    f->code[2] = (Code)value;
    f->code[3] = OP_RETURN;
    f->code[4] = 0;
    f->code_len = 5;
    f->nregs = 2;
    f->defined = true;
    f->file = mod->file;
}

/* ---- the body ----------------------------------------------------------------------------- */

static void collect_items(ModCtx *m, Term body, Term **items, size_t *n, size_t *cap);

static void push_item(Term **items, size_t *n, size_t *cap, Term item)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *items = xrealloc(*items, *cap * sizeof(Term));
    }
    (*items)[(*n)++] = item;
}

/* Flattens blocks and expands `use` in place. */
static void collect_items(ModCtx *m, Term body, Term **items, size_t *n, size_t *cap)
{
    Term name, meta, args;
    if (ast_is_call(body, &name, &meta, &args) && name == A("__block__")) {
        for (Term l = args; term_is_cons(l); l = cons_tail(l)) collect_items(m, cons_head(l), items, n, cap);
        return;
    }
    if (ast_is_call(body, &name, &meta, &args) && name == A("use") && list_length(args) >= 1) {
        int line = meta_line(meta);
        Term mod = expand_alias(m, list_nth(args, 0));
        if (mod == TERM_NONE) compile_fail_mod(m, line, "CompileError", "invalid argument for use");
        Module *target = module_lookup(mod);
        if (!target) compile_fail_mod(m, line, "CompileError", "module %s is not loaded and could not be found", module_display_name(mod));
        Function *using = module_find_function(target, A("__using__"), 1);
        if (!using || !using->is_macro)
            compile_fail_mod(m, line, "UndefinedFunctionError", "function %s.__using__/1 is undefined or private", module_display_name(mod));
        Term opts = list_length(args) > 1 ? list_nth(args, 1) : TERM_NIL;
        Term cls, reason, stack;
        Term expansion = vm_eval_in(sched_evaluator(), using, &opts, 1, literal_heap(), &cls, &reason, &stack);
        if (expansion == TERM_NONE) compile_fail_mod(m, line, "CompileError", "error while expanding use %s", module_display_name(mod));
        expansion = quote_linify(m, literal_heap(), expansion, line, 0);
        push_item(items, n, cap, body); /* keeps `use` visible as a no-op marker */
        /* What __using__ injects is marked: its definitions are overridable. */
        Term *injected = NULL;
        size_t ni = 0, icap = 0;
        collect_items(m, expansion, &injected, &ni, &icap);
        for (size_t i = 0; i < ni; i++) {
            Term name2, meta2, args2;
            bool marked = ast_is_call(injected[i], &name2, &meta2, &args2) && name2 == A("genlab_from_use");
            push_item(items, n, cap, marked ? injected[i] : tuple3(literal_heap(), A("genlab_from_use"), TERM_NIL, list_from(literal_heap(), 1, &injected[i])));
        }
        free(injected);
        return;
    }
    push_item(items, n, cap, body);
}

static Term compile_module_body(ModCtx *parent, Term name, Term body, const char *file, int line, CompileError *err, jmp_buf *on_error);

static void local_add(ModCtx *m, Term name, uint32_t arity, int kind)
{
    if (m->nlocals == m->locals_cap) {
        size_t grown = m->locals_cap ? m->locals_cap * 2 : 32;
        m->locals = xrealloc(m->locals, grown * sizeof(LocalDef));
        m->locals_cap = grown; /* only once the memory is there */
    }
    m->locals[m->nlocals++] = (LocalDef){name, arity, kind};
}

/* Adds the `def`s of Elixir source the compiler writes itself (what
 * defstruct, defexception and every module get) as if the module had them. */
static void record_generated(ModBuild *b, const char *src, int line)
{
    ModCtx *m = b->m;
    ParseError perr;
    Term gen = parse_source(literal_heap(), src, strlen(src), m->file, &perr);
    if (gen == TERM_NONE) fatal("compiler: a generated definition does not parse: %s", perr.message);
    Term *items = NULL;
    size_t n = 0, cap = 0;
    collect_items(m, gen, &items, &n, &cap);
    Term pending = b->pending_doc, pending_impl = b->pending_impl_value;
    b->pending_impl_value = TERM_NONE; /* an @impl is for the module's next def */
    b->generating = true;
    for (size_t i = 0; i < n; i++) {
        Term name, meta, args, fname, params, guard, body, fmeta;
        ast_is_call(items[i], &name, &meta, &args);
        def_parts(args, &fname, &params, &guard, &body, &fmeta);
        local_add(m, fname, (uint32_t)list_length(params), 0);
        b->pending_doc = ATOM_false; /* what the compiler writes has no docs to show */
        record_def(b, name, args, line, false);
    }
    b->pending_doc = pending;
    b->pending_impl_value = pending_impl;
    b->generating = false;
    free(items);
}

/* Module.__info__/1: answered by a native that reads the module table. */
static void define_info_function(ModBuild *b)
{
    for (size_t i = 0; i < b->ndefs; i++)
        if (b->defs[i].name == A("__info__") && b->defs[i].arity == 1) return;
    record_generated(b, "def __info__(kind), do: :genlab.module_info(__MODULE__, kind)\n", 0);
}

/* The binary in defmodule's {:module, name, binary, last}. Real Elixir gives
 * the BEAM file; genlab has no BEAM file, so it gives one shaped like it: the
 * "FOR1" container, a "BEAM" form and an "AtU8" atom chunk naming the module,
 * the atoms every Elixir module has, and its functions. The shell and
 * IO.inspect show only its first bytes, which then read as the BEAM's do. */
static void put_be32(uint8_t *at, size_t v)
{
    at[0] = (uint8_t)(v >> 24);
    at[1] = (uint8_t)(v >> 16);
    at[2] = (uint8_t)(v >> 8);
    at[3] = (uint8_t)v;
}

static void put_atom(uint8_t *buf, size_t *n, const char *text)
{
    size_t len = strlen(text);
    if (len > 255) len = 255;
    buf[(*n)++] = (uint8_t)len;
    memcpy(buf + *n, text, len);
    *n += len;
}

Term module_result(Heap *h, Term name, Term last)
{
    static const char *const standard[] = {"__info__", "attributes", "compile", "deprecated", "exports_md5", "functions",
                                           "macros", "md5", "module", "struct", "erlang", "get_module_info", "module_info"};
    size_t nstd = sizeof standard / sizeof *standard;
    Module *mod = module_lookup(name);
    size_t cap = 32 + 256 * (1 + nstd), nfun = 0;
    for (Function *f = mod ? mod->functions : NULL; f; f = f->next_in_module) cap += 256;
    uint8_t *buf = xcalloc(cap, 1);
    size_t n = 24;
    put_atom(buf, &n, atom_text(name));
    for (size_t i = 0; i < nstd; i++) put_atom(buf, &n, standard[i]);
    for (Function *f = mod ? mod->functions : NULL; f; f = f->next_in_module) {
        if (!f->exported || !term_is_atom(f->name)) continue;
        put_atom(buf, &n, atom_text(f->name));
        nfun++;
    }
    size_t chunk = n - 20;
    n = (n + 3) & ~(size_t)3;
    memcpy(buf, "FOR1", 4);
    memcpy(buf + 8, "BEAMAtU8", 8);
    put_be32(buf + 16, chunk);
    put_be32(buf + 20, 1 + nstd + nfun);
    /* the form's size as the BEAM's would be: the other chunks (code,
     * literals, docs) take about this much for a small module */
    put_be32(buf + 4, n - 8 + 1024 + 96 * nfun);
    Term bin = binary_new(h, buf, n);
    free(buf);
    return tuple4(h, A("module"), name, bin, term_copy(h, last));
}

/* The guard's body with each parameter variable wrapped in unquote. The
 * depth is bounded as quote's own walk is. */
static Term guard_unquote_params(ModCtx *m, Heap *h, Term ast, Term params, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(m, 0);
    Term name, ctx;
    if (ast_is_var(ast, &name, &ctx)) {
        for (Term l = params; term_is_cons(l); l = cons_tail(l)) {
            Term pname, pctx;
            if (ast_is_var(cons_head(l), &pname, &pctx) && pname == name)
                return tuple3(h, A("unquote"), TERM_NIL, list_from(h, 1, &ast));
        }
        return ast;
    }
    if (term_is_cons(ast)) {
        size_t n = list_length(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        size_t i = 0;
        Term l = ast;
        for (; term_is_cons(l); l = cons_tail(l)) items[i++] = guard_unquote_params(m, h, cons_head(l), params, depth + 1);
        Term out = l;
        for (size_t j = n; j-- > 0;) out = cons_new(h, items[j], out);
        free(items);
        return out;
    }
    if (term_is_tuple(ast)) {
        size_t n = tuple_size(ast);
        Term t = tuple_new(h, n);
        for (size_t i = 0; i < n; i++) tuple_elems(t)[i] = guard_unquote_params(m, h, tuple_get(ast, i), params, depth + 1);
        return t;
    }
    return ast;
}

/* defguard name(a, b) when expr is a macro answering expr's AST with the
 * arguments' ASTs in place of a and b, usable in guards and in code. */
static Term rewrite_defguard(ModCtx *m, Term item)
{
    Term name, meta, args;
    if (!ast_is_call(item, &name, &meta, &args) || (name != A("defguard") && name != A("defguardp"))) return item;
    Heap *h = literal_heap();
    Term wname, wmeta, wargs, hname, hmeta, params;
    if (list_length(args) != 1 || !ast_is_call(list_nth(args, 0), &wname, &wmeta, &wargs) || wname != A("when") ||
        list_length(wargs) != 2 || !ast_is_call(list_nth(wargs, 0), &hname, &hmeta, &params))
        compile_fail_mod(m, meta_line(meta), "ArgumentError", "invalid syntax in %s", atom_text(name));
    Term body = guard_unquote_params(m, h, list_nth(wargs, 1), params, 0);
    Term quote_opts = list_from(h, 1, (Term[]){tuple2(h, ATOM_do, body)});
    Term quote = tuple3(h, A("quote"), TERM_NIL, list_from(h, 1, &quote_opts));
    Term def_opts = list_from(h, 1, (Term[]){tuple2(h, ATOM_do, quote)});
    Term head = list_nth(wargs, 0);
    Term kind = name == A("defguard") ? A("defmacro") : A("defmacrop");
    return tuple3(h, kind, meta, list_from(h, 2, (Term[]){head, def_opts}));
}

static Term run_module_body(ModBuild *b, Term *items, size_t nitems)
{
    for (size_t i = 0; i < nitems; i++) items[i] = rewrite_defguard(b->m, items[i]);
    ModCtx *m = b->m;
    Term last = ATOM_nil;
    /* First pass: which functions the module defines (for local calls). */
    for (size_t i = 0; i < nitems; i++) {
        Term name, meta, args, item = items[i];
        if (ast_is_call(item, &name, &meta, &args) && name == A("genlab_from_use")) item = list_nth(args, 0);
        if (!ast_is_call(item, &name, &meta, &args)) continue;
        int kind = def_kind(name);
        if (kind < 0) continue;
        Term fname, params, guard, body, fmeta;
        if (!def_parts(args, &fname, &params, &guard, &body, &fmeta)) continue;
        size_t arity = list_length(params), ndef = count_defaults(params);
        for (size_t a = arity - ndef; a <= arity; a++) local_add(m, fname, (uint32_t)a, kind);
    }
    for (size_t i = 0; i < nitems; i++) {
        Term item = items[i], name, meta, args;
        int line = 0;
        bool from_use = false;
        if (ast_is_call(item, &name, &meta, &args) && name == A("genlab_from_use")) {
            item = list_nth(args, 0);
            from_use = true;
        }
        if (register_attribute(b, item, line)) {
            last = A("ok");
            continue;
        }
        if (ast_is_call(item, &name, &meta, &args) && term_is_atom(name)) {
            line = meta_line(meta);
            const char *op = atom_text(name);
            int kind = def_kind(name);
            if (kind >= 0) {
                record_def(b, name, args, line, from_use);
                Term fname, params, guard, body, fmeta;
                def_parts(args, &fname, &params, &guard, &body, &fmeta);
                last = tuple2(m->scratch, fname, small_make((int64_t)list_length(params)));
                continue;
            }
            if (!strcmp(op, "@") && list_length(args) == 1) {
                Term inner = list_nth(args, 0), aname, ameta, aargs;
                if (ast_is_call(inner, &aname, &ameta, &aargs) && list_length(aargs) == 1) {
                    bool skip = false;
                    for (int k = 0; unevaluated_attributes[k]; k++)
                        if (!strcmp(atom_text(aname), unevaluated_attributes[k])) skip = true;
                    Term value = skip ? literal(ATOM_true) : eval_constant(m, list_nth(aargs, 0), line);
                    if (skip && aname == A("impl")) {
                        value = list_nth(aargs, 0);
                        b->pending_impl = value != ATOM_false;
                        b->pending_impl_value = behaviour_impl_value(m, value);
                    }
                    if (skip) behaviour_note_attribute(m, &b->beh, aname, list_nth(aargs, 0));
                    if (aname == A("doc") || aname == A("moduledoc")) {
                        /* a string or false; `@doc since: ...` and the like say nothing here */
                        Term doc = eval_constant(m, list_nth(aargs, 0), line);
                        if (term_is_binary(doc) || doc == ATOM_false) {
                            if (aname == A("doc")) b->pending_doc = doc;
                            else b->moduledoc = doc;
                        } else if (aname == A("doc") && term_is_list(doc)) {
                            b->pending_meta = doc;
                        }
                    }
                    if (aname == A("derive")) b->derive = cons_new(literal_heap(), value, b->derive);
                    if (list_member(b->accumulating, aname)) value = cons_new(literal_heap(), value, attribute_value(m, aname));
                    set_attribute(m, aname, value);
                    last = value;
                    continue;
                }
            }
            if ((!strcmp(op, "defstruct") || !strcmp(op, "defexception")) && list_length(args) == 1) {
                bool is_exc = !strcmp(op, "defexception");
                Term fields = eval_constant(m, list_nth(args, 0), line);
                size_t nf = list_length(fields) + (is_exc ? 1 : 0);
                Term *keys = xmalloc((nf + 2) * sizeof(Term)), *vals = xmalloc((nf + 2) * sizeof(Term));
                Term *order = xmalloc((nf + 1) * sizeof(Term));
                size_t k = 0, o = 0;
                if (is_exc) { keys[k] = ATOM___exception__; vals[k++] = ATOM_true; }
                for (Term l = fields; term_is_cons(l); l = cons_tail(l)) {
                    Term f = cons_head(l);
                    if (term_is_atom(f)) { keys[k] = f; vals[k++] = ATOM_nil; order[o++] = f; }
                    else if (term_is_tuple(f) && tuple_size(f) == 2 && term_is_atom(tuple_get(f, 0))) {
                        keys[k] = tuple_get(f, 0); vals[k++] = tuple_get(f, 1); order[o++] = tuple_get(f, 0);
                    } else compile_fail_mod(m, line, "ArgumentError", "struct field names must be atoms, got: %s", "value");
                }
                keys[k] = ATOM___struct__;
                vals[k++] = m->name;
                m->module->struct_default = literal(map_from_pairs(literal_heap(), k, keys, vals));
                m->module->struct_fields = tuple_from(literal_heap(), o, order);
                define_constant_function(m->module, ATOM___struct__, m->module->struct_default);
                for (size_t k2 = m->nattrs; k2-- > 0;)
                    if (m->attrs[k2].name == A("enforce_keys")) {
                        Term e = m->attrs[k2].value;
                        m->module->struct_enforce = term_is_atom(e) ? literal(list_from(literal_heap(), 1, &e)) : e;
                        break;
                    }
                {
                    /* __struct__/1: defaults updated by a keyword list or map */
                    InspectOpts io;
                    inspect_opts_default(&io);
                    io.limit = -1;
                    char *enforce = inspect_to_cstring(m->module->struct_enforce, &io, NULL);
                    size_t cap2 = strlen(enforce) + 128;
                    char *src2 = xmalloc(cap2);
                    snprintf(src2, cap2, "def __struct__(fields), do: :genlab_struct.build(__struct__(), fields, %s)\n", enforce);
                    free(enforce);
                    record_generated(b, src2, line);
                    free(src2);
                }
                local_add(m, ATOM___struct__, 0, 0);
                if (is_exc) {
                    behaviour_note_attribute(m, &b->beh, A("behaviour"), A("Elixir.Exception"));
                    bool has_message = false, has_exception = false, msg_field = false;
                    for (size_t j = 0; j < m->nlocals; j++) {
                        if (m->locals[j].name == ATOM_message && m->locals[j].arity == 1) has_message = true;
                        if (m->locals[j].name == A("exception") && m->locals[j].arity == 1) has_exception = true;
                    }
                    for (size_t j = 0; j < o; j++) if (order[j] == ATOM_message) msg_field = true;
                    char src[1024];
                    snprintf(src, sizeof src, "%s%s%s",
                             !has_exception && msg_field ? "def exception(msg) when is_binary(msg), do: exception(message: msg)\n" : "",
                             !has_exception ? "def exception(args) when is_list(args), do: :maps.merge(__struct__(), :maps.from_list(args))\n" : "",
                             !has_message && msg_field ? "def message(exception), do: exception.message\n" : "");
                    record_generated(b, src, line);
                }
                free(keys);
                free(vals);
                free(order);
                /* @derive [...] asked for implementations of this struct */
                Term derive = TERM_NIL;
                for (Term l = b->derive; term_is_cons(l); l = cons_tail(l)) derive = cons_new(literal_heap(), cons_head(l), derive);
                for (Term l = derive; term_is_cons(l); l = cons_tail(l)) protocol_derive(m, cons_head(l), line);
                b->derive = TERM_NIL;
                last = m->module->struct_default; /* defstruct answers the struct */
                continue;
            }
            if ((!strcmp(op, "alias") || !strcmp(op, "import") || !strcmp(op, "require")) && list_length(args) >= 1) {
                module_directive(m, op, args, line);
                last = ATOM_nil;
                continue;
            }
            if (!strcmp(op, "defoverridable")) last = A("ok"); /* what Module.make_overridable/2 answers */
            if (!strcmp(op, "use") || !strcmp(op, "defoverridable") || !strcmp(op, "defdelegate_disabled")) continue;
            if (protocol_is_form(item)) {
                last = protocol_compile_form(m, item);
                continue;
            }
            if (!strcmp(op, "defmodule") && list_length(args) == 2) {
                Term alias_ast = list_nth(args, 0);
                Term inner = expand_alias(m, alias_ast);
                Term aname, ameta, segs;
                bool simple = ast_is_call(alias_ast, &aname, &ameta, &segs) && aname == A("__aliases__");
                if (simple) {
                    char buf[1024];
                    size_t len = (size_t)snprintf(buf, sizeof buf, "%s", atom_text(m->name));
                    for (Term s = segs; term_is_cons(s); s = cons_tail(s))
                        len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(cons_head(s)));
                    inner = A(buf);
                    char first[512];
                    snprintf(first, sizeof first, "Elixir.%s", atom_text(list_nth(segs, 0)));
                    char full_first[1024];
                    snprintf(full_first, sizeof full_first, "%s.%s", atom_text(m->name), atom_text(list_nth(segs, 0)));
                    add_alias(m, A(first), A(full_first));
                }
                /* compiled in full by an earlier attempt of a restarted
                 * compile (compile_run.h): installed, and skipped now */
                if (!compile_run_skip_module(inner, m->scratch, &last)) {
                    size_t from = compile_run_position();
                    last = compile_module_body(m, inner, kw_get(list_nth(args, 1), ATOM_do), m->file, line, m->err, m->on_error);
                    compile_run_module_done(inner, from, last);
                }
                last = module_result(m->scratch, inner, last);
                continue;
            }
        }
        /* Anything else runs now, at compile time; the definitions it
         * makes (a def in a for, a macro's def) join the module. */
        last = eval_in_module(m, item, line);
        Term made = TERM_NIL;
        for (Term l = m->body_defs; term_is_cons(l); l = cons_tail(l)) made = cons_new(literal_heap(), cons_head(l), made);
        m->body_defs = TERM_NIL;
        for (Term l = made; term_is_cons(l); l = cons_tail(l)) {
            Term kind_name = tuple_get(cons_head(l), 0), dargs = tuple_get(cons_head(l), 1);
            Term fname, params, guard, body, fmeta;
            if (!def_parts(dargs, &fname, &params, &guard, &body, &fmeta))
                compile_fail_mod(m, line, "CompileError", "invalid syntax in %s", atom_text(kind_name));
            size_t arity = list_length(params), ndef = count_defaults(params);
            for (size_t a = arity - ndef; a <= arity; a++) local_add(m, fname, (uint32_t)a, def_kind(kind_name));
            int dline = meta_line(fmeta);
            record_def(b, kind_name, dargs, dline > 0 ? dline : line, false);
        }
    }
    return last;
}

/* {moduledoc, [{kind, name, arity, params, doc, line, meta}]} for the public
 * definitions, in definition order; what Code.fetch_docs/1 builds on. */
static Term module_docs(ModBuild *b)
{
    Heap *h = literal_heap();
    Term entries = TERM_NIL;
    for (size_t i = b->ndefs; i-- > 0;) {
        FnDef *d = &b->defs[i];
        if (d->kind & 1) continue; /* defp, defmacrop */
        Term kind = d->kind == 2 ? A("macro") : A("function");
        Term doc = d->doc == TERM_NONE ? ATOM_nil : d->doc;
        Term params = d->sig_params == TERM_NONE ? TERM_NIL : d->sig_params;
        Term items[7] = {kind, d->name, small_make(d->arity), params, doc, small_make(d->line), d->doc_meta};
        entries = cons_new(h, tuple_from(h, 7, items), entries);
    }
    return tuple2(h, b->moduledoc == TERM_NONE ? ATOM_nil : b->moduledoc, entries);
}

/* Elixir's warning when a defmodule replaces a module that is loaded:
 * one defined in memory (by the program, the shell, or the tutorial
 * servers the shell requires), or one of Elixir's own, which the BEAM
 * loaded from its .beam file (genlab's library, core/lib/). */
static void warn_redefining(Term name, const char *file, int line)
{
    if (rt->compile_boot_mode) return;
    Module *old = module_lookup(name);
    if (!old) return;
    const char *text = atom_text(name), *app = "elixir";
    bool library = old->file && !strncmp(old->file, "core/lib/", 9);
    if (library && strncmp(text, "Elixir.", 7)) return; /* an Erlang module's path is no Elixir one's */
    if (!strncmp(text, "Elixir.Logger", 13) && (text[13] == 0 || text[13] == '.')) app = "logger";
    if (!strncmp(text, "Elixir.IEx", 10) && (text[10] == 0 || text[10] == '.')) app = "iex";
    char *shown = module_display_name(name), *where = NULL;
    int n = library ? asprintf(&where, "warning: redefining module %s (current version loaded from /usr/lib/elixir/bin/../lib/%s/ebin/%s.beam)\n  %s:%d\n\n",
                               shown, app, text, file ? file : "nofile", line)
                    : asprintf(&where, "warning: redefining module %s (current version defined in memory)\n  %s:%d\n\n", shown,
                               file ? file : "nofile", line);
    if (n > 0) io_write(2, where, (size_t)n);
    free(where);
    free(shown);
}

static Term compile_module_body(ModCtx *parent, Term name, Term body, const char *file, int line, CompileError *err, jmp_buf *on_error)
{
    warn_redefining(name, file, line);
    ModCtx m;
    memset(&m, 0, sizeof m);
    m.name = name;
    m.file = file;
    m.err = err;
    m.on_error = on_error;
    m.scratch = literal_heap();
    m.body_defs = TERM_NIL;
    m.module = module_new(name, file);
    m.parent = parent;
    if (parent) {
        for (size_t i = 0; i < parent->naliases; i++) add_alias(&m, parent->aliases[i].short_name, parent->aliases[i].full_name);
    }
    ModBuild b = {&m, NULL, 0, 0, TERM_NONE, TERM_NONE, TERM_NIL, false, TERM_NIL, TERM_NIL, TERM_NIL, 0, {0}, TERM_NONE, false};
    behaviour_notes_init(&b.beh);
    m.module->line = (uint32_t)line;
    Term *items = NULL;
    size_t nitems = 0, cap = 0;
    if (body != TERM_NONE) collect_items(&m, body, &items, &nitems, &cap);
    Term last = run_module_body(&b, items, nitems);
    define_info_function(&b);
    /* macros first: the functions after them may expand them (defguard) */
    for (int macros = 1; macros >= 0; macros--)
        for (size_t i = 0; i < b.ndefs; i++) {
            FnDef *d = &b.defs[i];
            if ((d->kind >= 2) != macros) continue;
            if (d->n == 0) compile_fail_mod(&m, d->line, "CompileError", "implementation not provided for predefined def %s/%u", atom_text(d->name), d->arity);
            compile_fndef(&b, d);
        }
    give_def_warnings(&b);
    check_behaviours(&b);
    warn_later_flush(&m);
    for (size_t i = 0; i < b.ndefs; i++)
        if (b.defs[i].default_params != TERM_NONE) compile_default_wrappers(&b, &b.defs[i]);
    compile_lambda_number(&m);
    for (Function *f = m.module->functions; f; f = f->next_in_module) {
        if (!f->defined && f->nfree == 0 && f->name != ATOM_nil)
            compile_fail_undefined(&m, NULL, line, f->name, f->arity);
    }
    if (rt->compile_boot_mode) m.module->docs = module_docs(&b);
    m.module->attributes = persisted_attributes(&b, m.module->attributes);
    m.module->callbacks = behaviour_callbacks(&b.beh);
    behaviour_notes_free(&b.beh);
    /* a restarted compile installed this one before it left (compile_run.h) */
    if (!compile_run_replaying()) {
        module_install(m.module);
        calls_keep_module(&m);
    }
    free(m.remote);
    if (parent) {
        /* the nested module's alias stays visible in the parent */
    }
    /* the module is installed: what built it is no longer needed */
    for (size_t i = 0; i < b.ndefs; i++) {
        free(b.defs[i].clauses);
        free(b.defs[i].warnings.text);
    }
    free(b.defs);
    free(m.aliases);
    free(m.imports);
    free(m.attrs);
    free(m.locals);
    free(m.body_names);
    free(m.body_values);
    free(m.calls); /* what the default wrappers called */
    free(m.lambdas);
    free(items);
    return last;
}

Term module_compile_body(ModCtx *parent, Term name, Term body, int line)
{
    return compile_module_body(parent->module ? parent : NULL, name, body, parent->file, line, parent->err, parent->on_error);
}

Term compile_defmodule(Term ast, const char *file, Heap *h, CompileError *err)
{
    jmp_buf on_error;
    Term name, meta, args;
    ast_is_call(ast, &name, &meta, &args);
    ModCtx top;
    memset(&top, 0, sizeof top);
    top.file = file;
    top.err = err;
    top.on_error = &on_error;
    top.scratch = literal_heap();
    top.name = ATOM_nil;
    uint64_t scratch = scratch_mark();
    if (setjmp(on_error)) {
        scratch_release(scratch); /* what the failed module had open */
        return TERM_NONE;
    }
    if (protocol_is_form(ast)) return term_copy(h, protocol_compile_form(&top, ast));
    Term mod = expand_alias(&top, list_nth(args, 0));
    if (mod == TERM_NONE && term_is_atom(list_nth(args, 0))) mod = list_nth(args, 0);
    if (mod == TERM_NONE) compile_fail_mod(&top, meta_line(meta), "CompileError", "invalid module name");
    Term opts = list_nth(args, 1);
    Term last = compile_module_body(NULL, mod, kw_get(opts, ATOM_do), file, meta_line(meta), err, &on_error);
    return module_result(h, mod, last);
}

/* ---- top-level chunks ---------------------------------------------------------------------- */

static bool compile_chunk_in(ModCtx *m, Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err);

/* A chunk may compile while another is compiling: a macro the other
 * expands runs in a process (vm_eval_in) while the others run, and any of
 * them may compile code (Code.eval_string). The top-level environment
 * they share goes back to where the outer one had it. */
bool compile_chunk(Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err)
{
    ModCtx *m = &COMPILE->toplevel;
    const char *file0 = m->file;
    CompileError *err0 = m->err;
    jmp_buf *on_error0 = m->on_error;
    uint32_t nesting0 = m->nesting;
    bool ok = compile_chunk_in(m, ast, file, bindings, out, err);
    if (on_error0) {
        m->file = file0;
        m->err = err0;
        m->on_error = on_error0;
        m->nesting = nesting0;
    }
    return ok;
}

bool compile_eval_chunk(Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err)
{
    ModCtx m;
    memset(&m, 0, sizeof m);
    bool ok = compile_chunk_in(&m, ast, file, bindings, out, err);
    free(m.aliases);
    free(m.imports);
    free(m.attrs);
    free(m.locals);
    return ok;
}

static bool compile_chunk_in(ModCtx *m, Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err)
{
    jmp_buf on_error;
    m->file = file;
    m->err = err;
    m->on_error = &on_error;
    m->scratch = literal_heap();
    m->name = A("elixir_compiler_0");
    m->module = NULL;
    m->nesting = 0; /* an error in the last chunk left it where it failed */
    Function *f = module_own(xcalloc(1, sizeof *f));
    f->module = m->name;
    f->name = A("__FILE__");
    f->file = file;
    /* Elixir names top-level code :elixir_compiler_0.__FILE__/1 (its
     * bindings come in registers whatever the displayed arity) */
    f->arity = 1;
    uint64_t scratch = scratch_mark();
    FnCtx c;
    fn_init(&c, m, NULL, f);
    c.warn = WARN_TOPLEVEL;
    if (setjmp(on_error)) {
        scratch_release(scratch); /* what the failed chunk had open */
        return false;
    }
    /* register 0 holds the previous result, 1.. the bindings: the chunk
     * answers in the same layout, so that only what it changed moves */
    uint32_t params = reg_alloc_n(&c, (uint32_t)bindings->count + 1);
    for (size_t i = 0; i < bindings->count; i++) var_bind(&c, bindings->names[i], ATOM_nil, params + 1 + (uint32_t)i);
    uint32_t r = reg_alloc(&c);
    compile_expr(&c, ast, r, bindings->last);
    if (m == &COMPILE->toplevel) script_vars_note_chunk(&c, bindings->count);
    if (bindings->last) {
        fn_finish(&c);
        *out = (Chunk){f, bindings->names, bindings->count, NULL, 0};
        return true;
    }
    /* the latest binding of each name, in first-bound order */
    Term *names = xmalloc((c.nvars + 1) * sizeof(Term));
    uint32_t *regs = xmalloc((c.nvars + 1) * sizeof(uint32_t));
    size_t nout = 0;
    /* a hash of name -> index in names: a script's thousands of bindings
     * must not make each chunk quadratic */
    size_t slots = 16;
    while (slots < 2 * c.nvars) slots *= 2;
    uint32_t *slot = xmalloc(slots * sizeof *slot);
    memset(slot, 0xFF, slots * sizeof *slot);
    for (size_t i = 0; i < c.nvars; i++) {
        if (c.vars[i].context != ATOM_nil) continue;
        size_t k = (size_t)(c.vars[i].name * 0x9E3779B97F4A7C15ULL >> 20) & (slots - 1);
        while (slot[k] != UINT32_MAX && names[slot[k]] != c.vars[i].name) k = (k + 1) & (slots - 1);
        if (slot[k] == UINT32_MAX) {
            slot[k] = (uint32_t)nout;
            names[nout++] = c.vars[i].name;
        }
        regs[slot[k]] = c.vars[i].reg;
    }
    free(slot);
    /* The result tuple is registers params..params+nout: the value, then
     * each binding where the next chunk takes it. Most are still in their
     * parameter register; the others move there in two steps (through
     * fresh registers), since a target may hold another's source. */
    size_t nmoved = 0;
    uint32_t *moved = xmalloc((nout + 1) * sizeof *moved);
    moved[nmoved++] = UINT32_MAX; /* the value */
    for (size_t i = 0; i < nout; i++)
        if (regs[i] != params + 1 + i) moved[nmoved++] = (uint32_t)i;
    uint32_t temps = reg_alloc_n(&c, (uint32_t)nmoved + 1);
    for (size_t k = 0; k < nmoved; k++)
        emit(&c, OP_MOVE, (Code)(temps + k), (Code)(moved[k] == UINT32_MAX ? r : regs[moved[k]]));
    for (size_t k = 0; k < nmoved; k++)
        emit(&c, OP_MOVE, (Code)(params + (moved[k] == UINT32_MAX ? 0 : 1 + moved[k])), (Code)(temps + k));
    free(moved);
    uint32_t top = temps + (uint32_t)nmoved;
    emit(&c, OP_MAKE_TUPLE, (Code)top, (Code)params, (Code)(nout + 1));
    emit(&c, OP_RETURN, (Code)top);
    fn_finish(&c);
    free(regs);
    out->fn = f;
    out->in_names = bindings->names;
    out->nin = bindings->count;
    out->out_names = names;
    out->nout = nout;
    return true;
}

bool compile_store_definition(Process *p, Term kind, Term args)
{
    if (def_kind(kind) < 0 || !term_is_list(args)) return false;
    if (p && compile_run_note_definition(p, kind, args)) return true;
    return compile_store_definition_for(p ? pid_serial(p->pid) : 0, kind, args);
}

bool compile_store_definition_for(uint32_t serial, Term kind, Term args)
{
    ModCtx *m = NULL;
    for (size_t i = COMPILE->ndefining; i-- > 0 && !m;)
        if (COMPILE->defining[i].serial == serial) m = COMPILE->defining[i].m;
    if (!m || !m->module || def_kind(kind) < 0 || !term_is_list(args)) return false;
    Heap *h = literal_heap();
    m->body_defs = cons_new(h, tuple2(h, kind, term_copy(h, args)), m->body_defs);
    return true;
}
