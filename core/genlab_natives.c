/* genlab_natives.c - the runtime's own natives, under the module :genlab,
 * that the Elixir library calls: inspect with options, to_string, output,
 * System.argv. Registered by runtime_init. */
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "inspect.h"
#include "io.h"
#include "runtime.h"

/* :genlab.inspect(term, opts): opts is inspect/2's keyword list. */
static Term genlab_inspect(Process *p, const Term *args)
{
    InspectOpts o;
    inspect_opts_default(&o);
    for (Term l = args[1]; term_is_cons(l); l = cons_tail(l)) {
        Term kv = cons_head(l);
        if (!term_is_tuple(kv) || tuple_size(kv) != 2) continue;
        const char *k = term_is_atom(tuple_get(kv, 0)) ? atom_text(tuple_get(kv, 0)) : "";
        Term v = tuple_get(kv, 1);
        if (!strcmp(k, "pretty")) o.pretty = v == ATOM_true;
        else if (!strcmp(k, "width") && term_is_small(v)) o.width = (int)small_value(v);
        else if (!strcmp(k, "width") && v == ATOM_infinity) o.width = -1;
        else if (!strcmp(k, "limit")) o.limit = term_is_small(v) ? (long)small_value(v) : -1;
        else if (!strcmp(k, "printable_limit")) o.printable_limit = term_is_small(v) ? (long)small_value(v) : -1;
        else if (!strcmp(k, "structs")) o.structs = v != ATOM_false;
        else if (!strcmp(k, "base") && term_is_atom(v)) {
            const char *b = atom_text(v);
            o.base = !strcmp(b, "binary") ? 2 : !strcmp(b, "octal") ? 8 : !strcmp(b, "hex") ? 16 : 10;
        } else if (!strcmp(k, "charlists") && term_is_atom(v)) {
            const char *b = atom_text(v);
            o.charlists = !strcmp(b, "as_lists") ? CHARLISTS_AS_LISTS : !strcmp(b, "as_charlists") ? CHARLISTS_AS_CHARLISTS : CHARLISTS_INFER;
        } else if (!strcmp(k, "binaries") && term_is_atom(v)) {
            const char *b = atom_text(v);
            o.binaries = !strcmp(b, "as_binaries") ? BINARIES_AS_BINARIES : !strcmp(b, "as_strings") ? BINARIES_AS_STRINGS : BINARIES_INFER;
        }
    }
    size_t len;
    char *s = inspect_to_cstring(args[0], &o, &len);
    Term out = binary_new(&p->heap, s, len);
    free(s);
    return out;
}

static Term genlab_to_string(Process *p, const Term *args)
{
    if (term_is_binary(args[0])) return args[0];
    return term_to_string(p, args[0]);
}

/* :genlab.put_chars(device, chardata): device :stdio, :stderr or a pid. */
static Term genlab_put_chars(Process *p, const Term *args)
{
    int stream = args[0] == atom_from_cstr("stderr") || args[0] == atom_from_cstr("standard_error") ? 2 : 1;
    ByteBuf b;
    bytebuf_init(&b);
    int rc = bif_chardata_append(&b, args[1]);
    if (rc != 0) {
        bytebuf_free(&b);
        return process_badarg(p);
    }
    io_write(stream, (const char *)b.data, b.size);
    bytebuf_free(&b);
    return ATOM_ok;
}

static Term genlab_argv(Process *p, const Term *args)
{
    (void)args;
    return runtime_argv(&p->heap);
}

const NativeDef genlab_natives[] = {
    {"genlab", "inspect", 2, genlab_inspect},
    {"genlab", "to_string", 1, genlab_to_string},
    {"genlab", "put_chars", 2, genlab_put_chars},
    {"genlab", "argv", 0, genlab_argv},
    {NULL, NULL, 0, NULL}};
