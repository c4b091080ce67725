# Restarts spread over more than max_seconds do not add up: the
# supervisor survives as long as no window holds more than max_restarts.
defmodule Flaky do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :flaky)
  @impl true
  def init(nil), do: {:ok, nil}
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([Flaky], strategy: :one_for_one, max_restarts: 1, max_seconds: 2)

for i <- 1..4 do
  Process.exit(Process.whereis(:flaky), :kill)
  Process.sleep(3000)
  IO.puts("crash #{i}: supervisor alive? #{Process.alive?(sup)}")
end

IO.puts("two crashes in a row")
Process.exit(Process.whereis(:flaky), :kill)
Process.sleep(100)
Process.exit(Process.whereis(:flaky), :kill)

receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
after
  1000 -> IO.puts("supervisor still alive")
end
