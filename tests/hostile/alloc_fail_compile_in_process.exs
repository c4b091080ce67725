# limit: 60
# expect: each ended :killed or compiled: true
# expect: some were killed: true
# expect: [2, 2]
# Each allocation of a process compiling (Code.eval_string) may be the one that
# fails: the process ends, the runtime goes on, the same compile then works.
src = fn n -> "defmodule FC#{n} do\n  @a Enum.map(1..20, &(&1 * 2))\n  defmacro m(x), do: quote(do: unquote(x) + 1)\n  def f(y), do: {m(y), @a, \"#{String.duplicate("s", 100)}\", fn z -> z <> \"#{n}\" end}\nend\nFC#{n}.f(1) |> elem(0)" end
results =
  for n <- 1..600 do
    {pid, ref} = spawn_monitor(fn -> :genlab.fail_allocation(n); {v, _} = Code.eval_string(src.(n)); :genlab.fail_allocation(0); exit({:ok, v}) end)
    receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
  end
IO.puts("each ended :killed or compiled: #{Enum.all?(results, &(&1 in [:killed, {:ok, 2}]))}")
IO.puts("some were killed: #{Enum.count(results, &(&1 == :killed)) > 50}")
{v, _} = Code.eval_string(src.(0))
IO.inspect([v, FC0.f(1) |> elem(0)])
