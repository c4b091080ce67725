defmodule Stack do
  def pop([head | tail]), do: {head, tail}
  def push(stack, item) when is_list(stack), do: [item | stack]
  defp priv(:ok), do: :ok
  def call_priv(x), do: priv(x)
end

show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end

show.(fn -> Stack.pop([]) end)
show.(fn -> Stack.push(:not_a_list, 1) end)
show.(fn -> Stack.call_priv(:error) end)
show.(fn -> Enum.map(:not_enumerable_atom_is_protocol, & &1) end)
show.(fn -> String.upcase(123) end)
show.(fn -> Integer.to_string(1.5) end)
show.(fn -> List.first(:x) end)
show.(fn -> apply(Stack, :pop, [nil]) end)
IO.puts("done")
