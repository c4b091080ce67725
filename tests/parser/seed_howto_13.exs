def handle_cast({:increment, amount}, state) do
  state.counter + amount  # Oops! Just computes, doesn't return
  {:noreply, state}  # Old state returned
end

def handle_cast({:increment, amount}, state) do
  new_counter = state.counter + amount
  {:noreply, %{state | counter: new_counter}}
end
