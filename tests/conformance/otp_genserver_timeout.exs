# Timeouts in return tuples: :timeout arrives after that much inactivity;
# any message in between cancels it.
defmodule Idle do
  use GenServer

  def init(ms), do: {:ok, %{ms: ms, timeouts: 0, seen: []}, ms}

  def handle_call(:stats, _from, s), do: {:reply, {s.timeouts, Enum.reverse(s.seen)}, s}
  def handle_call(:arm, _from, s), do: {:reply, :armed, s, s.ms}
  def handle_cast({:poke, x}, s), do: {:noreply, %{s | seen: [x | s.seen]}, s.ms}
  def handle_info(:timeout, s), do: {:noreply, %{s | timeouts: s.timeouts + 1}}
  def handle_info(other, s), do: {:noreply, %{s | seen: [other | s.seen]}}
end

{:ok, pid} = GenServer.start_link(Idle, 100)
Process.sleep(150)
IO.inspect(GenServer.call(pid, :stats))
Process.sleep(300)
# no new timeout: the last reply had none
IO.inspect(GenServer.call(pid, :stats))
GenServer.cast(pid, {:poke, 1})
Process.sleep(50)
GenServer.cast(pid, {:poke, 2})
Process.sleep(50)
GenServer.cast(pid, {:poke, 3})
Process.sleep(50)
IO.inspect(GenServer.call(pid, :stats))
GenServer.cast(pid, {:poke, 4})
Process.sleep(150)
IO.inspect(GenServer.call(pid, :stats))
IO.inspect(GenServer.call(pid, :arm))
send(pid, :plain)
Process.sleep(150)
IO.inspect(GenServer.call(pid, :stats))
# {:ok, state, 0}: a timeout at once, before a later message
defmodule Zero do
  use GenServer
  def init(test), do: (send(test, :init_done); {:ok, [], 0})
  def handle_info(msg, log), do: {:noreply, [msg | log]}
  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
end
{:ok, z} = GenServer.start_link(Zero, self())
send(z, :hello)
IO.inspect(GenServer.call(z, :log))
