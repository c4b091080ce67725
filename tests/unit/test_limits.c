/* test_limits.c - the limits that genlab_set_limits sets end the process
 * that passes them, never the program: a spawn past --max-processes
 * raises :system_limit (and Logger's console says "Too many processes"),
 * and a heap that would take the runtime past --max-memory ends the
 * process whose heap grows, while the others, and the script, go on. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

#include "genlab_script.h"

#define run(g, source) genlab_script_run(g, source, "limits.exs")

int main(void)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, genlab_script_keep);
    genlab_set_limits(g, 100, 0);

    const char *spawns = "r = try do\n"
                         "  for _ <- 1..200, do: spawn(fn -> receive do _ -> :ok end end)\n"
                         "rescue e -> e\n"
                         "end\n"
                         "IO.inspect(r)\n"
                         "IO.inspect(length(Process.list()))\n";
    CHECK(run(g, spawns) == 0, "a script whose spawns pass the process limit runs to its end");
    CHECK(strstr(out, "[error] Too many processes\n") != NULL, "Logger's console says the process table is full");
    CHECK(strstr(out, "%SystemLimitError{message: \"a system limit has been reached\"}\n100\n") != NULL,
          "the spawn past the limit raises :system_limit; the table holds the limit");

    /* 5,000,000 list cells (80 MB): under the 512 MB max_heap_size, over 64 MB */
    const char *grows = "{pid, ref} = spawn_monitor(fn -> Enum.to_list(1..5_000_000) end)\n"
                        "receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end\n"
                        "IO.inspect(Enum.sum(1..1000))\n";
    genlab_set_limits(g, 1000, (size_t)4 << 30);
    CHECK(run(g, grows) == 0 && strcmp(out, ":normal\n500500\n") == 0, "under the memory limit the list is built");
    genlab_set_limits(g, 0, 64u << 20);
    CHECK(run(g, grows) == 0, "a process that passes the memory limit does not end the script");
    CHECK_STR(out, ":killed\n500500\n", "the process whose heap passed the memory limit is killed; the others go on");

    /* What grows outside process heaps counts too: each of these ends the
     * process that makes it grow, and the script goes on. */
    static const struct {
        const char *what, *grows, *after;
    } outside[] = {
        {"an ETS table",
         "t = :ets.new(:t, [:public])\n"
         "grow = fn -> Enum.each(1..100_000_000, fn i -> :ets.insert(t, {i, \"some text\", [i]}) end) end\n",
         ":ets.delete(t)\n"},
        {"a mailbox",
         "sink = spawn(fn -> receive do :never -> :ok end end)\n"
         "grow = fn -> Enum.each(1..100_000_000, fn _ -> send(sink, :hello) end) end\n",
         "Process.exit(sink, :kill)\n"},
        {"compiled code", "grow = fn -> Enum.each(1..100_000_000, fn i -> Code.eval_string(\"[#{i}, {:a, #{i}}] ++ [1, 2]\") end) end\n", ""},
    };
    genlab_set_limits(g, 1000, 64u << 20);
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        char src[1024];
        snprintf(src, sizeof src,
                 "%s{pid, ref} = spawn_monitor(grow)\n"
                 "receive do {:DOWN, ^ref, :process, ^pid, r} -> %sIO.inspect(r) end\n"
                 "IO.inspect(Enum.sum(1..1000))\n",
                 outside[i].grows, outside[i].after);
        CHECK(run(g, src) == 0, outside[i].what);
        CHECK_STR(out, ":killed\n500500\n", "past the memory limit, the process that makes it grow is killed; the script goes on");
    }

    genlab_free(g);
    CHECK_DONE();
}
