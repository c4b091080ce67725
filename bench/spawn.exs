# spawn + send + exit: N processes, each started, run and waited for.
n = String.to_integer(List.first(System.argv()) || "100000")
parent = self()
Enum.each(1..n//1, fn i -> spawn(fn -> send(parent, i) end) end)
sum = Enum.reduce(1..n//1, 0, fn _, acc -> receive do i -> acc + i end end)
IO.puts(sum)
