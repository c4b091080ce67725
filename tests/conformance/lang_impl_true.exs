defmodule Shape do
  @callback area(term()) :: number()
  @callback name() :: String.t()
end

defmodule Square do
  @behaviour Shape

  @impl true
  def area(side), do: side * side

  @impl true
  def name, do: "square"

  def helper, do: :not_a_callback
end

defmodule Circle do
  @behaviour Shape

  @impl Shape
  def area(r), do: Float.round(3.14159 * r * r, 2)

  @impl Shape
  def name, do: "circle"
end

for mod <- [Square, Circle] do
  IO.puts("#{mod.name()}: #{mod.area(2)}")
end
IO.inspect(Square.helper())
