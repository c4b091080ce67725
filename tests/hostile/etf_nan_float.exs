# binary_to_term of a NaN or infinite NEW_FLOAT_EXT is no term (badarg), as
# on the BEAM; fuzz_etf found genlab decoding one into a float it could not show.
for bits <- [<<255, 255, 255, 255, 255, 255, 255, 255>>, <<0x7F, 0xF0, 0, 0, 0, 0, 0, 0>>, <<0xFF, 0xF0, 0, 0, 0, 0, 0, 0>>] do
  try do
    IO.inspect(:erlang.binary_to_term(<<131, 70>> <> bits))
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end
IO.inspect(:erlang.binary_to_term(<<131, 70, 63, 248, 0, 0, 0, 0, 0, 0>>))
IO.inspect(:erlang.binary_to_term(<<131, 70, 255, 255, 255, 255, 255, 255, 255, 255>>))
