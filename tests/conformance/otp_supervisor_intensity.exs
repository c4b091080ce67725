# More than max_restarts restarts within max_seconds: the supervisor
# terminates its children and exits with reason :shutdown.
defmodule Fragile do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :fragile)

  @impl true
  def init(nil) do
    IO.puts("fragile started")
    {:ok, nil}
  end
end

defmodule Other do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :other)
  @impl true
  def init(nil), do: (Process.flag(:trap_exit, true); {:ok, nil})
  @impl true
  def terminate(reason, _), do: IO.puts("other terminating: #{inspect(reason)}")
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([Other, Fragile], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)

for i <- 1..3 do
  IO.puts("kill #{i}")
  Process.exit(Process.whereis(:fragile), :kill)
  Process.sleep(10)
end

receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
after
  1000 -> IO.puts("supervisor still alive")
end

IO.inspect(Process.alive?(sup), label: "alive")
IO.inspect(Process.whereis(:other), label: "other")
