# N calls made while 100,000 unrelated messages wait in the caller's mailbox.
n = String.to_integer(List.first(System.argv()) || "20000")

defmodule Echo do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
end

{:ok, pid} = GenServer.start_link(Echo, 0)
Enum.each(1..100_000, fn i -> send(self(), {:waiting, i}) end)
Enum.each(1..n//1, fn _ -> GenServer.call(pid, :ping) end)
{:message_queue_len, len} = Process.info(self(), :message_queue_len)
IO.puts(len)
