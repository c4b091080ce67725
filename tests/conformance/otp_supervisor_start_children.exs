# Children given as a module, a {module, arg} tuple and a map are started
# in order; which_children lists them newest first.
defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    IO.puts("starting #{inspect(name)}")
    {:ok, name}
  end
end

defmodule Plain do
  use GenServer
  def start_link([]), do: GenServer.start_link(__MODULE__, :plain, name: :plain)
  @impl true
  def init(s), do: (IO.puts("starting plain"); {:ok, s})
end

children = [
  Plain,
  {Worker, :first},
  %{id: :second, start: {Worker, :start_link, [:second]}}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Process.alive?(sup), label: "alive")

for {id, pid, type, modules} <- Supervisor.which_children(sup) do
  IO.inspect({id, is_pid(pid), type, modules})
end

IO.inspect(Supervisor.count_children(sup))
IO.inspect(Process.whereis(:first) in Enum.map(Supervisor.which_children(sup), &elem(&1, 1)))
IO.inspect(Supervisor.stop(sup))
IO.inspect(Process.alive?(sup), label: "alive after stop")
IO.inspect(Process.whereis(:first))
