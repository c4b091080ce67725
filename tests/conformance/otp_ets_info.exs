# :ets.info/1 and /2.
t = :ets.new(:inf, [:bag, :public, {:keypos, 2}, read_concurrency: true, write_concurrency: true])
:ets.insert(t, {:x, 1})
info = :ets.info(t)
IO.inspect(Keyword.keys(info))
IO.inspect(Keyword.drop(info, [:id, :owner, :memory]))
IO.inspect(info[:id] == t)
IO.inspect(info[:owner] == self())
IO.inspect(is_integer(info[:memory]))
for item <- [:name, :size, :type, :protection, :keypos, :named_table, :heir, :node, :compressed, :read_concurrency, :write_concurrency] do
  IO.inspect({item, :ets.info(t, item)})
end
o = :ets.new(:o, [:ordered_set, :private, :named_table, :compressed])
IO.inspect(:ets.info(o) |> Keyword.drop([:id, :owner, :memory]))
IO.inspect(:ets.info(o, :compressed))
IO.inspect(Enum.member?(:ets.all(), :o))
IO.inspect(Enum.member?(:ets.all(), t))
