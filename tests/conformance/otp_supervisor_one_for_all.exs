# one_for_all: when one child dies, the others are terminated (in reverse
# start order) and all are started again in order.
defmodule Member do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{name}")
    {:ok, name}
  end

  @impl true
  def terminate(reason, name) do
    IO.puts("terminate #{name} #{inspect(reason)}")
  end
end

children =
  for name <- [:one, :two, :three, :four] do
    Supervisor.child_spec({Member, name}, id: name)
  end

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_all)
IO.puts("-- killing two")
old = Process.whereis(:one)
Process.exit(Process.whereis(:two), :kill)
Process.sleep(100)
IO.inspect(Process.whereis(:one) == old, label: "one kept its pid")
IO.inspect(Supervisor.count_children(sup))
IO.puts("-- stopping")
Supervisor.stop(sup)
IO.puts("done")
