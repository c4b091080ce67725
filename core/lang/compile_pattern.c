/* compile_pattern.c - patterns, guards and clause lists. */
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "ast_text.h"
#include "compile_internal.h"
#include "fatal.h"

static Term A(const char *s) { return atom_from_cstr(s); }

static bool is_literal_leaf(Term ast)
{
    return term_is_small(ast) || term_is_bignum(ast) || term_is_float(ast) || term_is_atom(ast) ||
           term_is_bitstring(ast) || ast == TERM_NIL;
}

/* Evaluates a pattern-side constant expression (numbers with unary minus,
 * aliases, module attributes, __MODULE__), or TERM_NONE. */
static Term pattern_constant(FnCtx *c, Term ast)
{
    if (is_literal_leaf(ast)) return ast;
    Term name, meta, args;
    if (!ast_is_call(ast, &name, &meta, &args)) return TERM_NONE;
    if (name == A("-") && list_length(args) == 1) {
        Term v = list_nth(args, 0);
        if (term_is_small(v)) return small_make(-small_value(v));
        if (term_is_float(v)) return float_new(c->mod->scratch, -float_value(v));
        return TERM_NONE;
    }
    if (name == A("+") && list_length(args) == 1) return pattern_constant(c, list_nth(args, 0));
    if (name == A("__aliases__")) return expand_alias(c->mod, ast);
    if (name == A("__MODULE__") && args == TERM_NIL) return c->mod->name;
    if (name == A("@") && list_length(args) == 1) {
        Term inner = list_nth(args, 0), attr;
        if (ast_is_var(inner, &attr, NULL) || ast_is_call(inner, &attr, NULL, NULL)) {
            for (size_t i = c->mod->nattrs; i-- > 0;)
                if (c->mod->attrs[i].name == attr) return c->mod->attrs[i].value;
        }
    }
    return TERM_NONE;
}

static void bind_or_compare(FnCtx *c, Term name, Term context, int line, uint32_t src, uint32_t fail)
{
    const char *text = atom_text(name);
    if (strcmp(text, "_") == 0) return;
    for (size_t i = c->nvars; i-- > c->pattern_vars_start;) {
        if (c->vars[i].name == name && c->vars[i].context == context) {
            c->vars[i].used = true; /* {x, x}: Elixir counts the second x as a use */
            emit(c, OP_IS_EQ_EXACT, (Code)src, (Code)c->vars[i].reg, OPERAND_LABEL(fail));
            return;
        }
    }
    if (src != c->reused_reg) {
        /* the value's register is not written again while the variable is
         * in scope (arguments, subjects and extracted elements are not), so
         * the variable can live there */
        var_bind_pattern(c, name, context, src, line);
        return;
    }
    uint32_t r = reg_alloc(c);
    emit(c, OP_MOVE, (Code)r, (Code)src);
    var_bind_pattern(c, name, context, r, line);
}

/* Element i of the tuple in src (its size already tested) against ast:
 * `_` reads nothing, an atom or small integer is compared in place. */
static void compile_element_pattern(FnCtx *c, Term ast, uint32_t src, size_t i, uint32_t fail)
{
    Term name, ctx;
    if (ast_is_var(ast, &name, &ctx) && name == A("_")) return;
    if (term_is_atom(ast) || term_is_small(ast)) {
        emit(c, OP_TEST_ELEM_IMM, (Code)src, (Code)i, (Code)ast, OPERAND_LABEL(fail));
        return;
    }
    uint32_t e = reg_alloc(c);
    emit(c, OP_GET_ELEM, (Code)e, (Code)src, (Code)i);
    compile_pattern(c, ast, e, fail);
}

/* Tests that src is a tuple of n elements, and when the first element's
 * pattern is an atom or small integer, that it is that one too (one
 * instruction for a tagged tuple): answers the index of the first
 * element still to match. */
static size_t emit_tuple_test(FnCtx *c, uint32_t src, size_t n, Term first, uint32_t fail)
{
    if (n && (term_is_atom(first) || term_is_small(first))) {
        emit(c, OP_TEST_TAGGED, (Code)src, (Code)n, (Code)first, OPERAND_LABEL(fail));
        return 1;
    }
    emit(c, OP_TEST_TUPLE, (Code)src, (Code)n, OPERAND_LABEL(fail));
    return 0;
}

static void compile_list_pattern(FnCtx *c, Term list, uint32_t src, uint32_t fail)
{
    /* the cursor starts at src itself, and moves to a register of its
     * own only when it walks past the first cell */
    uint32_t cur = src;
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) {
        Term item = cons_head(l);
        Term name, meta, args;
        emit(c, OP_TEST_CONS, (Code)cur, OPERAND_LABEL(fail));
        uint32_t h = reg_alloc(c);
        emit(c, OP_GET_HEAD, (Code)h, (Code)cur);
        if (cons_tail(l) == TERM_NIL && ast_is_call(item, &name, &meta, &args) && name == A("|") && list_length(args) == 2) {
            compile_pattern(c, list_nth(args, 0), h, fail);
            uint32_t t = reg_alloc(c);
            emit(c, OP_GET_TAIL, (Code)t, (Code)cur);
            compile_pattern(c, list_nth(args, 1), t, fail);
            return;
        }
        compile_pattern(c, item, h, fail);
        uint32_t next = cur == src ? reg_alloc(c) : cur;
        emit(c, OP_GET_TAIL, (Code)next, (Code)cur);
        cur = next;
    }
    emit(c, OP_TEST_NIL, (Code)cur, OPERAND_LABEL(fail));
}

static void compile_map_pattern(FnCtx *c, Term pairs, uint32_t src, uint32_t fail)
{
    emit(c, OP_TEST_MAP, (Code)src, OPERAND_LABEL(fail));
    for (Term l = pairs; term_is_cons(l); l = cons_tail(l)) {
        Term pair = cons_head(l);
        if (!term_is_tuple(pair) || tuple_size(pair) != 2) compile_fail(c, "CompileError", "invalid map pattern");
        Term key_ast = tuple_get(pair, 0);
        uint32_t key = reg_alloc(c);
        Term name, meta, args;
        Term k = pattern_constant(c, key_ast);
        if (k != TERM_NONE) {
            emit(c, OP_LOADK, (Code)key, (Code)literal(k));
        } else if (ast_is_call(key_ast, &name, &meta, &args) && name == A("^")) {
            Term vname, vctx;
            Var *v = ast_is_var(list_nth(args, 0), &vname, &vctx) ? var_lookup(c, vname, vctx) : NULL;
            if (!v) compile_fail(c, "CompileError", "undefined variable ^%s", atom_text(vname));
            emit(c, OP_MOVE, (Code)key, (Code)v->reg);
        } else if (term_is_tuple(key_ast) && tuple_size(key_ast) == 2 &&
                   pattern_constant(c, tuple_get(key_ast, 0)) != TERM_NONE &&
                   pattern_constant(c, tuple_get(key_ast, 1)) != TERM_NONE) {
            Term t = tuple2(c->mod->scratch, pattern_constant(c, tuple_get(key_ast, 0)), pattern_constant(c, tuple_get(key_ast, 1)));
            emit(c, OP_LOADK, (Code)key, (Code)literal(t));
        } else {
            compile_fail(c, "CompileError", "cannot use variable %s as map key inside a pattern. Map keys in patterns can only be literals (such as atoms, strings, tuples, and the like) or an existing variable matched with the pin operator (such as ^some_var)",
                         ast_is_var(key_ast, &name, NULL) ? atom_text(name) : "key");
        }
        uint32_t v = reg_alloc(c);
        emit(c, OP_MAP_GET, (Code)v, (Code)src, (Code)key, OPERAND_LABEL(fail));
        compile_pattern(c, tuple_get(pair, 1), v, fail);
    }
}

void bin_segment_spec(FnCtx *c, Term spec, BinSeg *seg, Term *size_ast)
{
    Term name, meta, args;
    if (spec == TERM_NONE) return;
    if (term_is_small(spec)) { *size_ast = spec; return; }
    if (ast_is_call(spec, &name, &meta, &args) && name == A("-") && list_length(args) == 2) {
        bin_segment_spec(c, list_nth(args, 0), seg, size_ast);
        bin_segment_spec(c, list_nth(args, 1), seg, size_ast);
        return;
    }
    if (ast_is_call(spec, &name, &meta, &args) && name == A("*") && list_length(args) == 2) {
        *size_ast = list_nth(args, 0);
        Term u = list_nth(args, 1);
        if (term_is_small(u)) seg->unit = (uint32_t)small_value(u);
        return;
    }
    Term ctx;
    char shown[300];
    if (ast_is_call(spec, &name, &meta, &args) && args != TERM_NIL) {
        if (name == A("size")) { *size_ast = list_nth(args, 0); return; }
        if (name == A("unit") && term_is_small(list_nth(args, 0))) { seg->unit = (uint32_t)small_value(list_nth(args, 0)); return; }
    }
    /* a name alone (or called with no arguments) is a specifier; any other
     * form (a remote call, a literal) is not */
    if ((!ast_is_var(spec, &name, &ctx) && !ast_is_call(spec, &name, NULL, &args)) || !term_is_atom(name) ||
        (term_is_list(args) && args != TERM_NIL && !ast_is_var(spec, NULL, NULL))) {
        ast_text_to(spec, shown, sizeof shown);
        compile_fail(c, "CompileError", "unknown bitstring specifier: %s", shown);
    }
    const char *s = atom_text(name);
    if (!strcmp(s, "integer")) seg->type = SEG_INTEGER;
    else if (!strcmp(s, "float")) seg->type = SEG_FLOAT;
    else if (!strcmp(s, "binary") || !strcmp(s, "bytes")) { seg->type = SEG_BINARY; seg->unit = 8; }
    else if (!strcmp(s, "bits") || !strcmp(s, "bitstring")) { seg->type = SEG_BITS; seg->unit = 1; }
    else if (!strcmp(s, "utf8")) seg->type = SEG_UTF8;
    else if (!strcmp(s, "utf16")) seg->type = SEG_UTF16;
    else if (!strcmp(s, "utf32")) seg->type = SEG_UTF32;
    else if (!strcmp(s, "big")) seg->little = false;
    else if (!strcmp(s, "little")) seg->little = true;
    else if (!strcmp(s, "native")) seg->little = true;
    else if (!strcmp(s, "signed")) seg->is_signed = true;
    else if (!strcmp(s, "unsigned")) seg->is_signed = false;
    else compile_fail(c, "CompileError", "unknown bitstring specifier: %s", s);
}

/* The code points of UTF-8 text, into cps (room for n); false when it is
 * not valid UTF-8. */
static bool utf8_code_points(const uint8_t *s, size_t n, int64_t *cps, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < n;) {
        uint8_t b = s[i];
        size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (!len || i + len > n) return false;
        int64_t cp = len == 1 ? b : b & (0x7F >> len);
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        cps[(*count)++] = cp;
        i += len;
    }
    return true;
}

Term bin_expand_utf_literals(FnCtx *c, Term segs)
{
    Heap *h = c->mod->scratch;
    size_t cap = 16, n = 0;
    Term *out = xmalloc(cap * sizeof *out);
    bool changed = false;
    for (Term l = segs; term_is_cons(l); l = cons_tail(l)) {
        Term seg_ast = cons_head(l), name, meta, args;
        const uint8_t *bytes;
        size_t size, count = 0;
        int64_t *cps = NULL;
        if (ast_is_call(seg_ast, &name, &meta, &args) && name == A("::") && list_length(args) == 2 &&
            term_is_binary(list_nth(args, 0)) && binary_bytes(list_nth(args, 0), &bytes, &size)) {
            BinSeg seg;
            Term size_ast = TERM_NONE;
            memset(&seg, 0, sizeof seg);
            seg.type = SEG_INTEGER;
            bin_segment_spec(c, list_nth(args, 1), &seg, &size_ast);
            cps = xmalloc((size + 1) * sizeof *cps);
            if (!(seg.type == SEG_UTF8 || seg.type == SEG_UTF16 || seg.type == SEG_UTF32) ||
                !utf8_code_points(bytes, size, cps, &count)) {
                free(cps);
                cps = NULL;
            }
        }
        if (n + (cps ? count : 1) > cap) {
            while (n + (cps ? count : 1) > cap) cap *= 2;
            out = xrealloc(out, cap * sizeof *out);
        }
        if (!cps) {
            out[n++] = seg_ast;
            continue;
        }
        /* "abc"::utf16 is one segment per code point, as Elixir expands it */
        for (size_t k = 0; k < count; k++)
            out[n++] = tuple3(h, A("::"), meta, list_from(h, 2, (Term[]){small_make(cps[k]), list_nth(args, 1)}));
        changed = true;
        free(cps);
    }
    Term result = changed ? list_from(h, n, out) : segs;
    free(out);
    return result;
}

/* Splits {:"::", _, [value, spec]} into value and segment description. */
static Term split_segment(FnCtx *c, Term seg_ast, BinSeg *seg, Term *size_ast)
{
    memset(seg, 0, sizeof *seg);
    seg->type = SEG_INTEGER;
    seg->unit = 1;
    seg->size = SIZE_MAX;
    seg->literal = TERM_NONE;
    *size_ast = TERM_NONE;
    Term name, meta, args;
    Term value = seg_ast;
    if (ast_is_call(seg_ast, &name, &meta, &args) && name == A("::") && list_length(args) == 2) {
        value = list_nth(args, 0);
        bin_segment_spec(c, list_nth(args, 1), seg, size_ast);
    } else if (term_is_bitstring(seg_ast)) {
        seg->type = SEG_BINARY;
        seg->unit = 8;
    }
    if (seg->type == SEG_FLOAT && *size_ast == TERM_NONE) seg->size = 64, seg->unit = 1;
    if (seg->type == SEG_INTEGER && *size_ast == TERM_NONE) seg->size = 8, seg->unit = 1;
    return value;
}

static void compile_binary_pattern(FnCtx *c, Term segs, uint32_t src, uint32_t fail)
{
    segs = bin_expand_utf_literals(c, segs);
    size_t n = list_length(segs);
    BinSpec *spec = module_own(xcalloc(1, sizeof(BinSpec) + n * sizeof(BinSeg)));
    spec->nsegs = (uint32_t)n;
    uint32_t first = reg_alloc_n(c, (uint32_t)n);
    Term *values = xmalloc((n + 1) * sizeof(Term));
    size_t i = 0;
    size_t vars_before = c->nvars;
    for (Term l = segs; term_is_cons(l); l = cons_tail(l), i++) {
        Term size_ast;
        BinSeg *seg = &spec->segs[i];
        Term value = split_segment(c, cons_head(l), seg, &size_ast);
        values[i] = value;
        if (size_ast != TERM_NONE) {
            Term name, ctx;
            if (term_is_small(size_ast)) {
                seg->size = (size_t)small_value(size_ast);
            } else if (ast_is_var(size_ast, &name, &ctx)) {
                Var *v = var_lookup(c, name, ctx);
                if (!v) compile_fail(c, "CompileError", "undefined variable \"%s\" in bitstring segment", atom_text(name));
                seg->size_in_reg = true;
                seg->size = v->reg;
            } else {
                Term k = pattern_constant(c, size_ast);
                if (!term_is_small(k)) compile_fail(c, "CompileError", "size in bitstring pattern must be an integer or a variable");
                seg->size = (size_t)small_value(k);
            }
        }
        if (term_is_bitstring(value)) {
            /* "abc" inside <<>>: a binary literal of its own byte size */
            const uint8_t *b;
            size_t len;
            if (binary_bytes(value, &b, &len) && seg->type == SEG_BINARY && size_ast == TERM_NONE) {
                seg->size = len;
                seg->unit = 8;
            }
            seg->literal = literal(value);
            continue;
        }
        Term k = pattern_constant(c, value);
        if (k != TERM_NONE && !term_is_atom(value)) { seg->literal = literal(k); continue; }
        Term name, ctx;
        if (ast_is_var(value, &name, &ctx)) {
            if (strcmp(atom_text(name), "_") != 0 && name != A("_")) {
                bool seen = false;
                for (size_t j = c->nvars; j-- > c->pattern_vars_start;)
                    if (c->vars[j].name == name && c->vars[j].context == ctx) seen = true;
                if (!seen) var_bind_pattern(c, name, ctx, first + (uint32_t)i, meta_line(tuple_get(value, 1)));
            }
        }
    }
    emit(c, OP_BS_MATCH, (Code)src, (Code)spec, (Code)first, OPERAND_LABEL(fail));
    /* Segments whose variables were already bound must equal them; other
     * non-variable patterns (pins) are checked the same way. */
    i = 0;
    for (Term l = segs; term_is_cons(l); l = cons_tail(l), i++) {
        if (spec->segs[i].literal != TERM_NONE) continue;
        Term name, ctx, meta, args;
        Term value = values[i];
        if (ast_is_var(value, &name, &ctx)) {
            bool bound_here = false;
            for (size_t j = vars_before; j < c->nvars; j++)
                if (c->vars[j].reg == first + i) bound_here = true;
            if (!bound_here && name != A("_")) {
                for (size_t j = c->nvars; j-- > c->pattern_vars_start;)
                    if (c->vars[j].name == name && c->vars[j].context == ctx) {
                        emit(c, OP_IS_EQ_EXACT, (Code)(first + i), (Code)c->vars[j].reg, OPERAND_LABEL(fail));
                        break;
                    }
            }
        } else if (ast_is_call(value, &name, &meta, &args) && name == A("^")) {
            compile_pattern(c, value, first + (uint32_t)i, fail);
        } else {
            compile_pattern(c, value, first + (uint32_t)i, fail);
        }
    }
    free(values);
}

/* "prefix" <> rest */
static void compile_concat_pattern(FnCtx *c, Term left, Term right, uint32_t src, uint32_t fail)
{
    Heap *h = c->mod->scratch;
    Term bin = A("binary");
    Term spec = tuple3(h, bin, TERM_NIL, TERM_NIL);
    Term seg_right = tuple3(h, A("::"), TERM_NIL, list_from(h, 2, (Term[]){right, spec}));
    Term segs;
    Term name, meta, args;
    if (ast_is_call(left, &name, &meta, &args) && name == A("<<>>")) {
        size_t n = list_length(args);
        Term *items = xmalloc((n + 1) * sizeof(Term));
        for (size_t i = 0; i < n; i++) items[i] = list_nth(args, i);
        items[n] = seg_right;
        segs = list_from(h, n + 1, items);
        free(items);
    } else {
        segs = list_from(h, 2, (Term[]){left, seg_right});
    }
    compile_binary_pattern(c, segs, src, fail);
}

static void compile_pattern_node(FnCtx *c, Term ast, uint32_t src, uint32_t fail);

void compile_pattern(FnCtx *c, Term ast, uint32_t src, uint32_t fail)
{
    if (++c->mod->nesting > COMPILE_MAX_NESTING || compile_stack_low()) compile_fail_depth(c->mod, c->line);
    compile_pattern_node(c, ast, src, fail);
    c->mod->nesting--;
}

static void compile_pattern_node(FnCtx *c, Term ast, uint32_t src, uint32_t fail)
{
    Term name, meta, args, ctx;
    if (is_literal_leaf(ast) && !term_is_atom(ast)) {
        if (ast == TERM_NIL) { emit(c, OP_TEST_NIL, (Code)src, OPERAND_LABEL(fail)); return; }
        emit(c, OP_TEST_EQ_K, (Code)src, (Code)literal(ast), OPERAND_LABEL(fail));
        return;
    }
    if (term_is_atom(ast)) {
        emit(c, OP_TEST_EQ_K, (Code)src, (Code)ast, OPERAND_LABEL(fail));
        return;
    }
    if (term_is_cons(ast)) { compile_list_pattern(c, ast, src, fail); return; }
    if (term_is_tuple(ast) && tuple_size(ast) == 2) {
        for (size_t i = emit_tuple_test(c, src, 2, tuple_get(ast, 0), fail); i < 2; i++) compile_element_pattern(c, tuple_get(ast, i), src, i, fail);
        return;
    }
    if (ast_is_var(ast, &name, &ctx) && name != A("__MODULE__")) {
        bind_or_compare(c, name, ctx, meta_line(tuple_get(ast, 1)), src, fail);
        return;
    }
    if (!ast_is_call(ast, &name, &meta, &args)) compile_fail(c, "CompileError", "invalid pattern");
    set_line_from_meta(c, meta);
    Term k = pattern_constant(c, ast);
    if (k != TERM_NONE) {
        emit(c, OP_TEST_EQ_K, (Code)src, (Code)literal(k), OPERAND_LABEL(fail));
        return;
    }
    const char *op = term_is_atom(name) ? atom_text(name) : "";
    size_t n = list_length(args);
    if (!strcmp(op, "{}")) {
        size_t i = 0, from = emit_tuple_test(c, src, n, n ? cons_head(args) : TERM_NONE, fail);
        for (Term l = args; term_is_cons(l); l = cons_tail(l), i++)
            if (i >= from) compile_element_pattern(c, cons_head(l), src, i, fail);
        return;
    }
    if (!strcmp(op, "=") && n == 2) {
        compile_pattern(c, list_nth(args, 0), src, fail);
        compile_pattern(c, list_nth(args, 1), src, fail);
        return;
    }
    if (!strcmp(op, "^") && n == 1) {
        Term vname, vctx;
        Var *v = ast_is_var(list_nth(args, 0), &vname, &vctx) ? var_peek(c, vname, vctx) : NULL;
        /* ^x is x as it was before the pattern: {x, ^x} = {1, 0} with x = 0
         * pins 0, not the x this pattern binds */
        while (v && (size_t)(v - c->vars) >= c->pattern_vars_start && v->prev_same != UINT32_MAX)
            v = &c->vars[v->prev_same];
        if (v) v->used = true;
        if (!v) compile_fail(c, "CompileError", "undefined variable ^%s", ast_is_var(list_nth(args, 0), &vname, NULL) ? atom_text(vname) : "?");
        emit(c, OP_IS_EQ_EXACT, (Code)src, (Code)v->reg, OPERAND_LABEL(fail));
        return;
    }
    if (!strcmp(op, "%{}")) { compile_map_pattern(c, args, src, fail); return; }
    if (!strcmp(op, "%") && n == 2) {
        Term mod_ast = list_nth(args, 0), map_ast = list_nth(args, 1);
        Term mname, mmeta, margs;
        if (!ast_is_call(map_ast, &mname, &mmeta, &margs)) compile_fail(c, "CompileError", "invalid struct pattern");
        Term mod = pattern_constant(c, mod_ast);
        if (mod != TERM_NONE) /* the struct must exist, with these keys */
            module_struct_check_keys(c, mod, module_struct_default(c, mod, 0), margs, 0);
        compile_map_pattern(c, margs, src, fail);
        uint32_t s = reg_alloc(c), key = reg_alloc(c);
        emit(c, OP_LOADK, (Code)key, (Code)ATOM___struct__);
        emit(c, OP_MAP_GET, (Code)s, (Code)src, (Code)key, OPERAND_LABEL(fail));
        if (mod != TERM_NONE) {
            emit(c, OP_TEST_EQ_K, (Code)s, (Code)mod, OPERAND_LABEL(fail));
        } else {
            emit(c, OP_TEST_TYPE, (Code)s, (Code)TYPE_ATOM, OPERAND_LABEL(fail));
            compile_pattern(c, mod_ast, s, fail);
        }
        return;
    }
    if ((!strcmp(op, "..") && n == 2) || (!strcmp(op, "..//") && n == 3)) {
        /* first..last//step matches the Range struct's fields */
        Heap *h = c->mod->scratch;
        Term pairs[4] = {tuple2(h, ATOM___struct__, A("Elixir.Range")), tuple2(h, A("first"), list_nth(args, 0)),
                         tuple2(h, A("last"), list_nth(args, 1)), n == 3 ? tuple2(h, A("step"), list_nth(args, 2)) : TERM_NONE};
        compile_map_pattern(c, list_from(h, n == 3 ? 4 : 3, pairs), src, fail);
        return;
    }
    if (!strcmp(op, "<<>>")) { compile_binary_pattern(c, args, src, fail); return; }
    if (!strcmp(op, "<>") && n == 2) { compile_concat_pattern(c, list_nth(args, 0), list_nth(args, 1), src, fail); return; }
    if (!strcmp(op, "when")) compile_fail(c, "CompileError", "invalid use of when in a pattern");
    compile_fail(c, "CompileError", "cannot invoke remote function inside a match");
}

/* ---- guards ------------------------------------------------------------------ */

static const struct { const char *name; TypeTest type; } type_guards[] = {
    {"is_atom", TYPE_ATOM}, {"is_binary", TYPE_BINARY}, {"is_bitstring", TYPE_BITSTRING},
    {"is_boolean", TYPE_BOOLEAN}, {"is_float", TYPE_FLOAT}, {"is_function", TYPE_FUNCTION},
    {"is_integer", TYPE_INTEGER}, {"is_list", TYPE_LIST}, {"is_map", TYPE_MAP},
    {"is_number", TYPE_NUMBER}, {"is_pid", TYPE_PID}, {"is_reference", TYPE_REFERENCE},
    {"is_tuple", TYPE_TUPLE}, {NULL, 0}};

int compile_type_guard(Term name, size_t arity)
{
    if (arity != 1 || !term_is_atom(name)) return -1;
    for (int i = 0; type_guards[i].name; i++)
        if (!strcmp(atom_text(name), type_guards[i].name)) return (int)type_guards[i].type;
    return -1;
}

void compile_guard(FnCtx *c, Term guard, uint32_t fail)
{
    Term name, meta, args;
    uint32_t saved_reg = c->next_reg;
    int saved_in_guard = c->in_guard;
    uint32_t saved_fail = c->guard_fail;
    c->in_guard = 1;
    c->guard_fail = fail;
    if (ast_is_call(guard, &name, &meta, &args) && term_is_atom(name)) {
        const char *op = atom_text(name);
        size_t n = list_length(args);
        if ((!strcmp(op, "and") || !strcmp(op, "when")) && n == 2) {
            if (!strcmp(op, "when")) {
                /* several guards: either may hold */
                uint32_t next = label_new(c), ok = label_new(c);
                compile_guard(c, list_nth(args, 0), next);
                emit(c, OP_JUMP, OPERAND_LABEL(ok));
                label_place(c, next);
                compile_guard(c, list_nth(args, 1), fail);
                label_place(c, ok);
            } else {
                compile_guard(c, list_nth(args, 0), fail);
                compile_guard(c, list_nth(args, 1), fail);
            }
            goto done;
        }
        if (!strcmp(op, "or") && n == 2) {
            uint32_t next = label_new(c), ok = label_new(c);
            compile_guard(c, list_nth(args, 0), next);
            emit(c, OP_JUMP, OPERAND_LABEL(ok));
            label_place(c, next);
            compile_guard(c, list_nth(args, 1), fail);
            label_place(c, ok);
            goto done;
        }
        if (!strcmp(op, "not") && n == 1) {
            uint32_t holds = label_new(c);
            compile_guard(c, list_nth(args, 0), holds);
            emit(c, OP_JUMP, OPERAND_LABEL(fail));
            label_place(c, holds);
            goto done;
        }
        int type = compile_type_guard(name, n);
        if (type >= 0) {
            uint32_t r = compile_operand(c, list_nth(args, 0));
            emit(c, OP_TEST_TYPE, (Code)r, (Code)type, OPERAND_LABEL(fail));
            goto done;
        }
        if (n == 2 && (!strcmp(op, "<") || !strcmp(op, ">") || !strcmp(op, "<=") || !strcmp(op, ">=") ||
                       !strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "===") || !strcmp(op, "!=="))) {
            compile_compare_jump(c, op, list_nth(args, 0), list_nth(args, 1), fail);
            goto done;
        }
    }
    {
        uint32_t r = reg_alloc(c);
        compile_expr(c, guard, r, false);
        emit(c, OP_TEST_TRUE, (Code)r, OPERAND_LABEL(fail));
    }
done:
    reg_restore(c, saved_reg);
    c->in_guard = saved_in_guard;
    c->guard_fail = saved_fail;
}

/* ---- clause lists ----------------------------------------------------------- */

void clause_head(Term params, Term *patterns, Term *guard)
{
    Term name, meta, args;
    *guard = TERM_NONE;
    *patterns = params;
    if (list_length(params) == 1 && ast_is_call(list_nth(params, 0), &name, &meta, &args) && name == A("when")) {
        /* [{:when, _, [p1, ..., pn, guard]}] */
        size_t n = list_length(args);
        Term items[64];
        if (n - 1 > 64) return;
        for (size_t i = 0; i + 1 < n; i++) items[i] = list_nth(args, i);
        *guard = list_nth(args, n - 1);
        *patterns = list_from(literal_heap(), n - 1, items);
    }
}

uint32_t compile_clauses(FnCtx *c, Term clauses, const uint32_t *args, uint32_t nargs, uint32_t dst, bool tail)
{
    uint32_t done = label_new(c);
    for (Term l = clauses; term_is_cons(l); l = cons_tail(l)) {
        Term clause = cons_head(l), name, meta, cargs;
        if (!ast_is_call(clause, &name, &meta, &cargs) || name != A("->") || list_length(cargs) != 2)
            compile_fail(c, "CompileError", "expected -> clauses");
        set_line_from_meta(c, meta);
        Term patterns, guard;
        clause_head(list_nth(cargs, 0), &patterns, &guard);
        if (list_length(patterns) != nargs) continue; /* arity mismatches are reported by the caller */
        size_t saved_vars = c->nvars, saved_start = c->pattern_vars_start;
        uint32_t saved_reg = c->next_reg;
        uint32_t next = label_new(c);
        c->pattern_vars_start = c->nvars;
        uint32_t i = 0;
        for (Term p = patterns; term_is_cons(p); p = cons_tail(p), i++) compile_pattern(c, cons_head(p), args[i], next);
        c->pattern_vars_start = saved_start;
        if (guard != TERM_NONE) compile_guard(c, guard, next);
        compile_expr(c, list_nth(cargs, 1), dst, tail);
        if (!tail) emit(c, OP_JUMP, OPERAND_LABEL(done));
        label_place(c, next);
        vars_scope_end(c, saved_vars);
        reg_restore(c, saved_reg);
    }
    return done;
}
