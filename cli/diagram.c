/* diagram.c - sequence diagrams of the logged messages: in the terminal,
 * as Mermaid text, or as an SVG file. One lifeline per process, in the
 * order they appear; one row per message, its label on the arrow;
 * state changes noted beside the server; the virtual time at the left.
 *
 *            #PID<0.106.0>           Counter
 *                  │                    │
 *   [0 ms]         ├─ call :increment ─▶│
 *                  │                    │ state 10 → 11
 *                  │◀──── reply 11 ─────┤
 */
#include <stdlib.h>
#include <string.h>

#include "views.h"

#define DIAGRAM_DEFAULT 20

typedef struct Entry {
    Logged *l;
    int from, to; /* participant indexes; to == from for a note or a self-send */
    bool note;
} Entry;

typedef struct Diagram {
    Entry *entries;
    size_t n;
    uint32_t *parts; /* participants' pids (0: timers) */
    int nparts;
    char **heads;    /* their labels, cut */
    int *x;          /* their lifelines' columns */
    int gutter;      /* columns of the time at the left */
    bool stacked;    /* too wide for labels on the arrows: each label on a row
                        of its own above its arrow */
} Diagram;

/* Adds pid to the participants, kept in pid order (timers, 0, first): the
 * shell and the oldest servers stand at the left in every diagram. */
static void participant(Diagram *d, uint32_t pid)
{
    int i = 0;
    while (i < d->nparts && d->parts[i] < pid) i++;
    if (i < d->nparts && d->parts[i] == pid) return;
    d->parts = realloc(d->parts, (size_t)(d->nparts + 1) * sizeof *d->parts);
    if (!d->parts) abort();
    memmove(d->parts + i + 1, d->parts + i, (size_t)(d->nparts - i) * sizeof *d->parts);
    d->parts[i] = pid;
    d->nparts++;
}

static int participant_index(const Diagram *d, uint32_t pid)
{
    for (int i = 0; i < d->nparts; i++)
        if (d->parts[i] == pid) return i;
    return -1;
}

static bool is_arrow(const Logged *l) { return l->kind == GENLAB_EVENT_SEND || l->kind == GENLAB_EVENT_SPAWN; }

/* Whether an entry is about the library's own processes (a supervisor
 * starting its children, Logger), known only once they ran. */
static bool library_entry(Views *v, const Logged *l)
{
    return (l->pid && views_pid(v, l->pid)->library) || (is_arrow(l) && l->other && views_pid(v, l->other)->library);
}

/* Picks the entries: the last n arrows (and the notes among them), or
 * those about pid. */
static void select_entries(Views *v, Diagram *d, uint32_t pid, long n)
{
    if (n <= 0) n = DIAGRAM_DEFAULT;
    size_t first = v->log_len;
    long arrows = 0;
    while (first > 0 && arrows < n) {
        const Logged *l = &v->log[(v->log_first + first - 1) % VIEWS_LOG_SIZE];
        bool about = !pid || l->pid == pid || (is_arrow(l) && l->other == pid);
        if (about && is_arrow(l) && !library_entry(v, l)) arrows++;
        first--;
    }
    d->entries = calloc(v->log_len - first + 1, sizeof *d->entries);
    if (!d->entries) abort();
    for (size_t i = first; i < v->log_len; i++) {
        const Logged *l = &v->log[(v->log_first + i) % VIEWS_LOG_SIZE];
        if (is_arrow(l) && (!pid || l->pid == pid || l->other == pid) && !library_entry(v, l)) {
            participant(d, l->other);
            participant(d, l->pid);
        }
    }
    for (size_t i = first; i < v->log_len; i++) {
        Logged *l = &v->log[(v->log_first + i) % VIEWS_LOG_SIZE];
        bool about = !pid || l->pid == pid || (is_arrow(l) && l->other == pid);
        /* a note about a process that sent or got nothing shown is left out */
        if (!about || library_entry(v, l) || participant_index(d, l->pid) < 0) continue;
        Entry e = {.l = l, .note = !is_arrow(l)};
        e.from = participant_index(d, e.note ? l->pid : l->other);
        e.to = participant_index(d, l->pid);
        d->entries[d->n++] = e;
    }
}

static char *note_text(Views *v, Logged *l)
{
    if (l->kind == GENLAB_EVENT_EXIT) {
        Text t = {0};
        text_addf(&t, "exits: %s", views_logged_text(v, l));
        return t.s;
    }
    return text_dup(views_logged_text(v, l));
}

/* ---- layout ------------------------------------------------------------------- */

static void need(Diagram *d, int i, int j, int gap)
{
    if (i > j) {
        int t = i;
        i = j;
        j = t;
    }
    int short_by = gap - (d->x[j] - d->x[i]);
    if (short_by > 0)
        for (int k = j; k < d->nparts; k++) d->x[k] += short_by;
}

/* The widest a label may be so that the diagram fits the width. */
static int label_room(Views *v, const Diagram *d)
{
    int gaps = d->nparts > 1 ? d->nparts - 1 : 1;
    int room = (v->width - d->gutter - 4) / gaps - 6;
    return room < 8 ? 8 : room;
}

static void layout(Views *v, Diagram *d, char **labels)
{
    char t[48];
    d->gutter = 0;
    for (size_t i = 0; i < d->n; i++) {
        views_time(d->entries[i].l->time_us, t, sizeof t);
        int w = text_width(t) + 1;
        if (w > d->gutter) d->gutter = w;
    }
    int room = label_room(v, d);
    d->heads = calloc((size_t)d->nparts, sizeof *d->heads);
    d->x = calloc((size_t)d->nparts, sizeof *d->x);
    if (!d->heads || !d->x) abort();
    for (int i = 0; i < d->nparts; i++) d->heads[i] = text_cut(views_label(v, d->parts[i]), d->stacked ? 16 : room + 4);
    d->x[0] = d->gutter + 1 + text_width(d->heads[0]) / 2;
    for (int i = 1; i < d->nparts; i++) {
        d->x[i] = d->x[i - 1];
        need(d, i - 1, i, (text_width(d->heads[i - 1]) + 1) / 2 + (text_width(d->heads[i]) + 1) / 2 + 2);
    }
    /* each arrow's label fits in the gap next to its sender, a note or a
     * message to itself in the gap right of its lifeline: processed gap by
     * gap from the left, one pass suffices (a shift never narrows a gap
     * already checked) */
    for (int j = 1; j < d->nparts && !d->stacked; j++)
        for (size_t k = 0; k < d->n; k++) {
            const Entry *e = &d->entries[k];
            int w = text_width(labels[k]);
            int gap = e->from == e->to ? e->from + 1 : e->from < e->to ? e->from + 1 : e->from;
            if (gap == j) need(d, j - 1, j, w + (e->note ? 3 : 6));
        }
}

/* ---- the terminal ------------------------------------------------------------------ */

/* A row of the drawing: one glyph per column. */
typedef struct Row {
    char (*cell)[8];
    int width;
} Row;

/* A blank row, with the lifelines when d is given. */
static Row row_new(const Diagram *d, int width)
{
    Row r = {calloc((size_t)width, 8), width};
    if (!r.cell) abort();
    for (int i = 0; i < width; i++) strcpy(r.cell[i], " ");
    for (int i = 0; d && i < d->nparts; i++)
        if (d->x[i] < width) strcpy(r.cell[d->x[i]], "│");
    return r;
}

static void row_put(Row *r, int col, const char *glyph)
{
    if (col >= 0 && col < r->width) snprintf(r->cell[col], 8, "%s", glyph);
}

/* Writes text from col on: each character takes its cells ("" for the
 * second cell of a wide one). */
static void row_text(Row *r, int col, const char *s)
{
    for (const char *p = s; *p && col < r->width;) {
        size_t len = 1;
        while (p[len] && (p[len] & 0xC0) == 0x80) len++;
        char glyph[8];
        snprintf(glyph, sizeof glyph, "%.*s", (int)len, p);
        int w = text_width(glyph);
        if (w <= 0) w = 1;
        row_put(r, col, glyph);
        for (int k = 1; k < w; k++) row_put(r, col + k, "");
        col += w;
        p += len;
    }
}

static void row_print(Views *v, Row *r, const char *left)
{
    Text t = {0};
    text_add(&t, color_on(v->colors, COLOR_DIM));
    text_add(&t, left);
    text_add(&t, color_off(v->colors));
    int start = text_width(left);
    for (int i = start; i < r->width; i++) text_add(&t, r->cell[i]);
    while (t.len && t.s[t.len - 1] == ' ') t.s[--t.len] = 0;
    fprintf(v->out, "%s\n", t.s);
    text_free(&t);
    free(r->cell);
}

static void draw_terminal(Views *v, Diagram *d, char **labels)
{
    int width = d->x[d->nparts - 1] + (text_width(d->heads[d->nparts - 1]) + 1) / 2 + 1;
    for (size_t k = 0; k < d->n; k++)
        if (d->entries[k].note || d->entries[k].from == d->entries[k].to) {
            int end = d->x[d->entries[k].to] + 6 + text_width(labels[k]);
            if (end > width) width = end;
        }
    if (width > v->width) width = v->width;
    /* the heads, centred over their lifelines */
    Row head = row_new(NULL, width);
    for (int i = 0; i < d->nparts; i++) row_text(&head, d->x[i] - text_width(d->heads[i]) / 2, d->heads[i]);
    row_print(v, &head, "");
    row_print(v, (Row[]){row_new(d, width)}, "");
    char last_time[48] = "";
    for (size_t k = 0; k < d->n; k++) {
        const Entry *e = &d->entries[k];
        char t[48], left[64];
        views_time(e->l->time_us, t, sizeof t);
        snprintf(left, sizeof left, "%s", strcmp(t, last_time) ? t : "");
        snprintf(last_time, sizeof last_time, "%s", t);
        int a = d->x[e->from], b = d->x[e->to];
        Row r = row_new(d, width);
        if (e->note) {
            char *cut = text_cut(labels[k], width - a - 2);
            row_text(&r, a + 2, cut);
            free(cut);
            row_print(v, &r, left);
            continue;
        }
        if (a == b) {
            /* a message to itself: out and back on two rows */
            row_put(&r, a, "├");
            row_put(&r, a + 1, "─");
            row_put(&r, a + 2, "┐");
            char *cut = text_cut(labels[k], width - a - 4);
            row_text(&r, a + 4, cut);
            free(cut);
            row_print(v, &r, left);
            Row back = row_new(d, width);
            row_put(&back, a, "│");
            row_put(&back, a + 1, "◀");
            row_put(&back, a + 2, "┘");
            row_print(v, &back, "");
            continue;
        }
        int lo = a < b ? a : b, hi = a < b ? b : a;
        if (d->stacked) {
            /* the label on its own row, from the sender towards the receiver */
            Row above = row_new(d, width);
            int w = text_width(labels[k]);
            int start = a < b ? a + 2 : a - 1 - w;
            if (start < d->gutter) start = d->gutter;
            char *cut = text_cut(labels[k], width - start);
            row_text(&above, start, cut);
            free(cut);
            row_print(v, &above, left);
            left[0] = 0;
        }
        /* (a diagram cut to the width may end before the arrow does) */
        for (int c = lo + 1; c < hi && c < r.width; c++) row_put(&r, c, strcmp(r.cell[c], "│") ? "─" : "┼");
        row_put(&r, a, a < b ? "├" : "┤");
        row_put(&r, b, "│");
        row_put(&r, a < b ? b - 1 : b + 1, a < b ? "▶" : "◀");
        if (d->stacked) {
            row_print(v, &r, left);
            continue;
        }
        /* the label in the middle of the arrow's first gap, a space either side */
        int glo = a < b ? a : d->x[e->from - 1], ghi = a < b ? d->x[e->from + 1] : a;
        int room = ghi - glo - 5;
        char *cut = text_cut(labels[k], room);
        int w = text_width(cut);
        int start = glo + 1 + (ghi - glo - 1 - (w + 2)) / 2;
        row_put(&r, start, " ");
        row_text(&r, start + 1, cut);
        row_put(&r, start + 1 + w, " ");
        free(cut);
        row_print(v, &r, left);
    }
}

/* ---- Mermaid ---------------------------------------------------------------------- */

/* Mermaid reads # ; < > in texts as markup: they are written as entities. */
static void mermaid_text(Text *t, const char *s)
{
    static const char *const entities[] = {"#35;", "#59;", "#lt;", "#gt;"};
    text_add_escaped(t, s, "#;<>", entities);
}

static void draw_mermaid(Views *v, Diagram *d, char **labels)
{
    Text t = {0};
    text_add(&t, "sequenceDiagram\n");
    for (int i = 0; i < d->nparts; i++) {
        text_addf(&t, "    participant P%u as ", d->parts[i]);
        mermaid_text(&t, views_label(v, d->parts[i]));
        text_add(&t, "\n");
    }
    for (size_t k = 0; k < d->n; k++) {
        const Entry *e = &d->entries[k];
        uint32_t from = d->parts[e->from], to = d->parts[e->to];
        if (e->note) {
            text_addf(&t, "    Note right of P%u: ", to);
        } else {
            const char *arrow = e->l->msg_kind == GENLAB_MSG_REPLY ? "-->>" : e->l->msg_kind == GENLAB_MSG_CALL ? "->>" : "-)";
            text_addf(&t, "    P%u%sP%u: ", from, arrow, to);
        }
        mermaid_text(&t, labels[k]);
        text_add(&t, "\n");
    }
    fputs(t.s, v->out);
    text_free(&t);
}

/* ---- SVG ---------------------------------------------------------------------------- */

static void svg_text(Text *t, const char *s)
{
    static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;"};
    text_add_escaped(t, s, "&<>\"", entities);
}

#define SVG_CELL 8
#define SVG_ROW 24

static void draw_svg(Views *v, Diagram *d, char **labels, const char *file)
{
    int cols = d->x[d->nparts - 1] + 40;
    int height = (int)(d->n + 3) * SVG_ROW;
    Text t = {0};
    text_addf(&t, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"13\">\n",
              cols * SVG_CELL, height);
    text_add(&t, "<defs><marker id=\"head\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\">"
                 "<path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>\n");
    text_addf(&t, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    for (int i = 0; i < d->nparts; i++) {
        int x = d->x[i] * SVG_CELL;
        text_addf(&t, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">", x, SVG_ROW);
        svg_text(&t, views_label(v, d->parts[i]));
        text_add(&t, "</text>\n");
        text_addf(&t, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", x, SVG_ROW + 6, x, height - SVG_ROW / 2);
    }
    for (size_t k = 0; k < d->n; k++) {
        const Entry *e = &d->entries[k];
        int y = (int)(k + 2) * SVG_ROW;
        int a = d->x[e->from] * SVG_CELL, b = d->x[e->to] * SVG_CELL;
        char time[48];
        views_time(e->l->time_us, time, sizeof time);
        text_addf(&t, "<text x=\"4\" y=\"%d\" fill=\"#777\">%s</text>\n", y, time);
        if (e->note || a == b) {
            text_addf(&t, "<text x=\"%d\" y=\"%d\" fill=\"%s\">", a + 8, y, e->note ? "#070" : "#000");
            if (!e->note) text_add(&t, "↺ ");
        } else {
            const char *dash = e->l->msg_kind == GENLAB_MSG_REPLY ? " stroke-dasharray=\"4 3\"" : "";
            text_addf(&t, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"%s marker-end=\"url(#head)\"/>\n", a, y, b, y, dash);
            text_addf(&t, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", (a + b) / 2, y - 5);
        }
        svg_text(&t, labels[k]);
        text_add(&t, "</text>\n");
    }
    text_add(&t, "</svg>\n");
    FILE *f = fopen(file, "w");
    if (!f) {
        fprintf(v->out, "Could not write %s.\n", file);
    } else {
        fputs(t.s, f);
        fclose(f);
        fprintf(v->out, "Wrote %s: %zu rows, %d processes.\n", file, d->n, d->nparts);
    }
    text_free(&t);
}

void diagram_print(Views *v, const char *format, uint32_t pid, long n)
{
    Diagram d = {0};
    select_entries(v, &d, pid, n);
    if (d.n == 0 || d.nparts == 0) {
        fprintf(v->out, "No messages to draw yet.\n");
        free(d.entries);
        free(d.parts);
        return;
    }
    char **labels = calloc(d.n, sizeof *labels);
    if (!labels) abort();
    for (size_t k = 0; k < d.n; k++) labels[k] = d.entries[k].note ? note_text(v, d.entries[k].l) : text_dup(views_logged_text(v, d.entries[k].l));
    bool terminal = !format || !*format;
    if (terminal) {
        /* labels on the arrows if that fits the width, else above them */
        layout(v, &d, labels);
        d.stacked = d.x[d.nparts - 1] + (text_width(d.heads[d.nparts - 1]) + 1) / 2 >= v->width;
        for (int i = 0; i < d.nparts; i++) free(d.heads[i]);
        free(d.heads);
        free(d.x);
    }
    layout(v, &d, labels);
    if (terminal) draw_terminal(v, &d, labels);
    else if (!strcmp(format, "mermaid")) draw_mermaid(v, &d, labels);
    else if (!strncmp(format, "svg:", 4)) draw_svg(v, &d, labels, format + 4);
    for (size_t k = 0; k < d.n; k++) free(labels[k]);
    for (int i = 0; i < d.nparts; i++) free(d.heads[i]);
    free(labels);
    free(d.heads);
    free(d.x);
    free(d.entries);
    free(d.parts);
}
