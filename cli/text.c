/* text.c - widths, cutting, buffers and colours for the views. */
#include "text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

static void *grow(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fputs("genlab: out of memory\n", stderr);
        abort();
    }
    return q;
}

char *text_dup(const char *s)
{
    if (!s) s = "";
    size_t n = strlen(s);
    char *d = grow(NULL, n + 1);
    memcpy(d, s, n + 1);
    return d;
}

/* The length of an ANSI escape at s, or 0. */
static size_t escape_len(const char *s)
{
    if (s[0] != '\x1b' || s[1] != '[') return 0;
    size_t i = 2;
    while (s[i] && !(s[i] >= '@' && s[i] <= '~')) i++;
    return s[i] ? i + 1 : i;
}

/* Decodes one character at s (n bytes left): its byte length and width. */
static size_t next_char(const char *s, size_t n, int *width)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (len <= 0) {
        *width = 1; /* an invalid byte shows as one replacement character */
        return 1;
    }
    int w = utf8proc_charwidth(cp);
    *width = w < 0 ? 0 : w;
    return (size_t)len;
}

int text_width(const char *s)
{
    int total = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t e = escape_len(s + i);
        if (e) {
            i += e;
            continue;
        }
        int w;
        i += next_char(s + i, n - i, &w);
        total += w;
    }
    return total;
}

char *text_cut(const char *s, int width)
{
    if (text_width(s) <= width) return text_dup(s);
    if (width < 3) return text_dup(width <= 0 ? "" : width == 1 ? "." : "..");
    Text t = {0};
    size_t n = strlen(s);
    int used = 0;
    for (size_t i = 0; i < n;) {
        size_t e = escape_len(s + i);
        if (e) {
            i += e;
            continue; /* colours inside a cut text are dropped */
        }
        int w;
        size_t len = next_char(s + i, n - i, &w);
        if (used + w > width - 3) break;
        char buf[8];
        memcpy(buf, s + i, len);
        buf[len] = 0;
        text_add(&t, buf);
        used += w;
        i += len;
    }
    text_add(&t, "...");
    return t.s;
}

void text_add(Text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 128;
        while (cap < t->len + n + 1) cap *= 2;
        t->s = grow(t->s, cap);
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n + 1);
    t->len += n;
}

void text_addf(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof small) {
        text_add(t, small);
        return;
    }
    char *big = grow(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    text_add(t, big);
    free(big);
}

void text_add_escaped(Text *t, const char *s, const char *specials, const char *const *entities)
{
    for (; *s; s++) {
        const char *special = strchr(specials, *s);
        if (special) {
            text_add(t, entities[special - specials]);
        } else {
            char c[2] = {*s, 0};
            text_add(t, c);
        }
    }
}

void text_repeat(Text *t, const char *s, int n)
{
    for (int i = 0; i < n; i++) text_add(t, s);
}

void text_free(Text *t)
{
    free(t->s);
    *t = (Text){0};
}

const char *color_on(bool colors, Color c)
{
    if (!colors) return "";
    switch (c) {
    case COLOR_DIM: return "\x1b[2m";
    case COLOR_BOLD: return "\x1b[1m";
    case COLOR_NAME: return "\x1b[1;36m";
    case COLOR_CALLBACK: return "\x1b[33m";
    case COLOR_STATE: return "\x1b[32m";
    case COLOR_HINT: return "\x1b[35m";
    case COLOR_ARROW: return "\x1b[34m";
    default: return "";
    }
}

const char *color_off(bool colors) { return colors ? "\x1b[0m" : ""; }

int text_terminal_width(FILE *f)
{
    /* piped output is 80 columns wide whatever the environment: the
     * same bytes on every run */
    if (!isatty(fileno(f))) return 80;
    struct winsize ws;
    if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    int n = cols ? atoi(cols) : 0;
    return n >= 20 ? n : 80;
}

bool text_use_colors(FILE *f)
{
    const char *no = getenv("NO_COLOR");
    return isatty(fileno(f)) && !(no && *no);
}
