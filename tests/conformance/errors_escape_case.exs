reply = {:noreply, %{}}
case reply do
  {:reply, r, _state} -> IO.inspect(r)
end
