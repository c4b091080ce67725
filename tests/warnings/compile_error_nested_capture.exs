# A capture inside a capture: Elixir refuses it, with the stack of its escaping
# of the arguments.
doubled = Enum.map([[1, 2]], &Enum.map(&1, &(&1 * 2)))
IO.inspect(doubled)
