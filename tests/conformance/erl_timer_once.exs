# :timer.send_after, apply_after, cancel, sleep and tc; the order timers fire in.
{:ok, {:send_local, r}} = :timer.send_after(50, :once)
IO.inspect(is_reference(r))
{:ok, {kind, _}} = :timer.apply_after(10, IO, :puts, ["applied"])
IO.inspect(kind)
{:ok, t3} = :timer.send_after(30, self(), :cancelled)
IO.inspect(:timer.cancel(t3))
IO.inspect(:timer.cancel(:bogus))
receive do
  m -> IO.inspect(m)
end
IO.inspect(:timer.sleep(20))
{time, value} = :timer.tc(fn -> Enum.sum(1..10) end)
IO.inspect({is_integer(time), value})
{_, v} = :timer.tc(Enum, :max, [[3, 9, 2]])
IO.inspect(v)
IO.inspect({:timer.seconds(2), :timer.minutes(1), :timer.hms(1, 0, 1)})
receive do
  m -> IO.inspect({:unexpected, m})
after
  100 -> IO.puts("cancelled never came")
end
