# The "forgot to update the state" pitfall: the sum is computed and thrown away.
defmodule Broken do
  def handle_cast({:increment, amount}, state) do
    state.counter + amount
    {:noreply, state}
  end
end

defmodule Fixed do
  def handle_cast({:increment, amount}, state) do
    new_counter = state.counter + amount
    {:noreply, %{state | counter: new_counter}}
  end
end

state = %{counter: 0, name: "clicks"}
for mod <- [Broken, Fixed] do
  {:noreply, after_three} =
    Enum.reduce([1, 2, 3], {:noreply, state}, fn amount, {:noreply, st} ->
      mod.handle_cast({:increment, amount}, st)
    end)

  IO.puts("#{inspect(mod)}: #{inspect(state)} -> #{inspect(after_three)}")
  IO.inspect(after_three == state, label: "state unchanged?")
end
