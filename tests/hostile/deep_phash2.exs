# phash2 walks a deep term.
deep = Enum.reduce(1..1_000_000, 0, fn _, acc -> [acc] end)
h = :erlang.phash2(deep)
IO.puts(is_integer(h) and h >= 0 and h < 134_217_728)
IO.puts(:erlang.phash2(deep) == h)
