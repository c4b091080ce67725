/* protocol.c - protocol dispatch: which module implements a protocol for a
 * value, as Elixir's impl_for/1 answers, with a cache per (protocol, type).
 *
 * A protocol P is a module whose functions ask :genlab.protocol_impl!/3
 * for the implementation and call it. The implementation for a struct of
 * module S is the module P.S, for a built-in type the module P.Integer,
 * P.List, ... (P.BitString for binaries), and, when the protocol falls back
 * to Any, P.Any for what has none. The answer is cached per protocol and
 * type (a struct's module or the built-in type's name), and the cache is
 * emptied whenever a module is defined or redefined, so dispatch costs one
 * hash probe after the first call. Registered by runtime_init. */
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "bif.h"
#include "fatal.h"
#include "map.h"
#include "module.h"
#include "protocol.h"
#include "state.h"

static Term A(const char *s) { return atom_from_cstr(s); }

typedef struct ProtocolEntry {
    Term protocol, type, impl; /* impl: a module, or nil */
} ProtocolEntry;

struct ProtocolCache {
    ProtocolEntry *slots; /* open addressing; protocol == 0 marks a free slot */
    size_t cap, used;
    uint32_t generation; /* rt->module_generation when filled */
};

void protocol_cache_free(void)
{
    if (!rt->protocols) return;
    free(rt->protocols->slots);
    free(rt->protocols);
    rt->protocols = NULL;
}

Term protocol_type_key(Term t)
{
    if (term_is_map(t)) {
        Term s = map_get_inline(t, ATOM___struct__);
        if (s != TERM_NONE && term_is_atom(s)) return s;
        return ATOM_Elixir_Map;
    }
    if (term_is_list(t)) return ATOM_Elixir_List;
    if (term_is_atom(t)) return ATOM_Elixir_Atom;
    if (term_is_integer(t)) return ATOM_Elixir_Integer;
    if (term_is_float(t)) return ATOM_Elixir_Float;
    if (term_is_bitstring(t)) return ATOM_Elixir_BitString;
    if (term_is_tuple(t)) return ATOM_Elixir_Tuple;
    if (term_is_fun(t)) return ATOM_Elixir_Function;
    if (term_is_pid(t)) return ATOM_Elixir_PID;
    if (term_is_ref(t)) return ATOM_Elixir_Reference;
    return ATOM_Elixir_Port;
}

/* Module.concat(protocol, type): "Elixir.P" and "Elixir.T" give "Elixir.P.T". */
static Term concat_module(Term protocol, Term type)
{
    const char *p = atom_text(protocol), *t = atom_text(type);
    if (!strncmp(t, "Elixir.", 7)) t += 7;
    size_t n = strlen(p) + strlen(t) + 2;
    char *buf = xmalloc(n);
    snprintf(buf, n, "%s.%s", p, t);
    Term out = A(buf);
    free(buf);
    return out;
}

/* Whether `name` is an implementation module (Inspect.Algebra is a
 * module, not Inspect's implementation for a struct named Algebra). */
static bool is_impl(Term name)
{
    Module *m = module_lookup(name);
    Function *f = m ? module_find_function(m, A("__impl__"), 1) : NULL;
    return f && f->defined;
}

/* An implementation @derive made through Any names Any as its target,
 * which impl_for/1 answers, as Elixir's __impl__(:target). */
static Term impl_target(Term impl)
{
    Module *m = module_lookup(impl);
    for (Term l = m ? m->attributes : TERM_NIL; term_is_cons(l); l = cons_tail(l)) {
        Term kv = cons_head(l);
        if (term_is_tuple(kv) && tuple_size(kv) == 2 && tuple_get(kv, 0) == A("genlab_impl_target")) return tuple_get(kv, 1);
    }
    return impl;
}

/* The implementation module found by looking the modules up (no cache). */
static Term impl_lookup(Term protocol, Term type, bool fallback)
{
    Term impl = concat_module(protocol, type);
    if (is_impl(impl)) return impl_target(impl);
    if (fallback) {
        Term any = concat_module(protocol, A("Elixir.Any"));
        if (is_impl(any)) return any;
    }
    return ATOM_nil;
}

static size_t slot_of(Term protocol, Term type, size_t cap)
{
    uint64_t h = (protocol * 0x9E3779B97F4A7C15ull) ^ (type * 0xC2B2AE3D27D4EB4Full);
    return (size_t)(h >> 17) & (cap - 1);
}

static void cache_insert(struct ProtocolCache *c, Term protocol, Term type, Term impl)
{
    if ((c->used + 1) * 2 > c->cap) {
        ProtocolEntry *old = c->slots;
        size_t old_cap = c->cap, cap = old_cap ? old_cap * 2 : 64;
        ProtocolEntry *slots = xcalloc(cap, sizeof *slots); /* before anything changes */
        c->cap = cap;
        c->slots = slots;
        c->used = 0;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].protocol) cache_insert(c, old[i].protocol, old[i].type, old[i].impl);
        free(old);
    }
    size_t i = slot_of(protocol, type, c->cap);
    while (c->slots[i].protocol) i = (i + 1) & (c->cap - 1);
    c->slots[i] = (ProtocolEntry){protocol, type, impl};
    c->used++;
}

Term protocol_impl_for(Term protocol, Term value, bool fallback)
{
    if (!rt->protocols) rt->protocols = xcalloc(1, sizeof *rt->protocols);
    struct ProtocolCache *c = rt->protocols;
    if (c->generation != rt->module_generation) {
        /* a module came or went: what was found (or not) may have changed */
        if (c->slots) memset(c->slots, 0, c->cap * sizeof *c->slots);
        c->used = 0;
        c->generation = rt->module_generation;
    }
    Term type = protocol_type_key(value);
    if (c->cap) {
        for (size_t i = slot_of(protocol, type, c->cap); c->slots[i].protocol; i = (i + 1) & (c->cap - 1))
            if (c->slots[i].protocol == protocol && c->slots[i].type == type) return c->slots[i].impl;
    }
    Term impl = impl_lookup(protocol, type, fallback);
    /* a lookup may load a library module, which changes the generation */
    if (c->generation != rt->module_generation) {
        if (c->slots) memset(c->slots, 0, c->cap * sizeof *c->slots);
        c->used = 0;
        c->generation = rt->module_generation;
    }
    cache_insert(c, protocol, type, impl);
    return impl;
}

Term protocol_raise_undefined(Process *p, Term protocol, Term value, const char *description)
{
    Heap *h = &p->heap;
    Term keys[5] = {ATOM___exception__, ATOM___struct__, A("protocol"), A("value"), A("description")};
    Term values[5] = {ATOM_true, A("Elixir.Protocol.UndefinedError"), protocol, value, binary_from_cstr(h, description)};
    return process_raise(p, ATOM_error, map_from_pairs(h, 5, keys, values));
}

/* :genlab.protocol_impl(protocol, value, fallback_to_any): impl_for/1. */
static Term genlab_protocol_impl(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return process_badarg(p);
    return protocol_impl_for(args[0], args[1], args[2] == ATOM_true);
}

/* :genlab.protocol_impl!(protocol, value, fallback_to_any): impl_for!/1,
 * which raises Protocol.UndefinedError when there is none. */
static Term genlab_protocol_impl_bang(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return process_badarg(p);
    Term impl = protocol_impl_for(args[0], args[1], args[2] == ATOM_true);
    if (impl == ATOM_nil) return protocol_raise_undefined(p, args[0], args[1], "");
    return impl;
}

const NativeDef bif_protocol_natives[] = {
    {"genlab", "protocol_impl", 3, genlab_protocol_impl},
    {"genlab", "protocol_impl!", 3, genlab_protocol_impl_bang},
    {NULL, NULL, 0, NULL}};
