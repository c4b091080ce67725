# ETS as the documented fix for the single-process bottleneck: instead of
# asking a GenServer for every read, readers hit a protected ETS table the
# server owns; writes still go through the server, which stays the one writer.
defmodule Cache do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  # Reads bypass the server entirely.
  def get(key) do
    case :ets.lookup(__MODULE__, key) do
      [{^key, value}] -> {:ok, value}
      [] -> :error
    end
  end

  def put(key, value), do: GenServer.call(__MODULE__, {:put, key, value})
  def calls, do: GenServer.call(__MODULE__, :calls)

  @impl true
  def init(:ok) do
    :ets.new(__MODULE__, [:named_table, :protected, read_concurrency: true])
    {:ok, 0}
  end

  @impl true
  def handle_call({:put, key, value}, _from, calls) do
    :ets.insert(__MODULE__, {key, value})
    {:reply, :ok, calls + 1}
  end

  def handle_call(:calls, _from, calls), do: {:reply, calls, calls}
end

{:ok, _pid} = Cache.start_link([])
for i <- 1..5, do: Cache.put(i, i * i)
IO.inspect(Cache.get(3))
IO.inspect(Cache.get(42))
parent = self()

readers =
  for r <- 1..20 do
    spawn(fn ->
      sum = Enum.reduce(1..100, 0, fn i, acc -> {:ok, v} = Cache.get(rem(i, 5) + 1); acc + v end)
      send(parent, {:sum, r, sum})
    end)
  end

sums = for _ <- readers, do: (receive do {:sum, _, s} -> s end)
IO.inspect(Enum.uniq(sums), label: "every reader's sum")
IO.inspect(Cache.calls(), label: "calls the server handled (writes only)")
IO.inspect(:ets.info(Cache, :read_concurrency))

spawn(fn ->
  try do
    :ets.insert(Cache, {:rogue, 1})
  rescue
    e -> send(parent, {:write_error, Exception.message(e)})
  end
end)

receive do
  {:write_error, msg} -> IO.puts(msg)
end

# The table dies with the server.
GenServer.stop(Cache)
IO.inspect(:ets.whereis(Cache))
