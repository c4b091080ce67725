# start_link/3: the results, and the exit signal the caller gets when
# init fails (trapped here).
defmodule Linked do
  use GenServer
  def init(:ok), do: {:ok, 0}
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :refused}
  def init(:bad), do: :bad
  def init(:exit), do: exit({:shutdown, :init})
  def init(:slow), do: (Process.sleep(1000); {:ok, 0})
end

Process.flag(:trap_exit, true)

for arg <- [:ok, :ignore, :stop, :bad, :exit] do
  result = GenServer.start_link(Linked, arg)
  shown = with {:ok, pid} when is_pid(pid) <- result, do: :ok_pid
  IO.inspect({arg, shown})

  receive do
    {:EXIT, _pid, reason} -> IO.inspect(reason, label: "  EXIT")
  after
    100 -> IO.puts("  no EXIT")
  end
end

# init that takes longer than the :timeout option
IO.inspect(GenServer.start_link(Linked, :slow, timeout: 100))
receive do
  {:EXIT, _pid, reason} -> IO.inspect(reason, label: "  EXIT")
after
  100 -> IO.puts("  no EXIT")
end
IO.inspect(GenServer.start(Linked, :slow, timeout: 50))
