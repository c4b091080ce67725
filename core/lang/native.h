/* native.h - functions implemented in C (BIFs).
 *
 * A native takes the process and its arguments and returns the result, or
 * TERM_NONE after raising an exception with process_raise*(). It allocates
 * on p->heap (allocation never moves terms). It never runs Elixir code on
 * the C stack: one that needs Elixir code run (a user's protocol
 * implementation, a fun) answers with native_continue (below), and the VM
 * makes that call in the native's place.
 *
 * Natives are registered under a module and name, e.g. ("erlang",
 * "element", 2) or ("Elixir.String", "upcase", 1). A module may mix natives
 * and Elixir definitions, but each function is defined in one place only.
 */
#ifndef GENLAB_NATIVE_H
#define GENLAB_NATIVE_H

#include "term.h"

typedef struct Process Process;
typedef Term (*NativeFn)(Process *p, const Term *args);

typedef struct NativeDef {
    const char *module; /* atom text: "erlang", "Elixir.String" */
    const char *name;
    int arity;
    NativeFn fn;
} NativeDef;

/* What a native returns after native_continue or native_continue_fun:
 * the VM then calls what it named, as an ordinary call (its own frame,
 * preemptible, free to receive), and that call's result is the native
 * call's result. It is never a value. */
#define TERM_CONTINUE ((Term)((7u << 3) | TAG_SPECIAL))

/* Answers a native call with a call of module.name(args...) (nargs of
 * them, copied). To do more with its result, name an Elixir function that
 * makes the call and passes the result on (to another native, say). */
Term native_continue(Process *p, Term module, Term name, uint32_t nargs, const Term *args);
/* The same with a fun of arity nargs. */
Term native_continue_fun(Process *p, Term fun, uint32_t nargs, const Term *args);

/* A native whose work grows with its input (a list walked, a term
 * encoded) charges it, as the BEAM's BIFs bump their reductions: the VM
 * takes `reductions` off the caller's slice (so a loop of such calls is
 * preempted as often as one of Elixir code), and they count in
 * Process.info(pid, :reductions) and move the virtual clock (DESIGN.md:
 * work costs time). One counter for the one slice running at a time, as
 * the VM reads it after every native call: zero between slices. */
extern uint64_t native_charged;
static inline void native_charge(uint64_t reductions) { native_charged += reductions; }

/* Registers a table ended by an entry with module == NULL. */
void native_register(const NativeDef *defs);
/* The native for Module.name/arity, or NULL. */
NativeFn native_lookup(Term module, Term name, int arity);
/* Whether any native is registered under `module` (so that
 * :erlang.module_loaded(:lists) is true). A linear scan: not for hot paths. */
bool native_module_known(Term module);
/* The natives registered under `module`: fills up to cap of their names
 * and arities (in no order) and answers how many there are. A linear
 * scan, as native_module_known. */
size_t native_module_functions(Term module, Term *names, int *arities, size_t cap);
/* Which argument a native blamed, and why (process_badarg_at: `why` is a
 * static string), when it raised in a call of module.name(args), kept
 * aside for Exception's format_error (bif/system.c), so that the stack
 * trace's error_info stays OTP's %{module: :erl_erts_errors} and the native
 * need not run again (it could repeat a side effect). Only the latest few
 * raises are kept, as an error is formatted soon after it is raised; one
 * not found (false) is worked out by calling the native again. Calls whose
 * boxed arguments differ only in content may be taken for each other. */
void native_blame_record(Term module, Term name, uint32_t nargs, const Term *args, int arg, const char *why);
bool native_blame_find(Term module, Term name, uint32_t nargs, const Term *args, int *arg, const char **why);
/* The OTP application an Erlang module genlab provides belongs to
 * ("stdlib", "kernel", ...), or NULL: :application.get_application/1,
 * stack traces' "(stdlib 4.2)" and which module explains a BIF's errors. */
const char *native_module_application(Term module);
/* Gives the active runtime (state.h) an empty table, if it has none; the
 * runtime registers the library's tables (bif/bif.h) in it.
 * native_table_free frees it. */
void native_init(void);
void native_table_free(void);

#endif
