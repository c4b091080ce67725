/* fuzz_parse.c - libFuzzer target: the lexer and parser on any bytes.
 * Every input must end in an AST or a ParseError, never a crash. */
#include <stddef.h>
#include <stdint.h>

#include "atom.h"
#include "genlab.h"
#include "heap.h"
#include "parser.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* a runtime holds the atom table the parser interns into */
    (void)genlab_new(1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Heap h;
    heap_init(&h, 1024);
    ParseError err;
    (void)parse_source(&h, (const char *)data, size, "fuzz.exs", &err);
    heap_release(&h);
    return 0;
}
