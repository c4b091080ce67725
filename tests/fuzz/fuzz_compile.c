/* fuzz_compile.c - libFuzzer target: the compiler on whatever parses.
 * Each top-level expression (not a defmodule, whose body would run) is
 * compiled as a script's would be; it must compile or give a
 * CompileError, never crash. Each input compiles into a code region of its
 * own, as a shell input does, freed once the next inputs' garbage is worth
 * a collection: in the literal arena, hundreds of thousands of inputs'
 * code would fill the fuzzer's memory limit. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "atom.h"
#include "code_region.h"
#include "compiler.h"
#include "fuzz_budget.h"
#include "genlab.h"
#include "heap.h"
#include "parser.h"
#include "sched.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, fuzz_quiet);
    /* boots the library (the compiler expands its macros) */
    genlab_run_script(g, "1", 1, "boot.exs");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Heap h;
    heap_init(&h, 1024);
    ParseError perr;
    Term ast = parse_source(&h, (const char *)data, size, "fuzz.exs", &perr);
    CodeRegion *region = code_region_new();
    code_region_enter(region);
    if (ast != TERM_NONE) {
        ast = term_copy(literal_heap(), ast);
        Term items = term_is_tuple(ast) && tuple_size(ast) == 3 && tuple_get(ast, 0) == atom_from_cstr("__block__")
                         ? tuple_get(ast, 2)
                         : cons_new(&h, ast, TERM_NIL);
        compile_begin_file();
        Bindings names = {0};
        for (Term l = items; term_is_cons(l); l = cons_tail(l)) {
            if (ast_is_defmodule(cons_head(l))) continue;
            Chunk chunk;
            CompileError err;
            if (!compile_chunk(cons_head(l), "fuzz.exs", &names, &chunk, &err)) break;
            free(chunk.out_names);
        }
    }
    code_region_enter(NULL);
    code_region_close(region);
    code_region_collect(sched_evaluator(), false);
    heap_release(&h);
    return 0;
}
