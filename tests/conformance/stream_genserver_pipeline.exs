# A GenServer fed by a lazy Stream pipeline; the server's state is built as the stream is consumed.
defmodule Totals do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def add(item), do: GenServer.cast(__MODULE__, {:add, item})
  def totals, do: GenServer.call(__MODULE__, :totals)

  @impl true
  def init(s), do: {:ok, s}

  @impl true
  def handle_cast({:add, {k, v}}, s), do: {:noreply, Map.update(s, k, v, &(&1 + v))}

  @impl true
  def handle_call(:totals, _from, s), do: {:reply, s, s}
end

{:ok, _} = Totals.start_link(nil)

events =
  Stream.cycle([:apples, :pears, :plums])
  |> Stream.with_index(1)
  |> Stream.map(fn {fruit, i} -> {fruit, i * 10} end)
  |> Stream.reject(fn {fruit, _} -> fruit == :plums end)
  |> Stream.take(8)

events |> Stream.each(&Totals.add/1) |> Stream.run()
IO.inspect(Totals.totals())

batches =
  1..10
  |> Stream.chunk_every(4)
  |> Stream.map(fn batch -> {length(batch), Enum.sum(batch)} end)

IO.inspect(Enum.to_list(batches))
IO.inspect(Enum.take(Stream.iterate({0, 1}, fn {a, b} -> {b, a + b} end) |> Stream.map(&elem(&1, 0)), 15))
