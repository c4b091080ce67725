/* table.c - processes() as a table, tree/1 with box-drawing characters,
 * mailbox/1 as a numbered list. Everything fits the output's width: the
 * widest columns give way first, their cells cut with "...". */
#include <stdlib.h>
#include <string.h>

#include "views.h"

/* ---- a table of text cells ---------------------------------------------------- */

#define TABLE_COLS 9

typedef struct Table {
    char *(*cells)[TABLE_COLS];
    size_t rows, cap;
    int ncols;
} Table;

static void table_row(Table *t, char *const *cells)
{
    if (t->rows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->cells = realloc(t->cells, t->cap * sizeof *t->cells);
        if (!t->cells) abort();
    }
    for (int c = 0; c < t->ncols; c++) t->cells[t->rows][c] = text_dup(cells[c]);
    t->rows++;
}

/* Prints the table, row 0 as the header; `right` marks numeric columns;
 * `give` lists the columns that may be cut to fit the width, those to cut
 * first first, ended by -1. */
static void table_print(Views *v, Table *t, const bool *right, const int *give)
{
    int width[TABLE_COLS] = {0};
    for (size_t r = 0; r < t->rows; r++)
        for (int c = 0; c < t->ncols; c++) {
            int w = text_width(t->cells[r][c]);
            if (w > width[c]) width[c] = w;
        }
    /* narrow the columns that may give way, in order, down to 8 columns
     * each, until the table fits (a space between columns) */
    int total = t->ncols - 1;
    for (int c = 0; c < t->ncols; c++) total += width[c];
    for (int k = 0; give[k] >= 0 && total > v->width; k++) {
        int c = give[k];
        int cut = width[c] - 8 < total - v->width ? width[c] - 8 : total - v->width;
        if (cut > 0) {
            width[c] -= cut;
            total -= cut;
        }
    }
    for (size_t r = 0; r < t->rows; r++) {
        Text line = {0};
        for (int c = 0; c < t->ncols; c++) {
            char *cell = text_cut(t->cells[r][c], width[c]);
            int pad = width[c] - text_width(cell);
            bool last = c == t->ncols - 1;
            if (r == 0) text_add(&line, color_on(v->colors, COLOR_BOLD));
            if (right[c]) text_repeat(&line, " ", pad);
            text_add(&line, cell);
            if (r == 0) text_add(&line, color_off(v->colors));
            if (!right[c] && !last) text_repeat(&line, " ", pad);
            if (!last) text_add(&line, " ");
            free(cell);
        }
        /* no trailing blanks */
        while (line.len && line.s[line.len - 1] == ' ') line.s[--line.len] = 0;
        /* columns narrowed as far as they go may still be too wide (a
         * narrow terminal): the row is cut, as a trace line is */
        char *row = text_cut(line.s, v->width);
        fprintf(v->out, "%s\n", row);
        free(row);
        text_free(&line);
    }
    for (size_t r = 0; r < t->rows; r++)
        for (int c = 0; c < t->ncols; c++) free(t->cells[r][c]);
    free(t->cells);
}

/* ---- processes() ---------------------------------------------------------------- */

static void pid_list(Views *v, Text *t, const uint32_t *pids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *label = views_label(v, pids[i]);
        /* #PID<0.110.0> is long for a cell: <0.110.0> says the same */
        if (!strncmp(label, "#PID", 4)) label += 4;
        text_addf(t, "%s%s", i ? " " : "", label);
    }
}

static void add_process(void *ctx, const GenlabProcessInfo *info)
{
    void **pair = ctx;
    Views *v = pair[0];
    Table *t = pair[1];
    char pid[32], mbox[32], mem[32], reds[32];
    snprintf(pid, sizeof pid, "<0.%u.0>", info->pid);
    snprintf(mbox, sizeof mbox, "%zu", info->mailbox);
    snprintf(mem, sizeof mem, "%zu", info->memory);
    snprintf(reds, sizeof reds, "%llu", (unsigned long long)info->reductions);
    Text links = {0}, mons = {0};
    text_add(&links, "");
    text_add(&mons, "");
    pid_list(v, &links, info->links, info->nlinks);
    pid_list(v, &mons, info->monitors, info->nmonitors);
    char *cells[TABLE_COLS] = {pid, (char *)info->name, (char *)info->module, (char *)info->status, (char *)info->current,
                               mbox, mem, reds, links.s};
    table_row(t, cells);
    text_free(&links);
    text_free(&mons);
}

void table_processes(Views *v)
{
    Table t = {.ncols = 9};
    char *head[TABLE_COLS] = {"PID", "NAME", "MODULE", "STATUS", "CURRENT", "MBOX", "MEMORY", "REDS", "LINKS"};
    table_row(&t, head);
    void *pair[2] = {v, &t};
    genlab_processes(v->g, add_process, pair);
    static const bool right[TABLE_COLS] = {false, false, false, false, false, true, true, true, false};
    static const int give[] = {8, 2, 1, 4, -1}; /* LINKS, MODULE, NAME, CURRENT */
    table_print(v, &t, right, give);
}

/* ---- tree/1 ------------------------------------------------------------------- */

/* rows are "DEPTH\tLABEL\tINFO..." depth first; a row is the last of its
 * siblings when no later row at its depth comes before one shallower. */
static bool last_sibling(const char *const *rows, size_t nrows, size_t i, int depth)
{
    for (size_t j = i + 1; j < nrows; j++) {
        int d = atoi(rows[j]);
        if (d < depth) return true;
        if (d == depth) return false;
    }
    return true;
}

void table_tree(Views *v, const char *const *rows, size_t nrows)
{
    /* open[d]: a line continues at depth d below this row */
    bool open[64] = {false};
    for (size_t i = 0; i < nrows; i++) {
        int depth = atoi(rows[i]);
        if (depth < 0) depth = 0;
        if (depth > 63) depth = 63;
        const char *rest = strchr(rows[i], '\t');
        rest = rest ? rest + 1 : "";
        Text line = {0};
        text_add(&line, "");
        for (int d = 1; d < depth; d++) text_add(&line, open[d] ? "│   " : "    ");
        if (depth > 0) {
            bool last = last_sibling(rows, nrows, i, depth);
            text_add(&line, last ? "└── " : "├── ");
            open[depth] = !last;
        }
        /* LABEL in colour, then the other fields two spaces apart */
        const char *tab = strchr(rest, '\t');
        size_t n = tab ? (size_t)(tab - rest) : strlen(rest);
        text_addf(&line, "%s%.*s%s", color_on(v->colors, COLOR_NAME), (int)n, rest, color_off(v->colors));
        for (const char *f = tab; f; f = strchr(f + 1, '\t')) {
            const char *end = strchr(f + 1, '\t');
            int len = end ? (int)(end - f - 1) : (int)strlen(f + 1);
            text_addf(&line, "  %.*s", len, f + 1);
        }
        char *cut = text_cut(line.s, v->width);
        fprintf(v->out, "%s\n", cut);
        free(cut);
        text_free(&line);
    }
}

/* ---- mailbox/1 ------------------------------------------------------------------ */

typedef struct MailboxCtx {
    Views *v;
    size_t n;
    Text lines;
} MailboxCtx;

static void add_message(void *ctx, GenlabMessageKind kind, uint32_t from, const char *from_label, const char *payload,
                        const char *text)
{
    MailboxCtx *m = ctx;
    (void)text;
    if (kind == GENLAB_MSG_SYSTEM) return; /* :sys's own requests are not the learner's messages */
    char *label = views_message_label(kind, payload);
    Text line = {0};
    text_addf(&line, "  %zu. %s  from %s", ++m->n, label, from ? from_label : "a timer");
    char *cut = text_cut(line.s, m->v->width);
    text_addf(&m->lines, "%s\n", cut);
    free(cut);
    text_free(&line);
    free(label);
}

void table_mailbox(Views *v, uint32_t pid)
{
    const char *label = views_label(v, pid);
    MailboxCtx m = {v, 0, {0}};
    genlab_mailbox(v->g, pid, add_message, &m);
    if (m.n == 0) fprintf(v->out, "%s's mailbox is empty.\n", label);
    else fprintf(v->out, "%s's mailbox: %zu message%s, oldest first\n%s", label, m.n, m.n == 1 ? "" : "s", m.lines.s);
    text_free(&m.lines);
}
