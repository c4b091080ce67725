# Process.info(pid, :current_function) of a GenServer waiting for a message,
# and of one that hibernated after its reply.
defmodule H do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:sleep, _from, s), do: {:reply, :ok, s, :hibernate}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_cast(:nap, s), do: {:noreply, s + 1, :hibernate}
end

{:ok, pid} = GenServer.start(H, 1)
IO.inspect(Process.info(pid, :current_function))
GenServer.call(pid, :sleep)
Process.sleep(10)
IO.inspect(Process.info(pid, :current_function))
IO.inspect(GenServer.call(pid, :get))
IO.inspect(Process.info(pid, :current_function))
GenServer.cast(pid, :nap)
Process.sleep(10)
IO.inspect(Process.info(pid, :current_function))
IO.inspect(:sys.get_state(pid))
IO.inspect(Process.info(pid, :current_function))
