# :sys.log/2 keeps the last events; :sys.statistics/2 counts messages.
defmodule Logged do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_info(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, _} = GenServer.start_link(Logged, 0, name: :logged)
IO.inspect(:sys.log(:logged, true))
IO.inspect(:sys.statistics(:logged, true))
GenServer.cast(:logged, :inc)
send(:logged, :inc)
GenServer.cast(:logged, :inc)
IO.inspect(:sys.log(:logged, :get))
:sys.log(:logged, :print)
{:ok, stats} = :sys.statistics(:logged, :get)
IO.inspect(Keyword.keys(stats))
IO.inspect({stats[:messages_in], stats[:messages_out]})
IO.inspect(:sys.statistics(:logged, false))
IO.inspect(:sys.statistics(:logged, :get))
IO.inspect(:sys.log(:logged, {true, 2}))
for _ <- 1..5, do: GenServer.cast(:logged, :inc)
IO.inspect(:sys.log(:logged, :get))
IO.inspect(:sys.log(:logged, false))
IO.inspect(:sys.log(:logged, :get))
IO.inspect(:sys.no_debug(:logged))
IO.inspect(GenServer.call(:logged, :get))
