defmodule Pipeline do
  def run(items), do: Enum.map(items, &step/1)
  defp step(x) when is_integer(x), do: x * 2
  defp step(x), do: raise(ArgumentError, "cannot process #{inspect(x)}")
end

IO.inspect(Pipeline.run([1, 2]))
IO.inspect(Pipeline.run([1, "two", 3]))
