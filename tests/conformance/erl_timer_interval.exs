# Periodic work with :timer.send_interval inside a GenServer, then :timer.cancel.
defmodule Ticker do
  use GenServer

  def start_link(ms), do: GenServer.start_link(__MODULE__, ms)
  def count(pid), do: GenServer.call(pid, :count)
  def stop_ticking(pid), do: GenServer.call(pid, :stop_ticking)

  @impl true
  def init(ms) do
    {:ok, tref} = :timer.send_interval(ms, :tick)
    {:ok, %{tref: tref, ticks: 0}}
  end

  @impl true
  def handle_info(:tick, s) do
    IO.puts("tick #{s.ticks + 1}")
    {:noreply, %{s | ticks: s.ticks + 1}}
  end

  @impl true
  def handle_call(:count, _from, s), do: {:reply, s.ticks, s}

  def handle_call(:stop_ticking, _from, s) do
    {:reply, :timer.cancel(s.tref), s}
  end
end

{:ok, pid} = Ticker.start_link(100)
Process.sleep(350)
IO.inspect(Ticker.count(pid))
IO.inspect(Ticker.stop_ticking(pid))
Process.sleep(300)
IO.inspect(Ticker.count(pid))

{:ok, tref} = :timer.send_interval(50, self(), {:beat, :x})
for _ <- 1..3 do
  receive do
    msg -> IO.inspect(msg)
  end
end

IO.inspect(elem(tref, 0))
IO.inspect(:timer.cancel(tref))
receive do
  msg -> IO.inspect({:late, msg})
after
  200 -> IO.puts("no more beats")
end
