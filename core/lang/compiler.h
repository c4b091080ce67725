/* compiler.h - Elixir quoted form to bytecode, and running compiled code.
 *
 * Source is parsed (parser.h) and expanded and compiled here; defmodule
 * installs modules, other top-level code becomes a chunk function. The
 * shell and `genlab FILE.exs` use the same path.
 */
#ifndef GENLAB_COMPILER_H
#define GENLAB_COMPILER_H

#include "module.h"
#include "process.h"

/* The variables a top-level chunk sees and leaves behind (the shell's
 * bindings): parallel arrays of variable name atoms and values. */
typedef struct Bindings {
    Term *names;
    Term *values; /* live in the owning process's heap: GC roots via the VM */
    size_t count, cap;
    /* A script's last expression: compiled in tail position, as Elixir
     * compiles a file's last expression, so that a call there leaves no
     * frame of the file in a stack trace; the chunk answers its value
     * alone and no bindings. */
    bool last;
} Bindings;

/* A compiled top-level chunk: call fn with the elements of the previous
 * chunk's result ({nil} for the first): any value, then the bindings in
 * `in_names` order; it returns {result, binding_values...} in `out_names`
 * order, which starts with `in_names`. */
typedef struct Chunk {
    Function *fn;
    Term *in_names;
    size_t nin;
    Term *out_names;
    size_t nout;
} Chunk;

typedef struct CompileError {
    char kind[64];       /* Elixir exception name: "CompileError", "SyntaxError", ... */
    char message[1024];  /* full text after "** (Kind) " */
    /* An error a macro raised while it expanded: its stack trace as Elixir
     * prints it, a line each ("    (elixir 1.14.0) expanding macro: ...");
     * empty for the others */
    char stack[1024];
    /* what IEx alone shows of the stack trace when `stack` is empty (the
     * module compiler's frames); a script shows a blank line */
    const char *shell_stack;
} CompileError;

/* Compiles one top-level expression (not a defmodule: those are handled
 * by compile_toplevel_module). False with *err filled on a compile error. */
bool compile_chunk(Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err);

/* The same for Code.eval_string and Code.eval_quoted: in an environment
 * of its own (Kernel's imports only, as Elixir's env_for_eval), not the
 * top level's, since other processes may be compiling meanwhile. */
bool compile_eval_chunk(Term ast, const char *file, const Bindings *bindings, Chunk *out, CompileError *err);

/* Compiles and installs the module of a defmodule form; module bodies run
 * at compile time, in the process that compiles (vm_eval_in). Returns the value of the defmodule
 * expression ({:module, Mod, bytes, last}) in `h`, or TERM_NONE with *err. */
Term compile_defmodule(Term ast, const char *file, Heap *h, CompileError *err);

/* Gives the active runtime (state.h) the compiler's state; frees it. */
void compile_state_init(void);
void compile_state_free(void);

/* Starts a new file or shell input: structs of modules it defines cannot
 * be used by its own top-level code (Elixir expands a file's top level
 * before it runs any of it). */
void compile_begin_file(void);
/* Starts the next input of a shell session: like compile_begin_file, but
 * the top level's aliases and imports stay. */
void compile_begin_input(void);
/* What the top level keeps for the inputs after this one (imports'
 * only: and except: lists, attributes) moves to the literal arena: the
 * input it came from may be freed (code_region.h). */
void compile_toplevel_keep(void);
/* A script's top-level variables, as `elixir FILE.exs` warns about them
 * (compile_script.c): after compile_script_track, the top-level chunks
 * compiled note which bindings later code reads; compile_script_module
 * notes a top-level defmodule between them (it reads every binding so
 * far); compile_script_end gives the warnings for the bindings nothing
 * read (if warn) and stops tracking. */
void compile_script_track(const char *file);
void compile_script_module(void);
void compile_script_end(bool warn);
/* Elixir's warning for a top-level statement of a script (not its last)
 * that is a variable among `bound` or a number or string alone. */
void warn_statement_no_effect_at(const char *file, Term stmt, const Term *bound, size_t nbound);
/* Notes the module a top-level defmodule of this file will define. */
void compile_note_file_module(Term defmodule_ast);

/* The remote calls the modules compiled so far make, for Elixir's
 * checker's warnings (compile_calls.c): [{caller, [{mod, fun, arity,
 * line, def, def_arity, file}, ...]}, ...] built on h, the last module
 * first; forgets them. */
Term compile_remote_calls_take(Heap *h);

/* How far the top-level environment (aliases, imports, attributes made
 * at the top level) reaches: a chunk compiled again from its start
 * (compile_run.h) first goes back to where it was before. */
typedef struct ToplevelMark {
    size_t naliases, nimports, nattrs;
} ToplevelMark;
ToplevelMark compile_toplevel_mark(void);
void compile_toplevel_reset(ToplevelMark mark);

/* :genlab.store_definition(kind, args): a def (defp, defmacro,
 * defmacrop) that a module body statement run by p makes as it runs joins
 * the module being defined (kept with the call's outcome when p's compile
 * waits for that statement, compile_run.h). False when no module body is
 * running. compile_store_definition_for is the part that adds it to the
 * module whose statement process `serial` runs on the C stack. */
bool compile_store_definition(Process *p, Term kind, Term args);
bool compile_store_definition_for(uint32_t serial, Term kind, Term args);

/* Whether `ast` is a defmodule form. */
bool ast_is_defmodule(Term ast);

#endif
