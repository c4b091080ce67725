# DynamicSupervisor: start children on demand, list, count and terminate
# them.
defmodule Room do
  use GenServer, restart: :temporary

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    IO.puts("room #{name} open")
    {:ok, name}
  end
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: Rooms)
IO.inspect(Process.whereis(Rooms) == sup, label: "named")
IO.inspect(DynamicSupervisor.which_children(Rooms))
IO.inspect(DynamicSupervisor.count_children(Rooms))

{:ok, lobby} = DynamicSupervisor.start_child(Rooms, {Room, :lobby})
{:ok, _kitchen} = DynamicSupervisor.start_child(Rooms, {Room, :kitchen})
IO.inspect(lobby == Process.whereis(:lobby))

for {id, pid, type, mods} <- DynamicSupervisor.which_children(Rooms) do
  IO.inspect({id, is_pid(pid), type, mods})
end

IO.inspect(DynamicSupervisor.count_children(Rooms))
{:error, {:already_started, pid}} = DynamicSupervisor.start_child(Rooms, {Room, :lobby})
IO.inspect(pid == lobby, label: "already started")
IO.inspect(DynamicSupervisor.terminate_child(Rooms, lobby))
IO.inspect(DynamicSupervisor.terminate_child(Rooms, lobby))
IO.inspect(DynamicSupervisor.count_children(Rooms))
Process.exit(Process.whereis(:kitchen), :kill)
Process.sleep(10)
IO.inspect(DynamicSupervisor.count_children(Rooms), label: "temporary not restarted")
IO.inspect(DynamicSupervisor.start_child(Rooms, %{id: :x, start: {Room, :start_link, [:x]}, restart: :sometimes}))
IO.inspect(DynamicSupervisor.start_child(Rooms, %{id: :x, start: {Room, :start_link, [:x]}, shutdown: 0}))
IO.inspect(DynamicSupervisor.start_child(Rooms, %{id: :x, start: {Room, :init, [:x]}}))
IO.inspect(DynamicSupervisor.start_child(Rooms, %{id: :x, start: {Room, :start_link, [:ignored]}, type: :supervisor}) |> elem(0))
IO.inspect(DynamicSupervisor.count_children(Rooms))
IO.inspect(DynamicSupervisor.stop(Rooms))
IO.inspect(Process.whereis(:ignored))
