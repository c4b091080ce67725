# A module-based DynamicSupervisor, started under a static supervisor.
defmodule Conn do
  use GenServer, restart: :transient

  def start_link(host), do: GenServer.start_link(__MODULE__, host)

  @impl true
  def init(host), do: {:ok, host}

  @impl true
  def handle_call(:host, _from, host), do: {:reply, host, host}
end

defmodule ConnSup do
  use DynamicSupervisor

  def start_link(arg), do: DynamicSupervisor.start_link(__MODULE__, arg, name: __MODULE__)

  def connect(host), do: DynamicSupervisor.start_child(__MODULE__, {Conn, host})

  @impl true
  def init(arg) do
    IO.inspect(arg, label: "ConnSup.init")
    DynamicSupervisor.init(strategy: :one_for_one, max_children: 10)
  end
end

IO.inspect(ConnSup.child_spec(:x))
{:ok, top} = Supervisor.start_link([{ConnSup, :hello}], strategy: :one_for_one)
{:ok, c1} = ConnSup.connect("a.example")
{:ok, c2} = ConnSup.connect("b.example")
IO.inspect(GenServer.call(c2, :host))
IO.inspect(DynamicSupervisor.count_children(ConnSup))
GenServer.stop(c1, :normal)
IO.inspect(DynamicSupervisor.count_children(ConnSup), label: "transient, normal exit")
Process.exit(c2, :kill)
Process.sleep(10)
[{:undefined, c3, :worker, [Conn]}] = DynamicSupervisor.which_children(ConnSup)
IO.inspect(c3 != c2, label: "restarted")
IO.inspect(GenServer.call(c3, :host))
IO.inspect(Supervisor.which_children(top) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.inspect(Supervisor.count_children(top))
old = Process.whereis(ConnSup)
Process.exit(old, :kill)
Process.sleep(10)
IO.inspect(Process.whereis(ConnSup) != old, label: "ConnSup restarted")
IO.inspect(DynamicSupervisor.count_children(ConnSup), label: "children lost")
Supervisor.stop(top)
