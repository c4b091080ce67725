# Ring hops: a token goes ROUNDS times around a ring of PROCS processes
# (arguments PROCS ROUNDS; ROUNDS 0 only builds the ring).
[procs, rounds] =
  case System.argv() do
    [p, r] -> [String.to_integer(p), String.to_integer(r)]
    _ -> [1000, 200]
  end

defmodule Ring do
  def start(n, hops, parent) do
    first = self()
    next = Enum.reduce(2..n, first, fn _, next -> spawn(fn -> relay(next) end) end)
    send(next, {:token, hops, parent})
    relay(next)
  end

  def relay(next) do
    receive do
      {:token, 0, parent} -> send(parent, :done)
      {:token, k, parent} ->
        send(next, {:token, k - 1, parent})
        relay(next)
    end
  end
end

me = self()
spawn(fn -> Ring.start(procs, procs * rounds, me) end)
receive do :done -> IO.puts(:done) end
