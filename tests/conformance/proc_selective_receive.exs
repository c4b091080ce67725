# Selective receive: later messages are matched first when they fit the pattern;
# the others stay in the mailbox in order.
send(self(), {:b, 2})
send(self(), {:a, 1})
send(self(), {:c, 3})
send(self(), {:a, 4})
receive do {:a, x} -> IO.inspect({:first_a, x}) end
receive do {:c, x} -> IO.inspect({:c, x}) end
IO.inspect(Process.info(self(), :message_queue_len))
{:messages, msgs} = Process.info(self(), :messages)
IO.inspect(msgs)
receive do {:a, x} -> IO.inspect({:second_a, x}) end
receive do other -> IO.inspect({:left, other}) end
r = receive do :nothing -> :got after 0 -> :timeout_zero end
IO.inspect(r)
# guards in receive
send(self(), {:num, 5})
send(self(), {:num, 50})
receive do {:num, n} when n > 10 -> IO.inspect({:big, n}) end
receive do {:num, n} -> IO.inspect({:small, n}) end
# a receive with no clauses matching waits for its timeout
t = receive do :never -> :no after 250 -> :waited end
IO.inspect(t)
