/* compile_internal.h - shared state of the compiler's files:
 * compile_emit.c (code buffers, labels, registers), compile_pattern.c,
 * compile_expr.c, compile_module.c. Not part of the public API. */
#ifndef GENLAB_COMPILE_INTERNAL_H
#define GENLAB_COMPILE_INTERNAL_H

#include <setjmp.h>

#include "compiler.h"
#include "parser.h"
#include "state.h"
#include "sched.h"
#include "vm.h"

typedef struct Var {
    Term name, context; /* context: nil, or the module a quote came from */
    uint32_t reg;
    bool hidden;        /* bound by an earlier sibling (vars_sibling_done) */
    /* For Elixir's "variable is unused" warning (vars_scope_end): read
     * since bound; bound by the compiler, not by a pattern of the source
     * (never warned about); bound while a variable of the same name was
     * visible (the warning then suggests the pin operator). */
    bool used, quiet, shadows;
    int line;
    /* For lookups in O(1) whatever the number of variables (a script's top
     * level may bind 100,000): the variable of the same name and context
     * bound before this one (UINT32_MAX: none), and the registers this and
     * every earlier variable keep (the highest reg + 1). */
    uint32_t prev_same;
    uint32_t reg_floor;
} Var;

/* A slot of FnCtx.var_index: the latest variable of a name and context. */
typedef struct VarSlot {
    Term name, context;
    uint32_t latest; /* index in FnCtx.vars, or UINT32_MAX */
} VarSlot;

typedef struct Alias {
    Term short_name; /* Elixir.Bar */
    Term full_name;  /* Elixir.Foo.Bar */
} Alias;

typedef struct Import {
    Term module;
    Term only; /* keyword list of name: arity, or nil for all */
    Term except;
} Import;

typedef struct Attribute {
    Term name, value; /* value lives in the literal arena */
} Attribute;

typedef struct LocalDef {
    Term name;
    uint32_t arity;
    int kind; /* 0 def, 1 defp, 2 defmacro, 3 defmacrop */
} LocalDef;

/* Warnings held back until they can be given in Elixir's order. */
typedef struct WarnBuf {
    char *text;
    size_t len;
} WarnBuf;

/* A local call in a def of the module: from the def being compiled
 * (name and full arity) to name/arity (compile_locals.c). */
typedef struct LocalCall {
    Term from, to;
    uint32_t from_arity, to_arity;
} LocalCall;

/* A warning given once the module is compiled (compile_warn.c). */
typedef struct LateWarning {
    int line;
    size_t seq;
    char *text;
} LateWarning;

/* What a fn of a def is to the BEAM (compile_lambda.c): a fn, a capture
 * of a local function (a fun of that function itself), or a bitstring
 * generator's list comprehension (a function that makes no fun). */
typedef enum { LAMBDA_FN, LAMBDA_LOCAL_CAPTURE, LAMBDA_LETREC } LambdaKind;

/* One fn of a module's defs, noted as it starts compiling. */
typedef struct LambdaNote {
    FunInfo *info;
    Function *def;     /* the def it is in */
    int32_t parent;    /* the note of the fn it is in, or -1: directly in the def */
    LambdaKind kind;
} LambdaNote;

/* A call (or capture) of module.fun/arity in a def of caller, at file:line
 * (compile_calls.c). */
typedef struct RemoteCall {
    Term caller, module, fun;
    uint32_t arity, line;
    Term def;
    uint32_t def_arity;
    const char *file;
} RemoteCall;

/* State of one module (or of top-level code) being compiled. */
typedef struct ModCtx {
    Module *module;        /* NULL for top-level chunks */
    struct ModCtx *parent; /* the module this one is nested in, or NULL */
    Term name;             /* module atom, or the chunk's pseudo module */
    const char *file;
    Alias *aliases;
    size_t naliases, aliases_cap;
    Import *imports;
    size_t nimports, imports_cap;
    Attribute *attrs;
    size_t nattrs, attrs_cap;
    LocalDef *locals;
    size_t nlocals, locals_cap;
    uint32_t lambda_counter;
    jmp_buf *on_error;
    CompileError *err;
    Heap *scratch;         /* for AST built during expansion */
    uint32_t nesting;      /* compile_expr and compile_pattern calls in progress */
    /* variables the module body's statements bound so far (x = 1), seen by
     * the statements after them; the values live on the literal heap */
    Term *body_names, *body_values;
    size_t nbody, body_cap;
    /* while a body statement is compiled and run: true, and the {kind,
     * args} of the definitions it made (def in a for, a macro's def),
     * on the literal heap, newest first */
    bool in_body_statement;
    /* The right operand of the <> being compiled, and how deep that <> is
     * in its chain (a <> b <> c is a <> (b <> c)): where an operand's
     * error shows in Kernel.<>/2's stack trace (concat_check_operand) */
    Term concat_right;
    uint32_t concat_depth;
    Term body_defs;
    /* where compile warnings go while a def is compiled (the module gives
     * them in the order of its defs, as Elixir does), or NULL: straight
     * to standard error */
    WarnBuf *warn_into;
    LateWarning *late;     /* compile_warn.c's, given after all the others */
    size_t nlate, late_cap;
    LocalCall *calls;      /* the local calls its defs make, for unused private functions */
    size_t ncalls, calls_cap;
    LambdaNote *lambdas;   /* its defs' fns, numbered once all are compiled */
    size_t nlambdas, lambdas_cap;
    RemoteCall *remote;    /* its defs' remote calls (compile_calls.c) */
    size_t nremote, remote_cap;
} ModCtx;

typedef struct Label {
    uint32_t pos;          /* code index once placed, UINT32_MAX before */
} Label;

/* State of one function (or fn body) being compiled. */
/* Code that fn_finish places after a function's body, out of the hot
 * path: where a failing arithmetic instruction jumps to raise as the BEAM
 * does with the BIF's frame on top of the stack trace (compile_arith). It
 * calls the BIF again on the same operands, which raises. */
typedef struct ArithRaise {
    uint32_t label;   /* the instruction's failure label */
    uint32_t resume;  /* placed after the instruction (never reached: the BIF raises) */
    uint32_t a, b;    /* the operands' registers; b is UINT32_MAX when k is the right one */
    Code k;
    struct ExtRef *bif;
    uint32_t temp;    /* two registers for the BIF's arguments */
    uint32_t dst;
    int line;
} ArithRaise;

typedef struct FnCtx {
    struct FnCtx *parent;  /* the enclosing function of a fn */
    ModCtx *mod;
    Function *fn;
    Code *code;
    size_t len, cap;
    LineEntry *lines;
    size_t nlines, lines_cap;
    uint32_t *label_pos;   /* label id -> code index */
    size_t nlabels, labels_cap;
    uint32_t *patches;     /* code indices holding a label id to resolve */
    size_t npatches, patches_cap;
    uint32_t next_reg, max_reg;
    Var *vars;
    size_t nvars, vars_cap;
    /* vars by name and context (open addressing), for vars[0, var_indexed):
     * vars_scope_end only lowers nvars, so var_bind and the lookups first
     * take out what was bound from nvars up (Var.prev_same). */
    VarSlot *var_index;
    size_t var_index_cap, var_index_keys, var_indexed;
    size_t pattern_vars_start; /* vars bound since the current pattern began */
    int line;
    Term fun_name;         /* enclosing def's name and arity (lambda naming) */
    uint32_t fun_arity;
    int in_guard;
    uint32_t guard_fail;   /* where a failing guard expression jumps */
    int in_try;            /* >0 inside a try body: no tail calls */
    uint32_t lambdas;      /* fns named so far in this def (-name/arity-fun-N-) */
    int32_t lambda_note;   /* a fn's LambdaNote in its module, or -1 */
    uint32_t nparams;      /* registers 0..nparams-1 hold the arguments; compiled
                            * code never writes them (tail calls copy at the end) */
    size_t last_op;        /* code index of the last instruction emitted */
    size_t label_end;      /* code index where a label was last placed */
    ArithRaise *raises;    /* see ArithRaise */
    size_t nraises, raises_cap;
    /* Where unused variables are warned about (vars_scope_end): in a def's
     * clauses and what they nest, as "FILE:LINE: Mod.fun/arity"; at the
     * top level (scripts, the shell, eval) only in nested scopes, as
     * "FILE:LINE"; never in module bodies or the embedded library. */
    enum { WARN_FUNCTION, WARN_TOPLEVEL, WARN_NONE } warn;
    int warn_off;          /* >0 while code is compiled a second time (try's after) */
    int macro_line;        /* the line of the innermost macro call whose code compiles
                            * (if, unless, |>, a macro's expansion), or 0: where Elixir's
                            * expansion warnings with no line of their own point */
    uint32_t reused_reg;   /* a register the code rewrites while variables matched
                            * from it live (with's clauses): never bind to it; or
                            * UINT32_MAX */
} FnCtx;

/* The compiler's part of the active runtime's state (state.h). While
 * rt->compile_boot_mode is set, the embedded library is compiling: its
 * modules refer to each other before all of them exist. */
typedef struct CompileState {
    Term *file_modules; /* modules defined by the file being run (compile_begin_file) */
    size_t nfile_modules, file_modules_cap;
    ModCtx toplevel;    /* top-level code's aliases and imports */
    Term atom_dot;      /* the atom ".", looked up once */
    uintptr_t stack_floor; /* how low the compiler's frames may go, or 0 if unknown */
    /* The modules whose body statements are running, each with the pid
     * serial of the process that runs it (0: none), innermost last. Several
     * processes may be in the middle of a module body at once (a library
     * file loading from source nests), so a def made at run time joins the
     * module of the process that makes it. A compile restarted with its
     * calls' outcomes (compile_run.h) keeps the defs with the outcome. */
    struct Defining { uint32_t serial; struct ModCtx *m; } *defining;
    size_t ndefining, defining_cap;
    struct ScriptVars *script; /* a script's top-level variables (compile_script.c), or NULL */
    RemoteCall *remote;        /* the remote calls of the modules compiled whole (compile_calls.c) */
    size_t nremote, remote_cap;
} CompileState;
#define COMPILE (rt->compile)

/* ---- depth -------------------------------------------------------------------- */
/* Source is at most AST_MAX_DEPTH levels deep (parser.h), but a macro can
 * build a deeper tree. The compiler recurses on the AST, so it bounds its
 * depth: past COMPILE_MAX_NESTING nested compile_expr/compile_pattern
 * calls, or COMPILE_WALK_MAX_DEPTH levels of a tree walker, it stops with
 * a CompileError (compile_fail_depth) instead of overflowing the C stack
 * or ignoring what lies deeper. Parsed source never reaches either. */
#define COMPILE_MAX_NESTING AST_MAX_DEPTH
#define COMPILE_WALK_MAX_DEPTH (4 * AST_MAX_DEPTH)
/* Frames differ by build (a sanitizer's are several times larger), so the
 * nesting also stops when less than this much C stack is left. */
#define COMPILE_STACK_MARGIN ((uintptr_t)1 << 20)
bool compile_stack_low(void);

/* ---- errors ---------------------------------------------------------------- */
_Noreturn void compile_fail_depth(ModCtx *m, int line);
_Noreturn void compile_fail(FnCtx *c, const char *kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An exception a macro of Elixir's raises as it expands: `frames` are the
 * lines its stack trace shows above where the code is ("(elixir 1.14.0)
 * lib/kernel.ex:1934: Kernel.wrap_concatenation/3\n(elixir 1.14.0)
 * expanding macro: Kernel.<>/2"). */
/* Elixir's warning for a name that no variable has, read as a call of
 * that name with no arguments. */
void warn_var_as_call(FnCtx *c, Term name, int line);
/* Elixir's warning for a variable alone as a statement of a block, not
 * its last ("variable x in code block has no effect ..."). */
void warn_var_no_effect(FnCtx *c, Term stmt);
/* The same for a number or a string ("code block contains unused literal
 * 1 ..."), where the innermost macro call is (FnCtx.macro_line). */
void warn_literal_no_effect(FnCtx *c, Term stmt);
/* True while a module body's statements compile (not its defs). */
bool compiling_module_body(FnCtx *c);
_Noreturn void compile_fail_expanding(FnCtx *c, const char *frames, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* An error of Elixir's struct expansion, whose stack trace names the
 * __struct__ function it called: arity 1 to build a struct, 0 to match or
 * update one. */
_Noreturn void compile_fail_struct(FnCtx *c, Term module, int arity, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
_Noreturn void compile_fail_mod(ModCtx *m, int line, const char *kind, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A CompileError whose stack trace, as Elixir prints it, is `frames`
 * (a line each, "    (elixir 1.14.0) ...\n"; "" for none). */
_Noreturn void compile_fail_frames(ModCtx *m, int line, const char *frames, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Elixir's CompileError for a call of name/arity that nothing defines or
 * imports, with what its stack trace shows; `c` is the code the call is
 * in, or NULL for the check of a module's defs once they are compiled. */
_Noreturn void compile_fail_undefined(ModCtx *m, FnCtx *c, int line, Term name, uint32_t arity);

/* ---- emitting (compile_emit.c) ------------------------------------------- */
/* A compile's working memory (see compile_emit.c): blocks from
 * scratch_realloc (NULL: a new one) and scratch_calloc go with
 * scratch_free, or with every block made since a mark when a compile is
 * abandoned (scratch_release). */
void *scratch_realloc(void *block, size_t bytes);
void *scratch_calloc(size_t count, size_t size);
void scratch_free(void *block);
uint64_t scratch_mark(void);
void scratch_release(uint64_t mark);
/* How many scratch blocks are out: 0 whenever no compile is running (for
 * tests). */
size_t compile_scratch_blocks(void);
void fn_init(FnCtx *c, ModCtx *mod, FnCtx *parent, Function *fn);
void fn_finish(FnCtx *c); /* resolves labels, stores code into c->fn */
void emit(FnCtx *c, Opcode op, ...); /* operands as Code values; labels via emit_label_operand */
uint32_t label_new(FnCtx *c);
/* Jumps to fail unless `a op b` holds, for the comparison operators;
 * false if op is not one. */
bool emit_compare_jump(FnCtx *c, const char *op, uint32_t a, uint32_t b, uint32_t fail);
void label_place(FnCtx *c, uint32_t label);
/* A label operand in an emit() list; emit knows from the opcode which
 * operands are labels and resolves them when the function is finished. */
#define OPERAND_LABEL(l) ((Code)(l))
uint32_t reg_alloc(FnCtx *c);
uint32_t reg_alloc_n(FnCtx *c, uint32_t n);
/* Frees registers down to `saved`, but never below a variable in scope. */
void reg_restore(FnCtx *c, uint32_t saved);
Term literal(Term t); /* copies into the literal arena */
void set_line_from_meta(FnCtx *c, Term meta);

/* ---- variables --------------------------------------------------------------- */
Var *var_lookup(FnCtx *c, Term name, Term context);
/* The same without marking the variable used. */
Var *var_peek(FnCtx *c, Term name, Term context);
/* var_bind binds a variable of the compiler's making (never warned
 * about); var_bind_pattern one that a pattern of the source binds at
 * `line`. */
uint32_t var_bind(FnCtx *c, Term name, Term context, uint32_t reg);
uint32_t var_bind_pattern(FnCtx *c, Term name, Term context, uint32_t reg, int line);
/* Ends the scope that began when c->nvars was `start`: what it bound goes
 * out of scope, and each variable of the source it bound and never read
 * gets Elixir's warning on standard error ("variable "x" is unused ..."),
 * sorted by name as Elixir lists them. */
void vars_scope_end(FnCtx *c, size_t start);
/* Elixir's warning about an unused variable bound at file:line, on
 * standard error (a script's top level: compile_script.c). */
void vars_warn_unused_at(const char *file, Term name, int line, bool shadows);
/* Every variable in scope counts as read (a defmodule keeps them all in
 * its environment). */
void vars_mark_all_used(FnCtx *c);
/* What a script's top-level chunk did with its variables: c->vars[0..
 * ninputs) are the bindings it was given (compile_script.c). */
void script_vars_note_chunk(const FnCtx *c, size_t ninputs);
void compile_script_free(void);
/* Siblings (a call's arguments, an operator's operands, the elements of a
 * tuple or list, a map's keys and values, a binary's segments) run left to
 * right, yet none sees a variable that another binds: Elixir expands each
 * against the variables bound before them all, and their bindings count
 * only after the last (x = 1; x + (x = 5) + x is 7). vars_siblings_begin
 * opens a group, vars_sibling_done follows each sibling but the last (it
 * hides what the siblings bound so far from var_lookup) and
 * vars_siblings_end shows them all again. Groups nest. */
size_t vars_siblings_begin(const FnCtx *c);
void vars_sibling_done(FnCtx *c, size_t start);
void vars_siblings_end(FnCtx *c, size_t start);

/* ---- AST helpers ------------------------------------------------------------- */
bool ast_is_call(Term ast, Term *name, Term *meta, Term *args); /* {name, meta, args} with list args */
bool ast_is_var(Term ast, Term *name, Term *context);
bool ast_is_remote(Term ast, Term *mod, Term *fun, Term *args, Term *meta);
Term kw_get(Term kw, Term key); /* TERM_NONE if absent */
size_t list_length(Term list);
Term list_nth(Term list, size_t n);
int meta_line(Term meta);
Term expand_alias(ModCtx *m, Term ast); /* {:__aliases__, ...} -> module atom, or TERM_NONE */
Term mk3(ModCtx *m, Term a, Term b, Term c); /* a {a, b, c} tuple on the scratch heap */
Term mk_call(ModCtx *m, const char *name, size_t n, const Term *args);
Term mk_remote(ModCtx *m, Term module, const char *name, size_t n, const Term *args);
Term mk_list(ModCtx *m, size_t n, const Term *items);
const char *atom_cstr(Term a);
char *module_display_name(Term module); /* "Foo.Bar" or ":erlang"; malloc'd */

/* ---- modules (compile_module.c) and protocols (compile_protocol.c) ---------------- */
void module_add_alias(ModCtx *m, Term short_name, Term full);
/* Compiles and installs module `name` from `body`, nested in `parent`
 * (its aliases; top-level when parent has no module); returns the body's
 * last value. */
Term module_compile_body(ModCtx *parent, Term name, Term body, int line);
/* defmodule's value: {:module, name, binary, last}, on h. */
Term module_result(Heap *h, Term name, Term last);
/* defprotocol and defimpl forms: compiled in m (their enclosing module, or
 * the top level), answering what Elixir's answer. */
bool protocol_is_form(Term ast);
Term protocol_compile_form(ModCtx *m, Term ast);
/* What one `@derive` asked for, once m's struct is defined. */
void protocol_derive(ModCtx *m, Term derive, int line);

/* Kernel's functions that are BIFs of :erlang (Kernel.+/2 is :erlang.+/2)
 * become natives of Kernel too, for apply/3 and function_exported?/3;
 * compiled calls go to :erlang directly. */
void compile_register_kernel_bifs(void);

/* A binary's segments with each literal string typed utf8, utf16 or
 * utf32 split into one segment per code point. */
Term bin_expand_utf_literals(FnCtx *c, Term segs);
/* ---- compiling ------------------------------------------------------------------ */
/* Compiles `ast` so that its value ends up in register dst; in tail
 * position the code returns instead of falling through. */
void compile_expr(FnCtx *c, Term ast, uint32_t dst, bool tail);
/* A register holding ast's value: a bound variable's own register (never
 * written while the variable is in scope), else a new one it is compiled into. */
uint32_t compile_operand(FnCtx *c, Term ast);
/* Jumps to fail unless `left op right` holds (op a comparison operator). */
void compile_compare_jump(FnCtx *c, const char *op, Term left, Term right, uint32_t fail);
/* Compiles a match of the value in register `src` against pattern `ast`,
 * jumping to label `fail` on mismatch. */
void compile_pattern(FnCtx *c, Term ast, uint32_t src, uint32_t fail);
/* Compiles a guard: falls through if it holds, jumps to fail otherwise. */
void compile_guard(FnCtx *c, Term guard, uint32_t fail);
/* The type test (is_atom/1, is_pid/1, ...) a call of Kernel's `name` with
 * `arity` arguments is, as TEST_TYPE's operand; -1 for any other. */
int compile_type_guard(Term name, size_t arity);
/* Clauses {:->, meta, [[patterns], body]} against registers args[0..n).
 * Code for "no clause matched" must follow; returns the label to place
 * after it, where every clause continues. */
uint32_t compile_clauses(FnCtx *c, Term clauses, const uint32_t *args, uint32_t nargs, uint32_t dst, bool tail);
/* quote's arguments (options, do: body): code that builds the quoted
 * body in register dst, with Elixir's metadata (compile_quote.c). */
void compile_quote(FnCtx *c, Term args, uint32_t dst, bool tail);
/* An expression that builds `ast` as it is but for its unquotes, which
 * run (a def with unquote fragments in a module body). */
Term quote_fragments(FnCtx *c, Term ast);
/* `ast` with the line given to every node that has none (a macro's answer
 * takes the line of the code that called it), built on h. */
Term quote_linify(ModCtx *m, Heap *h, Term ast, int line, int depth);
/* Splits a clause head into its patterns and guard (TERM_NONE if none). */
void clause_head(Term params, Term *patterns, Term *guard);
/* Reads a <<>> segment's type specification (the right of ::). *size_ast
 * gets the size expression (TERM_NONE for the default). */
void bin_segment_spec(FnCtx *c, Term spec, BinSeg *seg, Term *size_ast);
/* ---- warnings about clause lists (compile_warn.c) --------------------- */
/* Notes, for module code, each clause that an earlier clause without a
 * guard always matches before it, as OTP's compiler warns: clauses are
 * {:->, meta, [params, body]} at lines[i]; def_name (TERM_NONE for a
 * case, fn or receive) names a def's catch-all in the warning. */
void warn_shadowed_clauses(FnCtx *c, const Term *clauses, const int *lines, size_t n, Term def_name, uint32_t def_arity);
/* The same for a list of -> clauses. */
void warn_shadowed_list(FnCtx *c, Term clauses);
/* Notes, for a def's statement whose value nothing uses, OTP's warning
 * when that value is an operator's or a side-effect-free BIF's ("the
 * result of evaluating operator '+'/2 is ignored"), looking into the
 * branches of an if, unless, case or cond. */
void warn_ignored_result(FnCtx *c, Term stmt);
/* Gives the module's noted warnings, sorted by line. */
void warn_later_flush(ModCtx *m);

/* ---- behaviours (compile_behaviour.c) ----------------------------------------- */
/* One definition that came after an @impl: its name, arity and defaults,
 * kind (0 def, 1 defp, 2 defmacro, 3 defmacrop), line, whether `use`
 * injected it, and the @impl's value (true, false or a module). */
typedef struct ImplNote {
    Term name;
    uint32_t arity, defaults;
    int kind, line;
    bool injected;
    Term value;
} ImplNote;
/* What a module body said about behaviours, on the literal heap. */
typedef struct BehaviourNotes {
    Term behaviours;   /* @behaviour values, newest first */
    Term callbacks;    /* @callback and @macrocallback: {name, arity, def | defmacro}, newest first */
    Term optional;     /* @optional_callbacks: {name, arity}, newest first */
    ImplNote *impls;   /* in definition order */
    size_t nimpls, impls_cap;
} BehaviourNotes;
/* One of the module's definitions, as the checks see it: it defines
 * name/arity and, with defaults, each arity down to arity - defaults. */
typedef struct DefSummary {
    Term name;
    uint32_t arity, defaults;
    int kind, line;    /* line: its first definition's */
    bool injected;     /* what `use` or the compiler defined and the module did not redefine */
} DefSummary;
void behaviour_notes_init(BehaviourNotes *n);
void behaviour_notes_free(BehaviourNotes *n);
/* Notes @behaviour, @callback, @macrocallback or @optional_callbacks
 * (`attr`) with its unevaluated argument; false for any other attribute. */
bool behaviour_note_attribute(ModCtx *m, BehaviourNotes *n, Term attr, Term arg);
/* @impl's argument as the checks compare it: true, false or a module. */
Term behaviour_impl_value(ModCtx *m, Term arg);
void behaviour_note_impl(BehaviourNotes *n, Term name, uint32_t arity, uint32_t defaults, int kind, int line, bool injected, Term value);
/* The callbacks the module declares, for Module.callbacks: a list of
 * {name, arity, def | defmacro, optional?}, in declaration order. */
Term behaviour_callbacks(const BehaviourNotes *n);
/* GenServer's warning when `use GenServer` found no init/1 (its
 * __before_compile__'s, given before the other checks'). */
void behaviour_warn_default_init(ModCtx *m, const BehaviourNotes *n, const DefSummary *defs, size_t ndefs);
/* Elixir's warnings about the module's behaviours and @impl, on standard
 * error, in Elixir's order; nothing for the embedded library. */
void behaviour_check(ModCtx *m, const BehaviourNotes *n, const DefSummary *defs, size_t ndefs);

/* ---- unused private functions (compile_locals.c) ----------------------------- */
/* Notes a call of the module's own name/arity from the code being compiled. */
void locals_note_call(FnCtx *c, Term name, uint32_t arity);
/* Elixir's warnings about the private functions and macros no public
 * definition reaches ("function f/1 is unused"), and about defaults no
 * call uses, sorted by name; frees the calls noted. */
void locals_warn_unused(ModCtx *m, const DefSummary *defs, size_t ndefs);

/* A fn expression: compiles its body as a new Function, emits MAKE_FUN. */
void compile_fn(FnCtx *c, Term clauses, uint32_t dst, Term meta);

/* compile_lambda.c: notes the fn that c is about to compile (its FunInfo)
 * and answers its note, or -1 when its module numbers it no later (a
 * module body's statement, top-level code, the library). Once a module's
 * defs are compiled, compile_lambda_number gives its fns the BEAM's
 * indices and names. */
int32_t compile_lambda_note(FnCtx *c, FunInfo *info, LambdaKind kind);
void compile_lambda_number(ModCtx *m);

/* compile_calls.c: notes a remote call that a def's source writes (line
 * > 0); calls_keep_module keeps a compiled module's for the checker. */
void calls_note_remote(FnCtx *c, Term mod, Term fun, uint32_t arity, int line);
void calls_keep_module(ModCtx *m);

/* compile_script.c: true while a script's top level compiles. */
bool compile_script_tracking(void);
/* The default struct of `module` as the code being compiled sees it; a
 * CompileError as Elixir's struct expansion gives when there is none.
 * `arity` is the __struct__ function Elixir would call: 1 to build a
 * struct, 0 to match or update one. */
Term module_struct_default(FnCtx *c, Term module, int arity);
/* Fails as Elixir does when the keyword pairs name a key the struct
 * (whose default is `def`) does not have. */
void module_struct_check_keys(FnCtx *c, Term module, Term def, Term pairs, int arity);

#endif
