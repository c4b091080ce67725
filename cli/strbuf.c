/* strbuf.c - see strbuf.h. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *must(void *p)
{
    if (!p) {
        fputs("genlab: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void strbuf_reserve(StrBuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1) cap *= 2;
    b->s = must(realloc(b->s, cap));
    b->cap = cap;
}

void strbuf_add(StrBuf *b, const char *bytes, size_t n)
{
    strbuf_reserve(b, n);
    if (n) memcpy(b->s + b->len, bytes, n);
    b->len += n;
    b->s[b->len] = 0;
}

void strbuf_puts(StrBuf *b, const char *text)
{
    strbuf_add(b, text, strlen(text));
}

void strbuf_printf(StrBuf *b, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    if (n < 0) return;
    strbuf_reserve(b, (size_t)n);
    va_start(ap, format);
    vsnprintf(b->s + b->len, (size_t)n + 1, format, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *strbuf_take(StrBuf *b)
{
    char *s = b->s ? b->s : strbuf_dup("", 0);
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void strbuf_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *strbuf_dup(const char *bytes, size_t n)
{
    char *s = must(malloc(n + 1));
    if (n) memcpy(s, bytes, n);
    s[n] = 0;
    return s;
}
