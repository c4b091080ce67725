/* strbuf.h - a growable byte string for the command line's text work
 * (lessons, captured output). Running out of memory ends the program with
 * a message: the cli, unlike core, may exit. */
#ifndef GENLAB_STRBUF_H
#define GENLAB_STRBUF_H

#include <stddef.h>

typedef struct StrBuf {
    char *s;    /* always ends with a NUL once anything was added */
    size_t len; /* bytes, without the NUL */
    size_t cap;
} StrBuf;

void strbuf_add(StrBuf *b, const char *bytes, size_t n);
void strbuf_puts(StrBuf *b, const char *text);
void strbuf_printf(StrBuf *b, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Hands the text over (never NULL, "" when empty) and empties the buffer. */
char *strbuf_take(StrBuf *b);
void strbuf_free(StrBuf *b);
/* A malloc'd copy of n bytes, NUL-terminated. */
char *strbuf_dup(const char *bytes, size_t n);

#endif
