# A child that fails to start stops the supervisor's start: the children
# already started are shut down and start_link answers
# {:error, {:shutdown, {:failed_to_start_child, id, reason}}}.
defmodule Part do
  use GenServer

  def start_link({name, result}), do: GenServer.start_link(__MODULE__, {name, result}, name: name)

  @impl true
  def init({name, :ok}) do
    Process.flag(:trap_exit, true)
    IO.puts("#{name} up")
    {:ok, name}
  end

  def init({name, other}) do
    IO.puts("#{name} refuses")
    other
  end

  @impl true
  def terminate(reason, name), do: IO.puts("#{name} down: #{inspect(reason)}")
end

Process.flag(:trap_exit, true)

children = [
  Supervisor.child_spec({Part, {:a, :ok}}, id: :a),
  Supervisor.child_spec({Part, {:b, :ok}}, id: :b),
  Supervisor.child_spec({Part, {:c, {:stop, :no_database}}}, id: :c),
  Supervisor.child_spec({Part, {:d, :ok}}, id: :d)
]

result = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(result)

receive do
  {:EXIT, _pid, reason} -> IO.inspect(reason, label: "EXIT")
end

IO.inspect(Process.whereis(:a))

ignoring = [
  Supervisor.child_spec({Part, {:e, :ok}}, id: :e),
  Supervisor.child_spec({Part, {:f, :ignore}}, id: :f)
]

{:ok, sup} = Supervisor.start_link(ignoring, strategy: :one_for_one)
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, _, _} -> {id, is_pid(p)} end))
IO.inspect(Supervisor.count_children(sup))
Supervisor.stop(sup)
