/* test_protocol.c - protocol implementations that natives call run as
 * ordinary Elixir code (a continuation, never a nested interpreter on the
 * C stack): inspect of a struct whose Inspect does a GenServer.call gets
 * its answer, and an endless loop inside an Inspect implementation is
 * preempted like any other code, so other processes keep running and the
 * looping process can be killed. */
#include "check.h"

#include "script.h"

int main(void)
{
    script_init();

    CHECK(run("defmodule Names do\n"
              "  use GenServer\n"
              "  def init(n), do: {:ok, n}\n"
              "  def handle_call({:name, id}, _from, n), do: {:reply, Map.fetch!(n, id), n}\n"
              "end\n"
              "defmodule Ref do\n"
              "  defstruct [:id]\n"
              "  defimpl Inspect do\n"
              "    def inspect(%Ref{id: id}, opts) do\n"
              "      name = GenServer.call(Names, {:name, id})\n"
              "      Inspect.Algebra.concat([\"#Ref<\", Inspect.Algebra.to_doc(name, opts), \">\"])\n"
              "    end\n"
              "  end\n"
              "  defimpl String.Chars do\n"
              "    def to_string(%Ref{id: id}), do: GenServer.call(Names, {:name, id})\n"
              "  end\n"
              "end\n"
              "GenServer.start(Names, %{1 => \"one\", 2 => \"two\"}, name: Names)\n"
              "IO.puts(inspect([struct(Ref, id: 1), {struct(Ref, id: 2)}]))\n"
              "IO.inspect(%{ref: struct(Ref, id: 2)}, label: \"label\")\n"
              "IO.puts(\"to_string: #{struct(Ref, id: 1)}\")\n") == 0,
          "a program whose Inspect and String.Chars implementations call a GenServer runs");
    CHECK_STR(out, "[#Ref<\"one\">, {#Ref<\"two\">}]\nlabel: %{ref: #Ref<\"two\">}\nto_string: one\n",
              "inspect and interpolation show what the calls answered");

    CHECK(run("defmodule Spin do\n"
              "  defstruct []\n"
              "  defimpl Inspect do\n"
              "    def inspect(s, opts), do: spin(s, opts)\n"
              "    defp spin(s, opts), do: spin(s, opts)\n"
              "  end\n"
              "end\n"
              "parent = self()\n"
              "looper = spawn(fn -> send(parent, {:text, inspect([1, struct(Spin)])}) end)\n"
              "{:ok, counter} = Agent.start(fn -> 0 end)\n"
              "for _ <- 1..1000, do: Agent.update(counter, &(&1 + 1))\n"
              "IO.inspect(Agent.get(counter, & &1))\n"
              "IO.inspect(Process.alive?(looper))\n"
              "{:reductions, r} = Process.info(looper, :reductions)\n"
              "IO.inspect(r > 10_000)\n"
              "ref = Process.monitor(looper)\n"
              "Process.exit(looper, :kill)\n"
              "receive do {:DOWN, ^ref, _, _, why} -> IO.inspect(why) end\n"
              "receive do {:text, t} -> IO.puts(t) after 0 -> IO.puts(\"no text\") end\n") == 0,
          "a program with an endless loop inside an Inspect implementation ends");
    CHECK_STR(out, "1000\ntrue\ntrue\n:killed\nno text\n",
              "the loop is preempted: other processes run, and it is killed");

    CHECK_DONE();
}
