# Registry with unique keys: register, lookup, keys, values, count,
# unregister, update_value, meta.
{:ok, sup} = Registry.start_link(keys: :unique, name: Reg, meta: [custom: "value"])
IO.inspect(is_pid(sup))
IO.inspect(Registry.lookup(Reg, "a"))
{:ok, owner} = Registry.register(Reg, "a", :first)
IO.inspect(is_pid(owner))
IO.inspect(Registry.lookup(Reg, "a") == [{self(), :first}])
{:error, {:already_registered, pid}} = Registry.register(Reg, "a", :second)
IO.inspect(pid == self(), label: "already registered by me")
{:ok, _} = Registry.register(Reg, "b", 1)
{:ok, _} = Registry.register(Reg, {"tuple", 1}, %{map: true})
IO.inspect(Registry.keys(Reg, self()))
IO.inspect(Registry.count(Reg))
IO.inspect(Registry.values(Reg, "b", self()))
IO.inspect(Registry.values(Reg, "b", spawn(fn -> :ok end)))
IO.inspect(Registry.update_value(Reg, "b", &(&1 + 41)))
IO.inspect(Registry.values(Reg, "b", self()))
IO.inspect(Registry.select(Reg, [{{:"$1", :_, :"$3"}, [], [{{:"$1", :"$3"}}]}]))
IO.inspect(Registry.count_select(Reg, [{{:_, :_, :"$1"}, [{:is_integer, :"$1"}], [true]}]))
IO.inspect(Registry.match(Reg, "b", :_) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.meta(Reg, :custom))
IO.inspect(Registry.meta(Reg, :other))
IO.inspect(Registry.put_meta(Reg, :other, 1))
IO.inspect(Registry.meta(Reg, :other))
IO.inspect(Registry.delete_meta(Reg, :other))
IO.inspect(Registry.meta(Reg, :other))
IO.inspect(Registry.unregister(Reg, "a"))
IO.inspect(Registry.lookup(Reg, "a"))
IO.inspect(Registry.keys(Reg, self()))
parent = self()

other =
  spawn(fn ->
    send(parent, {:attempt, Registry.register(Reg, "b", :mine)})
    send(parent, {:attempt, Registry.register(Reg, "a", :now_mine)})
    receive do
      :stop -> :ok
    end
  end)

receive do
  {:attempt, {:error, {:already_registered, p}}} -> IO.inspect(p == self(), label: "b taken by parent")
end

receive do
  {:attempt, {:ok, _}} -> IO.puts("a registered by other")
end

IO.inspect(Registry.lookup(Reg, "a") |> Enum.map(fn {p, v} -> {p == other, v} end))
IO.inspect(Registry.count(Reg))
IO.inspect(Registry.start_link(keys: :unique, name: Reg) |> elem(0))
