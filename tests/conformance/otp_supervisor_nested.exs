# A supervision tree: supervisors under a supervisor. Killing an inner
# supervisor restarts it with fresh children; stopping the root stops the
# whole tree from the leaves up, in reverse start order.
defmodule Leaf do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("  leaf #{name} up")
    {:ok, name}
  end

  @impl true
  def terminate(_reason, name), do: IO.puts("  leaf #{name} down")
end

defmodule Branch do
  use Supervisor

  def start_link({name, leaves}), do: Supervisor.start_link(__MODULE__, {name, leaves}, name: name)

  @impl true
  def init({name, leaves}) do
    IO.puts("branch #{name} up")
    children = for leaf <- leaves, do: Supervisor.child_spec({Leaf, leaf}, id: leaf)
    Supervisor.init(children, strategy: :one_for_one)
  end
end

children = [
  Supervisor.child_spec({Branch, {:left, [:l1, :l2]}}, id: :left),
  Supervisor.child_spec({Branch, {:right, [:r1, :r2]}}, id: :right)
]

{:ok, root} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(root))
IO.inspect(Supervisor.which_children(root) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.puts("-- kill leaf l1")
Process.exit(Process.whereis(:l1), :kill)
Process.sleep(10)
IO.inspect(Supervisor.count_children(:left))
IO.puts("-- terminate branch right")
IO.inspect(Supervisor.terminate_child(root, :right))
IO.inspect(Supervisor.count_children(root))
IO.puts("-- restart branch right")
IO.inspect(Supervisor.restart_child(root, :right) |> elem(0))
IO.puts("-- stop root")
Supervisor.stop(root)
IO.inspect(Enum.map([:left, :right, :l1, :r1], &Process.whereis/1))
