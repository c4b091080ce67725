/* compile_emit.c - code buffers, labels, registers, variables and the small
 * AST helpers every part of the compiler uses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "compare.h"
#include "compile_internal.h"
#include "disasm.h"
#include "fatal.h"
#include "inspect.h"
#include "io.h"

/* ---- scratch ------------------------------------------------------------------ */

/* A compile's working buffers (a function's code while it grows, its
 * labels, variables, ...) are scratch: a compile can be abandoned anywhere
 * (a CompileError, an attempt left for a compile-time call, a failed
 * allocation: all longjmp), and what it had open must not leak, 5 KB at
 * each failed Code.eval_string. Scratch blocks are linked in the order they
 * were made, so an abandoned compile frees those made since its mark. */
typedef union ScratchBlock {
    struct {
        union ScratchBlock *prev, *next;
        uint64_t seq;
    } link;
    max_align_t align; /* what follows is aligned as malloc's */
} ScratchBlock;

/* (Process-wide rather than a runtime's: compiles nest but never
 * interleave, and each frees its own.) */
static ScratchBlock *scratch_tail;
static uint64_t scratch_seq;
static size_t scratch_count;

static void scratch_link(ScratchBlock *b)
{
    if (b->link.prev) b->link.prev->link.next = b;
    if (b->link.next) b->link.next->link.prev = b;
    else scratch_tail = b;
}

void *scratch_realloc(void *block, size_t bytes)
{
    ScratchBlock *old = block ? (ScratchBlock *)block - 1 : NULL;
    ScratchBlock *b = xrealloc(old, sizeof *b + bytes);
    if (!old) {
        b->link.prev = scratch_tail;
        b->link.next = NULL;
        b->link.seq = ++scratch_seq;
        scratch_count++;
    }
    scratch_link(b); /* it may have moved */
    return b + 1;
}

void *scratch_calloc(size_t count, size_t size)
{
    void *block = scratch_realloc(NULL, count * size);
    memset(block, 0, count * size);
    return block;
}

void scratch_free(void *block)
{
    if (!block) return;
    ScratchBlock *b = (ScratchBlock *)block - 1;
    if (b->link.prev) b->link.prev->link.next = b->link.next;
    if (b->link.next) b->link.next->link.prev = b->link.prev;
    else scratch_tail = b->link.prev;
    scratch_count--;
    free(b);
}

/* A copy that outlives the compile (plain malloc), the scratch freed. */
static void *scratch_keep(void *block, size_t bytes)
{
    void *kept = xmalloc(bytes ? bytes : 1);
    if (bytes) memcpy(kept, block, bytes);
    scratch_free(block);
    return kept;
}

uint64_t scratch_mark(void) { return scratch_seq; }

size_t compile_scratch_blocks(void) { return scratch_count; }

void scratch_release(uint64_t mark)
{
    while (scratch_tail && scratch_tail->link.seq > mark) scratch_free(scratch_tail + 1);
}

void fn_init(FnCtx *c, ModCtx *mod, FnCtx *parent, Function *fn)
{
    memset(c, 0, sizeof *c);
    c->mod = mod;
    c->parent = parent;
    c->fn = fn;
    c->cap = 64;
    c->code = scratch_realloc(NULL, c->cap * sizeof(Code));
    c->fun_name = parent ? parent->fun_name : (fn ? fn->name : ATOM_nil);
    c->fun_arity = parent ? parent->fun_arity : (fn ? fn->arity : 0);
    c->macro_line = parent ? parent->macro_line : 0;
    c->reused_reg = UINT32_MAX;
    c->lambda_note = -1;
    c->warn = parent ? parent->warn : WARN_FUNCTION;
}

static void code_push(FnCtx *c, Code w)
{
    if (c->len == c->cap) {
        c->cap *= 2;
        c->code = scratch_realloc(c->code, c->cap * sizeof(Code));
    }
    c->code[c->len++] = w;
}

/* Which operands of an instruction are jump labels (bit i = operand i). */
static unsigned label_operands(Opcode op)
{
    switch (op) {
    case OP_JUMP: case OP_TRY: case OP_RECV_NEXT: return 1u << 0;
    case OP_TEST_TRUE: case OP_TEST_FALSE: case OP_TEST_TRUTHY: case OP_TEST_BOOLEAN:
    case OP_TEST_CONS: case OP_TEST_NIL: case OP_TEST_MAP: case OP_RECV_PEEK: case OP_RECV_WAIT:
    case OP_TRACE_SKIP: return 1u << 1;
    case OP_IS_LT: case OP_IS_GE: case OP_IS_EQ: case OP_IS_NE: case OP_IS_EQ_EXACT: case OP_IS_NE_EXACT:
    case OP_TEST_TYPE: case OP_TEST_TUPLE: case OP_TEST_EQ_K: case OP_TEST_EQ_IMM: return 1u << 2;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_ADD_K: case OP_SUB_K: case OP_TEST_ELEM_IMM: case OP_TEST_TAGGED: case OP_MAP_GET: case OP_BS_MATCH: return 1u << 3;
    case OP_CALL_NATIVE: return 1u << 4;
    default: return 0;
    }
}

void emit(FnCtx *c, Opcode op, ...)
{
    if (op == OP_MOVE && c->len >= 3 && c->last_op == c->len - 3 && c->code[c->last_op] == OP_MOVE && c->label_end != c->len) {
        /* a MOVE right after a MOVE (nothing jumps between them): one
         * MOVE2, one dispatch fewer */
        va_list ap;
        va_start(ap, op);
        Code d = va_arg(ap, Code), s = va_arg(ap, Code);
        va_end(ap);
        c->code[c->last_op] = OP_MOVE2;
        code_push(c, d);
        code_push(c, s);
        return;
    }
    unsigned labels = label_operands(op);
    if (c->nlines == 0 || c->lines[c->nlines - 1].line != (uint32_t)c->line) {
        if (c->nlines == c->lines_cap) {
            c->lines_cap = c->lines_cap ? c->lines_cap * 2 : 16;
            c->lines = scratch_realloc(c->lines, c->lines_cap * sizeof(LineEntry));
        }
        c->lines[c->nlines++] = (LineEntry){(uint32_t)c->len, (uint32_t)c->line};
    }
    c->last_op = c->len;
    code_push(c, (Code)op);
    va_list ap;
    va_start(ap, op);
    for (int i = 0; i < opcode_operand_count[op]; i++) {
        Code w = va_arg(ap, Code);
        if ((labels >> i) & 1 && w != 0) { /* 0 = no label: raise instead */
            if (c->npatches == c->patches_cap) {
                c->patches_cap = c->patches_cap ? c->patches_cap * 2 : 32;
                c->patches = scratch_realloc(c->patches, c->patches_cap * sizeof(uint32_t));
            }
            c->patches[c->npatches++] = (uint32_t)c->len;
        }
        code_push(c, w);
    }
    va_end(ap);
    /* an immediate is exactly equal only to itself: one comparison */
    if (op == OP_TEST_EQ_K && term_is_immediate((Term)c->code[c->last_op + 2])) c->code[c->last_op] = OP_TEST_EQ_IMM;
}

bool emit_compare_jump(FnCtx *c, const char *op, uint32_t a, uint32_t b, uint32_t fail)
{
    /* a > b is b < a; a <= b is b >= a */
    if (!strcmp(op, "<")) emit(c, OP_IS_LT, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else if (!strcmp(op, ">")) emit(c, OP_IS_LT, (Code)b, (Code)a, OPERAND_LABEL(fail));
    else if (!strcmp(op, "<=")) emit(c, OP_IS_GE, (Code)b, (Code)a, OPERAND_LABEL(fail));
    else if (!strcmp(op, ">=")) emit(c, OP_IS_GE, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else if (!strcmp(op, "==")) emit(c, OP_IS_EQ, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else if (!strcmp(op, "!=")) emit(c, OP_IS_NE, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else if (!strcmp(op, "===")) emit(c, OP_IS_EQ_EXACT, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else if (!strcmp(op, "!==")) emit(c, OP_IS_NE_EXACT, (Code)a, (Code)b, OPERAND_LABEL(fail));
    else return false;
    return true;
}

uint32_t label_new(FnCtx *c)
{
    if (c->nlabels == c->labels_cap) {
        c->labels_cap = c->labels_cap ? c->labels_cap * 2 : 32;
        c->label_pos = scratch_realloc(c->label_pos, c->labels_cap * sizeof(uint32_t));
    }
    c->label_pos[c->nlabels] = UINT32_MAX;
    /* Label ids start at 1 so that 0 can mean "no label" (raise). */
    return (uint32_t)++c->nlabels;
}

void label_place(FnCtx *c, uint32_t label)
{
    c->label_pos[label - 1] = (uint32_t)c->len;
    c->label_end = c->len;
}

/* Where a jump to `target` ends up: past any JUMPs there (a bounded
 * number: `for (;;)` compiles to a jump to itself). */
static uint32_t jump_destination(const FnCtx *c, uint32_t target)
{
    for (int hops = 0; hops < 8 && target < c->len && c->code[target] == OP_JUMP; hops++) target = (uint32_t)c->code[target + 1];
    return target;
}

/* Jump threading, once every label is placed: a jump (conditional or
 * not) to a JUMP goes straight to that JUMP's target, and a JUMP to a
 * return is that return (the same size), so the code after a case or an
 * if that only leaves the function costs no dispatch. */
static void thread_jumps(FnCtx *c)
{
    for (uint32_t pc = 0; pc < c->len;) {
        Opcode op = (Opcode)c->code[pc];
        unsigned labels = label_operands(op);
        for (int i = 0; labels >> i; i++)
            if ((labels >> i) & 1 && c->code[pc + 1 + i] != 0)
                c->code[pc + 1 + i] = jump_destination(c, (uint32_t)c->code[pc + 1 + i]);
        if (op == OP_JUMP) {
            uint32_t t = (uint32_t)c->code[pc + 1];
            if (t < c->len && (c->code[t] == OP_RETURN || c->code[t] == OP_RETURN_K)) {
                c->code[pc] = c->code[t];
                c->code[pc + 1] = c->code[t + 1];
            }
        }
        pc += 1 + opcode_operand_count[op];
    }
}

void fn_finish(FnCtx *c)
{
    for (size_t i = 0; i < c->nraises; i++) {
        const ArithRaise *r = &c->raises[i];
        label_place(c, r->label);
        c->line = r->line; /* the stack trace names the operator's line */
        emit(c, OP_MOVE, (Code)r->temp, (Code)r->a);
        if (r->b != UINT32_MAX) emit(c, OP_MOVE, (Code)(r->temp + 1), (Code)r->b);
        else emit(c, OP_LOADK, (Code)(r->temp + 1), r->k);
        emit(c, OP_CALL_NATIVE, (Code)r->bif, (Code)r->temp, (Code)2, (Code)r->dst, (Code)0);
        emit(c, OP_JUMP, OPERAND_LABEL(r->resume));
    }
    scratch_free(c->raises);
    for (size_t i = 0; i < c->npatches; i++) {
        Code *w = &c->code[c->patches[i]];
        uint32_t pos = c->label_pos[*w - 1];
        if (pos == UINT32_MAX) fatal("compiler: unplaced label");
        *w = pos;
    }
    thread_jumps(c);
    Function *f = c->fn;
    f->code = module_own(scratch_keep(c->code, c->len * sizeof(Code)));
    f->code_len = c->len;
    f->threaded = false;
    f->lines = module_own(scratch_keep(c->lines, c->nlines * sizeof(LineEntry)));
    f->nlines = c->nlines;
    f->nregs = c->max_reg + 2;
    f->defined = true;
    f->file = c->mod->file;
    /* the environment is the program's, not a runtime's: read it once */
    static int disasm = -1;
    if (disasm < 0) disasm = getenv("GENLAB_DISASM") != NULL;
    if (disasm) disasm_function(f, stderr);
    scratch_free(c->label_pos);
    scratch_free(c->patches);
    scratch_free(c->vars);
    scratch_free(c->var_index);
}

uint32_t reg_alloc(FnCtx *c)
{
    uint32_t r = c->next_reg++;
    if (c->next_reg > c->max_reg) c->max_reg = c->next_reg;
    return r;
}

void reg_restore(FnCtx *c, uint32_t saved)
{
    /* Never below a variable that is still in scope. */
    uint32_t floor = saved;
    if (c->nvars && c->vars[c->nvars - 1].reg_floor > floor) floor = c->vars[c->nvars - 1].reg_floor;
    c->next_reg = floor;
}

uint32_t reg_alloc_n(FnCtx *c, uint32_t n)
{
    uint32_t r = c->next_reg;
    c->next_reg += n;
    if (c->next_reg > c->max_reg) c->max_reg = c->next_reg;
    return r;
}

Term literal(Term t) { return term_copy(literal_heap(), t); }

int meta_line(Term meta)
{
    Term l = kw_get(meta, ATOM_line);
    if (l == TERM_NONE) {
        /* quote location: :keep gives keep: {file, line} instead */
        Term keep = kw_get(meta, atom_from_cstr("keep"));
        if (term_is_tuple(keep) && tuple_size(keep) == 2) l = tuple_get(keep, 1);
    }
    return term_is_small(l) ? (int)small_value(l) : 0;
}

void set_line_from_meta(FnCtx *c, Term meta)
{
    int l = meta_line(meta);
    if (l > 0) c->line = l;
}

/* The slot of name and context in c->var_index (an empty one if absent). */
static VarSlot *var_slot(FnCtx *c, Term name, Term context)
{
    size_t mask = c->var_index_cap - 1;
    size_t k = (size_t)((name * 0x9E3779B97F4A7C15ULL ^ context * 0xC2B2AE3D27D4EB4FULL) >> 17) & mask;
    while (c->var_index[k].name && (c->var_index[k].name != name || c->var_index[k].context != context)) k = (k + 1) & mask;
    return &c->var_index[k];
}

/* The index again describes vars[0, nvars): what a scope that ended bound
 * leaves it, latest first. */
static void var_index_sync(FnCtx *c)
{
    while (c->var_indexed > c->nvars) {
        const Var *v = &c->vars[--c->var_indexed];
        var_slot(c, v->name, v->context)->latest = v->prev_same;
    }
}

/* The latest variable of name and context in scope, or NULL. */
static Var *var_find(FnCtx *c, Term name, Term context)
{
    if (!c->var_index) return NULL;
    var_index_sync(c);
    const VarSlot *slot = var_slot(c, name, context);
    uint32_t i = slot->name ? slot->latest : UINT32_MAX;
    /* a hidden one was bound by an earlier sibling: the one before counts */
    while (i != UINT32_MAX && c->vars[i].hidden) i = c->vars[i].prev_same;
    return i == UINT32_MAX ? NULL : &c->vars[i];
}

Var *var_peek(FnCtx *c, Term name, Term context) { return var_find(c, name, context); }

Var *var_lookup(FnCtx *c, Term name, Term context)
{
    Var *v = var_find(c, name, context);
    if (v) v->used = true;
    return v;
}

size_t vars_siblings_begin(const FnCtx *c) { return c->nvars; }

void vars_sibling_done(FnCtx *c, size_t start)
{
    for (size_t i = start; i < c->nvars; i++) c->vars[i].hidden = true;
}

void vars_siblings_end(FnCtx *c, size_t start)
{
    for (size_t i = start; i < c->nvars; i++) c->vars[i].hidden = false;
}

/* Room in c->var_index for one more name: at most half full. */
static void var_index_reserve(FnCtx *c)
{
    if (2 * (c->var_index_keys + 1) <= c->var_index_cap) return;
    VarSlot *old = c->var_index;
    size_t old_cap = c->var_index_cap;
    c->var_index_cap = old_cap ? old_cap * 2 : 64;
    c->var_index = scratch_calloc(c->var_index_cap, sizeof *c->var_index);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].name) *var_slot(c, old[i].name, old[i].context) = old[i];
    scratch_free(old);
}

uint32_t var_bind(FnCtx *c, Term name, Term context, uint32_t reg)
{
    if (c->nvars == c->vars_cap) {
        c->vars_cap = c->vars_cap ? c->vars_cap * 2 : 32;
        c->vars = scratch_realloc(c->vars, c->vars_cap * sizeof(Var));
    }
    var_index_sync(c);
    var_index_reserve(c);
    VarSlot *slot = var_slot(c, name, context);
    if (!slot->name) {
        *slot = (VarSlot){name, context, UINT32_MAX};
        c->var_index_keys++;
    }
    uint32_t floor = c->nvars ? c->vars[c->nvars - 1].reg_floor : 0;
    if (reg + 1 > floor) floor = reg + 1;
    c->vars[c->nvars] = (Var){name, context, reg, false, false, true, false, c->line, slot->latest, floor};
    slot->latest = (uint32_t)c->nvars;
    c->var_indexed = ++c->nvars;
    return reg;
}

uint32_t var_bind_pattern(FnCtx *c, Term name, Term context, uint32_t reg, int line)
{
    bool shadows = var_find(c, name, context) != NULL;
    var_bind(c, name, context, reg);
    Var *v = &c->vars[c->nvars - 1];
    v->quiet = false;
    v->shadows = shadows;
    if (line > 0) v->line = line;
    return reg;
}

static bool var_warned(const FnCtx *c, const Var *v)
{
    return !v->used && !v->quiet && v->context == ATOM_nil && atom_text(v->name)[0] != '_' && c->warn != WARN_NONE;
}

/* Elixir lists a scope's unused variables by name, then in binding order. */
static int var_warn_order(const void *pa, const void *pb)
{
    const Var *a = *(const Var *const *)pa, *b = *(const Var *const *)pb;
    int order = strcmp(atom_text(a->name), atom_text(b->name));
    return order ? order : (a > b) - (a < b);
}

/* "variable ... is unused (...)", the text of Elixir's warning. */
static void var_unused_text(char *text, size_t size, Term name, bool shadows)
{
    snprintf(text, size, "variable \"%s\" is unused (%s)", atom_text(name),
             shadows ? "there is a variable with the same name in the context, use the pin operator (^) to match on it or prefix this variable with underscore if it is not meant to be used"
                     : "if the variable is not meant to be used, prefix it with an underscore");
}

void vars_warn_unused_at(const char *file, Term name, int line, bool shadows)
{
    char what[600], text[1024];
    var_unused_text(what, sizeof what, name, shadows);
    int n = snprintf(text, sizeof text, "warning: %s\n  %s:%d\n\n", what, file ? file : "nofile", line);
    if (n > 0 && (size_t)n < sizeof text) io_write(2, text, (size_t)n);
}

void vars_mark_all_used(FnCtx *c)
{
    for (FnCtx *f = c; f; f = f->parent)
        for (size_t i = 0; i < f->nvars; i++) f->vars[i].used = true;
}

/* The module's name and, in a def (and the fns it holds), ".fun/arity";
 * in the module's body the name and `body_suffix`. */
static void place_in_module(const FnCtx *c, char *buf, size_t n, const char *body_suffix)
{
    char *mod = module_display_name(c->mod->name);
    if (compiling_module_body((FnCtx *)c)) snprintf(buf, n, "%s%s", mod, body_suffix);
    else snprintf(buf, n, "%s.%s/%u", mod, atom_text(c->fun_name), c->fun_arity);
    free(mod);
}

/* Gives a compile warning as Elixir prints it: "warning: TEXT", then
 * "  FILE:LINE", with ": Mod.fun/arity" in a def (or ": Mod" in a module
 * body) when `where`, and a blank line. A def's warnings wait in its
 * module's buffer (warn_into). */
static void compile_warning(const FnCtx *c, int line, const char *what, bool where)
{
    char text[1400];
    /* (line -1: Elixir knew none, and shows the file alone) */
    int n = line == -1 ? snprintf(text, sizeof text, "warning: %s\n  %s", what, c->mod->file ? c->mod->file : "nofile")
                       : snprintf(text, sizeof text, "warning: %s\n  %s:%d", what, c->mod->file ? c->mod->file : "nofile", line);
    if (where && c->mod->module && n > 0 && (size_t)n < sizeof text) {
        char place[300];
        place_in_module(c, place, sizeof place, "");
        n += snprintf(text + n, sizeof text - (size_t)n, ": %s", place);
    }
    if (n <= 0 || (size_t)n >= sizeof text - 3) return;
    memcpy(text + n, "\n\n", 3);
    n += 2;
    WarnBuf *into = c->mod->warn_into;
    if (!into) {
        io_write(2, text, (size_t)n);
        return;
    }
    into->text = xrealloc(into->text, into->len + (size_t)n);
    memcpy(into->text + into->len, text, (size_t)n);
    into->len += (size_t)n;
}

static void var_warn_unused(const FnCtx *c, const Var *v)
{
    char what[600];
    var_unused_text(what, sizeof what, v->name, v->shadows);
    compile_warning(c, v->line, what, c->warn == WARN_FUNCTION);
}

void warn_var_as_call(FnCtx *c, Term name, int line)
{
    if (rt->compile_boot_mode || c->warn_off) return;
    char what[600];
    snprintf(what, sizeof what,
             "variable \"%s\" does not exist and is being expanded to \"%s()\", please use parentheses to remove the ambiguity or change the variable name",
             atom_text(name), atom_text(name));
    compile_warning(c, line, what, true);
}

static void var_no_effect_text(char *what, size_t size, Term name)
{
    snprintf(what, size, "variable %s in code block has no effect as it is never returned (remove the variable or assign it to _ to avoid warnings)",
             atom_text(name));
}

/* The text for a literal statement; false for what is no such literal. */
static bool literal_no_effect_text(char *what, size_t size, Term stmt)
{
    if (!term_is_small(stmt) && !term_is_bignum(stmt) && !term_is_float(stmt) && !term_is_binary(stmt)) return false;
    InspectOpts io;
    inspect_opts_default(&io);
    char *shown = inspect_to_cstring(stmt, &io, NULL);
    snprintf(what, size, "code block contains unused literal %.500s (remove the literal or assign it to _ to avoid warnings)", shown);
    free(shown);
    return true;
}

void warn_var_no_effect(FnCtx *c, Term stmt)
{
    Term name, context;
    if (rt->compile_boot_mode || c->warn_off || c->warn == WARN_NONE || !ast_is_var(stmt, &name, &context)) return;
    if (context != ATOM_nil || atom_text(name)[0] == '_' || !var_find(c, name, context)) return;
    int line = meta_line(tuple_get(stmt, 1));
    char what[600];
    var_no_effect_text(what, sizeof what, name);
    compile_warning(c, line > 0 ? line : c->line, what, c->warn == WARN_FUNCTION);
}

void warn_literal_no_effect(FnCtx *c, Term stmt)
{
    char what[700];
    if (rt->compile_boot_mode || c->warn_off || c->warn == WARN_NONE || !literal_no_effect_text(what, sizeof what, stmt)) return;
    compile_warning(c, c->macro_line > 0 ? c->macro_line : -1, what, c->warn == WARN_FUNCTION);
}

void warn_statement_no_effect_at(const char *file, Term stmt, const Term *bound, size_t nbound)
{
    char what[700], text[900];
    Term name, context;
    int n = 0;
    if (rt->compile_boot_mode) return;
    if (ast_is_var(stmt, &name, &context)) {
        bool known = false;
        for (size_t i = 0; i < nbound && !known; i++) known = bound[i] == name;
        if (context != ATOM_nil || atom_text(name)[0] == '_' || !known) return;
        var_no_effect_text(what, sizeof what, name);
        n = snprintf(text, sizeof text, "warning: %s\n  %s:%d\n\n", what, file ? file : "nofile", meta_line(tuple_get(stmt, 1)));
    } else if (literal_no_effect_text(what, sizeof what, stmt)) {
        n = snprintf(text, sizeof text, "warning: %s\n  %s\n\n", what, file ? file : "nofile");
    }
    if (n > 0 && (size_t)n < sizeof text) io_write(2, text, (size_t)n);
}

void vars_scope_end(FnCtx *c, size_t start)
{
    if (!c->warn_off && !rt->compile_boot_mode && start < c->nvars) {
        const Var **unused = xmalloc((c->nvars - start) * sizeof *unused);
        size_t n = 0;
        for (size_t i = start; i < c->nvars; i++)
            if (var_warned(c, &c->vars[i])) unused[n++] = &c->vars[i];
        qsort(unused, n, sizeof *unused, var_warn_order);
        for (size_t i = 0; i < n; i++) var_warn_unused(c, unused[i]);
        free(unused);
    }
    c->nvars = start;
}

/* ---- errors ----------------------------------------------------------------- */

/* A def that fails to compile gives the warnings it had before its error,
 * as Elixir prints them while it expands the def. */
static void flush_def_warnings(ModCtx *m)
{
    WarnBuf *w = m->warn_into;
    if (!w || !w->len) return;
    io_write(2, w->text, w->len);
    w->len = 0;
}

/* Fills the compile error: Elixir's exception name and message (a
 * CompileError's starts with FILE:LINE), with no stack trace yet; the
 * failing def's warnings are given first. */
static void error_set(ModCtx *m, int line, const char *kind, const char *text)
{
    flush_def_warnings(m);
    snprintf(m->err->kind, sizeof m->err->kind, "%s", kind);
    m->err->stack[0] = 0;
    m->err->shell_stack = NULL;
    if (strcmp(kind, "CompileError") == 0)
        snprintf(m->err->message, sizeof m->err->message, "%s:%d: %s", m->file ? m->file : "nofile", line, text);
    else
        snprintf(m->err->message, sizeof m->err->message, "%s", text);
}

_Noreturn static void fail_v(ModCtx *m, int line, const char *kind, const char *fmt, va_list ap)
{
    char text[900];
    vsnprintf(text, sizeof text, fmt, ap);
    error_set(m, line, kind, text);
    longjmp(*m->on_error, 1);
}

void compile_fail(FnCtx *c, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(c->mod, c->line, kind, fmt, ap);
}

void compile_fail_mod(ModCtx *m, int line, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(m, line, kind, fmt, ap);
}

void compile_fail_frames(ModCtx *m, int line, const char *frames, const char *fmt, ...)
{
    char text[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    error_set(m, line, "CompileError", text);
    snprintf(m->err->stack, sizeof m->err->stack, "%s", frames);
    longjmp(*m->on_error, 1);
}

bool compiling_module_body(FnCtx *c)
{
    FnCtx *root = c;
    while (root->parent) root = root->parent;
    return c->mod->module && root->fn && root->fn->name == atom_from_cstr("__MODULE__");
}

/* Where the code being compiled shows in a stack trace, as Elixir names
 * it: "(file)" at the top level, "M (module)" in a module body, "M.f/1" in
 * a def and the fns it holds. */
static void where_compiling(FnCtx *c, char *buf, size_t n)
{
    if (!c->mod->module) snprintf(buf, n, "(file)");
    else place_in_module((const FnCtx *)c, buf, n, " (module)");
}

_Noreturn static void fail_expanding_v(FnCtx *c, const char *frames, const char *kind, const char *fmt, va_list ap)
{
    ModCtx *m = c->mod;
    char text[900], where[300];
    vsnprintf(text, sizeof text, fmt, ap);
    error_set(m, c->line, kind, text);
    char *stack = m->err->stack;
    size_t cap = sizeof m->err->stack, len = 0;
    where_compiling(c, where, sizeof where);
    for (const char *f = frames; *f && len < cap;) {
        const char *end = strchr(f, '\n');
        size_t n = end ? (size_t)(end - f) : strlen(f);
        len += (size_t)snprintf(stack + len, cap - len, "    %.*s\n", (int)n, f);
        f += end ? n + 1 : n;
    }
    if (len < cap) snprintf(stack + len, cap - len, "    %s:%d: %s\n", m->file ? m->file : "nofile", c->line, where);
    longjmp(*m->on_error, 1);
}

void compile_fail_expanding(FnCtx *c, const char *frames, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_expanding_v(c, frames, kind, fmt, ap);
}

void compile_fail_struct(FnCtx *c, Term module, int arity, const char *kind, const char *fmt, ...)
{
    char frame[300], *name = module_display_name(module);
    snprintf(frame, sizeof frame, "expanding struct: %s.__struct__/%d", name, arity);
    free(name);
    va_list ap;
    va_start(ap, fmt);
    fail_expanding_v(c, frame, kind, fmt, ap);
}

/* What Elixir's expander shows above an error in a fn's body: the clause
 * being expanded, once per fn around it (the BEAM shows five lines of two). */
static const char fn_frames[] = "    (elixir 1.14.0) src/elixir_fn.erl:17: anonymous fn/4 in :elixir_fn.expand/4\n"
                                "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3\n"
                                "    (elixir 1.14.0) src/elixir_fn.erl:23: :elixir_fn.expand/4\n";
static const char fn_frames_nested[] = "    (elixir 1.14.0) src/elixir_fn.erl:17: anonymous fn/4 in :elixir_fn.expand/4\n"
                                       "    (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3\n";

void compile_fail_undefined(ModCtx *m, FnCtx *c, int line, Term name, uint32_t arity)
{
    char text[900];
    bool in_def = m->module && !(c && compiling_module_body(c));
    if (in_def) {
        char *mod = module_display_name(m->name);
        snprintf(text, sizeof text, "undefined function %s/%u (expected %s to define such a function or for it to be imported, but none are available)",
                 atom_text(name), arity, mod);
        free(mod);
    } else
        snprintf(text, sizeof text, "undefined function %s/%u (there is no such import)", atom_text(name), arity);
    error_set(m, line, "CompileError", text);
    /* a def's calls are checked once the module is expanded, by the
     * module compiler, whose frames IEx shows */
    if (in_def)
        m->err->shell_stack = "    (elixir 1.14.0) src/elixir_locals.erl:115: anonymous fn/4 in :elixir_locals.ensure_no_undefined_local/3\n"
                              "    (elixir 1.14.0) src/elixir_erl_compiler.erl:12: anonymous fn/2 in :elixir_erl_compiler.spawn/1\n";
    else if (c && c->parent)
        snprintf(m->err->stack, sizeof m->err->stack, "%s%s", fn_frames, c->parent->parent ? fn_frames_nested : "");
    longjmp(*m->on_error, 1);
}

void compile_fail_depth(ModCtx *m, int line)
{
    compile_fail_mod(m, line, "CompileError", "expression is nested too deeply");
}

/* ---- AST helpers ------------------------------------------------------------------ */

bool ast_is_call(Term ast, Term *name, Term *meta, Term *args)
{
    if (!term_is_tuple(ast) || tuple_size(ast) != 3) return false;
    Term a = tuple_get(ast, 2);
    if (!term_is_list(a)) return false;
    if (name) *name = tuple_get(ast, 0);
    if (meta) *meta = tuple_get(ast, 1);
    if (args) *args = a;
    return true;
}

bool ast_is_var(Term ast, Term *name, Term *context)
{
    if (!term_is_tuple(ast) || tuple_size(ast) != 3) return false;
    if (!term_is_atom(tuple_get(ast, 0)) || !term_is_atom(tuple_get(ast, 2))) return false;
    if (name) *name = tuple_get(ast, 0);
    if (context) *context = tuple_get(ast, 2);
    return true;
}

bool ast_is_remote(Term ast, Term *mod, Term *fun, Term *args, Term *meta)
{
    Term callee, m, a;
    if (!ast_is_call(ast, &callee, &m, &a)) return false;
    if (!COMPILE->atom_dot) COMPILE->atom_dot = atom_from_cstr(".");
    Term dot_name, dot_args;
    if (!ast_is_call(callee, &dot_name, NULL, &dot_args) || dot_name != COMPILE->atom_dot) return false;
    if (list_length(dot_args) != 2) return false;
    if (mod) *mod = list_nth(dot_args, 0);
    if (fun) *fun = list_nth(dot_args, 1);
    if (args) *args = a;
    if (meta) *meta = m;
    return true;
}

Term kw_get(Term kw, Term key)
{
    for (; term_is_cons(kw); kw = cons_tail(kw)) {
        Term pair = cons_head(kw);
        if (term_is_tuple(pair) && tuple_size(pair) == 2 && tuple_get(pair, 0) == key) return tuple_get(pair, 1);
    }
    return TERM_NONE;
}

size_t list_length(Term list)
{
    size_t n = 0;
    for (; term_is_cons(list); list = cons_tail(list)) n++;
    return n;
}

Term list_nth(Term list, size_t n)
{
    while (n-- > 0 && term_is_cons(list)) list = cons_tail(list);
    return term_is_cons(list) ? cons_head(list) : TERM_NONE;
}

const char *atom_cstr(Term a) { return atom_text(a); }

Term expand_alias(ModCtx *m, Term ast)
{
    Term name, meta, args;
    if (!ast_is_call(ast, &name, &meta, &args) || name != atom_from_cstr("__aliases__")) return TERM_NONE;
    /* A quoted alias was expanded where it was quoted (alias: hygiene):
     * alias: Full names the module, alias: false means no alias applies. */
    Term hygiene = kw_get(meta, atom_from_cstr("alias"));
    if (hygiene != TERM_NONE && hygiene != ATOM_false && term_is_atom(hygiene)) return hygiene;
    /* {:__aliases__, _, [:Foo, :Bar]}: the first segment may be an alias */
    char buf[1024];
    size_t len = 0;
    bool first = true;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) {
        Term seg = cons_head(l);
        if (first && !term_is_atom(seg)) {
            /* __MODULE__.Foo and the like */
            Term seg_name;
            if (ast_is_call(seg, &seg_name, NULL, NULL) || ast_is_var(seg, &seg_name, NULL)) {
                if (seg_name == atom_from_cstr("__MODULE__") && m->module) {
                    len = (size_t)snprintf(buf, sizeof buf, "%s", atom_text(m->name));
                    first = false;
                    continue;
                }
                if (seg_name == atom_from_cstr("__MODULE__")) {
                    /* outside a module __MODULE__ is nil: __MODULE__.Foo is Foo */
                    len = (size_t)snprintf(buf, sizeof buf, "Elixir");
                    first = false;
                    continue;
                }
            }
            if (term_is_atom(seg)) { /* an erlang atom like :foo.Bar is unusual */ }
            return TERM_NONE;
        }
        if (!term_is_atom(seg)) return TERM_NONE;
        if (first) {
            Term full = TERM_NONE;
            char short_buf[512];
            snprintf(short_buf, sizeof short_buf, "Elixir.%s", atom_text(seg));
            Term short_atom = atom_from_cstr(short_buf);
            for (size_t i = hygiene == ATOM_false ? 0 : m->naliases; i-- > 0;)
                if (m->aliases[i].short_name == short_atom) { full = m->aliases[i].full_name; break; }
            if (strcmp(atom_text(seg), "Elixir") == 0) full = ATOM_Elixir;
            if (full == TERM_NONE) full = short_atom;
            len = (size_t)snprintf(buf, sizeof buf, "%s", atom_text(full));
            first = false;
        } else {
            len += (size_t)snprintf(buf + len, sizeof buf - len, ".%s", atom_text(seg));
            if (len >= sizeof buf) return TERM_NONE;
        }
    }
    return atom_intern(buf, len);
}

Term mk3(ModCtx *m, Term a, Term b, Term c) { return tuple3(m->scratch, a, b, c); }

Term mk_list(ModCtx *m, size_t n, const Term *items) { return list_from(m->scratch, n, items); }

Term mk_call(ModCtx *m, const char *name, size_t n, const Term *args)
{
    return mk3(m, atom_from_cstr(name), TERM_NIL, mk_list(m, n, args));
}

Term mk_remote(ModCtx *m, Term module, const char *name, size_t n, const Term *args)
{
    Term dot = mk3(m, atom_from_cstr("."), TERM_NIL, mk_list(m, 2, (Term[]){module, atom_from_cstr(name)}));
    return mk3(m, dot, TERM_NIL, mk_list(m, n, args));
}

char *module_display_name(Term module)
{
    const char *t = atom_text(module);
    if (strncmp(t, "Elixir.", 7) == 0) return xstrndup(t + 7, strlen(t) - 7);
    size_t n = strlen(t);
    char *s = xmalloc(n + 2);
    s[0] = ':';
    memcpy(s + 1, t, n + 1);
    return s;
}
