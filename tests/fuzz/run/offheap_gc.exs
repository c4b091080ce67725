# off-heap binaries under collection, term_to_binary, and heap limits
l = for i <- 1..300, do: String.duplicate(<<rem(i, 256)>>, 100)
:erlang.garbage_collect()
IO.inspect(length(Enum.uniq(l)))
e = :erlang.term_to_binary(l)
IO.inspect(:erlang.binary_to_term(e) == l)
bs = for <<c <- String.duplicate("abc", 50)>>, into: <<>>, do: <<c + 1>>
IO.inspect(byte_size(bs))
Process.flag(:max_heap_size, 1000)
IO.inspect(byte_size(String.duplicate("h", 100_000)))
