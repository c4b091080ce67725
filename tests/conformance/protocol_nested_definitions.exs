# Protocols and implementations defined inside modules: a nested
# defprotocol is named under its module and aliased there, defimpl
# without for: implements the enclosing struct, @for and @protocol are
# set in the implementation, for: takes a list of structs.
defmodule Shapes do
  defprotocol Shape do
    @doc "the area"
    def area(shape)
    def name(shape)
  end

  defmodule Circle do
    defstruct r: 1

    defimpl Shape do
      def area(%{r: r}), do: Float.round(3.14159 * r * r, 2)
      def name(_), do: "circle of #{inspect(@for)} under #{inspect(@protocol)}"
    end
  end

  defmodule Rect do
    defstruct w: 1, h: 1
  end

  defmodule Square do
    defstruct w: 1
  end

  defimpl Shape, for: [Rect, Square] do
    def area(%Rect{w: w, h: h}), do: w * h
    def area(%Square{w: w}), do: w * w
    def name(shape), do: "#{inspect(@for)}: #{inspect(shape)}"
  end

  def total(shapes), do: shapes |> Enum.map(&Shape.area/1) |> Enum.sum()
end

defmodule Main do
  alias Shapes.{Circle, Rect, Square, Shape}

  def run do
    shapes = [%Circle{r: 2}, %Rect{w: 2, h: 3}, %Square{w: 4}]
    for s <- shapes, do: IO.puts("#{Shape.name(s)} -> #{Shape.area(s)}")
    IO.inspect(Shapes.total(shapes))
    IO.inspect(Enum.map(shapes, &Shape.impl_for/1))
    IO.inspect(Shape.__protocol__(:module))
    IO.inspect(Shapes.Shape.Shapes.Square.__impl__(:for))
    IO.inspect(Shape.Shapes.Circle.area(%Circle{r: 1}))
  end
end

Main.run()
