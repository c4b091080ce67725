# off-heap binaries stored in ETS, read back, owner dying
t = :ets.new(:bins, [:public, :set])
for i <- 1..20, do: :ets.insert(t, {i, String.duplicate(<<i>>, 65 + i)})
[{3, b}] = :ets.lookup(t, 3)
IO.inspect(byte_size(b))
:ets.insert(t, {3, b <> b})
:ets.delete(t, 4)
IO.inspect(:ets.info(t, :size))
parent = self()
spawn(fn ->
  t2 = :ets.new(:mine, [:public])
  :ets.insert(t2, {:k, String.duplicate("m", 200)})
  send(parent, {:t, t2})
  receive do :die -> :ok end
end)
receive do {:t, t2} -> IO.inspect(:ets.lookup(t2, :k) |> length()) end
IO.inspect(:ets.select(t, [{{:"$1", :"$2"}, [{:>, :"$1", 18}], [:"$2"]}]) |> Enum.map(&byte_size/1))
:ets.delete(t)
