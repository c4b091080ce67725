/* runtime.c - boot, the main process, and running top-level code. */
#include "runtime.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "compiler.h"
#include "embedded.h"
#include "fatal.h"
#include "heap.h"
#include "inspect.h"
#include "io.h"
#include "native.h"
#include "parser.h"
#include "rng.h"
#include "sched.h"
#include "vm.h"

extern bool compile_boot_mode;

static int saved_argc;
static char **saved_argv;

void runtime_set_argv(int argc, char **argv)
{
    saved_argc = argc;
    saved_argv = argv;
}

Term runtime_argv(void *heap)
{
    Term list = TERM_NIL;
    for (int i = saved_argc; i-- > 0;) list = cons_new(heap, binary_from_cstr(heap, saved_argv[i]), list);
    return list;
}

static void report_compile_error(const CompileError *err)
{
    char buf[1200];
    int n = err->kind[0] ? snprintf(buf, sizeof buf, "** (%s) %s\n", err->kind, err->message)
                         : snprintf(buf, sizeof buf, "%s\n", err->message);
    io_write(2, buf, (size_t)n);
}

/* The embedded library loads lazily, as the BEAM's code server does: at
 * start-up a quick scan of each file finds the modules it defines; a file
 * is parsed and compiled the first time one of its modules is looked up.
 * Within a file, a module that needs a later one's struct is retried after
 * the others. */
typedef struct LibFile {
    const EmbeddedSource *src;
    bool loaded;
    bool has_macros; /* defines a macro: the compiler must load it to expand calls */
} LibFile;

typedef struct LibModule {
    Term name;
    LibFile *file;
} LibModule;

static LibFile *lib_files;
static LibModule *lib_modules;
static size_t nlib_files, nlib_modules, lib_modules_cap;

static void lib_note_module(LibFile *f, const char *name, size_t len, bool is_atom)
{
    char buf[256];
    if (len + 8 > sizeof buf) return;
    int n = is_atom ? snprintf(buf, sizeof buf, "%.*s", (int)len, name) : snprintf(buf, sizeof buf, "Elixir.%.*s", (int)len, name);
    if (nlib_modules == lib_modules_cap) {
        lib_modules_cap = lib_modules_cap ? lib_modules_cap * 2 : 128;
        lib_modules = xrealloc(lib_modules, lib_modules_cap * sizeof *lib_modules);
    }
    lib_modules[nlib_modules++] = (LibModule){atom_intern(buf, (size_t)n), f};
}

/* Finds `defmodule Name` / `defmodule :name` at the start of lines. */
static void lib_scan(LibFile *f)
{
    const char *t = f->src->text, *end = t + f->src->length;
    for (const char *line = t; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl) nl = end;
        const char *ws = line;
        while (ws < nl && *ws == ' ') ws++;
        if ((size_t)(nl - ws) > 9 && memcmp(ws, "defmacro ", 9) == 0) f->has_macros = true;
        if ((size_t)(nl - line) > 10 && memcmp(line, "defmodule ", 10) == 0) {
            const char *name = line + 10;
            bool is_atom = *name == ':';
            if (is_atom) name++;
            const char *e = name;
            while (e < nl && (isalnum((unsigned char)*e) || *e == '_' || *e == '.')) e++;
            if (e > name) lib_note_module(f, name, (size_t)(e - name), is_atom);
        }
        line = nl + 1;
    }
}

/* The top-level expressions of a parsed file: a __block__'s, or the one. */
static Term toplevel_items(Term ast)
{
    if (term_is_tuple(ast) && tuple_size(ast) == 3 && tuple_get(ast, 0) == atom_from_cstr("__block__") && term_is_list(tuple_get(ast, 2)))
        return tuple_get(ast, 2);
    return list_from(literal_heap(), 1, &ast);
}

typedef struct DeferredModule {
    Term ast;
    const char *path;
} DeferredModule;

static DeferredModule *deferred;
static size_t ndeferred, deferred_cap;
static int load_depth;

static void lib_defer(Term ast, const char *path)
{
    if (ndeferred == deferred_cap) {
        deferred_cap = deferred_cap ? deferred_cap * 2 : 16;
        deferred = xrealloc(deferred, deferred_cap * sizeof *deferred);
    }
    deferred[ndeferred++] = (DeferredModule){ast, path};
}

static void lib_retry_deferred(void)
{
    bool saved_mode = compile_boot_mode;
    compile_boot_mode = true;
    bool progress = true;
    CompileError err;
    while (ndeferred && progress) {
        progress = false;
        size_t kept = 0;
        for (size_t i = 0; i < ndeferred; i++) {
            if (compile_defmodule(deferred[i].ast, deferred[i].path, literal_heap(), &err) != TERM_NONE) progress = true;
            else deferred[kept++] = deferred[i];
        }
        ndeferred = kept;
    }
    compile_boot_mode = saved_mode;
    for (size_t i = 0; i < ndeferred; i++) {
        compile_defmodule(deferred[i].ast, deferred[i].path, literal_heap(), &err);
        fprintf(stderr, "genlab: the embedded library did not compile (%s):\n", deferred[i].path);
        report_compile_error(&err);
    }
    ndeferred = 0;
}

static void lib_load_file(LibFile *f)
{
    f->loaded = true;
    ParseError perr;
    /* the AST lives as long as the code compiled from it */
    Term ast = parse_source(literal_heap(), f->src->text, f->src->length, f->src->path, &perr);
    if (ast == TERM_NONE) {
        fprintf(stderr, "genlab: %s:%d:%d: %s\n", f->src->path, perr.line, perr.column, perr.message);
        return;
    }
    Term items = toplevel_items(ast);
    /* A module that fails may need one whose file is loading further up
     * (a cycle through lazy loads) or a later one of this file: all of
     * them are retried when the outermost load ends. */
    bool saved_mode = compile_boot_mode;
    compile_boot_mode = true;
    CompileError err;
    for (Term l = items; term_is_cons(l); l = cons_tail(l))
        if (ast_is_defmodule(cons_head(l)) && compile_defmodule(cons_head(l), f->src->path, literal_heap(), &err) == TERM_NONE)
            lib_defer(cons_head(l), f->src->path);
    compile_boot_mode = saved_mode;
}

static bool lib_autoload(Term name)
{
    for (size_t i = 0; i < nlib_modules; i++)
        if (lib_modules[i].name == name) {
            if (lib_modules[i].file->loaded) return false;
            load_depth++;
            lib_load_file(lib_modules[i].file);
            if (--load_depth == 0) lib_retry_deferred();
            return true;
        }
    return false;
}

static bool lib_has_macros(Term name)
{
    for (size_t i = 0; i < nlib_modules; i++)
        if (lib_modules[i].name == name) return lib_modules[i].file->has_macros;
    return false;
}

bool runtime_load_library(void)
{
    bool ok = true;
    for (size_t i = 0; i < nlib_files; i++)
        if (!lib_files[i].loaded) {
            load_depth++;
            lib_load_file(&lib_files[i]);
            if (--load_depth == 0) lib_retry_deferred();
        }
    for (size_t i = 0; i < nlib_modules; i++)
        if (!module_lookup(lib_modules[i].name)) {
            fprintf(stderr, "genlab: library module %s did not load\n", atom_text(lib_modules[i].name));
            ok = false;
        }
    return ok;
}

static void load_library(void)
{
    size_t n = 0;
    for (const EmbeddedSource *s = embedded_sources; s->path; s++) n++;
    lib_files = xcalloc(n + 1, sizeof *lib_files);
    for (size_t i = 0; i < n; i++) {
        lib_files[i].src = &embedded_sources[i];
        lib_scan(&lib_files[i]);
    }
    nlib_files = n;
    module_set_autoload(lib_autoload, lib_has_macros);
}

void runtime_init(unsigned long long seed)
{
    atom_table_init();
    literal_heap();
    native_init();
    extern const NativeDef genlab_natives[];
    native_register(genlab_natives);
    extern const NativeDef process_natives[];
    native_register(process_natives);
    rng_seed(seed);
    load_library();
}

/* ---- the main process ----------------------------------------------------------- */

static Process *main_process;

static Process *main_proc(void)
{
    if (!main_process) main_process = process_spawn_main();
    return main_process;
}

/* Calls Elixir code at the top of the main process's frame stack and runs
 * the scheduler until that code returns or raises. */
static VmStatus run_function(Process *p, Function *fn, const Term *args, uint32_t nargs)
{
    vm_prepare_call(p, fn, args, nargs);
    VmStatus st;
    if (!sched_run_main(p, &st)) {
        if (p->status == PROC_EXITED) return VM_KILLED; /* an exit signal from a link */
        /* Every process waits and no timer is due: it would wait forever.
         * Real Elixir hangs here; genlab says so and goes on. */
        p->exc_class = ATOM_exit;
        p->exc_reason = atom_from_cstr("deadlock");
        p->exc_stacktrace = TERM_NIL;
        st = VM_ERROR;
    }
    return st;
}

/* Crash reports go through the logger, which in the BEAM prints them a
 * little later: a report prints once 100 ms of virtual time have passed
 * since the crash (a script that ends sooner never shows it, as with
 * `elixir`), so output stays deterministic. */
#define REPORT_LATENCY_MS 100

typedef struct PendingReport {
    uint64_t due;
    char *text;
    size_t len;
} PendingReport;

static PendingReport *pending;
static size_t npending, pending_cap;

void runtime_idle(void)
{
    size_t kept = 0;
    for (size_t i = 0; i < npending; i++) {
        if (pending[i].due <= clock_now()) {
            io_write(1, pending[i].text, pending[i].len); /* Logger's console is standard output */
            free(pending[i].text);
        } else {
            pending[kept++] = pending[i];
        }
    }
    npending = kept;
}

static void reports_drop(void)
{
    for (size_t i = 0; i < npending; i++) free(pending[i].text);
    npending = 0;
}

static void report_later(char *text, size_t n)
{
    if (npending == pending_cap) {
        pending_cap = pending_cap ? pending_cap * 2 : 8;
        pending = xrealloc(pending, pending_cap * sizeof *pending);
    }
    pending[npending++] = (PendingReport){clock_now() + REPORT_LATENCY_MS, text, n};
}

/* Logger's console prefix: "\n12:00:00.123 [error] " with the virtual clock. */
static int log_prefix(char *buf, size_t size, const char *level)
{
    uint64_t ms = clock_epoch_ms() + clock_now();
    uint64_t day_ms = ms % 86400000ULL;
    return snprintf(buf, size, "\n%02u:%02u:%02u.%03u [%s] ", (unsigned)(day_ms / 3600000), (unsigned)(day_ms / 60000 % 60),
                    (unsigned)(day_ms / 1000 % 60), (unsigned)(day_ms % 1000), level);
}

/* The main process was killed by an exit signal: "** (EXIT from #PID<...>) ...". */
static void print_killed(Process *p)
{
    reports_drop(); /* the BEAM halts before its logger prints */
    Term kind = tuple2(&p->heap, atom_from_cstr("EXIT"), p->pid);
    char *text = runtime_format_exception(kind, p->exit_reason, TERM_NIL);
    io_write(2, text, strlen(text));
    if (!*text || text[strlen(text) - 1] != '\n') io_write(2, "\n", 1);
    free(text);
}

/* A process other than main ended with an uncaught exception: report it
 * as Erlang's error logger does. */
void runtime_report_crash(Process *p)
{
    if (p->exc_class == ATOM_exit) return; /* exits are not errors: nothing is logged */
    char head[128];
    int n = log_prefix(head, sizeof head, "error");
    n += snprintf(head + n, sizeof head - (size_t)n, "Process #PID<0.%u.0> raised an exception\n", pid_serial(p->pid));
    /* an uncaught throw ends a process as error:{nocatch, value} */
    Term cls = p->exc_class, reason = p->exc_reason;
    if (cls == ATOM_throw) {
        cls = ATOM_error;
        reason = tuple2(&p->heap, atom_from_cstr("nocatch"), reason);
    }
    char *text = runtime_format_exception(cls, reason, p->exc_stacktrace);
    size_t tlen = strlen(text);
    char *all = xmalloc((size_t)n + tlen + 2);
    memcpy(all, head, (size_t)n);
    memcpy(all + n, text, tlen);
    size_t len = (size_t)n + tlen;
    if (!tlen || text[tlen - 1] != '\n') all[len++] = '\n';
    free(text);
    report_later(all, len);
}

/* Runs the Elixir function Module.fun(args) that returns text (the
 * library's exception formatters) and returns it malloc'd, or NULL. */
static char *call_elixir_text(const char *module, const char *fun, const Term *args, uint32_t nargs)
{
    Module *m = module_lookup(atom_from_cstr(module));
    Function *f = m ? module_find_function(m, atom_from_cstr(fun), nargs) : NULL;
    if (!f) return NULL;
    Heap h;
    heap_init(&h, 256);
    Term cls, reason, stack;
    Term r = vm_eval_sync(f, args, nargs, &h, &cls, &reason, &stack);
    char *out = NULL;
    const uint8_t *bytes;
    size_t len;
    if (r != TERM_NONE && binary_bytes(r, &bytes, &len)) out = xstrndup((const char *)bytes, len);
    heap_release(&h);
    return out;
}

char *runtime_format_exception(Term cls, Term reason, Term stack)
{
    Term args[3] = {cls, reason, stack};
    char *text = call_elixir_text("Elixir.Exception", "format", args, 3);
    if (text) return text;
    InspectOpts o;
    inspect_opts_default(&o);
    char *shown = inspect_to_cstring(reason, &o, NULL);
    size_t n = strlen(shown) + 64;
    char *out = xmalloc(n);
    snprintf(out, n, "** (%s) %s", cls == ATOM_error ? "ErlangError" : atom_text(cls), shown);
    free(shown);
    return out;
}

static void print_uncaught(Process *p)
{
    /* as Kernel.CLI prints it (core/lib/genlab_support.ex) */
    Term args[3] = {p->exc_class, p->exc_reason, p->exc_stacktrace};
    char *cli = call_elixir_text("genlab_cli", "format_error", args, 3);
    if (cli) {
        size_t len = strlen(cli);
        io_write(2, cli, len);
        if (len == 0 || cli[len - 1] != '\n') io_write(2, "\n", 1);
        free(cli);
        return;
    }
    char *text = runtime_format_exception(p->exc_class, p->exc_reason, p->exc_stacktrace);
    size_t n = strlen(text);
    io_write(2, text, n);
    if (n == 0 || text[n - 1] != '\n') io_write(2, "\n", 1);
    free(text);
}

static void print_result(Term v)
{
    InspectOpts o;
    inspect_opts_default(&o);
    o.pretty = true;
    o.width = 80;
    size_t len;
    char *s = inspect_to_cstring(v, &o, &len);
    io_write(1, s, len);
    io_write(1, "\n", 1);
    free(s);
}

int runtime_eval_source(const char *source, size_t len, const char *file, EvalMode mode)
{
    ParseError perr;
    Heap scratch;
    heap_init(&scratch, 4096);
    Term ast = parse_source(&scratch, source, len, file, &perr);
    if (ast == TERM_NONE) {
        char buf[2400];
        int n = perr.column > 0
                    ? snprintf(buf, sizeof buf, "** (%s) %s:%d:%d: %s\n", perr.kind, file, perr.line, perr.column, perr.message)
                    : snprintf(buf, sizeof buf, "** (%s) %s:%d: %s\n", perr.kind, file, perr.line, perr.message);
        if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
        io_write(2, buf, (size_t)n);
        heap_release(&scratch);
        return 1;
    }
    /* Compiled code keeps pointing at the AST's literals: keep it permanent. */
    ast = term_copy(literal_heap(), ast);
    heap_release(&scratch);
    Term items = toplevel_items(ast);

    Process *p = main_proc();
    compile_begin_file();
    /* A script is compiled whole before any of it runs, as Elixir expands
     * a file's top level first; the shell's inputs each run at once. */
    size_t nitems = 0;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) nitems++;
    Chunk *chunks = xcalloc(nitems + 1, sizeof *chunks);
    Bindings names = {0};
    int status = 0;
    size_t i = 0;
    if (mode == EVAL_SCRIPT) {
        for (Term l = items; term_is_cons(l); l = cons_tail(l))
            if (ast_is_defmodule(cons_head(l))) compile_note_file_module(cons_head(l));
        for (Term l = items; term_is_cons(l); l = cons_tail(l), i++) {
            if (ast_is_defmodule(cons_head(l))) continue;
            CompileError err;
            if (!compile_chunk(cons_head(l), file, &names, &chunks[i], &err)) {
                report_compile_error(&err);
                status = 1;
                break;
            }
            chunks[i].in_names = names.count ? xmalloc(names.count * sizeof(Term)) : NULL;
            if (names.count) memcpy(chunks[i].in_names, names.names, names.count * sizeof(Term));
            names.names = chunks[i].out_names;
            names.count = chunks[i].nout;
        }
    }
    Term *values = NULL;
    size_t nvalues = 0;
    Bindings b = {0};
    i = 0;
    for (Term l = items; status == 0 && term_is_cons(l); l = cons_tail(l), i++) {
        Term expr = cons_head(l);
        CompileError err;
        if (ast_is_defmodule(expr)) {
            Term v = compile_defmodule(expr, file, &p->heap, &err);
            if (v == TERM_NONE) {
                report_compile_error(&err);
                if (mode == EVAL_SCRIPT) { status = 1; break; }
                continue;
            }
            if (mode == EVAL_ECHO) print_result(v);
            continue;
        }
        Chunk *chunk = &chunks[i];
        if (mode == EVAL_ECHO) {
            b.names = names.names;
            b.count = names.count;
            if (!compile_chunk(expr, file, &b, chunk, &err)) {
                report_compile_error(&err);
                continue;
            }
            chunk->in_names = NULL;
        }
        VmStatus st = run_function(p, chunk->fn, values, (uint32_t)nvalues);
        if (st == VM_KILLED) {
            print_killed(p);
            if (mode == EVAL_SCRIPT) { status = 1; break; }
            process_revive_main(p);
            continue;
        }
        runtime_idle();
        if (st != VM_DONE && mode == EVAL_SCRIPT && p->exc_class == ATOM_exit && p->exc_reason == ATOM_normal) break;
        if (st != VM_DONE) {
            print_uncaught(p);
            if (mode == EVAL_SCRIPT) { status = 1; break; }
            continue;
        }
        /* {value, binding values...} in chunk->out_names order */
        Term result = p->vm->result;
        values = xrealloc(values, (chunk->nout + 1) * sizeof(Term));
        for (size_t k = 0; k < chunk->nout; k++) values[k] = tuple_get(result, k + 1);
        nvalues = chunk->nout;
        names.names = chunk->out_names;
        names.count = chunk->nout;
        if (mode == EVAL_ECHO) print_result(tuple_get(result, 0));
    }
    for (size_t k = 0; k < nitems; k++) {
        free(chunks[k].in_names);
        free(chunks[k].out_names);
    }
    free(chunks);
    free(values);
    if (mode == EVAL_SCRIPT) reports_drop(); /* the script is over: the BEAM halts */
    return status;
}
