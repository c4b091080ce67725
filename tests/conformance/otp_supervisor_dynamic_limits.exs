# DynamicSupervisor options: max_children and extra_arguments; restarts
# of permanent children and the restart intensity.
defmodule Worker do
  use GenServer

  def start_link(prefix, name), do: GenServer.start_link(__MODULE__, {prefix, name}, name: name)

  @impl true
  def init({prefix, name}) do
    IO.puts("#{prefix} #{name}")
    {:ok, name}
  end
end

Process.flag(:trap_exit, true)

{:ok, sup} =
  DynamicSupervisor.start_link(
    strategy: :one_for_one,
    max_children: 2,
    extra_arguments: ["worker"],
    max_restarts: 2,
    max_seconds: 10
  )

spec = fn name -> %{id: name, start: {Worker, :start_link, [name]}} end
{:ok, _} = DynamicSupervisor.start_child(sup, spec.(:w1))
{:ok, _} = DynamicSupervisor.start_child(sup, spec.(:w2))
IO.inspect(DynamicSupervisor.start_child(sup, spec.(:w3)))

for i <- 1..3 do
  IO.puts("kill #{i}")
  Process.exit(Process.whereis(:w1), :kill)
  Process.sleep(10)
end

receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
after
  100 -> IO.puts("still alive")
end

IO.inspect(Process.whereis(:w2))
IO.inspect(DynamicSupervisor.start_link(strategy: :one_for_all))
IO.inspect(DynamicSupervisor.start_link(max_children: -1))
IO.inspect(DynamicSupervisor.start_link(extra_arguments: :nope))
