def handle_call(:get_balance, _from, state) do
  {:reply, state.balance, state}
end
