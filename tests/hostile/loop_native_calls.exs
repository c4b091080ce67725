# limit: 10
# expect: {:sleeps_took_under_a_second, true}
# expect: {:call, :pong}
# expect: length charged: true
# expect: {:charged, true, true, true}
# Processes that loop on natives doing work that grows with their input
# (length, :lists.reverse, ++, Enum.member?, term_to_binary, inspect,
# :erlang.phash2 of a 100,000-element list, Map.to_list of such a map,
# :lists.seq of 100,000, :binary.copy of 1 MB): each native charges
# its work as reductions, so they are preempted as Elixir code is and move
# the clock; sleeps and a call around them end in moments. (Charged one
# reduction a call, a 10 ms sleep here took minutes.)
l = Enum.to_list(1..100_000)
{:reductions, r0} = Process.info(self(), :reductions)
_ = length(l)
{:reductions, r1} = Process.info(self(), :reductions)
IO.puts("length charged: #{r1 - r0 > 5_000}")
# a process's reductions once it has done f and waits, less an idle one's
# (phash2, seq and copy; the BEAM's figures: phash2 of 1M integers 31,247,
# seq of 1M about 300,000, copy of 10 MB 3,997)
reductions = fn f ->
  parent = self()
  pid = spawn(fn -> f.(); send(parent, :done); receive do _ -> :ok end end)
  receive do :done -> :ok end
  {:reductions, n} = Process.info(pid, :reductions)
  n
end
idle = reductions.(fn -> :ok end)
charged = fn f -> reductions.(f) - idle end
b = :binary.copy("x", 1_000_000)
IO.inspect({:charged, charged.(fn -> :erlang.phash2(l) end) > 3_000,
            charged.(fn -> :lists.seq(1, 100_000) end) > 25_000,
            charged.(fn -> :binary.copy(b, 10) end) > 3_000})
spin = fn f -> Stream.repeatedly(f) |> Stream.run() end
spawn(fn -> spin.(fn -> length(l) end) end)
spawn(fn -> spin.(fn -> :lists.reverse(l) end) end)
spawn(fn -> spin.(fn -> l ++ [1] end) end)
spawn(fn -> spin.(fn -> Enum.member?(l, :absent) end) end)
spawn(fn -> spin.(fn -> :erlang.term_to_binary(l) end) end)
m = Map.new(l, &{&1, &1})
spawn(fn -> spin.(fn -> Map.to_list(m) end) end)
spawn(fn -> spin.(fn -> inspect(l, limit: :infinity) end) end)
spawn(fn -> spin.(fn -> :erlang.phash2(l) end) end)
spawn(fn -> spin.(fn -> :lists.seq(1, 100_000) end) end)
spawn(fn -> spin.(fn -> :binary.copy(b) end) end)
t0 = System.monotonic_time(:millisecond)
for _ <- 1..3, do: Process.sleep(10)
slept = System.monotonic_time(:millisecond) - t0
IO.inspect({:sleeps_took_under_a_second, slept < 1000})
{:ok, agent} = Agent.start_link(fn -> :pong end)
IO.inspect({:call, Agent.get(agent, & &1, 1000)})
