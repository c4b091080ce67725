# limit: 30
# 300 processes compile at once, each waiting in its module body for a
# message: all wait together, then each finishes when told.
parent = self()
pids =
  for i <- 1..300 do
    spawn(fn ->
      Code.eval_string("defmodule M#{i} do\n  @v (receive do n -> n end)\n  def v, do: @v\nend")
      send(parent, {:done, i})
    end)
  end
Process.sleep(10)
Enum.each(pids, &send(&1, 1))
sum = Enum.reduce(1..300, 0, fn _, acc -> receive do {:done, i} -> acc + apply(:"Elixir.M#{i}", :v, []) end end)
IO.inspect(sum)
