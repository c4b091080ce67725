# A module-based supervisor: `use Supervisor`, init/1 with Supervisor.init/2,
# a registered name, and child_spec/1 generated with the options of `use`.
defmodule Stack do
  use GenServer
  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  @impl true
  def init(items), do: {:ok, items}
  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}
  @impl true
  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}
end

defmodule App.Supervisor do
  use Supervisor, restart: :transient

  def start_link(init_arg) do
    Supervisor.start_link(__MODULE__, init_arg, name: __MODULE__)
  end

  @impl true
  def init(items) do
    IO.puts("App.Supervisor.init(#{inspect(items)})")
    children = [{Stack, items}]
    Supervisor.init(children, strategy: :one_for_one, max_restarts: 5)
  end
end

IO.inspect(App.Supervisor.child_spec([1]))
IO.inspect(Stack.child_spec([1]))
{:ok, sup} = App.Supervisor.start_link([1, 2, 3])
IO.inspect(Process.whereis(App.Supervisor) == sup, label: "registered")
IO.inspect(GenServer.call(Stack, :pop))
GenServer.cast(Stack, {:push, 4})
IO.inspect(GenServer.call(Stack, :pop))
{:error, {:already_started, pid}} = App.Supervisor.start_link([])
IO.inspect(pid == sup, label: "already started")
Process.exit(Process.whereis(Stack), :kill)
Process.sleep(10)
IO.inspect(GenServer.call(Stack, :pop), label: "after restart")
IO.inspect(Supervisor.count_children(App.Supervisor))
IO.inspect(Supervisor.init([Stack], strategy: :one_for_all))
IO.inspect(Supervisor.init([{Stack, [9]}, %{id: :x, start: {M, :f, []}}], strategy: :rest_for_one, max_seconds: 30))
