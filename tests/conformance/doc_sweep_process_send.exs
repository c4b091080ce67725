# Process.send/3 answers :ok (:noconnect for another node when asked not
# to connect); a {name, node} destination never fails.
Process.register(self(), :inbox)
IO.inspect(Process.send(:inbox, :one, []))
IO.inspect(Process.send({:inbox, node()}, :two, [:noconnect]))
IO.inspect(Process.send(self(), :three, [:nosuspend]))
IO.inspect(Process.send({:inbox, :elsewhere@host}, :lost, [:noconnect]))
IO.inspect(Process.send({:inbox, :elsewhere@host}, :lost, []))
IO.inspect(send({:nobody_here, node()}, :dropped))
IO.inspect(send({:inbox, :elsewhere@host}, :lost))
IO.inspect(Process.info(self(), :messages))

try do
  Process.send(:nobody_here, :x, [])
rescue
  e -> IO.puts(Exception.message(e))
end
