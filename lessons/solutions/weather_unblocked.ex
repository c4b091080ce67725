defmodule Weather do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def forecast(city), do: GenServer.call(__MODULE__, {:forecast, city}, 10_000)
  def ping, do: GenServer.call(__MODULE__, :ping)

  @impl true
  def init(cache), do: {:ok, cache}

  @impl true
  def handle_call({:forecast, city}, from, cache) do
    server = self()

    Task.start(fn ->
      forecast = slow_fetch(city)
      GenServer.reply(from, forecast)
      send(server, {:fetched, city, forecast})
    end)

    {:noreply, cache}
  end

  def handle_call(:ping, _from, cache), do: {:reply, :pong, cache}

  @impl true
  def handle_info({:fetched, city, forecast}, cache), do: {:noreply, Map.put(cache, city, forecast)}

  defp slow_fetch(city) do
    Process.sleep(6000)
    {city, :sunny}
  end
end
