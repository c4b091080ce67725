# :erlang.term_to_binary writes the external term format byte for byte; binary_to_term reads it back.
terms = [:a, :"hé", :ok, true, nil, 0, 1, 255, 256, 300, -1, 2_147_483_647, 2_147_483_648, -2_147_483_648,
  -2_147_483_649, Bitwise.bsl(1, 70), -Bitwise.bsl(1, 64), 1.5, -0.0, 3.14159, "ab", "", <<1::3>>, <<255, 7::4>>,
  [], [1, 2], 'ab', [1 | 2], [300], [:a, "b"], {:ok, 1}, {}, %{b: 1, a: 2}, %{},
  %{"k" => [1, 2], {1, 2} => %{nested: true}}, &Enum.map/2, {:state, %{count: 3, items: [1, 2, 3]}},
  Enum.to_list(1..300), List.duplicate(7, 70_000)]

for t <- terms do
  bin = :erlang.term_to_binary(t)
  back = :erlang.binary_to_term(bin)
  IO.inspect({byte_size(bin), back === t})
  if byte_size(bin) < 80, do: IO.inspect(bin)
end

IO.inspect(:erlang.term_to_binary(Map.new(1..40, &{&1, &1})) |> byte_size())
big = Map.new(1..40, &{&1, &1 * 2})
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(big)) == big)
IO.inspect(:erlang.term_to_binary(:a, minor_version: 2))
IO.inspect(:erlang.term_to_binary(:"hé", minor_version: 2))
IO.inspect(:erlang.binary_to_term(<<131, 100, 0, 1, 97>>))
IO.inspect(:erlang.binary_to_term(<<131, 115, 1, 97>>))
IO.inspect(:erlang.binary_to_term(<<131, 119, 2, 195, 169>>))
IO.inspect(:erlang.binary_to_term(<<131, 97, 1, 2, 3>>, [:used]))
IO.inspect(:erlang.binary_to_term(<<131, 100, 0, 2, 111, 107>>, [:safe]))
IO.inspect(try do :erlang.binary_to_term(<<131, 100, 0, 3, 120, 121, 122, 122>>) rescue e -> e end)
IO.inspect(try do :erlang.binary_to_term(<<1, 2, 3>>) rescue e -> e end)
IO.inspect(try do :erlang.binary_to_term(<<131, 104, 2, 97, 1>>) rescue e -> e end)
deep = Enum.reduce(1..100_000, :leaf, fn _, acc -> {acc} end)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(deep)) == deep)
state = %{queue: :queue.from_list([1, 2, 3]), seen: MapSet.new([:x]), pid: self()}
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(state)) == state)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(self())) == self())
r = make_ref()
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(r)) == r)
