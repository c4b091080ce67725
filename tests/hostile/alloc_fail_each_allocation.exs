# limit: 20
# expect: every process ended :normal or :killed: true
# expect: some were killed: true
# expect: 2660
# expect: [0, 0, {:ok, 0}]
# Each allocation a process makes may be the one that fails (genlab's
# fault injection, :genlab.fail_allocation(n): the nth allocation from
# then on fails as if memory had run out). Whichever it is, the process
# that asked ends (:killed, with an out-of-memory report), or one linked
# to it does, and the runtime goes on intact: the same work then succeeds.
defmodule Srv do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call({:put, k, v}, _, s), do: {:reply, :ok, Map.put(s, k, v)}
  def handle_call(:get, _, s), do: {:reply, s, s}
end

tables = fn ->
  t = :ets.new(:t, [:set, :public])
  for i <- 1..300, do: :ets.insert(t, {i, "v#{i}", [i]})
  m = Map.new(1..200, fn i -> {i, Integer.to_string(i)} end)
  pid = spawn(fn -> receive do x -> x end end)
  send(pid, {m, t})
  String.duplicate("ab", 1000) <> inspect(m)
end

services = fn n ->
  {:ok, srv} = GenServer.start_link(Srv, %{})
  for i <- 1..20, do: GenServer.call(srv, {:put, i, "x#{i}"})
  Process.register(self(), :"worker_#{n}")
  ref = Process.send_after(self(), :tick, 10)
  Process.cancel_timer(ref)
  {:ok, agent} = Agent.start_link(fn -> [] end)
  Agent.update(agent, fn l -> [n | l] end)
  Task.async(fn -> Enum.map(1..50, &(&1 * 2)) |> Enum.sum() end) |> Task.await()
  Regex.scan(~r/[a-z]+(\d+)/, "abc12 def34 ghi56")
  String.upcase("héllo wörld") |> String.graphemes() |> Enum.reverse() |> Enum.join()
  :erlang.binary_to_term(:erlang.term_to_binary({GenServer.call(srv, :get), [1.5, :atom, "bin"]}))
  try do raise ArgumentError, "bad #{n}" rescue e -> Exception.message(e) end
  {v, _} = Code.eval_string("a = #{n}; [a, a * 2, {:ok, a}]")
  String.to_atom("dyn_atom_#{rem(n, 50)}")
  inspect(%{list: Enum.to_list(1..30), tuple: {1, 2.0, "three"}}, pretty: true)
  mon = spawn(fn -> exit(:bye) end)
  Process.monitor(mon)
  receive do {:DOWN, _, _, _, _} -> :ok end
  for <<c <- "binary comprehension">>, into: "", do: <<c + 1>>
  v
end

run = fn work, upto ->
  for n <- 1..upto do
    {pid, ref} = spawn_monitor(fn -> :genlab.fail_allocation(n); work.(n); :genlab.fail_allocation(0) end)
    receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
  end
end

results = run.(fn _ -> tables.() end, 1000) ++ run.(services, 1500)
IO.puts("every process ended :normal or :killed: #{Enum.all?(results, &(&1 in [:normal, :killed]))}")
IO.puts("some were killed: #{Enum.count(results, &(&1 == :killed)) > 500}")
:genlab.fail_allocation(0)
IO.inspect(byte_size(tables.()))
IO.inspect(services.(0))
