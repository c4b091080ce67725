# N casts, then one call that answers once the server has handled them all.
n = String.to_integer(List.first(System.argv()) || "1000000")

defmodule Sink do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, pid} = GenServer.start_link(Sink, 0)
Enum.each(1..n//1, fn _ -> GenServer.cast(pid, :inc) end)
IO.puts(GenServer.call(pid, :get, :infinity))
