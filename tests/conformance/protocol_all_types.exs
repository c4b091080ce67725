# One protocol implemented for every built-in type, dispatched on each.
defprotocol Kind do
  def kind(term)
end

defimpl Kind, for: Atom do
  def kind(nil), do: "nil"
  def kind(b) when is_boolean(b), do: "boolean"
  def kind(_), do: "atom"
end

defimpl Kind, for: BitString do
  def kind(b) when is_binary(b), do: "binary of #{byte_size(b)}"
  def kind(b), do: "bitstring of #{bit_size(b)}"
end

defimpl Kind, for: Integer do
  def kind(_), do: "integer"
end

defimpl Kind, for: Float do
  def kind(_), do: "float"
end

defimpl Kind, for: List do
  def kind([]), do: "empty list"
  def kind(l), do: "list of #{length(l)}"
end

defimpl Kind, for: Tuple do
  def kind(t), do: "tuple of #{tuple_size(t)}"
end

defimpl Kind, for: Map do
  def kind(m), do: "map of #{map_size(m)}"
end

defimpl Kind, for: Function do
  def kind(f), do: "function of arity #{:erlang.fun_info(f)[:arity]}"
end

defimpl Kind, for: PID do
  def kind(_), do: "pid"
end

defimpl Kind, for: Reference do
  def kind(_), do: "reference"
end

defmodule Main do
  def run do
    values = [nil, true, :ok, "héllo", <<1::3>>, 7, 2.5, [], [1, 2], {1, 2, 3}, %{a: 1},
              fn x, y -> x + y end, &String.upcase/1, self(), make_ref()]

    for v <- values, do: IO.puts(Kind.kind(v))
    IO.inspect(Enum.map([1, "a", [], %{}, 1..2], &Kind.impl_for/1))
    IO.inspect(Kind.impl_for(1..2))
    Kind.kind(MapSet.new([1]))
  end
end

Main.run()
