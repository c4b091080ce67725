# limit: 20
# Two million messages waiting in one mailbox.
for i <- 1..2_000_000, do: send(self(), i)
IO.inspect(Process.info(self(), :message_queue_len))
receive do 1 -> IO.puts(:first) end
