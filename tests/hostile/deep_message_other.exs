# Deep terms go to another process and come back.
deep = Enum.reduce(1..500_000, 0, fn i, acc -> {i, [acc], %{k: i}} end)
echo = spawn(fn -> receive do {from, t} -> send(from, {:back, t}) end end)
send(echo, {self(), deep})
receive do
  {:back, t} -> IO.puts(t === deep)
end
