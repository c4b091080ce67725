/* runtime.c - boot, the main process, and running top-level code. */
#include "runtime.h"

#include "genlab.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "atom.h"
#include "algebra.h"
#include "bif.h"
#include "binary.h"
#include "code_region.h"
#include "compile_run.h"
#include "compiler.h"
#include "embedded.h"
#include "ets.h"
#include "fatal.h"
#include "gc.h"
#include "heap.h"
#include "image.h"
#include "inspect.h"
#include "io.h"
#include "map.h"
#include "native.h"
#include "parser.h"
#include "pool.h"
#include "rng.h"
#include "sched.h"
#include "state.h"
#include "views.h"
#include "vm.h"

static void runtime_idle(void);
static bool runtime_report_crash(Process *p);

typedef struct LibFile LibFile;
typedef struct LibModule LibModule;
typedef struct DeferredModule DeferredModule;
typedef struct PendingReport PendingReport;

/* What this file keeps for a runtime (state.h). */
typedef struct HostState {
    LibFile *lib_files;  /* the embedded library: see lib_scan */
    LibModule *lib_modules;
    size_t nlib_files, nlib_modules, lib_modules_cap;
    DeferredModule *deferred; /* see lib_load_file */
    size_t ndeferred, deferred_cap;
    int load_depth;
    Process *main_process;
    Genlab *session;     /* the shell's session, when one is open */
    PendingReport *pending; /* crash reports the logger has not printed yet */
    size_t npending, pending_cap;
    bool reports_after_prompt; /* reports made now print after the next prompt */
    uint64_t report_ids;       /* the last PendingReport id given out */
    unsigned long logger_lines; /* what Logger has written so far (see shell_settle) */
} HostState;

#define HOST (rt->host)

void runtime_set_argv(int argc, char **argv)
{
    rt->argc = argc;
    rt->argv = argv;
}

/* What a failed compile prints: the exception and its stack trace; a
 * CompileError with none has a blank line for it (IEx shows the module
 * compiler's frames, shell_stack, for some; a script's top level may show
 * Code.require_file/2, script_compile_frame); an exception raised while
 * compiling (no kind) comes formatted, its stack trace last. */
static char *compile_error_text(const CompileError *err, bool in_shell)
{
    const char *stack = err->stack[0] ? err->stack : in_shell && err->shell_stack ? err->shell_stack : "\n";
    size_t n = strlen(err->message) + strlen(err->kind) + strlen(stack) + 16;
    char *text = xmalloc(n);
    bool ends_line = err->message[0] && err->message[strlen(err->message) - 1] == '\n';
    if (err->kind[0]) snprintf(text, n, "** (%s) %s\n%s", err->kind, err->message, stack);
    else snprintf(text, n, "%s%s", err->message, in_shell && ends_line ? "" : "\n");
    return text;
}

static void report_compile_error(const CompileError *err)
{
    char *text = compile_error_text(err, false);
    io_write(2, text, strlen(text));
    free(text);
}

/* The embedded library loads lazily, as the BEAM's code server does: at
 * start-up the index the build made (embedded.h) names the modules of each
 * file; a file
 * is parsed and compiled the first time one of its modules is looked up.
 * Within a file, a module that needs a later one's struct is retried after
 * the others.
 *
 * The five tutorial servers (lessons/servers/NAME.ex) load the same way, but
 * only in a shell session, as if IEx had required them from a .iex.exs: a
 * script sees none of them, so one that defines its own Counter gets its
 * own and prints what `elixir` prints. */
struct LibFile {
    const EmbeddedSource *src;
    bool loaded;
    bool has_macros; /* defines a macro: the compiler must load it to expand calls */
    bool shell_only; /* a preloaded tutorial server */
};

struct LibModule {
    Term name;
    LibFile *file;
};


/* Files the modules the build found in it (embedded.h). */
static void lib_note_modules(LibFile *f)
{
    for (const char *name = f->src->modules; *name; name += strlen(name) + 1) {
        if (HOST->nlib_modules == HOST->lib_modules_cap) {
            size_t grown = HOST->lib_modules_cap ? HOST->lib_modules_cap * 2 : 128;
            HOST->lib_modules = xrealloc(HOST->lib_modules, grown * sizeof *HOST->lib_modules);
            HOST->lib_modules_cap = grown; /* only once the memory is there */
        }
        HOST->lib_modules[HOST->nlib_modules++] = (LibModule){atom_intern(name, strlen(name)), f};
    }
}

/* The top-level expressions of a parsed file: a __block__'s, or the one. */
static Term toplevel_items(Term ast)
{
    if (term_is_tuple(ast) && tuple_size(ast) == 3 && tuple_get(ast, 0) == atom_from_cstr("__block__") && term_is_list(tuple_get(ast, 2)))
        return tuple_get(ast, 2);
    return list_from(literal_heap(), 1, &ast);
}

/* The mark of a run of items toplevel_grouped made into one __block__. */
static Term group_meta(Heap *h) { return list_from(h, 1, (Term[]){tuple2(h, atom_from_cstr("genlab_group"), ATOM_true)}); }

static bool toplevel_is_group(Term item)
{
    if (!term_is_tuple(item) || tuple_size(item) != 3 || tuple_get(item, 0) != atom_from_cstr("__block__")) return false;
    Term meta = tuple_get(item, 1);
    if (!term_is_cons(meta) || !term_is_tuple(cons_head(meta)) || tuple_size(cons_head(meta)) != 2) return false;
    return tuple_get(cons_head(meta), 0) == atom_from_cstr("genlab_group") && tuple_get(cons_head(meta), 1) == ATOM_true;
}

/* Top-level items run one chunk each: between two, every other process
 * that can run gets a slice, as a BEAM's other schedulers would run them
 * meanwhile, and IEx expands each item of an input just before it runs
 * (`IO.puts(1); undefined()` prints 1, then the CompileError). But a chunk
 * takes every binding and gives them all back (compile_chunk), so a run of
 * this many items or more, which no one writes by hand, is one chunk
 * (toplevel_grouped); the shell goes item by item after all when it does
 * not compile. (The BEAM takes 24 s for a shell input of 5,000 bindings,
 * 198 s for 10,000.) */
#define TOPLEVEL_GROUP_MIN 1000

/* items with each run of at least min_run consecutive items that define
 * no module made one __block__ (marked, see toplevel_is_group), compiled
 * as one chunk. A chunk takes every binding in registers and gives them
 * all back in a tuple (compile_chunk), so a chunk per item made a file
 * of n top-level bindings O(n^2) to compile and run. */
static Term toplevel_grouped(Term items, size_t min_run)
{
    size_t n = 0;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) n++;
    Term *item = xmalloc((n + 1) * sizeof(Term));
    n = 0;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) item[n++] = cons_head(l);
    Heap *h = literal_heap();
    Term out = TERM_NIL;
    /* backwards: runs end where a module begins */
    for (size_t end = n; end > 0;) {
        size_t start = end;
        while (start > 0 && !ast_is_defmodule(item[start - 1])) start--;
        if (end - start >= min_run && end - start >= 2) {
            Term run = TERM_NIL;
            for (size_t i = end; i > start; i--) run = cons_new(h, item[i - 1], run);
            out = cons_new(h, tuple3(h, atom_from_cstr("__block__"), group_meta(h), run), out);
        } else {
            for (size_t i = end; i > start; i--) out = cons_new(h, item[i - 1], out);
        }
        if (start > 0) out = cons_new(h, item[start - 1], out); /* the module */
        end = start > 0 ? start - 1 : 0;
    }
    free(item);
    return out;
}

/* Collects p between two chunks if it is due: a chunk that calls nothing
 * reaches no safe point, and each leaves its {value, bindings...} in p's
 * heap (with a hundred thousand bindings, a few hundred such chunks
 * passed the default max_heap_size). Before the arguments are read. */
static void chunk_collect(Process *p)
{
    if (p->vm && p->status != PROC_EXITED && gc_due(p)) gc_collect(p, 0);
}

struct DeferredModule {
    Term ast;
    const char *path;
};


static void lib_defer(Term ast, const char *path)
{
    if (HOST->ndeferred == HOST->deferred_cap) {
        size_t grown = HOST->deferred_cap ? HOST->deferred_cap * 2 : 16;
        HOST->deferred = xrealloc(HOST->deferred, grown * sizeof *HOST->deferred);
        HOST->deferred_cap = grown; /* only once the memory is there */
    }
    HOST->deferred[HOST->ndeferred++] = (DeferredModule){ast, path};
}

static void lib_retry_deferred(void)
{
    bool saved_mode = rt->compile_boot_mode;
    rt->compile_boot_mode = true;
    bool progress = true;
    CompileError err;
    while (HOST->ndeferred && progress) {
        progress = false;
        size_t kept = 0;
        for (size_t i = 0; i < HOST->ndeferred; i++) {
            if (compile_defmodule(HOST->deferred[i].ast, HOST->deferred[i].path, literal_heap(), &err) != TERM_NONE) progress = true;
            else HOST->deferred[kept++] = HOST->deferred[i];
        }
        HOST->ndeferred = kept;
    }
    rt->compile_boot_mode = saved_mode;
    for (size_t i = 0; i < HOST->ndeferred; i++) {
        compile_defmodule(HOST->deferred[i].ast, HOST->deferred[i].path, literal_heap(), &err);
        fprintf(stderr, "genlab: the embedded library did not compile (%s):\n", HOST->deferred[i].path);
        report_compile_error(&err);
    }
    HOST->ndeferred = 0;
}

static void lib_load_file(LibFile *f)
{
    f->loaded = true;
    /* what the build compiled loads as it was compiled (image.h) */
    if (image_load(f->src->path, f->src->text, f->src->length)) return;
    ParseError perr;
    /* (boot mode as it parses too: the lexer reads the library's `# elixir:N`) */
    bool saved_mode = rt->compile_boot_mode;
    rt->compile_boot_mode = true;
    /* the AST lives as long as the code compiled from it */
    Term ast = parse_source(literal_heap(), f->src->text, f->src->length, f->src->path, &perr);
    if (ast == TERM_NONE) {
        rt->compile_boot_mode = saved_mode;
        fprintf(stderr, "genlab: %s:%d:%d: %s\n", f->src->path, perr.line, perr.column, perr.message);
        return;
    }
    Term items = toplevel_items(ast);
    /* A module that fails may need one whose file is loading further up
     * (a cycle through lazy loads) or a later one of this file: all of
     * them are retried when the outermost load ends. */
    CompileError err;
    for (Term l = items; term_is_cons(l); l = cons_tail(l))
        if (ast_is_defmodule(cons_head(l)) && compile_defmodule(cons_head(l), f->src->path, literal_heap(), &err) == TERM_NONE)
            lib_defer(cons_head(l), f->src->path);
    rt->compile_boot_mode = saved_mode;
}

static bool shell_session_open(void);

static bool lib_autoload(Term name)
{
    for (size_t i = 0; i < HOST->nlib_modules; i++)
        if (HOST->lib_modules[i].name == name) {
            if (HOST->lib_modules[i].file->loaded) return false;
            if (HOST->lib_modules[i].file->shell_only && !shell_session_open()) return false;
            /* A file compiled from source (no image) may run Elixir in the
             * process whose call needs the module (a `use`, a macro). It
             * runs alone (sched_exclusive): another process must not find
             * the file's modules half loaded. And a native or the VM's call
             * that waits on this lookup may hold terms of that process in C
             * variables, so it is not collected until the load is done. */
            Process *p = sched_current();
            size_t live = p ? p->heap.live_words : 0;
            if (p) p->heap.live_words = SIZE_MAX / 4;
            sched_exclusive(true);
            HOST->load_depth++;
            /* The library is the runtime's, not the asking process's: a
             * load is never cut short halfway by that process's memory
             * running out (the modules would stay half loaded). Memory
             * that cannot be had for it stops genlab. */
            HeapFailureJump outer = heap_set_failure_jump((HeapFailureJump){NULL, NULL, NULL});
            lib_load_file(HOST->lib_modules[i].file);
            if (--HOST->load_depth == 0) lib_retry_deferred();
            heap_set_failure_jump(outer);
            sched_exclusive(false);
            if (p && p->status != PROC_EXITED) p->heap.live_words = live;
            return true;
        }
    return false;
}

static bool lib_has_macros(Term name)
{
    for (size_t i = 0; i < HOST->nlib_modules; i++)
        if (HOST->lib_modules[i].name == name) return HOST->lib_modules[i].file->has_macros;
    return false;
}

/* IEx uses up pids as a .iex.exs requires the servers: five for each
 * module it compiles, and one more when the compiler's checker first loads
 * :crypto (SessionStore calls it), whose on_load starts a process. A shell
 * skips as many at its start, so the pids a learner sees are IEx's. */
static unsigned lib_preload_pids(void)
{
    unsigned pids = 0;
    bool crypto = false;
    for (size_t i = 0; i < HOST->nlib_modules; i++)
        if (HOST->lib_modules[i].file->shell_only) pids += 5;
    for (size_t i = 0; i < HOST->nlib_files; i++)
        if (HOST->lib_files[i].shell_only && memmem(HOST->lib_files[i].src->text, HOST->lib_files[i].src->length, ":crypto.", 8)) crypto = true;
    return pids + crypto;
}

bool runtime_load_library(void)
{
    bool ok = true;
    for (size_t i = 0; i < HOST->nlib_files; i++)
        if (!HOST->lib_files[i].loaded) {
            HOST->load_depth++;
            lib_load_file(&HOST->lib_files[i]);
            if (--HOST->load_depth == 0) lib_retry_deferred();
        }
    for (size_t i = 0; i < HOST->nlib_modules; i++)
        if (!module_lookup(HOST->lib_modules[i].name)) {
            fprintf(stderr, "genlab: library module %s did not load\n", atom_text(HOST->lib_modules[i].name));
            ok = false;
        }
    return ok;
}

static void load_library(void)
{
    size_t n = 0;
    for (const EmbeddedSource *s = embedded_sources; s->path; s++) n++;
    HOST->lib_files = xcalloc(n + 1, sizeof *HOST->lib_files);
    for (size_t i = 0; i < n; i++) {
        HOST->lib_files[i].src = &embedded_sources[i];
        HOST->lib_files[i].shell_only = strncmp(embedded_sources[i].path, "lessons/", 8) == 0;
        HOST->lib_files[i].has_macros = embedded_sources[i].has_macros;
        lib_note_modules(&HOST->lib_files[i]);
    }
    HOST->nlib_files = n;
    module_set_autoload(lib_autoload, lib_has_macros);
}

/* Gives the active runtime every concept's state and boots it. */
static void runtime_log_error(const char *text);
static void runtime_logger_write(int stream, const char *bytes, size_t n);

/* The natives this file answers. */
static Term genlab_crash_report(Process *p, const Term *args);
static const NativeDef runtime_natives[] = {
    {"genlab", "crash_report", 2, genlab_crash_report},
    {NULL, NULL, 0, NULL},
};

/* A process ended: its ETS tables go, and the compiles it had waiting. */
static void runtime_process_exited(Term pid)
{
    ets_owner_exited(pid);
    compile_run_owner_exited(pid_serial(pid));
}

static void runtime_boot(unsigned long long seed)
{
    atom_table_init();
    literal_heap();
    module_table_init();
    native_init();
    /* the library's natives (a later table's entry replaces an earlier one's) */
    static const NativeDef *const natives[] = {
        bif_erlang_misc_natives,
        bif_arith_natives,  bif_terms_natives, bif_convert_natives, bif_lists_natives,
        bif_maps_natives,   bif_binmod_natives, bif_unicode_natives, bif_math_natives,
        bif_string_natives, bif_base_natives,  bif_number_natives,  bif_system_natives,
        ets_natives,        bif_code_natives,  bif_etf_natives,     bif_regex_natives,
        genlab_natives,     process_natives,    bif_protocol_natives, bif_algebra_natives,
        views_natives,      runtime_natives,
    };
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++) native_register(natives[i]);
    sched_state_init();
    ets_state_init();
    compile_state_init();
    rng_seed(seed);
    load_library();
    sched_set_hooks(&(SchedHooks){runtime_idle, runtime_report_crash, runtime_process_exited, vm_run, vm_registers_in_use});
    /* what holds terms above lang/, for the shell inputs' code regions */
    code_region_add_holder(ets_visit_held_words);
    code_region_add_holder(views_visit_kept_words);
    rt->log_write = runtime_logger_write;
    rt->format_exception = runtime_format_exception;
    rt->log_error = runtime_log_error;
    /* all processes' heaps together may take three quarters of the
     * machine's memory before the next allocation ends its process */
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0) rt->memory_limit = (size_t)pages / 4 * 3 * (size_t)page;
}

/* ---- the main process ----------------------------------------------------------- */


static Process *main_proc(void)
{
    if (!HOST->main_process) HOST->main_process = process_spawn_main();
    return HOST->main_process;
}


static bool shell_session_open(void) { return HOST->session != NULL; }

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

/* ---- the host's compiles ------------------------------------------------------- */

/* What the host compiles: a module (into *h) or a top-level chunk. */
typedef struct HostCompile {
    Term ast;
    const char *file;
    Heap *h;                  /* a module's result goes here; NULL: a chunk */
    const Bindings *bindings; /* a chunk's */
    Chunk *out;
    CompileError *err;
    /* the top-level environment as it was before the chunk: each attempt
     * starts from it (a chunk's alias or import is made again) */
    ToplevelMark toplevel;
} HostCompile;

static Function *find_function(const char *module, const char *name, uint32_t arity);

static Term host_compile_attempt(Process *p, void *arg)
{
    (void)p;
    const HostCompile *c = arg;
    if (c->h) return compile_defmodule(c->ast, c->file, c->h, c->err);
    compile_toplevel_reset(c->toplevel);
    return compile_chunk(c->ast, c->file, c->bindings, c->out, c->err) ? ATOM_true : ATOM_false;
}

/* Compiles as the host (a script's modules and top level, the shell's
 * input) with the compile-time calls run by p as its ordinary top-level
 * work between attempts (compile_run.h): the compiler is never on the C
 * stack while Elixir runs. Each attempt compiles in `region` (NULL: none).
 * Answers the compile's answer, or TERM_NONE when p ended or genlab halted
 * during a call. */
static Term host_compile(Process *p, HostCompile *c, CodeRegion *region)
{
    c->toplevel = compile_toplevel_mark();
    Function *outcome_of = NULL; /* looked up at the first call: most compiles make none */
    CompileRun *run = compile_run_host_new(p, host_compile_attempt, c);
    Term answer;
    for (;;) {
        code_region_enter(region);
        bool done = compile_run_host_step(run, &answer);
        code_region_enter(NULL);
        if (done) break;
        Term call[2];
        if (!outcome_of) outcome_of = find_function("Elixir.Code", "__genlab_host_outcome__", 2);
        compile_run_host_call(run, &call[0], &call[1]);
        VmStatus st = outcome_of ? run_function(p, outcome_of, call, 2) : VM_KILLED;
        if (st == VM_KILLED || p->status == PROC_EXITED || sched_halted(NULL)) {
            answer = TERM_NONE;
            break;
        }
        /* VM_ERROR: it waited forever (an exit with :deadlock) */
        Term outcome = st == VM_DONE ? p->vm->result : tuple3(&p->heap, p->exc_class, p->exc_reason, p->exc_stacktrace);
        compile_run_host_answer(run, outcome);
    }
    compile_run_host_free(run);
    return answer;
}

/* Crash reports go through the logger, which in the BEAM prints them a
 * little later: a report prints once 20 ms of virtual time have passed
 * since the crash (a script that ends sooner never shows it, as with
 * `elixir`), so output stays deterministic. In Elixir 1.14 it is a race:
 * measured on this machine, a script's `spawn(fn -> raise "x" end)` shows
 * its report in no run that sleeps 10 ms after it, in about half at 15-20
 * ms, in most from 40 ms. */
#define REPORT_LATENCY_MS 20

struct PendingReport {
    uint64_t due;
    char *text;
    size_t len;
    bool after_prompt; /* see shell_settle */
    bool formatting;   /* its text is not complete yet (runtime_report_crash) */
    int stream;
    uint32_t serial;   /* the process that formats it */
    uint64_t id;
};


static void runtime_idle(void)
{
    size_t kept = 0;
    for (size_t i = 0; i < HOST->npending; i++) {
        if (HOST->pending[i].due <= clock_now() && !HOST->pending[i].after_prompt && !HOST->pending[i].formatting) {
            io_write(HOST->pending[i].stream, HOST->pending[i].text, HOST->pending[i].len);
            free(HOST->pending[i].text);
        } else {
            HOST->pending[kept++] = HOST->pending[i];
        }
    }
    HOST->npending = kept;
}

static void reports_drop(void)
{
    for (size_t i = 0; i < HOST->npending; i++) free(HOST->pending[i].text);
    HOST->npending = 0;
}

static void report_later_on(int stream, char *text, size_t n)
{
    if (HOST->npending == HOST->pending_cap) {
        size_t grown = HOST->pending_cap ? HOST->pending_cap * 2 : 8;
        HOST->pending = xrealloc(HOST->pending, grown * sizeof *HOST->pending);
        HOST->pending_cap = grown; /* only once the memory is there */
    }
    /* the shell prints reports when its input is done: no latency */
    uint64_t latency = HOST->session ? 0 : REPORT_LATENCY_MS;
    HOST->pending[HOST->npending++] = (PendingReport){clock_now() + latency, text, n, HOST->reports_after_prompt, false, stream, 0, 0};
}

/* Logger's console is standard output. */
static void report_later(char *text, size_t n) { report_later_on(1, text, n); }

void runtime_log_write(int stream, const char *bytes, size_t n)
{
    if (HOST->session) report_later_on(stream, xstrndup(bytes, n), n);
    else io_write(stream, bytes, n);
}

/* Logger's console output, from Elixir code. */
static void runtime_logger_write(int stream, const char *bytes, size_t n)
{
    HOST->logger_lines++;
    runtime_log_write(stream, bytes, n);
}

/* Reports held for after the prompt are due now. */
static void reports_release(void)
{
    for (size_t i = 0; i < HOST->npending; i++) HOST->pending[i].after_prompt = false;
    runtime_idle();
}

/* Logger's console prefix: "\n12:00:00.123 [error] " with the virtual clock. */
static int log_prefix(char *buf, size_t size, const char *level)
{
    uint64_t ms = clock_epoch_ms() + clock_now();
    uint64_t day_ms = ms % 86400000ULL;
    return snprintf(buf, size, "\n%02u:%02u:%02u.%03u [%s] ", (unsigned)(day_ms / 3600000), (unsigned)(day_ms / 60000 % 60),
                    (unsigned)(day_ms / 1000 % 60), (unsigned)(day_ms % 1000), level);
}

/* The main process was killed by an exit signal: "** (EXIT from #PID<...>) ...".
 * Returns the main process that replaces it (p is freed). */
static Process *print_killed(Process *p)
{
    reports_drop(); /* the BEAM halts before its logger prints */
    Heap keep;
    heap_init(&keep, 64);
    Term kind = tuple2(&keep, atom_from_cstr("EXIT"), p->pid);
    Term reason = term_copy(&keep, p->exit_reason);
    /* a fresh process formats it (a reason's message/1 runs there): the
     * killed one runs nothing more */
    HOST->main_process = process_replace_main(p);
    char *text = runtime_format_exception(kind, reason, TERM_NIL);
    heap_release(&keep);
    io_write(2, text, strlen(text));
    if (!*text || text[strlen(text) - 1] != '\n') io_write(2, "\n", 1);
    /* Kernel.CLI ends an exit's report with an empty line */
    io_write(2, "\n", 1);
    free(text);
    return HOST->main_process;
}

/* The runtime's own [error] lines ("Too many processes"): the BEAM's
 * emulator logs them at once, so they are not held back as reports are. */
static void runtime_log_error(const char *text)
{
    char buf[512];
    int n = log_prefix(buf, sizeof buf, "error");
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%s", text);
    runtime_log_write(1, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* A process other than main ended with an uncaught exception: it reports
 * it as Erlang's error logger does, before it exits, as a proc_lib process
 * does on the BEAM. The report's text comes from Exception.format, which
 * runs users' message/1 implementations: so the process itself runs it
 * (:genlab_cli.report_crash/5) as ordinary work, then exits with the
 * reason it crashed with. A message/1 that never returns keeps that
 * process busy, never the others. The report's place, time stamp and due
 * time are taken now; :genlab.crash_report/2 fills in its text. */
static void report_max_heap(Process *p);
static void report_out_of_memory(Process *p);
static Function *find_function(const char *module, const char *name, uint32_t arity);

/* The report process p is formatting, or NULL. */
static PendingReport *report_in_progress(Process *p)
{
    for (size_t i = 0; i < HOST->npending; i++)
        if (HOST->pending[i].formatting && HOST->pending[i].serial == pid_serial(p->pid)) return &HOST->pending[i];
    return NULL;
}

/* Ends report r's text with `text` (or, when it is not text, with what C
 * can say of `reason`: formatting it in Elixir failed). */
static void report_finish(PendingReport *r, Term text, Term reason)
{
    const uint8_t *bytes;
    size_t len;
    char *shown = NULL;
    if (!binary_bytes(text, &bytes, &len)) {
        InspectOpts o;
        inspect_opts_default(&o);
        char *inspected = inspect_to_cstring(reason, &o, NULL);
        len = strlen(inspected) + 32;
        shown = xmalloc(len);
        len = (size_t)snprintf(shown, len, "** (ErlangError) %s", inspected);
        free(inspected);
        bytes = (const uint8_t *)shown;
    }
    r->text = xrealloc(r->text, r->len + len + 2);
    memcpy(r->text + r->len, bytes, len);
    r->len += len;
    if (!len || bytes[len - 1] != '\n') r->text[r->len++] = '\n';
    r->text[r->len] = 0;
    r->formatting = false;
    free(shown);
}

static bool runtime_report_crash(Process *p)
{
    if (p->heap_killed) {
        PendingReport *r = report_in_progress(p);
        if (r) {
            /* its report grew past its heap's limit: it ends as it crashed */
            Term exit_reason = p->host_root;
            report_finish(r, TERM_NONE, term_is_tuple(exit_reason) ? tuple_get(exit_reason, 0) : exit_reason);
            p->exit_reason = exit_reason;
            p->host_root = TERM_NIL;
            return false;
        }
        if (p->heap_killed == HEAP_FAIL_LIMIT) report_max_heap(p);
        else report_out_of_memory(p);
        return false;
    }
    if (p->exc_class == ATOM_exit) return false; /* exits are not errors: nothing is logged */
    Function *f = find_function("genlab_cli", "report_crash", 5);
    if (!f) return false;
    char head[128];
    int n = log_prefix(head, sizeof head, "error");
    n += snprintf(head + n, sizeof head - (size_t)n, "Process #PID<0.%u.0> raised an exception\n", pid_serial(p->pid));
    Heap *h = &p->heap;
    /* an uncaught throw ends a process as error:{nocatch, value} */
    Term cls = p->exc_class, reason = p->exc_reason, exit_reason;
    if (cls == ATOM_throw) {
        cls = ATOM_error;
        reason = tuple2(h, atom_from_cstr("nocatch"), reason);
        exit_reason = tuple2(h, reason, p->exc_stacktrace);
    } else {
        exit_reason = tuple2(h, reason, p->exc_stacktrace);
    }
    report_later(xstrndup(head, (size_t)n), (size_t)n);
    PendingReport *r = &HOST->pending[HOST->npending - 1];
    r->id = ++HOST->report_ids;
    r->serial = pid_serial(p->pid);
    r->formatting = true;
    p->host_root = exit_reason; /* kept for report_in_progress */
    Term args[5] = {small_make((int64_t)r->id), cls, reason, p->exc_stacktrace, exit_reason};
    vm_prepare_call(p, f, args, 5);
    p->vm->mbox_save = &p->vm->mbox_head;
    p->exc_reason = TERM_NIL;
    p->exc_stacktrace = TERM_NIL;
    return true;
}

/* :genlab.crash_report(id, text): the text of report `id` (see
 * runtime_report_crash), or {kind, reason} when formatting it failed. */
static Term genlab_crash_report(Process *p, const Term *args)
{
    PendingReport *r = report_in_progress(p);
    if (r && args[0] == small_make((int64_t)r->id)) {
        Term t = args[1];
        report_finish(r, t, term_is_tuple(t) && tuple_size(t) == 2 ? tuple_get(t, 1) : t);
        p->host_root = TERM_NIL;
    }
    return ATOM_ok;
}

/* A process passed its max_heap_size: the BEAM's report, through Logger's
 * console format (the GC figures are genlab's own: heap, registers and
 * frames in words). */
static void report_max_heap(Process *p)
{
    char buf[1024];
    int n = log_prefix(buf, sizeof buf, "error");
    size_t stack = p->vm ? p->vm->regs_cap + p->vm->frames_cap * (sizeof(Frame) / sizeof(Term)) : 0;
    snprintf(buf + n, sizeof buf - (size_t)n,
             "     Process:            #PID<0.%u.0> \n"
             "     Context:            maximum heap size reached\n"
             "     Max Heap Size:      %zu\n"
             "     Total Heap Size:    %zu\n"
             "     Kill:               true\n"
             "     Error Logger:       true\n"
             "     Message Queue Len:  %zu\n"
             "     GC Info:            [heap_size: %zu, stack_size: %zu]\n",
             pid_serial(p->pid), p->vm ? (size_t)p->vm->max_heap_words : 0, p->heap.capacity_words + stack,
             p->vm ? p->vm->mbox_len : 0,
             p->heap.capacity_words, stack);
    report_later(xstrndup(buf, strlen(buf)), strlen(buf));
}

/* The BEAM stops whole when memory runs out; genlab ends the process that
 * asked, with the reason a kill gives, and says why. */
static void report_out_of_memory(Process *p)
{
    char buf[512];
    int n = log_prefix(buf, sizeof buf, "error");
    snprintf(buf + n, sizeof buf - (size_t)n,
             "Process #PID<0.%u.0> was killed: out of memory (an allocation of %zu bytes failed; "
             "%zu bytes in use, --max-memory %zu)\n",
             pid_serial(p->pid), rt->alloc_failed_bytes, rt->memory_in_use, rt->memory_limit);
    report_later(xstrndup(buf, strlen(buf)), strlen(buf));
}

/* Runs the Elixir function Module.fun(args) that returns text (the
 * library's exception formatters) and returns it malloc'd, or NULL. It
 * runs in the process that evaluates now (sched_evaluator: the main
 * process, or the process whose native asked), as ordinary work: an
 * exception's message/1 that never returns loops there as it would in
 * Elixir, while the other processes go on, until Ctrl-C. */
static char *call_elixir_text(const char *module, const char *fun, const Term *args, uint32_t nargs)
{
    Module *m = module_lookup(atom_from_cstr(module));
    Function *f = m ? module_find_function(m, atom_from_cstr(fun), nargs) : NULL;
    /* no process to run it (the evaluator was killed): C says what it can */
    Process *p = sched_evaluator();
    if (!f || !p) return NULL;
    Heap h;
    heap_init(&h, 256);
    Term cls, reason, stack;
    Term r = vm_eval_in(p, f, args, nargs, &h, &cls, &reason, &stack);
    char *out = NULL;
    const uint8_t *bytes;
    size_t len;
    if (r != TERM_NONE && binary_bytes(r, &bytes, &len)) out = xstrndup((const char *)bytes, len);
    heap_release(&h);
    return out;
}

char *runtime_format_exception(Term cls, Term reason, Term stack)
{
    /* kept aside: formatting runs in the evaluating process, which may
     * collect the heap these live in */
    Heap keep;
    heap_init(&keep, 64);
    Term args[3] = {cls, term_copy(&keep, reason), term_copy(&keep, stack)};
    reason = args[1];
    char *text = call_elixir_text("Elixir.Exception", "format", args, 3);
    if (text) {
        heap_release(&keep);
        return text;
    }
    InspectOpts o;
    inspect_opts_default(&o);
    char *shown = inspect_to_cstring(reason, &o, NULL);
    /* the kind is an atom, or {:EXIT, pid} for a killed main process */
    char *kind = NULL;
    if (term_is_tuple(cls) && tuple_size(cls) == 2) {
        char *from = inspect_to_cstring(tuple_get(cls, 1), &o, NULL);
        size_t k = strlen(from) + 16;
        kind = xmalloc(k);
        snprintf(kind, k, "EXIT from %s", from);
        free(from);
    } else {
        const char *name = cls == ATOM_error ? "ErlangError" : term_is_atom(cls) ? atom_text(cls) : "?";
        kind = xstrndup(name, strlen(name));
    }
    size_t n = strlen(shown) + strlen(kind) + 16;
    char *out = xmalloc(n);
    snprintf(out, n, "** (%s) %s", kind, shown);
    free(kind);
    free(shown);
    heap_release(&keep);
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



static char *format_parse_error(const ParseError *perr, const char *file, size_t *len)
{
    char *buf = xmalloc(2400);
    int n = perr->column > 0 ? snprintf(buf, 2400, "** (%s) %s:%d:%d: %s\n", perr->kind, file, perr->line, perr->column, perr->message)
                             : snprintf(buf, 2400, "** (%s) %s:%d: %s\n", perr->kind, file, perr->line, perr->message);
    if (n >= 2400) n = 2399;
    *len = (size_t)n;
    return buf;
}

/* ---- scripts ---------------------------------------------------------------- */

/* Elixir reads a script as a charlist first: bytes that are not UTF-8 fail
 * there, before anything is parsed, with its UnicodeConversionError. */
static bool report_bad_encoding(const char *source, size_t len)
{
    bool incomplete;
    size_t good = utf8_valid_prefix((const uint8_t *)source, len, &incomplete);
    if (good == len) return false;
    InspectOpts o;
    inspect_opts_default(&o);
    o.pretty = false;
    Heap h;
    heap_init(&h, 64);
    size_t n;
    char *rest = inspect_to_cstring(binary_new(&h, source + good, len - good), &o, &n);
    heap_release(&h);
    char head[80];
    int k = snprintf(head, sizeof head, "** (UnicodeConversionError) %s encoding starting at ", incomplete ? "incomplete" : "invalid");
    io_write(2, head, (size_t)k);
    io_write(2, rest, n);
    static const char trace[] = "\n    (elixir 1.14.0) lib/string.ex:2535: String.to_charlist/1\n"
                                "    (elixir 1.14.0) lib/code.ex:1806: Code.find_file!/2\n"
                                "    (elixir 1.14.0) lib/code.ex:1237: Code.require_file/2\n";
    io_write(2, trace, sizeof trace - 1);
    free(rest);
    return true;
}

/* The warnings of Elixir's checker about the remote calls of the modules
 * compiled since the last time: calls of functions or modules that do not
 * exist (compile_calls.c, genlab_cli.undefined_call_warnings/1); or only
 * forgets those calls when not `shown`. */
static void print_undefined_calls(bool shown)
{
    Heap keep;
    heap_init(&keep, 256);
    Term calls = compile_remote_calls_take(&keep);
    if (shown && calls != TERM_NIL) {
        char *text = call_elixir_text("genlab_cli", "undefined_call_warnings", &calls, 1);
        if (text) io_write(2, text, strlen(text));
        free(text);
    }
    heap_release(&keep);
}

/* Whether a CompileError in a script's top level shows Elixir's
 * Code.require_file/2 frame rather than a blank line. Elixir raises it
 * with the stack of its expansion, of which the BEAM keeps 8 frames and
 * Kernel.CLI prints those that are not the compiler's own: the frame is
 * among the 8 when the expansion is shallow. So: an undefined function
 * that a statement of the top level calls by itself (`foo(x)` alone on its
 * line), or, in a file of one statement, one it binds (`x = foo()`) or an
 * import, alias or require that fails. */
static bool script_compile_frame(Term items, const CompileError *err, const char *file)
{
    bool single = term_is_cons(items) && cons_tail(items) == TERM_NIL;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) {
        Term item = cons_head(l);
        if (single && term_is_tuple(item) && tuple_size(item) == 3) {
            Term op = tuple_get(item, 0), args = tuple_get(item, 2);
            if (op == atom_from_cstr("import") || op == atom_from_cstr("alias") || op == atom_from_cstr("require")) return true;
            if (op == atom_from_cstr("=") && term_is_cons(args) && term_is_cons(cons_tail(args))) item = cons_head(cons_tail(args));
        }
        if (!term_is_tuple(item) || tuple_size(item) != 3 || !term_is_atom(tuple_get(item, 0)) || !term_is_list(tuple_get(item, 2))) continue;
        Term name = tuple_get(item, 0), meta = tuple_get(item, 1);
        char want[512];
        int line = 0;
        for (Term m = meta; term_is_cons(m); m = cons_tail(m)) {
            Term kv = cons_head(m);
            if (term_is_tuple(kv) && tuple_size(kv) == 2 && tuple_get(kv, 0) == atom_from_cstr("line") && term_is_small(tuple_get(kv, 1)))
                line = (int)small_value(tuple_get(kv, 1));
        }
        size_t arity = 0;
        for (Term a = tuple_get(item, 2); term_is_cons(a); a = cons_tail(a)) arity++;
        snprintf(want, sizeof want, "%s:%d: undefined function %s/%zu (there is no such import)", file, line, atom_text(name), arity);
        if (!strcmp(err->message, want)) return true;
    }
    return false;
}

static size_t modules_defined(Term expr);
static void skip_pids(size_t n);

/* `elixir FILE.exs` runs the file in #PID<0.96.0> and has used up two more
 * pids before the script's first spawn; each module the script defines
 * uses up three (four for its first), as Elixir's compiler does. */
#define SCRIPT_MAIN_SERIAL 96
#define SCRIPT_PIDS_BEFORE_SPAWN 2

int runtime_eval_source(const char *source, size_t len, const char *file, EvalMode mode)
{
    (void)mode;
    if (report_bad_encoding(source, len)) return 1;
    ParseError perr;
    Heap scratch;
    heap_init(&scratch, 4096);
    Term ast = parse_source(&scratch, source, len, file, &perr);
    if (ast == TERM_NONE) {
        size_t n;
        char *text = format_parse_error(&perr, file, &n);
        io_write(2, text, n);
        free(text);
        heap_release(&scratch);
        return 1;
    }
    /* Compiled code keeps pointing at the AST's literals: keep it permanent. */
    ast = term_copy(literal_heap(), ast);
    heap_release(&scratch);
    Term statements = toplevel_items(ast);
    Term items = toplevel_grouped(statements, TOPLEVEL_GROUP_MIN);

    bool fresh = !HOST->main_process;
    if (fresh) sched_set_next_serial(SCRIPT_MAIN_SERIAL);
    Process *p = main_proc();
    if (fresh) skip_pids(SCRIPT_PIDS_BEFORE_SPAWN);
    bool first_module = true;
    compile_begin_file();
    /* `elixir FILE.exs` warns about the top level's unused variables,
     * `elixir -e` (whose code is "nofile") does not */
    if (strcmp(file, "nofile")) compile_script_track(file);
    /* A script is compiled whole before any of it runs, as Elixir expands
     * a file's top level first. */
    size_t nitems = 0;
    for (Term l = items; term_is_cons(l); l = cons_tail(l)) nitems++;
    Chunk *chunks = xcalloc(nitems + 1, sizeof *chunks);
    Bindings names = {0};
    int status = 0;
    size_t i = 0, owner = SIZE_MAX; /* the chunk whose out_names names holds */
    for (Term l = items; term_is_cons(l); l = cons_tail(l))
        if (ast_is_defmodule(cons_head(l))) compile_note_file_module(cons_head(l));
    for (Term l = items; term_is_cons(l); l = cons_tail(l), i++) {
        if (ast_is_defmodule(cons_head(l))) {
            compile_script_module();
            continue;
        }
        /* a statement before the last that does nothing: warned as it expands */
        if (i != nitems - 1) warn_statement_no_effect_at(file, cons_head(l), names.names, names.count);
        CompileError err;
        names.last = i == nitems - 1;
        HostCompile hc = {.ast = cons_head(l), .file = file, .bindings = &names, .out = &chunks[i], .err = &err};
        bool compiled = host_compile(p, &hc, NULL) == ATOM_true;
        if (sched_halted(NULL)) break;
        if (p->status == PROC_EXITED) {
            p = print_killed(p);
            status = 1;
            break;
        }
        if (!compiled) {
            if (!err.stack[0] && strcmp(file, "nofile") && !strcmp(err.kind, "CompileError") && script_compile_frame(statements, &err, file))
                snprintf(err.stack, sizeof err.stack, "    (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2\n");
            report_compile_error(&err);
            status = 1;
            break;
        }
        /* only the latest names are needed: each chunk's array is as long
         * as the bindings, and a script can have thousands */
        if (owner < nitems) {
            free(chunks[owner].out_names);
            chunks[owner].out_names = NULL;
        }
        owner = i;
        names.names = chunks[i].out_names;
        names.count = chunks[i].nout;
    }
    compile_script_end(status == 0);
    /* The bindings between chunks, {value, binding values...}, stay in
     * p->host_root, a root of p's collections: a module body compiled
     * between two chunks runs in p and may collect its heap. */
    p->host_root = tuple_from(&p->heap, 1, (Term[]){ATOM_nil});
    Term *values = NULL;
    i = 0;
    for (Term l = items; status == 0 && term_is_cons(l); l = cons_tail(l), i++) {
        Term expr = cons_head(l);
        if (sched_halted(NULL)) break;
        if (ast_is_defmodule(expr)) {
            skip_pids(3 * modules_defined(expr) + first_module);
            first_module = false;
            CompileError err;
            Term v = host_compile(p, &(HostCompile){.ast = expr, .file = file, .h = &p->heap, .err = &err}, NULL);
            if (sched_halted(NULL)) break;
            if (p->status == PROC_EXITED) {
                /* its body or a macro ran in p, which an exit signal ended */
                p = print_killed(p);
                status = 1;
            } else if (v == TERM_NONE) {
                report_compile_error(&err);
                status = 1;
            }
            continue;
        }
        Chunk *chunk = &chunks[i];
        size_t nvalues = tuple_size(p->host_root);
        values = xrealloc(values, nvalues * sizeof(Term));
        memcpy(values, tuple_elems(p->host_root), nvalues * sizeof(Term));
        /* a script file's top level runs under Elixir's compiler (vm.c's script_frames) */
        rt->script_pid = strcmp(file, "nofile") ? p->pid : 0;
        VmStatus st = run_function(p, chunk->fn, values, (uint32_t)nvalues);
        rt->script_pid = 0;
        if (sched_halted(NULL)) break;
        if (st == VM_KILLED) {
            p = print_killed(p);
            status = 1;
            break;
        }
        runtime_idle();
        if (st != VM_DONE && p->exc_class == ATOM_exit && p->exc_reason == ATOM_normal) break;
        if (st != VM_DONE) {
            print_uncaught(p);
            status = 1;
            break;
        }
        /* a chunk with no call in it has no safe point: collect between
         * chunks, so that many of them in a row do not pile up garbage */
        if (gc_due(p)) gc_collect(p, 0);
        /* {value, binding values...} in chunk->out_names order: the next
         * chunk's arguments */
        p->host_root = p->vm->result;
    }
    for (size_t k = 0; k < nitems; k++) free(chunks[k].out_names);
    free(chunks);
    free(values);
    /* Elixir's checker speaks once the file has run, if it ran to its end */
    print_undefined_calls(status == 0 && !sched_halted(NULL));
    reports_drop(); /* the script is over: the BEAM halts */
    int halt;
    if (sched_halted(&halt)) return halt;
    return status;
}

/* ---- the public handle ------------------------------------------------------- */

struct Genlab {
    RuntimeState state; /* every concept's state: rt points here while active */
    HostState host;
    bool shell_open, colors;
    bool shell_died_after_result; /* see shell_settle */
    int counter;
    Term *names; /* the session's binding names; their values are the shell
                    process's host_root: {last value, value...} */
    size_t nnames;
    CodeRegion *input_region; /* where the input being evaluated compiles, or NULL */
};

/* Every entry point of genlab.h makes its runtime the active one first. */
static void enter(const Genlab *g) { rt = (RuntimeState *)&g->state; }
void runtime_enter(const Genlab *g) { if (g) enter(g); }

Genlab *genlab_new(unsigned long long seed)
{
    Genlab *g = xcalloc(1, sizeof *g);
    g->state.host = &g->host;
    enter(g);
    runtime_boot(seed);
    /* the tests' fault injection (fatal.h): the Nth allocation a process
     * makes fails, to show that it ends that process only */
    const char *fail = getenv("GENLAB_FAIL_ALLOC");
    if (fail) alloc_fail_after(strtoull(fail, NULL, 10));
    return g;
}

void genlab_on_out_of_memory(void (*stop)(void)) { fatal_set_out_of_memory_stop(stop); }

void runtime_init(unsigned long long seed) { genlab_new(seed); }

void genlab_free(Genlab *g)
{
    if (!g) return;
    enter(g);
    /* processes first: their exits release ETS tables through the hooks */
    sched_state_free();
    ets_state_free();
    views_state_free();
    reports_drop();
    free(HOST->pending);
    free(HOST->lib_files);
    free(HOST->lib_modules);
    free(HOST->deferred);
    free(g->names);
    code_region_state_free();
    compile_run_state_free();
    compile_state_free();
    bif_state_free();
    module_table_free();
    native_table_free();
    literal_heap_free();
    atom_table_free();
    pool_state_free(); /* last: every heap and process block was in it */
    free(g);
    rt = NULL;
}

void genlab_set_writer(Genlab *g, GenlabWriter writer)
{
    enter(g);
    io_set_writer(writer);
}

void genlab_set_argv(Genlab *g, int argc, char **argv)
{
    enter(g);
    runtime_set_argv(argc, argv);
}

void genlab_set_limits(Genlab *g, size_t max_processes, size_t max_memory)
{
    enter(g);
    if (max_processes) sched_set_max_processes(max_processes);
    if (max_memory) rt->memory_limit = max_memory;
}

int genlab_run_script(Genlab *g, const char *source, size_t len, const char *file)
{
    enter(g);
    return runtime_eval_source(source, len, file, EVAL_SCRIPT);
}

uint64_t genlab_clock(const Genlab *g)
{
    enter(g);
    return clock_now();
}

void genlab_interrupt(Genlab *g)
{
    /* from a signal handler: the active runtime may be another */
    sched_interrupt(g->state.sched);
}

void genlab_result_free(GenlabResult *r)
{
    free(r->text);
    r->text = NULL;
}

GenlabInputStatus genlab_input_status(Genlab *g, const char *source, size_t len)
{
    enter(g);
    Heap scratch;
    heap_init(&scratch, 1024);
    ParseError perr;
    Term ast = parse_source(&scratch, source, len, "iex", &perr);
    heap_release(&scratch);
    if (ast != TERM_NONE) return GENLAB_INPUT_COMPLETE;
    /* a missing terminator or a trailing operator: more lines may finish it */
    return strcmp(perr.kind, "TokenMissingError") == 0 ? GENLAB_INPUT_INCOMPLETE : GENLAB_INPUT_ERROR;
}

/* ---- the shell ---------------------------------------------------------------- */

/* IEx's evaluator is #PID<0.106.0> on a fresh BEAM. */
#define SHELL_FIRST_SERIAL 106

static Function *find_function(const char *module, const char *name, uint32_t arity)
{
    Module *m = module_lookup(atom_from_cstr(module));
    return m ? module_find_function(m, atom_from_cstr(name), arity) : NULL;
}

/* Compiles and runs top-level code (already parsed) in the shell process
 * with the session's bindings; false and p's exception set if it failed. */
static VmStatus shell_run_chunk(Genlab *g, Process *p, Term expr, const char *file, CompileError *err, bool *compiled)
{
    Bindings b = {0};
    b.names = g->names;
    b.count = g->nnames;
    Chunk chunk;
    HostCompile hc = {.ast = expr, .file = file, .bindings = &b, .out = &chunk, .err = err};
    *compiled = host_compile(p, &hc, g->input_region) == ATOM_true;
    /* what the top level keeps for the next inputs (imports, attributes)
     * must outlive this input's region */
    if (g->input_region) compile_toplevel_keep();
    /* a macro it expanded ran in p, which an exit signal or Ctrl-C ended */
    if (p->status == PROC_EXITED) {
        *compiled = true;
        return VM_KILLED;
    }
    if (!*compiled) return VM_ERROR;
    /* host_root is {last value, binding values...}: the chunk's arguments */
    chunk_collect(p);
    Term args[256];
    Term *argv = g->nnames < 256 ? args : xmalloc((g->nnames + 1) * sizeof(Term));
    memcpy(argv, tuple_elems(p->host_root), (g->nnames + 1) * sizeof(Term));
    VmStatus st = run_function(p, chunk.fn, argv, (uint32_t)g->nnames + 1);
    if (argv != args) free(argv);
    if (st == VM_DONE) {
        p->host_root = p->vm->result; /* {value, binding values...} */
        free(g->names);
        g->names = chunk.out_names;
        g->nnames = chunk.nout;
    } else {
        free(chunk.out_names);
    }
    return st;
}

/* `import Outer.Helpers` in the session, if that module exists. */
static bool shell_import(Genlab *g, Process *p, const char *outer)
{
    char module[64];
    snprintf(module, sizeof module, "Elixir.%s.Helpers", outer);
    if (!module_lookup(atom_from_cstr(module))) return false;
    Heap *h = literal_heap();
    Term alias = tuple3(h, atom_from_cstr("__aliases__"), TERM_NIL, list_from(h, 2, (Term[]){atom_from_cstr(outer), atom_from_cstr("Helpers")}));
    Term imp = tuple3(h, atom_from_cstr("import"), TERM_NIL, list_from(h, 1, &alias));
    CompileError err;
    bool compiled;
    shell_run_chunk(g, p, imp, "iex", &err, &compiled);
    return true;
}

static void shell_new_process(Genlab *g)
{
    Process *p = main_proc();
    p->host_root = tuple_from(&p->heap, 1, (Term[]){ATOM_nil});
    free(g->names);
    g->names = NULL;
    g->nnames = 0;
    g->counter = 1;
    compile_begin_file();
    /* IEx's helpers are imported into every shell, and genlab's teaching
     * helpers beside them (core/lib/genlab_helpers.ex) */
    if (shell_import(g, p, "IEx")) {
        /* the helpers learn whether the shell shows colours (h/1, clear/0) */
        Function *start = find_function("Elixir.IEx.Helpers", "__shell_start__", 1);
        Term colors = g->colors ? ATOM_true : ATOM_false;
        if (start) run_function(p, start, &colors, 1);
    }
    shell_import(g, p, "Genlab");
}

void genlab_shell_start(Genlab *g, bool colors)
{
    enter(g);
    HOST->session = g;
    g->shell_open = true;
    g->colors = colors;
    sched_set_next_serial(SHELL_FIRST_SERIAL);
    shell_new_process(g);
    for (unsigned n = lib_preload_pids(); n > 0; n--) sched_skip_serial();
}

int genlab_shell_counter(const Genlab *g) { return g->counter; }

void genlab_shell_line_read(Genlab *g)
{
    enter(g);
    sched_skip_serial();
}

static GenlabResult result_text(GenlabResultKind kind, char *text)
{
    GenlabResult r = {kind, text, strlen(text), 0};
    /* a coloured error ends with its newline, then the colour's reset */
    bool ended = r.len >= 5 && !strcmp(text + r.len - 5, "\n\033[0m");
    if (!ended && (!r.len || text[r.len - 1] != '\n')) {
        r.text = xrealloc(text, r.len + 2);
        r.text[r.len++] = '\n';
        r.text[r.len] = 0;
    }
    return r;
}

static char *shell_format_error(Genlab *g, Term cls, Term reason, Term stack)
{
    /* kept aside: formatting runs in the shell process, which may collect */
    Heap keep;
    heap_init(&keep, 64);
    Term args[3] = {cls, term_copy(&keep, reason), term_copy(&keep, stack)};
    char *text = call_elixir_text("genlab_cli", "format_shell_error", args, 3);
    if (!text) text = runtime_format_exception(cls, args[1], args[2]);
    heap_release(&keep);
    if (!g->colors) return text;
    /* IEx's eval_error colour */
    size_t n = strlen(text) + 16;
    char *red = xmalloc(n);
    snprintf(red, n, "\033[31m%s\033[0m", text);
    free(text);
    return red;
}


/* Ctrl-C killed the evaluator: a fresh one takes over with the bindings
 * it had before the input, so a learner keeps the pids they had bound. */
static Process *shell_replace_keeping(Process *p, Term root)
{
    reports_drop();
    Heap keep;
    heap_init(&keep, 256);
    root = term_copy(&keep, root);
    HOST->main_process = process_replace_main(p);
    HOST->main_process->host_root = term_copy(&HOST->main_process->heap, root);
    heap_release(&keep);
    return HOST->main_process;
}

/* The shell process was killed: say why, and start a fresh one. */
static GenlabResult shell_restart(Genlab *g, Process *p)
{
    /* what crashed logged before it exited, so its report comes first */
    for (size_t i = 0; i < HOST->npending; i++) HOST->pending[i].due = 0;
    reports_release();
    char pid[64];
    snprintf(pid, sizeof pid, "#PID<0.%u.0>", pid_serial(p->pid));
    /* respawn/0, or an evaluator that exited normally, goes without a word */
    bool respawn = p->exit_reason == atom_from_cstr("genlab_respawn") || p->exit_reason == ATOM_normal;
    Heap keep;
    heap_init(&keep, 64);
    Term reason = term_copy(&keep, p->exit_reason);
    HOST->main_process = process_replace_main(p);
    /* the fresh evaluator formats the reason (its message/1 runs there) */
    char *why = call_elixir_text("Elixir.Exception", "format_exit", &reason, 1);
    heap_release(&keep);
    size_t n = strlen(pid) + (why ? strlen(why) : 8) + 80;
    char *text = xmalloc(n);
    snprintf(text, n, "** (EXIT from %s) shell process exited with reason: %s\n\n", pid, why ? why : "killed");
    if (respawn) text[0] = 0;
    free(why);
    shell_new_process(g);
    return result_text(GENLAB_RESULT_RESTART, text);
}

/* A result whose structs have users' Inspect implementations is inspected
 * by Elixir code in the shell process (Inspect.Algebra.__genlab_shell__/2),
 * which runs them; NULL if that failed. */
static char *inspect_result_in_elixir(Genlab *g, Term v)
{
    Process *p = main_proc();
    Function *f = find_function("Elixir.Inspect.Algebra", "__genlab_shell__", 2);
    if (!f) return NULL;
    Term args[2] = {v, g->colors ? ATOM_true : ATOM_false};
    const uint8_t *bytes;
    size_t len;
    if (run_function(p, f, args, 2) != VM_DONE || !binary_bytes(p->vm->result, &bytes, &len)) return NULL;
    return xstrndup((const char *)bytes, len);
}

static char *inspect_result(Genlab *g, Term v)
{
    InspectOpts o;
    inspect_opts_default(&o);
    o.pretty = true;
    o.width = 80;
    bool needs_elixir;
    char *plain = algebra_inspect_text(v, &o, &needs_elixir);
    /* a shell process that died after its result (shell_settle) cannot run
     * the users' Inspect implementations: the value is shown plainly */
    char *elixir = needs_elixir && !g->shell_died_after_result ? inspect_result_in_elixir(g, v) : NULL;
    if (elixir) {
        free(plain);
        return elixir;
    }
    if (!g->colors || needs_elixir) return plain;
    free(plain);
    /* IEx's defaults: syntax colours inside the yellow of eval_result */
    static const char *const iex_colors[INSPECT_COLOR_COUNT] = {
        [INSPECT_COLOR_ATOM] = "\033[36m",    [INSPECT_COLOR_BINARY] = "\033[39m", [INSPECT_COLOR_BOOLEAN] = "\033[35m",
        [INSPECT_COLOR_CHARLIST] = "\033[33m", [INSPECT_COLOR_LIST] = "\033[39m",   [INSPECT_COLOR_MAP] = "\033[39m",
        [INSPECT_COLOR_NIL] = "\033[35m",     [INSPECT_COLOR_NUMBER] = "\033[33m", [INSPECT_COLOR_STRING] = "\033[32m",
        [INSPECT_COLOR_TUPLE] = "\033[39m",   [INSPECT_COLOR_RESET] = "\033[0m\033[33m",
    };
    o.colors = iex_colors;
    size_t n;
    char *text = algebra_inspect_text(v, &o, &needs_elixir);
    n = strlen(text);
    char *out = xmalloc(n + 16);
    snprintf(out, n + 16, "\033[33m%s\033[0m", text);
    free(text);
    return out;
}

/* A defmodule's value becomes the input's value; bindings stay. */
static void set_last_value(Process *p, Term v)
{
    size_t n = tuple_size(p->host_root);
    Term t = tuple_new(&p->heap, n); /* v lives in p->heap: no collection before this */
    memcpy(tuple_elems(t), tuple_elems(p->host_root), n * sizeof(Term));
    tuple_elems(t)[0] = v;
    p->host_root = t;
}

/* How many modules expr defines, nested ones included. The AST is walked
 * with an explicit stack: its depth is the user's. */
static size_t modules_defined(Term expr)
{
    /* an implementation (defimpl, or what @derive makes) is a module too */
    Term defmodule = atom_from_cstr("defmodule"), defprotocol = atom_from_cstr("defprotocol"), defimpl = atom_from_cstr("defimpl"),
         derive = atom_from_cstr("derive");
    size_t cap = 64, n = 0, modules = 0;
    Term *stack = xmalloc(cap * sizeof *stack);
    stack[n++] = expr;
    while (n) {
        Term t = stack[--n];
        size_t k = 0;
        Term *elems = NULL;
        if (term_is_tuple(t)) {
            k = tuple_size(t);
            elems = tuple_elems(t);
            if (k == 3 && (elems[0] == defmodule || elems[0] == defprotocol || elems[0] == defimpl || elems[0] == derive)) modules++;
        } else if (term_is_cons(t)) {
            k = 2;
        }
        if (n + k > cap) {
            cap = (n + k) * 2;
            stack = xrealloc(stack, cap * sizeof *stack);
        }
        if (elems) memcpy(stack + n, elems, k * sizeof *stack);
        else if (k) {
            stack[n] = cons_head(t);
            stack[n + 1] = cons_tail(t);
        }
        n += k;
    }
    free(stack);
    return modules;
}

static void skip_pids(size_t n)
{
    while (n--) sched_skip_serial();
}

/* IEx's compiler uses up pids: five for each module an input defines at
 * its top, three for each module nested in it. genlab skips as many, so the
 * pids of what a learner starts next are the ones IEx would show. */
static void shell_skip_module_pids(Term expr)
{
    size_t modules = modules_defined(expr);
    skip_pids(modules ? 5 + 3 * (modules - 1) : 0);
}

/* What an input set going (casts, messages, spawned work) runs on once
 * the input's own code is done, as it does on the BEAM while IEx prints
 * the result. The logger is slower than IEx, so the crash reports made
 * now print after the next prompt. An exit signal that kills the shell
 * process now comes before the result when the process that sent it died
 * at once (a plain process's exit or raise); but a GenServer, an Agent or
 * a Task first writes its crash report through Logger, which takes it
 * longer than IEx takes to print the result and hand the evaluator the
 * next input: then the result stands, and the restart comes with the next
 * input (genlab_shell_eval), as in IEx. */
static GenlabResult shell_settle(Genlab *g, Process *p)
{
    unsigned long logged = HOST->logger_lines;
    HOST->reports_after_prompt = true;
    sched_run_until(clock_now());
    HOST->reports_after_prompt = false;
    int halt;
    if (sched_halted(&halt)) {
        GenlabResult r = result_text(GENLAB_RESULT_HALT, xstrndup("", 0));
        r.halt_status = halt;
        return r;
    }
    if (p->status == PROC_EXITED && HOST->logger_lines == logged) return shell_restart(g, p);
    g->shell_died_after_result = p->status == PROC_EXITED;
    return (GenlabResult){GENLAB_RESULT_VALUE, NULL, 0, 0};
}

static GenlabResult shell_result(Genlab *g, Process *p, bool quiet);

/* Evaluates the items of one parsed input; the result's kind says how it went. */
static GenlabResult shell_eval_items(Genlab *g, Term items, const char *file, bool quiet)
{
    Process *p = main_proc();
    compile_begin_input();
    /* an input that fails binds nothing: keep what to go back to, off the
     * process's heap, since a collection during the input moves its terms */
    Heap saved_heap;
    heap_init(&saved_heap, 256);
    Term saved_root = term_copy_local(&saved_heap, p->host_root);
    size_t saved_n = g->nnames;
    Term *saved_names = xmalloc((saved_n + 1) * sizeof(Term));
    if (saved_n) memcpy(saved_names, g->names, saved_n * sizeof(Term));
    GenlabResult r = {GENLAB_RESULT_VALUE, NULL, 0, 0};
    bool interrupted = false;
    set_last_value(p, ATOM_nil); /* an empty input's value */
    Heap spliced;
    heap_init(&spliced, 0);
    for (Term l = items; term_is_cons(l) && !r.text; l = cons_tail(l)) {
        Term expr = cons_head(l);
        CompileError err;
        bool compiled = true;
        VmStatus st;
        if (ast_is_defmodule(expr)) {
            shell_skip_module_pids(expr);
            /* its body and macros run in p, as a chunk's code does */
            Term v = host_compile(p, &(HostCompile){.ast = expr, .file = file, .h = &p->heap, .err = &err}, NULL);
            st = p->status == PROC_EXITED ? VM_KILLED : VM_DONE;
            if (st == VM_DONE && v == TERM_NONE) compiled = false;
            else if (st == VM_DONE) set_last_value(p, v);
        } else {
            st = shell_run_chunk(g, p, expr, file, &err, &compiled);
            if (!compiled && toplevel_is_group(expr)) {
                /* item by item after all: the next items are the group's */
                Term rest = cons_tail(l);
                size_t n = 0;
                for (Term k = tuple_get(expr, 2); term_is_cons(k); k = cons_tail(k)) n++;
                Term *run = xmalloc((n + 1) * sizeof *run);
                n = 0;
                for (Term k = tuple_get(expr, 2); term_is_cons(k); k = cons_tail(k)) run[n++] = cons_head(k);
                while (n > 0) rest = cons_new(&spliced, run[--n], rest);
                free(run);
                l = cons_new(&spliced, ATOM_nil, rest);
                continue;
            }
        }
        /* IEx's checker speaks as soon as a module is compiled */
        print_undefined_calls(compiled && st == VM_DONE);
        int halt;
        if (sched_halted(&halt)) {
            r = result_text(GENLAB_RESULT_HALT, xstrndup("", 0));
            r.halt_status = halt;
        } else if (!compiled) {
            r = result_text(GENLAB_RESULT_ERROR, compile_error_text(&err, true));
        } else if (st == VM_KILLED && p->exit_reason == atom_from_cstr("interrupted")) {
            interrupted = true;
            r = result_text(GENLAB_RESULT_ERROR, xstrndup("** (EXIT) interrupted\n\n", 24));
        } else if (st == VM_KILLED) {
            r = shell_restart(g, p);
        } else if (st != VM_DONE) {
            runtime_idle();
            r = result_text(GENLAB_RESULT_ERROR, shell_format_error(g, p->exc_class, p->exc_reason, p->exc_stacktrace));
            if (p->status == PROC_EXITED) {
                /* the formatting (a message/1) ran in p too, where Ctrl-C stopped it */
                genlab_result_free(&r);
                interrupted = true;
                r = result_text(GENLAB_RESULT_ERROR, xstrndup("** (EXIT) interrupted\n\n", 24));
            }
        }
    }
    heap_release(&spliced);
    if (interrupted) p = shell_replace_keeping(p, saved_root);
    else if (r.kind == GENLAB_RESULT_ERROR) p->host_root = term_copy_local(&p->heap, saved_root);
    heap_release(&saved_heap);
    if (r.kind == GENLAB_RESULT_ERROR) {
        free(g->names);
        g->names = saved_names;
        g->nnames = saved_n;
    } else {
        free(saved_names);
    }
    if (!r.text) r = shell_settle(g, p);
    runtime_idle();
    if (!r.text) r = shell_result(g, p, quiet);
    return r;
}

/* The input's value, recorded in the history and inspected, in the shell
 * process (see inspect_result for one that died after it, shell_settle). */
static GenlabResult shell_result(Genlab *g, Process *p, bool quiet)
{
    Term value = tuple_get(p->host_root, 0);
    Function *record = find_function("Elixir.IEx.Helpers", "__record_result__", 2);
    /* a loaded .iex.exs is not in the history, nor a dead process's result */
    if (record && !quiet && !g->shell_died_after_result) {
        Term args[2] = {small_make(g->counter), value};
        run_function(p, record, args, 2);
        value = tuple_get(p->host_root, 0);
    }
    g->counter++;
    /* what IEx's helpers return when they have printed all there is to say */
    if (value == atom_from_cstr("do not show this result in output")) return (GenlabResult){GENLAB_RESULT_VALUE, xstrndup("", 0), 0, 0};
    if (quiet) return result_text(GENLAB_RESULT_VALUE, xstrndup("", 0));
    return result_text(GENLAB_RESULT_VALUE, inspect_result(g, value));
}

/* A syntax error as IEx shows it: the message, then the line with a caret
 * under the column, then an empty line. */
static char *shell_parse_error(const ParseError *perr, const char *file, const char *text, size_t len)
{
    size_t n;
    char *msg = format_parse_error(perr, file, &n);
    const char *line = text, *end = text + len;
    for (int l = 1; l < perr->line && line < end; l++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        line = nl ? nl + 1 : end;
    }
    const char *eol = memchr(line, '\n', (size_t)(end - line));
    if (!eol) eol = end;
    if (perr->column <= 0 || line >= end) {
        msg = xrealloc(msg, n + 2);
        memcpy(msg + n, "\n", 2);
        return msg;
    }
    size_t room = n + (size_t)(eol - line) + (size_t)perr->column + 64;
    msg = xrealloc(msg, room);
    n += (size_t)snprintf(msg + n, room - n, "    |\n%3d | %.*s\n    | %*s^\n\n", perr->line, (int)(eol - line), line, perr->column - 1, "");
    return msg;
}

static Term shell_parse(Genlab *g, const char *source, size_t len, const char *file, int first_line, char **error)
{
    /* IEx numbers an input's lines from its counter: iex:N */
    size_t pad = first_line > 1 ? (size_t)first_line - 1 : 0;
    char *text = xmalloc(pad + len + 1);
    memset(text, '\n', pad);
    memcpy(text + pad, source, len);
    Heap scratch;
    heap_init(&scratch, 4096);
    ParseError perr;
    Term ast = parse_source(&scratch, text, pad + len, file, &perr);
    if (ast == TERM_NONE) {
        *error = shell_parse_error(&perr, file, text, pad + len);
        free(text);
        heap_release(&scratch);
        return TERM_NONE;
    }
    free(text);
    /* Compiled code keeps pointing at the AST's literals: an input that
     * defines no module keeps them in a region of its own, freed with its
     * code once nothing refers to them (code_region.h); a module's stay. */
    CodeRegion *region = code_region_new();
    code_region_enter(region);
    Term items = toplevel_grouped(toplevel_items(term_copy(literal_heap(), ast)), TOPLEVEL_GROUP_MIN);
    code_region_enter(NULL);
    heap_release(&scratch);
    bool modules = false;
    for (Term l = items; term_is_cons(l) && !modules; l = cons_tail(l)) modules = ast_is_defmodule(cons_head(l));
    if (modules) {
        items = term_copy(literal_heap(), items);
        code_region_close(region);
        region = NULL;
    }
    g->input_region = region;
    return items;
}

/* An input's code is done with (it ran, or failed): its region may go
 * once nothing refers to it. */
static GenlabResult shell_input_done(Genlab *g, GenlabResult r)
{
    code_region_close(g->input_region);
    g->input_region = NULL;
    return r;
}

GenlabResult genlab_shell_eval(Genlab *g, const char *source, size_t len)
{
    enter(g);
    reports_release();
    /* IEx's reader handed this input to an evaluator that has died since
     * its last result (shell_settle): the input is lost with it */
    if (g->shell_died_after_result) return genlab_shell_poll(g);
    char *error;
    /* the code of earlier inputs that nothing refers to any more goes */
    code_region_collect(main_proc(), false);
    Term items = shell_parse(g, source, len, "iex", g->counter, &error);
    if (items == TERM_NONE) return result_text(GENLAB_RESULT_ERROR, error);
    return shell_input_done(g, shell_eval_items(g, items, "iex", false));
}

GenlabResult genlab_shell_poll(Genlab *g)
{
    enter(g);
    if (!g->shell_died_after_result) return (GenlabResult){GENLAB_RESULT_VALUE, NULL, 0, 0};
    g->shell_died_after_result = false;
    GenlabResult r = shell_restart(g, main_proc());
    runtime_idle();
    return r;
}

bool genlab_shell_load(Genlab *g, const char *source, size_t len, const char *file, char **error)
{
    enter(g);
    Term items = shell_parse(g, source, len, file, 1, error);
    if (items == TERM_NONE) return false;
    int counter = g->counter;
    GenlabResult r = shell_input_done(g, shell_eval_items(g, items, file, true));
    g->counter = counter;
    if (r.kind == GENLAB_RESULT_VALUE) {
        genlab_result_free(&r);
        return true;
    }
    *error = r.text;
    return false;
}

void genlab_advance_clock(Genlab *g, uint64_t ms)
{
    enter(g);
    reports_release();
    sched_run_until(clock_now() + ms);
    runtime_idle();
}

/* ---- completion ---------------------------------------------------------------- */

/* The candidates gathered for one completion, without repeats. */
typedef struct Completion {
    const char *prefix; /* what the word must start with */
    size_t prefix_len;
    char **seen;
    size_t n, cap;
    void (*each)(void *ctx, const char *candidate);
    void *ctx;
} Completion;

static void completion_offer(Completion *c, const char *word)
{
    if (strncmp(word, c->prefix, c->prefix_len) != 0) return;
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->seen[i], word)) return;
    if (c->n == c->cap) {
        size_t grown = c->cap ? c->cap * 2 : 64;
        c->seen = xrealloc(c->seen, grown * sizeof *c->seen);
        c->cap = grown; /* only once the memory is there */
    }
    c->seen[c->n++] = xstrndup(word, strlen(word));
    c->each(c->ctx, word);
}

/* A module's name as the user types it: Counter, or :lists. */
static void module_typed_name(Term name, char *buf, size_t size)
{
    const char *t = atom_text(name);
    if (!strncmp(t, "Elixir.", 7)) snprintf(buf, size, "%s", t + 7);
    else snprintf(buf, size, ":%s", t);
}

static void offer_module(void *ctx, Module *m)
{
    char buf[512];
    module_typed_name(m->name, buf, sizeof buf);
    completion_offer(ctx, buf);
}

/* A public function's name as a user would type it, or NULL for what is
 * not typed (__info__, lambdas, operators). */
static const char *typed_function_name(const Function *f)
{
    if (!f->exported || !term_is_atom(f->name)) return NULL;
    const char *name = atom_text(f->name);
    if (!strncmp(name, "__", 2) || !(isalpha((unsigned char)name[0]) || name[0] == '_')) return NULL;
    return name;
}

/* `Module.` + the public functions of Module (macros too). */
static void offer_functions(Completion *c, Module *m, const char *typed_module)
{
    char buf[768];
    for (Function *f = m->functions; f; f = f->next_in_module) {
        const char *name = typed_function_name(f);
        if (!name) continue;
        snprintf(buf, sizeof buf, "%s.%s", typed_module, name);
        completion_offer(c, buf);
    }
}

/* The imported functions a shell input can call bare: IEx's helpers,
 * genlab's teaching helpers and Kernel's. */
static void offer_imports(Completion *c)
{
    static const char *const imported[] = {"Elixir.IEx.Helpers", "Elixir.Genlab.Helpers", "Elixir.Kernel"};
    for (size_t i = 0; i < sizeof imported / sizeof *imported; i++) {
        Module *m = module_lookup(atom_from_cstr(imported[i]));
        if (!m) continue;
        for (Function *f = m->functions; f; f = f->next_in_module) {
            const char *name = typed_function_name(f);
            if (name) completion_offer(c, name);
        }
    }
}

size_t genlab_complete(Genlab *g, const char *prefix, void (*each)(void *ctx, const char *candidate), void *ctx)
{
    enter(g);
    Completion c = {prefix, strlen(prefix), NULL, 0, 0, each, ctx};
    const char *dot = strrchr(prefix, '.');
    if (dot) {
        /* Module.fun: the module's public functions */
        char module[512];
        size_t mlen = (size_t)(dot - prefix);
        if (mlen + 8 >= sizeof module) return 0;
        if (prefix[0] == ':') snprintf(module, sizeof module, "%.*s", (int)mlen - 1, prefix + 1);
        else snprintf(module, sizeof module, "Elixir.%.*s", (int)mlen, prefix);
        Module *m = module_lookup(atom_from_cstr(module));
        if (m) {
            char typed[512];
            snprintf(typed, sizeof typed, "%.*s", (int)mlen, prefix);
            offer_functions(&c, m, typed);
        }
    }
    /* modules, loaded or in the library (Counter, Enum, :lists, Supervisor.Spec) */
    module_each(offer_module, &c);
    for (size_t i = 0; i < HOST->nlib_modules; i++) {
        if (HOST->lib_modules[i].file->shell_only && !g->shell_open) continue;
        char buf[512];
        module_typed_name(HOST->lib_modules[i].name, buf, sizeof buf);
        completion_offer(&c, buf);
    }
    if (!dot) {
        for (size_t i = 0; i < g->nnames; i++) completion_offer(&c, atom_text(g->names[i]));
        offer_imports(&c);
    }
    for (size_t i = 0; i < c.n; i++) free(c.seen[i]);
    free(c.seen);
    return c.n;
}
