# Stream.chunk_every against Enum.chunk_every for every small count, step and leftover.
for n <- 1..7, c <- 1..4, s <- 1..4 do
  {n, c, s, Stream.chunk_every(Enum.to_list(1..n), c, s) |> Enum.to_list(), Stream.chunk_every(Enum.to_list(1..n), c, s, [:p]) |> Enum.to_list()}
end |> IO.inspect(limit: :infinity)
