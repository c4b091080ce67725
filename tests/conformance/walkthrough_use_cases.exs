# The cache, session and worker use cases' callbacks, without a process.
defmodule CacheCallbacks do
  def handle_call({:get, key}, _from, state), do: {:reply, Map.get(state, key), state}
  def handle_cast({:put, key, value}, state), do: {:noreply, Map.put(state, key, value)}
end

defmodule WorkerCallbacks do
  def handle_cast({:perform_task, task}, state) do
    IO.puts("Performing task: #{task}")
    {:noreply, state}
  end
end

defmodule StateCallbacks do
  def handle_call(:get_state, _from, state), do: {:reply, state, state}
  def handle_cast({:set_state, new_state}, _state), do: {:noreply, new_state}
  def handle_info(:timeout, state) do
    IO.puts("Timeout occurred")
    {:noreply, state}
  end
end

{:noreply, c} = CacheCallbacks.handle_cast({:put, :user_1, %{name: "Ann"}}, %{})
{:noreply, c} = CacheCallbacks.handle_cast({:put, "key", [1, 2]}, c)
IO.inspect(c)
IO.inspect(CacheCallbacks.handle_call({:get, :user_1}, nil, c))
IO.inspect(CacheCallbacks.handle_call({:get, :nobody}, nil, c))
IO.inspect(WorkerCallbacks.handle_cast({:perform_task, "send_email"}, :idle))
IO.inspect(WorkerCallbacks.handle_cast({:perform_task, :resize_image}, :idle))
IO.inspect(StateCallbacks.handle_call(:get_state, nil, [:initial]))
IO.inspect(StateCallbacks.handle_cast({:set_state, %{mode: :new}}, [:initial]))
IO.inspect(StateCallbacks.handle_info(:timeout, :s))
