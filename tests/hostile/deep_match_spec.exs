# limit: 30
# ETS patterns and match-spec heads a million levels deep: the match-spec
# walkers (variables, ground keys, matching) use explicit stacks, not C
# recursion (select on a deep head ended genlab with a segfault). Each
# query runs in a process of its own.
defmodule Deep do
  def tuple(leaf), do: Enum.reduce(1..1_000_000, leaf, fn _, acc -> {acc} end)
  def list(leaf), do: Enum.reduce(1..1_000_000, leaf, fn _, acc -> [acc, 0] end)
end
t = :ets.new(:t, [:set, :public])
:ets.insert(t, {1, Deep.tuple(:leaf)})
:ets.insert(t, {2, Deep.list(:leaf)})
:ets.insert(t, {3, :flat})
queries = [
  fn -> length(:ets.match_object(t, {1, Deep.tuple(:leaf)})) end,
  fn -> :ets.match(t, {1, Deep.tuple(:"$1")}) end,
  fn -> :ets.match(t, {:_, Deep.list(:"$1")}) end,
  fn -> :ets.select(t, [{{:"$1", Deep.tuple(:_)}, [], [:"$1"]}]) end,
  fn -> :ets.select_count(t, [{{:_, Deep.tuple(:leaf)}, [], [true]}, {{:_, Deep.list(:leaf)}, [], [true]}]) end,
  fn -> :ets.select(t, [{{Deep.tuple(:x), :_}, [], [:"$_"]}, {{3, :"$1"}, [], [:"$1"]}]) end,
  fn -> :ets.select(t, [{{:"$1", Deep.tuple(:"$2")}, [{:==, :"$2", :leaf}], [{{:"$1", :"$2"}}]}]) end,
  fn -> :ets.select_delete(t, [{{:_, Deep.tuple(:leaf)}, [], [true]}]) end,
  fn -> :ets.info(t, :size) end
]
me = self()
Enum.each(queries, fn q ->
  spawn(fn -> send(me, {:result, q.()}) end)
  receive do
    {:result, r} -> IO.inspect(r)
  end
end)
