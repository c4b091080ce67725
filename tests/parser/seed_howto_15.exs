def handle_call({:divide, a, b}, _from, state) do
  result = div(a, b)  # Crashes on b = 0!
  {:reply, result, state}
end

def handle_call({:divide, a, b}, _from, state) do
  case b do
    0 -> {:reply, {:error, :division_by_zero}, state}
    _ -> {:reply, {:ok, div(a, b)}, state}
  end
end
