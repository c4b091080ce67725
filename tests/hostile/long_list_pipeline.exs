# limit: 60
# expect: 6000000
# A long list built through a Stream pipeline, then a longer one: a burst
# of allocation leaves the young generation in many chunks, which a minor
# collection walked for every pointer (it ran for minutes); the default
# heap limit leaves room for lists of millions of elements.
IO.inspect(1..3_000_000 |> Stream.transform(0, fn x, a -> {[x, x], a} end) |> Enum.to_list() |> length())
IO.inspect(length(Enum.to_list(1..8_000_000)))
