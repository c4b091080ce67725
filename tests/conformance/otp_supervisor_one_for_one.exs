# one_for_one: only the child that died is restarted.
defmodule Counter do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    IO.puts("init #{name}")
    {:ok, 0}
  end

  @impl true
  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}
end

children = [
  Supervisor.child_spec({Counter, :a}, id: :a),
  Supervisor.child_spec({Counter, :b}, id: :b),
  Supervisor.child_spec({Counter, :c}, id: :c)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
GenServer.call(:b, :bump)
GenServer.call(:b, :bump)
IO.inspect(GenServer.call(:a, :bump), label: "a")
IO.inspect(GenServer.call(:b, :bump), label: "b")

pids = for name <- [:a, :b, :c], into: %{}, do: {name, Process.whereis(name)}
Process.exit(pids.b, :kill)
Process.sleep(50)

for name <- [:a, :b, :c] do
  IO.inspect({name, Process.whereis(name) == pids[name]}, label: "same pid")
end

IO.inspect(GenServer.call(:b, :bump), label: "b after restart")
IO.inspect(GenServer.call(:a, :bump), label: "a kept its state")
IO.inspect(Supervisor.count_children(sup))
