# A name no variable has, in a fn: Elixir warns, then fails with the
# expander's frames.
numbers = [1, 2, 3]
doubled = Enum.map(numbers, fn n -> n * factor end)
IO.inspect(doubled)
