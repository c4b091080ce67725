defmodule Stack do
  use GenServer

  def start_link(items) when is_list(items), do: GenServer.start_link(__MODULE__, items)

  def push(pid, item), do: GenServer.cast(pid, {:push, item})
  def pop(pid), do: GenServer.call(pid, :pop)
  def size(pid), do: GenServer.call(pid, :size)

  def pop_many(pid, n), do: GenServer.call(pid, {:pop_many, n})

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:pop, _from, [top | rest]), do: {:reply, {:ok, top}, rest}
  def handle_call(:size, _from, items), do: {:reply, length(items), items}

  def handle_call({:pop_many, n}, _from, items) do
    {taken, rest} = Enum.split(items, n)
    {:reply, taken, rest}
  end

  @impl true
  def handle_cast({:push, item}, items), do: {:noreply, [item | items]}
end
