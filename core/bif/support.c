/* support.c - helpers shared by the natives of core/bif/ (see bif.h). */
#include "bif.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "fatal.h"
#include "library_frames.h"
#include "vm.h"

bool bif_list_length(Term list, size_t *length)
{
    size_t n = 0;
    while (term_is_cons(list)) {
        n++;
        list = cons_tail(list);
    }
    *length = n;
    native_charge(n / 16); /* the BEAM's length/1 costs as much */
    return list == TERM_NIL;
}

/* Room for n more items, in one reallocation. */
static void termbuf_reserve(TermBuf *b, size_t n)
{
    if (b->capacity - b->size >= n) return;
    size_t grown = b->size + n;
    b->items = xrealloc(b->items, grown * sizeof(Term));
    b->capacity = grown; /* only once the memory is there */
}

bool bif_pairs_read(Term list, TermBuf *firsts, TermBuf *seconds)
{
    /* counted first: one allocation each, filled without a call an item
     * (:maps.from_list of 200,000 pairs) */
    size_t n = 0;
    for (Term l = list; term_is_cons(l); l = cons_tail(l)) n++;
    termbuf_reserve(firsts, n);
    termbuf_reserve(seconds, n);
    for (; term_is_cons(list); list = cons_tail(list)) {
        Term pair = cons_head(list);
        if (!term_is_tuple(pair) || tuple_size(pair) != 2) return false;
        firsts->items[firsts->size++] = tuple_get(pair, 0);
        seconds->items[seconds->size++] = tuple_get(pair, 1);
    }
    return list == TERM_NIL;
}

void bytebuf_init(ByteBuf *b) { memset(b, 0, sizeof *b); }

void bytebuf_free(ByteBuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void bytebuf_reserve(ByteBuf *b, size_t extra)
{
    if (b->capacity - b->size >= extra) return;
    size_t capacity = b->capacity ? b->capacity * 2 : 64;
    while (capacity - b->size < extra) capacity *= 2;
    b->data = xrealloc(b->data, capacity);
    b->capacity = capacity;
}

void bytebuf_append(ByteBuf *b, const void *bytes, size_t n)
{
    if (!n) return;
    bytebuf_reserve(b, n);
    memcpy(b->data + b->size, bytes, n);
    b->size += n;
}

void bytebuf_append_utf8(ByteBuf *b, uint32_t c)
{
    uint8_t u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (uint8_t)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (uint8_t)(0xC0 | (c >> 6));
        u[1] = (uint8_t)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (uint8_t)(0xE0 | (c >> 12));
        u[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (uint8_t)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (uint8_t)(0xF0 | (c >> 18));
        u[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (uint8_t)(0x80 | (c & 0x3F));
        n = 4;
    }
    bytebuf_append(b, u, n);
}

Term bytebuf_to_binary(const ByteBuf *b, Heap *h)
{
    native_charge(b->size / 16); /* the work that made the bytes, roughly */
    return binary_new(h, b->data, b->size);
}

void termbuf_init(TermBuf *b) { memset(b, 0, sizeof *b); }

void termbuf_free(TermBuf *b)
{
    free(b->items);
    memset(b, 0, sizeof *b);
}

void termbuf_push(TermBuf *b, Term t)
{
    if (b->size == b->capacity) {
        size_t grown = b->capacity ? b->capacity * 2 : 16;
        b->items = xrealloc(b->items, grown * sizeof(Term));
        b->capacity = grown; /* only once the memory is there */
    }
    b->items[b->size++] = t;
}

Term termbuf_to_list(const TermBuf *b, Heap *h, Term tail)
{
    if (!b->size) return tail;
    native_charge(b->size / 4); /* the work that found the elements, roughly */
    Term *cells = heap_alloc(h, 2 * b->size);
    Term list = tail;
    for (size_t i = b->size; i-- > 0;) {
        cells[2 * i] = b->items[i];
        cells[2 * i + 1] = list;
        list = cons_from_ptr(cells + 2 * i);
    }
    return list;
}

bool bif_binary(Term t, const uint8_t **bytes, size_t *size)
{
    if (!term_is_bitstring(t)) return false;
    return binary_bytes(t, bytes, size);
}

bool bif_small_in(Term t, int64_t lo, int64_t hi, int64_t *out)
{
    if (!term_is_small(t)) return false;
    int64_t v = small_value(t);
    if (v < lo || v > hi) return false;
    *out = v;
    return true;
}

/* Walks iodata (unicode false: bytes 0..255) or chardata (code points,
 * binaries that must be UTF-8), appending the bytes to `out`; returns as
 * bif_chardata_append does. Nested lists are walked with an explicit stack
 * of pending tails, so deeply nested data cannot exhaust the C stack. */
static int data_append(ByteBuf *out, Term t, bool unicode)
{
    const uint8_t *bytes;
    size_t size;
    TermBuf stack;
    termbuf_init(&stack);
    int status = 0;
    for (;;) {
        if (term_is_cons(t)) {
            Term head = cons_head(t);
            t = cons_tail(t);
            if (term_is_small(head)) {
                int64_t v = small_value(head);
                if (!unicode) {
                    if (v < 0 || v > 255) { status = 1; break; }
                    bytebuf_push(out, (uint8_t)v);
                } else {
                    if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { status = 1; break; }
                    bytebuf_append_utf8(out, (uint32_t)v);
                }
            } else if (term_is_list(head)) {
                termbuf_push(&stack, t);
                t = head;
            } else if (bif_binary(head, &bytes, &size)) {
                if (unicode && !utf8_valid(bytes, size)) { status = 2; break; }
                bytebuf_append(out, bytes, size);
            } else {
                status = 1;
                break;
            }
            continue;
        }
        if (t != TERM_NIL) {
            /* An improper tail may be a binary, nothing else. */
            if (!bif_binary(t, &bytes, &size)) { status = 1; break; }
            if (unicode && !utf8_valid(bytes, size)) { status = 2; break; }
            bytebuf_append(out, bytes, size);
        }
        if (!stack.size) break;
        t = stack.items[--stack.size];
    }
    termbuf_free(&stack);
    return status;
}

bool bif_iodata_append(ByteBuf *out, Term t, bool allow_binary)
{
    /* A binary at the top level is walked as a tail would be. */
    if (!term_is_list(t) && !allow_binary) return false;
    return data_append(out, t, false) == 0;
}

int bif_chardata_append(ByteBuf *out, Term t) { return data_append(out, t, true); }

Term bif_badmap(Process *p, Term t)
{
    return process_raise(p, ATOM_error, tuple2(&p->heap, ATOM_badmap, t));
}

Term bif_badkey(Process *p, Term key)
{
    return process_raise(p, ATOM_error, tuple2(&p->heap, ATOM_badkey, key));
}

Term bif_function_clause(Process *p) { return process_raise(p, ATOM_error, ATOM_function_clause); }

Term bif_badarith(Process *p) { return process_raise(p, ATOM_error, ATOM_badarith); }

/* One literal of bif_clause_as's defaults, starting at *s. */
static Term default_literal(Heap *h, const char **s)
{
    const char *t = *s, *end;
    Term v;
    if (*t == '"') {
        end = strchr(t + 1, '"');
        v = binary_new(h, t + 1, (size_t)(end - t - 1));
        end++;
    } else {
        end = t + strcspn(t, ",");
        char text[64];
        snprintf(text, sizeof text, "%.*s", (int)(end - t), t);
        if (text[0] == ':') v = atom_from_cstr(text + 1);
        else if (text[0] == '[') v = TERM_NIL;
        else v = small_make(strtoll(text, NULL, 10));
    }
    *s = *end == ',' ? end + 1 : end;
    return v;
}

Term bif_clause_as(Process *p, Term r, const char *name, const Term *args, size_t nargs, const char *defaults)
{
    if (r != TERM_NONE || p->exc_class != ATOM_error || p->exc_reason != ATOM_function_clause ||
        p->exc_stacktrace != TERM_NIL)
        return r;
    Heap *h = &p->heap;
    Term all[8];
    size_t n = 0;
    for (; n < nargs && n < 8; n++) all[n] = args[n];
    for (const char *d = defaults; *d && n < 8;) all[n++] = default_literal(h, &d);
    const char *dot = strrchr(name, '.');
    char module[128];
    snprintf(module, sizeof module, "%.*s", (int)(dot - name), name);
    Term mod = atom_from_cstr(module), fun = atom_from_cstr(dot + 1), meta = TERM_NIL;
    LibraryFrame lib;
    if (library_frame_native(mod, fun, (uint32_t)n, &lib)) {
        /* where Elixir's own function is */
        Term file = TERM_NIL;
        for (size_t i = strlen(lib.file); i-- > 0;) file = cons_new(h, small_make((unsigned char)lib.file[i]), file);
        meta = list_from(h, 2, (Term[]){tuple2(h, ATOM_file, file), tuple2(h, ATOM_line, small_make(lib.line))});
    }
    /* the VM puts the frames under it, knowing whether this was a tail call (vm.c's bif_stack) */
    Term entry = tuple4(h, mod, fun, list_from(h, n, all), meta);
    p->exc_stacktrace = cons_new(h, entry, atom_from_cstr("genlab_vm_frames"));
    return r;
}

Term bif_raise_fmt(Process *p, const char *module, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0) fatal("out of memory");
    va_end(ap);
    Term r = process_raise_exception(p, module, message);
    free(message);
    return r;
}
