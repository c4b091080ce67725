defmodule HitCounter do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, %{}, name: name)
  def hit(server, page), do: GenServer.call(server, {:hit, page})
  def count(server, page), do: GenServer.call(server, {:count, page})

  @impl true
  def init(counts), do: {:ok, counts}

  @impl true
  def handle_call({:hit, page}, _from, counts) do
    Process.sleep(10)
    {:reply, :ok, Map.update(counts, page, 1, &(&1 + 1))}
  end

  def handle_call({:count, page}, _from, counts), do: {:reply, Map.get(counts, page, 0), counts}
end

defmodule HitCounter.Partitioned do
  @partitions 10

  def start_link do
    for n <- 0..(@partitions - 1), do: HitCounter.start_link(:"hits_#{n}")
    :ok
  end

  def hit(page), do: HitCounter.hit(server(page), page)
  def count(page), do: HitCounter.count(server(page), page)

  defp server(page), do: :"hits_#{:erlang.phash2(page, @partitions)}"
end
