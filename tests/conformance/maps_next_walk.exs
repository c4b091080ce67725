# :maps.next/1 hands out a flat map's entries all at once and a big map's 32
# at a time, chained {key, value, rest}, as OTP 25 does; a walk of any size
# visits every entry once, in :maps.fold's order.
defmodule C do
  def count({_, _, rest}, n), do: count(rest, n + 1)
  def count(other, n), do: {n, (if is_list(other), do: :path, else: other)}
end
for s <- [0, 2, 33, 40, 100, 1000, 100000] do
  m = Map.new(1..s//1, &{&1,&1})
  r = :maps.next(:maps.iterator(m))
  IO.inspect({s, C.count(r, 0)})
end
IO.inspect(:maps.next(:maps.iterator(%{a: 1, b: 2})))
IO.inspect(:maps.next({:a, 1, :none}))
IO.inspect(:maps.next(:none))
defmodule W do
  def walk(it, acc) do
    case :maps.next(it) do
      :none -> :lists.reverse(acc)
      {k, v, it} -> walk(it, [{k, v} | acc])
    end
  end
end
for n <- [0, 1, 5, 32, 33, 100, 1000, 50_000] do
  m = Map.new(1..n//1, fn i -> {i * 7919, i} end)
  l = W.walk(:maps.iterator(m), [])
  IO.puts("#{n} #{l == :maps.fold(fn k, v, a -> [{k, v} | a] end, [], m) |> :lists.reverse()} #{length(l)}")
end

try do
  :maps.next([99 | %{a: 1}])
rescue
  e -> IO.inspect(e)
end
