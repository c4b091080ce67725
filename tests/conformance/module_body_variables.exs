# Variables bound in a module body are seen by the statements after them,
# and by attributes' values.
defmodule Shapes do
  sides = %{triangle: 3, square: 4}
  IO.inspect(sides, label: "body")
  sides = Map.put(sides, :pentagon, 5)
  @sides sides
  count = map_size(sides)
  @count count * 10

  def sides, do: @sides
  def count, do: @count
end

IO.inspect(Shapes.sides())
IO.inspect(Shapes.count())

defmodule Outer do
  x = 1
  {a, b} = {x + 1, x + 2}
  IO.inspect({x, a, b})
  case a do
    2 -> IO.puts("two")
  end
  IO.inspect(binding() |> Enum.sort())
end
