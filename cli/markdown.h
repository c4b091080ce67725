/* markdown.h - a lesson's Markdown turned into terminal text: headings,
 * paragraphs, lists and quotes wrapped to a width (display width, so wide
 * and combining characters count right), `code` and **bold** in colour on
 * a terminal, code blocks indented. */
#ifndef GENLAB_MARKDOWN_H
#define GENLAB_MARKDOWN_H

#include <stdbool.h>

#include "strbuf.h"

typedef struct MarkdownStyle {
    int width;   /* columns to wrap at */
    bool colors; /* ANSI colours and bold; otherwise the markup stays as written */
} MarkdownStyle;

/* Appends a paragraph, list or quote (as written in the file), wrapped. */
void markdown_render_prose(StrBuf *out, const char *text, const MarkdownStyle *style);
/* Appends a heading of the given level (1 for the title). */
void markdown_render_heading(StrBuf *out, const char *text, int level, const MarkdownStyle *style);
/* Appends a code block, indented by four columns. */
void markdown_render_code(StrBuf *out, const char *code, const MarkdownStyle *style);

/* The terminal's width in columns (COLUMNS, else 80 when not a terminal). */
int markdown_terminal_width(void);

#endif
