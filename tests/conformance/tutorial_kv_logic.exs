# KeyValueStore's callbacks, driven by a list of messages.
defmodule KVLogic do
  def init(:ok), do: {:ok, %{}}

  def handle_call({:get, key}, _from, state) do
    case Map.fetch(state, key) do
      {:ok, value} -> {:reply, {:ok, value}, state}
      :error -> {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:delete, key}, _from, state) do
    case Map.pop(state, key) do
      {nil, _state} -> {:reply, {:error, :not_found}, state}
      {value, new_state} -> {:reply, {:ok, value}, new_state}
    end
  end

  def handle_call(:keys, _from, state), do: {:reply, Map.keys(state), state}

  def handle_cast({:put, key, value}, state), do: {:noreply, Map.put(state, key, value)}
  def handle_cast(:clear, _state), do: {:noreply, %{}}
end

{:ok, state} = KVLogic.init(:ok)
script = [
  {:cast, {:put, :name, "Alice"}},
  {:cast, {:put, :age, 30}},
  {:call, {:get, :name}},
  {:call, {:get, :missing}},
  {:call, :keys},
  {:call, {:delete, :age}},
  {:call, {:delete, :age}},
  {:cast, {:put, :nothing, nil}},
  {:call, {:delete, :nothing}},
  {:call, :keys},
  {:cast, :clear},
  {:call, :keys}
]
final = Enum.reduce(script, state, fn
  {:cast, msg}, st ->
    {:noreply, new} = KVLogic.handle_cast(msg, st)
    IO.inspect(new, label: "cast #{inspect(msg)}")
    new
  {:call, msg}, st ->
    {:reply, reply, new} = KVLogic.handle_call(msg, nil, st)
    IO.inspect(reply, label: "call #{inspect(msg)}")
    new
end)
IO.inspect(final)
