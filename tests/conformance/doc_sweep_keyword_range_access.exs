# Keyword.validate!/2 names keys given twice, Range.disjoint?/2 with steps
# answers as Elixir 1.14 does, Access.slice/1 refuses a negative step at
# once, and get_in/2 stops at nil before a function key.
try do
  Keyword.validate!([a: 1, b: 2, a: 3], [:a, :b])
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Keyword.validate!([a: 1, z: 2, a: 3], [:a, :b])
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(Keyword.validate!([b: 5], [:a, b: 1, c: 2]))

for {r1, r2} <- [
      {1..20//4, 3..20//6},
      {0..30//5, 2..30//7},
      {10..1//-3, 2..12//2},
      {1..50//7, 40..3//-9},
      {5..5, 5..5},
      {1..10, 11..20},
      {1..10//2, 2..10//2}
    ] do
  IO.inspect({r1, r2, Range.disjoint?(r1, r2)})
end

list = [:a, :b, :c, :d, :e]
IO.inspect(get_in(list, [Access.slice(1..3)]))
IO.inspect(get_and_update_in(list, [Access.slice(0..4//2)], fn x -> {x, {x}} end))

try do
  Access.slice(4..1//-1)
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(get_in(nil, [Access.all(), :name]))
IO.inspect(get_in(%{list: nil}, [:list, Access.at(0)]))
