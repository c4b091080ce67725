/* test_ast_text.c - ast_text against Elixir's Macro.to_string/1.
 *
 * tests/ast_text/cases.out holds, a line each, a piece of source and what
 * real Elixir 1.14 printed for Macro.to_string(Code.string_to_quoted!(it))
 * (tests/ast_text/cases.exs made it), separated by a tab. Then a deep
 * expression must print without using the C stack for its depth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast_text.h"
#include "atom.h"
#include "check.h"
#include "heap.h"
#include "parser.h"
#include "runtime.h"

static void run_cases(void)
{
    FILE *f = fopen("tests/ast_text/cases.out", "r");
    CHECK(f != NULL, "ast_text: cases.out opens");
    if (!f) return;
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t'), *end = strchr(line, '\n');
        if (!tab) continue;
        *tab = 0;
        if (end) *end = 0;
        Heap h;
        heap_init(&h, 256);
        ParseError err;
        Term ast = parse_source(&h, line, strlen(line), "nofile", &err);
        char name[1100];
        snprintf(name, sizeof name, "ast_text: %s", line);
        char *text = ast != TERM_NONE ? ast_text(ast) : NULL;
        CHECK_STR(text, tab + 1, name);
        free(text);
        heap_release(&h);
        n++;
    }
    fclose(f);
    CHECK(n >= 40, "ast_text: the recorded cases were all read");
}

static void run_deep(void)
{
    /* 1 + (1 + (1 + ...)), 200,000 deep, built directly: no parser limit */
    Heap h;
    heap_init(&h, 1 << 16);
    Term ast = small_make(1);
    for (int i = 0; i < 200000; i++)
        ast = tuple3(&h, atom_from_cstr("+"), TERM_NIL, list_from(&h, 2, (Term[]){small_make(1), ast}));
    char *text = ast_text(ast);
    size_t len = text ? strlen(text) : 0;
    CHECK(len == 200000 * 6 - 1, "ast_text: a 200,000-deep expression prints whole");
    CHECK(text && !strncmp(text, "1 + (1 + (1 + ", 14), "ast_text: right operands of equal precedence are parenthesized");
    free(text);
    heap_release(&h);
}

int main(void)
{
    runtime_init(0);
    run_cases();
    run_deep();
    CHECK_DONE();
}
