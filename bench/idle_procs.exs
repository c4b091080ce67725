# N idle processes, each waiting in receive: the resident memory each adds.
n = String.to_integer(List.first(System.argv()) || "1000000")
pids = Enum.map(1..n//1, fn _ -> spawn(fn -> receive do :stop -> :ok end end) end)
IO.puts(length(pids))
