# Every init/1 return, seen from GenServer.start/3.
defmodule Starter do
  use GenServer
  def init(:ok), do: {:ok, :state}
  def init(:timeout), do: {:ok, :state, 5000}
  def init(:hibernate), do: {:ok, :state, :hibernate}
  def init(:continue), do: {:ok, :state, {:continue, :more}}
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :no_way}
  def init(:stop_normal), do: {:stop, :normal}
  def init(:bogus), do: {:bogus, 1}
  def init(:raise), do: raise(ArgumentError, "bad init")
  def init(:exit), do: exit(:init_exit)
  def init(:throw), do: throw({:ok, :thrown_state})
  def init(:throw_bad), do: throw(:oops)
  def handle_continue(:more, s), do: {:noreply, {:continued, s}}
  def handle_call(:state, _from, s), do: {:reply, s, s}
end

for arg <- [:ok, :timeout, :hibernate, :continue, :throw] do
  {:ok, pid} = GenServer.start(Starter, arg)
  IO.inspect({arg, GenServer.call(pid, :state)})
  GenServer.stop(pid)
end

for arg <- [:ignore, :stop, :stop_normal, :bogus, :exit, :throw_bad] do
  IO.inspect({arg, GenServer.start(Starter, arg)})
end

{:error, {%ArgumentError{message: msg}, [top | rest]}} = GenServer.start(Starter, :raise)
IO.inspect({msg, elem(top, 0), elem(top, 1), elem(top, 2)})
IO.inspect(rest)

# a name is free again once init has failed
IO.inspect(GenServer.start(Starter, :stop, name: :starter))
IO.inspect(Process.whereis(:starter))
{:ok, pid} = GenServer.start(Starter, :ok, name: :starter)
IO.inspect(Process.whereis(:starter) == pid)
IO.inspect(Process.info(pid, :dictionary) |> elem(1) |> Keyword.get(:"$initial_call"))
