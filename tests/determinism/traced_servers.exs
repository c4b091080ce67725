# A traced program (run with traced_servers.args: --trace --diagram): a
# front server that calls a back server inside its callbacks, casts,
# timers, a crash under a supervisor, random delays. The trace blocks and
# the diagram must be the same bytes on every run.
defmodule Back do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: Back)
  def init(n), do: {:ok, n}
  def handle_call(:next, _from, n), do: {:reply, n + 1, n + 1}
  def handle_cast(:crash, _n), do: raise("boom")
  def handle_info(:tick, n), do: {:noreply, n + 10}
end

defmodule Front do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: Front)
  def init(seen), do: {:ok, seen}
  def handle_call(:pull, _from, seen) do
    n = GenServer.call(Back, :next)
    {:reply, n, [n | seen]}
  end
  def handle_cast({:note, x}, seen), do: {:noreply, [x | seen]}
end

Logger.configure(level: :none)
{:ok, _} = Supervisor.start_link([Back, Front], strategy: :one_for_one)

for round <- 1..6 do
  Process.sleep(:rand.uniform(30))
  if rem(round, 3) == 0, do: (GenServer.cast(Back, :crash); Process.sleep(5))
  if rem(round, 2) == 0, do: Process.send_after(Back, :tick, :rand.uniform(50))
  GenServer.cast(Front, {:note, round})
  IO.inspect(GenServer.call(Front, :pull))
end

IO.inspect(:sys.get_state(Front))
