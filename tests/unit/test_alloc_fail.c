/* test_alloc_fail.c - a failed C allocation ends the process that asked,
 * never the program (fatal.h). Fault injection makes the nth allocation
 * made inside a process fail; whichever it is, the script's process (or
 * the one it waits on) ends, and the same runtime then runs the same work
 * to the same result: nothing was left half built. Outside any process,
 * out of memory goes to the program's stop hook. */
#include "check.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fatal.h"
#include "genlab_script.h"

#define run(g, source) genlab_script_run(g, source, "alloc_fail.exs")

#ifndef __SANITIZE_ADDRESS__
static jmp_buf stopped;
static void stop_here(void) { longjmp(stopped, 1); }
#endif

int main(void)
{
    Genlab *g = genlab_new(1);
    genlab_set_writer(g, genlab_script_keep);

    const char *work = "defmodule W do\n"
                       "  use GenServer\n"
                       "  def init(s), do: {:ok, s}\n"
                       "  def handle_call({:add, k}, _, s), do: {:reply, map_size(s), Map.put(s, k, [k])}\n"
                       "end\n"
                       "{:ok, w} = GenServer.start(W, %{})\n"
                       "t = :ets.new(:af, [:public])\n"
                       "for i <- 1..200 do\n"
                       "  GenServer.call(w, {:add, i})\n"
                       "  :ets.insert(t, {i, Integer.to_string(i)})\n"
                       "end\n"
                       "s = Enum.map_join(1..300, \",\", &Integer.to_string/1)\n"
                       "IO.puts([inspect(:ets.info(t, :size)), \" \", inspect(GenServer.call(w, {:add, 0})), \" \", "
                       "inspect(byte_size(s))])\n"
                       "GenServer.stop(w)\n";
    CHECK(run(g, work) == 0, "the work runs");
    CHECK_STR(out, "200 200 1091\n", "the work's result");
    /* From the second run on, W is defined already: Elixir warns that the
     * work redefines it, then gives the same result. */
    CHECK(run(g, work) == 0, "the work runs again");
    char want[512] = {0};
    size_t wn = strlen(out) < sizeof want - 1 ? strlen(out) : sizeof want - 1;
    memcpy(want, out, wn);
    CHECK_STR(want, "warning: redefining module W (current version defined in memory)\n  alloc_fail.exs:1\n\n200 200 1091\n",
              "the work's result, after the warning");

    int ended = 0, intact = 0, tries = 0;
    /* the work makes about 250 allocations: every third of them fails once */
    for (uint64_t n = 1; n <= 2000; n += 3) {
        alloc_fail_after(n);
        if (run(g, work) != 0) ended++;
        alloc_fail_after(0);
        tries++;
        if (run(g, work) == 0 && strcmp(out, want) == 0) intact++;
        else printf("  after a failure at allocation %llu: %s\n", (unsigned long long)n, out);
    }
    CHECK(ended > 50, "failed allocations end the script's process");
    CHECK(intact == tries, "after each, the runtime runs the same work to the same result");

    /* a spawned process: it alone ends, killed, with an error report */
    const char *spawned = "{pid, ref} = spawn_monitor(fn -> :genlab.fail_allocation(1); Enum.to_list(1..1000) end)\n"
                          "receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end\n"
                          "Process.sleep(100)\n"
                          "IO.inspect(Enum.sum(1..10))\n";
    CHECK(run(g, spawned) == 0, "a process whose allocation fails does not end the script");
    CHECK(strncmp(out, ":killed\n", 8) == 0, "it ends with the reason :killed");
    CHECK(strstr(out, "[error] Process #PID<0.") && strstr(out, "was killed: out of memory (an allocation of "),
          "Logger's console says why");
    CHECK(strstr(out, "\n55\n") != NULL, "the script goes on");

    /* outside any process: the stop hook, never a return with NULL (not
     * under AddressSanitizer, which stops on a request this size itself) */
#ifndef __SANITIZE_ADDRESS__
    fatal_set_out_of_memory_stop(stop_here);
    volatile int reached = 0;
    if (!setjmp(stopped)) {
        void *p = xmalloc(SIZE_MAX / 2);
        free(p);
        reached = 1;
    }
    CHECK(!reached, "out of memory outside a process goes to the program's stop hook");
    fatal_set_out_of_memory_stop(NULL);
#endif

    genlab_free(g);
    CHECK_DONE();
}
