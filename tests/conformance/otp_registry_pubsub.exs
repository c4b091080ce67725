# Registry with duplicate keys as a local pub/sub: dispatch/3.
{:ok, _} = Registry.start_link(keys: :duplicate, name: PubSub)
parent = self()

for i <- 1..3 do
  spawn(fn ->
    {:ok, _} = Registry.register(PubSub, "news", i)
    if i == 2, do: {:ok, _} = Registry.register(PubSub, "sports", i)
    send(parent, :subscribed)

    for _ <- 1..2 do
      receive do
        {:broadcast, topic, msg} -> send(parent, {:got, i, topic, msg})
      end
    end
  end)
end

for _ <- 1..3, do: (receive do :subscribed -> :ok end)
IO.inspect(Registry.count(PubSub))
IO.inspect(Registry.lookup(PubSub, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort())

Registry.dispatch(PubSub, "news", fn entries ->
  for {pid, _} <- entries, do: send(pid, {:broadcast, "news", "hello"})
end)

Registry.dispatch(PubSub, "sports", fn entries ->
  for {pid, _} <- entries, do: send(pid, {:broadcast, "sports", "goal"})
end)

got = for _ <- 1..4, do: (receive do {:got, i, t, m} -> {i, t, m} end)
IO.inspect(Enum.sort(got))
IO.inspect(Registry.dispatch(PubSub, "nobody", fn _ -> raise "never called" end))
{:ok, _} = Registry.register(PubSub, "self", :a)
{:ok, _} = Registry.register(PubSub, "self", :b)
IO.inspect(Registry.keys(PubSub, self()))
IO.inspect(Registry.values(PubSub, "self", self()) |> Enum.sort())
IO.inspect(Registry.match(PubSub, "self", :a) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.count_match(PubSub, "news", :"$1", [{:>, :"$1", 1}]))
IO.inspect(Registry.unregister_match(PubSub, "self", :a))
IO.inspect(Registry.values(PubSub, "self", self()))
IO.inspect(Registry.keys(PubSub, self()))
