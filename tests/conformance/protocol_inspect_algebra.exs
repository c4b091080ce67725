# @derive {Inspect, only:/except:} and a defimpl Inspect built with
# Inspect.Algebra: limits, nesting, structs: false, to_doc, container_doc,
# Inspect.Opts, Inspect.Any/Map and impl_for.
defmodule U do
  @derive {Inspect, only: [:a, :b, :c]}
  defstruct [:a, :b, :c, :d]
end
defmodule V do
  @derive {Inspect, except: [:pass]}
  defstruct [:name, :pass, :age]
end
defmodule P do
  defstruct [:x, :y]
  defimpl Inspect do
    import Inspect.Algebra
    def inspect(%P{x: x, y: y}, opts) do
      concat(["#P<", to_doc(x, opts), ", ", to_doc(y, opts), ">"])
    end
  end
end
defmodule Main do
def main do
IO.inspect %U{a: String.duplicate("x", 30), b: String.duplicate("y", 30), c: String.duplicate("z", 30)}
IO.inspect %U{a: 1, b: 2, c: 3}, limit: 2
IO.inspect %U{a: 1, b: 2, c: 3}, limit: 0
IO.inspect %U{a: [1,2,3], b: 2, c: 3}, limit: 2
IO.inspect {%U{a: [1,2,3], b: 2, c: 3}}, limit: 1
IO.inspect %V{name: "n", pass: "secret", age: 3}
IO.inspect %P{x: 1, y: [1, 2]}
IO.inspect [%P{x: %P{x: :a, y: "b"}, y: %U{a: 1}}, 2]
IO.puts inspect(%P{x: 1, y: %V{}})
IO.inspect %P{x: 1, y: 2}, structs: false
IO.inspect Inspect.Algebra.container_doc("[", [1,2], "]", %Inspect.Opts{}, fn x, _ -> Integer.to_string(x) end)
IO.inspect Inspect.Algebra.to_doc(%{a: 1}, %Inspect.Opts{})
IO.inspect Inspect.Algebra.to_doc([1, :a, "s"], %Inspect.Opts{})
IO.inspect Inspect.Algebra.to_doc(%U{}, %Inspect.Opts{})
IO.inspect %Inspect.Opts{}
IO.inspect Inspect.Algebra.color("a", :atom, %Inspect.Opts{syntax_colors: [atom: :cyan]})
IO.inspect Inspect.Any.inspect(%P{x: 1}, %Inspect.Opts{})
IO.inspect Inspect.inspect(%P{x: 1}, %Inspect.Opts{})
IO.inspect Inspect.impl_for(%P{}), label: "impl"
IO.inspect Inspect.impl_for(1), label: "impl"
end
end
Main.main
defmodule Main2 do
  def main do
    IO.inspect Inspect.Map.inspect(%P{x: %P{x: 1, y: 2}}, %Inspect.Opts{}) |> Inspect.Algebra.format(80) |> IO.iodata_to_binary()
    IO.inspect Inspect.Integer.inspect(5, %Inspect.Opts{})
    IO.inspect Inspect.impl_for(%U{})
    IO.inspect Inspect.impl_for(%{})
  end
end
Main2.main
