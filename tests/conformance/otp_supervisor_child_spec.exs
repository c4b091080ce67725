# Supervisor.child_spec/2 and the specs that `use GenServer`, `use Agent`,
# `use Task` and `use Supervisor` generate.
defmodule MyServer do
  use GenServer, restart: :temporary, shutdown: 10_000
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule MyAgent do
  use Agent
  def start_link(v), do: Agent.start_link(fn -> v end)
end

defmodule MyTask do
  use Task, restart: :transient
  def start_link(arg), do: Task.start_link(fn -> arg end)
end

defmodule MySup do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg)
  @impl true
  def init(_), do: Supervisor.init([], strategy: :one_for_one)
end

defmodule NoSpec do
  def start_link, do: :ignore
end

IO.inspect(MyServer.child_spec(:x))
IO.inspect(MyAgent.child_spec(1))
IO.inspect(MyTask.child_spec(:t))
IO.inspect(MySup.child_spec([]))
IO.inspect(Supervisor.child_spec(MyServer, id: :other))
IO.inspect(Supervisor.child_spec({MyServer, 42}, restart: :permanent, type: :worker))
IO.inspect(Supervisor.child_spec(%{id: 1, start: {M, :f, []}}, shutdown: :brutal_kill))
IO.inspect(Agent.child_spec(fn -> 1 end) |> Map.delete(:start))
IO.inspect(Task.child_spec(:arg))
IO.inspect(DynamicSupervisor.child_spec(name: :dyn, max_children: 3))
IO.inspect(Task.Supervisor.child_spec([]))
IO.inspect(Task.Supervisor.child_spec(name: MyTasks))

try do
  Supervisor.child_spec(MyServer, name: :bad)
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end

try do
  Supervisor.child_spec({NoSpec, []}, [])
rescue
  e in ArgumentError -> IO.puts(Exception.message(e) |> String.split("\n") |> hd())
end

try do
  Supervisor.child_spec({Nowhere, []}, [])
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end

try do
  Supervisor.start_link([:not_a_child_spec_because_lowercase_atom_is_module_like, "string"], strategy: :one_for_one)
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
