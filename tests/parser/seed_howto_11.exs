def handle_call(:slow_operation, from, state) do
  Task.start(fn ->
    result = perform_slow_work()
    GenServer.reply(from, result)
  end)

  {:noreply, state}  # Don't block GenServer
end
