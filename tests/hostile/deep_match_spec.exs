# limit: 30
# ETS patterns and match-spec heads a million levels deep: the match-spec
# walkers (variables, ground keys, matching) use explicit stacks, not C
# recursion (select on a deep head ended genlab with a segfault).
n = 1_000_000
deep = fn leaf -> Enum.reduce(1..n, leaf, fn _, acc -> {acc} end) end
deep_list = fn leaf -> Enum.reduce(1..n, leaf, fn _, acc -> [acc, 0] end) end
t = :ets.new(:t, [:set])
:ets.insert(t, {1, deep.(:leaf)})
:ets.insert(t, {2, deep_list.(:leaf)})
:ets.insert(t, {3, :flat})
IO.inspect(length(:ets.match_object(t, {1, deep.(:leaf)})))
IO.inspect(:ets.match(t, {1, deep.(:"$1")}))
IO.inspect(:ets.match(t, {:_, deep_list.(:"$1")}))
IO.inspect(:ets.select(t, [{{:"$1", deep.(:_)}, [], [:"$1"]}]))
IO.inspect(:ets.select_count(t, [{{:_, deep.(:leaf)}, [], [true]}, {{:_, deep_list.(:leaf)}, [], [true]}]))
IO.inspect(:ets.select(t, [{{deep.(:x), :_}, [], [:"$_"]}, {{3, :"$1"}, [], [:"$1"]}]))
IO.inspect(:ets.select(t, [{{:"$1", deep.(:"$2")}, [{:==, :"$2", :leaf}], [{{:"$1", :"$2"}}]}]))
IO.inspect(:ets.select_delete(t, [{{:_, deep.(:leaf)}, [], [true]}]))
IO.inspect(:ets.info(t, :size))
