# Crashes in handle_cast, handle_info and handle_continue, seen through a
# monitor: the DOWN reason is {exception, stacktrace} for errors and the
# bare reason for exits.
Logger.configure(level: :none)

defmodule Worker do
  use GenServer
  def init(:continue_crash), do: {:ok, 0, {:continue, :boom}}
  def init(s), do: {:ok, s}
  def handle_continue(:boom, _s), do: raise(ArgumentError, "bad continue")
  def handle_cast(:raise, _s), do: raise(KeyError, key: :k, term: %{})
  def handle_cast(:exit, _s), do: exit({:shutdown, :cast})
  def handle_info(:raise, _s), do: raise("info boom")
  def handle_info(:exit, _s), do: exit(:info_exit)
  def handle_info(:kill, s), do: {:stop, :killed_by_me, s}
end

watch = fn init, trigger ->
  {:ok, pid} = GenServer.start(Worker, init)
  ref = Process.monitor(pid)
  trigger.(pid)

  reason =
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end

  case reason do
    {%{__exception__: true} = e, stack} ->
      IO.inspect({e, Enum.map(stack, fn {m, f, a, _} -> {m, f, a} end)})

    {reason, stack} when is_list(stack) ->
      IO.inspect({:error, reason, length(stack)})

    reason ->
      IO.inspect({:exit, reason})
  end
end

watch.(0, &GenServer.cast(&1, :raise))
watch.(0, &GenServer.cast(&1, :exit))
watch.(0, &send(&1, :raise))
watch.(0, &send(&1, :exit))
watch.(0, &send(&1, :kill))
watch.(:continue_crash, fn _ -> :ok end)
watch.(0, &send(&1, :unknown_message_makes_function_clause))
