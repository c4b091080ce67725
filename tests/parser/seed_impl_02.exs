def handle_call(:get_state, _from, state) do
  {:reply, state, state}
end
