/* genlab_natives.c - the runtime's own natives, under the module :genlab,
 * that the Elixir library calls: inspect with options, to_string, output,
 * System.argv. Registered by runtime_init. */
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "inspect.h"
#include "integer.h"
#include "map.h"
#include "protocol.h"
#include "module.h"
#include "compiler.h"
#include "compile_run.h"
#include "fatal.h"
#include "io.h"
#include "sched.h"
#include "state.h"

/* to_string/1 and interpolation: atoms, numbers, binaries and chardata
 * are converted here; anything else (a struct, a tuple, ...) goes straight
 * to its String.Chars implementation, or to String.Chars itself, which
 * raises when there is none. */
static Term genlab_to_string(Process *p, const Term *args)
{
    Term t = args[0];
    if (module_builtin_impl_overridden() && !term_is_map(t) && !term_is_tuple(t)) {
        /* a program's own String.Chars.Integer (or Atom, ...) replaces C's */
        Term impl = protocol_impl_for(ATOM_Elixir_String_Chars, t, false);
        Module *m = impl != ATOM_nil ? module_lookup(impl) : NULL;
        if (m && !(m->file && !strncmp(m->file, "core/lib/", 9)))
            return native_continue(p, impl, ATOM_to_string, 1, &t);
    }
    if (term_is_binary(t)) return t;
    if (term_is_map(t) || term_is_tuple(t) || term_is_fun(t) || term_is_pid(t) || term_is_ref(t)) {
        Term impl = protocol_impl_for(ATOM_Elixir_String_Chars, t, false);
        if (impl == ATOM_nil) impl = ATOM_Elixir_String_Chars;
        return native_continue(p, impl, ATOM_to_string, 1, &t);
    }
    return term_to_string(p, t);
}

/* :genlab.put_chars(device, chardata): device :stdio, :stderr or a pid;
 * :genlab.log_chars(device, chardata) likewise for Logger's console. */
static Term write_chars(Process *p, const Term *args, void (*write)(int, const char *, size_t))
{
    int stream = args[0] == atom_from_cstr("stderr") || args[0] == atom_from_cstr("standard_error") ? 2 : 1;
    ByteBuf b;
    bytebuf_init(&b);
    int rc = bif_chardata_append(&b, args[1]);
    if (rc != 0) {
        bytebuf_free(&b);
        return process_badarg(p);
    }
    write(stream, (const char *)b.data, b.size);
    bytebuf_free(&b);
    return ATOM_ok;
}

static Term genlab_put_chars(Process *p, const Term *args) { return write_chars(p, args, io_write); }
static Term genlab_log_chars(Process *p, const Term *args) { return write_chars(p, args, rt->log_write); }

static Term genlab_argv(Process *p, const Term *args)
{
    (void)args;
    Term list = TERM_NIL;
    for (int i = rt->argc; i-- > 0;) list = cons_new(&p->heap, binary_from_cstr(&p->heap, rt->argv[i]), list);
    return list;
}

/* Kernel.**: integer power for integers (ArithmeticError on a negative
 * exponent), float power otherwise. */
static Term kernel_pow(Process *p, const Term *args) { return arith_pow(p, args[0], args[1]); }

/* :erlang.map_get(key, map), the guard BIF behind is_struct/2. */
static Term erl_map_get(Process *p, const Term *args)
{
    if (!term_is_map(args[1])) return process_raise(p, ATOM_error, tuple2(&p->heap, ATOM_badmap, args[1]));
    Term v = map_get(args[1], args[0]);
    if (v == TERM_NONE) return process_raise(p, ATOM_error, tuple2(&p->heap, ATOM_badkey, args[0]));
    return v;
}

/* :erlang.halt/0,1: System.halt stops everything at once; the runtime
 * reports the status to its caller (core never calls exit()). */
static Term halt_with(Process *p, int status)
{
    sched_request_halt(status);
    process_exit(p, ATOM_kill);
    return ATOM_ok;
}

static Term erl_halt0(Process *p, const Term *args)
{
    (void)args;
    return halt_with(p, 0);
}

static Term erl_halt1(Process *p, const Term *args)
{
    if (!term_is_small(args[0]) || small_value(args[0]) < 0) return process_badarg_at(p, 1, "invalid status");
    return halt_with(p, (int)(small_value(args[0]) & 255));
}

/* :genlab.shell_respawn(): IEx.Helpers.respawn/0 ends the shell process
 * at once, with a reason the runtime takes as "start a fresh shell and
 * say nothing" (an exit signal to oneself would be catchable here). */
static Term genlab_shell_respawn(Process *p, const Term *args)
{
    (void)args;
    process_exit(p, atom_from_cstr("genlab_respawn"));
    return ATOM_ok;
}

/* :genlab.fail_allocation(n), for tests (fatal.h's fault injection): the
 * nth allocation made inside a process from now on fails as if memory had
 * run out; 0 turns it off. Its caller runs on, so with a small n the one
 * that fails is most likely its own. */
static Term genlab_fail_allocation(Process *p, const Term *args)
{
    if (!term_is_small(args[0]) || small_value(args[0]) < 0) return process_badarg_at(p, 1, "not a non-negative integer");
    alloc_fail_after((uint64_t)small_value(args[0]));
    return ATOM_ok;
}

static int fn_order(const void *a, const void *b)
{
    const Function *x = *(const Function *const *)a, *y = *(const Function *const *)b;
    int c = strcmp(atom_text(x->name), atom_text(y->name));
    return c ? c : (int)x->arity - (int)y->arity;
}

/* Mod.__info__(kind): :functions, :macros, :module, :struct, :attributes. */
static Term genlab_module_info(Process *p, const Term *args)
{
    Module *m = module_lookup(args[0]);
    const char *kind = term_is_atom(args[1]) ? atom_text(args[1]) : "";
    if (!m) return process_badarg(p);
    if (!strcmp(kind, "module")) return m->name;
    if (!strcmp(kind, "functions") || !strcmp(kind, "macros")) {
        bool macros = kind[0] == 'm';
        size_t n = 0;
        for (Function *f = m->functions; f; f = f->next_in_module) n++;
        Function **list = xmalloc((n + 1) * sizeof *list);
        size_t k = 0;
        for (Function *f = m->functions; f; f = f->next_in_module)
            if (f->defined && f->exported && f->nfree == 0 && f->is_macro == macros && f->name != atom_from_cstr("__info__") &&
                atom_text(f->name)[0] != '-')
                list[k++] = f;
        /* a module's natives are its functions too (String.upcase/1), but
         * genlab's own helpers among them (String.__split__/2) */
        size_t nn = macros ? 0 : native_module_functions(m->name, NULL, NULL, 0);
        Term *nnames = xmalloc((nn + 1) * sizeof *nnames);
        int *narities = xmalloc((nn + 1) * sizeof *narities);
        nn = macros ? 0 : native_module_functions(m->name, nnames, narities, nn);
        Function *natives = xcalloc(nn + 1, sizeof *natives);
        list = xrealloc(list, (k + nn + 1) * sizeof *list);
        for (size_t i = 0; i < nn; i++) {
            if (!strncmp(atom_text(nnames[i]), "__", 2)) continue;
            natives[i].name = nnames[i];
            natives[i].arity = (uint32_t)narities[i];
            list[k++] = &natives[i];
        }
        qsort(list, k, sizeof *list, fn_order);
        Term out = TERM_NIL;
        for (size_t i = k; i-- > 0;) out = cons_new(&p->heap, tuple2(&p->heap, list[i]->name, small_make(list[i]->arity)), out);
        free(list);
        free(natives);
        free(nnames);
        free(narities);
        return out;
    }
    if (!strcmp(kind, "struct")) {
        if (m->struct_fields == TERM_NONE) return ATOM_nil;
        Term out = TERM_NIL;
        for (size_t i = tuple_size(m->struct_fields); i-- > 0;) {
            Term keys[2] = {atom_from_cstr("field"), atom_from_cstr("required")};
            Term vals[2] = {tuple_get(m->struct_fields, i), ATOM_false};
            out = cons_new(&p->heap, map_from_pairs(&p->heap, 2, keys, vals), out);
        }
        return out;
    }
    if (!strcmp(kind, "attributes")) return m->attributes;
    return process_badarg(p);
}

/* :genlab.define_module(defmodule_ast, file): a defmodule reached at run
 * time (inside a function or an expression) compiles and installs then. */
typedef struct DefineModule {
    Term ast;          /* on the literal arena */
    char *file;        /* kept: functions point at it */
} DefineModule;

/* One attempt of the compile (compile_run.h): the module's body runs as
 * p's ordinary code between attempts. */
static Term define_module_run(Process *p, void *arg)
{
    DefineModule *d = arg;
    CompileError err;
    Term r = compile_defmodule(d->ast, d->file, &p->heap, &err);
    if (r == TERM_NONE) {
        /* raised as Code.eval_string raises it: the exception the compiler named */
        Term why[2] = {binary_from_cstr(&p->heap, err.kind), binary_from_cstr(&p->heap, err.message)};
        return native_continue(p, atom_from_cstr("Elixir.Code"), atom_from_cstr("__genlab_compile_error__"), 2, why);
    }
    return r;
}

/* The file name stays: the module's functions point at it. */
static void define_module_free(void *arg) { free(arg); }

static Term genlab_define_module(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (!binary_bytes(args[1], &bytes, &len)) return process_badarg(p);
    DefineModule *d = xmalloc(sizeof *d);
    d->file = xstrndup((const char *)bytes, len);
    d->ast = term_copy(literal_heap(), args[0]);
    return compile_run_start(p, define_module_run, d, define_module_free);
}

/* :genlab.store_definition(kind, args): a def made by a module body
 * statement as it runs joins the module being defined. */
static Term genlab_store_definition(Process *p, const Term *args)
{
    if (!compile_store_definition(p, args[0], args[1])) return process_badarg(p);
    return ATOM_ok;
}

/* :genlab.macro_apply(module, name, args): Macro.expand's call of a
 * loaded module's macro on quoted arguments. Macros are no functions to
 * apply/3, so this makes a fun for the macro's code and the VM calls it in
 * the native's place. */
static Term genlab_macro_apply(Process *p, const Term *args)
{
    size_t n;
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !bif_list_length(args[2], &n) || n > 255)
        return process_badarg(p);
    Module *m = module_lookup(args[0]);
    Function *f = m ? module_find_function(m, args[1], (uint32_t)n) : NULL;
    if (!f || !f->is_macro || !f->defined) return process_badarg(p);
    FunInfo *fi = module_own(xcalloc(1, sizeof *fi));
    fi->fn = f;
    fi->module = args[0];
    fi->parent_name = args[1];
    fi->parent_arity = fi->arity = (uint32_t)n;
    fi->file = f->file;
    Term *obj = heap_alloc(&p->heap, 2);
    obj[0] = header_make(BOX_FUN, 1);
    obj[1] = (Term)(uintptr_t)fi;
    Term argv[256];
    size_t i = 0;
    for (Term l = args[2]; term_is_cons(l); l = cons_tail(l)) argv[i++] = cons_head(l);
    return native_continue_fun(p, boxed_from_ptr(obj), (uint32_t)n, argv);
}

/* :genlab.send_alias(pid, ref, msg): sends msg to pid only while pid
 * still holds the monitor `ref`. A GenServer reply goes through this, so
 * a reply that comes after the caller gave up (and demonitored) is
 * dropped, as OTP 24+ does with monitor aliases. */
static Term genlab_send_alias(Process *p, const Term *args)
{
    (void)p;
    Process *to = process_of(args[0]);
    if (to && term_is_ref(args[1])) {
        uint64_t id = (uint64_t)boxed_ptr(args[1])[1];
        for (size_t i = 0; i < to->nmonitors; i++)
            if (to->monitors[i].ref == id) {
                process_send(to, args[2]);
                break;
            }
    }
    return ATOM_ok;
}

const NativeDef genlab_natives[] = {
    {"genlab", "send_alias", 3, genlab_send_alias},
    {"genlab", "define_module", 2, genlab_define_module},
    {"genlab", "store_definition", 2, genlab_store_definition},
    {"genlab", "macro_apply", 3, genlab_macro_apply},
    {"genlab", "module_info", 2, genlab_module_info},
    {"genlab", "shell_respawn", 0, genlab_shell_respawn},
    {"genlab", "fail_allocation", 1, genlab_fail_allocation},
    {"Elixir.Kernel", "**", 2, kernel_pow},
    {"erlang", "map_get", 2, erl_map_get},
    {"erlang", "halt", 0, erl_halt0},
    {"erlang", "halt", 1, erl_halt1},
    {"genlab", "to_string", 1, genlab_to_string},
    {"genlab", "put_chars", 2, genlab_put_chars},
    {"genlab", "log_chars", 2, genlab_log_chars},
    {"genlab", "argv", 0, genlab_argv},
    {NULL, NULL, 0, NULL}};
