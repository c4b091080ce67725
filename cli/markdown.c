/* markdown.c - see markdown.h. Only what lessons use: inline code, bold,
 * emphasis, links, lists, quotes; tables are kept as written. */
#include "markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#define ANSI_CODE "\033[36m"
#define ANSI_BOLD "\033[1m"
#define ANSI_EM "\033[3m"
#define ANSI_OFF "\033[0m"
/* stands for a space inside `code`, so that wrapping never splits a span */
#define HARD_SPACE '\x01'

int markdown_terminal_width(void)
{
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    const char *columns = getenv("COLUMNS");
    int n = columns ? atoi(columns) : 0;
    return n > 0 ? n : 80;
}

/* Columns that `s` (n bytes) takes on screen: escape sequences take none. */
static int display_width(const char *s, size_t n)
{
    int width = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] == '\033') {
            while (i < n && s[i] != 'm') i++;
            i++;
            continue;
        }
        if (s[i] == HARD_SPACE) { /* a code span's space: shown as one */
            i++;
            width++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {
            i++;
            width++;
            continue;
        }
        width += utf8proc_charwidth(c);
        i += (size_t)k;
    }
    return width;
}

/* Inline markup to terminal text: with colours, `code` and **bold** get
 * their colour; without, the text stays as the author wrote it, which
 * reads well too, except that links keep only their text. */
static void render_inline(StrBuf *out, const char *s, bool colors)
{
    while (*s) {
        if (*s == '\\' && s[1] && strchr("\\`*_[]()#<>", s[1])) {
            strbuf_add(out, s + 1, 1);
            s += 2;
        } else if (*s == '`') {
            size_t ticks = strspn(s, "`");
            const char *end = strstr(s + ticks, ticks == 1 ? "`" : "``");
            if (!end) {
                strbuf_add(out, s, ticks);
                s += ticks;
                continue;
            }
            if (colors) strbuf_puts(out, ANSI_CODE);
            else strbuf_add(out, s, ticks);
            for (const char *c = s + ticks; c < end; c++) strbuf_add(out, *c == ' ' ? "\x01" : c, 1);
            if (colors) strbuf_puts(out, ANSI_OFF);
            else strbuf_add(out, s, ticks);
            s = end + ticks;
        } else if (colors && s[0] == '*' && s[1] == '*' && s[2] && s[2] != ' ' && strstr(s + 2, "**")) {
            const char *end = strstr(s + 2, "**");
            strbuf_puts(out, ANSI_BOLD);
            strbuf_add(out, s + 2, (size_t)(end - s - 2));
            strbuf_puts(out, ANSI_OFF);
            s = end + 2;
        } else if (colors && s[0] == '*' && s[1] && s[1] != ' ' && s[1] != '*' && strchr(s + 1, '*')) {
            const char *end = strchr(s + 1, '*');
            strbuf_puts(out, ANSI_EM);
            strbuf_add(out, s + 1, (size_t)(end - s - 1));
            strbuf_puts(out, ANSI_OFF);
            s = end + 1;
        } else if (*s == '[' && strstr(s, "](")) {
            const char *mid = strstr(s, "](");
            const char *end = strchr(mid, ')');
            if (!end || memchr(s, '\n', (size_t)(mid - s))) {
                strbuf_add(out, s++, 1);
                continue;
            }
            strbuf_add(out, s + 1, (size_t)(mid - s - 1));
            s = end + 1;
        } else {
            strbuf_add(out, s++, 1);
        }
    }
}

/* Words of `text` filled into lines of `width`, the first line after
 * `first` and the others after `indent` (both already on screen widths). */
static void fill(StrBuf *out, const char *text, const char *first, const char *indent, int width)
{
    int col = display_width(first, strlen(first));
    int indent_width = display_width(indent, strlen(indent));
    strbuf_puts(out, first);
    bool line_empty = true;
    const char *s = text;
    while (*s) {
        while (*s == ' ' || *s == '\n') s++;
        if (!*s) break;
        size_t n = strcspn(s, " \n");
        int w = display_width(s, n);
        if (!line_empty && col + 1 + w > width) {
            strbuf_puts(out, "\n");
            strbuf_puts(out, indent);
            col = indent_width;
            line_empty = true;
        }
        if (!line_empty) {
            strbuf_puts(out, " ");
            col++;
        }
        for (size_t i = 0; i < n; i++) strbuf_add(out, s[i] == HARD_SPACE ? " " : s + i, 1);
        col += w;
        line_empty = false;
        s += n;
    }
    strbuf_puts(out, "\n");
}

/* The marker a list item starts with ("- ", "* ", "12. "), or 0. */
static size_t list_marker(const char *line)
{
    if ((line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return 2;
    size_t d = strspn(line, "0123456789");
    if (d && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') return d + 2;
    return 0;
}

/* One block of the paragraph: a list item, a quote, or plain text. */
static void render_block(StrBuf *out, const char *raw, size_t marker, bool quote, const MarkdownStyle *st)
{
    StrBuf styled = {0};
    char *text = strbuf_dup(raw + marker, strlen(raw + marker));
    render_inline(&styled, text, st->colors);
    free(text);
    char first[64], indent[64];
    if (quote) {
        snprintf(first, sizeof first, "  │ ");
        snprintf(indent, sizeof indent, "  │ ");
    } else if (marker) {
        snprintf(first, sizeof first, "  %.*s", (int)marker, raw[0] == '-' || raw[0] == '*' || raw[0] == '+' ? "• " : raw);
        snprintf(indent, sizeof indent, "  %*s", (int)marker, "");
    } else {
        first[0] = indent[0] = 0;
    }
    fill(out, styled.s ? styled.s : "", first, indent, st->width);
    strbuf_free(&styled);
}

void markdown_render_prose(StrBuf *out, const char *text, const MarkdownStyle *st)
{
    /* tables are kept as written: wrapping would break their columns */
    if (text[0] == '|') {
        strbuf_puts(out, text);
        strbuf_puts(out, "\n\n");
        return;
    }
    StrBuf block = {0};
    size_t marker = 0;
    bool quote = false;
    const char *s = text;
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        char *line = strbuf_dup(s, n);
        const char *t = line + strspn(line, " ");
        size_t m = list_marker(t);
        bool q = t[0] == '>';
        if ((m || q != quote) && block.len) {
            render_block(out, block.s, marker, quote, st);
            strbuf_free(&block);
        }
        if (!block.len) {
            marker = m;
            quote = q;
        }
        if (q) t += 1 + (t[1] == ' ');
        if (block.len) strbuf_puts(&block, " ");
        strbuf_puts(&block, t);
        free(line);
        s = end ? end + 1 : s + n;
    }
    if (block.len) render_block(out, block.s, marker, quote, st);
    strbuf_free(&block);
    strbuf_puts(out, "\n");
}

void markdown_render_heading(StrBuf *out, const char *text, int level, const MarkdownStyle *st)
{
    StrBuf styled = {0};
    render_inline(&styled, text, false);
    for (char *c = styled.s; c && *c; c++)
        if (*c == HARD_SPACE) *c = ' ';
    const char *t = styled.s ? styled.s : "";
    if (st->colors) strbuf_printf(out, ANSI_BOLD "%s" ANSI_OFF "\n", t);
    else strbuf_printf(out, "%s\n", t);
    if (level <= 2) {
        int w = display_width(t, strlen(t));
        for (int i = 0; i < w && i < st->width; i++) strbuf_puts(out, level == 1 ? "=" : "-");
        strbuf_puts(out, "\n");
    }
    strbuf_puts(out, "\n");
    strbuf_free(&styled);
}

void markdown_render_code(StrBuf *out, const char *code, const MarkdownStyle *st)
{
    (void)st;
    const char *s = code;
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        if (n) strbuf_puts(out, "    ");
        strbuf_add(out, s, n);
        strbuf_puts(out, "\n");
        s = end ? end + 1 : s + n;
    }
    strbuf_puts(out, "\n");
}
