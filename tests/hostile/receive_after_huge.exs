IO.inspect(try do receive do after 2 ** 59 -> :x end rescue e -> e end)
IO.inspect(try do receive do after -1 -> :x end rescue e -> e end)
IO.inspect(try do receive do after 4_294_967_295 + 1 -> :x end rescue e -> e end)
