# The Counter server's state transitions as plain functions.
defmodule CounterLogic do
  def init(initial_value \\ 0), do: {:ok, initial_value}

  def handle_call(:increment, _from, state) do
    new_state = state + 1
    {:reply, new_state, new_state}
  end

  def handle_call(:get_value, _from, state), do: {:reply, state, state}

  def handle_cast(:reset, _state), do: {:noreply, 0}
end

{:ok, s0} = CounterLogic.init(10)
IO.inspect(s0, label: "init")
{:reply, r1, s1} = CounterLogic.handle_call(:increment, nil, s0)
IO.inspect({r1, s1}, label: "increment")
{:reply, r2, s2} = CounterLogic.handle_call(:increment, nil, s1)
IO.inspect({r2, s2}, label: "increment")
IO.inspect(CounterLogic.handle_call(:get_value, nil, s2), label: "get_value")
{:noreply, s3} = CounterLogic.handle_cast(:reset, s2)
IO.inspect(CounterLogic.handle_call(:get_value, nil, s3), label: "after reset")
IO.inspect(CounterLogic.init(), label: "default init")
final = Enum.reduce(1..5, 0, fn _, acc ->
  {:reply, _, new} = CounterLogic.handle_call(:increment, {:from, :ref}, acc)
  new
end)
IO.inspect(final)
