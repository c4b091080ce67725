/* code.c - natives about code as text, under :genlab, for Code and the
 * shell's helpers (IEx.Helpers): a module's documentation and source, a
 * file's contents, and source text parsed to quoted form. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "embedded.h"
#include "fatal.h"
#include "module.h"
#include "compiler.h"
#include "parser.h"
#include "compile_run.h"

/* A binary argument as a C string (malloc'd), or NULL. */
static char *arg_cstring(Term t)
{
    const uint8_t *bytes;
    size_t len;
    if (!binary_bytes(t, &bytes, &len) || memchr(bytes, 0, len)) return NULL;
    return xstrndup((const char *)bytes, len);
}

/* Reads a whole file; NULL (errno set) if it cannot. */
static char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = xrealloc(buf, cap *= 2);
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static Term errno_atom(int err)
{
    switch (err) {
    case ENOENT: return atom_from_cstr("enoent");
    case EACCES: return atom_from_cstr("eacces");
    case EISDIR: return atom_from_cstr("eisdir");
    case ENOTDIR: return atom_from_cstr("enotdir");
    default: return atom_from_cstr("eio");
    }
}

/* :genlab.read_file(path): {:ok, binary} or {:error, posix}, as File.read/1. */
static Term code_read_file(Process *p, const Term *args)
{
    char *path = arg_cstring(args[0]);
    if (!path) return process_badarg(p);
    size_t len = 0;
    char *text = read_whole_file(path, &len);
    int err = errno;
    free(path);
    if (!text) return tuple2(&p->heap, ATOM_error, errno_atom(err));
    Term bin = binary_new(&p->heap, text, len);
    free(text);
    return tuple2(&p->heap, ATOM_ok, bin);
}

/* :genlab.module_docs(module): {:docs, {moduledoc, entries}} (see the
 * Module's docs field), :no_docs for a module compiled without them, or
 * :no_module. */
static Term code_module_docs(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return process_badarg(p);
    Module *m = module_lookup(args[0]);
    if (!m) return atom_from_cstr("no_module");
    if (m->docs == TERM_NONE) return atom_from_cstr("no_docs");
    return tuple2(&p->heap, atom_from_cstr("docs"), m->docs);
}

/* The text a module was compiled from: the embedded copy for the library
 * and the servers, else the file as it is now on disk. */
static char *source_text(const char *file, size_t *len)
{
    for (const EmbeddedSource *s = embedded_sources; s->path; s++)
        if (!strcmp(s->path, file)) {
            *len = s->length;
            return xstrndup(s->text, s->length);
        }
    return read_whole_file(file, len);
}

/* :genlab.module_source(module): {file, line, text} where text is the
 * whole file the module was compiled from (nil if it cannot be read), or
 * nil for a module with no file. */
static Term code_module_source(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return process_badarg(p);
    Module *m = module_lookup(args[0]);
    if (!m || !m->file) return ATOM_nil;
    size_t len = 0;
    char *text = source_text(m->file, &len);
    Term body = text ? binary_new(&p->heap, text, len) : ATOM_nil;
    free(text);
    Term file = binary_from_cstr(&p->heap, m->file);
    return tuple3(&p->heap, file, small_make(m->line), body);
}

/* :genlab.string_to_quoted(text, file): {:ok, quoted} or
 * {:error, {line, kind, message}} where kind is "SyntaxError" or
 * "TokenMissingError". */
static Term code_string_to_quoted(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    char *file = arg_cstring(args[1]);
    if (!binary_bytes(args[0], &bytes, &len) || !file) {
        free(file);
        return process_badarg(p);
    }
    Heap scratch;
    heap_init(&scratch, 4096);
    ParseError perr;
    Term ast = parse_source(&scratch, (const char *)bytes, len, file, &perr);
    free(file);
    Term out;
    if (ast == TERM_NONE) {
        Term detail = tuple3(&p->heap, small_make(perr.line), binary_from_cstr(&p->heap, perr.kind), binary_from_cstr(&p->heap, perr.message));
        out = tuple2(&p->heap, ATOM_error, detail);
    } else {
        out = tuple2(&p->heap, ATOM_ok, term_copy(&p->heap, ast));
    }
    heap_release(&scratch);
    return out;
}

/* :genlab.eval_compile(quoted, names, file): Code.eval_string's and
 * eval_quoted's code, compiled as top-level code that sees the variables
 * `names`: {fun, out_names}, where fun takes their values and answers
 * {value, values of out_names...}, or {:error, kind, message} when it
 * does not compile. Code.eval_* calls it as any fun, so what it runs is
 * ordinary code of the calling process. */
/* What code_eval_compile's run compiles (compile_run.h). */
typedef struct EvalCompile {
    Term quoted;       /* on the literal arena */
    Term *names;
    size_t n;
    const char *file;  /* kept: the compiled code points at it */
} EvalCompile;

/* One attempt of the compile: its macros run as p's ordinary code
 * between attempts. */
static Term eval_compile_run(Process *p, void *arg)
{
    const EvalCompile *e = arg;
    Bindings b = {0};
    b.names = e->names;
    b.count = e->n;
    Chunk chunk;
    CompileError err;
    bool ok = compile_eval_chunk(e->quoted, e->file, &b, &chunk, &err);
    size_t n = e->n;
    const char *kept = e->file;
    if (!ok) return tuple3(&p->heap, ATOM_error, binary_from_cstr(&p->heap, err.kind), binary_from_cstr(&p->heap, err.message));
    /* called as a fun of a placeholder (a chunk's first register holds
     * the previous value, see Chunk) and the bindings */
    chunk.fn->arity = (uint32_t)n + 1;
    FunInfo *info = module_own(xcalloc(1, sizeof *info));
    info->fn = chunk.fn;
    info->module = chunk.fn->module;
    info->parent_name = chunk.fn->name;
    info->arity = (uint32_t)n + 1;
    info->file = kept;
    Term *obj = heap_alloc(&p->heap, 2);
    obj[0] = header_make(BOX_FUN, 1);
    obj[1] = (Term)(uintptr_t)info;
    Term outs = list_from(&p->heap, chunk.nout, chunk.out_names);
    free(chunk.out_names);
    return tuple2(&p->heap, boxed_from_ptr(obj), outs);
}

/* The file name stays: the compiled code points at it. */
static void eval_compile_free(void *arg)
{
    EvalCompile *e = arg;
    free(e->names);
    free(e);
}

static Term code_eval_compile(Process *p, const Term *args)
{
    size_t n = 0;
    for (Term l = args[1]; term_is_cons(l); l = cons_tail(l)) n++;
    char *file = arg_cstring(args[2]);
    if (!file) return process_badarg(p);
    Term *names = xmalloc((n + 1) * sizeof(Term));
    n = 0;
    for (Term l = args[1]; term_is_cons(l); l = cons_tail(l)) {
        if (!term_is_atom(cons_head(l))) {
            free(names);
            free(file);
            return process_badarg(p);
        }
        names[n++] = cons_head(l);
    }
    EvalCompile *e = xmalloc(sizeof *e);
    e->names = names;
    e->n = n;
    e->file = module_own(xstrndup(file, strlen(file)));
    free(file);
    /* the quoted form outlives p's collections while the compile waits */
    e->quoted = term_copy(literal_heap(), args[0]);
    return compile_run_start(p, eval_compile_run, e, eval_compile_free);
}

/* :genlab.host_call_return(outcome): the compile-time call that p's
 * compile waited for is done (compile_run.h). */
static Term code_host_call_return(Process *p, const Term *args) { return compile_run_answer(p, args[0]); }

const NativeDef bif_code_natives[] = {
    {"genlab", "eval_compile", 3, code_eval_compile},
    {"genlab", "host_call_return", 1, code_host_call_return},
    {"genlab", "read_file", 1, code_read_file},
    {"genlab", "module_docs", 1, code_module_docs},
    {"genlab", "module_source", 1, code_module_source},
    {"genlab", "string_to_quoted", 2, code_string_to_quoted},
    {NULL, NULL, 0, NULL},
};
