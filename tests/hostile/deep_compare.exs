# Equality and ordering of two deep terms built apart.
a = Enum.reduce(1..1_000_000, 1, fn _, acc -> {acc} end)
b = Enum.reduce(1..1_000_000, 1, fn _, acc -> {acc} end)
c = Enum.reduce(1..1_000_000, 2, fn _, acc -> {acc} end)
IO.inspect({a == b, a === b, a < c, c > b, a == c})
