def handle_info(:timeout, state) do
  IO.puts("Timeout occurred")
  {:noreply, state}
end
