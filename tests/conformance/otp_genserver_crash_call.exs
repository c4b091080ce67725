# A crash in handle_call: the caller exits with {reason, {GenServer, :call,
# args}}, where reason is {exception, stacktrace} or the exit reason.
Logger.configure(level: :none)

defmodule Fragile do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:raise, _from, _s), do: raise("boom")
  def handle_call(:exit, _from, _s), do: exit(:gone)
  def handle_call(:badmatch, _from, s), do: ({:ok, _} = {:error, s})
  def handle_call({:divide, a, b}, _from, s), do: {:reply, div(a, b), s}
  def handle_call(:throw, _from, s), do: throw({:reply, :thrown, s})
  def handle_call(:stop, _from, s), do: {:stop, :normal, :stopping, s}
  def handle_call(:stop_other, _from, s), do: {:stop, {:shutdown, :asked}, :bye, s}
end

run = fn request ->
  {:ok, pid} = GenServer.start(Fragile, :state, name: :fragile)

  result =
    try do
      {:ok, GenServer.call(:fragile, request)}
    catch
      :exit, {{%{__exception__: true} = e, [frame | rest]}, {GenServer, :call, args}} ->
        {:exception, e, frame |> elem(0), rest, args}

      :exit, {{reason, stack}, {GenServer, :call, args}} when is_list(stack) ->
        {:error_reason, reason, Enum.drop(stack, length(stack) - 3), args}

      :exit, {reason, {GenServer, :call, args}} ->
        {:exit_reason, reason, args}
    end

  Process.sleep(10)
  IO.inspect(result)
  IO.inspect(Process.alive?(pid), label: "alive")
  if Process.alive?(pid), do: GenServer.stop(pid)
end

run.(:raise)
run.(:exit)
run.(:badmatch)
run.({:divide, 1, 1})
run.(:throw)
run.(:stop)
run.(:stop_other)
