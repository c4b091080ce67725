/* library_frames.c - where a frame of the embedded library shows (see
 * library_frames.h). */
#include "library_frames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"

typedef struct DefLine {
    const char *module, *name;
    uint32_t arity, line, fn_line;
} DefLine;

typedef struct ModuleFile {
    const char *module, *file;
} ModuleFile;

#define LIBRARY_FILE(m, f) {m, f},
#define LIBRARY_DEF(m, n, a, l, fl)
static const ModuleFile module_files[] = {
#include "library_frames.def"
};
#undef LIBRARY_FILE
#undef LIBRARY_DEF

#define LIBRARY_FILE(m, f)
#define LIBRARY_DEF(m, n, a, l, fl) {m, n, a, l, fl},
static const DefLine def_lines[] = {
#include "library_frames.def"
};
#undef LIBRARY_FILE
#undef LIBRARY_DEF

/* genlab's helpers that stand for a function Elixir's compiler generates
 * or names otherwise: what the frame shows instead. */
typedef struct Rename {
    const char *module, *name;
    uint32_t arity;
    const char *as;
    uint32_t as_arity, line;
} Rename;

static const Rename renames[] = {
    {"Elixir.Enum", "map_list", 3, "-map/2-lists^map/1-0-", 2, 1658},
    {"Elixir.Enum", "each_list", 2, "-each/2-lists^foreach/1-0-", 2, 975},
    {"Elixir.Enum", "reduce_list", 3, "-reduce/3-lists^foldl/2-0-", 3, 2468},
    {"Elixir.Enum", "map_reduce_list", 4, "-map_reduce/3-lists^mapfoldl/2-0-", 3, 1780},
    {"Elixir.Enum", "sum_list", 2, "-sum/1-lists^foldl/2-0-", 2, 2468},
    {"Elixir.Enum", "flat_map_list", 3, "flat_map_list", 2, 4249},
    {"Elixir.Enum", "reduce_up", 5, "reduce_range", 5, 4299},
    {"Elixir.Enum", "reduce_down", 5, "reduce_range", 5, 4299},
    {"Elixir.Enum", "filter_list", 3, "filter_list", 2, 4197},
    {"Elixir.Enum", "reject_list", 3, "reject_list", 2, 4313},
    {"Elixir.Enum", "uniq_list", 4, "uniq_list", 3, 4689},
    {"Elixir.Enum", "zip_with_lists", 4, "zip_with_list", 3, 4725},
    {"Elixir.Enum", "find_list", 3, "find_list", 3, 4211},
    {"Elixir.Enum", "any_list", 2, "any_list", 2, 4136},
    {"Elixir.Enum", "all_list", 2, "all_list", 2, 4110},
    {"Elixir.Enum", "reduce_list", 1, "reverse", 1, 4307},
    {"Elixir.Enumerable", "impl!", 1, "impl_for!", 1, 1},
    {"Elixir.Keyword", "fetch!", 2, "fetch!", 2, 595},
    {"Elixir.GenServer", "call", 3, "call", 3, 1025},
    {"Elixir.Enum", "reduce", 2, "reduce", 2, 2414},
};

/* genlab's helpers for code that Elixir's compiler inlines into its
 * callers (LibraryFrame.inlined). */
static const struct {
    const char *module, *name;
    uint32_t arity;
} inlined[] = {
    {"Elixir.Enum", "reduce_inline", 3},
};

/* text (len bytes, not NUL-terminated) compared with the C string s, as strcmp */
static int text_cmp(const char *text, size_t len, const char *s)
{
    size_t n = strlen(s);
    int c = memcmp(text, s, len < n ? len : n);
    if (c) return c;
    return len < n ? -1 : len > n ? 1 : 0;
}

static bool text_eq(const char *text, size_t len, const char *s) { return text_cmp(text, len, s) == 0; }

/* The recorded line of module.name/arity (module and name as text). */
static const DefLine *def_line(const char *mod, size_t mod_len, const char *name, size_t name_len, uint32_t arity)
{
    size_t lo = 0, hi = sizeof def_lines / sizeof def_lines[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const DefLine *d = &def_lines[mid];
        int c = -text_cmp(mod, mod_len, d->module);
        if (!c) c = -text_cmp(name, name_len, d->name);
        if (!c) c = d->arity < arity ? -1 : d->arity > arity;
        if (!c) return d;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const char *module_file(const char *mod, size_t mod_len)
{
    for (size_t i = 0; i < sizeof module_files / sizeof module_files[0]; i++)
        if (text_eq(mod, mod_len, module_files[i].module)) return module_files[i].file;
    return NULL;
}

/* The file of a module with no recorded one: lib/NAME.ex for genlab's
 * core/lib/NAME.ex, NAME.erl for an Erlang module (interned, so that the
 * pointer stays valid). */
static const char *derived_file(Term module, const char *mod, size_t mod_len, const char *genlab_file)
{
    char buf[256];
    if (mod_len >= 7 && !memcmp(mod, "Elixir.", 7)) snprintf(buf, sizeof buf, "%s", genlab_file + 5);
    else snprintf(buf, sizeof buf, "%.*s.erl", (int)mod_len, mod);
    (void)module;
    /* an atom's text lives as long as the runtime: a cheap place to keep it */
    Term a = atom_from_cstr(buf);
    return atom_text(a);
}

bool library_frame_native(Term module, Term name, uint32_t arity, LibraryFrame *out)
{
    if (!term_is_atom(module) || !term_is_atom(name)) return false;
    const char *mod = atom_text(module);
    size_t mod_len = atom_length(module);
    const DefLine *d = def_line(mod, mod_len, atom_text(name), atom_length(name), arity);
    const char *file = d ? module_file(mod, mod_len) : NULL;
    if (!file) return false;
    *out = (LibraryFrame){name, arity, file, d->line, false};
    return true;
}

bool library_frame(Term module, Term name, uint32_t arity, const char *genlab_file, uint32_t genlab_line,
                   LibraryFrame *out)
{
    if (!genlab_file || strncmp(genlab_file, "core/lib/", 9) != 0) return false;
    if (!term_is_atom(module) || !term_is_atom(name)) return false;
    const char *mod = atom_text(module), *fname = atom_text(name);
    size_t mod_len = atom_length(module), name_len = atom_length(name);
    out->name = name;
    out->arity = arity;
    out->line = genlab_line;
    out->inlined = false;
    out->file = module_file(mod, mod_len);
    if (!out->file) out->file = derived_file(module, mod, mod_len, genlab_file);
    /* a line that says which of Elixir's it is (`# elixir:N`) */
    bool exact = genlab_line > LIBRARY_ELIXIR_LINE;
    if (exact) out->line = genlab_line - LIBRARY_ELIXIR_LINE;
    for (size_t i = 0; i < sizeof inlined / sizeof inlined[0]; i++)
        if (inlined[i].arity == arity && text_eq(mod, mod_len, inlined[i].module) && text_eq(fname, name_len, inlined[i].name))
            out->inlined = true;
    for (size_t i = 0; i < sizeof renames / sizeof renames[0]; i++) {
        const Rename *r = &renames[i];
        if (r->arity == arity && text_eq(mod, mod_len, r->module) && text_eq(fname, name_len, r->name)) {
            out->name = atom_from_cstr(r->as);
            out->arity = r->as_arity;
            if (!exact) out->line = r->line;
            return true;
        }
    }
    if (exact) return true;
    const DefLine *d = def_line(mod, mod_len, fname, name_len, arity);
    if (d) {
        out->line = d->line;
        return true;
    }
    /* a fn: "-NAME/ARITY-fun-N-" shows at the first fn of NAME/ARITY */
    if (name_len > 1 && fname[0] == '-') {
        const char *slash = memchr(fname + 1, '/', name_len - 1);
        if (slash) {
            uint32_t def_arity = (uint32_t)strtoul(slash + 1, NULL, 10);
            d = def_line(mod, mod_len, fname + 1, (size_t)(slash - fname - 1), def_arity);
            if (d && d->fn_line) out->line = d->fn_line;
        }
    }
    return true;
}
