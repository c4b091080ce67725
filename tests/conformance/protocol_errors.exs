# Protocol.UndefinedError as each protocol raises it.
defmodule Plain do
  defstruct [:x]
end

defprotocol Shape do
  def area(shape)
end

defmodule Main do
  def attempt(label, fun) do
    try do
      fun.()
    rescue
      e in Protocol.UndefinedError ->
        IO.puts("#{label}: #{Exception.message(e)}")
        IO.inspect({e.protocol, e.value}, label: label)
    end
  end

  def run do
    attempt("enum", fn -> Enum.map(%Plain{x: 1}, & &1) end)
    attempt("enum int", fn -> Enum.count(42) end)
    attempt("enum tuple", fn -> Enum.to_list({1, 2}) end)
    attempt("enum fun", fn -> Enum.to_list(&String.upcase/1) end)
    attempt("string", fn -> to_string(%Plain{x: 2}) end)
    attempt("string map", fn -> "#{%{a: 1}}" end)
    attempt("collect", fn -> Enum.into([1], %Plain{}) end)
    attempt("collect tuple", fn -> Enum.into([1], {}) end)
    attempt("for into", fn -> for x <- [1], into: %Plain{}, do: x end)
    attempt("shape", fn -> Shape.area(%Plain{}) end)
    attempt("shape nil", fn -> Shape.area(nil) end)
    IO.inspect(Shape.impl_for(%Plain{}))
    Shape.impl_for!(:circle)
  end
end

Main.run()
