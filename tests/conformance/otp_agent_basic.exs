# Agent: get, update, get_and_update and cast run functions in the agent.
{:ok, agent} = Agent.start_link(fn -> [] end)
IO.inspect(Agent.get(agent, & &1))
:ok = Agent.update(agent, fn list -> [:a | list] end)
IO.inspect(Agent.update(agent, fn list -> [:b | list] end))
IO.inspect(Agent.get(agent, fn list -> Enum.reverse(list) end))
IO.inspect(Agent.get_and_update(agent, fn [h | t] -> {h, t} end))
IO.inspect(Agent.cast(agent, fn list -> [:c | list] end))
IO.inspect(Agent.get(agent, &length/1))
IO.inspect(Agent.get(agent, Enum, :reverse, []))
IO.inspect(Agent.update(agent, List, :insert_at, [0, :z]))
IO.inspect(Agent.get_and_update(agent, Enum, :split, [1]))
Agent.cast(agent, Enum, :concat, [[:end]])
IO.inspect(Agent.get(agent, & &1))
IO.inspect(Agent.stop(agent))
IO.inspect(Process.alive?(agent))

{:ok, _} = Agent.start_link(fn -> %{} end, name: :kv)
Agent.update(:kv, &Map.put(&1, "milk", 3))
IO.inspect(Agent.get(:kv, &Map.get(&1, "milk")))

defmodule Counter do
  use Agent

  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def value, do: Agent.get(__MODULE__, & &1)
  def increment, do: Agent.update(__MODULE__, &(&1 + 1))
end

{:ok, _} = Counter.start_link(10)
Counter.increment()
Counter.increment()
IO.inspect(Counter.value())
{:ok, pid} = Agent.start(fn -> :unlinked end)
IO.inspect(Agent.get(pid, & &1))
IO.inspect(Agent.start_link(Counter, :value, [], []) |> elem(0))
