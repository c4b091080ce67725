# The collector copies a deep term many times.
deep = Enum.reduce(1..1_000_000, 0, fn _, acc -> {acc, []} end)
:erlang.garbage_collect()
Enum.each(1..5, fn _ -> _ = Enum.to_list(1..100_000) end)
IO.puts(elem(deep, 1) == [])
