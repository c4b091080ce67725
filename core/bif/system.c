/* system.c - natives about the code and the environment around it: which
 * modules and functions exist (module_loaded, function_exported,
 * :code.ensure_loaded), which application a module belongs to (for the
 * "(elixir 1.14.0)" prefix of stacktrace lines), time unit conversion,
 * the OS environment, and :erl_erts_errors.format_error/2, which explains
 * a native's badarg the way OTP's extended error information does. */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "fatal.h"
#include "integer.h"
#include "map.h"
#include "inspect.h"
#include "module.h"
#include "ets.h"
#include "sched.h"
#include "state.h"

/* ---- modules and functions ------------------------------------------------------ */

static bool module_known(Term name)
{
    return module_lookup(name) != NULL || native_module_known(name);
}

static Term erl_module_loaded(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    return atom_from_bool(module_known(a[0]));
}

static Term erl_function_exported(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    if (!term_is_atom(a[1])) return process_badarg_at(p, 2, "not an atom");
    if (!term_is_small(a[2])) return process_badarg_at(p, 3, "not an integer");
    int64_t arity = small_value(a[2]);
    if (arity < 0 || arity > 255) return ATOM_false;
    if (native_lookup(a[0], a[1], (int)arity)) return ATOM_true;
    Module *m = module_lookup(a[0]);
    if (!m) return ATOM_false;
    Function *f = module_find_function(m, a[1], (uint32_t)arity);
    return atom_from_bool(f && f->exported && f->defined);
}

static Term code_ensure_loaded(Process *p, const Term *a)
{
    if (!term_is_atom(a[0])) return bif_function_clause(p);
    if (module_known(a[0])) return tuple2(&p->heap, atom_from_cstr("module"), a[0]);
    return tuple2(&p->heap, ATOM_error, atom_from_cstr("nofile"));
}

/* ---- applications ------------------------------------------------------------------ */


/* Modules of the embedded Elixir library belong to :elixir; modules a
 * user defines belong to no application. */
static Term app_get_application(Process *p, const Term *a)
{
    Term module = a[0];
    if (!term_is_atom(module)) return atom_from_cstr("undefined");
    const char *app = native_module_application(module);
    /* IEx's modules: stack traces name them "(iex 1.14.0)" */
    if (!app && strncmp(atom_text(module), "Elixir.IEx.", 11) == 0) app = "iex";
    if (!app) {
        Module *m = module_lookup(module);
        if (m && m->file && (strncmp(m->file, "core/lib/", 9) == 0 || strncmp(m->file, "lib/", 4) == 0)) app = "elixir";
    }
    if (!app) return atom_from_cstr("undefined");
    return tuple2(&p->heap, ATOM_ok, atom_from_cstr(app));
}

static Term app_get_key(Process *p, const Term *a)
{
    static const struct { const char *app, *vsn; } versions[] = {
        {"elixir", "1.14.0"}, {"stdlib", "4.2"}, {"kernel", "8.5.3"}, {"crypto", "5.1.2"}, {"logger", "1.14.0"},
        {"iex", "1.14.0"},
    };
    if (a[1] != atom_from_cstr("vsn")) return atom_from_cstr("undefined");
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        if (a[0] != atom_from_cstr(versions[i].app)) continue;
        Term vsn = TERM_NIL;
        for (size_t k = strlen(versions[i].vsn); k-- > 0;)
            vsn = cons_new(&p->heap, small_make((unsigned char)versions[i].vsn[k]), vsn);
        return tuple2(&p->heap, ATOM_ok, vsn);
    }
    return atom_from_cstr("undefined");
}

/* ---- time units ---------------------------------------------------------------------- */

/* Parts per second of a time unit; 0 if it is not one. The native unit
 * is the nanosecond, as on Linux. */
static int64_t time_unit_hz(Term unit)
{
    int64_t v;
    if (bif_small_in(unit, 1, SMALL_MAX, &v)) return v;
    static const struct { const char *name; int64_t hz; } units[] = {
        {"second", 1}, {"seconds", 1}, {"millisecond", 1000}, {"milli_seconds", 1000},
        {"microsecond", 1000000}, {"micro_seconds", 1000000}, {"nanosecond", 1000000000},
        {"nano_seconds", 1000000000}, {"native", 1000000000}, {"perf_counter", 1000000000},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (unit == atom_from_cstr(units[i].name)) return units[i].hz;
    return 0;
}

/* Converts with floor rounding, as erlang:convert_time_unit/3 does. */
static Term erl_convert_time_unit(Process *p, const Term *a)
{
    if (!term_is_integer(a[0])) return process_badarg_at(p, 1, "not an integer");
    int64_t from = time_unit_hz(a[1]), to = time_unit_hz(a[2]);
    if (!from) return process_badarg_at(p, 2, "invalid time unit");
    if (!to) return process_badarg_at(p, 3, "invalid time unit");
    mpz_t t;
    mpz_init(t);
    integer_to_mpz(a[0], t);
    mpz_mul_si(t, t, to);
    mpz_fdiv_q_ui(t, t, (unsigned long)from);
    Term r = integer_from_mpz(&p->heap, t);
    mpz_clear(t);
    return r;
}

/* ---- the OS ----------------------------------------------------------------------- */

static Term charlist_from(Heap *h, const char *s, size_t n)
{
    Term l = TERM_NIL;
    for (size_t i = n; i-- > 0;) l = cons_new(h, small_make((unsigned char)s[i]), l);
    return l;
}

/* A flat charlist as a NUL-terminated C string (malloc'd), or NULL. */
static char *charlist_cstring(Term list)
{
    ByteBuf b;
    bytebuf_init(&b);
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term c = cons_head(list);
        if (!term_is_small(c) || small_value(c) < 1 || small_value(c) > 0x10FFFF) break;
        bytebuf_append_utf8(&b, (uint32_t)small_value(c));
    }
    if (list != TERM_NIL) {
        bytebuf_free(&b);
        return NULL;
    }
    bytebuf_push(&b, 0);
    return (char *)b.data;
}

static Term os_getenv(Process *p, Term name, Term fallback)
{
    if (!term_is_list(name)) return process_badarg_at(p, 1, "not a list");
    char *key = charlist_cstring(name);
    if (!key) return process_badarg_at(p, 1, "not a list");
    const char *value = getenv(key);
    free(key);
    if (!value) return fallback;
    return charlist_from(&p->heap, value, strlen(value));
}

static Term os_getenv1(Process *p, const Term *a) { return os_getenv(p, a[0], ATOM_false); }
static Term os_getenv2(Process *p, const Term *a) { return os_getenv(p, a[0], a[1]); }

static Term os_getpid(Process *p, const Term *a)
{
    (void)a;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld", (long)getpid());
    return charlist_from(&p->heap, buf, (size_t)n);
}

/* ---- extended error information ---------------------------------------------------- */

/* erlang:apply/3's badarg blames each argument of the wrong type, all at
 * once (the VM's blame names only the first). */
static Term apply_blame(Process *p, const Term *argv)
{
    Heap *h = &p->heap;
    Term blame = map_empty(h);
    size_t n;
    if (!term_is_atom(argv[0])) blame = map_put(h, blame, small_make(1), binary_from_cstr(h, "not an atom"));
    if (!term_is_atom(argv[1])) blame = map_put(h, blame, small_make(2), binary_from_cstr(h, "not an atom"));
    if (!term_is_list(argv[2])) blame = map_put(h, blame, small_make(3), binary_from_cstr(h, "not a list"));
    else if (!bif_list_length(argv[2], &n)) blame = map_put(h, blame, small_make(3), binary_from_cstr(h, "not a proper list"));
    return blame;
}

/* :erl_erts_errors.format_bs_fail(Reason, [{M, F, A, Opts} | _]): what
 * Opts' error_info cause {segment, type, kind, value} of a failed <<>>
 * construction means, as %{reason: ..., general: ...}; the value shown as
 * Elixir inspects it (Elixir's pretty_printer). */
static Term errors_format_bs_fail(Process *p, const Term *a)
{
    Heap *h = &p->heap;
    Term empty = map_empty(h), stack = a[1];
    if (!term_is_cons(stack) || !term_is_tuple(cons_head(stack)) || tuple_size(cons_head(stack)) != 4) return empty;
    Term info = TERM_NONE;
    for (Term l = tuple_get(cons_head(stack), 3); term_is_cons(l); l = cons_tail(l)) {
        Term kv = cons_head(l);
        if (term_is_tuple(kv) && tuple_size(kv) == 2 && tuple_get(kv, 0) == atom_from_cstr("error_info")) info = tuple_get(kv, 1);
    }
    Term cause = info != TERM_NONE && term_is_map(info) ? map_get(info, atom_from_cstr("cause")) : TERM_NONE;
    if (cause == TERM_NONE || !term_is_tuple(cause) || tuple_size(cause) != 4 || !term_is_small(tuple_get(cause, 0)) ||
        !term_is_atom(tuple_get(cause, 1)) || !term_is_atom(tuple_get(cause, 2)))
        return empty;
    const char *type = atom_text(tuple_get(cause, 1));
    size_t type_len = atom_length(tuple_get(cause, 1));
    Term kind = tuple_get(cause, 2);
    InspectOpts o;
    inspect_opts_default(&o);
    char *shown = inspect_to_cstring(tuple_get(cause, 3), &o, NULL);
    const char *expected = "a binary";
    if (!strncmp(type, "integer", type_len)) expected = "an integer";
    else if (!strncmp(type, "float", type_len)) expected = "a float or an integer";
    else if (!strncmp(type, "utf", 3)) expected = NULL;
    char head[96];
    snprintf(head, sizeof head, "segment %lld of type '%.*s': ", (long long)small_value(tuple_get(cause, 0)), (int)type_len, type);
    size_t cap = strlen(shown) + 256;
    char *text = xmalloc(cap);
    if (kind == atom_from_cstr("size"))
        snprintf(text, cap, "%sexpected a non-negative integer as size but got: %s", head, shown);
    else if (kind == atom_from_cstr("unit"))
        snprintf(text, cap, "%sthe size of the value %s is not a multiple of the unit for the segment", head, shown);
    else if (kind == atom_from_cstr("short"))
        snprintf(text, cap, "%sthe value %s is shorter than the size of the segment", head, shown);
    else if (expected)
        snprintf(text, cap, "%sexpected %s but got: %s", head, expected, shown);
    else
        snprintf(text, cap, "%sexpected a non-negative integer encodable as %.*s but got: %s", head, (int)type_len, type, shown);
    Term keys[2] = {atom_from_cstr("general"), atom_from_cstr("reason")};
    Term values[2] = {binary_from_cstr(h, text), binary_from_cstr(h, "construction of binary failed")};
    free(text);
    free(shown);
    return map_from_pairs(h, 2, keys, values);
}

/* :erl_erts_errors.format_error(Reason, [{M, F, Args, Opts} | _]) answers
 * %{ArgumentPosition => Text} for a badarg raised by a native: from the
 * blame the VM put in the entry's error_info, or else (an entry built by
 * Elixir code) by calling the native again on the same arguments and
 * reading which argument it blamed. */
static Term errors_format_error(Process *p, const Term *a)
{
    Term stack = a[1];
    Term empty = map_empty(&p->heap);
    if (!term_is_cons(stack)) return empty;
    Term entry = cons_head(stack);
    if (!term_is_tuple(entry) || tuple_size(entry) != 4) return empty;
    Term module = tuple_get(entry, 0), name = tuple_get(entry, 1), args = tuple_get(entry, 2);
    size_t arity;
    if (!term_is_atom(module) || module == atom_from_cstr("genlab") || !bif_list_length(args, &arity) || arity > 16)
        return empty;
    Term argv[16];
    size_t i = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) argv[i++] = cons_head(l);
    if (module == atom_from_cstr("erlang") && name == atom_from_cstr("apply") && arity == 3) return apply_blame(p, argv);
    /* The VM recorded the blame when the native raised: no need to run it
     * again (which could repeat a side effect, e.g. an :ets.insert). */
    int blamed_arg;
    const char *blamed_why;
    if (native_blame_find(module, name, (uint32_t)arity, argv, &blamed_arg, &blamed_why)) {
        if (blamed_arg <= 0) return empty;
        return map_put(&p->heap, empty, small_make(blamed_arg), binary_new(&p->heap, blamed_why, strlen(blamed_why)));
    }
    /* a limit blames no argument, and running a spawn again would log
     * "Too many processes" twice (or spawn) */
    if (a[0] == ATOM_system_limit) return empty;
    NativeFn fn = native_lookup(module, name, (int)arity);
    if (!fn) return empty;

    Term saved_class = p->exc_class, saved_reason = p->exc_reason, saved_stack = p->exc_stacktrace;
    int saved_arg = p->exc_arg;
    const char *saved_why = p->exc_why;
    p->exc_arg = 0;
    p->exc_why = NULL;
    Term r = fn(p, argv);
    int blamed = r == TERM_NONE && p->exc_reason == a[0] ? p->exc_arg : 0;
    const char *why = p->exc_why;
    p->exc_class = saved_class;
    p->exc_reason = saved_reason;
    p->exc_stacktrace = saved_stack;
    p->exc_arg = saved_arg;
    p->exc_why = saved_why;

    if (blamed <= 0 || !why) return empty;
    return map_put(&p->heap, empty, small_make(blamed), binary_from_cstr(&p->heap, why));
}

/* ---- :erlang.memory ---------------------------------------------------------
 * What is really held (DESIGN.md), in the BEAM's kinds: processes (each
 * one's block, heap, registers, frames, mailbox, links: process_memory),
 * of which processes_used leaves out the room their heaps have not filled
 * yet; system: the atom table, off-heap binaries, compiled code (modules,
 * shell inputs, the literal arena's used part) and ETS tables; total, the
 * two together. */

static const char *const memory_kinds[] = {"total", "processes", "processes_used", "system", "atom",
                                           "atom_used", "binary", "code", "ets"};
#define MEMORY_KINDS (sizeof memory_kinds / sizeof memory_kinds[0])

static void memory_figures(size_t out[MEMORY_KINDS])
{
    size_t procs = 0, unfilled = 0;
    uint32_t limit = process_serial_limit();
    for (uint32_t serial = 0; serial < limit; serial++) {
        Process *q = process_find(serial);
        if (!q) continue;
        procs += process_memory(q);
        if (q->heap.top) unfilled += (size_t)(q->heap.limit - q->heap.top) * sizeof(Term);
    }
    size_t atom, atom_used;
    atom_memory(&atom, &atom_used);
    size_t literals = rt->literal_base ? (size_t)(rt->literals.top - rt->literal_base) * sizeof(Term) : 0;
    size_t binary = refbin_bytes(), code = module_code_bytes() + literals, ets = ets_memory_bytes();
    size_t system = atom + binary + code + ets;
    size_t figures[MEMORY_KINDS] = {procs + system, procs, procs - unfilled, system, atom, atom_used, binary, code, ets};
    memcpy(out, figures, sizeof figures);
}

/* The index of kind in memory_kinds, or -1. */
static int memory_kind(Term kind)
{
    for (size_t i = 0; term_is_atom(kind) && i < MEMORY_KINDS; i++)
        if (kind == atom_from_cstr(memory_kinds[i])) return (int)i;
    return -1;
}

static Term erl_memory0(Process *p, const Term *a)
{
    (void)a;
    size_t f[MEMORY_KINDS];
    memory_figures(f);
    Term list = TERM_NIL;
    for (size_t i = MEMORY_KINDS; i-- > 0;)
        list = cons_new(&p->heap, tuple2(&p->heap, atom_from_cstr(memory_kinds[i]), small_make((int64_t)f[i])), list);
    return list;
}

static Term erl_memory1(Process *p, const Term *a)
{
    size_t f[MEMORY_KINDS];
    if (!term_is_list(a[0])) {
        int k = memory_kind(a[0]);
        if (k < 0) return process_badarg_at(p, 1, "invalid memory type option");
        memory_figures(f);
        return small_make((int64_t)f[k]);
    }
    size_t n = 0;
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l), n++)
        if (memory_kind(cons_head(l)) < 0) return process_badarg_at(p, 1, "invalid option in list");
    memory_figures(f);
    Term *items = xmalloc((n + 1) * sizeof *items);
    n = 0;
    for (Term l = a[0]; term_is_cons(l); l = cons_tail(l)) {
        Term kind = cons_head(l);
        items[n++] = tuple2(&p->heap, kind, small_make((int64_t)f[memory_kind(kind)]));
    }
    Term list = list_from(&p->heap, n, items);
    free(items);
    return list;
}

const NativeDef bif_system_natives[] = {
    {"erlang", "memory", 0, erl_memory0},
    {"erlang", "memory", 1, erl_memory1},
    {"erlang", "module_loaded", 1, erl_module_loaded},
    {"erlang", "function_exported", 3, erl_function_exported},
    {"erlang", "convert_time_unit", 3, erl_convert_time_unit},
    {"code", "ensure_loaded", 1, code_ensure_loaded},
    {"application", "get_application", 1, app_get_application},
    {"application", "get_key", 2, app_get_key},
    {"os", "getenv", 1, os_getenv1},
    {"os", "getenv", 2, os_getenv2},
    {"os", "getpid", 0, os_getpid},
    {"erl_erts_errors", "format_error", 2, errors_format_error},
    {"erl_erts_errors", "format_bs_fail", 2, errors_format_bs_fail},
    {"erl_stdlib_errors", "format_error", 2, errors_format_error},
    {"erl_kernel_errors", "format_error", 2, errors_format_error},
    {NULL, NULL, 0, NULL},
};
