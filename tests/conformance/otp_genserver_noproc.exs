# Calling, stopping or inspecting a server that is not there.
defmodule Echo do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(msg, _from, s), do: {:reply, msg, s}
end

catch_exit = fn fun ->
  try do
    fun.()
  catch
    :exit, reason -> {:exit, reason}
  end
end

IO.inspect(catch_exit.(fn -> GenServer.call(:nobody, :hello) end))
IO.inspect(catch_exit.(fn -> GenServer.call(:nobody, :hello, 1234) end))
IO.inspect(catch_exit.(fn -> GenServer.stop(:nobody) end))
IO.inspect(catch_exit.(fn -> GenServer.stop(:nobody, :shutdown, 100) end))
IO.inspect(catch_exit.(fn -> :sys.get_state(:nobody) end))
IO.inspect(catch_exit.(fn -> :sys.get_state(:nobody, 50) end))
IO.inspect(catch_exit.(fn -> :sys.replace_state(:nobody, fn s -> s end) |> is_nil() end) |> elem(0))
IO.inspect(GenServer.cast(:nobody, :hello))
IO.inspect(GenServer.whereis(:nobody))
IO.inspect(GenServer.whereis({:global, :nobody}))

{:ok, pid} = GenServer.start(Echo, :x)
IO.inspect(GenServer.call(pid, :ping))
:ok = GenServer.stop(pid)
{:exit, {reason, {GenServer, :call, [p, :ping, 5000]}}} = catch_exit.(fn -> GenServer.call(pid, :ping) end)
IO.inspect({reason, p == pid})
{:exit, {reason, {GenServer, :stop, [_, :normal, :infinity]}}} = catch_exit.(fn -> GenServer.stop(pid) end)
IO.inspect(reason)
IO.inspect(GenServer.cast(pid, :late))
IO.inspect(catch_exit.(fn -> GenServer.call(self(), :me) end) |> elem(1) |> elem(0))
