# Protocol dispatch through Enum: Enum.map over a user struct that
# implements Enumerable (a countdown of N elements, walked by its reduce).
n = String.to_integer(List.first(System.argv()) || "200000")

defmodule Countdown do
  defstruct from: 0

  defimpl Enumerable do
    def reduce(_c, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}
    def reduce(%Countdown{from: k}, {:cont, acc}, fun), do: reduce(%Countdown{from: k - 1}, fun.(k, acc), fun)
    def count(_c), do: {:error, __MODULE__}
    def member?(_c, _x), do: {:error, __MODULE__}
    def slice(_c), do: {:error, __MODULE__}
  end
end

defmodule Bench do
  def run(n), do: Enum.sum(Enum.map(%Countdown{from: n}, &(&1 * 2)))
end

IO.puts(Bench.run(n))
