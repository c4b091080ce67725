# expect: done
# expect: {100, 80, [:crash, :killed]}
# limit: 30
# Off-heap binaries shared by processes, ETS tables, timers and mailboxes,
# whose holders end in every order.
defmodule H do
  def hold(parent) do
    receive do
      {:take, b} -> Process.put(:b, b); hold(parent)
      {:sub, from, len} -> b = Process.get(:b); send(from, binary_part(b, 1, len)); hold(parent)
      {:ets, t} -> :ets.insert(t, {self(), Process.get(:b)}); hold(parent)
      {:append, s} -> Process.put(:b, Process.get(:b) <> s); hold(parent)
      :die -> exit({:dying, Process.get(:b)})
      :crash -> raise "crash #{byte_size(Process.get(:b))}"
      :stop -> :ok
    end
  end
end
Process.flag(:trap_exit, true)
parent = self()
orders = [[:a, :b, :c, :t], [:t, :c, :b, :a], [:b, :t, :a, :c], [:c, :a, :t, :b]]
results =
  for {order, k} <- Enum.with_index(orders), round <- 1..25 do
    big = String.duplicate(<<k, round>>, 500 + round)
    a = spawn_link(fn -> H.hold(parent) end)
    b = spawn_link(fn -> H.hold(parent) end)
    c = spawn(fn -> H.hold(parent) end)
    towner = spawn(fn -> t = :ets.new(:o, [:public, :bag]); send(parent, {:t, t}); receive do :stop -> :ok end end)
    t = receive do {:t, t} -> t end
    for p <- [a, b, c], do: send(p, {:take, big})
    send(a, {:append, "tail"})
    send(b, {:sub, self(), 100})
    sub = receive do s when is_binary(s) -> s end
    for p <- [a, b, c], do: send(p, {:ets, t})
    Process.send_after(c, {:take, big <> "timer"}, 5)
    tref = Process.send_after(self(), {:late, binary_part(big, 0, 80)}, 50)
    if rem(round, 2) == 0, do: Process.cancel_timer(tref)
    :ets.insert(t, {:sub, sub})
    for who <- order do
      case who do
        :a -> send(a, if(rem(round, 3) == 0, do: :crash, else: :die))
        :b -> Process.exit(b, :kill)
        :c -> send(c, :stop)
        :t -> send(towner, :stop)
      end
      Process.sleep(1)
    end
    :erlang.garbage_collect()
    Process.sleep(60)
    late = receive do {:late, l} -> byte_size(l) after 0 -> 0 end
    reasons = for _ <- 1..2, do: (receive do {:EXIT, _, r} -> (case r do {:dying, x} -> byte_size(x); {%RuntimeError{}, _} -> :crash; other -> other end) after 100 -> :none end)
    {byte_size(sub), late, Enum.sort(reasons, &(inspect(&1) <= inspect(&2)))}
  end
IO.inspect(Enum.frequencies(results))
:erlang.garbage_collect()
IO.puts(:done)
