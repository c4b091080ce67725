# Names: atoms, {:global, term}, {:via, module, term}, already_started and
# invalid names.
defmodule ViaNames do
  # a registry for {:via, ViaNames, name}, kept in :global
  def register_name(name, pid), do: :global.register_name({__MODULE__, name}, pid)
  def unregister_name(name), do: :global.unregister_name({__MODULE__, name})
  def whereis_name(name), do: :global.whereis_name({__MODULE__, name})
  def send(name, msg), do: :global.send({__MODULE__, name}, msg)
end

defmodule Named do
  use GenServer
  def init(tag), do: {:ok, tag}
  def handle_call(:tag, _from, tag), do: {:reply, tag, tag}
  def handle_cast({:tag, t}, _), do: {:noreply, t}
end

{:ok, a} = GenServer.start(Named, :atom_named, name: :atom_named)
{:ok, g} = GenServer.start(Named, :global_named, name: {:global, {:my, :server}})
{:ok, v} = GenServer.start(Named, :via_named, name: {:via, ViaNames, "via"})

IO.inspect(GenServer.call(:atom_named, :tag))
IO.inspect(GenServer.call({:global, {:my, :server}}, :tag))
IO.inspect(GenServer.call({:via, ViaNames, "via"}, :tag))
IO.inspect(GenServer.whereis(:atom_named) == a)
IO.inspect(GenServer.whereis({:global, {:my, :server}}) == g)
IO.inspect(GenServer.whereis({:via, ViaNames, "via"}) == v)
IO.inspect(GenServer.whereis({:atom_named, node()}) == a)
IO.inspect(GenServer.call({:atom_named, node()}, :tag))

GenServer.cast({:global, {:my, :server}}, {:tag, :recast})
GenServer.cast({:via, ViaNames, "via"}, {:tag, :via_recast})
GenServer.cast({:atom_named, node()}, {:tag, :node_recast})
IO.inspect(GenServer.call({:global, {:my, :server}}, :tag))
IO.inspect(GenServer.call({:via, ViaNames, "via"}, :tag))
IO.inspect(GenServer.call(:atom_named, :tag))

{:error, {:already_started, pid}} = GenServer.start(Named, :again, name: :atom_named)
IO.inspect(pid == a)
{:error, {:already_started, pid}} = GenServer.start(Named, :again, name: {:global, {:my, :server}})
IO.inspect(pid == g)
{:error, {:already_started, pid}} = GenServer.start(Named, :again, name: {:via, ViaNames, "via"})
IO.inspect(pid == v)

:ok = GenServer.stop({:global, {:my, :server}})
IO.inspect(GenServer.whereis({:global, {:my, :server}}))
{:ok, g2} = GenServer.start(Named, :second, name: {:global, {:my, :server}})
IO.inspect(g2 != g)
IO.inspect(:global.registered_names() |> Enum.sort())

for bad <- ["string", {:local, :x}, {:via, "mod", :x}, 42] do
  try do
    GenServer.start(Named, :x, name: bad)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end
