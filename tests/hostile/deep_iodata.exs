# Deeply nested iodata.
deep = Enum.reduce(1..1_000_000, "a", fn _, acc -> [acc] end)
IO.inspect(IO.iodata_length(deep))
IO.inspect(IO.iodata_to_binary(deep))
IO.inspect(length(List.flatten(deep)))
