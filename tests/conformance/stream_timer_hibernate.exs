# Stream.interval/timer on the virtual clock, stream constructors, :hibernate seen in Process.info(:current_function), GenServer.multi_call/abcast.
IO.inspect Stream.interval(10) |> Enum.take(3)
t0 = System.monotonic_time(:millisecond)
IO.inspect Stream.timer(50) |> Enum.to_list()
IO.inspect System.monotonic_time(:millisecond) - t0 >= 50
IO.inspect Stream.interval(5) |> Stream.map(&(&1 * 2)) |> Enum.take(4)
s = Stream.map([1, 2], & &1)
IO.inspect Stream.cycle([1, 2]) |> Enum.take(5)
IO.inspect Stream.resource(fn -> 0 end, fn n when n < 3 -> {[n], n + 1}; n -> {:halt, n} end, fn _ -> :ok end) |> Enum.to_list()
IO.inspect Stream.unfold(1, fn n -> if n > 4, do: nil, else: {n, n * 2} end) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..7, 3) |> Enum.to_list()
IO.inspect Stream.zip([1, 2, 3], Stream.cycle([:a])) |> Enum.to_list()
IO.inspect Stream.with_index([:a, :b]) |> Enum.to_list()
IO.inspect Stream.run(Stream.map([1], &IO.inspect/1))
defmodule H do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:hib, _from, s), do: {:reply, :ok, s, :hibernate}
  def handle_call(:get, _from, s), do: {:reply, s, s}
end
{:ok, pid} = GenServer.start(H, 5, name: :hh)
GenServer.call(pid, :hib)
Process.sleep(10)
IO.inspect Process.info(pid, :current_function)
IO.inspect GenServer.call(pid, :get)
IO.inspect Process.info(pid, :current_function)
IO.inspect GenServer.multi_call(:hh, :get)
IO.inspect GenServer.multi_call([node()], :hh, :get)
IO.inspect GenServer.multi_call([node()], :nope, :get)
Process.sleep(50)
