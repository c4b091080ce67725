/* rewrite.c - the library calls Elixir's compiler turns into Erlang's
 * (see rewrite.h). The rules are Elixir 1.14's, listed by asking its
 * compiler about every function of these modules. */
#include <string.h>

#include "atom.h"
#include "native.h"
#include "rewrite.h"

/* How the Erlang call's arguments come from the Elixir call's: NULL keeps
 * them; else one character per argument: '1'..'9' is that argument, 'u'
 * the atom :utf8, 'p' :process, 'o' :port, and '+' before a digit that
 * argument plus one (a 0-based index made 1-based). */
typedef struct Rule {
    const char *ex_mod, *ex_fun;
    int arity;
    const char *erl_mod, *erl_fun;
    const char *args;
} Rule;

static const Rule rules[] = {
    {"Atom", "to_charlist", 1, "erlang", "atom_to_list", NULL},
    {"Atom", "to_string", 1, "erlang", "atom_to_binary", NULL},
    {"Bitwise", "&&&", 2, "erlang", "band", NULL},
    {"Bitwise", "<<<", 2, "erlang", "bsl", NULL},
    {"Bitwise", ">>>", 2, "erlang", "bsr", NULL},
    {"Bitwise", "^^^", 2, "erlang", "bxor", NULL},
    {"Bitwise", "band", 2, "erlang", "band", NULL},
    {"Bitwise", "bnot", 1, "erlang", "bnot", NULL},
    {"Bitwise", "bor", 2, "erlang", "bor", NULL},
    {"Bitwise", "bsl", 2, "erlang", "bsl", NULL},
    {"Bitwise", "bsr", 2, "erlang", "bsr", NULL},
    {"Bitwise", "bxor", 2, "erlang", "bxor", NULL},
    {"Bitwise", "|||", 2, "erlang", "bor", NULL},
    {"Bitwise", "~~~", 1, "erlang", "bnot", NULL},
    {"Function", "capture", 3, "erlang", "make_fun", NULL},
    {"Function", "info", 1, "erlang", "fun_info", NULL},
    {"Function", "info", 2, "erlang", "fun_info", NULL},
    {"IO", "iodata_length", 1, "erlang", "iolist_size", NULL},
    {"IO", "iodata_to_binary", 1, "erlang", "iolist_to_binary", NULL},
    {"Integer", "to_charlist", 1, "erlang", "integer_to_list", NULL},
    {"Integer", "to_charlist", 2, "erlang", "integer_to_list", NULL},
    {"Integer", "to_string", 1, "erlang", "integer_to_binary", NULL},
    {"Integer", "to_string", 2, "erlang", "integer_to_binary", NULL},
    {"List", "to_atom", 1, "erlang", "list_to_atom", NULL},
    {"List", "to_existing_atom", 1, "erlang", "list_to_existing_atom", NULL},
    {"List", "to_float", 1, "erlang", "list_to_float", NULL},
    {"List", "to_integer", 1, "erlang", "list_to_integer", NULL},
    {"List", "to_integer", 2, "erlang", "list_to_integer", NULL},
    {"List", "to_tuple", 1, "erlang", "list_to_tuple", NULL},
    {"Map", "keys", 1, "maps", "keys", NULL},
    {"Map", "merge", 2, "maps", "merge", NULL},
    {"Map", "to_list", 1, "maps", "to_list", NULL},
    {"Map", "values", 1, "maps", "values", NULL},
    {"Map", "delete", 2, "maps", "remove", "21"},
    {"Map", "fetch!", 2, "maps", "get", "21"},
    {"Map", "fetch", 2, "maps", "find", "21"},
    {"Map", "has_key?", 2, "maps", "is_key", "21"},
    {"Map", "put", 3, "maps", "put", "231"},
    {"Map", "replace!", 3, "maps", "update", "231"},
    {"Node", "list", 0, "erlang", "nodes", NULL},
    {"Node", "list", 1, "erlang", "nodes", NULL},
    {"Node", "spawn", 2, "erlang", "spawn", NULL},
    {"Node", "spawn", 3, "erlang", "spawn_opt", NULL},
    {"Node", "spawn", 4, "erlang", "spawn", NULL},
    {"Node", "spawn", 5, "erlang", "spawn_opt", NULL},
    {"Node", "spawn_link", 2, "erlang", "spawn_link", NULL},
    {"Node", "spawn_link", 4, "erlang", "spawn_link", NULL},
    {"Node", "spawn_monitor", 2, "erlang", "spawn_monitor", NULL},
    {"Node", "spawn_monitor", 4, "erlang", "spawn_monitor", NULL},
    {"Port", "monitor", 1, "erlang", "monitor", "o1"},
    {"Process", "alive?", 1, "erlang", "is_process_alive", NULL},
    {"Process", "cancel_timer", 1, "erlang", "cancel_timer", NULL},
    {"Process", "cancel_timer", 2, "erlang", "cancel_timer", NULL},
    {"Process", "demonitor", 1, "erlang", "demonitor", NULL},
    {"Process", "demonitor", 2, "erlang", "demonitor", NULL},
    {"Process", "exit", 2, "erlang", "exit", NULL},
    {"Process", "flag", 2, "erlang", "process_flag", NULL},
    {"Process", "flag", 3, "erlang", "process_flag", NULL},
    {"Process", "get", 0, "erlang", "get", NULL},
    {"Process", "get_keys", 0, "erlang", "get_keys", NULL},
    {"Process", "get_keys", 1, "erlang", "get_keys", NULL},
    {"Process", "group_leader", 0, "erlang", "group_leader", NULL},
    {"Process", "group_leader", 2, "erlang", "group_leader", "21"},
    {"Process", "hibernate", 3, "erlang", "hibernate", NULL},
    {"Process", "link", 1, "erlang", "link", NULL},
    {"Process", "list", 0, "erlang", "processes", NULL},
    {"Process", "monitor", 1, "erlang", "monitor", "p1"},
    {"Process", "read_timer", 1, "erlang", "read_timer", NULL},
    {"Process", "registered", 0, "erlang", "registered", NULL},
    {"Process", "send", 3, "erlang", "send", NULL},
    {"Process", "send_after", 3, "erlang", "send_after", "312"},
    {"Process", "send_after", 4, "erlang", "send_after", "3124"},
    {"Process", "spawn", 2, "erlang", "spawn_opt", NULL},
    {"Process", "spawn", 4, "erlang", "spawn_opt", NULL},
    {"Process", "unlink", 1, "erlang", "unlink", NULL},
    {"Process", "unregister", 1, "erlang", "unregister", NULL},
    {"String", "duplicate", 2, "binary", "copy", NULL},
    {"String", "to_atom", 1, "erlang", "binary_to_atom", "1u"},
    {"String", "to_existing_atom", 1, "erlang", "binary_to_existing_atom", "1u"},
    {"String", "to_float", 1, "erlang", "binary_to_float", NULL},
    {"String", "to_integer", 1, "erlang", "binary_to_integer", NULL},
    {"String", "to_integer", 2, "erlang", "binary_to_integer", NULL},
    {"System", "monotonic_time", 0, "erlang", "monotonic_time", NULL},
    {"System", "os_time", 0, "os", "system_time", NULL},
    {"System", "system_time", 0, "erlang", "system_time", NULL},
    {"System", "time_offset", 0, "erlang", "time_offset", NULL},
    {"System", "unique_integer", 0, "erlang", "unique_integer", NULL},
    {"System", "unique_integer", 1, "erlang", "unique_integer", NULL},
    {"Tuple", "append", 2, "erlang", "append_element", NULL},
    {"Tuple", "delete_at", 2, "erlang", "delete_element", "+21"},
    {"Tuple", "duplicate", 2, "erlang", "make_tuple", "21"},
    {"Tuple", "insert_at", 3, "erlang", "insert_element", "+213"},
    {"Tuple", "to_list", 1, "erlang", "tuple_to_list", NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

/* The rule for Mod.fun/arity whose Erlang function is a native, or NULL. */
static const Rule *rule_for(Term mod, Term fun, uint32_t arity)
{
    const char *m = atom_text(mod), *f = atom_text(fun);
    if (strncmp(m, "Elixir.", 7) != 0) return NULL;
    for (const Rule *r = rules; r->ex_mod; r++) {
        if (r->arity != (int)arity || strcmp(r->ex_mod, m + 7) || strcmp(r->ex_fun, f)) continue;
        int n = r->args ? (int)strlen(r->args) - (strchr(r->args, '+') ? 1 : 0) : r->arity;
        return native_lookup(atom_from_cstr(r->erl_mod), atom_from_cstr(r->erl_fun), n) ? r : NULL;
    }
    return NULL;
}

bool rewrite_call(Heap *h, Term mod, Term fun, Term args, Term *erl_mod, Term *erl_fun, Term *erl_args)
{
    size_t n = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) n++;
    const Rule *r = n <= 9 ? rule_for(mod, fun, (uint32_t)n) : NULL;
    if (!r) return false;
    *erl_mod = atom_from_cstr(r->erl_mod);
    *erl_fun = atom_from_cstr(r->erl_fun);
    if (!r->args) {
        *erl_args = args;
        return true;
    }
    Term given[9], out[10];
    size_t k = 0;
    for (Term l = args; term_is_cons(l); l = cons_tail(l)) given[k++] = cons_head(l);
    k = 0;
    for (const char *s = r->args; *s; s++) {
        if (*s == 'u') out[k++] = atom_from_cstr("utf8");
        else if (*s == 'p') out[k++] = atom_from_cstr("process");
        else if (*s == 'o') out[k++] = atom_from_cstr("port");
        else if (*s == '+') {
            /* :erlang.+(index, 1), as Elixir writes it */
            s++;
            Term plus = tuple3(h, atom_from_cstr("."), TERM_NIL, list_from(h, 2, (Term[]){atom_from_cstr("erlang"), atom_from_cstr("+")}));
            out[k++] = tuple3(h, plus, TERM_NIL, list_from(h, 2, (Term[]){given[*s - '1'], small_make(1)}));
        } else out[k++] = given[*s - '1'];
    }
    *erl_args = list_from(h, k, out);
    return true;
}

bool rewrite_capture(Term mod, Term fun, uint32_t arity, Term *erl_mod, Term *erl_fun)
{
    const Rule *r = rule_for(mod, fun, arity);
    if (!r || r->args) return false;
    *erl_mod = atom_from_cstr(r->erl_mod);
    *erl_fun = atom_from_cstr(r->erl_fun);
    return true;
}

bool rewrite_erlang_call(Term *mod, Term *fun, uint32_t arity)
{
    if (*mod != atom_from_cstr("maps")) return false;
    const char *f = atom_text(*fun);
    if (arity == 2 && (!strcmp(f, "get") || !strcmp(f, "is_key"))) {
        Term to = atom_from_cstr(!strcmp(f, "get") ? "map_get" : "is_map_key");
        if (native_lookup(atom_from_cstr("erlang"), to, 2)) {
            *mod = atom_from_cstr("erlang");
            *fun = to;
        }
        return false;
    }
    return (arity == 3 && !strcmp(f, "put")) || (arity == 2 && !strcmp(f, "merge"));
}
