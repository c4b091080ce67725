# Ring hops: a token goes 200 times around a ring of 1,000 processes.
defmodule Ring do
  def start(n, parent) do
    first = self()
    next = Enum.reduce(2..n, first, fn _, next -> spawn(fn -> relay(next) end) end)
    send(next, {:token, n * 200, parent})
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
spawn(fn -> Ring.start(1000, me) end)
receive do :done -> IO.puts(:done) end
