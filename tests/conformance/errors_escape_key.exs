state = %{count: 1}
IO.inspect(state.count)
IO.inspect(state.missing)
