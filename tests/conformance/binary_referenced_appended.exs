# :binary.referenced_byte_size of appended binaries: a writable binary of twice
# the size and at least 256 bytes, grown to twice what it must hold when full
# (genlab keeps results under 64 bytes exact, where the BEAM's are writable
# binaries of 256 bytes too: none here).
b = "abc"
b2 = b <> :binary.copy("x", 100)
IO.inspect({byte_size(b2), :binary.referenced_byte_size(b2)})
b3 = b2 <> "y"
IO.inspect({byte_size(b3), :binary.referenced_byte_size(b3)})
acc = Enum.reduce(1..100, <<>>, fn _, a -> a <> "z" end)
IO.inspect({byte_size(acc), :binary.referenced_byte_size(acc)})
acc2 = Enum.reduce(1..1000, <<>>, fn _, a -> a <> "zz" end)
IO.inspect({byte_size(acc2), :binary.referenced_byte_size(acc2)})
big = :binary.copy("q", 100)
acc3 = big <> "r"
IO.inspect({byte_size(acc3), :binary.referenced_byte_size(acc3)})
acc4 = Enum.reduce(1..10, :binary.copy("w", 70), fn _, a -> a <> "!" end)
IO.inspect({byte_size(acc4), :binary.referenced_byte_size(acc4)})
s = binary_part(acc2, 0, 10)
IO.inspect({byte_size(s), :binary.referenced_byte_size(s)})
