# ~P and ~W with a depth, as io_lib writes them: containers at depth 1, tails, maps, binaries, printable strings under ~P.
terms = [{[1, [2, [3, [4]]]], 3}, {[1, [2, [3, [4]]]], 4}, {[[[[1]]]], 2}, {{:a, {:b, {:c, {:d}}}}, 3}, {[1, 2, 3, 4, 5], 3}, {%{a: [1, 2, 3]}, 3},
  {[:a, :b | :c], 2}, {{1, 2, 3, 4}, 2}, {[[1]], 1}, {[], 1}, {{}, 1}, {%{}, 1}, {%{a: 1, b: 2, c: 3}, 2}, {%{a: 1, b: 2}, 1}, {%{a: {1, 2}}, 2},
  {'abc', 1}, {<<1, 2, 3>>, 1}, {[1, 2], 1}, {[1 | 2], 2}, {<<1, 2, 3, 4, 5>>, 3}, {<<1, 2, 3>>, 2}, {"abcdef", 3}, {<<1, 2, 3>>, 5},
  {'abcdef', 3}, {[:a, 'bc', :d], 2}, {%{a: [1, 2], b: 2}, 3}, {<<1, 2, 3::4>>, 3}, {{1, 2}, 3}, {{1, 2}, 2}]
for {t, d} <- terms, do: :io.format("~P|~W~n", [t, d, t, d])
IO.inspect :io_lib.write([1, [2, [3]]], 2) |> IO.chardata_to_string()
