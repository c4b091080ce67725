/* test_reuse.c - one runtime running one script after another, as the
 * fuzz target does: whatever the first left behind (a main process killed
 * through a link, a crash in a module body), the next runs as if alone.
 * The fuzzer found a main process that, killed through a link, kept the
 * capacity of links it no longer had; the next script's first link then
 * wrote through a null pointer. */
#include "check.h"

#include <stdlib.h>

#include "genlab_script.h"

#define run(g, source) genlab_script_run(g, source, "reuse.exs")

int main(void)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, genlab_script_keep);

    /* the main process dies by a link: it had links, it has none now */
    const char *killed = "spawn_link(fn -> exit(:boom) end)\nProcess.sleep(100)\nIO.puts(:unreachable)\n";
    CHECK(run(g, killed) != 0, "a script whose main process is killed through a link fails");
    CHECK(strstr(out, "unreachable") == NULL, "the killed script stops where it was killed");

    const char *links = "for i <- 1..10, do: spawn_link(fn -> receive do _ -> i end end)\n"
                        "IO.puts(length(elem(Process.info(self(), :links), 1)))\n";
    CHECK(run(g, links) == 0, "the next script links again");
    CHECK_STR(out, "10\n", "the next script sees its own ten links");

    const char *again = "IO.puts(:again)\n";
    CHECK(run(g, again) == 0 && strcmp(out, "again\n") == 0, "a third script runs as if alone");

    genlab_free(g);
    CHECK_DONE();
}
