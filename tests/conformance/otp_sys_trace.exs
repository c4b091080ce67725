# :sys.trace/2 prints *DBG* lines in Erlang term syntax.
defmodule Traced do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast({:push, x}, s), do: {:noreply, [x | s]}
  def handle_cast(:later, s), do: {:noreply, s, {:continue, :after}}
  def handle_continue(:after, s), do: {:noreply, [:continued | s]}
  def handle_info(:tick, s), do: {:noreply, s, 10}
  def handle_info(:timeout, s), do: {:noreply, [:timed_out | s]}
  def handle_info(_, s), do: {:noreply, s}
  def handle_call(:size, _from, s), do: {:reply, length(s), s}
end

{:ok, _} = GenServer.start_link(Traced, [], name: :traced)
IO.inspect(:sys.trace(:traced, true))
GenServer.cast(:traced, {:push, 1})
GenServer.cast(:traced, {:push, "two"})
GenServer.cast(:traced, {:push, 'three'})
GenServer.cast(:traced, {:push, %{four: 4.0}})
GenServer.cast(:traced, {:push, {:five, [5, :five], Five}})
send(:traced, :tick)
Process.sleep(50)
GenServer.cast(:traced, :later)
send(:traced, {:"quoted atom", :ok, :"Elixir.Mod", :andalso, nil, true})
Process.sleep(10)
IO.inspect(:sys.trace(:traced, false))
GenServer.cast(:traced, {:push, :silent})
IO.inspect(GenServer.call(:traced, :size))

# debug: [:trace] at start
{:ok, _} = GenServer.start_link(Traced, [:x], name: :traced2, debug: [:trace])
GenServer.cast(:traced2, {:push, <<1, 2, 3>>})
GenServer.cast(:traced2, {:push, [1 | 2]})
Process.sleep(10)
