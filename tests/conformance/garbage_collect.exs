# :erlang.garbage_collect/0,1: the caller and other processes give back
# what they no longer use
defmodule Churn do
  # builds a large list and drops it: garbage on the caller's heap
  def make_garbage do
    list = Enum.to_list(1..200_000)
    length(list)
  end
end

parent = self()

spawn(fn ->
  Churn.make_garbage()
  {:memory, before} = Process.info(self(), :memory)
  true = :erlang.garbage_collect()
  {:memory, later} = Process.info(self(), :memory)
  send(parent, {:self, later < before})
end)

receive do
  {:self, smaller} -> IO.puts("own heap smaller after garbage_collect/0: #{smaller}")
end

{:ok, agent} = Agent.start_link(fn -> Enum.to_list(1..200_000) end)
:ok = Agent.update(agent, fn _ -> [] end)
IO.inspect(:erlang.garbage_collect(agent), label: "garbage_collect(agent)")
{:memory, later} = Process.info(agent, :memory)
# the 200,000 numbers took megabytes; what is left is the agent itself
IO.puts("agent's memory small again: #{later < 100_000}")
IO.inspect(Agent.get(agent, & &1), label: "its state")

pid = spawn(fn -> :ok end)
Process.sleep(10)
IO.inspect(:erlang.garbage_collect(pid), label: "garbage_collect(dead pid)")

{time, value} = :timer.tc(fn -> Enum.sum(1..1000) end)
IO.inspect({is_integer(time) and time >= 0, value}, label: ":timer.tc/1")
{time, value} = :timer.tc(Enum, :sum, [[1, 2, 3]])
IO.inspect({is_integer(time) and time >= 0, value}, label: ":timer.tc/3")

:erlang.garbage_collect(:not_a_pid)
