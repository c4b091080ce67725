# binary_to_term of compressed terms (tag 80) whose size field lies: a forged
# 4 GB claim costs nothing (fuzz_etf found genlab allocating it up front), a
# too large or too small claim, a cut stream, and trailing bytes with :used.
good = :erlang.term_to_binary(String.duplicate("ab", 100), [:compressed])
<<131, 80, n::32, z::binary>> = good
try_decode = fn bin ->
  try do
    IO.inspect(:erlang.binary_to_term(bin))
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end
try_decode.(<<131, 80, 0xFF, 0xFF, 0xFF, 0xFF>> <> z)
try_decode.(<<131, 80, 0x9C, 0xCB, 0x88, 0x61>> <> z)
try_decode.(<<131, 80, (n + 5)::32>> <> z)
try_decode.(<<131, 80, (n - 5)::32>> <> z)
try_decode.(<<131, 80, n::32>> <> binary_part(z, 0, byte_size(z) - 3))
try_decode.(<<131, 80, n::32>>)
IO.inspect(:erlang.binary_to_term(good <> "junk", [:used]))
big = :erlang.term_to_binary(Enum.to_list(1..100_000), [:compressed])
IO.inspect({byte_size(big), :erlang.binary_to_term(big) |> Enum.sum()})
many = :erlang.term_to_binary(:binary.copy("x", 1_000_000), [:compressed])
<<131, 80, _::32, zz::binary>> = many
try_decode.(<<131, 80, 0xFF, 0xFF, 0xFF, 0xFF>> <> zz)
IO.inspect(byte_size(:erlang.binary_to_term(many)))
