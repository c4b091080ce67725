# spawn + exit: 100,000 processes, each started, run and waited for.
parent = self()
Enum.each(1..100_000, fn i -> spawn(fn -> send(parent, i) end) end)
sum = Enum.reduce(1..100_000, 0, fn _, acc -> receive do i -> acc + i end end)
IO.puts(sum)
