/* image.c - writing compiled modules to bytes and loading them back.
 *
 * A blob is: the magic "GLI1", the atom table (every atom the blob names,
 * by its text), then each module: its name, line, struct definition,
 * attributes and docs, and its functions (headers first, so that a call
 * can name any function of the module by index, then each one's code and
 * lines). Numbers are unsigned LEB128 varints. An instruction's operands
 * are written by kind (operand_kind): plain words as numbers, literal
 * Terms as terms, pointers as what they point at (a function's index, a
 * call site's module, name and arity, a fun's or a binary pattern's
 * description), so a loaded module points into its own runtime.
 *
 * Terms are written in preorder (a container's tag and size, then its
 * elements) and read back with an explicit stack: neither side recurses
 * on a term's depth. */
#include "image.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "map.h"
#include "vm.h"

#define IMAGE_MAGIC "GLI1"

/* A new instruction must say here which of its operands are pointers or
 * Terms (operand_kind): until it does, the build stops. */
_Static_assert(OP__COUNT == 68, "image.c: give the new instruction's operand kinds in operand_kind");

/* What an instruction operand is: a plain number (register, count, label,
 * enum), a literal Term, a Function of the same module, a call site
 * (ExtRef), a fun's FunInfo, or a binary pattern's BinSpec. */
typedef enum { K_NUM, K_TERM, K_FUNCTION, K_EXTREF, K_FUNINFO, K_BINSPEC } OperandKind;

static OperandKind operand_kind(Opcode op, int i)
{
    switch (op) {
    case OP_LOADK: case OP_TEST_EQ_K: case OP_TEST_EQ_IMM: return i == 1 ? K_TERM : K_NUM;
    case OP_RETURN_K: return K_TERM;
    case OP_ADD_K: case OP_SUB_K: case OP_TEST_ELEM_IMM: case OP_TEST_TAGGED: return i == 2 ? K_TERM : K_NUM;
    case OP_MAP_FIELD: case OP_TEST_BOOLEAN: return i == 2 ? K_TERM : K_NUM;
    case OP_CALL: case OP_TAIL_CALL: return i == 0 ? K_FUNCTION : K_NUM;
    case OP_CALL_EXT: case OP_TAIL_CALL_EXT: case OP_CALL_NATIVE: return i == 0 ? K_EXTREF : K_NUM;
    case OP_MAKE_FUN: return i == 1 ? K_FUNINFO : K_NUM;
    case OP_BS_BUILD: case OP_BS_MATCH: return i == 1 ? K_BINSPEC : K_NUM;
    default: return K_NUM;
    }
}

/* Term tags in a blob. */
enum { T_NONE, T_NIL, T_SMALL, T_ATOM, T_FLOAT, T_BIG, T_BINARY, T_TUPLE, T_LIST, T_MAP, T_EXPORT };

uint64_t image_source_hash(const char *text, size_t length)
{
    /* FNV-1a over 64-bit words (then the last bytes): every load checks
     * its source, so a byte at a time would cost a tenth of a load */
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    for (; i < length; i++) h = (h ^ (uint8_t)text[i]) * 0x100000001b3ULL;
    return h;
}

/* ---- writing ------------------------------------------------------------------- */

typedef struct Writer {
    uint8_t *buf;
    size_t len, cap;
    uint32_t *atom_slot;   /* atom index -> 1 + its number in this blob, or 0 */
    size_t atom_slots;
    Term *atoms;           /* the blob's atoms in number order */
    size_t natoms, atoms_cap;
    Module *module;        /* the module being written */
    Function **fns;        /* its functions, by index */
    size_t nfns;
    char *why;
    size_t why_size;
    bool failed;
} Writer;

static void put_byte(Writer *w, uint8_t b)
{
    if (w->len == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 4096;
        w->buf = xrealloc(w->buf, w->cap);
    }
    w->buf[w->len++] = b;
}

static void put_num(Writer *w, uint64_t v)
{
    while (v >= 0x80) {
        put_byte(w, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    put_byte(w, (uint8_t)v);
}

static void put_bytes(Writer *w, const void *bytes, size_t n)
{
    put_num(w, n);
    for (size_t i = 0; i < n; i++) put_byte(w, ((const uint8_t *)bytes)[i]);
}

static void put_word(Writer *w, uint64_t v)
{
    for (int i = 0; i < 8; i++) put_byte(w, (uint8_t)(v >> (8 * i)));
}

static void refuse(Writer *w, const char *what)
{
    if (!w->failed) snprintf(w->why, w->why_size, "%s in %s", what, atom_text(w->module->name));
    w->failed = true;
}

static void put_atom(Writer *w, Term atom)
{
    size_t i = atom_index(atom);
    if (i >= w->atom_slots) {
        size_t n = atom_count() + 1;
        if (n <= i) n = i + 1;
        w->atom_slot = xrealloc(w->atom_slot, n * sizeof *w->atom_slot);
        memset(w->atom_slot + w->atom_slots, 0, (n - w->atom_slots) * sizeof *w->atom_slot);
        w->atom_slots = n;
    }
    if (!w->atom_slot[i]) {
        if (w->natoms == w->atoms_cap) {
            w->atoms_cap = w->atoms_cap ? w->atoms_cap * 2 : 256;
            w->atoms = xrealloc(w->atoms, w->atoms_cap * sizeof *w->atoms);
        }
        w->atoms[w->natoms++] = atom;
        w->atom_slot[i] = (uint32_t)w->natoms;
    }
    put_num(w, w->atom_slot[i] - 1);
}

static void put_term(Writer *w, Term root)
{
    Term *stack = xmalloc(64 * sizeof *stack);
    size_t n = 0, cap = 64;
    stack[n++] = root;
    while (n && !w->failed) {
        Term t = stack[--n];
        size_t need = 0; /* elements this term pushes */
        if (t == TERM_NONE) put_byte(w, T_NONE);
        else if (t == TERM_NIL) put_byte(w, T_NIL);
        else if (term_is_small(t)) {
            int64_t v = small_value(t);
            put_byte(w, T_SMALL);
            put_num(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
        } else if (term_is_atom(t)) {
            put_byte(w, T_ATOM);
            put_atom(w, t);
        } else if (term_is_float(t)) {
            put_byte(w, T_FLOAT);
            put_word(w, boxed_ptr(t)[1]);
        } else if (term_is_bignum(t)) {
            size_t words = header_size(boxed_ptr(t)[0]);
            put_byte(w, T_BIG);
            put_byte(w, boxed_type(t) == BOX_BIGNEG);
            put_num(w, words);
            for (size_t i = 0; i < words; i++) put_word(w, boxed_ptr(t)[1 + i]);
        } else if (term_is_bitstring(t)) {
            const uint8_t *bytes;
            size_t size;
            if (!binary_bytes(t, &bytes, &size)) refuse(w, "a bitstring literal");
            else {
                put_byte(w, T_BINARY);
                put_bytes(w, bytes, size);
            }
        } else if (term_is_tuple(t)) {
            need = tuple_size(t);
            put_byte(w, T_TUPLE);
            put_num(w, need);
        } else if (term_is_cons(t)) {
            need = 1;
            for (Term l = t; term_is_cons(l); l = cons_tail(l)) need++;
            put_byte(w, T_LIST);
            put_num(w, need - 1);
        } else if (term_is_map(t)) {
            need = 2 * map_size(t);
            put_byte(w, T_MAP);
            put_num(w, need / 2);
        } else if (term_is_box_of(t, BOX_EXPORT)) {
            put_byte(w, T_EXPORT);
            put_atom(w, boxed_ptr(t)[1]);
            put_atom(w, boxed_ptr(t)[2]);
            put_num(w, (uint64_t)small_value(boxed_ptr(t)[3]));
        } else {
            refuse(w, "a fun, pid or reference literal");
        }
        if (!need || w->failed) continue;
        if (n + need > cap) {
            while (n + need > cap) cap *= 2;
            stack = xrealloc(stack, cap * sizeof *stack);
        }
        /* pushed last-first, so that they are written first-first */
        if (term_is_tuple(t)) {
            for (size_t i = need; i-- > 0;) stack[n++] = tuple_get(t, i);
        } else if (term_is_cons(t)) {
            Term l = t;
            for (size_t i = 0; i + 1 < need; i++, l = cons_tail(l)) stack[n + need - 1 - i] = cons_head(l);
            stack[n] = l; /* the tail, written last */
            n += need;
        } else {
            /* in the map's own order: map_from_pairs takes any */
            size_t pairs = need / 2;
            Term *keys = xmalloc((need + 1) * sizeof *keys), *values = keys + pairs;
            map_to_arrays(t, keys, values);
            for (size_t i = pairs; i-- > 0;) stack[n++] = values[i];
            for (size_t i = pairs; i-- > 0;) stack[n++] = keys[i];
            free(keys);
        }
    }
    free(stack);
}

static size_t function_index(Writer *w, const Function *f)
{
    for (size_t i = 0; i < w->nfns; i++)
        if (w->fns[i] == f) return i;
    refuse(w, "a call to another module's function");
    return 0;
}

static void put_code(Writer *w, const Function *f)
{
    put_num(w, f->code_len);
    for (size_t pc = 0; pc < f->code_len && !w->failed;) {
        Opcode op = vm_code_opcode(f, pc);
        if (op >= OP__COUNT) {
            refuse(w, "an unknown instruction");
            return;
        }
        put_num(w, op);
        for (int i = 0; i < opcode_operand_count[op]; i++) {
            Code word = f->code[pc + 1 + i];
            switch (operand_kind(op, i)) {
            case K_NUM: put_num(w, word); break;
            case K_TERM: put_term(w, (Term)word); break;
            case K_FUNCTION: put_num(w, function_index(w, (const Function *)word)); break;
            case K_EXTREF: {
                const ExtRef *r = (const ExtRef *)word;
                put_atom(w, r->module);
                put_atom(w, r->name);
                put_num(w, r->arity);
                put_num(w, (r->native != NULL && op == OP_CALL_NATIVE) | (uint64_t)r->frameless << 1);
                break;
            }
            case K_FUNINFO: {
                const FunInfo *info = (const FunInfo *)word;
                if (info->module != w->module->name) refuse(w, "a fun of another module");
                put_num(w, function_index(w, info->fn));
                put_atom(w, info->parent_name);
                put_num(w, info->parent_arity);
                put_num(w, info->index);
                put_num(w, info->uniq);
                put_num(w, info->arity);
                break;
            }
            case K_BINSPEC: {
                const BinSpec *s = (const BinSpec *)word;
                put_num(w, s->nsegs);
                for (uint32_t k = 0; k < s->nsegs; k++) {
                    const BinSeg *g = &s->segs[k];
                    put_num(w, g->type | (unsigned)g->little << 8 | (unsigned)g->is_signed << 9 | (unsigned)g->size_in_reg << 10);
                    put_num(w, g->unit);
                    put_num(w, g->size == SIZE_MAX ? 0 : (uint64_t)g->size + 1);
                    put_term(w, g->literal);
                }
                break;
            }
            }
        }
        pc += 1 + (size_t)opcode_operand_count[op];
    }
    put_num(w, f->nlines);
    for (size_t i = 0; i < f->nlines; i++) {
        put_num(w, f->lines[i].pc);
        put_num(w, f->lines[i].line);
    }
}

static void put_module(Writer *w, Module *m)
{
    w->module = m;
    w->nfns = 0;
    for (Function *f = m->functions; f; f = f->next_in_module) w->nfns++;
    w->fns = xrealloc(w->fns, (w->nfns + 1) * sizeof *w->fns);
    size_t i = 0;
    for (Function *f = m->functions; f; f = f->next_in_module) w->fns[i++] = f;
    put_atom(w, m->name);
    put_num(w, m->line);
    put_term(w, m->struct_fields);
    put_term(w, m->struct_default);
    put_term(w, m->struct_enforce);
    put_term(w, m->attributes);
    put_term(w, m->callbacks);
    put_term(w, m->docs);
    put_num(w, w->nfns);
    for (i = 0; i < w->nfns; i++) {
        const Function *f = w->fns[i];
        if (f->file != m->file && (!f->file || !m->file || strcmp(f->file, m->file))) refuse(w, "a function from another file");
        bool in_table = module_find_function(m, f->name, f->arity) == f;
        put_atom(w, f->name);
        put_num(w, f->arity);
        put_num(w, f->nregs);
        put_num(w, f->nfree);
        put_num(w, (uint64_t)f->exported | (uint64_t)f->is_macro << 1 | (uint64_t)f->defined << 2 | (uint64_t)in_table << 3);
    }
    for (i = 0; i < w->nfns && !w->failed; i++) put_code(w, w->fns[i]);
}

bool image_write(Module *const *modules, size_t n, uint8_t **out, size_t *out_len, char *why, size_t why_size)
{
    Writer body = {0};
    body.why = why;
    body.why_size = why_size;
    put_num(&body, n);
    for (size_t i = 0; i < n && !body.failed; i++) put_module(&body, modules[i]);
    bool ok = !body.failed;
    if (ok) {
        /* the atom table goes first: the reader interns it before anything names an atom */
        Writer head = {0};
        for (size_t i = 0; i < 4; i++) put_byte(&head, (uint8_t)IMAGE_MAGIC[i]);
        put_num(&head, body.natoms);
        for (size_t i = 0; i < body.natoms; i++) put_bytes(&head, atom_text(body.atoms[i]), atom_length(body.atoms[i]));
        for (size_t i = 0; i < body.len; i++) put_byte(&head, body.buf[i]);
        *out = head.buf;
        *out_len = head.len;
    }
    free(body.buf);
    free(body.atom_slot);
    free(body.atoms);
    free(body.fns);
    return ok;
}

/* The modules whose file is `path`, for image_write_file. */
typedef struct FileModules {
    const char *path;
    Module **modules;
    size_t n, cap;
} FileModules;

static void file_module(void *ctx, Module *m)
{
    FileModules *fm = ctx;
    if (!m->file || strcmp(m->file, fm->path)) return;
    if (fm->n == fm->cap) {
        fm->cap = fm->cap ? fm->cap * 2 : 8;
        fm->modules = xrealloc(fm->modules, fm->cap * sizeof *fm->modules);
    }
    fm->modules[fm->n++] = m;
}

static int module_name_order(const void *a, const void *b)
{
    return strcmp(atom_text((*(Module *const *)a)->name), atom_text((*(Module *const *)b)->name));
}

bool image_write_file(const char *path, uint8_t **out, size_t *out_len, char *why, size_t why_size)
{
    FileModules fm = {path, NULL, 0, 0};
    module_each(file_module, &fm);
    /* the table's order depends on hashing: sorted, an image is the same on every build */
    if (fm.n > 1) qsort(fm.modules, fm.n, sizeof *fm.modules, module_name_order);
    snprintf(why, why_size, "it defines no module");
    bool ok = fm.n && image_write(fm.modules, fm.n, out, out_len, why, why_size);
    free(fm.modules);
    return ok;
}

/* ---- reading ------------------------------------------------------------------- */

typedef struct Reader {
    const uint8_t *at, *end;
    Term *atoms;
    size_t natoms;
    Heap *heap;
    uint8_t *block, *block_end; /* see reader_alloc */
    bool failed;
} Reader;

/* What the loaded code keeps for the runtime's life (its code, lines,
 * functions, call sites, fun and binary descriptors) is carved from
 * blocks the module table owns (module_own): one malloc per block, not
 * one per object. Nothing frees one of these objects alone. */
#define READER_BLOCK (64 * 1024)

static void *reader_alloc(Reader *r, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if ((size_t)(r->block_end - r->block) < n) {
        size_t size = n > READER_BLOCK ? n : READER_BLOCK;
        r->block = module_own(xmalloc(size));
        r->block_end = r->block + size;
    }
    void *p = r->block;
    r->block += n;
    return memset(p, 0, n);
}

static uint64_t get_num(Reader *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (r->at == r->end) break;
        uint8_t b = *r->at++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
    r->failed = true;
    return 0;
}

static uint64_t get_word(Reader *r)
{
    if (r->end - r->at < 8) {
        r->failed = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v |= (uint64_t)r->at[i] << (8 * i);
    r->at += 8;
    return v;
}

static const uint8_t *get_bytes(Reader *r, size_t *n)
{
    *n = (size_t)get_num(r);
    if ((size_t)(r->end - r->at) < *n) {
        r->failed = true;
        *n = 0;
        return r->at;
    }
    const uint8_t *p = r->at;
    r->at += *n;
    return p;
}

static Term get_atom(Reader *r)
{
    uint64_t i = get_num(r);
    if (i >= r->natoms) {
        r->failed = true;
        return ATOM_nil;
    }
    return r->atoms[i];
}

/* A container being filled while its elements are read. */
typedef struct Pending {
    uint8_t tag;
    size_t need, have;
    Term value;    /* a tuple: filled in place */
    Term *cells;   /* a list's cons cells, two words each */
    Term *pairs;   /* a map's keys then values, malloc'd */
} Pending;

/* Puts a finished element into the innermost pending container. */
static void pending_put(Pending *p, Term t)
{
    if (p->tag == T_TUPLE) tuple_elems(p->value)[p->have] = t;
    else if (p->tag == T_MAP) p->pairs[p->have] = t;
    else if (p->have + 1 < p->need) p->cells[2 * p->have] = t;
    else p->cells[2 * p->have - 1] = t; /* the tail */
    p->have++;
}

static Term pending_finish(Reader *r, Pending *p)
{
    if (p->tag == T_TUPLE) return p->value;
    if (p->tag == T_MAP) {
        size_t pairs = p->need / 2;
        Term m = map_from_pairs(r->heap, pairs, p->pairs, p->pairs + pairs);
        free(p->pairs);
        return m;
    }
    return cons_from_ptr(p->cells);
}

static Term get_term(Reader *r)
{
    Pending *stack = NULL;
    size_t n = 0, cap = 0;
    Term result = TERM_NONE;
    for (;;) {
        if (r->at == r->end) r->failed = true;
        if (r->failed) break;
        uint8_t tag = *r->at++;
        Term t = TERM_NONE;
        size_t need = 0;
        switch (tag) {
        case T_NONE: break;
        case T_NIL: t = TERM_NIL; break;
        case T_SMALL: {
            uint64_t z = get_num(r);
            t = small_make((int64_t)(z >> 1) ^ -(int64_t)(z & 1));
            break;
        }
        case T_ATOM: t = get_atom(r); break;
        case T_FLOAT: {
            Term *obj = heap_alloc(r->heap, 2);
            obj[0] = header_make(BOX_FLOAT, 1);
            obj[1] = get_word(r);
            t = boxed_from_ptr(obj);
            break;
        }
        case T_BIG: {
            bool negative = r->at < r->end && *r->at++;
            size_t words = (size_t)get_num(r);
            if ((size_t)(r->end - r->at) / 8 < words) {
                r->failed = true;
                break;
            }
            Term *obj = heap_alloc(r->heap, words + 1);
            obj[0] = header_make(negative ? BOX_BIGNEG : BOX_BIGPOS, words);
            for (size_t i = 0; i < words; i++) obj[1 + i] = get_word(r);
            t = boxed_from_ptr(obj);
            break;
        }
        case T_BINARY: {
            size_t size;
            const uint8_t *bytes = get_bytes(r, &size);
            t = binary_new(r->heap, bytes, size);
            break;
        }
        case T_EXPORT: {
            Term *obj = heap_alloc(r->heap, 4);
            obj[0] = header_make(BOX_EXPORT, 3);
            obj[1] = get_atom(r);
            obj[2] = get_atom(r);
            obj[3] = small_make((int64_t)get_num(r));
            t = boxed_from_ptr(obj);
            break;
        }
        case T_TUPLE: need = (size_t)get_num(r); t = tuple_new(r->heap, need); break;
        case T_LIST: need = (size_t)get_num(r) + 1; if (need < 2) r->failed = true; break;
        case T_MAP: need = 2 * (size_t)get_num(r); if (!need) t = map_empty(r->heap); break;
        default: r->failed = true; break;
        }
        if (r->failed) break;
        if (need && (size_t)(r->end - r->at) < need) {
            r->failed = true; /* every element takes a byte at least */
            break;
        }
        if (need) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                stack = xrealloc(stack, cap * sizeof *stack);
            }
            Pending *p = &stack[n++];
            *p = (Pending){tag, need, 0, t, NULL, NULL};
            if (tag == T_LIST) {
                p->cells = heap_alloc(r->heap, 2 * (need - 1));
                for (size_t i = 0; i + 2 < need; i++) p->cells[2 * i + 1] = cons_from_ptr(p->cells + 2 * i + 2);
            } else if (tag == T_MAP) {
                p->pairs = xmalloc(need * sizeof(Term));
            }
            continue;
        }
        /* a complete term: it fills its container, which may complete in turn */
        while (n) {
            pending_put(&stack[n - 1], t);
            if (stack[n - 1].have < stack[n - 1].need) break;
            t = pending_finish(r, &stack[--n]);
        }
        if (!n) {
            result = t;
            break;
        }
    }
    for (size_t i = 0; i < n; i++) free(stack[i].pairs);
    free(stack);
    return r->failed ? TERM_NONE : result;
}

/* The modules a blob holds, read but not installed yet. */
typedef struct Loaded {
    Module **modules;
    size_t n;
} Loaded;

static void get_code(Reader *r, Module *m, Function *f, Function **fns, size_t nfns, const char *file)
{
    size_t len = (size_t)get_num(r);
    if ((size_t)(r->end - r->at) < len) {
        r->failed = true;
        return;
    }
    Code *code = reader_alloc(r, (len + 1) * sizeof *code);
    size_t pc = 0;
    while (pc < len && !r->failed) {
        uint64_t op = get_num(r);
        if (op >= OP__COUNT || pc + 1 + opcode_operand_count[op] > len) {
            r->failed = true;
            break;
        }
        code[pc] = (Code)op;
        for (int i = 0; i < opcode_operand_count[op]; i++) {
            Code *word = &code[pc + 1 + i];
            switch (operand_kind((Opcode)op, i)) {
            case K_NUM: *word = (Code)get_num(r); break;
            case K_TERM: *word = (Code)get_term(r); break;
            case K_FUNCTION: {
                uint64_t k = get_num(r);
                if (k >= nfns) r->failed = true;
                else *word = (Code)fns[k];
                break;
            }
            case K_EXTREF: {
                Term mod = get_atom(r), name = get_atom(r);
                uint32_t arity = (uint32_t)get_num(r);
                uint64_t flags = get_num(r);
                ExtRef *ref = reader_alloc(r, sizeof *ref);
                ref->module = mod;
                ref->name = name;
                ref->arity = arity;
                ref->frameless = (flags >> 1) & 1;
                if (flags & 1) {
                    ref->native = native_lookup(mod, name, (int)arity);
                    if (!ref->native) r->failed = true; /* a native this build lacks: compile the source */
                }
                *word = (Code)ref;
                break;
            }
            case K_FUNINFO: {
                FunInfo *info = reader_alloc(r, sizeof *info);
                uint64_t k = get_num(r);
                if (k >= nfns) {
                    r->failed = true;
                    break;
                }
                info->fn = fns[k];
                info->module = m->name;
                info->parent_name = get_atom(r);
                info->parent_arity = (uint32_t)get_num(r);
                info->index = (uint32_t)get_num(r);
                info->uniq = (uint32_t)get_num(r);
                info->arity = (uint32_t)get_num(r);
                info->file = file;
                *word = (Code)info;
                break;
            }
            case K_BINSPEC: {
                size_t nsegs = (size_t)get_num(r);
                if ((size_t)(r->end - r->at) < nsegs) {
                    r->failed = true;
                    break;
                }
                BinSpec *s = reader_alloc(r, sizeof *s + nsegs * sizeof(BinSeg));
                s->nsegs = (uint32_t)nsegs;
                for (size_t k = 0; k < nsegs; k++) {
                    BinSeg *g = &s->segs[k];
                    uint64_t bits = get_num(r);
                    g->type = (uint8_t)bits;
                    g->little = (bits >> 8) & 1;
                    g->is_signed = (bits >> 9) & 1;
                    g->size_in_reg = (bits >> 10) & 1;
                    g->unit = (uint32_t)get_num(r);
                    uint64_t size = get_num(r);
                    g->size = size ? (size_t)(size - 1) : SIZE_MAX;
                    g->literal = get_term(r);
                }
                *word = (Code)s;
                break;
            }
            }
        }
        pc += 1 + (size_t)opcode_operand_count[op];
    }
    size_t nlines = (size_t)get_num(r);
    if ((size_t)(r->end - r->at) < nlines) r->failed = true;
    if (r->failed) return;
    LineEntry *lines = reader_alloc(r, (nlines + 1) * sizeof *lines);
    for (size_t i = 0; i < nlines; i++) {
        lines[i].pc = (uint32_t)get_num(r);
        lines[i].line = (uint32_t)get_num(r);
    }
    f->code = code;
    f->threaded = false;
    f->code_len = len;
    f->lines = lines;
    f->nlines = nlines;
}

static Module *get_module(Reader *r, const char *file)
{
    Term name = get_atom(r);
    if (r->failed) return NULL;
    Module *m = module_new(name, file);
    m->line = (uint32_t)get_num(r);
    m->struct_fields = get_term(r);
    m->struct_default = get_term(r);
    m->struct_enforce = get_term(r);
    m->attributes = get_term(r);
    m->callbacks = get_term(r);
    m->docs = get_term(r);
    size_t nfns = (size_t)get_num(r);
    if (r->failed || (size_t)(r->end - r->at) < nfns) {
        r->failed = true;
        return NULL;
    }
    /* one function's header: name, arity, registers, captures, flags */
    typedef struct Header {
        Term name;
        uint32_t arity, nregs, nfree;
        uint64_t flags;
    } Header;
    Header *heads = xmalloc((nfns + 1) * sizeof *heads);
    Function **fns = xmalloc((nfns + 1) * sizeof *fns);
    for (size_t i = 0; i < nfns; i++) {
        heads[i].name = get_atom(r);
        heads[i].arity = (uint32_t)get_num(r);
        heads[i].nregs = (uint32_t)get_num(r);
        heads[i].nfree = (uint32_t)get_num(r);
        heads[i].flags = get_num(r);
    }
    /* The list is rebuilt last-first, as the compiler prepended it; the
     * functions module_function made are in the lookup table again. */
    for (size_t i = nfns; i-- > 0 && !r->failed;) {
        Function *f;
        if (heads[i].flags & 8) {
            f = module_function(m, heads[i].name, heads[i].arity);
        } else {
            f = reader_alloc(r, sizeof *f);
            f->module = name;
            f->name = heads[i].name;
            f->arity = heads[i].arity;
            f->file = file;
            f->next_in_module = m->functions;
            m->functions = f;
        }
        f->nregs = heads[i].nregs;
        f->nfree = heads[i].nfree;
        f->exported = heads[i].flags & 1;
        f->is_macro = (heads[i].flags >> 1) & 1;
        f->defined = (heads[i].flags >> 2) & 1;
        fns[i] = f;
    }
    for (size_t i = 0; i < nfns && !r->failed; i++) get_code(r, m, fns[i], fns, nfns, file);
    free(heads);
    free(fns);
    return r->failed ? NULL : m;
}

bool image_load_blob(const uint8_t *bytes, size_t length, const char *file)
{
    if (length < 4 || memcmp(bytes, IMAGE_MAGIC, 4)) return false;
    Reader r = {bytes + 4, bytes + length, NULL, 0, literal_heap(), NULL, NULL, false};
    r.natoms = (size_t)get_num(&r);
    if (r.failed || (size_t)(r.end - r.at) < r.natoms) return false;
    r.atoms = xmalloc((r.natoms + 1) * sizeof *r.atoms);
    for (size_t i = 0; i < r.natoms; i++) {
        size_t n;
        const uint8_t *text = get_bytes(&r, &n);
        r.atoms[i] = atom_intern((const char *)text, n);
    }
    size_t nmodules = (size_t)get_num(&r);
    Module **modules = xmalloc((nmodules + 1) * sizeof *modules);
    size_t got = 0;
    while (got < nmodules && !r.failed) {
        Module *m = get_module(&r, file);
        if (m) modules[got++] = m;
    }
    bool ok = !r.failed && r.at == r.end;
    /* all or nothing: a damaged blob installs no module */
    if (ok)
        for (size_t i = 0; i < got; i++) module_install(modules[i]);
    free(modules);
    free(r.atoms);
    return ok;
}

bool image_load(const char *path, const char *text, size_t length)
{
    if (getenv("GENLAB_NO_IMAGE")) return false;
    for (const EmbeddedImage *e = embedded_image; e->path; e++)
        if (!strcmp(e->path, path))
            return e->source_hash == image_source_hash(text, length) && image_load_blob(e->bytes, e->length, path);
    return false;
}
