# A table dies with its owner, unless an heir takes it or it was given away.
parent = self()

owner =
  spawn(fn ->
    t = :ets.new(:short_lived, [:named_table, :public])
    :ets.insert(t, {:a, 1})
    send(parent, :ready)
    receive do
      :stop -> :ok
    end
  end)

receive do
  :ready -> :ok
end

IO.inspect(:ets.lookup(:short_lived, :a), label: "while the owner lives")
ref = Process.monitor(owner)
send(owner, :stop)

receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "owner exited")
end

IO.inspect(:ets.whereis(:short_lived), label: "whereis after owner death")
IO.inspect(:ets.info(:short_lived), label: "info after owner death")

try do
  :ets.lookup(:short_lived, :a)
rescue
  e -> IO.puts(Exception.message(e))
end

# the name is free again
t = :ets.new(:short_lived, [:named_table])
IO.inspect(t)

# a crash deletes the table too
crasher =
  spawn(fn ->
    :ets.new(:crashy, [:named_table, :public])
    send(parent, :made)
    receive do
      :boom -> exit(:boom)
    end
  end)

receive do
  :made -> :ok
end

IO.inspect(:ets.info(:crashy, :size), label: "before crash")
ref = Process.monitor(crasher)
send(crasher, :boom)
receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end
IO.inspect(:ets.info(:crashy, :size), label: "after crash")

# heir
heir =
  spawn(fn ->
    receive do
      {:"ETS-TRANSFER", tab, _from, data} ->
        send(parent, {:heir_got, tab, data, :ets.info(tab, :owner) == self()})
    end
    receive do
      :never -> :ok
    end
  end)

dying =
  spawn(fn ->
    :ets.new(:inherited, [:named_table, {:heir, heir, :my_data}])
    :ets.insert(:inherited, {:x, 42})
    send(parent, :made)
  end)

receive do
  :made -> :ok
end

receive do
  {:heir_got, tab, data, owned} -> IO.inspect({tab, data, owned}, label: "heir received")
end

IO.inspect(:ets.lookup(:inherited, :x), label: "table lives on")
IO.inspect(Process.alive?(dying))

# give_away
g = :ets.new(:gift, [:named_table])
:ets.insert(g, {:present, 1})

receiver =
  spawn(fn ->
    receive do
      {:"ETS-TRANSFER", tab, from, data} ->
        send(parent, {:got, tab, from == parent, data})
        :ets.insert(tab, {:thanks, true})
        send(parent, :inserted)
        receive do
          :never -> :ok
        end
    end
  end)

IO.inspect(:ets.give_away(:gift, receiver, :for_you))

receive do
  {:got, tab, from_parent, data} -> IO.inspect({tab, from_parent, data})
end

receive do
  :inserted -> :ok
end

IO.inspect(:ets.tab2list(:gift))

try do
  :ets.insert(:gift, {:mine, 1})
rescue
  e -> IO.puts(Exception.message(e))
end
