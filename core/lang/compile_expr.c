/* compile_expr.c - expressions: literals, variables, data construction,
 * operators, calls of every kind, and the special forms (case, cond, if,
 * with, for, try, receive, fn, &, quote, raise, ...). */
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "code_region.h"
#include "ast_text.h"
#include "compile_internal.h"
#include "fatal.h"
#include "inspect.h"
#include "map.h"
#include "rewrite.h"

static Term A(const char *s) { return atom_from_cstr(s); }


static void finish(FnCtx *c, uint32_t dst, bool tail)
{
    if (!tail) return;
    /* LOADK dst k; RETURN dst is RETURN_K k, unless a label points
     * between the two */
    size_t at = c->len - 3;
    if (c->len >= 3 && c->last_op == at && c->code[at] == OP_LOADK && c->code[at + 1] == dst && c->label_end != c->len) {
        Code k = c->code[at + 2];
        c->len = at;
        emit(c, OP_RETURN_K, k);
        return;
    }
    /* MOVE dst src; RETURN dst is RETURN src (the same proviso) */
    if (c->len >= 3 && c->last_op == at && c->code[at] == OP_MOVE && c->code[at + 1] == dst && c->label_end != c->len) {
        Code src = c->code[at + 2];
        c->len = at;
        emit(c, OP_RETURN, src);
        return;
    }
    emit(c, OP_RETURN, (Code)dst);
}

/* A register holding ast's value: a variable's own (its register is not
 * written while it is in scope), else a new one it is compiled into. */
uint32_t compile_operand(FnCtx *c, Term ast)
{
    Term name, ctx;
    if (ast_is_var(ast, &name, &ctx)) {
        Var *v = var_lookup(c, name, ctx);
        if (v) return v->reg;
    }
    uint32_t r = reg_alloc(c);
    compile_expr(c, ast, r, false);
    return r;
}

/* True if the AST is plain data with no code in it. It walks with a stack
 * of its own: a macro can answer a literal of any depth. */
static bool ast_constant(Term ast)
{
    size_t cap = 64, n = 0;
    Term *todo = xmalloc(cap * sizeof *todo);
    bool constant = true;
    todo[n++] = ast;
    while (n && constant) {
        Term t = todo[--n];
        if (term_is_small(t) || term_is_bignum(t) || term_is_float(t) || term_is_atom(t) || term_is_bitstring(t) ||
            t == TERM_NIL)
            continue;
        if (term_is_cons(t)) {
            Term l = t;
            for (; term_is_cons(l) && constant; l = cons_tail(l)) {
                Term name, args;
                if (ast_is_call(cons_head(l), &name, NULL, &args) && name == A("|")) constant = false;
                if (n == cap) todo = xrealloc(todo, (cap *= 2) * sizeof *todo);
                todo[n++] = cons_head(l);
            }
            if (constant && l != TERM_NIL) constant = false;
            continue;
        }
        if (term_is_tuple(t) && tuple_size(t) == 2) {
            if (n + 2 > cap) todo = xrealloc(todo, (cap *= 2) * sizeof *todo);
            todo[n++] = tuple_get(t, 1);
            todo[n++] = tuple_get(t, 0);
            continue;
        }
        constant = false;
    }
    free(todo);
    return constant;
}

static ExtRef *native_ref(const char *module, const char *name, uint32_t arity)
{
    ExtRef *ref = extref_new(A(module), A(name), arity);
    ref->native = native_lookup(ref->module, ref->name, (int)arity);
    if (!ref->native) fatal("compiler: native %s.%s/%u is missing", module, name, arity);
    return ref;
}

/* When dst is the top register and holds no variable, a call can put its
 * arguments from dst on: its result then lands in dst with no MOVE. */
static void call_at_dst(FnCtx *c, uint32_t dst)
{
    if (dst + 1 != c->next_reg) return;
    /* (no variable's register reaches dst: no need to look) */
    for (size_t i = 0; c->nvars && c->vars[c->nvars - 1].reg_floor > dst && i < c->nvars; i++)
        if (c->vars[i].reg == dst) return;
    c->next_reg = dst;
}

/* Compiles args into consecutive registers starting at next_reg. */
static uint32_t compile_args(FnCtx *c, Term args, uint32_t *count)
{
    uint32_t n = (uint32_t)list_length(args);
    uint32_t first = reg_alloc_n(c, n);
    size_t vars_before = vars_siblings_begin(c);
    uint32_t i = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l), i++) {
        uint32_t saved = c->next_reg;
        compile_expr(c, cons_head(l), first + i, false);
        reg_restore(c, saved);
        vars_sibling_done(c, vars_before);
    }
    vars_siblings_end(c, vars_before);
    if (c->nvars > vars_before) {
        /* An argument bound a variable (f(x = 1)): its register is above
         * the arguments, where the callee's frame will be, so move the
         * arguments above it. */
        uint32_t moved = reg_alloc_n(c, n);
        for (uint32_t k = 0; k < n; k++) emit(c, OP_MOVE, (Code)(moved + k), (Code)(first + k));
        first = moved;
    }
    *count = n;
    return first;
}

static void emit_native_call(FnCtx *c, ExtRef *ref, uint32_t first, uint32_t n, uint32_t dst, bool tail)
{
    emit(c, OP_CALL_NATIVE, (Code)ref, (Code)first, (Code)n, (Code)dst,
         c->in_guard ? OPERAND_LABEL(c->guard_fail) : (Code)0);
    finish(c, dst, tail);
}

static void compile_remote_call(FnCtx *c, Term mod, Term fun, Term args, uint32_t dst, bool tail);

/* Calls a native by name; a missing one becomes a remote call, which
 * raises undef when it runs. */
static void call_native(FnCtx *c, const char *module, const char *name, Term args, uint32_t dst, bool tail)
{
    if (!native_lookup(A(module), A(name), (int)list_length(args))) {
        compile_remote_call(c, A(module), A(name), args, dst, tail);
        return;
    }
    uint32_t saved = c->next_reg, n;
    uint32_t first = compile_args(c, args, &n);
    ExtRef *ref = native_ref(module, name, n);
    /* module code runs / inline: no BIF frame (compile_arith for the others) */
    ref->frameless = c->mod->module && !strcmp(module, "erlang") && !strcmp(name, "/");
    emit_native_call(c, ref, first, n, dst, tail);
    reg_restore(c, saved);
}

/* A literal an argument can be loaded from (LOADK) with no code of its own. */
static bool ast_is_literal(Term ast)
{
    if (term_is_cons(ast) || (term_is_tuple(ast) && tuple_size(ast) == 2)) return ast_constant(ast);
    return !term_is_tuple(ast);
}

/* One move of a tail call's arguments into place: dst = src (a register)
 * or dst = k (a literal, when k is not TERM_NONE). */
typedef struct ArgMove {
    uint32_t dst, src;
    Term k;
} ArgMove;

/* Emits moves that all happen "at once": no move overwrites a register
 * another still has to read (a cycle goes through a free register). */
static void emit_parallel_moves(FnCtx *c, ArgMove *mv, uint32_t n)
{
    uint32_t left = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (mv[i].k == TERM_NONE && mv[i].src == mv[i].dst) mv[i].dst = UINT32_MAX; /* already there */
        else left++;
    }
    while (left) {
        bool progress = false;
        for (uint32_t i = 0; i < n; i++) {
            if (mv[i].dst == UINT32_MAX) continue;
            bool read_later = false;
            for (uint32_t j = 0; j < n && !read_later; j++)
                read_later = j != i && mv[j].dst != UINT32_MAX && mv[j].k == TERM_NONE && mv[j].src == mv[i].dst;
            if (read_later) continue;
            if (mv[i].k != TERM_NONE) emit(c, OP_LOADK, (Code)mv[i].dst, (Code)mv[i].k);
            else emit(c, OP_MOVE, (Code)mv[i].dst, (Code)mv[i].src);
            mv[i].dst = UINT32_MAX;
            left--;
            progress = true;
        }
        if (progress) continue;
        /* every register still to be written is still to be read: save one */
        uint32_t i = 0;
        while (mv[i].dst == UINT32_MAX) i++;
        uint32_t saved = reg_alloc(c);
        emit(c, OP_MOVE, (Code)saved, (Code)mv[i].dst);
        for (uint32_t j = 0; j < n; j++)
            if (mv[j].dst != UINT32_MAX && mv[j].k == TERM_NONE && mv[j].src == mv[i].dst) mv[j].src = saved;
    }
}

/* A tail call's arguments, built where the callee reads them (registers
 * 0..n-1, over this function's own): arguments that need code are
 * computed first into registers above every one the moves write, then
 * variables, literals and those results move into place together. */
static uint32_t compile_tail_args(FnCtx *c, Term args)
{
    uint32_t n = (uint32_t)list_length(args);
    if (c->next_reg < n) reg_alloc_n(c, n - c->next_reg);
    ArgMove *mv = xmalloc((n + 1) * sizeof *mv);
    size_t vars_before = vars_siblings_begin(c);
    uint32_t i = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l), i++) {
        vars_sibling_done(c, vars_before);
        Term a = cons_head(l), name, ctx;
        Var *v = ast_is_var(a, &name, &ctx) ? var_lookup(c, name, ctx) : NULL;
        mv[i].dst = i;
        mv[i].k = TERM_NONE;
        if (v) mv[i].src = v->reg;
        else if (ast_is_literal(a)) mv[i].k = literal(a);
        else {
            mv[i].src = reg_alloc(c);
            compile_expr(c, a, mv[i].src, false);
        }
    }
    vars_siblings_end(c, vars_before);
    emit_parallel_moves(c, mv, n);
    free(mv);
    return n;
}

/* Emits a call whose arguments are in registers first.. (target is the
 * callee operand: Function*, ExtRef*, or none for funs): a tail call when
 * in tail position outside a try, else a call whose result is moved to dst. */
static void emit_call(FnCtx *c, Opcode call, Opcode tail_call, Code target, uint32_t first, uint32_t n, uint32_t dst, bool tail)
{
    bool is_fun = call == OP_CALL_FUN;
    if (tail && !c->in_try) {
        if (is_fun) emit(c, tail_call, (Code)first, (Code)n);
        else emit(c, tail_call, target, (Code)first, (Code)n);
        return;
    }
    if (is_fun) emit(c, call, (Code)first, (Code)n);
    else emit(c, call, target, (Code)first, (Code)n);
    if (first != dst) emit(c, OP_MOVE, (Code)dst, (Code)first);
    finish(c, dst, tail);
}

/* A remote call Mod.fun(args) with a known module atom. */
static void compile_remote_call(FnCtx *c, Term mod, Term fun, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg, n;
    /* The GenServer loop's trace points (:genlab.gen_trace/5) are skipped,
     * arguments and all, while the runtime does not trace (their
     * arguments bind no variables). */
    uint32_t skip = 0;
    if (mod == A("genlab") && fun == A("gen_trace") && list_length(args) == 5 && !c->in_guard) {
#ifdef GENLAB_NO_TRACE
        emit(c, OP_LOADK, (Code)dst, (Code)ATOM_ok);
        finish(c, dst, tail);
        return;
#endif
        skip = label_new(c);
        emit(c, OP_TRACE_SKIP, (Code)dst, OPERAND_LABEL(skip));
    }
    /* Erlang's compiler treats module code; the shell's runs in erl_eval */
    bool frameless = c->mod->module && rewrite_erlang_call(&mod, &fun, (uint32_t)list_length(args));
    /* a protocol's dispatch raises from the protocol's own function, as
     * Elixir's impl_for!/1 does: no frame of genlab's native */
    if (mod == A("genlab") && fun == A("protocol_impl!")) frameless = true;
    /* a function is a native or Elixir code, never both: no lookup of the
     * module is needed (which would load a library module early) */
    NativeFn native = native_lookup(mod, fun, (int)list_length(args));
    if (!native && !skip && tail && !c->in_try && !c->in_guard) {
        n = compile_tail_args(c, args);
        emit(c, OP_TAIL_CALL_EXT, (Code)extref_new(mod, fun, n), (Code)0, (Code)n);
        reg_restore(c, saved);
        return;
    }
    call_at_dst(c, dst);
    uint32_t first = compile_args(c, args, &n);
    if (native && skip) {
        ExtRef *ref = extref_new(mod, fun, n);
        ref->native = native;
        emit(c, OP_CALL_NATIVE, (Code)ref, (Code)first, (Code)n, (Code)dst, (Code)0);
        label_place(c, skip);
        finish(c, dst, tail);
    } else if (native) {
        ExtRef *ref = extref_new(mod, fun, n);
        ref->native = native;
        ref->frameless = frameless;
        emit_native_call(c, ref, first, n, dst, tail);
    } else {
        if (c->in_guard) compile_fail(c, "CompileError", "cannot invoke remote function %s.%s/%u inside guards", module_display_name(mod), atom_text(fun), n);
        emit_call(c, OP_CALL_EXT, OP_TAIL_CALL_EXT, (Code)extref_new(mod, fun, n), first, n, dst, tail);
    }
    reg_restore(c, saved);
}

static void compile_local_call(FnCtx *c, Function *f, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg, n;
    if (tail && !c->in_try) {
        n = compile_tail_args(c, args);
        emit(c, OP_TAIL_CALL, (Code)f, (Code)0, (Code)n);
        reg_restore(c, saved);
        return;
    }
    call_at_dst(c, dst);
    uint32_t first = compile_args(c, args, &n);
    emit_call(c, OP_CALL, OP_TAIL_CALL, (Code)f, first, n, dst, tail);
    reg_restore(c, saved);
}

/* True if ast is a list written out element by element ([a, b], not [a | t]). */
static bool list_is_literal_args(Term ast)
{
    if (!term_is_list(ast)) return false;
    Term l = ast;
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term name, args;
        if (cons_tail(l) == TERM_NIL && ast_is_call(cons_head(l), &name, NULL, &args) && name == A("|")) return false;
    }
    return l == TERM_NIL;
}

/* mod.fun(args) with the module and name known only at run time (also
 * apply/3 of a written-out list): module, name and arguments in
 * consecutive registers, no list built. */
static void compile_mfa_call(FnCtx *c, Term mod_ast, Term fun_ast, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg, n;
    size_t nargs = list_length(args);
    Term *all = xmalloc((nargs + 2) * sizeof(Term));
    all[0] = mod_ast;
    all[1] = fun_ast;
    size_t i = 2;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) all[i++] = cons_head(l);
    call_at_dst(c, dst);
    uint32_t first = compile_args(c, list_from(c->mod->scratch, nargs + 2, all), &n);
    free(all);
    bool in_tail = tail && !c->in_try;
    emit(c, in_tail ? OP_TAIL_CALL_MFA : OP_CALL_MFA, (Code)first, (Code)(n - 2));
    if (!in_tail) {
        if (first != dst) emit(c, OP_MOVE, (Code)dst, (Code)first);
        finish(c, dst, tail);
    }
    reg_restore(c, saved);
}

/* Calls a fun value: fun in a register, args compiled after it. */
static void compile_fun_call(FnCtx *c, Term fun_ast, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg;
    call_at_dst(c, dst);
    uint32_t first = reg_alloc(c);
    size_t vars_before = vars_siblings_begin(c);
    compile_expr(c, fun_ast, first, false);
    vars_sibling_done(c, vars_before);
    uint32_t n;
    compile_args(c, args, &n);
    vars_siblings_end(c, vars_before);
    emit_call(c, OP_CALL_FUN, OP_TAIL_CALL_FUN, 0, first, n, dst, tail);
    reg_restore(c, saved);
}

/* ---- operators and Kernel functions that are BEAM instructions or BIFs ---- */

typedef struct { const char *name; int arity; const char *erl; } KernelBif;
void compile_register_kernel_bifs(void)
{
    /* Elixir 1.14's Kernel functions that are :erlang BIFs (by the name
     * after the space when it differs) */
    static const char *const bifs[] = {
        "!= /=", "!== =/=", "*", "+/1", "+", "++", "-/1", "-", "--", "/", "<", "<= =<", "==", "=== =:=", ">", ">=",
        "abs", "binary_part", "bit_size", "byte_size", "ceil", "div", "exit", "floor", "hd", "is_atom",
        "is_binary", "is_bitstring", "is_boolean", "is_float", "is_function", "is_integer", "is_list", "is_map",
        "is_number", "is_pid", "is_port", "is_reference", "is_tuple", "length", "make_ref", "map_size",
        "node", "not", "rem", "round", "self", "send", "spawn", "spawn_link", "spawn_monitor", "throw",
        "tl", "trunc", "tuple_size", NULL};
    NativeDef defs[4 * 64 + 1];
    size_t n = 0;
    Term erlang = A("erlang"), kernel = A("Elixir.Kernel");
    for (int i = 0; bifs[i]; i++) {
        char name[32];
        const char *space = strchr(bifs[i], ' ');
        size_t len = space ? (size_t)(space - bifs[i]) : strlen(bifs[i]);
        memcpy(name, bifs[i], len); /* the entries are short: snprintf was a tenth of start-up */
        name[len] = 0;
        const char *erl = space ? space + 1 : name;
        char *slash = strrchr(name, '/');
        int only = -1;
        if (slash && slash != name) { only = atoi(slash + 1); *slash = 0; }
        for (int arity = 0; arity <= 3 && n < 4 * 64; arity++) {
            if (only >= 0 && arity != only) continue;
            NativeFn fn = native_lookup(erlang, A(erl), arity);
            if (!fn || native_lookup(kernel, A(name), arity)) continue;
            defs[n++] = (NativeDef){"Elixir.Kernel", atom_text(A(name)), arity, fn};
        }
    }
    defs[n] = (NativeDef){NULL, NULL, 0, NULL};
    native_register(defs);
}

static const KernelBif kernel_bifs[] = {
    {"abs", 1, "abs"}, {"binary_part", 3, "binary_part"}, {"bit_size", 1, "bit_size"},
    {"byte_size", 1, "byte_size"}, {"ceil", 1, "ceil"}, {"div", 2, "div"}, {"floor", 1, "floor"},
    {"hd", 1, "hd"}, {"length", 1, "length"}, {"map_size", 1, "map_size"}, {"rem", 2, "rem"},
    {"round", 1, "round"}, {"tl", 1, "tl"}, {"trunc", 1, "trunc"}, {"tuple_size", 1, "tuple_size"},
    {"max", 2, "max"}, {"min", 2, "min"}, {"not", 1, "not"}, {"/", 2, "/"}, {"-", 1, "-"}, {"+", 1, "+"},
    {"*", 2, "*"}, {"++", 2, "++"}, {"--", 2, "--"}, {"throw", 1, "throw"}, {"exit", 1, "exit"},
    {"node", 0, "node"}, {"node", 1, "node"}, {"make_ref", 0, "make_ref"}, {"send", 2, "send"},
    {"spawn", 1, "spawn"}, {"spawn", 3, "spawn"}, {"spawn_link", 1, "spawn_link"}, {"spawn_link", 3, "spawn_link"},
    {"spawn_monitor", 1, "spawn_monitor"}, {"spawn_monitor", 3, "spawn_monitor"}, {"exit", 2, "exit"},
    {"is_atom", 1, "is_atom"}, {"is_binary", 1, "is_binary"}, {"is_bitstring", 1, "is_bitstring"},
    {"is_boolean", 1, "is_boolean"}, {"is_float", 1, "is_float"}, {"is_function", 1, "is_function"},
    {"is_function", 2, "is_function"}, {"is_integer", 1, "is_integer"}, {"is_list", 1, "is_list"},
    {"is_map", 1, "is_map"}, {"is_number", 1, "is_number"}, {"is_pid", 1, "is_pid"},
    {"is_reference", 1, "is_reference"}, {"is_tuple", 1, "is_tuple"}, {"is_port", 1, "is_port"},
    {"&&&", 2, "band"}, {"|||", 2, "bor"}, {"^^^", 2, "bxor"}, {"<<<", 2, "bsl"}, {">>>", 2, "bsr"},
    {"~~~", 1, "bnot"}, {"band", 2, "band"}, {"bor", 2, "bor"}, {"bxor", 2, "bxor"}, {"bsl", 2, "bsl"},
    {"bsr", 2, "bsr"}, {"bnot", 1, "bnot"},
    {NULL, 0, NULL}};

static const KernelBif *kernel_bif(Term name, size_t arity)
{
    const char *s = atom_text(name);
    for (int i = 0; kernel_bifs[i].name; i++)
        if (kernel_bifs[i].arity == (int)arity && !strcmp(kernel_bifs[i].name, s)) return &kernel_bifs[i];
    return NULL;
}

/* Kernel functions the compiler implements itself (operators, special
 * forms, BIFs): Kernel.+(1, 2) and &Kernel.+/2 mean the same as + does. */
static bool kernel_is_builtin(Term name, size_t arity)
{
    static const char *const forms[] = {
        "+", "-", "*", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "<>", "and", "or", "&&", "||", "!",
        "if", "unless", "in", "elem", "put_elem", "is_nil", "self", "match?", "raise", "reraise",
        "is_map_key", "is_struct", "is_exception", "..", "|>", NULL};
    if (kernel_bif(name, arity)) return true;
    const char *s = atom_text(name);
    for (int i = 0; forms[i]; i++)
        if (!strcmp(forms[i], s)) return true;
    return false;
}

/* After a test that jumps to `no` when it fails: dst = yes (or the other
 * boolean when it failed). */
static void emit_boolean(FnCtx *c, uint32_t dst, uint32_t no, bool yes)
{
    uint32_t done = label_new(c);
    emit(c, OP_LOADK, (Code)dst, (Code)atom_from_bool(yes));
    emit(c, OP_JUMP, OPERAND_LABEL(done));
    label_place(c, no);
    emit(c, OP_LOADK, (Code)dst, (Code)atom_from_bool(!yes));
    label_place(c, done);
}

/* A literal that == compares as === does: no number anywhere in it. */
static bool ast_numberless_literal(Term ast) { return term_is_atom(ast) || ast == TERM_NIL || term_is_binary(ast); }

void compile_compare_jump(FnCtx *c, const char *op, Term left, Term right, uint32_t fail)
{
    uint32_t saved = c->next_reg;
    bool eq = !strcmp(op, "==") || !strcmp(op, "==="), ne = !strcmp(op, "!=") || !strcmp(op, "!==");
    if ((eq || ne) && (ast_numberless_literal(left) || ast_numberless_literal(right))) {
        /* x == :ok, x != nil: one test against the literal */
        Term k = ast_numberless_literal(right) ? right : left;
        uint32_t x = compile_operand(c, k == right ? left : right); /* no sibling binds */
        if (eq) {
            emit(c, OP_TEST_EQ_K, (Code)x, (Code)literal(k), OPERAND_LABEL(fail));
        } else {
            uint32_t differ = label_new(c);
            emit(c, OP_TEST_EQ_K, (Code)x, (Code)literal(k), OPERAND_LABEL(differ));
            emit(c, OP_JUMP, OPERAND_LABEL(fail));
            label_place(c, differ);
        }
    } else {
        size_t vars_before = vars_siblings_begin(c);
        uint32_t a = compile_operand(c, left);
        vars_sibling_done(c, vars_before);
        uint32_t b = compile_operand(c, right);
        vars_siblings_end(c, vars_before);
        emit_compare_jump(c, op, a, b, fail);
    }
    reg_restore(c, saved);
}

/* After a test that jumps to `no` when it fails: the boolean, in dst or
 * returned. */
static void finish_boolean(FnCtx *c, uint32_t dst, uint32_t no, bool tail)
{
    if (!tail) {
        emit_boolean(c, dst, no, true);
        return;
    }
    emit(c, OP_RETURN_K, (Code)ATOM_true);
    label_place(c, no);
    emit(c, OP_RETURN_K, (Code)ATOM_false);
}

static void compile_comparison(FnCtx *c, const char *op, Term args, uint32_t dst, bool tail)
{
    uint32_t no = label_new(c);
    compile_compare_jump(c, op, list_nth(args, 0), list_nth(args, 1), no);
    finish_boolean(c, dst, no, tail);
}

/* An operator whose value is always a boolean: a comparison, or and/or
 * whose right side is one (`true and x` is x). */
static bool ast_is_comparison(Term ast, const char **op, Term *args)
{
    static const char *const ops[] = {"==", "!=", "===", "!==", "<", ">", "<=", ">=", NULL};
    Term name;
    if (!ast_is_call(ast, &name, NULL, args) || !term_is_atom(name) || list_length(*args) != 2) return false;
    for (int i = 0; ops[i]; i++)
        if (!strcmp(atom_text(name), ops[i])) { *op = ops[i]; return true; }
    return false;
}

static bool ast_is_boolean_op(Term ast, const char **op, Term *args)
{
    Term name;
    if (!ast_is_call(ast, &name, NULL, args) || list_length(*args) != 2) return false;
    if (name == A("and")) *op = "and";
    else if (name == A("or")) *op = "or";
    else return false;
    return true;
}

static bool ast_is_boolean(Term ast, int depth)
{
    const char *op;
    Term args;
    if (ast_is_comparison(ast, &op, &args)) return true;
    if (depth < 64 && ast_is_boolean_op(ast, &op, &args)) return ast_is_boolean(list_nth(args, 0), depth + 1) && ast_is_boolean(list_nth(args, 1), depth + 1);
    return false;
}

Function *find_macro(ModCtx *m, Term name, uint32_t arity);
static bool is_local(ModCtx *m, Term name, uint32_t arity, int *kind);
static Term import_module_for(ModCtx *m, Term name, uint32_t arity);

/* Falls through when ast's value is truthy, jumps to fail when it is nil
 * or false, without making the boolean: comparisons become one test, and
 * `and`/`or` of booleans (no BadBooleanError is possible) and `&&`/`||`
 * become jumps. */
static void compile_branch(FnCtx *c, Term ast, uint32_t fail, int depth)
{
    const char *op;
    Term args, name;
    if (ast_is_comparison(ast, &op, &args)) {
        compile_compare_jump(c, op, list_nth(args, 0), list_nth(args, 1), fail);
        return;
    }
    bool boolean_op = ast_is_boolean_op(ast, &op, &args) && ast_is_boolean(list_nth(args, 0), 0);
    bool truthy_op = !boolean_op && ast_is_call(ast, &name, NULL, &args) && list_length(args) == 2 && (name == A("&&") || name == A("||"));
    if (depth < 64 && (boolean_op || truthy_op)) {
        bool is_and = boolean_op ? !strcmp(op, "and") : name == A("&&");
        /* the right side is a case clause in Elixir: what it binds stays there */
        size_t vars_before;
        if (is_and) {
            compile_branch(c, list_nth(args, 0), fail, depth + 1);
            vars_before = c->nvars;
            compile_branch(c, list_nth(args, 1), fail, depth + 1);
        } else {
            uint32_t right = label_new(c), holds = label_new(c);
            compile_branch(c, list_nth(args, 0), right, depth + 1);
            emit(c, OP_JUMP, OPERAND_LABEL(holds));
            label_place(c, right);
            vars_before = c->nvars;
            compile_branch(c, list_nth(args, 1), fail, depth + 1);
            label_place(c, holds);
        }
        vars_scope_end(c, vars_before);
        return;
    }
    uint32_t saved = c->next_reg;
    int kind, type = ast_is_call(ast, &name, NULL, &args) ? compile_type_guard(name, list_length(args)) : -1;
    if (type >= 0 && !(c->mod->module && is_local(c->mod, name, 1, &kind)) && import_module_for(c->mod, name, 1) == TERM_NONE &&
        !find_macro(c->mod, name, 1)) {
        /* Kernel's is_pid(x) and the like: one test, no boolean */
        uint32_t x = compile_operand(c, list_nth(args, 0));
        emit(c, OP_TEST_TYPE, (Code)x, (Code)type, OPERAND_LABEL(fail));
        reg_restore(c, saved);
        return;
    }
    uint32_t t = compile_operand(c, ast);
    emit(c, OP_TEST_TRUTHY, (Code)t, OPERAND_LABEL(fail));
    reg_restore(c, saved);
}

/* Whether an operand is what the BEAM's compiler sees as a literal float or
 * small integer: a number, a negated one (-3 is -(3) until then), the sum
 * or difference of two (folded), or a module attribute holding one; *sign
 * is its sign for an integer. */
static bool arith_literal(const ModCtx *m, Term ast, int *sign)
{
    const int64_t beam_small = (int64_t)1 << 59; /* the BEAM's smalls: 60 bits */
    Term name, meta, args;
    *sign = 0;
    if (ast_is_call(ast, &name, &meta, &args)) {
        size_t n = list_length(args);
        Term a = n ? list_nth(args, 0) : TERM_NONE, b = n == 2 ? list_nth(args, 1) : TERM_NONE;
        if (name == A("@") && n == 1 && term_is_tuple(a)) {
            /* a module attribute is its value by then: a number or nothing */
            ast = TERM_NONE;
            for (size_t i = m->nattrs; i-- > 0 && ast == TERM_NONE;)
                if (m->attrs[i].name == tuple_get(a, 0)) ast = m->attrs[i].value;
        } else if (name == A("-") && n == 1 && (term_is_float(a) || term_is_small(a))) {
            ast = term_is_float(a) ? a : small_make(-small_value(a));
        } else if ((name == A("+") || name == A("-")) && n == 2 && term_is_small(a) && term_is_small(b)) {
            ast = small_make(small_value(a) + (name == A("+") ? 1 : -1) * small_value(b));
        } else {
            return false;
        }
    }
    if (term_is_float(ast)) return true;
    if (!term_is_small(ast)) return false;
    int64_t v = small_value(ast);
    *sign = v < 0 ? -1 : 1;
    return v >= -beam_small && v < beam_small;
}

/* Whether a failing `left op right` in module code shows the BIF on top
 * of the stack trace ({:erlang, :+, [left, right], ...}), as OTP 25's JIT
 * raises it: + unless either side is a literal float or small integer, -
 * unless the right side is a literal float or non-negative small integer,
 * * always (/ never: it is not compiled here). */
static bool arith_framed(const ModCtx *m, Opcode op, Term left, Term right)
{
    int sign;
    bool left_k = arith_literal(m, left, &sign), right_k = arith_literal(m, right, &sign);
    if (op == OP_ADD) return !left_k && !right_k;
    if (op == OP_SUB) return !right_k || sign < 0;
    return true;
}

/* The failure label of an arithmetic instruction that raises with the
 * BIF's frame (ArithRaise); its operands are a and b (or the constant k). */
static Code arith_raise_label(FnCtx *c, Opcode op, uint32_t a, uint32_t b, Code k, uint32_t dst)
{
    if (c->nraises == c->raises_cap) {
        c->raises_cap = c->raises_cap ? c->raises_cap * 2 : 4;
        c->raises = scratch_realloc(c->raises, c->raises_cap * sizeof *c->raises);
    }
    uint32_t temp = reg_alloc_n(c, 2); /* counted in the frame's size */
    c->next_reg -= 2;
    const char *name = op == OP_ADD ? "+" : op == OP_SUB ? "-" : "*";
    c->raises[c->nraises++] = (ArithRaise){label_new(c), label_new(c), a, b, k, native_ref("erlang", name, 2), temp, dst, c->line};
    return OPERAND_LABEL(c->raises[c->nraises - 1].label);
}

static void compile_arith(FnCtx *c, Opcode op, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg;
    Code fail = c->in_guard ? OPERAND_LABEL(c->guard_fail) : (Code)0;
    Term left = list_nth(args, 0), right = list_nth(args, 1);
    /* top-level code: Elixir evaluates it with erl_eval, which calls the
     * BIF, so a failure always shows {:erlang, :+, args} on top of the
     * trace (the raise label calls it; the instruction does the rest) */
    bool framed = !c->in_guard && (!c->mod->module || arith_framed(c->mod, op, left, right));
    size_t vars_before = vars_siblings_begin(c);
    uint32_t a = compile_operand(c, left);
    vars_sibling_done(c, vars_before);
    if (op != OP_MUL && term_is_small(right)) {
        /* x + 1, n - 2: the constant is an operand, not a register */
        if (framed) fail = arith_raise_label(c, op, a, UINT32_MAX, (Code)right, dst);
        emit(c, op == OP_ADD ? OP_ADD_K : OP_SUB_K, (Code)dst, (Code)a, (Code)right, fail);
    } else {
        uint32_t b = compile_operand(c, right);
        if (framed) fail = arith_raise_label(c, op, a, b, 0, dst);
        emit(c, op, (Code)dst, (Code)a, (Code)b, fail);
    }
    vars_siblings_end(c, vars_before);
    if (framed) label_place(c, c->raises[c->nraises - 1].resume);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

/* ---- data ---------------------------------------------------------------------- */

static void compile_list(FnCtx *c, Term list, uint32_t dst, bool tail)
{
    size_t n = list_length(list);
    uint32_t saved = c->next_reg;
    Term *items = xmalloc((n + 1) * sizeof(Term));
    uint32_t *regs = xmalloc((n + 1) * sizeof(uint32_t));
    size_t i = 0;
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) items[i++] = cons_head(l);
    Term name, meta, args, tail_ast = TERM_NIL;
    /* The tail: [] or the right side of a final `|`. */
    if (n && ast_is_call(items[n - 1], &name, &meta, &args) && name == A("|") && list_length(args) == 2) {
        items[n - 1] = list_nth(args, 0);
        tail_ast = list_nth(args, 1);
    }
    /* elements left to right, then the tail, as Elixir evaluates them */
    size_t vars_before = vars_siblings_begin(c);
    for (size_t j = 0; j < n; j++) {
        regs[j] = compile_operand(c, items[j]);
        vars_sibling_done(c, vars_before);
    }
    regs[n] = compile_operand(c, tail_ast);
    vars_siblings_end(c, vars_before);
    /* the cells from the last one back, the first one straight into dst */
    uint32_t cell = n > 1 ? reg_alloc(c) : dst, rest = regs[n];
    for (size_t j = n; j-- > 0;) {
        uint32_t into = j == 0 ? dst : cell;
        emit(c, OP_MAKE_CONS, (Code)into, (Code)regs[j], (Code)rest);
        rest = into;
    }
    if (n == 0) emit(c, OP_MOVE, (Code)dst, (Code)regs[0]);
    free(items);
    free(regs);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_tuple(FnCtx *c, Term elems, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg, n;
    if (list_length(elems) == 2 || list_length(elems) == 3) {
        /* {a, b, c}: the elements where they are, no copies */
        uint32_t e[3], k = 0;
        size_t vars_before = vars_siblings_begin(c);
        for (Term l = elems; term_is_cons(l); l = cons_tail(l)) {
            e[k++] = compile_operand(c, cons_head(l));
            vars_sibling_done(c, vars_before);
        }
        vars_siblings_end(c, vars_before);
        if (k == 2) emit(c, OP_MAKE_TUPLE2, (Code)dst, (Code)e[0], (Code)e[1]);
        else emit(c, OP_MAKE_TUPLE3, (Code)dst, (Code)e[0], (Code)e[1], (Code)e[2]);
        reg_restore(c, saved);
        finish(c, dst, tail);
        return;
    }
    uint32_t first = compile_args(c, elems, &n);
    emit(c, OP_MAKE_TUPLE, (Code)dst, (Code)first, (Code)n);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

/* Map pairs into consecutive registers k0, v0, k1, v1... */
static uint32_t compile_pairs(FnCtx *c, Term pairs, uint32_t *npairs)
{
    size_t n = list_length(pairs);
    uint32_t first = reg_alloc_n(c, (uint32_t)(2 * n));
    /* the map being updated, if any, is a sibling too (its caller's group) */
    size_t vars_before = vars_siblings_begin(c);
    size_t i = 0;
    for (Term l = pairs; term_is_cons(l); l = cons_tail(l), i++) {
        Term pair = cons_head(l);
        if (!term_is_tuple(pair) || tuple_size(pair) != 2) compile_fail(c, "CompileError", "expected key-value pairs in a map");
        compile_expr(c, tuple_get(pair, 0), first + 2 * (uint32_t)i, false);
        vars_sibling_done(c, vars_before);
        compile_expr(c, tuple_get(pair, 1), first + 2 * (uint32_t)i + 1, false);
        vars_sibling_done(c, vars_before);
    }
    vars_siblings_end(c, vars_before);
    *npairs = (uint32_t)n;
    return first;
}

static void compile_map(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term name, meta, uargs;
    uint32_t saved = c->next_reg;
    if (list_length(args) == 1 && ast_is_call(list_nth(args, 0), &name, &meta, &uargs) && name == A("|")) {
        uint32_t m = reg_alloc(c), n;
        size_t vars_before = vars_siblings_begin(c);
        compile_expr(c, list_nth(uargs, 0), m, false);
        vars_sibling_done(c, vars_before);
        uint32_t first = compile_pairs(c, list_nth(uargs, 1), &n);
        vars_siblings_end(c, vars_before);
        emit(c, OP_MAP_UPDATE, (Code)dst, (Code)m, (Code)first, (Code)n);
    } else {
        uint32_t n;
        uint32_t first = compile_pairs(c, args, &n);
        emit(c, OP_MAKE_MAP, (Code)dst, (Code)first, (Code)n);
    }
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_struct(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term mod_ast = list_nth(args, 0), map_ast = list_nth(args, 1);
    Term name, meta, margs, uargs;
    if (!ast_is_call(map_ast, &name, &meta, &margs)) compile_fail(c, "CompileError", "invalid struct");
    Term mod = expand_alias(c->mod, mod_ast);
    if (mod == TERM_NONE && (ast_is_call(mod_ast, &name, NULL, NULL) || ast_is_var(mod_ast, &name, NULL)) && name == A("__MODULE__")) mod = c->mod->name;
    if (mod == TERM_NONE) compile_fail(c, "CompileError", "expected struct name to be a compile time atom or alias");
    bool update = list_length(margs) == 1 && ast_is_call(list_nth(margs, 0), &name, &meta, &uargs) && name == A("|");
    Term def = module_struct_default(c, mod, update ? 0 : 1);
    module_struct_check_keys(c, mod, def, update ? list_nth(uargs, 1) : margs, update ? 0 : 1);
    uint32_t saved = c->next_reg;
    Term pairs = margs;
    uint32_t base_reg = reg_alloc(c);
    size_t vars_before = vars_siblings_begin(c);
    if (update) {
        compile_expr(c, list_nth(uargs, 0), base_reg, false);
        vars_sibling_done(c, vars_before);
        pairs = list_nth(uargs, 1);
    } else {
        emit(c, OP_LOADK, (Code)base_reg, (Code)def);
    }
    if (!update) {
        /* @enforce_keys: each must be given when building the struct */
        Module *sm = module_lookup(mod);
        Term enforce = sm ? sm->struct_enforce : (c->mod->module && mod == c->mod->name ? c->mod->module->struct_enforce : TERM_NIL);
        char missing[512];
        size_t len = 0;
        for (Term e = enforce; term_is_cons(e); e = cons_tail(e)) {
            if (kw_get(pairs, cons_head(e)) != TERM_NONE) continue;
            len += (size_t)snprintf(missing + len, sizeof missing - len, "%s:%s", len ? ", " : "", atom_text(cons_head(e)));
            if (len >= sizeof missing) break;
        }
        if (len) {
            char *shown = module_display_name(mod), text[300];
            snprintf(text, sizeof text, "%s", shown);
            free(shown);
            compile_fail_struct(c, mod, 1, "ArgumentError", "the following keys must also be given when building struct %s: [%s]", text, missing);
        }
    }
    uint32_t n;
    uint32_t first = compile_pairs(c, pairs, &n);
    vars_siblings_end(c, vars_before);
    emit(c, update ? OP_MAP_UPDATE : OP_MAP_PUT, (Code)dst, (Code)base_reg, (Code)first, (Code)n);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_bitstring(FnCtx *c, Term segs, uint32_t dst, bool tail)
{
    segs = bin_expand_utf_literals(c, segs);
    size_t n = list_length(segs);
    BinSpec *spec = module_own(xcalloc(1, sizeof(BinSpec) + n * sizeof(BinSeg)));
    spec->nsegs = (uint32_t)n;
    uint32_t saved = c->next_reg;
    uint32_t first = reg_alloc_n(c, (uint32_t)n);
    size_t vars_before = vars_siblings_begin(c);
    size_t i = 0;
    for (Term l = segs; term_is_cons(l); l = cons_tail(l), i++) {
        Term seg_ast = cons_head(l), name, meta, args, size_ast = TERM_NONE;
        BinSeg *seg = &spec->segs[i];
        seg->type = SEG_INTEGER;
        seg->unit = 1;
        seg->size = SIZE_MAX;
        seg->literal = TERM_NONE;
        Term value = seg_ast;
        if (ast_is_call(seg_ast, &name, &meta, &args) && name == A("::") && list_length(args) == 2) {
            value = list_nth(args, 0);
            bin_segment_spec(c, list_nth(args, 1), seg, &size_ast);
        } else if (term_is_bitstring(seg_ast)) {
            seg->type = SEG_BINARY;
            seg->unit = 8;
        }
        if (seg->type == SEG_INTEGER && size_ast == TERM_NONE) seg->size = 8;
        if (seg->type == SEG_FLOAT && size_ast == TERM_NONE) seg->size = 64;
        if (size_ast != TERM_NONE) {
            if (term_is_small(size_ast)) {
                seg->size = (size_t)small_value(size_ast);
            } else {
                uint32_t sr = reg_alloc(c);
                compile_expr(c, size_ast, sr, false);
                seg->size_in_reg = true;
                seg->size = sr;
            }
        }
        compile_expr(c, value, first + (uint32_t)i, false);
        vars_sibling_done(c, vars_before);
    }
    vars_siblings_end(c, vars_before);
    emit(c, OP_BS_BUILD, (Code)dst, (Code)spec, (Code)first, (Code)n);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

/* ---- control flow ------------------------------------------------------------- */

/* pattern = value; dst = MATCH_DISCARD when the value is not used (a
 * statement of a block). */
#define MATCH_DISCARD UINT32_MAX
static void compile_match(FnCtx *c, Term args, uint32_t dst, bool tail);

static void compile_block(FnCtx *c, Term exprs, uint32_t dst, bool tail)
{
    if (exprs == TERM_NIL) {
        emit(c, OP_LOADK, (Code)dst, (Code)ATOM_nil);
        finish(c, dst, tail);
        return;
    }
    for (Term l = exprs; term_is_cons(l); l = cons_tail(l)) {
        bool last = cons_tail(l) == TERM_NIL;
        if (last) {
            compile_expr(c, cons_head(l), dst, tail);
        } else {
            /* the statement's temporaries are freed after it, but not the
             * registers of variables it binds (reg_restore keeps those) */
            uint32_t saved = c->next_reg;
            Term name, args;
            warn_var_no_effect(c, cons_head(l));
            warn_literal_no_effect(c, cons_head(l));
            warn_ignored_result(c, cons_head(l));
            if (ast_is_call(cons_head(l), &name, NULL, &args) && name == A("=") && list_length(args) == 2) {
                /* x = f(): the value lands where x lives, no copy */
                compile_match(c, args, MATCH_DISCARD, false);
            } else {
                uint32_t scratch = reg_alloc(c);
                compile_expr(c, cons_head(l), scratch, false);
            }
            reg_restore(c, saved);
        }
    }
}

static void compile_match(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term pattern = list_nth(args, 0), value = list_nth(args, 1);
    uint32_t v = reg_alloc(c);
    compile_expr(c, value, v, false);
    uint32_t fail = label_new(c), ok = label_new(c);
    size_t saved_start = c->pattern_vars_start;
    c->pattern_vars_start = c->nvars;
    size_t before = c->len;
    compile_pattern(c, pattern, v, fail);
    c->pattern_vars_start = saved_start;
    if (c->len != before) {
        /* a pattern with tests in it (a bare variable has none) */
        emit(c, OP_JUMP, OPERAND_LABEL(ok));
        label_place(c, fail);
        emit(c, OP_ERROR, (Code)ERR_BADMATCH, (Code)v);
        label_place(c, ok);
    }
    if (dst == MATCH_DISCARD) return;
    if (dst != v) emit(c, OP_MOVE, (Code)dst, (Code)v);
    finish(c, dst, tail);
}

static void compile_case(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term subject = list_nth(args, 0), opts = list_nth(args, 1);
    Term clauses = kw_get(opts, ATOM_do);
    uint32_t saved = c->next_reg;
    uint32_t s = compile_operand(c, subject);
    warn_shadowed_list(c, clauses);
    uint32_t done = compile_clauses(c, clauses, &s, 1, dst, tail);
    emit(c, OP_ERROR, (Code)ERR_CASE_CLAUSE, (Code)s);
    label_place(c, done);
    reg_restore(c, saved);
}

static void compile_cond(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term clauses = kw_get(list_nth(args, 0), ATOM_do);
    uint32_t done = label_new(c);
    uint32_t saved = c->next_reg;
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, cargs;
        if (!ast_is_call(cons_head(l), &name, &meta, &cargs)) compile_fail(c, "CompileError", "expected -> clauses for :do in \"cond\"");
        set_line_from_meta(c, meta);
        uint32_t next = label_new(c);
        uint32_t t = reg_alloc(c);
        size_t saved_vars = c->nvars;
        compile_expr(c, list_nth(list_nth(cargs, 0), 0), t, false);
        emit(c, OP_TEST_TRUTHY, (Code)t, OPERAND_LABEL(next));
        compile_expr(c, list_nth(cargs, 1), dst, tail);
        if (!tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
        label_place(c, next);
        vars_scope_end(c, saved_vars);
        reg_restore(c, saved);
    }
    emit(c, OP_ERROR, (Code)ERR_COND_CLAUSE, (Code)dst);
    label_place(c, done);
}

static void compile_if(FnCtx *c, Term args, uint32_t dst, bool tail, bool unless)
{
    Term cond = list_nth(args, 0), opts = list_nth(args, 1);
    /* the keys are do, and else at most once */
    int dos = 0, elses = 0, others = !term_is_list(opts);
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l), key = term_is_tuple(pair) && tuple_size(pair) == 2 ? tuple_get(pair, 0) : TERM_NONE;
        if (key == ATOM_do) dos++;
        else if (key == ATOM_else) elses++;
        else others++;
    }
    if (dos != 1 || elses > 1 || others) {
        const char *which = unless ? "unless" : "if";
        char frames[200];
        snprintf(frames, sizeof frames, "(elixir 1.14.0) lib/kernel.ex:%s\n(elixir 1.14.0) expanding macro: Kernel.%s/2",
                 unless ? "3775: Kernel.build_unless/2" : "3731: Kernel.build_if/2", which);
        compile_fail_expanding(c, frames, "ArgumentError",
                               "invalid or duplicate keys for %s, only \"do\" and an optional \"else\" are permitted", which);
    }
    Term then_ast = kw_get(opts, ATOM_do), else_ast = kw_get(opts, ATOM_else);
    if (then_ast == TERM_NONE) then_ast = ATOM_nil;
    if (else_ast == TERM_NONE) else_ast = ATOM_nil;
    if (unless) { Term t = then_ast; then_ast = else_ast; else_ast = t; }
    uint32_t saved = c->next_reg;
    size_t saved_vars = c->nvars;
    uint32_t other = label_new(c), done = label_new(c);
    compile_branch(c, cond, other, 0);
    compile_expr(c, then_ast, dst, tail);
    vars_scope_end(c, saved_vars);
    if (!tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
    label_place(c, other);
    compile_expr(c, else_ast, dst, tail);
    vars_scope_end(c, saved_vars);
    label_place(c, done);
    reg_restore(c, saved);
}

static void compile_and_or(FnCtx *c, Term args, uint32_t dst, bool tail, bool is_and)
{
    if (!c->in_guard && ast_is_boolean(list_nth(args, 0), 0) && ast_is_boolean(list_nth(args, 1), 0)) {
        /* comparisons joined: jumps, and the boolean made once at the end */
        uint32_t no = label_new(c);
        compile_branch(c, tuple3(c->mod->scratch, A(is_and ? "and" : "or"), TERM_NIL, args), no, 0);
        finish_boolean(c, dst, no, tail);
        return;
    }
    uint32_t saved = c->next_reg;
    uint32_t t = reg_alloc(c);
    compile_expr(c, list_nth(args, 0), t, false);
    uint32_t shortcut = label_new(c), done = label_new(c);
    emit(c, OP_TEST_BOOLEAN, (Code)t, c->in_guard ? OPERAND_LABEL(c->guard_fail) : (Code)0, (Code)A(is_and ? "and" : "or"));
    emit(c, is_and ? OP_TEST_TRUE : OP_TEST_FALSE, (Code)t, OPERAND_LABEL(shortcut));
    /* the right side is a case clause in Elixir: what it binds stays there */
    size_t vars_before = c->nvars;
    compile_expr(c, list_nth(args, 1), dst, false);
    vars_scope_end(c, vars_before);
    emit(c, OP_JUMP, OPERAND_LABEL(done));
    label_place(c, shortcut);
    emit(c, OP_MOVE, (Code)dst, (Code)t);
    label_place(c, done);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_truthy_op(FnCtx *c, Term args, uint32_t dst, bool tail, bool is_and)
{
    uint32_t saved = c->next_reg;
    uint32_t t = reg_alloc(c);
    compile_expr(c, list_nth(args, 0), t, false);
    uint32_t falsy = label_new(c), done = label_new(c);
    emit(c, OP_TEST_TRUTHY, (Code)t, OPERAND_LABEL(falsy));
    /* truthy left side; the right side is a case clause in Elixir: what
     * it binds stays there */
    size_t vars_before = c->nvars;
    if (is_and) compile_expr(c, list_nth(args, 1), dst, false);
    else emit(c, OP_MOVE, (Code)dst, (Code)t);
    emit(c, OP_JUMP, OPERAND_LABEL(done));
    label_place(c, falsy);
    if (is_and) emit(c, OP_MOVE, (Code)dst, (Code)t);
    else compile_expr(c, list_nth(args, 1), dst, false);
    vars_scope_end(c, vars_before);
    label_place(c, done);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_not_truthy(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    uint32_t saved = c->next_reg;
    uint32_t t = reg_alloc(c);
    compile_expr(c, list_nth(args, 0), t, false);
    uint32_t falsy = label_new(c);
    emit(c, OP_TEST_TRUTHY, (Code)t, OPERAND_LABEL(falsy));
    emit_boolean(c, dst, falsy, false);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

static void compile_with(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    size_t n = list_length(args);
    Term opts = list_nth(args, n - 1);
    Term body = kw_get(opts, ATOM_do), else_clauses = kw_get(opts, ATOM_else);
    uint32_t saved = c->next_reg;
    size_t saved_vars = c->nvars;
    uint32_t v = reg_alloc(c);
    uint32_t failed = label_new(c), done = label_new(c);
    for (size_t i = 0; i + 1 < n; i++) {
        Term clause = list_nth(args, i), name, meta, cargs;
        if (ast_is_call(clause, &name, &meta, &cargs) && name == A("<-") && list_length(cargs) == 2) {
            set_line_from_meta(c, meta);
            Term pattern = list_nth(cargs, 0), guard = TERM_NONE, gname, gargs;
            if (ast_is_call(pattern, &gname, NULL, &gargs) && gname == A("when")) {
                guard = list_nth(gargs, 1);
                pattern = list_nth(gargs, 0);
            }
            compile_expr(c, list_nth(cargs, 1), v, false);
            size_t saved_start = c->pattern_vars_start;
            c->pattern_vars_start = c->nvars;
            uint32_t saved_reused = c->reused_reg;
            c->reused_reg = v; /* the next clause's value goes to v too */
            compile_pattern(c, pattern, v, failed);
            c->reused_reg = saved_reused;
            c->pattern_vars_start = saved_start;
            if (guard != TERM_NONE) compile_guard(c, guard, failed);
        } else {
            uint32_t scratch = reg_alloc(c);
            compile_expr(c, clause, scratch, false);
        }
    }
    compile_expr(c, body == TERM_NONE ? ATOM_nil : body, dst, tail);
    if (!tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
    vars_scope_end(c, saved_vars);
    label_place(c, failed);
    if (else_clauses != TERM_NONE) {
        uint32_t edone = compile_clauses(c, else_clauses, &v, 1, dst, tail);
        emit(c, OP_ERROR, (Code)ERR_WITH_CLAUSE, (Code)v);
        label_place(c, edone);
    } else {
        emit(c, OP_MOVE, (Code)dst, (Code)v);
        finish(c, dst, tail);
    }
    label_place(c, done);
    reg_restore(c, saved);
}

/* <<a, b <- bin>> parses as <<a, {:<-, _, [b, bin]}>>. */
static bool is_binary_generator(Term segs)
{
    Term last = list_nth(segs, list_length(segs) - 1), name, meta, args;
    return ast_is_call(last, &name, &meta, &args) && name == A("<-") && list_length(args) == 2;
}

static void split_binary_generator(ModCtx *m, Term segs, Term *pattern_segs, Term *bin)
{
    size_t n = list_length(segs);
    Term *items = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) items[i] = list_nth(segs, i);
    Term last = items[n - 1];
    Term largs = tuple_get(last, 2);
    items[n - 1] = list_nth(largs, 0);
    *bin = list_nth(largs, 1);
    *pattern_segs = list_from(m->scratch, n, items);
    free(items);
}

/* One generator of a for: Enum.reduce(enumerable, acc, fn pattern, acc
 * [when guard] -> inner; _, acc -> acc end): elements that do not match
 * are skipped. letrec: a bitstring generator, a list comprehension to the
 * BEAM rather than a fun (compile_lambda.c). */
static Term generator_reduce(ModCtx *m, Term enumerable, Term pattern, Term guard, Term acc, Term inner, bool letrec)
{
    Heap *h = m->scratch;
    Term head = list_from(h, 2, (Term[]){pattern, acc});
    if (guard != TERM_NONE) head = list_from(h, 1, (Term[]){tuple3(h, A("when"), TERM_NIL, list_from(h, 3, (Term[]){pattern, acc, guard}))});
    Term clause = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){head, inner}));
    Term skip = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, 2, (Term[]){tuple3(h, A("_"), TERM_NIL, ATOM_nil), acc}), acc}));
    /* generated: its skipping clause is no clause of the source (compile_fn) */
    Term generated = list_from(h, 1, (Term[]){tuple2(h, A("generated"), ATOM_true)});
    if (letrec) generated = cons_new(h, tuple2(h, A("genlab_letrec"), ATOM_true), generated);
    Term fn = tuple3(h, A("fn"), generated, list_from(h, 2, (Term[]){clause, skip}));
    return mk_remote(m, A("Elixir.Enum"), "reduce", 3, (Term[]){enumerable, acc, fn});
}

/* <<segs <- bin>>: the list of bin's successive prefixes that match segs
 * (:genlab_support.bin_chunks with a matcher fn); *pattern gets <<segs>>
 * to match each of them again in the generator. */
static Term binary_generator_chunks(ModCtx *m, Term qargs, Term *pattern)
{
    Heap *h = m->scratch;
    Term segs, bin;
    split_binary_generator(m, qargs, &segs, &bin);
    Term rest = tuple3(h, A("genlab_rest"), TERM_NIL, A("genlab_for"));
    Term chunk = tuple3(h, A("genlab_chunk"), TERM_NIL, A("genlab_for"));
    Term bits_spec = tuple3(h, A("bitstring"), TERM_NIL, ATOM_nil);
    Term rest_seg = tuple3(h, A("::"), TERM_NIL, list_from(h, 2, (Term[]){rest, bits_spec}));
    size_t ns = list_length(segs);
    Term *all = xmalloc((ns + 2) * sizeof(Term));
    for (size_t k = 0; k < ns; k++) all[k] = list_nth(segs, k);
    all[ns] = rest_seg;
    Term match_pat = tuple3(h, A("="), TERM_NIL, list_from(h, 2, (Term[]){tuple3(h, A("<<>>"), TERM_NIL, list_from(h, ns + 1, all)), chunk}));
    free(all);
    Term consumed = tuple3(h, A("-"), TERM_NIL, list_from(h, 2, (Term[]){
        tuple3(h, A("bit_size"), TERM_NIL, list_from(h, 1, &chunk)), tuple3(h, A("bit_size"), TERM_NIL, list_from(h, 1, &rest))}));
    Term yes = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, 1, &match_pat), consumed}));
    Term no = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, 1, (Term[]){tuple3(h, A("_"), TERM_NIL, ATOM_nil)}), A("done")}));
    /* the generator's pattern is matched here only to measure it: nothing
     * in this fn is warned about (compile_fn) */
    Term quiet = list_from(h, 1, (Term[]){tuple2(h, A("genlab_quiet"), ATOM_true)});
    Term matcher = tuple3(h, A("fn"), quiet, list_from(h, 2, (Term[]){yes, no}));
    *pattern = tuple3(h, A("<<>>"), TERM_NIL, segs);
    return mk_remote(m, A("genlab_support"), "bin_chunks", 2, (Term[]){bin, matcher});
}

/* for: rewritten into Enum.reduce calls with a reversed accumulator. */
static void compile_for(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    ModCtx *m = c->mod;
    Heap *h = m->scratch;
    size_t n = list_length(args);
    Term opts = list_nth(args, n - 1);
    if (!term_is_list(opts) || kw_get(opts, ATOM_do) == TERM_NONE) compile_fail(c, "CompileError", "missing :do option in \"for\"");
    Term body = kw_get(opts, ATOM_do);
    /* `for x <- xs, into: %{} do ... end`: the options precede the block */
    Term extra = n >= 2 ? list_nth(args, n - 2) : TERM_NIL;
    bool extra_opts = n >= 3 && term_is_cons(extra) && term_is_tuple(cons_head(extra)) && tuple_size(cons_head(extra)) == 2 &&
                      term_is_atom(tuple_get(cons_head(extra), 0));
    Term into = kw_get(opts, A("into")), reduce = kw_get(opts, A("reduce")), uniq = kw_get(opts, A("uniq"));
    if (extra_opts) {
        if (into == TERM_NONE) into = kw_get(extra, A("into"));
        if (reduce == TERM_NONE) reduce = kw_get(extra, A("reduce"));
        if (uniq == TERM_NONE) uniq = kw_get(extra, A("uniq"));
        n--;
    }
    Term acc = tuple3(h, A("for_acc"), TERM_NIL, A("genlab_for"));
    Term enum_mod = A("Elixir.Enum");
    Term inner;
    if (reduce != TERM_NONE) {
        /* body is a list of `acc -> new_acc` clauses applied to the accumulator */
        inner = tuple3(h, A("case"), TERM_NIL, list_from(h, 2, (Term[]){acc, list_from(h, 1, (Term[]){tuple2(h, ATOM_do, body)})}));
    } else {
        inner = list_from(h, 1, (Term[]){tuple3(h, A("|"), TERM_NIL, list_from(h, 2, (Term[]){body, acc}))});
    }
    for (size_t i = n - 1; i-- > 0;) {
        Term q = list_nth(args, i), name, meta, qargs;
        if (ast_is_call(q, &name, &meta, &qargs) && name == A("<-") && list_length(qargs) == 2) {
            Term pattern = list_nth(qargs, 0), guard = TERM_NONE, gname, gargs;
            if (ast_is_call(pattern, &gname, NULL, &gargs) && gname == A("when")) {
                pattern = list_nth(gargs, 0);
                guard = list_nth(gargs, 1);
            }
            inner = generator_reduce(m, list_nth(qargs, 1), pattern, guard, acc, inner, false);
        } else if (ast_is_call(q, &name, &meta, &qargs) && name == A("<<>>") && is_binary_generator(qargs)) {
            Term pattern;
            Term chunks = binary_generator_chunks(m, qargs, &pattern);
            inner = generator_reduce(m, chunks, pattern, TERM_NONE, acc, inner, true);
        } else {
            /* a filter */
            inner = tuple3(h, A("if"), TERM_NIL, list_from(h, 2, (Term[]){q, list_from(h, 2, (Term[]){tuple2(h, ATOM_do, inner), tuple2(h, ATOM_else, acc)})}));
        }
    }
    /* bind the initial accumulator, then run */
    Term init = reduce != TERM_NONE ? reduce : TERM_NIL;
    Term bind = tuple3(h, A("="), TERM_NIL, list_from(h, 2, (Term[]){acc, init}));
    Term result = inner;
    if (reduce == TERM_NONE) {
        result = mk_remote(m, A("lists"), "reverse", 1, (Term[]){inner});
        if (uniq == ATOM_true) result = mk_remote(m, enum_mod, "uniq", 1, (Term[]){result});
        if (into != TERM_NONE && into != TERM_NIL) result = mk_remote(m, enum_mod, "into", 2, (Term[]){result, into});
    }
    Term block = tuple3(h, A("__block__"), TERM_NIL, list_from(h, 2, (Term[]){bind, result}));
    size_t saved_vars = c->nvars;
    uint32_t saved = c->next_reg;
    compile_expr(c, block, dst, tail);
    vars_scope_end(c, saved_vars);
    reg_restore(c, saved);
}

/* rescue clause patterns: e in [A, B] | e in A | A | e | %A{} = e */
static void compile_rescue_clause(FnCtx *c, Term clause, uint32_t exc, uint32_t dst, uint32_t next, bool tail)
{
    Term name, meta, cargs;
    if (!ast_is_call(clause, &name, &meta, &cargs) || list_length(cargs) != 2) compile_fail(c, "CompileError", "invalid rescue clause");
    Term pattern = list_nth(list_nth(cargs, 0), 0);
    Term var = TERM_NONE, mods = TERM_NIL, pname, pargs;
    if (ast_is_call(pattern, &pname, NULL, &pargs) && pname == A("in") && list_length(pargs) == 2) {
        var = list_nth(pargs, 0);
        Term right = list_nth(pargs, 1);
        mods = term_is_list(right) ? right : list_from(c->mod->scratch, 1, &right);
    } else if (expand_alias(c->mod, pattern) != TERM_NONE) {
        mods = list_from(c->mod->scratch, 1, &pattern);
    } else {
        var = pattern;
    }
    if (mods != TERM_NIL) {
        uint32_t s = reg_alloc(c), key = reg_alloc(c);
        uint32_t ok = label_new(c);
        emit(c, OP_LOADK, (Code)key, (Code)ATOM___struct__);
        emit(c, OP_MAP_GET, (Code)s, (Code)exc, (Code)key, OPERAND_LABEL(next));
        for (Term l = mods; term_is_cons(l); l = cons_tail(l)) {
            Term mod = expand_alias(c->mod, cons_head(l));
            if (mod == TERM_NONE && term_is_atom(cons_head(l))) mod = cons_head(l);
            if (mod == TERM_NONE) compile_fail(c, "CompileError", "invalid rescue clause");
            uint32_t not_this = label_new(c);
            emit(c, OP_TEST_EQ_K, (Code)s, (Code)mod, OPERAND_LABEL(not_this));
            emit(c, OP_JUMP, OPERAND_LABEL(ok));
            label_place(c, not_this);
        }
        emit(c, OP_JUMP, OPERAND_LABEL(next));
        label_place(c, ok);
    }
    if (var != TERM_NONE) {
        size_t saved_start = c->pattern_vars_start;
        c->pattern_vars_start = c->nvars;
        compile_pattern(c, var, exc, next);
        c->pattern_vars_start = saved_start;
    }
    compile_expr(c, list_nth(cargs, 1), dst, tail);
}

static void compile_try(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term opts = list_nth(args, 0);
    Term body = kw_get(opts, ATOM_do), rescue = kw_get(opts, ATOM_rescue), catch_ = kw_get(opts, ATOM_catch);
    Term else_ = kw_get(opts, ATOM_else), after = kw_get(opts, ATOM_after);
    uint32_t saved = c->next_reg;
    size_t saved_vars = c->nvars;
    uint32_t after_regs = 0, after_handler = 0;
    c->in_try++;
    if (after != TERM_NONE) {
        after_regs = reg_alloc_n(c, 3);
        after_handler = label_new(c);
        emit(c, OP_TRY, OPERAND_LABEL(after_handler), (Code)after_regs);
    }
    uint32_t exc_regs = reg_alloc_n(c, 3);
    uint32_t handler = label_new(c), done = label_new(c);
    bool has_handlers = rescue != TERM_NONE || catch_ != TERM_NONE;
    if (has_handlers) emit(c, OP_TRY, OPERAND_LABEL(handler), (Code)exc_regs);
    uint32_t v = reg_alloc(c);
    compile_expr(c, body == TERM_NONE ? ATOM_nil : body, v, false);
    vars_scope_end(c, saved_vars);
    if (has_handlers) emit(c, OP_TRY_END);
    /* Past the body no handler of this try is active: the else, catch and
     * rescue bodies are in tail position when the try is, as the BEAM's
     * (a call there leaves no frame of this function), unless an after
     * still waits. */
    bool out_tail = tail && after == TERM_NONE;
    if (after == TERM_NONE) c->in_try--;
    if (else_ != TERM_NONE) {
        uint32_t edone = compile_clauses(c, else_, &v, 1, dst, out_tail);
        emit(c, OP_ERROR, (Code)ERR_TRY_CLAUSE, (Code)v);
        label_place(c, edone);
        if (!out_tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
    } else if (out_tail) {
        emit(c, OP_RETURN, (Code)v);
    } else {
        emit(c, OP_MOVE, (Code)dst, (Code)v);
        emit(c, OP_JUMP, OPERAND_LABEL(done));
    }
    if (has_handlers) {
        label_place(c, handler);
        var_bind(c, A("__STACKTRACE__"), ATOM_nil, exc_regs + 2);
        uint32_t exc = reg_alloc(c);
        if (rescue != TERM_NONE) {
            /* rescue sees errors only, normalized to exception structs */
            uint32_t not_error = label_new(c);
            emit(c, OP_TEST_EQ_K, (Code)exc_regs, (Code)ATOM_error, OPERAND_LABEL(not_error));
            uint32_t a = reg_alloc_n(c, 3);
            emit(c, OP_MOVE, (Code)a, (Code)exc_regs);
            emit(c, OP_MOVE, (Code)(a + 1), (Code)(exc_regs + 1));
            emit(c, OP_MOVE, (Code)(a + 2), (Code)(exc_regs + 2));
            emit(c, OP_CALL_EXT, (Code)extref_new(A("Elixir.Exception"), A("normalize"), 3), (Code)a, (Code)3);
            emit(c, OP_MOVE, (Code)exc, (Code)a);
            for (Term l = rescue; term_is_cons(l); l = cons_tail(l)) {
                uint32_t next = label_new(c);
                size_t sv = c->nvars;
                uint32_t sr = c->next_reg;
                compile_rescue_clause(c, cons_head(l), exc, dst, next, out_tail);
                if (!out_tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
                label_place(c, next);
                vars_scope_end(c, sv);
                reg_restore(c, sr);
            }
            label_place(c, not_error);
        }
        if (catch_ != TERM_NONE) {
            for (Term l = catch_; term_is_cons(l); l = cons_tail(l)) {
                Term name, meta, cargs;
                if (!ast_is_call(cons_head(l), &name, &meta, &cargs)) compile_fail(c, "CompileError", "invalid catch clause");
                Term patterns, guard;
                clause_head(list_nth(cargs, 0), &patterns, &guard);
                uint32_t next = label_new(c);
                size_t sv = c->nvars;
                uint32_t sr = c->next_reg;
                c->pattern_vars_start = c->nvars;
                if (list_length(patterns) == 1) {
                    emit(c, OP_TEST_EQ_K, (Code)exc_regs, (Code)ATOM_throw, OPERAND_LABEL(next));
                    compile_pattern(c, list_nth(patterns, 0), exc_regs + 1, next);
                } else {
                    compile_pattern(c, list_nth(patterns, 0), exc_regs, next);
                    compile_pattern(c, list_nth(patterns, 1), exc_regs + 1, next);
                }
                if (guard != TERM_NONE) compile_guard(c, guard, next);
                compile_expr(c, list_nth(cargs, 1), dst, out_tail);
                if (!out_tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
                label_place(c, next);
                vars_scope_end(c, sv);
                reg_restore(c, sr);
            }
        }
        emit(c, OP_RAISE, (Code)exc_regs, (Code)(exc_regs + 1), (Code)(exc_regs + 2));
    }
    label_place(c, done);
    if (after != TERM_NONE) c->in_try--;
    if (after != TERM_NONE) {
        uint32_t end = label_new(c);
        emit(c, OP_TRY_END);
        uint32_t scratch = reg_alloc(c);
        compile_expr(c, after, scratch, false);
        vars_scope_end(c, saved_vars);
        emit(c, OP_JUMP, OPERAND_LABEL(end));
        label_place(c, after_handler);
        c->warn_off++; /* the same code again: warned about once */
        compile_expr(c, after, scratch, false);
        c->warn_off--;
        vars_scope_end(c, saved_vars);
        emit(c, OP_RAISE, (Code)after_regs, (Code)(after_regs + 1), (Code)(after_regs + 2));
        label_place(c, end);
    }
    vars_scope_end(c, saved_vars);
    reg_restore(c, saved);
    finish(c, dst, tail);
}

/* Collects into names/contexts (up to max) the variables pinned (^v) in
 * pattern AST `ast`; returns how many, or -1 when the pattern is too big
 * to walk within the fixed stack (the caller then simply does without). */
static int pattern_pins(Term ast, Term *names, Term *contexts, int max)
{
    Term stack[256];
    size_t depth = 0;
    int n = 0;
    stack[depth++] = ast;
    while (depth) {
        Term t = stack[--depth];
        Term name, meta, args, vname, vctx;
        if (ast_is_call(t, &name, &meta, &args) && name == A("^") && term_is_cons(args) &&
            ast_is_var(cons_head(args), &vname, &vctx)) {
            if (n < max) {
                names[n] = vname;
                contexts[n++] = vctx;
            }
            continue;
        }
        if (term_is_cons(t)) {
            if (depth + 2 > 256) return -1;
            stack[depth++] = cons_tail(t);
            stack[depth++] = cons_head(t);
        } else if (term_is_tuple(t)) {
            if (depth + tuple_size(t) > 256) return -1;
            for (size_t i = 0; i < tuple_size(t); i++) stack[depth++] = tuple_get(t, i);
        }
    }
    return n;
}

/* The register of a variable that every clause of a receive pins, or
 * UINT32_MAX. When it holds a reference the process made, messages older
 * than the reference cannot match: RECV_MARKED skips them (the BEAM's
 * reference trick, which makes a call O(1) in the caller's mailbox). */
static uint32_t receive_common_pin(FnCtx *c, Term clauses)
{
    Term names[8], contexts[8];
    int n = -1;
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, cargs, patterns, guard;
        if (!ast_is_call(cons_head(l), &name, &meta, &cargs)) return UINT32_MAX;
        clause_head(list_nth(cargs, 0), &patterns, &guard);
        Term cn[8], cc[8];
        int m = pattern_pins(list_nth(patterns, 0), cn, cc, 8);
        if (m <= 0) return UINT32_MAX;
        if (n < 0) {
            memcpy(names, cn, sizeof cn);
            memcpy(contexts, cc, sizeof cc);
            n = m;
            continue;
        }
        /* keep the candidates this clause pins too */
        int kept = 0;
        for (int i = 0; i < n; i++) {
            bool found = false;
            for (int j = 0; j < m && !found; j++) found = cn[j] == names[i] && cc[j] == contexts[i];
            if (found) {
                names[kept] = names[i];
                contexts[kept++] = contexts[i];
            }
        }
        n = kept;
        if (n == 0) return UINT32_MAX;
    }
    if (n <= 0) return UINT32_MAX;
    Var *v = var_lookup(c, names[0], contexts[0]);
    return v ? v->reg : UINT32_MAX;
}

static void compile_receive(FnCtx *c, Term args, uint32_t dst, bool tail)
{
    Term opts = list_nth(args, 0);
    Term clauses = kw_get(opts, ATOM_do), after = kw_get(opts, ATOM_after);
    if (clauses == TERM_NONE || clauses == ATOM_nil) clauses = TERM_NIL;
    warn_shadowed_list(c, clauses);
    uint32_t saved = c->next_reg;
    uint32_t timeout = reg_alloc(c), msg = reg_alloc(c);
    Term after_body = ATOM_nil;
    if (after != TERM_NONE) {
        Term name, meta, cargs;
        if (!ast_is_call(list_nth(after, 0), &name, &meta, &cargs)) compile_fail(c, "CompileError", "expected -> clauses for :after in \"receive\"");
        compile_expr(c, list_nth(list_nth(cargs, 0), 0), timeout, false);
        after_body = list_nth(cargs, 1);
    } else {
        emit(c, OP_LOADK, (Code)timeout, (Code)ATOM_infinity);
    }
    uint32_t peek = label_new(c), wait = label_new(c), timed_out = label_new(c), done = label_new(c);
    uint32_t pinned = receive_common_pin(c, clauses);
    if (pinned != UINT32_MAX) emit(c, OP_RECV_MARKED, (Code)pinned);
    label_place(c, peek);
    emit(c, OP_RECV_PEEK, (Code)msg, OPERAND_LABEL(wait));
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, cargs;
        if (!ast_is_call(cons_head(l), &name, &meta, &cargs)) compile_fail(c, "CompileError", "expected -> clauses for :do in \"receive\"");
        set_line_from_meta(c, meta);
        Term patterns, guard;
        clause_head(list_nth(cargs, 0), &patterns, &guard);
        uint32_t next = label_new(c);
        size_t sv = c->nvars;
        uint32_t sr = c->next_reg;
        c->pattern_vars_start = c->nvars;
        compile_pattern(c, list_nth(patterns, 0), msg, next);
        if (guard != TERM_NONE) compile_guard(c, guard, next);
        emit(c, OP_RECV_ACCEPT);
        compile_expr(c, list_nth(cargs, 1), dst, tail);
        if (!tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
        label_place(c, next);
        vars_scope_end(c, sv);
        reg_restore(c, sr);
    }
    emit(c, OP_RECV_NEXT, OPERAND_LABEL(peek));
    label_place(c, wait);
    emit(c, OP_RECV_WAIT, (Code)timeout, OPERAND_LABEL(timed_out));
    emit(c, OP_JUMP, OPERAND_LABEL(peek));
    label_place(c, timed_out);
    compile_expr(c, after_body, dst, tail);
    label_place(c, done);
    reg_restore(c, saved);
}

/* ---- fn and & -------------------------------------------------------------------- */

typedef struct VarSet {
    Term *names, *contexts;
    size_t n, cap;
} VarSet;

static void varset_add(VarSet *s, Term name, Term ctx)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->names[i] == name && s->contexts[i] == ctx) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->names = xrealloc(s->names, s->cap * sizeof(Term));
        s->contexts = xrealloc(s->contexts, s->cap * sizeof(Term));
    }
    s->names[s->n] = name;
    s->contexts[s->n] = ctx;
    s->n++;
}

static void collect_vars(ModCtx *m, Term ast, VarSet *s, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(m, 0);
    Term name, ctx;
    if (term_is_cons(ast)) {
        for (; term_is_cons(ast); ast = cons_tail(ast)) collect_vars(m, cons_head(ast), s, depth + 1);
        return;
    }
    if (!term_is_tuple(ast)) return;
    if (ast_is_var(ast, &name, &ctx)) {
        varset_add(s, name, ctx);
        return;
    }
    for (size_t i = 0; i < tuple_size(ast); i++) {
        if (i == 1 && tuple_size(ast) == 3) continue; /* metadata */
        collect_vars(m, tuple_get(ast, i), s, depth + 1);
    }
}

/* What a fn clause's head binds (*binds) and what of the enclosing scope
 * it may read there (*reads: the pinned variables), walked as
 * collect_vars walks. */
static void collect_head_vars(ModCtx *m, Term ast, VarSet *binds, VarSet *reads, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(m, 0);
    Term name, ctx, meta, args;
    if (term_is_cons(ast)) {
        for (; term_is_cons(ast); ast = cons_tail(ast)) collect_head_vars(m, cons_head(ast), binds, reads, depth + 1);
        return;
    }
    if (!term_is_tuple(ast)) return;
    if (ast_is_var(ast, &name, &ctx)) {
        varset_add(binds, name, ctx);
        return;
    }
    if (ast_is_call(ast, &name, &meta, &args) && name == A("^")) {
        collect_vars(m, args, reads, depth + 1);
        return;
    }
    for (size_t i = 0; i < tuple_size(ast); i++) {
        if (i == 1 && tuple_size(ast) == 3) continue; /* metadata */
        collect_head_vars(m, tuple_get(ast, i), binds, reads, depth + 1);
    }
}

static bool varset_has(const VarSet *s, Term name, Term ctx)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->names[i] == name && s->contexts[i] == ctx) return true;
    return false;
}

/* The variables of the enclosing scope a fn's clauses read, as the BEAM
 * captures them (and counts them in the fn's frame arity): what a clause
 * mentions in its guard or body and its head does not bind itself, and
 * what its head pins. */
static void fn_free_vars(ModCtx *m, Term clauses, VarSet *out)
{
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term name, meta, cargs, patterns, guard;
        if (!ast_is_call(cons_head(l), &name, &meta, &cargs) || list_length(cargs) != 2) continue;
        clause_head(list_nth(cargs, 0), &patterns, &guard);
        VarSet binds = {0}, reads = {0};
        collect_head_vars(m, patterns, &binds, out, 0);
        if (guard != TERM_NONE) collect_vars(m, guard, &reads, 0);
        collect_vars(m, list_nth(cargs, 1), &reads, 0);
        for (size_t i = 0; i < reads.n; i++)
            if (!varset_has(&binds, reads.names[i], reads.contexts[i])) varset_add(out, reads.names[i], reads.contexts[i]);
        free(binds.names);
        free(binds.contexts);
        free(reads.names);
        free(reads.contexts);
    }
}

/* IEx evaluates what is typed at the prompt with :erl_eval, and so do
 * `elixir -e` and Code.eval_string, so a fn typed there is one of
 * erl_eval's own funs, one per arity up to 20: it inspects as
 * #Function<42.3316493/1 in :erl_eval.expr/6> on OTP 25 (index 43 -
 * arity, uniq erl_eval's), and :erlang.fun_info names :erl_eval. Only a
 * script file's top level is compiled (compile_lambda.c numbers its fns). */
static void fun_as_erl_eval(const ModCtx *m, FunInfo *info)
{
    if (m->module || compile_script_tracking() || info->arity > 20) return;
    info->module = A("erl_eval");
    info->parent_name = A("expr");
    info->parent_arity = 6;
    info->index = 43 - info->arity;
    info->uniq = 3316493;
}

/* A library module may give its funs the identity that Elixir's own
 * compiled module gives them, which inspect shows
 * (#Function<48.103858489/1 in Stream.map/2>): the attribute
 * @genlab_fun_ids {uniq, [{def, arity, nth, index}, ...]} names the nth fn
 * (from 0, in source order) of def/arity. */
static void fun_elixir_identity(const ModCtx *m, FunInfo *info, uint32_t nth)
{
    Term ids = TERM_NONE;
    for (size_t i = m->nattrs; i-- > 0 && ids == TERM_NONE;)
        if (m->attrs[i].name == A("genlab_fun_ids")) ids = m->attrs[i].value;
    if (ids == TERM_NONE || !term_is_tuple(ids) || tuple_size(ids) != 2 || !term_is_small(tuple_get(ids, 0))) return;
    for (Term l = tuple_get(ids, 1); term_is_cons(l); l = cons_tail(l)) {
        Term e = cons_head(l);
        if (!term_is_tuple(e) || tuple_size(e) != 4 || !term_is_small(tuple_get(e, 3))) continue;
        if (tuple_get(e, 0) == info->parent_name && tuple_get(e, 1) == small_make(info->parent_arity) &&
            tuple_get(e, 2) == small_make(nth)) {
            info->index = (uint32_t)small_value(tuple_get(e, 3));
            info->uniq = (uint32_t)small_value(tuple_get(ids, 0));
            return;
        }
    }
}

/* A fn; when self is a name, the capture &self/arity of a local function
 * (compile_lambda.c), which inspects as that function. */
static void compile_fn_of(FnCtx *c, Term clauses, uint32_t dst, Term meta, Term self)
{
    Term first = list_nth(clauses, 0), name, cmeta, cargs;
    if (!ast_is_call(first, &name, &cmeta, &cargs)) compile_fail(c, "CompileError", "expected -> clauses in fn");
    Term patterns, guard;
    clause_head(list_nth(cargs, 0), &patterns, &guard);
    uint32_t arity = (uint32_t)list_length(patterns);
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term p2, g2, n2, m2, a2;
        if (!ast_is_call(cons_head(l), &n2, &m2, &a2)) compile_fail(c, "CompileError", "expected -> clauses in fn");
        clause_head(list_nth(a2, 0), &p2, &g2);
        if (list_length(p2) != arity) compile_fail(c, "CompileError", "cannot mix clauses with different arities in anonymous functions");
    }
    /* Captured variables: those the clauses read from here (fn_free_vars). */
    VarSet used = {0};
    fn_free_vars(c->mod, clauses, &used);
    Term *cap_names = xmalloc((used.n + 1) * sizeof(Term)), *cap_ctx = xmalloc((used.n + 1) * sizeof(Term));
    uint32_t *cap_regs = xmalloc((used.n + 1) * sizeof(uint32_t));
    uint32_t ncap = 0;
    for (size_t i = 0; i < used.n; i++) {
        Var *v = var_lookup(c, used.names[i], used.contexts[i]);
        if (v) {
            cap_names[ncap] = used.names[i];
            cap_ctx[ncap] = used.contexts[i];
            cap_regs[ncap] = v->reg;
            ncap++;
        }
    }
    free(used.names);
    free(used.contexts);

    ModCtx *m = c->mod;
    char fname[256];
    /* OTP numbers a def's funs from 0 in its name, and module-wide in its index */
    FnCtx *root = c;
    while (root->parent) root = root->parent;
    uint32_t nth = root->lambdas++;
    snprintf(fname, sizeof fname, "-%s/%u-fun-%u-", term_is_atom(c->fun_name) ? atom_text(c->fun_name) : "fn", c->fun_arity, nth);
    Function *f = module_own(xcalloc(1, sizeof *f));
    f->module = m->name;
    f->name = A(fname);
    f->arity = arity;
    f->nfree = ncap;
    f->exported = false;
    FunInfo *info = module_own(xcalloc(1, sizeof *info));
    info->fn = f;
    info->module = m->name;
    info->parent_name = c->fun_name;
    info->parent_arity = c->fun_arity;
    info->index = m->lambda_counter++;
    info->uniq = 0;
    info->arity = arity;
    info->file = m->file;
    info->copied = code_region_copy_flag(); /* a shell input's fn: see code_region.h */
    fun_as_erl_eval(m, info);
    fun_elixir_identity(m, info, nth);
    bool quiet = term_is_list(meta) && kw_get(meta, A("genlab_quiet")) == ATOM_true;
    int32_t note = -1;
    if (self != TERM_NONE) {
        info->parent_name = self;
        info->parent_arity = FUN_PARENT_IS_FUN;
        note = compile_lambda_note(c, info, LAMBDA_LOCAL_CAPTURE);
    } else if (!quiet) {
        /* a matcher of genlab's own (quiet) is no fun of Elixir's */
        bool letrec = term_is_list(meta) && kw_get(meta, A("genlab_letrec")) == ATOM_true;
        note = compile_lambda_note(c, info, letrec ? LAMBDA_LETREC : LAMBDA_FN);
    }
    if (m->module) {
        f->next_in_module = m->module->functions;
        m->module->functions = f;
    }

    FnCtx lc;
    fn_init(&lc, m, c, f);
    lc.lambda_note = note;
    /* the compiler's own fns: a generated one's clauses are not the
     * source's (no shadowed-clause warning), a quiet one warns of nothing */
    if (quiet) lc.warn = WARN_NONE;
    lc.line = c->line;
    uint32_t params = reg_alloc_n(&lc, arity);
    lc.nparams = arity;
    uint32_t caps = reg_alloc_n(&lc, ncap);
    for (uint32_t i = 0; i < ncap; i++) var_bind(&lc, cap_names[i], cap_ctx[i], caps + i);
    uint32_t *args = xmalloc((arity + 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < arity; i++) args[i] = params + i;
    uint32_t r = reg_alloc(&lc);
    if (!term_is_list(meta) || kw_get(meta, A("generated")) != ATOM_true) warn_shadowed_list(&lc, clauses);
    uint32_t fdone = compile_clauses(&lc, clauses, args, arity, r, true);
    emit(&lc, OP_FUNC_CLAUSE);
    label_place(&lc, fdone);
    fn_finish(&lc);
    free(args);

    uint32_t saved = c->next_reg;
    uint32_t firstcap = reg_alloc_n(c, ncap);
    for (uint32_t i = 0; i < ncap; i++) emit(c, OP_MOVE, (Code)(firstcap + i), (Code)cap_regs[i]);
    emit(c, OP_MAKE_FUN, (Code)dst, (Code)info, (Code)firstcap, (Code)ncap);
    reg_restore(c, saved);
    free(cap_names);
    free(cap_ctx);
    free(cap_regs);
}

void compile_fn(FnCtx *c, Term clauses, uint32_t dst, Term meta) { compile_fn_of(c, clauses, dst, meta, TERM_NONE); }

/* The &N arguments found in a capture's body: which of &1..&255 appear,
 * the smallest N above 255 and the first N below 1 (both 0 when none). */
typedef struct CaptureArgs {
    bool seen[256];
    int64_t above, below;
    bool below_found;
} CaptureArgs;

/* A capture inside a capture's body (&Enum.map(&1, &(&1 * 2))) is
 * Elixir's CompileError; where it is an argument of the body's call
 * (position `arg`, from 0; -1: deeper), the stack trace is that of
 * Elixir's escaping of the arguments (elixir_fn.erl, lists:mapfoldl). */
_Noreturn static void nested_capture(ModCtx *m, Term ast, int arg)
{
    Term name, meta, args;
    ast_is_call(ast, &name, &meta, &args);
    char *text = ast_text(ast);
    char frames[400];
    snprintf(frames, sizeof frames, "%s%s%s",
             arg < 0 ? "\n" : "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3\n",
             arg >= 1 ? "    (stdlib 4.2) lists.erl:1463: :lists.mapfoldl_1/3\n" : "",
             arg < 0 ? "" : "    (elixir 1.14.0) src/elixir_fn.erl:140: :elixir_fn.escape/3\n"
                            "    (elixir 1.14.0) src/elixir_fn.erl:112: :elixir_fn.capture_expr/6\n");
    char message[600];
    snprintf(message, sizeof message, "%s", text);
    free(text);
    compile_fail_frames(m, meta_line(meta), frames,
                        "nested captures are not allowed. You cannot define a function using  the capture operator & inside "
                        "another function defined via &. Got invalid nested capture: %s",
                        message);
}

static bool is_nested_capture(Term ast)
{
    Term name, meta, args;
    return ast_is_call(ast, &name, &meta, &args) && name == A("&") && list_length(args) == 1 && !term_is_small(list_nth(args, 0));
}

/* Replaces &1, &2, ... with variables and records which appear. */
static Term replace_capture_args(ModCtx *m, Term ast, CaptureArgs *found, int depth)
{
    if (depth > COMPILE_WALK_MAX_DEPTH) compile_fail_depth(m, 0);
    if (is_nested_capture(ast)) nested_capture(m, ast, -1);
    Term name, meta, args;
    if (ast_is_call(ast, &name, &meta, &args) && name == A("&") && list_length(args) == 1 && term_is_small(list_nth(args, 0))) {
        int64_t i = small_value(list_nth(args, 0));
        if (i < 1) {
            if (!found->below_found) found->below = i;
            found->below_found = true;
            i = 0;
        } else if (i > 255) {
            if (!found->above || i < found->above) found->above = i;
        } else found->seen[i] = true;
        char buf[32];
        snprintf(buf, sizeof buf, "capture%d", (int)i);
        return tuple3(m->scratch, A(buf), TERM_NIL, A("genlab_capture"));
    }
    if (term_is_cons(ast)) {
        size_t n = list_length(ast);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        size_t i = 0;
        Term l = ast;
        for (; term_is_cons(l); l = cons_tail(l)) {
            /* the arguments of the body's call (depth 1: {name, meta, args}'s list) */
            if (depth == 1 && is_nested_capture(cons_head(l))) nested_capture(m, cons_head(l), (int)i);
            items[i] = replace_capture_args(m, cons_head(l), found, depth + 1);
            i++;
        }
        Term out = l;
        for (size_t j = n; j-- > 0;) out = cons_new(m->scratch, items[j], out);
        free(items);
        return out;
    }
    if (term_is_tuple(ast)) {
        size_t n = tuple_size(ast);
        Term t = tuple_new(m->scratch, n);
        for (size_t i = 0; i < n; i++) tuple_elems(t)[i] = replace_capture_args(m, tuple_get(ast, i), found, depth + 1);
        return t;
    }
    return ast;
}


/* ---- captures, as Elixir reads them ----------------------------------------------- */

/* Macros of Elixir's Kernel (1.14): a capture of one is a fn, never
 * &Kernel.name/n, even where genlab's Kernel has a function of that name. */
static bool kernel_macro_in_elixir(Term name, size_t arity)
{
    static const char *const macros[] = {
        "!/1", "&&/2", "../0", "../2", "..///3", "<>/2", "@/1", "alias!/1", "and/2", "binding/0", "binding/1",
        "dbg/0", "dbg/1", "dbg/2", "destructure/2", "get_and_update_in/2", "if/2", "in/2", "is_exception/1",
        "is_exception/2", "is_nil/1", "is_struct/1", "is_struct/2", "match?/2", "or/2", "pop_in/1", "put_in/2",
        "raise/1", "raise/2", "reraise/2", "reraise/3", "tap/2", "then/2", "to_char_list/1", "to_charlist/1",
        "to_string/1", "unless/2", "update_in/2", "use/1", "use/2", "var!/1", "var!/2", "|>/2", "||/2", NULL};
    const char *s = atom_text(name);
    if (!strncmp(s, "sigil_", 6) || !strncmp(s, "def", 3)) return true;
    char key[300];
    snprintf(key, sizeof key, "%s/%zu", s, arity);
    for (int i = 0; macros[i]; i++)
        if (!strcmp(macros[i], key)) return true;
    return false;
}

/* Kernel functions that Elixir inlines to an :erlang BIF of another name,
 * or that the compiler builds in, beyond kernel_bifs: &!=/2 is
 * &:erlang."/="/2. */
static const KernelBif capture_bifs[] = {
    {"+", 2, "+"}, {"-", 2, "-"}, {"==", 2, "=="}, {"!=", 2, "/="}, {"===", 2, "=:="}, {"!==", 2, "=/="},
    {"<", 2, "<"}, {">", 2, ">"}, {"<=", 2, "=<"}, {">=", 2, ">="}, {NULL, 0, NULL}};

/* What &name/arity (mod == TERM_NONE) or &mod.name/arity captures, as
 * Elixir resolves it: a function of another module, given as *out_mod and
 * *out_fun (an import's, an :erlang BIF that Kernel inlines, a Kernel
 * function). False for a local function, a macro, or nothing, which a fn
 * stands for. */
static bool capture_external(ModCtx *m, Term mod, Term name, size_t arity, Term *out_mod, Term *out_fun)
{
    *out_fun = name;
    if (mod == TERM_NONE) {
        if (m->module && is_local(m, name, (uint32_t)arity, NULL)) return false;
        Term imod = import_module_for(m, name, (uint32_t)arity);
        if (imod != TERM_NONE && imod != A("Elixir.Kernel")) {
            *out_mod = imod;
            return true;
        }
        if (imod == TERM_NONE && find_macro(m, name, (uint32_t)arity)) return false;
        mod = A("Elixir.Kernel");
    }
    *out_mod = mod;
    if (mod != A("Elixir.Kernel")) {
        rewrite_capture(mod, name, (uint32_t)arity, out_mod, out_fun); /* &Map.keys/1 is &:maps.keys/1 */
        return true;
    }
    if (kernel_macro_in_elixir(name, arity)) return false;
    const KernelBif *kb = kernel_bif(name, arity);
    for (int i = 0; !kb && capture_bifs[i].name; i++)
        if (capture_bifs[i].arity == (int)arity && !strcmp(capture_bifs[i].name, atom_text(name))) kb = &capture_bifs[i];
    if (kb && native_lookup(A("erlang"), A(kb->erl), (int)arity)) {
        *out_mod = A("erlang");
        *out_fun = A(kb->erl);
        return true;
    }
    /* a Kernel function the compiler only builds inline (elem, is_map_key)
     * has none to call: a fn stands for it */
    Module *kernel = module_lookup(mod);
    Function *kf = kernel ? module_find_function(kernel, name, (uint32_t)arity) : NULL;
    return (kf && kf->exported && !kf->is_macro) || native_lookup(mod, name, (int)arity);
}

/* &fun(&1, ..., &n), its arguments the captured ones in order, reads as
 * &fun/n: true with *arity = n. */
static bool capture_args_in_order(Term *target, int64_t *arity)
{
    Term name, meta, args;
    /* &(not &1) parses as a block of one expression */
    if (ast_is_call(*target, &name, &meta, &args) && name == A("__block__") && list_length(args) == 1) *target = list_nth(args, 0);
    if (!ast_is_call(*target, &name, &meta, &args) || !term_is_cons(args)) return false;
    int64_t i = 1;
    for (Term l = args; term_is_cons(l); l = cons_tail(l), i++) {
        Term an, am, aa;
        if (!ast_is_call(cons_head(l), &an, &am, &aa) || an != A("&") || list_length(aa) != 1 || list_nth(aa, 0) != small_make(i))
            return false;
    }
    *arity = i - 1;
    return true;
}

/* Checks the &N of a capture as Elixir does (1..255, none skipped) and
 * returns how many there are (0 when there is none). */
static int capture_arity(FnCtx *c, const CaptureArgs *found)
{
    if (found->below_found)
        compile_fail(c, "CompileError", "capture argument &%lld must be numbered between 1 and 255", (long long)found->below);
    int expected = 1;
    while (expected <= 255 && found->seen[expected]) expected++;
    int64_t next = found->above;
    for (int k = expected + 1; k <= 255; k++)
        if (found->seen[k]) { next = k; break; }
    if (next)
        compile_fail(c, "CompileError", "capture argument &%lld cannot be defined without &%d (you cannot skip arguments, all arguments must be numbered)", (long long)next, expected);
    return expected - 1;
}

static void compile_capture(FnCtx *c, Term args, uint32_t dst, bool tail, Term meta)
{
    ModCtx *m = c->mod;
    Heap *h = m->scratch;
    Term target = list_nth(args, 0), name, tmeta, targs;
    bool slash = ast_is_call(target, &name, &tmeta, &targs) && name == A("/") && list_length(targs) == 2 && term_is_small(list_nth(targs, 1));
    Term callee = TERM_NONE;
    int64_t arity = 0;
    if (slash) {
        callee = list_nth(targs, 0);
        arity = small_value(list_nth(targs, 1));
        if (arity > 255) compile_fail(c, "CompileError", "capture argument &%lld must be numbered between 1 and 255", (long long)arity);
    } else {
        Term inner = target;
        if (capture_args_in_order(&inner, &arity)) callee = inner;
    }
    Term mod_ast, fun, cargs, fname, emod, efun;
    if (callee != TERM_NONE) {
        bool external = false;
        if (ast_is_remote(callee, &mod_ast, &fun, &cargs, NULL)) {
            Term mod = expand_alias(m, mod_ast);
            if (mod == TERM_NONE && term_is_atom(mod_ast)) mod = mod_ast;
            if (slash && mod != TERM_NONE && term_is_atom(fun)) calls_note_remote(c, mod, fun, (uint32_t)arity, meta_line(meta));
            external = mod != TERM_NONE && term_is_atom(fun) && capture_external(m, mod, fun, (size_t)arity, &emod, &efun);
        } else if ((ast_is_var(callee, &fname, NULL) || ast_is_call(callee, &fname, NULL, NULL)) && term_is_atom(fname)) {
            external = capture_external(m, TERM_NONE, fname, (size_t)arity, &emod, &efun);
        }
        if (external) {
            Term *obj = heap_alloc(literal_heap(), 4);
            obj[0] = header_make(BOX_EXPORT, 3);
            obj[1] = emod;
            obj[2] = efun;
            obj[3] = small_make(arity);
            emit(c, OP_LOADK, (Code)dst, (Code)boxed_from_ptr(obj));
            finish(c, dst, tail);
            return;
        }
    }
    if (slash) {
        /* &local/arity, &Kernel.elem/2: fn x1..xn -> name(x1..xn) end */
        if (ast_is_var(callee, &fname, NULL) || ast_is_call(callee, &fname, NULL, NULL)) {
            Term *vars = xmalloc(((size_t)arity + 1) * sizeof(Term));
            for (int64_t i = 0; i < arity; i++) {
                char buf[32];
                snprintf(buf, sizeof buf, "capture%d", (int)i + 1);
                vars[i] = tuple3(h, A(buf), TERM_NIL, A("genlab_capture"));
            }
            Term call = tuple3(h, fname, TERM_NIL, list_from(h, (size_t)arity, vars));
            bool remote = ast_is_remote(callee, &mod_ast, &fun, &cargs, NULL);
            if (remote) call = tuple3(h, fun, TERM_NIL, list_from(h, (size_t)arity, vars));
            Term clause = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, (size_t)arity, vars), call}));
            free(vars);
            compile_fn_of(c, list_from(h, 1, &clause), dst, meta, remote ? TERM_NONE : fname);
            finish(c, dst, tail);
            return;
        }
    }
    CaptureArgs found = {0};
    Term body = replace_capture_args(m, target, &found, 0);
    int max = capture_arity(c, &found);
    if (max == 0) compile_fail(c, "CompileError", "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: %s", "expression");
    Term *vars = xmalloc(((size_t)max + 1) * sizeof(Term));
    for (int i = 0; i < max; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "capture%d", i + 1);
        vars[i] = tuple3(h, A(buf), TERM_NIL, A("genlab_capture"));
    }
    Term clause = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, (size_t)max, vars), body}));
    free(vars);
    compile_fn(c, list_from(h, 1, &clause), dst, meta);
    finish(c, dst, tail);
}

/* ---- raise -------------------------------------------------------------------------- */

/* Turns the value in `v` into an exception (binary -> RuntimeError, module
 * -> Mod.exception([]), exception struct as it is) in place. */
static void emit_make_exception(FnCtx *c, uint32_t v)
{
    uint32_t not_bin = label_new(c), not_atom = label_new(c), done = label_new(c);
    uint32_t a = reg_alloc_n(c, 3);
    emit(c, OP_TEST_TYPE, (Code)v, (Code)TYPE_BINARY, OPERAND_LABEL(not_bin));
    emit(c, OP_MOVE, (Code)a, (Code)v);
    emit(c, OP_CALL_EXT, (Code)extref_new(A("Elixir.RuntimeError"), A("exception"), 1), (Code)a, (Code)1);
    emit(c, OP_MOVE, (Code)v, (Code)a);
    emit(c, OP_JUMP, OPERAND_LABEL(done));
    label_place(c, not_bin);
    emit(c, OP_TEST_TYPE, (Code)v, (Code)TYPE_ATOM, OPERAND_LABEL(not_atom));
    emit(c, OP_MOVE, (Code)a, (Code)v);
    emit(c, OP_LOADK, (Code)(a + 1), (Code)A("exception"));
    emit(c, OP_LOADK, (Code)(a + 2), (Code)literal(list_from(literal_heap(), 1, (Term[]){TERM_NIL})));
    emit(c, OP_APPLY, (Code)a, (Code)3);
    emit(c, OP_MOVE, (Code)v, (Code)a);
    label_place(c, not_atom);
    label_place(c, done);
}

static void compile_raise(FnCtx *c, Term args, uint32_t dst, bool tail, bool reraise)
{
    size_t n = list_length(args);
    uint32_t saved = c->next_reg;
    uint32_t regs = reg_alloc_n(c, 3);
    uint32_t v = regs + 1;
    size_t nvalue = reraise ? n - 1 : n;
    Term first = list_nth(args, 0);
    Term mod = expand_alias(c->mod, first);
    if (nvalue == 2 || (nvalue == 1 && mod != TERM_NONE)) {
        if (mod == TERM_NONE) {
            compile_expr(c, first, v, false);
        } else {
            emit(c, OP_LOADK, (Code)v, (Code)mod);
        }
        uint32_t a = reg_alloc_n(c, 3);
        emit(c, OP_MOVE, (Code)a, (Code)v);
        emit(c, OP_LOADK, (Code)(a + 1), (Code)A("exception"));
        if (nvalue == 2) {
            uint32_t argl = reg_alloc(c);
            compile_expr(c, list_nth(args, 1), argl, false);
            uint32_t nil = reg_alloc(c);
            emit(c, OP_LOADK, (Code)nil, (Code)TERM_NIL);
            emit(c, OP_MAKE_CONS, (Code)(a + 2), (Code)argl, (Code)nil);
        } else {
            emit(c, OP_LOADK, (Code)(a + 2), (Code)literal(list_from(literal_heap(), 1, (Term[]){TERM_NIL})));
        }
        emit(c, OP_APPLY, (Code)a, (Code)3);
        emit(c, OP_MOVE, (Code)v, (Code)a);
    } else {
        compile_expr(c, first, v, false);
        emit_make_exception(c, v);
    }
    emit(c, OP_LOADK, (Code)regs, (Code)ATOM_error);
    /* raise/1,2: no stack trace yet; raise/1's top entry says error_info:
     * %{module: Exception}, as its :erlang.error/3 does (raise/2's
     * :erlang.error/1 says nothing) */
    if (reraise) compile_expr(c, list_nth(args, n - 1), regs + 2, false);
    else emit(c, OP_LOADK, (Code)(regs + 2), nvalue == 1 ? (Code)A("genlab_kernel_raise") : (Code)TERM_NIL);
    emit(c, OP_RAISE, (Code)regs, (Code)(regs + 1), (Code)(regs + 2));
    reg_restore(c, saved);
    (void)dst;
    (void)tail;
}

/* An AST as a literal the compiled code loads (Macro.escape of a term
 * that is data for the compiler, not code). */
static Term mk_escape(ModCtx *m, Term ast)
{
    return mk3(m, A("quote_literal"), TERM_NIL, list_from(m->scratch, 1, &ast));
}

/* ---- macros ------------------------------------------------------------------------------ */

/* Runs macro `f` on the call's argument ASTs and returns the expansion. */
static Term expand_macro(FnCtx *c, Function *f, Term args)
{
    size_t n = list_length(args);
    Term *argv = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) argv[i] = list_nth(args, i);
    Term cls, reason, stack;
    Term result = vm_eval_in(sched_evaluator(), f, argv, (uint32_t)n, c->mod->scratch, &cls, &reason, &stack);
    free(argv);
    if (result == TERM_NONE) compile_fail(c, "CompileError", "error while expanding macro %s/%zu", atom_text(f->name), n);
    return result;
}

Function *find_macro(ModCtx *m, Term name, uint32_t arity);

/* ---- the dispatcher ------------------------------------------------------------------------ */

/* What a macro call at `meta` expanded to: Elixir's expansion warnings
 * with no line of their own point at the call (FnCtx.macro_line). */
static void compile_expansion(FnCtx *c, Term expansion, Term meta, uint32_t dst, bool tail)
{
    int outer = c->macro_line;
    if (meta_line(meta) > 0) c->macro_line = meta_line(meta);
    compile_expr(c, expansion, dst, tail);
    c->macro_line = outer;
}

static bool is_local(ModCtx *m, Term name, uint32_t arity, int *kind)
{
    for (size_t i = 0; i < m->nlocals; i++)
        if (m->locals[i].name == name && m->locals[i].arity == arity) {
            if (kind) *kind = m->locals[i].kind;
            return true;
        }
    return false;
}

static Term import_module_for(ModCtx *m, Term name, uint32_t arity)
{
    for (size_t i = m->nimports; i-- > 0;) {
        Import *imp = &m->imports[i];
        Module *mod = module_lookup(imp->module);
        Function *f = mod ? module_find_function(mod, name, arity) : NULL;
        /* an imported macro expands instead (find_macro) */
        bool exists = (f && f->exported && !f->is_macro) || native_lookup(imp->module, name, (int)arity);
        if (!exists) continue;
        if (imp->only != ATOM_nil && term_is_list(imp->only)) {
            bool ok = false;
            for (Term l = imp->only; term_is_cons(l); l = cons_tail(l)) {
                Term pair = cons_head(l);
                if (term_is_tuple(pair) && tuple_get(pair, 0) == name && tuple_get(pair, 1) == small_make(arity)) ok = true;
            }
            if (!ok) continue;
        }
        if (term_is_list(imp->except)) {
            bool excluded = false;
            for (Term l = imp->except; term_is_cons(l); l = cons_tail(l)) {
                Term pair = cons_head(l);
                if (term_is_tuple(pair) && tuple_get(pair, 0) == name && tuple_get(pair, 1) == small_make(arity)) excluded = true;
            }
            if (excluded) continue;
        }
        return imp->module;
    }
    return TERM_NONE;
}

static int atom_text_order(const void *a, const void *b)
{
    return strcmp(atom_text(*(const Term *)a), atom_text(*(const Term *)b));
}

/* Kernel.binding/0: [name: value] for every variable in scope, sorted by
 * name, as Elixir gives them; compiled as the keyword list of those
 * variables. Inside a fn, only the enclosing function's variables that
 * the fn uses are in scope (a fn captures what it uses, nothing more). */
static void compile_binding(FnCtx *c, uint32_t dst, bool tail)
{
    size_t n = 0, cap = 16;
    Term *names = xmalloc(cap * sizeof(Term));
    for (size_t i = 0; i < c->nvars; i++) {
        /* underscored names are never read back here (Elixir lists them) */
        if (c->vars[i].hidden || c->vars[i].context != ATOM_nil || atom_text(c->vars[i].name)[0] == '_') continue;
        c->vars[i].used = true; /* binding() reads them all */
        size_t j = 0;
        while (j < n && names[j] != c->vars[i].name) j++;
        if (j < n) continue;
        if (n == cap) names = xrealloc(names, (cap *= 2) * sizeof(Term));
        names[n++] = c->vars[i].name;
    }
    qsort(names, n, sizeof(Term), atom_text_order);
    Heap *h = literal_heap();
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) list = cons_new(h, tuple2(h, names[i], tuple3(h, names[i], TERM_NIL, ATOM_nil)), list);
    free(names);
    compile_expr(c, list, dst, tail);
}

static void compile_unqualified_call(FnCtx *c, Term name, Term meta, Term args, uint32_t dst, bool tail)
{
    uint32_t arity = (uint32_t)list_length(args);
    ModCtx *m = c->mod;
    int kind;
    if (m->module && is_local(m, name, arity, &kind)) {
        locals_note_call(c, name, arity);
        if (kind >= 2) {
            /* a macro of this module: the module's macros compile before
             * its functions, so a function can expand them */
            Function *local_macro = module_find_function(m->module, name, arity);
            if (local_macro && local_macro->is_macro && local_macro->defined) {
                compile_expansion(c, expand_macro(c, local_macro, args), meta, dst, tail);
                return;
            }
            compile_fail(c, "CompileError", "undefined function %s/%u (a macro defined in the same module cannot be called before it is compiled)", atom_text(name), arity);
        }
        if (c->in_guard) compile_fail(c, "CompileError", "cannot find or invoke local %s/%u inside guards", atom_text(name), arity);
        compile_local_call(c, module_function(m->module, name, arity), args, dst, tail);
        return;
    }
    if (name == A("binding") && arity == 0 && !c->in_guard) {
        compile_binding(c, dst, tail);
        return;
    }
    Term imod = import_module_for(m, name, arity);
    if (imod != TERM_NONE) {
        Function *mac = find_macro(m, name, arity);
        (void)mac;
        compile_remote_call(c, imod, name, args, dst, tail);
        return;
    }
    /* imported macros */
    Function *mac = find_macro(m, name, arity);
    if (mac) {
        compile_expansion(c, expand_macro(c, mac, args), meta, dst, tail);
        return;
    }
    const KernelBif *bif = kernel_bif(name, arity);
    if (bif) {
        call_native(c, "erlang", bif->erl, args, dst, tail);
        return;
    }
    Module *kernel = module_lookup(A("Elixir.Kernel"));
    Function *kf = kernel ? module_find_function(kernel, name, arity) : NULL;
    if ((kf && kf->exported) || (!kernel && rt->compile_boot_mode) || native_lookup(A("Elixir.Kernel"), name, (int)arity)) {
        compile_remote_call(c, A("Elixir.Kernel"), name, args, dst, tail);
        return;
    }
    set_line_from_meta(c, meta); /* a bare name: the call itself carries the line */
    compile_fail_undefined(m, c, c->line, name, arity);
}

/* Macro.pipe/3's refusal, raised from the line of its clause that
 * caught `right`. */
_Noreturn static void pipe_fail(FnCtx *c, int clause_line, const char *fmt, const char *from, const char *into)
{
    char frames[300], text[900];
    snprintf(frames, sizeof frames,
             "(elixir 1.14.0) lib/macro.ex:%d: Macro.pipe/3\n(stdlib 4.2) lists.erl:1350: :lists.foldl/3\n"
             "(elixir 1.14.0) expanding macro: Kernel.|>/2",
             clause_line);
    snprintf(text, sizeof text, fmt, from, into);
    compile_fail_expanding(c, frames, "ArgumentError", "%s", text);
}

static Term pipe_into(ModCtx *m, Term left, Term right, FnCtx *c)
{
    Term name, meta, args, ctx;
    if (ast_is_var(right, &name, &ctx)) /* x |> length: a call with no parentheses */
        return tuple3(m->scratch, name, tuple_get(right, 1), list_from(m->scratch, 1, &left));
    bool call = ast_is_call(right, &name, &meta, &args);
    const char *op = call && term_is_atom(name) ? atom_text(name) : "";
    size_t n = call ? list_length(args) : 0;
    int clause = !call                                       ? 333
                 : !strcmp(op, "&")                          ? 274
                 : !strcmp(op, "{}") || !strcmp(op, "%{}")   ? 278
                 : !strcmp(op, "__aliases__")                ? 283
                 : !strcmp(op, "fn")                         ? 299
                 : n == 1 && (!strcmp(op, "-") || !strcmp(op, "+")) ? 310
                 : n == 1 && (!strcmp(op, "!") || !strcmp(op, "not") || !strcmp(op, "^") || !strcmp(op, "@")) ? 318
                                                             : 0;
    if (clause) {
        char from[400], into[400];
        ast_text_to(left, from, sizeof from);
        ast_text_to(right, into, sizeof into);
        const char *generic = "cannot pipe %s into %s, can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()";
        char unary[600];
        if (clause == 299)
            pipe_fail(c, clause, "cannot pipe %s into an anonymous function without calling the function; use Kernel.then/2 instead or define the anonymous function as a regular private function%s", from, "");
        if (clause == 310) {
            char operand[400];
            ast_text_to(list_nth(args, 0), operand, sizeof operand);
            snprintf(unary, sizeof unary, "Kernel.%s(%s)", op, operand);
            pipe_fail(c, clause, "piping into a unary operator is not supported, please use the qualified name: %s, instead of %s", unary, into);
        }
        if (clause == 318) {
            snprintf(unary, sizeof unary, "%s, the :%s operator can only take one argument", into, op);
            pipe_fail(c, clause, "cannot pipe %s into %s", from, unary);
        }
        pipe_fail(c, clause, generic, from, into);
    }
    return tuple3(m->scratch, name, meta, cons_new(m->scratch, left, args));
}

static Term mk_escape(ModCtx *m, Term ast);

static Term range_literal(Heap *h, Term first, Term last, Term step)
{
    Term keys[4] = {ATOM___struct__, A("first"), A("last"), A("step")};
    Term vals[4] = {A("Elixir.Range"), first, last, step};
    return map_from_pairs(h, 4, keys, vals);
}

/* The value of @name in this module, or TERM_NONE. */
static Term attribute_value(ModCtx *m, Term ast)
{
    Term name, meta, args, inner, attr;
    if (!ast_is_call(ast, &name, &meta, &args) || name != A("@") || list_length(args) != 1) return TERM_NONE;
    inner = list_nth(args, 0);
    if (!ast_is_var(inner, &attr, NULL) && !ast_is_call(inner, &attr, NULL, NULL)) return TERM_NONE;
    for (size_t i = m->nattrs; i-- > 0;)
        if (m->attrs[i].name == attr) return m->attrs[i].value;
    return TERM_NONE;
}

static void compile_in(FnCtx *c, Term args, uint32_t dst, bool tail, bool negate)
{
    Term left = list_nth(args, 0), right = list_nth(args, 1), name, meta, rargs;
    ModCtx *m = c->mod;
    Heap *h = m->scratch;
    Term expr;
    Term attr = attribute_value(m, right);
    if (attr != TERM_NONE && term_is_list(attr)) {
        /* x in @list: the attribute's elements, as constants */
        size_t n = list_length(attr);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        for (size_t i = 0; i < n; i++) items[i] = mk_escape(m, list_nth(attr, i));
        right = list_from(h, n, items);
        free(items);
    } else if (attr != TERM_NONE && term_is_map(attr) && map_get(attr, ATOM___struct__) == A("Elixir.Range")) {
        right = tuple3(h, A(".."), TERM_NIL, list_from(h, 2, (Term[]){map_get(attr, A("first")), map_get(attr, A("last"))}));
    }
    if (term_is_list(right) && right != TERM_NIL) {
        uint32_t saved = c->next_reg;
        uint32_t v = reg_alloc(c), item = reg_alloc(c);
        compile_expr(c, left, v, false);
        uint32_t yes = label_new(c), no = label_new(c);
        for (Term l = right; term_is_cons(l); l = cons_tail(l)) {
            uint32_t next = label_new(c);
            compile_expr(c, cons_head(l), item, false);
            emit(c, OP_IS_EQ_EXACT, (Code)v, (Code)item, OPERAND_LABEL(next));
            emit(c, OP_JUMP, OPERAND_LABEL(yes));
            label_place(c, next);
        }
        emit(c, OP_JUMP, OPERAND_LABEL(no));
        label_place(c, yes);
        emit_boolean(c, dst, no, !negate);
        reg_restore(c, saved);
        finish(c, dst, tail);
        return;
    }
    if (right == TERM_NIL) {
        emit(c, OP_LOADK, (Code)dst, (Code)(negate ? ATOM_true : ATOM_false));
        finish(c, dst, tail);
        return;
    }
    if (ast_is_call(right, &name, &meta, &rargs) && name == A("..") && list_length(rargs) == 2) {
        /* is_integer(x) and x >= first and x <= last (either direction) */
        uint32_t saved = c->next_reg;
        uint32_t v = reg_alloc(c), a = reg_alloc(c), b = reg_alloc(c);
        compile_expr(c, left, v, false);
        compile_expr(c, list_nth(rargs, 0), a, false);
        compile_expr(c, list_nth(rargs, 1), b, false);
        uint32_t no = label_new(c), down = label_new(c), yes = label_new(c);
        emit(c, OP_TEST_TYPE, (Code)v, (Code)TYPE_INTEGER, OPERAND_LABEL(no));
        emit(c, OP_IS_GE, (Code)b, (Code)a, OPERAND_LABEL(down));
        emit(c, OP_IS_GE, (Code)v, (Code)a, OPERAND_LABEL(no));
        emit(c, OP_IS_GE, (Code)b, (Code)v, OPERAND_LABEL(no));
        emit(c, OP_JUMP, OPERAND_LABEL(yes));
        label_place(c, down);
        emit(c, OP_IS_GE, (Code)a, (Code)v, OPERAND_LABEL(no));
        emit(c, OP_IS_GE, (Code)v, (Code)b, OPERAND_LABEL(no));
        label_place(c, yes);
        emit_boolean(c, dst, no, !negate);
        reg_restore(c, saved);
        finish(c, dst, tail);
        return;
    }
    if (c->in_guard) {
        char text[600];
        ast_text_to(right, text, sizeof text);
        compile_fail_expanding(c,
                               "(elixir 1.14.0) lib/kernel.ex:4344: Kernel.raise_on_invalid_args_in_2/1\n"
                               "(elixir 1.14.0) expanding macro: Kernel.in/2",
                               "ArgumentError",
                               "invalid right argument for operator \"in\", it expects a compile-time proper list or compile-time range on the right side when used in guard expressions, got: %s",
                               text);
    }
    expr = mk_remote(m, A("Elixir.Enum"), "member?", 2, (Term[]){right, left});
    if (negate) expr = tuple3(h, A("not"), TERM_NIL, list_from(h, 1, &expr));
    compile_expr(c, expr, dst, tail);
}

/* put_in(a.b[:c], v) / update_in(path, fun) macro forms:
 * split the path into its root and a list of Access keys. */
static bool split_access_path(ModCtx *m, Term path, Term *root, Term *keys)
{
    Heap *h = m->scratch;
    Term acc = TERM_NIL;
    for (int depth = 0; depth < 200; depth++) {
        Term mod, fun, args, meta;
        if (ast_is_remote(path, &mod, &fun, &args, &meta)) {
            Term amod = term_is_atom(mod) ? mod : expand_alias(m, mod);
            if (amod == A("Elixir.Access") && fun == A("get") && list_length(args) == 2) {
                acc = cons_new(h, list_nth(args, 1), acc);
                path = list_nth(args, 0);
                continue;
            }
            if (args == TERM_NIL && kw_get(meta, A("no_parens")) == ATOM_true && term_is_atom(fun)) {
                Term key = mk_remote(m, A("Elixir.Access"), "__field__", 1, (Term[]){fun});
                acc = cons_new(h, key, acc);
                path = mod;
                continue;
            }
        }
        break;
    }
    if (acc == TERM_NIL) return false;
    *root = path;
    *keys = acc;
    return true;
}

static int hex_value(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

static size_t utf8_put(uint8_t *out, uint32_t cp)
{
    if (cp < 0x80) { out[0] = (uint8_t)cp; return 1; }
    if (cp < 0x800) { out[0] = (uint8_t)(0xC0 | cp >> 6); out[1] = (uint8_t)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | cp >> 12); out[1] = (uint8_t)(0x80 | ((cp >> 6) & 63)); out[2] = (uint8_t)(0x80 | (cp & 63));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | cp >> 18); out[1] = (uint8_t)(0x80 | ((cp >> 12) & 63));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 63)); out[3] = (uint8_t)(0x80 | (cp & 63));
    return 4;
}

/* What a lowercase sigil does to its raw text (Macro.unescape_string):
 * \n, \t, \xHH, \u{...} and friends become the characters they name. */
static Term unescape_binary(Heap *h, Term bin)
{
    const uint8_t *in;
    size_t n;
    if (!binary_bytes(bin, &in, &n)) return bin;
    uint8_t *out = xmalloc(n * 4 + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] != '\\' || i + 1 == n) { out[o++] = in[i]; continue; }
        uint8_t e = in[++i];
        switch (e) {
        case '0': out[o++] = 0; break;
        case 'a': out[o++] = 7; break;
        case 'b': out[o++] = 8; break;
        case 'd': out[o++] = 127; break;
        case 'e': out[o++] = 27; break;
        case 'f': out[o++] = 12; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 's': out[o++] = ' '; break;
        case 't': out[o++] = '\t'; break;
        case 'v': out[o++] = 11; break;
        case '\n': break; /* a line continuation */
        case 'x': case 'u': {
            uint32_t cp = 0;
            int digits = 0, max = e == 'x' ? 2 : 4;
            if (i + 1 < n && in[i + 1] == '{') {
                i++;
                while (i + 1 < n && in[i + 1] != '}' && hex_value(in[i + 1]) >= 0) cp = cp * 16 + (uint32_t)hex_value(in[++i]), digits++;
                if (i + 1 < n && in[i + 1] == '}') i++;
            } else {
                while (digits < max && i + 1 < n && hex_value(in[i + 1]) >= 0) cp = cp * 16 + (uint32_t)hex_value(in[++i]), digits++;
            }
            if (e == 'x' && cp < 256) out[o++] = (uint8_t)cp;
            else o += utf8_put(out + o, cp > 0x10FFFF ? 0xFFFD : cp);
            break;
        }
        default: out[o++] = e; break;
        }
    }
    Term r = binary_new(h, out, o);
    free(out);
    return r;
}

/* Unescapes the literal parts of a sigil's {:<<>>, meta, parts}. */
static Term unescape_sigil_body(ModCtx *m, Term body)
{
    Term name, meta, parts;
    if (!ast_is_call(body, &name, &meta, &parts)) return body;
    size_t n = list_length(parts);
    Term *items = xmalloc((n + 1) * sizeof(Term));
    for (size_t i = 0; i < n; i++) {
        Term part = list_nth(parts, i);
        items[i] = term_is_bitstring(part) ? unescape_binary(m->scratch, part) : part;
    }
    Term out = tuple3(m->scratch, name, meta, list_from(m->scratch, n, items));
    free(items);
    return out;
}

static void compile_sigil(FnCtx *c, const char *which, Term args, uint32_t dst, bool tail)
{
    Term body = list_nth(args, 0), mods = list_nth(args, 1), name, meta, parts;
    if (which[0] >= 'a' && which[0] <= 'z' && which[0] != 'r') body = unescape_sigil_body(c->mod, body);
    bool atoms = false, charlists = false;
    for (Term l = mods; term_is_cons(l); l = cons_tail(l)) {
        if (cons_head(l) == small_make('a')) atoms = true;
        if (cons_head(l) == small_make('c')) charlists = true;
    }
    if (!strcmp(which, "s") || !strcmp(which, "S")) { compile_expr(c, body, dst, tail); return; }
    if (!ast_is_call(body, &name, &meta, &parts)) compile_fail(c, "CompileError", "invalid sigil");
    Term text = list_length(parts) == 1 ? list_nth(parts, 0) : TERM_NONE;
    if (!strcmp(which, "D") || !strcmp(which, "T") || !strcmp(which, "N") || !strcmp(which, "U")) {
        /* calendar sigils: parsed when evaluated (Calendar.__sigil__/2) */
        Term kind = A(which);
        Term expr = mk_remote(c->mod, A("Elixir.Calendar"), "__sigil__", 2, (Term[]){kind, body});
        compile_expr(c, expr, dst, tail);
        return;
    }
    if (!strcmp(which, "r") || !strcmp(which, "R")) {
        /* ~r/source/mods: Regex.compile!(source, "mods") */
        char mods_text[32];
        size_t nm = 0;
        for (Term l = mods; term_is_cons(l) && nm < sizeof mods_text - 1; l = cons_tail(l))
            mods_text[nm++] = (char)small_value(cons_head(l));
        Term mods_bin = binary_new(literal_heap(), mods_text, nm);
        Term expr = mk_remote(c->mod, A("Elixir.Regex"), "compile!", 2, (Term[]){body, mods_bin});
        compile_expr(c, expr, dst, tail);
        return;
    }
    if (!strcmp(which, "c") || !strcmp(which, "C")) {
        Term expr = mk_remote(c->mod, A("Elixir.String"), "to_charlist", 1, (Term[]){body});
        compile_expr(c, expr, dst, tail);
        return;
    }
    if ((!strcmp(which, "w") || !strcmp(which, "W")) && text != TERM_NONE && term_is_bitstring(text)) {
        const uint8_t *bytes;
        size_t len;
        binary_bytes(text, &bytes, &len);
        Heap *h = literal_heap();
        size_t cap = 16, n = 0, i = 0;
        Term *items = xmalloc(cap * sizeof *items);
        while (i < len) {
            while (i < len && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\t' || bytes[i] == '\r')) i++;
            size_t start = i;
            while (i < len && !(bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\t' || bytes[i] == '\r')) i++;
            if (i > start) {
                if (n == cap) items = xrealloc(items, (cap *= 2) * sizeof *items);
                if (atoms) items[n++] = atom_intern((const char *)bytes + start, i - start);
                else if (charlists) {
                    Term cl = TERM_NIL;
                    for (size_t k = i; k-- > start;) cl = cons_new(h, small_make(bytes[k]), cl);
                    items[n++] = cl;
                } else items[n++] = binary_new(h, bytes + start, i - start);
            }
        }
        Term words = list_from(h, n, items);
        free(items);
        emit(c, OP_LOADK, (Code)dst, (Code)words);
        finish(c, dst, tail);
        return;
    }
    if (!strcmp(which, "w") || !strcmp(which, "W")) {
        Term expr = mk_remote(c->mod, A("Elixir.String"), "split", 1, (Term[]){body});
        compile_expr(c, expr, dst, tail);
        return;
    }
    compile_fail(c, "CompileError", "undefined function sigil_%s/2 (there is no such import)", which);
}

/* __ENV__: a %Macro.Env{} of where it stands (module, function, file as
 * an absolute path, line, aliases), a constant of the code. */
static Term compile_env(FnCtx *c)
{
    ModCtx *m = c->mod;
    Heap *h = literal_heap();
    bool in_def = m->module && c->fun_name != A("__MODULE__") && term_is_atom(c->fun_name);
    Term function = in_def ? tuple2(h, c->fun_name, small_make(c->fun_arity)) : ATOM_nil;
    char *path = m->file ? realpath(m->file, NULL) : NULL;
    Term file = binary_from_cstr(h, path ? path : m->file ? m->file : "nofile");
    free(path);
    Term aliases = TERM_NIL;
    for (size_t i = m->naliases; i-- > 0;)
        aliases = cons_new(h, tuple2(h, m->aliases[i].short_name, m->aliases[i].full_name), aliases);
    Term module = m->module ? m->name : ATOM_nil;
    Term keys[] = {ATOM___struct__, A("aliases"), A("context"), A("context_modules"), A("file"), A("function"),
                   A("functions"), A("lexical_tracker"), A("line"), A("macro_aliases"), A("macros"), A("module"),
                   A("requires"), A("tracers"), A("versioned_vars")};
    Term vals[] = {A("Elixir.Macro.Env"), aliases, ATOM_nil, m->module ? list_from(h, 1, &module) : TERM_NIL, file,
                   function, TERM_NIL, ATOM_nil, small_make(c->line), TERM_NIL, TERM_NIL, module, TERM_NIL, TERM_NIL,
                   map_from_pairs(h, 0, NULL, NULL)};
    return map_from_pairs(h, sizeof keys / sizeof keys[0], keys, vals);
}

static void compile_expr_node(FnCtx *c, Term ast, uint32_t dst, bool tail);

void compile_expr(FnCtx *c, Term ast, uint32_t dst, bool tail)
{
    if (++c->mod->nesting > COMPILE_MAX_NESTING || compile_stack_low()) compile_fail_depth(c->mod, c->line);
    compile_expr_node(c, ast, dst, tail);
    c->mod->nesting--;
}

/* Kernel.<>/2 refuses, as it expands, an operand written as a literal
 * that is no binary: an atom, a number or a list (of constants here). The
 * macro takes a chain a <> b <> c at once; its stack trace tells a left
 * operand of the chain's first <> from one further down, and from the
 * chain's last, right operand. */
static void concat_check_operand(FnCtx *c, Term ast, bool right, uint32_t depth)
{
    bool literal_list = term_is_list(ast) && ast_constant(ast);
    if (!literal_list && !term_is_atom(ast) && !term_is_number(ast)) return;
    InspectOpts o;
    inspect_opts_default(&o);
    o.limit = -1;
    char *shown = inspect_to_cstring(ast, &o, NULL);
    char text[512];
    snprintf(text, sizeof text, "%s", shown);
    free(shown);
    const char *wrap = "(elixir 1.14.0) lib/kernel.ex:1934: Kernel.wrap_concatenation/3\n";
    const char *leaf = right ? "(elixir 1.14.0) lib/kernel.ex:1925: Kernel.extract_concatenations/2\n" : "";
    const char *extract = "(elixir 1.14.0) lib/kernel.ex:1921: Kernel.extract_concatenations/2\n";
    char frames[512];
    snprintf(frames, sizeof frames, "%s%s%s%s(elixir 1.14.0) expanding macro: Kernel.<>/2", wrap, leaf, extract,
             !right && depth ? extract : "");
    compile_fail_expanding(c, frames, "ArgumentError", "expected binary argument in <> operator but got: %s", text);
}

static void compile_expr_node(FnCtx *c, Term ast, uint32_t dst, bool tail)
{
    Term name, meta, args, ctx;
    ModCtx *m = c->mod;
    if (term_is_cons(ast)) {
        if (ast_constant(ast)) emit(c, OP_LOADK, (Code)dst, (Code)literal(ast));
        else { compile_list(c, ast, dst, tail); return; }
        finish(c, dst, tail);
        return;
    }
    if (!term_is_tuple(ast)) {
        emit(c, OP_LOADK, (Code)dst, (Code)literal(ast));
        finish(c, dst, tail);
        return;
    }
    if (tuple_size(ast) == 2) {
        if (ast_constant(ast)) {
            emit(c, OP_LOADK, (Code)dst, (Code)literal(ast));
            finish(c, dst, tail);
            return;
        }
        uint32_t saved = c->next_reg;
        size_t vars_before = vars_siblings_begin(c);
        uint32_t a = compile_operand(c, tuple_get(ast, 0));
        vars_sibling_done(c, vars_before);
        uint32_t b = compile_operand(c, tuple_get(ast, 1));
        vars_siblings_end(c, vars_before);
        emit(c, OP_MAKE_TUPLE2, (Code)dst, (Code)a, (Code)b);
        reg_restore(c, saved);
        finish(c, dst, tail);
        return;
    }
    if (ast_is_var(ast, &name, &ctx)) {
        Var *v = var_lookup(c, name, ctx);
        if (v) {
            if (tail) emit(c, OP_RETURN, (Code)v->reg);
            else if (v->reg != dst) emit(c, OP_MOVE, (Code)dst, (Code)v->reg);
            return;
        }
        if (name == A("__MODULE__")) {
            emit(c, OP_LOADK, (Code)dst, (Code)(m->module ? m->name : ATOM_nil));
            finish(c, dst, tail);
            return;
        }
        if (name == A("__ENV__")) {
            emit(c, OP_LOADK, (Code)dst, (Code)compile_env(c));
            finish(c, dst, tail);
            return;
        }
        if (name == A("_")) compile_fail(c, "CompileError", "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions");
        /* A name with no binding: a zero-arity call, as Elixir 1.14 reads it. */
        warn_var_as_call(c, name, meta_line(tuple_get(ast, 1)) > 0 ? meta_line(tuple_get(ast, 1)) : c->line);
        compile_unqualified_call(c, name, tuple_get(ast, 1), TERM_NIL, dst, tail);
        return;
    }
    if (!ast_is_call(ast, &name, &meta, &args)) {
        compile_fail(c, "CompileError", "invalid quoted expression");
    }
    set_line_from_meta(c, meta);
    size_t n = list_length(args);

    if (!term_is_atom(name)) {
        Term mod_ast, fun, rargs, rmeta;
        if (ast_is_remote(ast, &mod_ast, &fun, &rargs, &rmeta)) {
            Term mod = expand_alias(m, mod_ast);
            Term mname;
            if (mod == TERM_NONE && term_is_atom(mod_ast)) mod = mod_ast;
            if (mod == TERM_NONE && ast_is_var(mod_ast, &mname, NULL) && mname == A("__MODULE__") && !var_lookup(c, mname, ATOM_nil)) mod = m->name;
            if ((mod == A("erlang") || mod == A("Elixir.Kernel")) && fun == A("apply") && (n == 2 || n == 3)) {
                compile_expr(c, tuple3(m->scratch, fun, rmeta, rargs), dst, tail);
                return;
            }
            if (mod == A("Elixir.Kernel") && term_is_atom(fun) && kernel_bif(fun, n)) {
                /* Kernel.send(...) is the BIF even where a local send/2 exists */
                call_native(c, "erlang", kernel_bif(fun, n)->erl, rargs, dst, tail);
                return;
            }
            if (mod == A("Elixir.Kernel") && term_is_atom(fun) && kernel_is_builtin(fun, n)) {
                compile_expr(c, tuple3(m->scratch, fun, rmeta, rargs), dst, tail);
                return;
            }
            if (mod != TERM_NONE && term_is_atom(fun)) {
                /* Kernel.to_string in interpolation goes straight to the native */
                if (mod == A("Elixir.Kernel") && fun == A("to_string") && n == 1 && native_lookup(A("genlab"), A("to_string"), 1)) {
                    call_native(c, "genlab", "to_string", rargs, dst, tail);
                    return;
                }
                Module *target = module_lookup_for_macros(mod);
                Function *mf = target ? module_find_function(target, fun, (uint32_t)n) : NULL;
                if (mf && mf->is_macro) {
                    compile_expansion(c, expand_macro(c, mf, rargs), rmeta, dst, tail);
                    return;
                }
                calls_note_remote(c, mod, fun, (uint32_t)n, meta_line(meta));
                Term emod, efun, eargs;
                /* in a guard only Bitwise's calls become Erlang's guard BIFs */
                if ((!c->in_guard || mod == A("Elixir.Bitwise")) && rewrite_call(m->scratch, mod, fun, rargs, &emod, &efun, &eargs)) {
                    compile_remote_call(c, emod, efun, eargs, dst, tail); /* as Elixir inlines it */
                    return;
                }
                compile_remote_call(c, mod, fun, rargs, dst, tail);
                return;
            }
            if (!term_is_atom(fun)) compile_fail(c, "CompileError", "invalid remote call");
            /* expr.field (no parentheses) or a dynamic call mod.fun(args) */
            if (rargs == TERM_NIL && kw_get(rmeta, A("no_parens")) == ATOM_true) {
                /* a map's field, or a zero-arity call when it is a module
                 * (an atom but nil, true or false, which fail as any
                 * other term that is no map: {:badkey, field, term}) */
                uint32_t saved = c->next_reg;
                uint32_t a = reg_alloc_n(c, 3);
                uint32_t is_map = label_new(c), done = label_new(c), not_bool = label_new(c), call = label_new(c);
                compile_expr(c, mod_ast, a, false);
                emit(c, OP_TEST_TYPE, (Code)a, (Code)TYPE_ATOM, OPERAND_LABEL(is_map));
                emit(c, OP_TEST_TYPE, (Code)a, (Code)TYPE_BOOLEAN, OPERAND_LABEL(not_bool));
                emit(c, OP_JUMP, OPERAND_LABEL(is_map));
                label_place(c, not_bool);
                emit(c, OP_TEST_TYPE, (Code)a, (Code)TYPE_NIL_OR_FALSE, OPERAND_LABEL(call));
                emit(c, OP_JUMP, OPERAND_LABEL(is_map));
                label_place(c, call);
                emit(c, OP_LOADK, (Code)(a + 1), (Code)fun);
                emit(c, OP_LOADK, (Code)(a + 2), (Code)TERM_NIL);
                emit(c, OP_APPLY, (Code)a, (Code)3);
                emit(c, OP_MOVE, (Code)dst, (Code)a);
                emit(c, OP_JUMP, OPERAND_LABEL(done));
                label_place(c, is_map);
                emit(c, OP_MAP_FIELD, (Code)dst, (Code)a, (Code)fun);
                label_place(c, done);
                reg_restore(c, saved);
                finish(c, dst, tail);
                return;
            }
            compile_mfa_call(c, mod_ast, fun, rargs, dst, tail);
            return;
        }
        Term dname, dargs;
        if (ast_is_call(name, &dname, NULL, &dargs) && dname == A(".") && list_length(dargs) == 1) {
            compile_fun_call(c, list_nth(dargs, 0), args, dst, tail);
            return;
        }
        compile_fail(c, "CompileError", "invalid call");
    }

    const char *op = atom_text(name);
    switch (op[0]) {
    case '_':
        if (!strcmp(op, "__block__")) { compile_block(c, args, dst, tail); return; }
        if (!strcmp(op, "__aliases__")) {
            Term mod = expand_alias(m, ast);
            if (mod == TERM_NONE) compile_fail(c, "CompileError", "invalid alias");
            emit(c, OP_LOADK, (Code)dst, (Code)mod);
            finish(c, dst, tail);
            return;
        }
        if (!strcmp(op, "__MODULE__") && n == 0) {
            emit(c, OP_LOADK, (Code)dst, (Code)(m->module ? m->name : ATOM_nil));
            finish(c, dst, tail);
            return;
        }
        if (!strcmp(op, "__ENV__") && n == 0) {
            emit(c, OP_LOADK, (Code)dst, (Code)compile_env(c));
            finish(c, dst, tail);
            return;
        }
        break;
    case '=':
        if (!strcmp(op, "=") && n == 2) { compile_match(c, args, dst, tail); return; }
        if (n == 2 && (!strcmp(op, "==") || !strcmp(op, "==="))) { compile_comparison(c, op, args, dst, tail); return; }
        break;
    case '!':
        if (n == 2 && (!strcmp(op, "!=") || !strcmp(op, "!=="))) { compile_comparison(c, op, args, dst, tail); return; }
        if (!strcmp(op, "!") && n == 1) { compile_not_truthy(c, args, dst, tail); return; }
        break;
    case '<':
        if (n == 2 && (!strcmp(op, "<") || !strcmp(op, "<="))) { compile_comparison(c, op, args, dst, tail); return; }
        if (!strcmp(op, "<<>>")) { compile_bitstring(c, args, dst, tail); return; }
        if (!strcmp(op, "<>") && n == 2) {
            Term right = list_nth(args, 1);
            uint32_t depth = ast == m->concat_right ? m->concat_depth + 1 : 0;
            concat_check_operand(c, list_nth(args, 0), false, depth);
            concat_check_operand(c, right, true, depth);
            Heap *h = m->scratch;
            Term bin = tuple3(h, A("binary"), TERM_NIL, ATOM_nil);
            Term s1 = tuple3(h, A("::"), TERM_NIL, list_from(h, 2, (Term[]){list_nth(args, 0), bin}));
            Term s2 = tuple3(h, A("::"), TERM_NIL, list_from(h, 2, (Term[]){right, bin}));
            Term right0 = m->concat_right;
            uint32_t depth0 = m->concat_depth;
            m->concat_right = right;
            m->concat_depth = depth;
            compile_bitstring(c, list_from(h, 2, (Term[]){s1, s2}), dst, tail);
            m->concat_right = right0;
            m->concat_depth = depth0;
            return;
        }
        break;
    case '>':
        if (n == 2 && (!strcmp(op, ">") || !strcmp(op, ">="))) { compile_comparison(c, op, args, dst, tail); return; }
        break;
    case '+':
        if (!strcmp(op, "+") && n == 2) { compile_arith(c, OP_ADD, args, dst, tail); return; }
        break;
    case '-':
        if (!strcmp(op, "-") && n == 2) { compile_arith(c, OP_SUB, args, dst, tail); return; }
        if (!strcmp(op, "-") && n == 1 && (term_is_small(list_nth(args, 0)) || term_is_float(list_nth(args, 0)) || term_is_bignum(list_nth(args, 0)))) {
            Term v = list_nth(args, 0);
            Heap *h = m->scratch;
            Term neg = term_is_small(v) ? small_make(-small_value(v)) : term_is_float(v) ? float_new(h, -float_value(v)) : TERM_NONE;
            if (neg != TERM_NONE) {
                emit(c, OP_LOADK, (Code)dst, (Code)literal(neg));
                finish(c, dst, tail);
                return;
            }
        }
        break;
    case '*':
        if (!strcmp(op, "*") && n == 2) { compile_arith(c, OP_MUL, args, dst, tail); return; }
        break;
    case '{':
        if (!strcmp(op, "{}")) { compile_tuple(c, args, dst, tail); return; }
        break;
    case '%':
        if (!strcmp(op, "%{}")) { compile_map(c, args, dst, tail); return; }
        if (!strcmp(op, "%") && n == 2) { compile_struct(c, args, dst, tail); return; }
        break;
    case '&':
        if (!strcmp(op, "&") && n == 1) { compile_capture(c, args, dst, tail, meta); return; }
        if (!strcmp(op, "&&") && n == 2) { compile_truthy_op(c, args, dst, tail, true); return; }
        break;
    case '|':
        if (!strcmp(op, "||") && n == 2) { compile_truthy_op(c, args, dst, tail, false); return; }
        if (!strcmp(op, "|>") && n == 2) {
            int outer = c->macro_line;
            if (meta_line(meta) > 0) c->macro_line = meta_line(meta);
            compile_expr(c, pipe_into(m, list_nth(args, 0), list_nth(args, 1), c), dst, tail);
            c->macro_line = outer;
            return;
        }
        break;
    case '.':
        if (!strcmp(op, "..") && n == 2) {
            Term a = list_nth(args, 0), b = list_nth(args, 1);
            if (term_is_small(a) && term_is_small(b)) {
                Term step = small_make(small_value(a) <= small_value(b) ? 1 : -1);
                emit(c, OP_LOADK, (Code)dst, (Code)literal(range_literal(m->scratch, a, b, step)));
                finish(c, dst, tail);
                return;
            }
            compile_expr(c, mk_remote(m, A("Elixir.Range"), "new", 2, (Term[]){a, b}), dst, tail);
            return;
        }
        if (!strcmp(op, "..//") && n == 3) {
            compile_expr(c, mk_remote(m, A("Elixir.Range"), "new", 3, (Term[]){list_nth(args, 0), list_nth(args, 1), list_nth(args, 2)}), dst, tail);
            return;
        }
        if (!strcmp(op, "..") && n == 0) {
            emit(c, OP_LOADK, (Code)dst, (Code)literal(range_literal(m->scratch, small_make(0), small_make(-1), small_make(1))));
            finish(c, dst, tail);
            return;
        }
        break;
    case '@':
        if (!strcmp(op, "@") && n == 1) {
            if (!m->module)
                compile_fail_expanding(c,
                                       "(elixir 1.14.0) lib/kernel.ex:6373: Kernel.assert_module_scope/3\n"
                                       "(elixir 1.14.0) expanding macro: Kernel.@/1",
                                       "ArgumentError", "cannot invoke @/1 outside module");
            Term inner = list_nth(args, 0), attr;
            if (ast_is_var(inner, &attr, NULL) || ast_is_call(inner, &attr, NULL, NULL)) {
                for (size_t i = m->nattrs; i-- > 0;)
                    if (m->attrs[i].name == attr) {
                        emit(c, OP_LOADK, (Code)dst, (Code)m->attrs[i].value);
                        finish(c, dst, tail);
                        return;
                    }
                emit(c, OP_LOADK, (Code)dst, (Code)ATOM_nil);
                finish(c, dst, tail);
                return;
            }
        }
        break;
    case '^':
        if (!strcmp(op, "^")) compile_fail(c, "CompileError", "misplaced operator ^%s", "\nThe pin operator ^ is supported only inside matches or inside custom macros");
        break;
    default:
        break;
    }
    if (!strcmp(op, "case") && n == 2) { compile_case(c, args, dst, tail); return; }
    if (!strcmp(op, "cond") && n == 1) { compile_cond(c, args, dst, tail); return; }
    if ((!strcmp(op, "if") || !strcmp(op, "unless")) && n == 2) {
        int outer = c->macro_line;
        if (meta_line(meta) > 0) c->macro_line = meta_line(meta);
        compile_if(c, args, dst, tail, op[0] == 'u');
        c->macro_line = outer;
        return;
    }
    if (!strcmp(op, "with") && n >= 1) { compile_with(c, args, dst, tail); return; }
    if (!strcmp(op, "for") && n >= 1) { compile_for(c, args, dst, tail); return; }
    if (!strcmp(op, "try") && n == 1) { compile_try(c, args, dst, tail); return; }
    if (!strcmp(op, "receive") && n == 1) { compile_receive(c, args, dst, tail); return; }
    if (!strcmp(op, "fn")) { compile_fn(c, args, dst, meta); finish(c, dst, tail); return; }
    if (!strcmp(op, "and") && n == 2) { compile_and_or(c, args, dst, tail, true); return; }
    if (!strcmp(op, "or") && n == 2) { compile_and_or(c, args, dst, tail, false); return; }
    if (!strcmp(op, "not") && n == 1) {
        Term iname, iargs;
        if (ast_is_call(list_nth(args, 0), &iname, NULL, &iargs) && iname == A("in") && list_length(iargs) == 2) {
            compile_in(c, iargs, dst, tail, true);
            return;
        }
    }
    if (!strcmp(op, "in") && n == 2) { compile_in(c, args, dst, tail, false); return; }
    if (!strcmp(op, "raise") && (n == 1 || n == 2)) { compile_raise(c, args, dst, tail, false); return; }
    if (!strcmp(op, "reraise") && (n == 2 || n == 3)) { compile_raise(c, args, dst, tail, true); return; }
    if ((!strcmp(op, "is_struct") && (n == 1 || n == 2)) || (!strcmp(op, "is_exception") && (n == 1 || n == 2))) {
        Heap *h = m->scratch;
        bool exc = op[3] == 'e';
        Term x = list_nth(args, 0);
        Term key = exc ? ATOM___exception__ : ATOM___struct__;
        Term is_map = tuple3(h, A("is_map"), TERM_NIL, list_from(h, 1, &x));
        Term has = mk_remote(m, A("erlang"), "is_map_key", 2, (Term[]){key, x});
        Term get = mk_remote(m, A("erlang"), "map_get", 2, (Term[]){key, x});
        Term last = exc ? tuple3(h, A("==="), TERM_NIL, list_from(h, 2, (Term[]){get, ATOM_true}))
                        : tuple3(h, A("is_atom"), TERM_NIL, list_from(h, 1, &get));
        if (n == 2) {
            Term mod_get = mk_remote(m, A("erlang"), "map_get", 2, (Term[]){ATOM___struct__, x});
            Term same = tuple3(h, A("==="), TERM_NIL, list_from(h, 2, (Term[]){mod_get, list_nth(args, 1)}));
            last = exc ? tuple3(h, A("and"), TERM_NIL, list_from(h, 2, (Term[]){last, same})) : same;
        }
        Term all = tuple3(h, A("and"), TERM_NIL, list_from(h, 2, (Term[]){is_map, tuple3(h, A("and"), TERM_NIL, list_from(h, 2, (Term[]){has, last}))}));
        compile_expr(c, all, dst, tail);
        return;
    }
    if (!strcmp(op, "is_nil") && n == 1) {
        Heap *h = m->scratch;
        compile_comparison(c, "===", list_from(h, 2, (Term[]){list_nth(args, 0), ATOM_nil}), dst, tail);
        return;
    }
    if (!strcmp(op, "self") && n == 0) {
        emit(c, OP_SELF, (Code)dst);
        finish(c, dst, tail);
        return;
    }
    if (!strcmp(op, "elem") && n == 2) {
        Heap *h = m->scratch;
        Term idx = tuple3(h, A("+"), TERM_NIL, list_from(h, 2, (Term[]){list_nth(args, 1), small_make(1)}));
        call_native(c, "erlang", "element", list_from(h, 2, (Term[]){idx, list_nth(args, 0)}), dst, tail);
        return;
    }
    if (!strcmp(op, "put_elem") && n == 3) {
        Heap *h = m->scratch;
        Term idx = tuple3(h, A("+"), TERM_NIL, list_from(h, 2, (Term[]){list_nth(args, 1), small_make(1)}));
        call_native(c, "erlang", "setelement", list_from(h, 3, (Term[]){idx, list_nth(args, 0), list_nth(args, 2)}), dst, tail);
        return;
    }
    if (!strcmp(op, "is_map_key") && n == 2) {
        Heap *h = m->scratch;
        call_native(c, "erlang", "is_map_key", list_from(h, 2, (Term[]){list_nth(args, 1), list_nth(args, 0)}), dst, tail);
        return;
    }
    if (!strcmp(op, "apply") && n == 3 && list_is_literal_args(list_nth(args, 2))) {
        compile_mfa_call(c, list_nth(args, 0), list_nth(args, 1), list_nth(args, 2), dst, tail);
        return;
    }
    if (!strcmp(op, "apply") && (n == 2 || n == 3)) {
        uint32_t saved = c->next_reg, cnt;
        uint32_t first = compile_args(c, args, &cnt);
        emit(c, tail && !c->in_try ? OP_TAIL_APPLY : OP_APPLY, (Code)first, (Code)n);
        if (!(tail && !c->in_try)) {
            emit(c, OP_MOVE, (Code)dst, (Code)first);
            finish(c, dst, tail);
        }
        reg_restore(c, saved);
        return;
    }
    if (!strcmp(op, "match?") && n == 2) {
        Heap *h = m->scratch;
        Term yes = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, 1, (Term[]){list_nth(args, 0)}), ATOM_true}));
        Term no = tuple3(h, A("->"), TERM_NIL, list_from(h, 2, (Term[]){list_from(h, 1, (Term[]){tuple3(h, A("_"), TERM_NIL, ATOM_nil)}), ATOM_false}));
        Term kase = tuple3(h, A("case"), meta, list_from(h, 2, (Term[]){list_nth(args, 1), list_from(h, 1, (Term[]){tuple2(h, ATOM_do, list_from(h, 2, (Term[]){yes, no}))})}));
        compile_expr(c, kase, dst, tail);
        return;
    }
    if (((!strcmp(op, "put_in") || !strcmp(op, "update_in") || !strcmp(op, "get_and_update_in")) && n == 2) ||
        (!strcmp(op, "pop_in") && n == 1)) {
        /* the path macros call their function forms: put_in(root, keys, value) */
        Term root, keys;
        if (!split_access_path(m, list_nth(args, 0), &root, &keys)) {
            char frames[200], text[600];
            ast_text_to(list_nth(args, 0), text, sizeof text);
            snprintf(frames, sizeof frames,
                     "(elixir 1.14.0) lib/kernel.ex:3142: Kernel.unnest/4\n(elixir 1.14.0) expanding macro: Kernel.%s/%d", op, (int)n);
            compile_fail_expanding(c, frames, "ArgumentError",
                                   "expected expression given to %s/%d to access at least one element, got: %s", op, (int)n, text);
        }
        Term last = list_nth(keys, list_length(keys) - 1), lmod, lfun, largs, lmeta;
        if (n == 1 && ast_is_remote(last, &lmod, &lfun, &largs, &lmeta) && lfun == A("__field__")) {
            char field[200];
            ast_text_to(list_nth(largs, 0), field, sizeof field);
            compile_fail_expanding(c, "(elixir 1.14.0) lib/kernel.ex:3105: Kernel.nest_pop_in/3\n(elixir 1.14.0) expanding macro: Kernel.pop_in/1",
                                   "ArgumentError",
                                   "cannot use pop_in when the last segment is a map/struct field. This would effectively remove the field %s from the map/struct",
                                   field);
        }
        Term call = tuple3(m->scratch, name, meta,
                           n == 2 ? list_from(m->scratch, 3, (Term[]){root, keys, list_nth(args, 1)})
                                  : list_from(m->scratch, 2, (Term[]){root, keys}));
        compile_expr(c, call, dst, tail);
        return;
    }
    if (!strcmp(op, "destructure") && n == 2 && term_is_list(list_nth(args, 0))) {
        /* destructure([a, b], list): [a, b] = Kernel.Utils.destructure(list, 2) */
        Term left = list_nth(args, 0);
        Term padded = mk_remote(m, A("Elixir.Kernel.Utils"), "destructure", 2,
                                (Term[]){list_nth(args, 1), small_make((int64_t)list_length(left))});
        compile_expr(c, tuple3(m->scratch, A("="), meta, list_from(m->scratch, 2, (Term[]){left, padded})), dst, tail);
        return;
    }
    if (!strncmp(op, "sigil_", 6) && n == 2 && strlen(op) == 7) { compile_sigil(c, op + 6, args, dst, tail); return; }
    if (!strcmp(op, "quote_literal") && n == 1 && meta == TERM_NIL) {
        emit(c, OP_LOADK, (Code)dst, (Code)literal(list_nth(args, 0)));
        finish(c, dst, tail);
        return;
    }
    if (!strcmp(op, "quote")) {
        compile_quote(c, args, dst, tail);
        return;
    }
    if ((!strcmp(op, "alias") || !strcmp(op, "require") || !strcmp(op, "import")) && n >= 1) {
        extern void module_directive(ModCtx *m, const char *which, Term args, int line);
        module_directive(m, op, args, c->line);
        /* its value is the module it names, as Elixir's */
        Term target = list_nth(args, 0);
        Term named = term_is_atom(target) ? target : expand_alias(m, target);
        emit(c, OP_LOADK, (Code)dst, (Code)(named != TERM_NONE ? named : ATOM_nil));
        finish(c, dst, tail);
        return;
    }
    if ((!strcmp(op, "defmodule") && n == 2) || protocol_is_form(ast)) {
        /* defmodule (defprotocol, defimpl) as an expression: the module is
         * compiled when it runs, and its environment reads every variable */
        vars_mark_all_used(c);
        Heap *h = m->scratch;
        Term file = binary_from_cstr(h, m->file ? m->file : "nofile");
        call_native(c, "genlab", "define_module", list_from(h, 2, (Term[]){mk_escape(m, ast), file}), dst, tail);
        return;
    }
    if (m->in_body_statement && n >= 1 && n <= 2 &&
        (!strcmp(op, "def") || !strcmp(op, "defp") || !strcmp(op, "defmacro") || !strcmp(op, "defmacrop"))) {
        /* a def a module body statement makes as it runs (in a for, from
         * a macro): its unquote fragments filled in, it joins the module */
        call_native(c, "genlab", "store_definition", list_from(m->scratch, 2, (Term[]){name, quote_fragments(c, args)}), dst, tail);
        return;
    }
    if ((!strcmp(op, "def") || !strcmp(op, "defp")) && !m->module) {
        char frames[300];
        snprintf(frames, sizeof frames,
                 "(elixir 1.14.0) lib/kernel.ex:6373: Kernel.assert_module_scope/3\n"
                 "(elixir 1.14.0) lib/kernel.ex:5070: Kernel.define/4\n(elixir 1.14.0) expanding macro: Kernel.%s/2", op);
        compile_fail_expanding(c, frames, "ArgumentError", "cannot invoke %s/2 outside module", op);
    }
    compile_unqualified_call(c, name, meta, args, dst, tail);
}
