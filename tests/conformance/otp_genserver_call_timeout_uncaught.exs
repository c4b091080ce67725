# An uncaught call timeout ends the script with the exit reason.
defmodule Sleepy do
  use GenServer
  def init(s), do: {:ok, s}

  def handle_call(:nap, _from, s) do
    Process.sleep(1000)
    {:reply, :ok, s}
  end
end

{:ok, _} = GenServer.start_link(Sleepy, nil, name: :sleepy)
IO.puts("calling")
GenServer.call(:sleepy, :nap, 200)
IO.puts("not reached")
