# N idle GenServers, kept alive: the resident memory each one adds.
n = String.to_integer(List.first(System.argv()) || "100000")

defmodule Idle do
  use GenServer
  def init(state), do: {:ok, state}
end

pids = Enum.map(1..n//1, fn _ -> {:ok, pid} = GenServer.start(Idle, %{count: 0}); pid end)
IO.puts(length(pids))
