# A GenServer whose state is a 10,000-key map: N calls, each updating a key.
n = String.to_integer(List.first(System.argv()) || "20000")

defmodule Store do
  use GenServer
  def init(m), do: {:ok, m}
  def handle_call({:put, k, v}, _from, m), do: {:reply, :ok, Map.put(m, k, v)}
  def handle_call(:sum, _from, m), do: {:reply, Enum.reduce(m, 0, fn {_, v}, a -> a + v end), m}
end

{:ok, pid} = GenServer.start_link(Store, Map.new(1..10_000, fn i -> {i, 0} end))
Enum.each(1..n//1, fn i -> GenServer.call(pid, {:put, rem(i, 10_000) + 1, i}) end)
IO.puts(GenServer.call(pid, :sum))
