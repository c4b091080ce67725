# Inspecting a deep term prints it without recursing in C.
deep = Enum.reduce(1..100_000, :x, fn _, acc -> {acc} end)
s = inspect(deep, limit: :infinity)
IO.puts(byte_size(s))
IO.puts(String.slice(s, 0, 10))
