# The default inspect of a deep list.
deep = Enum.reduce(1..1_000_000, [], fn _, acc -> [acc] end)
IO.puts(byte_size(inspect(deep)))
