# off-heap binaries: built, appended in place, sub-binaries, matched
a = String.duplicate("ab", 40)
b = a <> "c"
c = b <> String.duplicate("d", 100)
<<head::binary-size(70), rest::binary>> = c
IO.inspect({byte_size(head), byte_size(rest), :binary.referenced_byte_size(head)})
acc = Enum.reduce(1..50, <<>>, fn i, acc -> acc <> Integer.to_string(i) <> String.duplicate("z", 7) end)
IO.inspect(byte_size(acc))
part = binary_part(acc, 10, 80)
IO.inspect(:binary.copy(part) == part)
