# start_child, terminate_child, restart_child and delete_child, with the
# errors each answers.
defmodule Worker do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  @impl true
  def init(name), do: {:ok, name}
end

{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
IO.inspect(Supervisor.which_children(sup), label: "empty")
{:ok, pid} = Supervisor.start_child(sup, Supervisor.child_spec({Worker, :w1}, id: :w1))
IO.inspect(pid == Process.whereis(:w1), label: "started w1")
{:ok, _} = Supervisor.start_child(sup, %{id: :w2, start: {Worker, :start_link, [:w2]}})

{:error, {:already_started, other}} = Supervisor.start_child(sup, Supervisor.child_spec({Worker, :w1}, id: :w1))
IO.inspect(other == pid, label: "already_started with its pid")

IO.inspect(Supervisor.terminate_child(sup, :w1), label: "terminate w1")
IO.inspect(Process.alive?(pid), label: "w1 alive")
IO.inspect(Supervisor.terminate_child(sup, :w1), label: "terminate w1 again")
IO.inspect(Supervisor.terminate_child(sup, :nope), label: "terminate unknown")
IO.inspect(Supervisor.start_child(sup, Supervisor.child_spec({Worker, :w1}, id: :w1)), label: "start w1 again")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, _, _} -> {id, is_pid(p)} end))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.delete_child(sup, :w2), label: "delete running w2")
IO.inspect(Supervisor.restart_child(sup, :w2), label: "restart running w2")
{:ok, new} = Supervisor.restart_child(sup, :w1)
IO.inspect(new == Process.whereis(:w1), label: "restarted w1")
:ok = Supervisor.terminate_child(sup, :w1)
IO.inspect(Supervisor.delete_child(sup, :w1), label: "delete w1")
IO.inspect(Supervisor.delete_child(sup, :w1), label: "delete w1 again")
IO.inspect(Supervisor.restart_child(sup, :w1), label: "restart deleted w1")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)))
IO.inspect(Supervisor.start_child(sup, %{id: :bad, start: {Worker, :start_link, [:w2]}}) |> elem(1) |> elem(0) |> elem(0))
IO.inspect(Supervisor.start_child(sup, %{id: :bad, start: :nope}))
IO.inspect(Supervisor.start_child(sup, %{id: :bad, start: {Worker, :start_link, [:x]}, shutdown: -1}))
IO.inspect(Supervisor.start_child(sup, %{id: :bad, start: {Worker, :start_link, [:x]}, type: :boss}))
