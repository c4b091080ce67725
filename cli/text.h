/* text.h - text for the teaching views: display widths (utf8proc), cutting
 * to a width with "...", a growable buffer, and colours that are used only
 * on a terminal (never with NO_COLOR). */
#ifndef GENLAB_TEXT_H
#define GENLAB_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Columns `s` takes on a terminal (ANSI colour sequences take none). */
int text_width(const char *s);
/* s cut to at most `width` columns, ending with "..." when cut; malloc'd. */
char *text_cut(const char *s, int width);
/* A malloc'd copy of s (NULL stays NULL... as ""). */
char *text_dup(const char *s);

/* A growable string. */
typedef struct Text {
    char *s;
    size_t len, cap;
} Text;
void text_add(Text *t, const char *s);
void text_addf(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s with each of the characters in `specials` replaced by the
 * entity at the same index of `entities`. */
void text_add_escaped(Text *t, const char *s, const char *specials, const char *const *entities);
/* Appends `n` copies of s. */
void text_repeat(Text *t, const char *s, int n);
void text_free(Text *t);

/* The colours of the views. */
typedef enum { COLOR_NONE, COLOR_DIM, COLOR_BOLD, COLOR_NAME, COLOR_CALLBACK, COLOR_STATE, COLOR_HINT, COLOR_ARROW } Color;
/* The escape that starts colour c, or "" when colours are off. */
const char *color_on(bool colors, Color c);
const char *color_off(bool colors);

/* How wide the output is: a terminal's columns ($COLUMNS if it does not
 * say); 80 when f is not a terminal. */
int text_terminal_width(FILE *f);
/* Whether to colour f: a terminal, and NO_COLOR unset or empty. */
bool text_use_colors(FILE *f);

#endif
