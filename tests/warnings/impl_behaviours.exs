# Behaviours of the program's own (@callback, @macrocallback,
# @optional_callbacks), defexception's Exception behaviour and defimpl's
# protocol: what a module leaves out or names wrongly.
defmodule Shape do
  @callback area(shape :: term) :: number
  @callback name() :: String.t()
  @callback scale(shape, factor :: number) :: shape when shape: term
  @macrocallback describe(term) :: Macro.t()
  @optional_callbacks scale: 2
end

defmodule Square do
  @behaviour Shape

  @impl true
  def aera(side), do: side * side

  @impl Shape
  def name, do: "square"
end

defmodule Circle do
  @behaviour Shape

  @impl Shape
  def area(r), do: 3 * r * r

  def name, do: "circle"

  defmacro describe(x), do: x
end

defmodule Empty do
  @behaviour Shape
  @impl true
  def describe(x), do: x
end

defmodule Overdrawn do
  defexception [:balance]

  @impl true
  def mesage(e), do: "overdrawn by #{e.balance}"
end

defmodule Point do
  defstruct [:x, :y]
end

defimpl String.Chars, for: Point do
  @impl true
  def to_sting(p), do: "(#{p.x}, #{p.y})"
end

defprotocol Size do
  def size(data)
  def empty?(data)
end

defimpl Size, for: Point do
  def size(_), do: 2
end

IO.puts(Square.aera(3))
