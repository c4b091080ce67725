def handle_cast({:set_state, new_state}, _state) do
  {:noreply, new_state}
end
