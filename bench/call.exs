# GenServer.call round trips: N synchronous calls to one server.
n = String.to_integer(List.first(System.argv()) || "200000")

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
end

{:ok, pid} = GenServer.start_link(Counter, 0)
Enum.each(1..n//1, fn _ -> GenServer.call(pid, :inc) end)
IO.puts(GenServer.call(pid, :inc))
