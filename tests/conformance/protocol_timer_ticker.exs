# Periodic work with :timer.send_interval in a GenServer whose state has a
# derived Inspect (the interval's reference is left out), seen through
# :sys.get_state while it ticks, then the timer cancelled.
defmodule Ticker do
  use GenServer
  @derive {Inspect, except: [:tref]}
  defstruct ticks: 0, every: 100, tref: nil, log: []

  def start(every), do: GenServer.start(__MODULE__, every, name: __MODULE__)
  def stop_ticking, do: GenServer.call(__MODULE__, :stop_ticking)

  @impl true
  def init(every) do
    {:ok, tref} = :timer.send_interval(every, :tick)
    {:ok, %Ticker{every: every, tref: tref}}
  end

  @impl true
  def handle_info(:tick, %Ticker{ticks: n} = s) do
    {:noreply, %{s | ticks: n + 1, log: [n + 1 | Enum.take(s.log, 2)]}}
  end

  @impl true
  def handle_call(:stop_ticking, _from, s) do
    {:ok, :cancel} = :timer.cancel(s.tref)
    {:reply, s.ticks, %{s | tref: nil}}
  end
end

defmodule Main do
  def run do
    {:ok, _pid} = Ticker.start(100)
    IO.inspect(:sys.get_state(Ticker))
    Process.sleep(350)
    IO.inspect(:sys.get_state(Ticker))
    Process.sleep(200)
    state = :sys.get_state(Ticker)
    IO.inspect(state, label: "state")
    IO.inspect(is_reference(elem(state.tref, 1)) or is_tuple(state.tref), label: "has tref")
    ticks = Ticker.stop_ticking()
    IO.inspect(ticks, label: "stopped at")
    Process.sleep(500)
    IO.inspect(:sys.get_state(Ticker).ticks == ticks, label: "still")
    IO.inspect(:sys.get_state(Ticker), structs: false)
  end
end

Main.run()
