# A call that times out exits the caller with {:timeout, {GenServer, :call,
# args}}; the reply that comes later never reaches the caller's mailbox.
defmodule Slow do
  use GenServer

  def init(n), do: {:ok, n}

  def handle_call({:work, ms}, _from, n) do
    Process.sleep(ms)
    {:reply, {:done, ms}, n + 1}
  end

  def handle_call(:count, _from, n), do: {:reply, n, n}
end

{:ok, _} = GenServer.start_link(Slow, 0, name: :slow)

result =
  try do
    GenServer.call(:slow, {:work, 300}, 100)
  catch
    :exit, reason -> {:caught, reason}
  end

IO.inspect(result)
Process.sleep(500)
IO.inspect(Process.info(self(), :messages))
IO.inspect(Process.info(self(), :monitors))
IO.inspect(GenServer.call(:slow, :count))
IO.inspect(GenServer.call(:slow, {:work, 50}, 100))
IO.inspect(GenServer.call(:slow, {:work, 10}, :infinity))

# several timeouts in a row, then a fast call still gets its own reply
for ms <- [200, 150] do
  try do
    GenServer.call(:slow, {:work, ms}, 20)
  catch
    :exit, {:timeout, {GenServer, :call, args}} -> IO.inspect(args, label: "timed out")
  end
end

IO.inspect(GenServer.call(:slow, :count, 1000))
IO.inspect(Process.info(self(), :message_queue_len))
