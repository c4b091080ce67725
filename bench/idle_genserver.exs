# Memory of an idle GenServer, in bytes, as Process.info reports it.
defmodule Idle do
  use GenServer
  def init(state), do: {:ok, state}
end

{:ok, pid} = GenServer.start_link(Idle, %{count: 0})
{:memory, bytes} = Process.info(pid, :memory)
IO.puts(bytes)
