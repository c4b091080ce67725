/* test_vm.c - the VM's space guarantees: tail calls run in constant space,
 * deep non-tail recursion grows process memory (not the C stack), and the
 * collector keeps the heap near the live data. */
#include "check.h"

#include "script.h"
#include "sched.h"
#include "vm.h"

int main(void)
{
    script_init();

    CHECK(run("defmodule L do\n"
              "  def count(0, acc), do: acc\n"
              "  def count(n, acc), do: count(n - 1, acc + 1)\n"
              "end\n"
              "IO.puts L.count(10_000_000, 0)\n") == 0,
          "a 10,000,000-iteration tail-recursive loop runs");
    CHECK_STR(out, "10000000\n", "and computes its result");
    Process *main = process_find(96); /* a script runs in #PID<0.96.0>, as under `elixir` */
    CHECK(main && main->vm->regs_cap <= 1024, "tail calls leave the register stack small");
    CHECK(main && main->vm->frames_cap <= 64, "tail calls push no frames");
    CHECK(main && main->heap.capacity_words < 64 * 1024, "the heap stays small while looping (garbage is collected)");

    CHECK(run("defmodule D do\n"
              "  def deep(0), do: 0\n"
              "  def deep(n), do: 1 + deep(n - 1)\n"
              "end\n"
              "IO.puts D.deep(1_000_000)\n") == 0,
          "a 1,000,000-deep non-tail recursion runs without the C stack");
    CHECK_STR(out, "1000000\n", "and returns through every frame");
    CHECK(main->vm->frames_cap >= 1000000, "its frames live in process memory");

    CHECK(run("Enum.reduce(1..200_000, [], fn i, acc -> [i | acc] end) |> length() |> IO.puts\n") == 0,
          "a list built across many collections survives them");
    CHECK_STR(out, "200000\n", "with every element");

    CHECK(run("defmodule Idle do\n"
              "  use GenServer\n"
              "  def init(state), do: {:ok, state}\n"
              "end\n"
              "{:ok, pid} = GenServer.start_link(Idle, %{count: 0})\n"
              "{:memory, bytes} = Process.info(pid, :memory)\n"
              "IO.puts(bytes <= 1280)\n") == 0,
          "an idle GenServer starts");
    /* its block (the process, its VM state, 16 inline registers and 4
     * frames: 632 bytes), 26 registers, a handler and 46 heap words */
    CHECK_STR(out, "true\n", "an idle GenServer costs at most 1.25 KB");

    /* the library loads lazily: make sure every module of it compiles */
    CHECK(runtime_load_library(), "every module of the embedded library compiles");
    CHECK_DONE();
}
