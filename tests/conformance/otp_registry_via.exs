# {:via, Registry, {Reg, key}} names for GenServers.
defmodule Counter do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, 0, name: via(id))
  def via(id), do: {:via, Registry, {Counters, id}}
  def inc(id), do: GenServer.call(via(id), :inc)
  def reset(id), do: GenServer.cast(via(id), :reset)

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}

  @impl true
  def handle_cast(:reset, _n), do: {:noreply, 0}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Counters)
{:ok, a} = Counter.start_link("a")
{:ok, b} = Counter.start_link({:user, 2})
IO.inspect(Counter.inc("a"))
IO.inspect(Counter.inc("a"))
IO.inspect(Counter.inc({:user, 2}))
Counter.reset("a")
IO.inspect(Counter.inc("a"))
IO.inspect(GenServer.whereis(Counter.via("a")) == a)
IO.inspect(Registry.lookup(Counters, {:user, 2}) == [{b, nil}])
{:error, {:already_started, pid}} = Counter.start_link("a")
IO.inspect(pid == a, label: "already started")
IO.inspect(Registry.whereis_name({Counters, "missing"}))
IO.inspect(Registry.count(Counters))
GenServer.stop(a)
Process.sleep(10)
IO.inspect(Registry.lookup(Counters, "a"), label: "stopped server is unregistered")
IO.inspect(Registry.count(Counters))
{:ok, a2} = Counter.start_link("a")
IO.inspect(a2 != a)
IO.inspect(Counter.inc("a"))
Registry.send({Counters, "a"}, {:"$gen_cast", :reset})
IO.inspect(Counter.inc("a"))

try do
  Registry.send({Counters, "ghost"}, :hello)
rescue
  e -> IO.inspect(e)
end

{:ok, _} = Registry.start_link(keys: :duplicate, name: Dups)

try do
  GenServer.start_link(Counter, 0, name: {:via, Registry, {Dups, "x"}})
rescue
  e -> IO.puts(Exception.message(e))
end
