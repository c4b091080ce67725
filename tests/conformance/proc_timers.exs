# Timers: Process.send_after fires in time order; equal times keep the order
# they were set in; cancel and read report the time left.
for {msg, t} <- [c: 300, a: 100, b: 200, a2: 100, z: 0] do
  Process.send_after(self(), msg, t)
end
for _ <- 1..5 do
  receive do m -> IO.inspect(m) end
end
ref = Process.send_after(self(), :cancelled, 1000)
IO.inspect(Process.read_timer(ref) in 990..1000)
IO.inspect(Process.cancel_timer(ref))
IO.inspect(Process.cancel_timer(ref))
IO.inspect(Process.read_timer(ref) in 990..1000)
r = receive do :cancelled -> :arrived after 1500 -> :never_arrived end
IO.inspect(r)
t0 = System.monotonic_time(:millisecond)
Process.sleep(2000)
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 2000)
Process.send_after(:timer_target, :hello, 50)
Process.register(self(), :timer_target)
receive do :hello -> IO.puts("named destination") end
IO.inspect(:timer.seconds(2))
