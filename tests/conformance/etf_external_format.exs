# :erlang.term_to_binary byte for byte (integers, big integers, floats, atoms, binaries, lists, maps, compressed, minor_version), binary_to_term, external_size.
# term_to_binary byte-exact
terms = [1, -1, 255, 256, 70000, -70000, 2**40, -(2**70), 2**300, 1.5, -0.0, 3.14159, 1.0e300, :a, :"été", "bin", <<1::3>>, [], [1,2], [1|2], 'abc', {}, {1, :a}, %{}, %{a: 1, b: 2}, %{1 => 2, "x" => [3]}, Map.new(1..40, &{&1, &1}), fn x -> x end |> is_function(), nil, true, String.duplicate("a", 300), Enum.to_list(1..300), {1,2,3,4,5,6,7,8,9,10}]
for t <- terms do
  IO.inspect({t, :erlang.term_to_binary(t)}, limit: :infinity, printable_limit: 40)
  ^t = :erlang.binary_to_term(:erlang.term_to_binary(t))
end
IO.inspect :erlang.term_to_binary(%{a: 1}, [:compressed])
IO.inspect :erlang.term_to_binary(:hello, minor_version: 1)
IO.inspect :erlang.term_to_binary(1.5, minor_version: 0)
IO.inspect byte_size(:erlang.term_to_binary(String.duplicate("ab", 1000), compressed: 9))
IO.inspect :erlang.binary_to_term(:erlang.term_to_binary(String.duplicate("ab", 1000), [:compressed])) |> byte_size()
IO.inspect :erlang.external_size(%{a: [1, 2]})
try do
  :erlang.binary_to_term(<<131, 200>>)
rescue
  e -> IO.inspect(e)
end
IO.inspect :erlang.binary_to_term(<<131, 100, 0, 3, 97, 98, 99>>)
IO.inspect :erlang.binary_to_term(<<131, 119, 3, 97, 98, 99, 1, 2>>, [:used])
