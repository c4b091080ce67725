def handle_call(:slow_fetch, _from, state) do
  result = HTTPoison.get!("http://slow-api.com")  # Blocks!
  {:reply, result, state}
end

def handle_call(:slow_fetch, from, state) do
  Task.start(fn ->
    result = HTTPoison.get!("http://slow-api.com")
    GenServer.reply(from, result)
  end)
  {:noreply, state}
end
