/* test_parser.c - the lexer and parser against Elixir 1.14.
 *
 * Each tests/parser/NAME.exs is parsed and inspected; NAME.quoted holds what
 * real Elixir returned for Code.string_to_quoted!(source, columns: true)
 * (recorded by scripts/record-parser). Each tests/parser/errors/NAME.exs
 * must fail; NAME.err holds the first "** (" line `elixir NAME.exs` printed.
 * Then robustness: random bytes, every truncation of every case, and very
 * deep nesting must all return, with a result or an error, never crash.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atom.h"
#include "check.h"
#include "heap.h"
#include "inspect.h"
#include "parser.h"
#include "runtime.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = 0;
    if (len) *len = n;
    return buf;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME part of every NAME.exs in `dir`, sorted. */
static char **list_cases(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            size_t l = strlen(e->d_name);
            if (l < 5 || strcmp(e->d_name + l - 4, ".exs") != 0) continue;
            if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
            names[n++] = strndup(e->d_name, l - 4);
        }
        closedir(d);
    }
    qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

static void free_cases(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

static void strip_newline(char *s)
{
    size_t l = strlen(s);
    while (l && (s[l - 1] == '\n' || s[l - 1] == '\r')) s[--l] = 0;
}

static char *inspect_plain(Term t)
{
    InspectOpts o;
    inspect_opts_default(&o);
    o.limit = -1;
    o.printable_limit = -1;
    o.pretty = false;
    o.width = 0;
    return inspect_to_cstring(t, &o, NULL);
}

/* What parsing a case produced, as its recorded file words it. */
typedef char *(*DescribeResult)(const char *name, Term t, const ParseError *err);

/* Every NAME.exs in `dir` is parsed and described; the description must
 * equal NAME`want_ext`. */
static void run_cases(const char *dir, const char *want_ext, const char *label, DescribeResult describe)
{
    size_t n;
    char **names = list_cases(dir, &n);
    for (size_t i = 0; i < n; i++) {
        char path[512], want_path[512], check[300];
        snprintf(path, sizeof path, "%s/%s.exs", dir, names[i]);
        snprintf(want_path, sizeof want_path, "%s/%s%s", dir, names[i], want_ext);
        snprintf(check, sizeof check, "%s %s", label, names[i]);
        size_t len;
        char *src = read_file(path, &len);
        char *want = read_file(want_path, NULL);
        if (!src || !want) {
            CHECK(false, check);
            free(src);
            free(want);
            continue;
        }
        strip_newline(want);
        Heap h;
        heap_init(&h, 1024);
        ParseError err;
        Term t = parse_source(&h, src, len, path, &err);
        char *got = describe(names[i], t, &err);
        CHECK_STR(got, want, check);
        free(got);
        heap_release(&h);
        free(src);
        free(want);
    }
    free_cases(names, n);
}

/* The quoted form, or the error with its location. */
static char *describe_quoted(const char *name, Term t, const ParseError *err)
{
    (void)name;
    if (t != TERM_NONE) return inspect_plain(t);
    char *got = malloc(2200);
    snprintf(got, 2200, "ERROR %s %d:%d: %s", err->kind, err->line, err->column, err->message);
    return got;
}

/* The first line `elixir NAME.exs` prints for the error. */
static char *describe_error(const char *name, Term t, const ParseError *err)
{
    size_t cap = 2400;
    char *got = malloc(cap);
    if (t != TERM_NONE) {
        char *q = inspect_plain(t);
        snprintf(got, cap, "(parsed) %.1000s", q);
        free(q);
        return got;
    }
    char first[2100];
    snprintf(first, sizeof first, "%s", err->message);
    char *nl = strchr(first, '\n');
    if (nl) *nl = 0;
    if (err->column > 0)
        snprintf(got, cap, "** (%s) %s.exs:%d:%d: %s", err->kind, name, err->line, err->column, first);
    else
        snprintf(got, cap, "** (%s) %s.exs:%d: %s", err->kind, name, err->line, first);
    return got;
}

/* Parses and throws the result away; only survival matters. */
static void parse_and_drop(const char *src, size_t len)
{
    Heap h;
    heap_init(&h, 1024);
    ParseError err;
    parse_source(&h, src, len, "fuzz.exs", &err);
    heap_release(&h);
}

static void run_robustness(void)
{
    /* Every prefix of every case file. */
    size_t n;
    char **names = list_cases("tests/parser", &n);
    size_t prefixes = 0;
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "tests/parser/%s.exs", names[i]);
        size_t len;
        char *src = read_file(path, &len);
        if (!src) continue;
        for (size_t cut = 0; cut <= len && cut < 3000; cut++) {
            parse_and_drop(src, cut);
            prefixes++;
        }
        free(src);
    }
    free_cases(names, n);
    CHECK(prefixes > 0, "parser survives every truncated case");

    /* Random bytes, and random mixes of Elixir's own characters. */
    static const char alphabet[] = "()[]{}<>%#\"'~:;,. \n\t\\|&@^!+-*/=?_aZ019xdoendfn";
    uint64_t seed = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 20000; round++) {
        char buf[96];
        size_t len = (size_t)(round % 96);
        for (size_t k = 0; k < len; k++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            buf[k] = round % 2 ? (char)(seed & 0xFF) : alphabet[seed % (sizeof alphabet - 1)];
        }
        parse_and_drop(buf, len);
    }
    CHECK(true, "parser survives random input");

    /* Deep nesting must fail cleanly, not exhaust the C stack; moderate
     * nesting must still parse. */
    static const char *pairs[][2] = {
        {"(", ")"}, {"[", "]"}, {"{", "}"}, {"<< ", " >>"}, {"%{a: ", "}"}, {"fn -> ", " end"},
        {"if x do ", " end"}, {"\"#{", "}\""}, {"- ", ""}, {"@", ""}, {"!", ""}, {"a = ", ""},
        {"a ++ ", ""}, {"f ", ""}, {"f(", ")"}, {"x.(", ")"}, {"&(", ")"}, {"a.", ""},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t depths[] = {200, 100000};
        for (size_t di = 0; di < 2; di++) {
            size_t depth = depths[di], ol = strlen(pairs[k][0]), cl = strlen(pairs[k][1]);
            char *src = malloc(depth * (ol + cl) + 16);
            size_t len = 0;
            for (size_t d = 0; d < depth; d++, len += ol) memcpy(src + len, pairs[k][0], ol);
            src[len++] = di == 0 || pairs[k][0][0] != 'a' || pairs[k][0][1] != '.' ? '1' : 'b';
            if (pairs[k][0][0] == 'a' && pairs[k][0][1] == '.') src[len - 1] = 'b';
            for (size_t d = 0; d < depth; d++, len += cl) memcpy(src + len, pairs[k][1], cl);
            Heap h;
            heap_init(&h, 1024);
            ParseError err;
            Term t = parse_source(&h, src, len, "deep.exs", &err);
            char check[100];
            bool chain = pairs[k][0][0] == 'a' && pairs[k][0][1] == '.';
            if (di == 0) {
                snprintf(check, sizeof check, "parser nesting 200 of %s", pairs[k][0]);
                CHECK(t != TERM_NONE, check);
            } else {
                /* a.a.a...b is a left-leaning chain: the parser loops, but the
                 * AST nests once per link, and its depth is bounded too. */
                snprintf(check, sizeof check, "parser deep %s of %s fails cleanly", chain ? "chain" : "nesting", pairs[k][0]);
                CHECK(t == TERM_NONE && strstr(err.message, "nested too deeply"), check);
            }
            heap_release(&h);
            free(src);
        }
    }
}

/* Throughput on the case files concatenated many times (information). */
static void run_speed(void)
{
    size_t n;
    char **names = list_cases("tests/parser", &n);
    size_t cap = 1 << 16, len = 0;
    char *all = malloc(cap);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(names[i], "seed_", 5) != 0) continue;
        char path[512];
        snprintf(path, sizeof path, "tests/parser/%s.exs", names[i]);
        size_t l;
        char *src = read_file(path, &l);
        if (!src) continue;
        while (len + l + 2 > cap) all = realloc(all, cap *= 2);
        memcpy(all + len, src, l);
        len += l;
        all[len++] = '\n';
        free(src);
    }
    free_cases(names, n);
    size_t total = 0;
    clock_t start = clock();
    while (total < 8u << 20) {
        Heap h;
        heap_init(&h, 1 << 16);
        ParseError err;
        Term t = parse_source(&h, all, len, "speed.exs", &err);
        heap_release(&h);
        if (t == TERM_NONE) break;
        total += len;
    }
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    fprintf(stderr, "parser speed: %.1f MB/s\n", secs > 0 ? (double)total / secs / 1e6 : 0.0);
    CHECK(total >= 8u << 20, "parser parses the tutorials repeatedly");
    free(all);
}

int main(int argc, char **argv)
{
    runtime_init(0);
    run_cases("tests/parser", ".quoted", "parser", describe_quoted);
    run_cases("tests/parser/errors", ".err", "parser error", describe_error);
    if (argc < 2 || strcmp(argv[1], "--quick") != 0) {
        run_robustness();
        run_speed();
    }
    CHECK_DONE();
}
