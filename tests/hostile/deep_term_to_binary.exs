# The external term format of a deep term.
deep = Enum.reduce(1..100_000, 0, fn _, acc -> {acc} end)
b = :erlang.term_to_binary(deep)
IO.inspect(byte_size(b))
