/* vm.c - the interpreter loop.
 *
 * Registers of the running function are regs[base ...]; a call pushes a
 * Frame and moves base up to the first argument, a return pops it. Nothing
 * here recurses in C per Elixir call, so a process can stop at any
 * instruction boundary and resume later.
 */
#include "vm.h"

#include <stdlib.h>

#include "atom.h"
#include "compare.h"
#include "binary.h"
#include "code_region.h"
#include "compile_run.h"
#include "fatal.h"
#include "gc.h"
#include "integer.h"
#include "library_frames.h"
#include "map.h"
#include "pool.h"
#include "sched.h"
#include "trace.h"

const uint8_t opcode_operand_count[OP__COUNT] = {
#define OP(name, n) n,
#include "opcodes.def"
#undef OP
};

const char *const opcode_names[OP__COUNT] = {
#define OP(name, n) #name,
#include "opcodes.def"
#undef OP
};

static void vm_state_create(Process *p)
{
    /* small to start, in the process's block: a million idle processes
     * must fit (registers and frames grow on demand) */
    VmState *vm = &p->vm_block;
    vm_state_init(vm);
    for (size_t i = 0; i < vm->regs_cap; i++) vm->regs[i] = TERM_NIL;
    vm->mbox_tail = &vm->mbox_head;
    vm->mbox_save = &vm->mbox_head;
    vm->result = TERM_NIL;
    size_t max = process_default_max_heap();
    vm->max_heap_words = max > UINT32_MAX ? UINT32_MAX : (uint32_t)max;
    p->vm = vm;
}

/* p's interpreter state, made on first use (every slice asks: inline) */
static inline VmState *vm_state(Process *p)
{
    if (__builtin_expect(!p->vm, 0)) vm_state_create(p);
    return p->vm;
}

void vm_mailbox_mark(Process *p, uint64_t ref_id)
{
    VmState *vm = vm_state(p);
    vm->mark_ref = ref_id;
    vm->mark_last = vm->mbox_tail == &vm->mbox_head ? NULL : (Message *)(void *)vm->mbox_tail;
}

void vm_mailbox_remove(VmState *vm, Message **link)
{
    Message *m = *link;
    *link = m->next;
    if (vm->mbox_tail == &m->next) vm->mbox_tail = link;
    /* the marker follows its message's predecessor (next is the first
     * field, so a link that is not the head is that message) */
    if (vm->mark_last == m) vm->mark_last = link == &vm->mbox_head ? NULL : (Message *)(void *)link;
    process_message_free(m);
    vm->mbox_len--;
}

/* Words a process holds: its heap, registers and frames, as the BEAM's
 * max_heap_size counts heap and stack together. */
static size_t process_words(const Process *p)
{
    const VmState *vm = p->vm;
    return p->heap.capacity_words + vm->regs_cap + vm->frames_cap * (sizeof(Frame) / sizeof(Term));
}

/* Ends the running process when it has grown past its max_heap_size. */
static void heap_limit_check(Process *p)
{
    size_t max = p->vm->max_heap_words;
    /* outside a slice (vm_prepare_call, from the host) no process can end
     * here: its first call in the slice checks again */
    if (max && process_words(p) > max && rt->heap_failure.jump) heap_fail(HEAP_FAIL_LIMIT);
}

static void regs_grow(Process *p, size_t needed)
{
    VmState *vm = p->vm;
    size_t cap = vm->regs_cap * 2, old = vm->regs_cap;
    while (cap < needed) cap *= 2;
    if (alloc_injected_failure() || !vm_regs_resize(vm, cap)) alloc_failed(cap * sizeof(Term));
    for (size_t i = old; i < cap; i++) vm->regs[i] = TERM_NIL;
    heap_limit_check(p);
}

/* Every call checks its registers: the check is inline, growing is not. */
static inline void regs_reserve(Process *p, size_t needed)
{
    if (__builtin_expect(needed > p->vm->regs_cap, 0)) regs_grow(p, needed);
}

/* A process whose registers were cut to the live ones while it waited
 * (vm_registers_in_use) gets room for its function's window and its
 * callers' again before it runs. */
static void regs_untrim(Process *p)
{
    VmState *vm = p->vm;
    vm->regs_trimmed = false;
    if (!vm->fn) return;
    size_t need = vm->base + vm->fn->nregs + vm->fn->nfree;
    for (size_t i = 0; i < vm->nframes; i++) {
        const Frame *fr = &vm->frames[i];
        if (fr->fn && fr->base + fr->fn->nregs > need) need = fr->base + fr->fn->nregs;
    }
    regs_reserve(p, need);
}

static void frame_grow(Process *p)
{
    VmState *vm = p->vm;
    size_t cap = vm->frames_cap * 2;
    vm->frames_cap = cap;
    size_t max = vm->max_heap_words;
    bool over = max && process_words(p) > max;
    vm->frames_cap = cap / 2;
    /* the process ends with its frames as they were */
    if (over) heap_fail(HEAP_FAIL_LIMIT);
    if (alloc_injected_failure() || !vm_frames_resize(vm, cap)) alloc_failed(cap * sizeof(Frame));
}

static inline Frame *frame_push(Process *p)
{
    VmState *vm = p->vm;
    if (__builtin_expect(vm->nframes == vm->frames_cap, 0)) frame_grow(p);
    return &vm->frames[vm->nframes++];
}

/* ---- threaded code ------------------------------------------------------
 * The first time a function is entered, each opcode word of its code is
 * replaced by the address of the instruction's handler, so that the
 * dispatch is one indirect jump through the code itself (no table). */

static const void *vm_handlers[OP__COUNT]; /* filled by vm_run_slice(NULL, 0) */
static VmStatus vm_run_slice(Process *p, long budget);

static void vm_thread(Function *f)
{
    if (!vm_handlers[0]) vm_run_slice(NULL, 0);
    for (size_t pc = 0; pc < f->code_len;) {
        Opcode op = (Opcode)f->code[pc];
        f->code[pc] = (Code)vm_handlers[op];
        pc += 1 + (size_t)opcode_operand_count[op];
    }
    f->threaded = true;
}

static inline void vm_entering(Function *f)
{
    if (__builtin_expect(!f->threaded, 0)) vm_thread(f);
}

Opcode vm_code_opcode(const Function *f, size_t pc)
{
    Code w = f->code[pc];
    if (!f->threaded) return (Opcode)w;
    for (int op = 0; op < OP__COUNT; op++)
        if ((Code)vm_handlers[op] == w) return (Opcode)op;
    return OP__COUNT;
}

void vm_prepare_call(Process *p, Function *fn, const Term *args, uint32_t nargs)
{
    vm_entering(fn);
    VmState *vm = vm_state(p);
    vm->nframes = 0;
    vm->nhandlers = 0;
    vm->base = 0;
    regs_reserve(p, fn->nregs + nargs + 1);
    for (uint32_t i = 0; i < nargs; i++) vm->regs[i] = args[i];
    vm->fn = fn;
    vm->pc = fn->code;
}

/* ---- stack traces ------------------------------------------------------ */

static Term charlist_from_cstr(Heap *h, const char *s)
{
    size_t n = strlen(s);
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) list = cons_new(h, small_make((unsigned char)s[i]), list);
    return list;
}

/* The entry of f stopped at pc, or TERM_NONE for a library helper that
 * Elixir's compiler inlines into its caller: *inlined_line then holds the
 * line its caller's entry shows (library_frames.h), which the next call
 * passes as inlined_line (0: none). */
static Term stack_entry(Heap *h, const Function *f, const Code *pc, Term args_or_arity, uint32_t *inlined_line)
{
    Term meta = TERM_NIL, name = f->name;
    uint32_t line = pc ? function_line_at(f, (size_t)(pc - f->code)) : 0;
    const char *file = f->file;
    LibraryFrame lib;
    if (library_frame(f->module, f->name, f->arity, f->file, line, &lib)) {
        /* the library shows where Elixir's own is (library_frames.h) */
        if (lib.inlined) {
            *inlined_line = lib.line;
            return TERM_NONE;
        }
        name = lib.name;
        file = lib.file;
        line = *inlined_line ? *inlined_line : lib.line;
        /* a fn's captured values count in its arity (frame_arity) */
        if (term_is_small(args_or_arity)) args_or_arity = small_make(lib.arity + (uint32_t)small_value(args_or_arity) - f->arity);
    }
    *inlined_line = 0;
    if (file) {
        Term file_kv = tuple2(h, ATOM_file, charlist_from_cstr(h, file));
        Term line_kv = tuple2(h, ATOM_line, small_make(line));
        meta = line ? list_from(h, 2, (Term[]){file_kv, line_kv}) : list_from(h, 1, &file_kv);
    }
    if (f->name == atom_from_cstr("__MODULE__") && term_is_small(args_or_arity)) args_or_arity = small_make(1); /* a module body */
    return tuple4(h, f->module, name, args_or_arity, meta);
}

/* The arity a frame shows: a fn's counts the variables it captured, as
 * the BEAM's lambda-lifted function takes them after the arguments
 * ("anonymous fn/2 in M.f/1" for fn y -> x + y end). */
static uint32_t frame_arity(const Function *f) { return f->arity + f->nfree; }

/* A fn typed at the shell's prompt. IEx runs it in erl_eval, so it has no
 * frame of its own: where it raised itself, erl_eval's apply is on top of
 * the trace; where it called something that raised, nothing shows of it. */
static bool shell_lambda(const Function *f)
{
    return f->file && !strcmp(f->file, "iex") && term_is_atom(f->name) && atom_text(f->name)[0] == '-';
}

#define STACKTRACE_DEPTH 8

/* Under `elixir FILE.exs` a script's top level runs from Elixir's
 * compiler, whose frames a stack trace taken in it goes on with (up to
 * its cap): the whole of __STACKTRACE__, a crash report's client. Kernel.CLI
 * leaves the compiler's own out when it prints an uncaught error, so that
 * only Code.require_file/2 may show (genlab_support.ex's format_error). */
static size_t script_frames(Heap *h, Term *entries, size_t count, size_t cap)
{
    static const struct {
        const char *module, *name;
        int arity;
        const char *file;
        int line;
    } below[] = {
        {"elixir_compiler", "dispatch", 4, "src/elixir_compiler.erl", 65},
        {"elixir_compiler", "compile", 3, "src/elixir_compiler.erl", 50},
        {"elixir_lexical", "run", 3, "src/elixir_lexical.erl", 15},
        {"elixir_compiler", "quoted", 3, "src/elixir_compiler.erl", 17},
        {"Elixir.Module.ParallelChecker", "verify", 1, "lib/module/parallel_checker.ex", 100},
        {"Elixir.Code", "require_file", 2, "lib/code.ex", 1245},
    };
    for (size_t i = 0; i < sizeof below / sizeof below[0] && count < cap; i++) {
        Term where = list_from(h, 2, (Term[]){tuple2(h, ATOM_file, charlist_from_cstr(h, below[i].file)), tuple2(h, ATOM_line, small_make(below[i].line))});
        entries[count++] = tuple4(h, atom_from_cstr(below[i].module), atom_from_cstr(below[i].name), small_make(below[i].arity), where);
    }
    return count;
}

/* The frames, newest first; under_bif when a BIF's entry goes on top;
 * without the running function's own when it left its frame to a tail
 * call (past_tail_call: see native_tail_frame). */
static Term stacktrace_of(Process *p, bool under_bif, bool past_tail_call)
{
    VmState *vm = p->vm;
    Heap *h = &p->heap;
    if (!vm || !vm->fn) return TERM_NIL;
    size_t n = vm->nframes;
    Term *entries = xmalloc((n + 1 + STACKTRACE_DEPTH) * sizeof(Term));
    size_t count = 0;
    uint32_t inlined_line = 0;
    if (past_tail_call) {
        /* no frame of its own */
    } else if (!shell_lambda(vm->fn)) {
        Term e = stack_entry(h, vm->fn, vm->pc, small_make(frame_arity(vm->fn)), &inlined_line);
        if (e != TERM_NONE) entries[count++] = e;
    }
    else if (!under_bif) {
        Term where = list_from(h, 2, (Term[]){tuple2(h, ATOM_file, charlist_from_cstr(h, "erl_eval.erl")), tuple2(h, ATOM_line, small_make(742))});
        entries[count++] = tuple4(h, atom_from_cstr("erl_eval"), atom_from_cstr("do_apply"), small_make(7), where);
    }
    /* As the BEAM's (backtrace_depth 8): at most 8 entries, a BIF's own
     * among them, and a return address the same as the one before it (a
     * recursion's) only once. */
    size_t cap = under_bif ? STACKTRACE_DEPTH - 1 : STACKTRACE_DEPTH;
    const Code *last_return = NULL;
    for (size_t i = n; i-- > 0 && count < cap;) {
        /* Frame i records the caller (fn) and where it resumes. */
        Frame *fr = &vm->frames[i];
        if (!fr->fn || shell_lambda(fr->fn) || fr->return_pc == last_return) continue;
        last_return = fr->return_pc;
        Term e = stack_entry(h, fr->fn, fr->return_pc - 1, small_make(frame_arity(fr->fn)), &inlined_line);
        if (e != TERM_NONE) entries[count++] = e;
    }
    if (rt->script_pid && p->pid == rt->script_pid) count = script_frames(h, entries, count, cap);
    Term list = list_from(h, count, entries);
    free(entries);
    return list;
}

Term vm_stacktrace(Process *p) { return stacktrace_of(p, false, false); }

/* ---- the loop ------------------------------------------------------------- */

/* The stack trace of an exception raised by a BIF: the call itself on top,
 * with its arguments and error_info (which Exception.normalize reads to
 * word "errors were found at the given arguments"), then the frames. A
 * stack trace the native supplied itself (erlang:raise/3) is kept. */
/* The OTP module that explains a BIF's errors (error_info's :module):
 * its application's, stdlib's or kernel's, else erts's. */
static Term error_info_module(Term module)
{
    const char *app = native_module_application(module);
    if (app && !strcmp(app, "stdlib")) return atom_from_cstr("erl_stdlib_errors");
    if (app && !strcmp(app, "kernel")) return atom_from_cstr("erl_kernel_errors");
    return atom_from_cstr("erl_erts_errors");
}

/* erlang:error/1,2,3, exit/1 and throw/1 raise in their caller's frame:
 * no entry of their own; error/2,3 put their arguments in the caller's
 * entry instead of its arity. */
static bool raises_in_caller(Term module, Term name)
{
    return module == ATOM_erlang && (name == ATOM_error || name == ATOM_exit || name == ATOM_throw);
}

static Term caller_stack(Process *p, Term name, uint32_t nargs, const Term *args)
{
    Heap *h = &p->heap;
    Term st = stacktrace_of(p, false, false);
    if (name != ATOM_error || nargs < 2 || !term_is_cons(st) || !term_is_list(args[1])) return st;
    Term top = cons_head(st);
    if (!term_is_tuple(top) || tuple_size(top) != 4) return st;
    Term entry = tuple4(h, tuple_get(top, 0), tuple_get(top, 1), args[1], tuple_get(top, 3));
    return cons_new(h, entry, cons_tail(st));
}

/* A native that stands for a function written in Elixir or Erlang (not
 * a BIF of the BEAM's): called in tail position, it leaves no frame of
 * its caller, as that function's code would not (String.upcase/1's
 * FunctionClauseError shows no frame of the def that called it last). A
 * BIF runs in its caller's frame whatever its position. */
static bool native_tail_frame(Term module, bool tail)
{
    if (!tail || !term_is_atom(module)) return false;
    return !strncmp(atom_text(module), "Elixir.", 7);
}

/* The stack trace of a native that failed: called in tail position or
 * not. A native may give the entry of its own to put on top
 * (bif_clause_as: [entry | :genlab_vm_frames]) or its whole stack trace. */
static Term bif_stack(Process *p, Term module, Term name, uint32_t nargs, const Term *args, bool tail)
{
    bool past_tail = native_tail_frame(module, tail);
    Term given = p->exc_stacktrace;
    if (term_is_cons(given) && cons_tail(given) == atom_from_cstr("genlab_vm_frames"))
        return cons_new(&p->heap, cons_head(given), stacktrace_of(p, false, past_tail));
    if (term_is_cons(given)) return given;
    if (raises_in_caller(module, name)) return caller_stack(p, name, nargs, args);
    Heap *h = &p->heap;
    Term st = stacktrace_of(p, true, past_tail);
    if (p->exc_class != ATOM_error) return st;
    Term info_map = map_from_pairs(h, 1, (Term[]){atom_from_cstr("module")}, (Term[]){error_info_module(module)});
    if (p->exc_why) native_blame_record(module, name, nargs, args, p->exc_arg, p->exc_why); /* for format_error */
    Term meta = list_from(h, 1, (Term[]){tuple2(h, atom_from_cstr("error_info"), info_map)});
    /* Elixir code matching no clause is no BIF: no error_info (String.length(1)) */
    if (p->exc_reason == ATOM_function_clause && native_tail_frame(module, true)) meta = TERM_NIL;
    LibraryFrame lib;
    if (library_frame_native(module, name, nargs, &lib)) {
        /* a native standing for Elixir code shows where that code is */
        Term file_kv = tuple2(h, ATOM_file, charlist_from_cstr(h, lib.file));
        meta = cons_new(h, file_kv, cons_new(h, tuple2(h, ATOM_line, small_make(lib.line)), meta));
    }
    Term entry = tuple4(h, module, name, list_from(h, nargs, args), meta);
    return cons_new(h, entry, st);
}

/* The stack trace of Kernel.raise/1: the raising function's entry says
 * error_info: %{module: Exception} after its file and line (Elixir's raise
 * is :erlang.error(exception, :none, error_info: ...)). */
static Term kernel_raise_stack(Process *p)
{
    Heap *h = &p->heap;
    Term st = stacktrace_of(p, false, false);
    if (!term_is_cons(st)) return st;
    Term top = cons_head(st);
    if (!term_is_tuple(top) || tuple_size(top) != 4) return st;
    Term info = map_from_pairs(h, 1, (Term[]){atom_from_cstr("module")}, (Term[]){atom_from_cstr("Elixir.Exception")});
    Term extra = list_from(h, 1, (Term[]){tuple2(h, atom_from_cstr("error_info"), info)});
    Term meta = tuple_get(top, 3);
    size_t n = 0;
    for (Term l = meta; term_is_cons(l); l = cons_tail(l)) n++;
    Term *items = xmalloc((n + 1) * sizeof *items);
    n = 0;
    for (Term l = meta; term_is_cons(l); l = cons_tail(l)) items[n++] = cons_head(l);
    Term joined = extra;
    for (size_t i = n; i-- > 0;) joined = cons_new(h, items[i], joined);
    free(items);
    Term entry = tuple4(h, tuple_get(top, 0), tuple_get(top, 1), tuple_get(top, 2), joined);
    return cons_new(h, entry, cons_tail(st));
}

/* apply(mod, fun, args) with a module or name that is not an atom, or
 * args not a list: error:badarg blaming that argument, as erlang:apply/3
 * reports it. */
static void apply_badarg(Process *p, Term mod, Term name, Term args)
{
    if (!term_is_atom(mod)) process_badarg_at(p, 1, "not an atom");
    else if (!term_is_atom(name)) process_badarg_at(p, 2, "not an atom");
    else process_badarg_at(p, 3, term_is_list(args) ? "not a proper list" : "not a list");
}

static Term error_tuple(Process *p, Term tag, Term value) { return tuple2(&p->heap, tag, value); }

/* (inline: TEST_TYPE is on every call path, is_pid and is_atom guards) */
static inline __attribute__((always_inline)) bool type_matches(Term t, TypeTest type)
{
    switch (type) {
    case TYPE_ATOM: return term_is_atom(t);
    case TYPE_BINARY: return term_is_binary(t);
    case TYPE_BITSTRING: return term_is_bitstring(t);
    case TYPE_BOOLEAN: return term_is_boolean(t);
    case TYPE_FLOAT: return term_is_float(t);
    case TYPE_FUNCTION: return term_is_fun(t);
    case TYPE_INTEGER: return term_is_integer(t);
    case TYPE_LIST: return term_is_list(t);
    case TYPE_MAP: return term_is_map(t);
    case TYPE_NUMBER: return term_is_number(t);
    case TYPE_PID: return term_is_pid(t);
    case TYPE_REFERENCE: return term_is_ref(t);
    case TYPE_TUPLE: return term_is_tuple(t);
    case TYPE_NIL_OR_FALSE: return t == ATOM_nil || t == ATOM_false;
    }
    return false;
}

static int fun_arity(Term f)
{
    Term *obj = boxed_ptr(f);
    if (header_type(obj[0]) == BOX_EXPORT) return (int)small_value(obj[3]);
    return (int)((FunInfo *)(uintptr_t)obj[1])->fn->arity;
}

/* Why a segment of <<>> construction failed: its number (from 1; 0 when
 * no segment is to blame), its type, and what went wrong ("type", "size",
 * "unit" or "short") with which value, as OTP 25's error_info cause. */
typedef struct BsFail {
    uint32_t seg;
    uint8_t type; /* SegType */
    const char *kind;
    Term value;
} BsFail;

static void bs_fail_segment(BsFail *why, uint32_t i, const BinSeg *s, Term v, size_t bits)
{
    why->seg = i + 1;
    why->type = s->type;
    why->value = v;
    why->kind = "type";
    if ((s->type == SEG_BINARY || s->type == SEG_BITS) && term_is_bitstring(v))
        why->kind = bits == SIZE_MAX && s->type == SEG_BINARY ? "unit" : "short";
}

/* Builds the binary of a <<>> construction; false (and why) if a segment fails. */
static bool bs_build(Process *p, const BinSpec *spec, const Term *r, size_t first, Term *out, BsFail *why)
{
    BinBuilder b;
    binbuild_init(&b);
    bool ok = true;
    /* <<acc::binary, ...>> appends to acc, in place when it can */
    Term left = TERM_NONE;
    if (spec->nsegs > 1 && spec->segs[0].type == SEG_BINARY && !spec->segs[0].size_in_reg &&
        spec->segs[0].size == SIZE_MAX && term_is_binary(r[first]))
        left = r[first];
    for (uint32_t i = left != TERM_NONE; ok && i < spec->nsegs; i++) {
        const BinSeg *s = &spec->segs[i];
        Term v = r[first + i];
        size_t size = s->size;
        if (s->size_in_reg) {
            Term sz = r[s->size];
            if (!term_is_small(sz) || small_value(sz) < 0) {
                *why = (BsFail){i + 1, s->type, "size", sz};
                ok = false;
                break;
            }
            size = (size_t)small_value(sz);
        }
        size_t bits = size == SIZE_MAX ? SIZE_MAX : size * s->unit;
        switch (s->type) {
        case SEG_INTEGER: ok = binbuild_integer(&b, v, bits == SIZE_MAX ? 8 : bits, s->little, s->is_signed); break;
        case SEG_FLOAT: ok = binbuild_float(&b, v, bits == SIZE_MAX ? 64 : bits, s->little); break;
        case SEG_BINARY: ok = term_is_bitstring(v) && (bits != SIZE_MAX || term_is_binary(v)) && binbuild_bits(&b, v, bits); break;
        case SEG_BITS: ok = term_is_bitstring(v) && binbuild_bits(&b, v, bits); break;
        case SEG_UTF8: ok = binbuild_utf8(&b, v); break;
        case SEG_UTF16: ok = binbuild_utf16(&b, v, s->little); break;
        case SEG_UTF32: ok = binbuild_utf32(&b, v, s->little); break;
        }
        if (!ok) bs_fail_segment(why, i, s, v, bits);
    }
    if (ok) *out = left != TERM_NONE ? binbuild_append(&b, left, &p->heap) : binbuild_finish(&b, &p->heap);
    if (ok && *out == TERM_NONE) ok = false;
    binbuild_free(&b);
    return ok;
}

/* The stack of a failed construction. Compiled code blames the segment in
 * its frame's error_info (erl_erts_errors:format_bs_fail explains it). The
 * shell's code runs in erl_eval, which builds a binary segment with
 * erlang:bit_size/1, so that BIF is blamed there, and a misfit size is a
 * plain badarg. */
static Term bs_fail_stack(Process *p, const Function *fn, const BsFail *why)
{
    Heap *h = &p->heap;
    static const char *const type_names[] = {
        [SEG_INTEGER] = "integer", [SEG_FLOAT] = "float", [SEG_BINARY] = "binary", [SEG_BITS] = "binary",
        [SEG_UTF8] = "utf8",       [SEG_UTF16] = "utf16", [SEG_UTF32] = "utf32",
    };
    if (!why->seg) return stacktrace_of(p, false, false);
    bool bits_type = why->type == SEG_BINARY || why->type == SEG_BITS;
    if (fn->file && !strcmp(fn->file, "iex") && bits_type) {
        if (strcmp(why->kind, "type") != 0) return stacktrace_of(p, false, false);
        process_badarg_at(p, 1, "not a bitstring");
        return bif_stack(p, atom_from_cstr("erlang"), atom_from_cstr("bit_size"), 1, &why->value, false);
    }
    Term st = stacktrace_of(p, false, false);
    if (!term_is_cons(st) || !term_is_tuple(cons_head(st)) || tuple_size(cons_head(st)) != 4) return st;
    Term cause = tuple4(h, small_make(why->seg), atom_from_cstr(type_names[why->type]), atom_from_cstr(why->kind), why->value);
    Term keys[3] = {atom_from_cstr("cause"), atom_from_cstr("function"), atom_from_cstr("module")};
    Term values[3] = {cause, atom_from_cstr("format_bs_fail"), atom_from_cstr("erl_erts_errors")};
    Term info = tuple2(h, atom_from_cstr("error_info"), map_from_pairs(h, 3, keys, values));
    Term top = cons_head(st), meta = tuple_get(top, 3);
    size_t n = 0;
    for (Term l = meta; term_is_cons(l); l = cons_tail(l)) n++;
    Term *items = xmalloc((n + 1) * sizeof(Term));
    n = 0;
    for (Term l = meta; term_is_cons(l); l = cons_tail(l)) items[n++] = cons_head(l);
    items[n++] = info;
    meta = list_from(h, n, items);
    free(items);
    top = tuple4(h, tuple_get(top, 0), tuple_get(top, 1), tuple_get(top, 2), meta);
    return cons_new(h, top, cons_tail(st));
}

static bool bs_match(Process *p, const BinSpec *spec, Term subject, Term *r, size_t first)
{
    if (!term_is_bitstring(subject)) return false;
    size_t offset = 0, total = bitstring_bit_size(subject);
    for (uint32_t i = 0; i < spec->nsegs; i++) {
        const BinSeg *s = &spec->segs[i];
        size_t size = s->size;
        if (s->size_in_reg) {
            Term sz = r[s->size];
            if (!term_is_small(sz) || small_value(sz) < 0) return false;
            size = (size_t)small_value(sz);
        }
        size_t bits = size == SIZE_MAX ? SIZE_MAX : size * s->unit;
        Term v;
        bool ok;
        switch (s->type) {
        case SEG_INTEGER: ok = binmatch_integer(&p->heap, subject, &offset, bits == SIZE_MAX ? 8 : bits, s->little, s->is_signed, &v); break;
        case SEG_FLOAT: ok = binmatch_float(&p->heap, subject, &offset, bits == SIZE_MAX ? 64 : bits, s->little, &v); break;
        case SEG_BINARY:
            if (bits == SIZE_MAX && (total - offset) % 8) return false;
            ok = binmatch_bits(&p->heap, subject, &offset, bits, &v);
            break;
        case SEG_BITS: ok = binmatch_bits(&p->heap, subject, &offset, bits, &v); break;
        case SEG_UTF8: ok = binmatch_utf8(subject, &offset, &v); break;
        case SEG_UTF16: ok = binmatch_utf16(subject, &offset, s->little, &v); break;
        case SEG_UTF32: ok = binmatch_utf32(subject, &offset, s->little, &v); break;
        default: ok = false;
        }
        if (!ok) return false;
        if (s->literal != TERM_NONE && !term_exact_equal(v, s->literal)) return false;
        r[first + i] = v;
    }
    return offset == total;
}

#define GC_CHECK(top)                                       \
    do {                                                    \
        if (gc_due(p)) {                                    \
            gc_collect(p, (top));                           \
            heap_limit_check(p);                            \
            r = vm->regs + base;                            \
        }                                                   \
    } while (0)

/* A slice, with what natives charged (native_charge) counted: the VM
 * takes it off the slice after each native call it makes; what natives it
 * did not call itself charged (a host call's) is added here. */
static VmStatus vm_run_charged(Process *p, long budget)
{
    native_charged = 0;
    VmStatus st = vm_run_slice(p, budget);
    p->reductions += native_charged;
    native_charged = 0;
    return st;
}

VmStatus vm_run(Process *p, long budget)
{
    /* An allocation that fails inside the slice (max_heap_size, or no
     * memory left) jumps back here and ends this process only. */
    HeapJumpBuf jump;
    Process *volatile asking = p;
    /* (set here, not through heap_set_failure_jump: this runs on every
     * slice) */
    HeapFailureJump outer = rt->heap_failure;
    rt->heap_failure = (HeapFailureJump){&jump, &p->heap, &vm_state(p)->max_heap_words};
    if (heap_jump_set(jump)) {
        /* (asking, not p: p written after the setjmp may be clobbered) */
        Process *q = asking;
        rt->heap_failure = outer;
        q->heap_killed = (uint8_t)heap_failure_why();
        q->exit_pending = true;
        q->exit_reason = ATOM_killed;
        return VM_KILLED;
    }
    VmStatus st = vm_run_charged(p, budget);
    rt->heap_failure = outer;
    return st;
}

static VmStatus vm_run_slice(Process *p, long budget)
{
    static const void *const dispatch[OP__COUNT] = {
#define OP(name, n) &&L_##name,
#include "opcodes.def"
#undef OP
    };
    if (!p) {
        /* vm_thread asks for the handlers' addresses; each must be an
         * instruction's own (vm_code_opcode maps them back) */
        memcpy(vm_handlers, dispatch, sizeof dispatch);
        for (int i = 0; i < OP__COUNT; i++)
            for (int j = i + 1; j < OP__COUNT; j++)
                if (dispatch[i] == dispatch[j]) fatal("vm: %s and %s share a handler", opcode_names[i], opcode_names[j]);
        return VM_DONE;
    }
    VmState *vm = vm_state(p);
    Function *fn = vm->fn;
    const Code *pc = vm->pc;
    uint32_t base = vm->base;
    if (__builtin_expect(vm->regs_trimmed, 0)) regs_untrim(p);
    Term *r = vm->regs + base;
    long reductions = budget;
    Term class_, reason_, stack_;
    /* the call in progress, shared by every kind of call (see enter:) */
    Function *enter_fn = NULL;
    uint32_t enter_args = 0, enter_n = 0;
    uint32_t enter_dst = 0; /* where the result goes: the call's first register */
    Term ret_value;
    bool enter_tail = false;
    const Code *enter_ret = NULL;
    const Term *enter_free = NULL;
    size_t enter_nfree = 0;
    Term call_mod = ATOM_nil, call_name = ATOM_nil;
    NativeFn call_native = NULL;
    uint32_t call_arity = 0;
    Function *direct_fn; /* the callee of CALL, TAIL_CALL and resolved CALL_EXTs */
    bool map_update_op;  /* MAP_UPDATE (not MAP_PUT) */

#define NEXT() goto *(const void *)*pc
/* What a native charged for its work (native_charge) comes off the slice:
 * the next call or jump yields once it is spent. */
#define CHARGE_NATIVE()                                                   \
    if (__builtin_expect(native_charged != 0, 0)) {                \
        reductions -= (long)native_charged;                        \
        native_charged = 0;                                        \
    }

/* Saves where the process is, and counts the reductions it used so far. */
#define SAVE() (vm->fn = fn, vm->pc = pc, vm->base = base, p->reductions += (uint64_t)(budget - reductions), budget = reductions)
#define RAISE_NOW(cls, rsn) do { class_ = (cls); reason_ = (rsn); stack_ = TERM_NONE; goto do_raise; } while (0)
#define FAIL_OR_RAISE(label, cls, rsn) do { if (label) { pc = fn->code + (label); NEXT(); } RAISE_NOW(cls, rsn); } while (0)
/* An inline operator failed: jump to the guard's fail label, or raise.
 * Compiled module code shows no frame for + - * (as the BEAM's inline
 * arithmetic); top-level code calls the BIFs instead (see compile_arith). */
#define PENDING_OR_JUMP(label) do { if (label) { pc = fn->code + (label); NEXT(); } class_ = p->exc_class; reason_ = p->exc_reason; stack_ = TERM_NONE; goto do_raise; } while (0)

    NEXT();

L_MOVE:
    r[pc[1]] = r[pc[2]];
    pc += 3;
    NEXT();
L_MOVE2:
    r[pc[1]] = r[pc[2]];
    r[pc[3]] = r[pc[4]];
    pc += 5;
    NEXT();
L_LOADK:
    r[pc[1]] = (Term)pc[2];
    pc += 3;
    NEXT();
L_JUMP:
    pc = fn->code + pc[1];
    NEXT();
L_RETURN_K:
    ret_value = (Term)pc[1];
    goto return_value;
L_RETURN:
    ret_value = r[pc[1]];
return_value: {
    /* pops a frame, giving ret_value to the caller (or ends the process) */
    if (vm->nframes == 0) {
        vm->result = ret_value;
        SAVE();
        return VM_DONE;
    }
    Frame *fr = &vm->frames[--vm->nframes];
    fn = fr->fn;
    pc = fr->return_pc;
    base = fr->base;
    r = vm->regs + base;
    r[fr->dst] = ret_value;
    NEXT();
}
/* (With threaded code an instruction's handler cannot ask which opcode
 * it is running: a handler shared by two opcodes is entered through one
 * label per opcode that says.) */
L_CALL:
    /* A local call, the commonest: the frame is pushed here, without the
     * general path's bookkeeping (no captured values, no native). */
    direct_fn = (Function *)pc[1];
    if (__builtin_expect(!direct_fn->threaded, 0)) { enter_tail = false; goto call_general; } /* (threaded: defined) */
    goto push_frame;
L_TAIL_CALL:
    direct_fn = (Function *)pc[1];
    if (__builtin_expect(!direct_fn->threaded, 0)) { enter_tail = true; goto call_general; }
    goto replace_frame;
L_CALL_EXT:
    /* a remote call already resolved to Elixir code (since the last
     * module change): as a local one */
    direct_fn = ((ExtRef *)pc[1])->fn;
    if (__builtin_expect(!direct_fn || ((ExtRef *)pc[1])->seen_generation != rt->module_generation || !direct_fn->threaded, 0)) {
        enter_tail = false;
        goto call_ext_general;
    }
    goto push_frame;
L_TAIL_CALL_EXT:
    direct_fn = ((ExtRef *)pc[1])->fn;
    if (__builtin_expect(!direct_fn || ((ExtRef *)pc[1])->seen_generation != rt->module_generation || !direct_fn->threaded, 0)) {
        enter_tail = true;
        goto call_ext_general;
    }
    goto replace_frame;
/* A non-tail call of `callee` (threaded) whose arguments start at
 * register `args`, returning to `ret` with the result in register `dst`,
 * with `nfree` captured values from `free` after the arguments: the frame
 * is pushed here, without the general path's bookkeeping (enter:). */
#define PUSH_FRAME(callee, args, dst_reg, ret, nargs, free, nfree)          \
    do {                                                                    \
        if (__builtin_expect(vm->nframes == vm->frames_cap, 0)) frame_grow(p); \
        Frame *fr_ = &vm->frames[vm->nframes++];                            \
        fr_->fn = fn;                                                       \
        fr_->return_pc = (ret);                                             \
        fr_->base = base;                                                   \
        fr_->dst = (dst_reg);                                               \
        base += (args);                                                     \
        regs_reserve(p, base + (callee)->nregs + (nfree));                  \
        r = vm->regs + base;                                                \
        size_t nfree_ = (nfree);                                            \
        for (size_t i_ = 0; i_ < nfree_; i_++) r[(nargs) + i_] = (free)[i_]; \
        fn = (callee);                                                      \
        pc = (callee)->code;                                                \
        GC_CHECK(base + (callee)->nregs);                                   \
        if (__builtin_expect(--reductions <= 0, 0)) { SAVE(); return VM_YIELD; } \
        NEXT();                                                             \
    } while (0)
push_frame:
    /* calls direct_fn (threaded) with the pc[3] arguments from register
     * pc[2] on; a function's first call goes the general way (enter) */
    PUSH_FRAME(direct_fn, (uint32_t)pc[2], (uint32_t)pc[2], pc + 4, 0, (const Term *)NULL, 0);
replace_frame: {
    /* the compiler builds a tail call's arguments in place (a = 0) */
    uint32_t a = (uint32_t)pc[2], n = (uint32_t)pc[3];
    if (a)
        for (uint32_t i = 0; i < n; i++) r[i] = r[a + i];
    regs_reserve(p, base + direct_fn->nregs);
    r = vm->regs + base;
    fn = direct_fn;
    pc = direct_fn->code;
    GC_CHECK(base + direct_fn->nregs);
    if (__builtin_expect(--reductions <= 0, 0)) { SAVE(); return VM_YIELD; }
    NEXT();
}
call_general:
    enter_fn = (Function *)pc[1];
    enter_args = enter_dst = (uint32_t)pc[2];
    enter_n = (uint32_t)pc[3];
    enter_ret = pc + 4;
    enter_free = NULL;
    enter_nfree = 0;
    if (!enter_fn->defined) {
        SAVE();
        RAISE_NOW(ATOM_error, ATOM_undef);
    }
    goto enter;
call_ext_general: {
    ExtRef *ref = (ExtRef *)pc[1];
    call_mod = ref->module;
    call_name = ref->name;
    enter_args = enter_dst = (uint32_t)pc[2];
    enter_n = (uint32_t)pc[3];
    enter_ret = pc + 4;
    if (!extref_resolve(ref)) goto undefined;
    if (ref->native) {
        call_native = ref->native;
        call_arity = ref->arity;
        goto native;
    }
    enter_fn = ref->fn;
    enter_free = NULL;
    enter_nfree = 0;
    goto enter;
}
L_CALL_NATIVE: {
    ExtRef *ref = (ExtRef *)pc[1];
    Term v = ref->native(p, r + pc[2]);
    if (p->exit_pending) { SAVE(); return VM_KILLED; }
    CHARGE_NATIVE();
    if (v == TERM_CONTINUE) {
        enter_dst = (uint32_t)pc[4];
        enter_tail = false;
        enter_ret = pc + 6;
        goto continue_call;
    }
    if (v == TERM_NONE) {
        if (pc[5]) { pc = fn->code + pc[5]; NEXT(); }
        SAVE();
        class_ = p->exc_class;
        reason_ = p->exc_reason;
        /* in tail position the instruction after is the RETURN of its result */
        bool tail = pc[6] == (Code)vm_handlers[OP_RETURN] && pc[7] == pc[4];
        stack_ = ref->frameless ? TERM_NONE : bif_stack(p, ref->module, ref->name, ref->arity, r + pc[2], tail);
        goto do_raise;
    }
    r[pc[4]] = v;
    pc += 6;
    NEXT();
}
L_TRACE_SKIP:
    if (__builtin_expect(!trace_enabled(), 1)) {
        r[pc[1]] = ATOM_ok;
        pc = fn->code + pc[2];
        NEXT();
    }
    pc += 3;
    NEXT();
L_CALL_FUN: {
    /* a closure of this arity whose code has run before (Enum's
     * callbacks): its frame is pushed here */
    Term f = r[pc[1]];
    if (term_is_boxed(f) && header_type(boxed_ptr(f)[0]) == BOX_FUN) {
        Term *obj = boxed_ptr(f);
        Function *callee = ((FunInfo *)(uintptr_t)obj[1])->fn;
        if (callee->arity == pc[2] && callee->threaded)
            PUSH_FRAME(callee, (uint32_t)pc[1] + 1, (uint32_t)pc[1], pc + 3, pc[2], obj + 2, header_size(obj[0]) - 1);
    }
    enter_tail = false;
    goto call_fun_op;
}
L_TAIL_CALL_FUN:
    enter_tail = true;
call_fun_op:
    /* fun in r[a], arguments after it; the result goes to r[a] */
    enter_dst = (uint32_t)pc[1];
    enter_args = enter_dst + 1;
    enter_n = (uint32_t)pc[2];
    enter_ret = pc + 3;
    goto call_fun;
L_APPLY:
    enter_tail = false;
    goto apply_op;
L_TAIL_APPLY:
    enter_tail = true;
apply_op: {
    /* apply(fun, args) / apply(mod, fun, args): unpack the list into the
     * registers after the callee, then call as a fun or a remote call. */
    uint32_t a = (uint32_t)pc[1], kind = (uint32_t)pc[2];
    Term list = r[a + kind - 1];
    uint32_t n = 0;
    Term end = list;
    for (; term_is_cons(end); end = cons_tail(end)) n++;
    if (kind == 3 && (end != TERM_NIL || !term_is_atom(r[a]) || !term_is_atom(r[a + 1]))) {
        SAVE();
        apply_badarg(p, r[a], r[a + 1], list);
        class_ = p->exc_class;
        reason_ = p->exc_reason;
        stack_ = bif_stack(p, ATOM_erlang, atom_from_cstr("apply"), 3, r + a, false);
        goto do_raise;
    }
    if (end != TERM_NIL) {
        SAVE();
        RAISE_NOW(ATOM_error, ATOM_badarg);
    }
    regs_reserve(p, base + a + n + 3);
    r = vm->regs + base;
    enter_dst = a;
    enter_ret = pc + 3;
    enter_n = n;
    if (kind == 2) {
        Term l = list;
        for (uint32_t i = 0; i < n; i++, l = cons_tail(l)) r[a + 1 + i] = cons_head(l);
        enter_args = a + 1;
        goto call_fun;
    }
    call_mod = r[a];
    call_name = r[a + 1];
    Term l = list;
    for (uint32_t i = 0; i < n; i++, l = cons_tail(l)) r[a + 2 + i] = cons_head(l);
    enter_args = a + 2;
    goto call_mfa;
}

L_CALL_MFA:
    enter_tail = false;
    goto call_mfa_op;
L_TAIL_CALL_MFA:
    enter_tail = true;
call_mfa_op:
    /* apply(mod, fun, [args...]) with the list's length known: what
     * APPLY does, the arguments already in registers */
    if (!term_is_atom(r[pc[1]]) || !term_is_atom(r[pc[1] + 1])) {
        SAVE();
        apply_badarg(p, r[pc[1]], r[pc[1] + 1], TERM_NIL);
        class_ = p->exc_class;
        reason_ = p->exc_reason;
        Term mfa[3] = {r[pc[1]], r[pc[1] + 1], list_from(&p->heap, pc[2], r + pc[1] + 2)};
        stack_ = bif_stack(p, ATOM_erlang, atom_from_cstr("apply"), 3, mfa, false);
        goto do_raise;
    }
    enter_dst = (uint32_t)pc[1];
    enter_ret = pc + 3;
    enter_n = (uint32_t)pc[2];
    call_mod = r[enter_dst];
    call_name = r[enter_dst + 1];
    enter_args = enter_dst + 2;
    goto call_mfa;

call_fun: {
    /* The fun is in the register just below the arguments. */
    Term f = r[enter_args - 1];
    if (!term_is_fun(f)) {
        SAVE();
        RAISE_NOW(ATOM_error, error_tuple(p, ATOM_badfun, f));
    }
    if (fun_arity(f) != (int)enter_n) {
        SAVE();
        Term args = list_from(&p->heap, enter_n, r + enter_args);
        RAISE_NOW(ATOM_error, error_tuple(p, ATOM_badarity, tuple2(&p->heap, f, args)));
    }
    Term *obj = boxed_ptr(f);
    if (header_type(obj[0]) == BOX_EXPORT) {
        call_mod = obj[1];
        call_name = obj[2];
        goto call_mfa;
    }
    enter_fn = ((FunInfo *)(uintptr_t)obj[1])->fn;
    enter_free = obj + 2;
    enter_nfree = header_size(obj[0]) - 1;
    goto enter;
}

call_mfa: {
    /* A call resolved at run time: Mod.fun(args in r[enter_args...]). */
    const ExtRef *res = extref_resolve_dynamic(call_mod, call_name, enter_n);
    if (!res) goto undefined;
    if (res->native) {
        call_native = res->native;
        call_arity = enter_n;
        goto native;
    }
    enter_fn = res->fn;
    enter_free = NULL;
    enter_nfree = 0;
    goto enter;
}

undefined: {
    /* No such function: error:undef, naming the call on top of the trace. */
    Term args = list_from(&p->heap, enter_n, r + enter_args);
    SAVE();
    Term st = vm_stacktrace(p);
    stack_ = cons_new(&p->heap, tuple4(&p->heap, call_mod, call_name, args, TERM_NIL), st);
    class_ = ATOM_error;
    reason_ = ATOM_undef;
    goto do_raise;
}

native: {
    /* A native reached through a call: its result goes where the callee's
     * would, or returns from this function for a tail call. */
    Term v = call_native(p, r + enter_args);
    if (p->exit_pending) { SAVE(); return VM_KILLED; }
    CHARGE_NATIVE();
    if (v == TERM_CONTINUE) goto continue_call;
    if (v == TERM_NONE) {
        SAVE();
        class_ = p->exc_class;
        reason_ = p->exc_reason;
        stack_ = bif_stack(p, call_mod, call_name, call_arity, r + enter_args, enter_tail);
        goto do_raise;
    }
    if (enter_tail) {
        ret_value = v;
        goto return_value;
    }
    r[enter_dst] = v;
    pc = enter_ret;
    NEXT();
}

continue_call: {
    /* The native answered with a call to make in its place (see
     * native_continue): its arguments go above every register of this
     * function, then it is called as a fun or a remote call would be, with
     * the native call's destination, return point and tail position. */
    Term k = vm->cont;
    vm->cont = TERM_NIL;
    size_t kn = tuple_size(k);
    Term list = tuple_get(k, kn - 1);
    uint32_t n = 0;
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) n++;
    uint32_t a = fn->nregs;
    regs_reserve(p, base + a + n + 2);
    r = vm->regs + base;
    enter_n = n;
    if (kn == 2) {
        r[a] = tuple_get(k, 0);
        enter_args = a + 1;
    } else {
        call_mod = tuple_get(k, 0);
        call_name = tuple_get(k, 1);
        enter_args = a;
    }
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) r[enter_args++] = cons_head(l);
    enter_args -= n;
    if (kn == 2) goto call_fun;
    goto call_mfa;
}

enter: {
    /* Calls enter_fn with enter_n arguments at r[enter_args...] and
     * enter_nfree captured values after them. A tail call reuses this
     * frame; otherwise a frame returns to enter_ret with the result in the
     * call's first register. */
    uint32_t new_base;
    vm_entering(enter_fn);
    if (enter_tail) {
        if (enter_args)
            for (uint32_t i = 0; i < enter_n; i++) r[i] = r[enter_args + i];
        new_base = base;
    } else {
        Frame *fr = frame_push(p);
        fr->fn = fn;
        fr->return_pc = enter_ret;
        fr->base = base;
        fr->dst = enter_dst;
        new_base = base + enter_args;
    }
    regs_reserve(p, new_base + enter_fn->nregs + enter_nfree);
    base = new_base;
    r = vm->regs + base;
    /* captured values are copied after the arguments (no collection has
     * run since the fun was read, so enter_free is still valid) */
    for (size_t i = 0; i < enter_nfree; i++) r[enter_n + i] = enter_free[i];
    fn = enter_fn;
    pc = enter_fn->code;
    GC_CHECK(base + enter_fn->nregs);
    if (--reductions <= 0) { SAVE(); return VM_YIELD; }
    NEXT();
}
L_ADD: {
    Term x = r[pc[2]], y = r[pc[3]];
    int64_t s;
    if (term_is_small(x) && term_is_small(y) && !__builtin_add_overflow((int64_t)(x - TAG_SMALL), (int64_t)y, &s)) {
        r[pc[1]] = (Term)s;
        pc += 5;
        NEXT();
    }
    Term v = arith_add(p, x, y);
    if (v == TERM_NONE) { SAVE(); PENDING_OR_JUMP(pc[4]); }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_SUB: {
    Term x = r[pc[2]], y = r[pc[3]];
    int64_t s;
    if (term_is_small(x) && term_is_small(y) && !__builtin_sub_overflow((int64_t)x, (int64_t)(y - TAG_SMALL), &s)) {
        r[pc[1]] = (Term)s;
        pc += 5;
        NEXT();
    }
    Term v = arith_sub(p, x, y);
    if (v == TERM_NONE) { SAVE(); PENDING_OR_JUMP(pc[4]); }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_ADD_K: {
    /* k is a tagged small: untagging one side keeps the tag, and the
     * machine's overflow flag is exactly "the sum is not a small" */
    Term x = r[pc[2]], k = (Term)pc[3];
    int64_t s;
    if (term_is_small(x) && !__builtin_add_overflow((int64_t)(x - TAG_SMALL), (int64_t)k, &s)) {
        r[pc[1]] = (Term)s;
        pc += 5;
        NEXT();
    }
    Term v = arith_add(p, x, k);
    if (v == TERM_NONE) { SAVE(); PENDING_OR_JUMP(pc[4]); }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_SUB_K: {
    Term x = r[pc[2]], k = (Term)pc[3];
    int64_t s;
    if (term_is_small(x) && !__builtin_sub_overflow((int64_t)x, (int64_t)(k - TAG_SMALL), &s)) {
        r[pc[1]] = (Term)s;
        pc += 5;
        NEXT();
    }
    Term v = arith_sub(p, x, k);
    if (v == TERM_NONE) { SAVE(); PENDING_OR_JUMP(pc[4]); }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_MUL: {
    /* one operand untagged keeps the other's shift: the product of the
     * shifted value overflows exactly when the result is no small */
    Term x = r[pc[2]], y = r[pc[3]];
    int64_t s;
    if (term_is_small(x) && term_is_small(y) && !__builtin_mul_overflow(small_value(x), (int64_t)(y - TAG_SMALL), &s)) {
        r[pc[1]] = (Term)s + TAG_SMALL;
        pc += 5;
        NEXT();
    }
    Term v = arith_mul(p, x, y);
    if (v == TERM_NONE) { SAVE(); PENDING_OR_JUMP(pc[4]); }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_IS_LT: {
    Term x = r[pc[1]], y = r[pc[2]];
    bool lt = (term_is_small(x) && term_is_small(y)) ? (int64_t)x < (int64_t)y : term_compare(x, y) < 0;
    pc = lt ? pc + 4 : fn->code + pc[3];
    NEXT();
}
L_IS_GE: {
    Term x = r[pc[1]], y = r[pc[2]];
    bool ge = (term_is_small(x) && term_is_small(y)) ? (int64_t)x >= (int64_t)y : term_compare(x, y) >= 0;
    pc = ge ? pc + 4 : fn->code + pc[3];
    NEXT();
}
L_IS_EQ:
    pc = term_equal(r[pc[1]], r[pc[2]]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_IS_NE:
    pc = !term_equal(r[pc[1]], r[pc[2]]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_IS_EQ_EXACT:
    pc = term_exact_equal(r[pc[1]], r[pc[2]]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_IS_NE_EXACT:
    pc = !term_exact_equal(r[pc[1]], r[pc[2]]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_TEST_TRUE:
    pc = r[pc[1]] == ATOM_true ? pc + 3 : fn->code + pc[2];
    NEXT();
L_TEST_FALSE:
    pc = r[pc[1]] == ATOM_false ? pc + 3 : fn->code + pc[2];
    NEXT();
L_TEST_TRUTHY: {
    Term v = r[pc[1]];
    pc = (v == ATOM_nil || v == ATOM_false) ? fn->code + pc[2] : pc + 3;
    NEXT();
}
L_TEST_BOOLEAN: {
    Term v = r[pc[1]];
    if (term_is_boolean(v)) { pc += 4; NEXT(); }
    if (pc[2]) { pc = fn->code + pc[2]; NEXT(); }
    SAVE();
    RAISE_NOW(ATOM_error, tuple3(&p->heap, ATOM_badbool, (Term)pc[3], v));
}
L_TEST_TYPE:
    pc = type_matches(r[pc[1]], (TypeTest)pc[2]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_TEST_TUPLE: {
    Term v = r[pc[1]];
    pc = (term_is_tuple(v) && tuple_size(v) == pc[2]) ? pc + 4 : fn->code + pc[3];
    NEXT();
}
L_TEST_TAGGED: {
    Term v = r[pc[1]];
    pc = (term_is_tuple(v) && tuple_size(v) == pc[2] && tuple_get(v, 0) == (Term)pc[3]) ? pc + 5 : fn->code + pc[4];
    NEXT();
}
L_TEST_CONS:
    pc = term_is_cons(r[pc[1]]) ? pc + 3 : fn->code + pc[2];
    NEXT();
L_TEST_NIL:
    pc = r[pc[1]] == TERM_NIL ? pc + 3 : fn->code + pc[2];
    NEXT();
L_TEST_MAP:
    pc = term_is_map(r[pc[1]]) ? pc + 3 : fn->code + pc[2];
    NEXT();
L_TEST_EQ_K:
    pc = term_exact_equal(r[pc[1]], (Term)pc[2]) ? pc + 4 : fn->code + pc[3];
    NEXT();
L_TEST_EQ_IMM:
    pc = r[pc[1]] == (Term)pc[2] ? pc + 4 : fn->code + pc[3];
    NEXT();
L_GET_ELEM:
    r[pc[1]] = tuple_get(r[pc[2]], pc[3]);
    pc += 4;
    NEXT();
L_TEST_ELEM_IMM:
    pc = tuple_get(r[pc[1]], pc[2]) == (Term)pc[3] ? pc + 5 : fn->code + pc[4];
    NEXT();
L_GET_HEAD:
    r[pc[1]] = cons_head(r[pc[2]]);
    pc += 3;
    NEXT();
L_GET_TAIL:
    r[pc[1]] = cons_tail(r[pc[2]]);
    pc += 3;
    NEXT();
L_MAP_GET: {
    Term m = r[pc[2]], k = r[pc[3]];
    Term v = term_is_map(m) ? map_get_inline(m, k) : TERM_NONE;
    if (v == TERM_NONE) {
        if (pc[4]) { pc = fn->code + pc[4]; NEXT(); }
        SAVE();
        if (!term_is_map(m)) RAISE_NOW(ATOM_error, error_tuple(p, ATOM_badmap, m));
        RAISE_NOW(ATOM_error, tuple3(&p->heap, ATOM_badkey, k, m));
    }
    r[pc[1]] = v;
    pc += 5;
    NEXT();
}
L_MAP_FIELD: {
    Term m = r[pc[2]], k = (Term)pc[3];
    /* map.field on a term that is no map: Elixir's {:badkey, field, term} */
    Term v = term_is_map(m) ? map_get_inline(m, k) : TERM_NONE;
    if (v == TERM_NONE) { SAVE(); RAISE_NOW(ATOM_error, tuple3(&p->heap, ATOM_badkey, k, m)); }
    r[pc[1]] = v;
    pc += 4;
    NEXT();
}
L_MAKE_TUPLE:
    r[pc[1]] = tuple_from(&p->heap, pc[3], r + pc[2]);
    pc += 4;
    NEXT();
L_MAKE_TUPLE2: {
    Term *obj = heap_alloc(&p->heap, 3);
    obj[0] = header_make(BOX_TUPLE, 2);
    obj[1] = r[pc[2]];
    obj[2] = r[pc[3]];
    r[pc[1]] = boxed_from_ptr(obj);
    pc += 4;
    NEXT();
}
L_MAKE_TUPLE3: {
    Term *obj = heap_alloc(&p->heap, 4);
    obj[0] = header_make(BOX_TUPLE, 3);
    obj[1] = r[pc[2]];
    obj[2] = r[pc[3]];
    obj[3] = r[pc[4]];
    r[pc[1]] = boxed_from_ptr(obj);
    pc += 5;
    NEXT();
}
L_MAKE_CONS:
    r[pc[1]] = cons_new(&p->heap, r[pc[2]], r[pc[3]]);
    pc += 4;
    NEXT();
L_MAKE_MAP: {
    size_t n = pc[3];
    Term *kv = r + pc[2];
    Term *keys = xmalloc((n + 1) * sizeof(Term) * 2), *vals = keys + n + 1;
    for (size_t i = 0; i < n; i++) { keys[i] = kv[2 * i]; vals[i] = kv[2 * i + 1]; }
    r[pc[1]] = map_from_pairs(&p->heap, n, keys, vals);
    free(keys);
    pc += 4;
    NEXT();
}
L_MAP_PUT:
    map_update_op = false;
    goto map_put_op;
L_MAP_UPDATE:
    map_update_op = true;
map_put_op: {
    Term m = r[pc[2]];
    bool update = map_update_op;
    if (!term_is_map(m)) { SAVE(); RAISE_NOW(ATOM_error, error_tuple(p, ATOM_badmap, m)); }
    Term *kv = r + pc[3];
    for (size_t i = 0; i < pc[4]; i++) {
        Term next = map_put_present(&p->heap, m, kv[2 * i], kv[2 * i + 1]);
        if (next == TERM_NONE)
            next = update ? map_update(&p->heap, m, kv[2 * i], kv[2 * i + 1]) : map_put(&p->heap, m, kv[2 * i], kv[2 * i + 1]);
        /* OTP 25 reports a missing key of %{m | k: v} as {:badkey, k}. */
        if (next == TERM_NONE) { SAVE(); RAISE_NOW(ATOM_error, tuple2(&p->heap, ATOM_badkey, kv[2 * i])); }
        m = next;
    }
    r[pc[1]] = m;
    pc += 5;
    NEXT();
}
L_MAKE_FUN: {
    size_t nfree = pc[4];
    Term *obj = heap_alloc(&p->heap, 2 + nfree);
    obj[0] = header_make(BOX_FUN, 1 + nfree);
    obj[1] = (Term)pc[2];
    for (size_t i = 0; i < nfree; i++) obj[2 + i] = r[pc[3] + i];
    r[pc[1]] = boxed_from_ptr(obj);
    pc += 5;
    NEXT();
}
L_BS_BUILD: {
    Term out;
    BsFail why = {0, 0, NULL, TERM_NIL};
    if (!bs_build(p, (const BinSpec *)pc[2], r, pc[3], &out, &why)) {
        SAVE();
        class_ = ATOM_error;
        reason_ = ATOM_badarg;
        stack_ = bs_fail_stack(p, fn, &why);
        goto do_raise;
    }
    r[pc[1]] = out;
    pc += 5;
    NEXT();
}
L_BS_MATCH:
    pc = bs_match(p, (const BinSpec *)pc[2], r[pc[1]], r, pc[3]) ? pc + 5 : fn->code + pc[4];
    NEXT();
L_TRY: {
    if (vm->nhandlers == vm->handlers_cap) {
        size_t grown = vm->handlers_cap ? vm->handlers_cap * 2 : 4;
        if (alloc_injected_failure() || !vm_handlers_resize(vm, grown)) alloc_failed(grown * sizeof(Handler));
    }
    Handler *h = &vm->handlers[vm->nhandlers++];
    h->frame_depth = (uint32_t)vm->nframes;
    h->base = base;
    h->first_reg = (uint32_t)pc[2];
    h->pc = fn->code + pc[1];
    h->fn = fn;
    pc += 3;
    NEXT();
}
L_TRY_END:
    vm->nhandlers--;
    pc += 1;
    NEXT();
L_RAISE: {
    Term cls = r[pc[1]], rsn = r[pc[2]], st = r[pc[3]];
    SAVE();
    if (cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw) RAISE_NOW(ATOM_error, ATOM_badarg);
    class_ = cls;
    reason_ = rsn;
    stack_ = term_is_list(st) && st != TERM_NIL ? st : TERM_NONE;
    if (st == atom_from_cstr("genlab_kernel_raise")) stack_ = kernel_raise_stack(p);
    goto do_raise;
}
L_ERROR: {
    Term v = r[pc[2]];
    Term tag;
    SAVE();
    switch ((ErrorKind)pc[1]) {
    case ERR_BADMATCH: tag = ATOM_badmatch; break;
    case ERR_CASE_CLAUSE: tag = ATOM_case_clause; break;
    case ERR_WITH_CLAUSE: tag = ATOM_with_clause; break;
    case ERR_TRY_CLAUSE: tag = ATOM_try_clause; break;
    default: { /* ERR_COND_CLAUSE: Elixir raises the exception itself */
        Term keys[2] = {ATOM___exception__, ATOM___struct__};
        Term vals[2] = {ATOM_true, atom_from_cstr("Elixir.CondClauseError")};
        RAISE_NOW(ATOM_error, map_from_pairs(&p->heap, 2, keys, vals));
    }
    }
    RAISE_NOW(ATOM_error, error_tuple(p, tag, v));
}
L_FUNC_CLAUSE: {
    SAVE();
    Term args = list_from(&p->heap, fn->arity, r);
    Term st = vm_stacktrace(p);
    /* The top entry names the function with its arguments, as the BEAM does. */
    Term top = cons_head(st);
    Term entry = tuple4(&p->heap, fn->module, fn->name, args, tuple_get(top, 3));
    st = cons_new(&p->heap, entry, cons_tail(st));
    class_ = ATOM_error;
    reason_ = ATOM_function_clause;
    stack_ = st;
    goto do_raise;
}
L_RECV_PEEK: {
    Message *m = *vm->mbox_save;
    if (!m) { pc = fn->code + pc[2]; NEXT(); }
    r[pc[1]] = m->term;
    pc += 3;
    NEXT();
}
L_RECV_NEXT:
    vm->mbox_save = &(*vm->mbox_save)->next;
    pc = fn->code + pc[1];
    NEXT();
L_RECV_ACCEPT: {
    TRACE(trace_receive(pid_serial(p->pid), (*vm->mbox_save)->from, (*vm->mbox_save)->term, vm->mbox_len));
    vm_mailbox_remove(vm, vm->mbox_save);
    vm->mbox_save = &vm->mbox_head;
    if (p->wake_at != UINT64_MAX) process_cancel_receive_timeout(p); /* the receive is over */
    pc += 1;
    NEXT();
}
L_RECV_MARKED: {
    Term ref = r[pc[1]];
    if (vm->mark_ref && term_is_ref(ref) && (uint64_t)boxed_ptr(ref)[1] == vm->mark_ref)
        vm->mbox_save = vm->mark_last ? &vm->mark_last->next : &vm->mbox_head;
    pc += 2;
    NEXT();
}
L_RECV_WAIT: {
    if (p->woken) {
        /* the scheduler woke this wait (see ProcessWoken) */
        pc = p->woken == PROCESS_WOKEN_TIMEOUT ? fn->code + pc[2] : pc + 3;
        p->woken = PROCESS_WOKEN_NOT;
        NEXT();
    }
    Term t = r[pc[1]];
    /* the BEAM accepts :infinity or 0..2^32-1 milliseconds, nothing else */
    if (t != ATOM_infinity && !(term_is_small(t) && small_value(t) >= 0 && small_value(t) <= 0xFFFFFFFFLL))
        RAISE_NOW(ATOM_error, atom_from_cstr("timeout_value"));
    if (t == small_make(0)) {
        vm->mbox_save = &vm->mbox_head;
        if (p->wake_at != UINT64_MAX) process_cancel_receive_timeout(p);
        pc = fn->code + pc[2];
        NEXT();
    }
    /* Resume at the RECV_PEEK before this wait: the compiler places it at
     * the start of the receive loop, recorded as the instruction's operand
     * pair (timeout register, after label); the scheduler arms the
     * timeout and wakes us here again (see above). */
    vm->receive_timeout = t;
    p->receiving = true;
    SAVE();
    return VM_WAIT;
}
L_SELF:
    r[pc[1]] = p->pid;
    pc += 2;
    NEXT();

do_raise: {
    if (stack_ == TERM_NONE) {
        SAVE();
        stack_ = vm_stacktrace(p);
    }
    p->exc_class = class_;
    p->exc_reason = reason_;
    p->exc_stacktrace = stack_;
    if (vm->nhandlers == 0) {
        SAVE();
        return VM_ERROR;
    }
    Handler *h = &vm->handlers[--vm->nhandlers];
    vm->nframes = h->frame_depth;
    fn = h->fn;
    base = h->base;
    r = vm->regs + base;
    r[h->first_reg] = class_;
    r[h->first_reg + 1] = reason_;
    r[h->first_reg + 2] = stack_;
    /* caught: the registers hold it now; keep no stale root to it */
    p->exc_reason = TERM_NIL;
    p->exc_stacktrace = TERM_NIL;
    pc = h->pc;
    NEXT();
}
#undef NEXT
#undef SAVE
}

/* ---- continuations of natives ----------------------------------------------- */

Term native_continue(Process *p, Term module, Term name, uint32_t nargs, const Term *args)
{
    VmState *vm = vm_state(p);
    vm->cont = tuple3(&p->heap, module, name, list_from(&p->heap, nargs, args));
    return TERM_CONTINUE;
}

Term native_continue_fun(Process *p, Term fun, uint32_t nargs, const Term *args)
{
    VmState *vm = vm_state(p);
    vm->cont = tuple2(&p->heap, fun, list_from(&p->heap, nargs, args));
    return TERM_CONTINUE;
}

/* ---- Elixir called from C: host calls ------------------------------------------ */

static Term eval_in(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack);

Term vm_eval_in(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack)
{
    /* a compile of p's that is restarted with its calls' outcomes answers
     * from them, or leaves to have p run the call (compile_run.h) */
    Term from_run;
    if (compile_run_eval(p, fn, args, nargs, to, &from_run, exc_class, exc_reason, exc_stack)) return from_run;
    /* what the call and the others running meanwhile allocate is not the
     * shell input's that is compiling (code_region.h) */
    CodeRegion *region = code_region_pause();
    Term r = eval_in(p, fn, args, nargs, to, exc_class, exc_reason, exc_stack);
    code_region_enter(region);
    return r;
}

static Term eval_in(Process *p, Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack)
{
    if (!p) return vm_eval_detached(fn, args, nargs, to, exc_class, exc_reason, exc_stack);
    VmState *vm = vm_state(p);
    /* What p was doing stays as it was: its VM loop may be inside a native
     * that waits for this call, holding pointers into its registers. The
     * call gets registers of its own, which start with a copy of p's (so
     * the collector sees and updates them as roots) and are copied back,
     * and frames and handlers of its own, so that it returns and raises
     * to here, not into p's code. Its registers and frames come from the
     * pool, as vm_regs_resize's do (they may be resized), and first, so
     * that a failure leaves p as it was. */
    size_t floor = vm->regs_cap, regs_cap = floor + fn->nregs + nargs + 16;
    Term *regs = alloc_injected_failure() ? NULL : pool_alloc(regs_cap * sizeof(Term));
    Frame *frames = regs && !alloc_injected_failure() ? pool_alloc(4 * sizeof(Frame)) : NULL;
    if (!frames) {
        pool_free(regs, regs_cap * sizeof(Term));
        alloc_failed(regs_cap * sizeof(Term) + 4 * sizeof(Frame));
    }
    VmState saved = *vm;
    vm->host_calls++;
    bool mid_slice = sched_current() == p;
    Heap keep;
    heap_init(&keep, 64);
    Term kept[4] = {term_copy(&keep, p->exc_class), term_copy(&keep, p->exc_reason), term_copy(&keep, p->exc_stacktrace),
                    term_copy(&keep, saved.result)};
    uint64_t reductions = p->reductions;
    vm->regs_cap = regs_cap;
    vm->regs = regs;
    vm->frames_cap = 4;
    vm->frames = frames;
    memcpy(vm->regs, saved.regs, floor * sizeof(Term));
    for (size_t i = floor; i < vm->regs_cap; i++) vm->regs[i] = TERM_NIL;
    vm->nframes = 0;
    vm->handlers = NULL;
    vm->nhandlers = vm->handlers_cap = 0;
    /* the call's registers are its own, sized for it: p's own may have
     * been cut while it waited, and get room again when it resumes */
    vm->regs_trimmed = false;
    for (uint32_t i = 0; i < nargs; i++) vm->regs[floor + i] = term_copy(&p->heap, args[i]);
    vm_entering(fn);
    vm->fn = fn;
    vm->pc = fn->code;
    vm->base = (uint32_t)floor;
    VmStatus st;
    bool returned = sched_run_host_call(p, &st);
    Term result = TERM_NONE;
    if (returned && st == VM_DONE) {
        result = term_copy(to, vm->result);
    } else {
        if (returned) {
            *exc_class = p->exc_class;
            *exc_reason = term_copy(to, p->exc_reason);
            *exc_stack = term_copy(to, p->exc_stacktrace);
        } else {
            /* no answer: killed, stopped or waiting forever */
            *exc_class = ATOM_exit;
            *exc_reason = st == VM_WAIT ? atom_from_cstr("deadlock") : p->exit_pending ? term_copy(to, p->exit_reason) : atom_from_cstr("interrupted");
            *exc_stack = TERM_NIL;
        }
    }
    memcpy(saved.regs, vm->regs, floor * sizeof(Term));
    pool_free(vm->regs, vm->regs_cap * sizeof(Term));
    pool_free(vm->frames, vm->frames_cap * sizeof(Frame));
    pool_free(vm->handlers, vm->handlers_cap * sizeof(Handler));
    vm->regs = saved.regs;
    vm->regs_cap = saved.regs_cap;
    vm->frames = saved.frames;
    vm->frames_cap = saved.frames_cap;
    vm->nframes = saved.nframes;
    vm->handlers = saved.handlers;
    vm->handlers_cap = saved.handlers_cap;
    vm->nhandlers = saved.nhandlers;
    vm->regs_trimmed = saved.regs_trimmed;
    vm->host_calls--;
    vm->fn = saved.fn;
    vm->pc = saved.pc;
    vm->base = saved.base;
    vm->mbox_save = &vm->mbox_head;
    p->exc_class = kept[0];
    p->exc_reason = term_copy(&p->heap, kept[1]);
    p->exc_stacktrace = term_copy(&p->heap, kept[2]);
    vm->result = term_copy(&p->heap, kept[3]);
    heap_release(&keep);
    /* the clock already moved for the call's work: the slice p is in the
     * middle of must not count it again */
    if (mid_slice) p->reductions = reductions;
    if (!mid_slice && p->exit_pending && p->status != PROC_EXITED) {
        /* an exit signal reached it while it ran the call: it dies now */
        p->exit_pending = false;
        process_exit(p, p->exit_reason);
    }
    return result;
}

Term vm_eval_detached(Function *fn, const Term *args, uint32_t nargs, Heap *to, Term *exc_class, Term *exc_reason, Term *exc_stack)
{
    Process proc;
    memset(&proc, 0, sizeof proc);
    heap_init(&proc.heap, 256);
    proc.pid = pid_make(0);
    proc.dictionary = TERM_NIL;
    proc.exc_reason = TERM_NIL;
    proc.exc_stacktrace = TERM_NIL;
    Term *copies = xmalloc((nargs + 1) * sizeof(Term));
    for (uint32_t i = 0; i < nargs; i++) copies[i] = term_copy(&proc.heap, args[i]);
    vm_prepare_call(&proc, fn, copies, nargs);
    free(copies);
    VmStatus st;
    long spent = 0;
    do {
        st = vm_run(&proc, 100000);
        spent += 100000;
    } while (st == VM_YIELD && spent < VM_EVAL_BUDGET);
    if (st == VM_YIELD) {
        process_raise_exception(&proc, "Elixir.RuntimeError", "the evaluation was stopped after 50000000 reductions (an endless loop?)");
        st = VM_ERROR;
    } else if (st == VM_KILLED) {
        process_raise_exception(&proc, "Elixir.RuntimeError", "the evaluation was stopped: its heap grew past its limit");
        st = VM_ERROR;
    }
    Term result = TERM_NONE;
    if (st == VM_DONE) {
        result = term_copy(to, proc.vm->result);
    } else {
        if (st == VM_WAIT) {
            proc.exc_class = ATOM_error;
            proc.exc_reason = atom_from_cstr("receive_at_compile_time");
            proc.exc_stacktrace = TERM_NIL;
        }
        *exc_class = proc.exc_class;
        *exc_reason = term_copy(to, proc.exc_reason);
        *exc_stack = term_copy(to, proc.exc_stacktrace);
    }
    vm_state_free(proc.vm);
    heap_release(&proc.heap);
    return result;
}

/* ---- spawning ------------------------------------------------------------------ */

Process *process_spawn(Function *fn, const Term *args, uint32_t nargs)
{
    Process *p = process_create();
    Term copies[16] = {0}; /* zeroed: the compiler cannot see that only nargs are read */
    Term *argv = nargs <= 16 ? copies : xmalloc(nargs * sizeof(Term));
    for (uint32_t i = 0; i < nargs; i++) argv[i] = term_copy(&p->heap, args[i]);
    vm_prepare_call(p, fn, argv, nargs);
    if (argv != copies) free(argv);
    /* shared by every process that starts in fn, outside their heaps */
    if (!term_is_tuple(fn->mfa)) fn->mfa = tuple3(literal_heap(), fn->module, fn->name, small_make(fn->arity));
    p->initial_call = fn->mfa;
    process_start(p);
    return p;
}

void vm_registers_in_use(Process *p, size_t *top, size_t *extent)
{
    VmState *vm = p->vm;
    *top = vm->base + vm->fn->nregs;
    /* Waiting in a receive, only the registers below its timeout's hold
     * anything the code reads again: compile_receive takes the timeout
     * register first, above every variable in scope and every value an
     * enclosing expression is building. The rest of the window is dead
     * (an idle server's loop would otherwise keep its clauses'
     * temporaries, and what they point to, for good); vm_run_slice makes
     * room for the whole window again when the process resumes. A host
     * call's registers start above the registers it keeps aside, so it
     * keeps its whole window. */
    if (vm->fn->threaded && !vm->host_calls && vm->pc && *vm->pc == (Code)vm_handlers[OP_RECV_WAIT]) {
        *top = *extent = vm->base + (size_t)vm->pc[1] + 1;
        /* its callers' registers above the live ones are dead too, and
         * their windows get room again when it resumes (regs_untrim) */
        vm->regs_trimmed = true;
        return;
    }
    *extent = *top;
    /* callers resume with their whole frames: keep room for the largest */
    for (size_t i = 0; i < vm->nframes; i++) {
        Frame *fr = &vm->frames[i];
        if (fr->fn && fr->base + fr->fn->nregs > *extent) *extent = fr->base + fr->fn->nregs;
    }
}
