/* module.h - loaded modules and their functions.
 *
 * A Module is created by the compiler and installed with module_install;
 * redefining a module installs a new version: code already running keeps
 * the Function objects it holds, new remote calls see the new version.
 */
#ifndef GENLAB_MODULE_H
#define GENLAB_MODULE_H

#include "native.h"
#include "process.h"
#include "term.h"

/* Code, one instruction word (an opcode or an operand), is process.h's. */

typedef struct LineEntry {
    uint32_t pc;   /* first code index of the line */
    uint32_t line;
} LineEntry;

typedef struct Function {
    Term module, name;       /* name is e.g. fib, or "-main/0-fun-0-" for lambdas */
    uint32_t arity;          /* visible arity (for lambdas: without captures) */
    uint32_t nregs;          /* frame size in registers */
    uint32_t nfree;          /* lambdas: captured variables after the arguments */
    bool exported, is_macro, defined;
    bool threaded;           /* code's opcodes replaced by the VM's handler addresses
                                (vm.c, on the first entry); set false with new code */
    Code *code;
    size_t code_len;
    LineEntry *lines;
    size_t nlines;
    const char *file;
    struct Function *next_in_module;
    Term mfa;                /* {module, name, arity} in the literal heap, made on the
                                first spawn: the initial call of the processes it starts */
} Function;

/* What a BOX_FUN points at, FunInfo, is term.h's. */

typedef struct Module {
    Term name;
    Function *functions;     /* all functions, incl. lambdas and private ones */
    Function **table;        /* hash of (name, arity) for lookup */
    size_t table_size;
    Term struct_fields;      /* tuple of field atoms in defstruct order, or TERM_NONE */
    Term struct_default;     /* the %Mod{} map with defaults, or TERM_NONE */
    Term struct_enforce;     /* @enforce_keys: a list of field atoms */
    Term attributes;         /* persisted attributes: keyword list */
    /* The callbacks it specifies as a behaviour (@callback, @macrocallback):
     * {name, arity, def | defmacro, optional?} in declaration order; nil
     * when it is no behaviour (compile_behaviour.c). */
    Term callbacks;
    /* What @moduledoc and @doc said, for Code.fetch_docs/1, or TERM_NONE
     * when the module was not compiled with docs (only the embedded
     * library and servers are, as only .beam files carry docs on the
     * BEAM): {moduledoc, [{kind, name, arity, params_ast, doc, line, meta}]},
     * where moduledoc and doc are a binary, false or nil (none given), and
     * meta is what `@doc since: ...` said. */
    Term docs;
    const char *file;
    uint32_t line;           /* the line of its defmodule, for source/1 */
    uint32_t version;
    struct Module *next;
} Module;

/* A remote call site: Mod.fun/arity, resolved lazily and re-resolved when a
 * module is redefined. */
typedef struct ExtRef {
    Term module, name;
    uint32_t arity;
    uint32_t seen_generation;
    Function *fn;
    NativeFn native;
    bool frameless; /* an inline operator: a failure adds no BIF stack frame */
} ExtRef;

/* Gives the active runtime (state.h) an empty module table; frees it with
 * every module ever built and what module_own was given. */
void module_table_init(void);
void module_table_free(void);
/* Registers a block that compiled code keeps for the runtime's life (a
 * Function, its code and lines, a FunInfo, a BinSpec, an ExtRef; the
 * Modules themselves are kept by module_new) so that module_table_free
 * frees it; returns p. Its size counts against the memory limit
 * (memory_charge), which ends the process that compiles when passed. */
void *module_own(void *p);
/* Bytes of compiled code held: what module_own was given, shell inputs'
 * code regions included (:erlang.memory's code, with the literal arena). */
size_t module_code_bytes(void);

/* Struct field order (defstruct order, without __struct__), or NULL if
 * `module` defines no struct; inspect asks through rt->struct_fields. */
const Term *module_struct_fields(Term module, size_t *count);

Module *module_new(Term name, const char *file);
/* Returns the function (creating an undefined placeholder so calls can be
 * compiled before the definition). */
Function *module_function(Module *m, Term name, uint32_t arity);
Function *module_find_function(const Module *m, Term name, uint32_t arity);
/* Makes `m` the current version of its name. */
void module_install(Module *m);
/* Whether a program has defined its own String.Chars, List.Chars or
 * Inspect implementation for a built-in type (Integer, Atom, List, ...):
 * until one does, C converts and shows those types itself. */
bool module_builtin_impl_overridden(void);
Module *module_lookup(Term name);
/* Calls fn for every loaded module (not the library's unloaded ones). */
void module_each(void (*fn)(void *ctx, Module *m), void *ctx);
/* Installs the loader module_lookup calls for a module it does not have
 * (the embedded library loads lazily); it returns whether it loaded one. */
void module_set_autoload(bool (*fn)(Term name), bool (*has_macros)(Term name));
/* Like module_lookup, but loads a library module only if it defines
 * macros: the compiler asks this for every remote call. */
Module *module_lookup_for_macros(Term name);
/* Every change of any module bumps rt->module_generation (state.h),
 * invalidating ExtRef caches. */
/* Resolves a call site; false if there is no such exported function. */
bool extref_resolve(ExtRef *ref);
ExtRef *extref_new(Term module, Term name, uint32_t arity);
/* The resolution of Mod.fun/arity for a call site built at run time (a
 * cache serves it): its fn or native, or NULL when there is no such
 * function. Valid until the next resolution. */
const ExtRef *extref_resolve_dynamic(Term module, Term name, uint32_t arity);

/* Line number of a code index in a function, or 0. */
uint32_t function_line_at(const Function *f, size_t pc);

#endif
