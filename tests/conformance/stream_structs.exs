# Stream's one-to-one functions answer %Stream{} structs that inspect as
# Elixir's do (the stages in the order they run, each fun named as
# Elixir 1.14 names it); the generators and flat_map/transform/zip answer
# functions. Both kinds compose, suspend (zip) and halt.
IO.inspect(Stream.map(1..3, & &1))
IO.puts(inspect(Stream.map(1..3, & &1)))
IO.inspect(Stream.filter(1..10, &(rem(&1, 2) == 0)) |> Stream.map(&(&1 * 2)) |> Stream.take(3))
IO.inspect(Stream.take(Stream.map(1..3, & &1), 2) |> Stream.map(& &1), limit: 3)
IO.inspect(Stream.map([1], & &1), pretty: true, width: 20)
IO.inspect([
  Stream.take([1], 0),
  Stream.drop([1], 2),
  Stream.drop([1], -1),
  Stream.with_index([1]),
  Stream.chunk_every([1], 2),
  Stream.each([1], & &1),
  Stream.reject([1], & &1),
  Stream.uniq([1]),
  Stream.dedup([1]),
  Stream.scan([1], &+/2),
  Stream.scan([1], 0, &+/2),
  Stream.take_while([1], & &1),
  Stream.drop_while([1], & &1),
  Stream.map_every([1], 2, & &1),
  Stream.map_every([1], 0, & &1),
  Stream.take_every([1], 0),
  Stream.take_every([1], 2),
  Stream.drop_every([1], 0),
  Stream.drop_every([1], 2),
  Stream.chunk_by([1], & &1),
  Stream.dedup_by([1], & &1)
])
IO.inspect([
  Stream.flat_map([1], &[&1]),
  Stream.concat([1], [2]),
  Stream.zip([1], [2]),
  Stream.zip([[1], [2]]),
  Stream.zip_with([1], [2], &+/2),
  Stream.iterate(1, & &1),
  Stream.cycle([1]),
  Stream.repeatedly(fn -> 1 end),
  Stream.unfold(1, fn _ -> nil end),
  Stream.intersperse([1], 0),
  Stream.transform([1], 0, fn x, a -> {[x], a} end),
  Stream.resource(fn -> 1 end, fn a -> {:halt, a} end, fn _ -> :ok end),
  Stream.into([1], []),
  Stream.take([1], -1),
  Stream.duplicate(1, 3),
  Stream.interval(10),
  Stream.timer(10)
])
IO.inspect(Stream.chunk_every([1], 2) |> Stream.map(& &1))
IO.inspect(Stream.map([1], & &1) |> Stream.chunk_every(2))
IO.inspect(Stream.drop(Stream.map([1], & &1), -1))
IO.inspect(Stream.map(1..3, & &1) |> Stream.map(& &1) |> Stream.map(& &1))

s = Stream.map(1..3, &(&1 * 10))
IO.inspect({s.__struct__, is_function(s), Map.keys(s), is_struct(s, Stream)})
IO.inspect(Enumerable.count(s))
IO.inspect(Enumerable.member?(s, 10))
IO.inspect(Enumerable.slice(s))
IO.inspect(Enumerable.impl_for(s))
IO.inspect(Enum.count(s))
IO.inspect(Enum.member?(s, 20))
IO.inspect(Enum.at(s, 2))
IO.inspect(Enum.to_list(s))

# running them
IO.inspect(Stream.map([1, 2, 3], & &1) |> Stream.take(2) |> Stream.take(5) |> Enum.to_list())
IO.inspect(Stream.chunk_every(1..10, 3) |> Enum.take(2))
IO.inspect(Stream.chunk_every(1..10, 3) |> Stream.take(2) |> Enum.to_list())
IO.inspect(1..10 |> Stream.take(5) |> Stream.chunk_every(2) |> Enum.to_list())
IO.inspect(1..7 |> Stream.chunk_every(3, 2, [:pad]) |> Enum.to_list())
IO.inspect(1..4 |> Stream.chunk_every(2, 1) |> Enum.to_list())
IO.inspect(1..6 |> Stream.chunk_every(2, 3, :discard) |> Enum.to_list())
IO.inspect(Stream.zip(Stream.chunk_every(1..5, 2), Stream.map(1..10, & &1)) |> Enum.to_list())
IO.inspect(Stream.zip(Stream.with_index(1..3), Stream.take(Stream.cycle([:a, :b]), 5)) |> Enum.to_list())
IO.inspect(1..10 |> Stream.drop(-3) |> Enum.to_list())
IO.inspect(1..10 |> Stream.drop(3) |> Stream.take_every(2) |> Enum.to_list())
IO.inspect(1..10 |> Stream.drop_every(3) |> Stream.map_every(2, &(-&1)) |> Enum.to_list())
IO.inspect([1, 1, 2, 2, 3, 1] |> Stream.dedup() |> Stream.uniq() |> Stream.with_index(1) |> Enum.to_list())
IO.inspect(1..5 |> Stream.scan(&+/2) |> Stream.drop_while(&(&1 < 5)) |> Stream.take_while(&(&1 < 15)) |> Enum.to_list())
IO.inspect(Stream.iterate(1, &(&1 * 2)) |> Stream.map(&(&1 + 1)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.take(4))
IO.inspect(Stream.chunk_by([1, 1, 2, 3, 3], & &1) |> Stream.flat_map(& &1) |> Enum.to_list())
IO.inspect(Stream.each(1..3, &send(self(), {:seen, &1})) |> Stream.take(2) |> Stream.run())
IO.inspect(:erlang.process_info(self(), :messages))
IO.inspect(Stream.map(1..3, & &1) |> Enum.zip(Stream.map(4..6, & &1)))
IO.inspect(for x <- Stream.map(1..3, &(&1 * 2)), do: x + 1)
IO.inspect(Stream.map(1..3, & &1) |> Enum.into(MapSet.new()))
IO.inspect(Stream.map(%{a: 1}, fn {k, v} -> {v, k} end) |> Map.new())
