/* test_code_region.c - a shell input's code and constants are freed once
 * nothing refers to them (code_region.h): a long session of inputs runs
 * in constant memory, counted by the runtime's own accounting of heaps,
 * code and constants (what --max-memory limits), while funs made by early
 * inputs, kept in a binding, an ETS table or another process, still work. */
#include "check.h"

#include <stdlib.h>

#include "code_region.h"
#include "genlab.h"
#include "shell_eval.h"
#include "state.h"

static Genlab *g;


/* Inputs as a session has them: constants, a fn, a string built, a
 * binding rebound, an error now and then. */
static void session(int n)
{
    char input[256];
    for (int i = 0; i < n; i++) {
        switch (i % 4) {
        case 0: snprintf(input, sizeof input, "x = [%d, 2, 3]; Enum.map(x, fn a -> a * 2 end)", i); break;
        case 1: snprintf(input, sizeof input, "s = \"item #{%d}\" <> \" done\"; {s, String.length(s)}", i); break;
        case 2: snprintf(input, sizeof input, "%%{a: %d, b: [:c, {1.5, \"d\"}]} |> Map.put(:e, x)", i); break;
        default: snprintf(input, sizeof input, "case %d do 0 -> :zero; n when n > 0 -> raise \"no #{n}\" end", i); break;
        }
        free(shell_eval_text(g, input));
    }
}

int main(void)
{
    g = genlab_new(0);
    genlab_shell_start(g, false);

    check_shell_eval(g, "keep = fn x -> x * 10 end; :ok", ":ok\n", "a fn kept in a binding");
    check_shell_eval(g, "t = :ets.new(:funs, [:public]); :ets.insert(t, {:f, fn -> :from_ets end})", "true\n", "a fn kept in an ETS table");
    check_shell_eval(g, "holder = spawn(fn -> f = fn y -> y + 1 end; receive do {:call, from} -> send(from, f.(41)) end end); :ok", ":ok\n",
               "a fn kept by another process");
    check_shell_eval(g, "lit = {\"a constant\", [1.5, :x]}; :ok", ":ok\n", "a constant kept in a binding");
    check_shell_eval(g, "import List, only: [first: 1]", "List\n", "an import with only:");

    session(2000);
    size_t early = rt->memory_in_use;
    session(100000);
    size_t late = rt->memory_in_use;
    printf("memory in use after 2,000 inputs: %zu bytes; after 102,000: %zu bytes; regions %zu (%zu bytes)\n", early, late,
           code_region_count(), code_region_bytes());
    /* each of these inputs compiles to about 7 KB of code and constants:
     * kept, 100,000 of them would hold 700 MB */
    CHECK(late < early + ((size_t)4 << 20), "100,000 inputs run in constant memory");
    CHECK(code_region_bytes() < ((size_t)2 << 20), "the inputs' code that nothing refers to is freed");

    check_shell_eval(g, "keep.(5)", "50\n", "the fn kept in a binding still works");
    check_shell_eval(g, "[{:f, f}] = :ets.lookup(t, :f); f.()", ":from_ets\n", "the fn kept in ETS still works");
    check_shell_eval(g, "send(holder, {:call, self()}); receive do n -> n end", "42\n", "the fn kept by another process still works");
    check_shell_eval(g, "lit", "{\"a constant\", [1.5, :x]}\n", "the constant kept in a binding is intact");
    check_shell_eval(g, "first([7, 8])", "7\n", "the import's only: list is intact");
    check_shell_eval(g, "v(-2)", "{\"a constant\", [1.5, :x]}\n", "the history still holds recent results");

    genlab_free(g);
    CHECK_DONE();
}
