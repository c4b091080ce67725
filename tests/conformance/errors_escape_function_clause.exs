defmodule Stack do
  def pop([head | tail]), do: {:ok, head, tail}
end

IO.inspect(Stack.pop([1, 2]))
Stack.pop([])
