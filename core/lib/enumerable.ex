# Enumerable.reduce/3: the one way to walk any enumerable step by step, as
# Elixir's protocol defines it. The accumulator comes tagged {:cont, acc},
# {:halt, acc} or {:suspend, acc}; the answer is {:done, acc},
# {:halted, acc} or {:suspended, acc, continuation}. Streams (arity-2
# functions) are driven this way, so they can stop early, run forever, or
# be walked in step with others (zip).
defmodule Enumerable do
  @moduledoc false

  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%Range{first: first, last: last, step: step}, acc, fun) do
    if (step > 0 and first > last) or (step < 0 and first < last) do
      reduce_list([], acc, fun)
    else
      reduce_range(first, last, step, acc, fun)
    end
  end

  def reduce(%MapSet{map: map}, acc, fun), do: reduce_list(:maps.keys(map), acc, fun)
  def reduce(%{__struct__: _} = struct, _acc, _fun), do: raise(Protocol.UndefinedError, protocol: Enumerable, value: struct)
  def reduce(map, acc, fun) when is_map(map), do: reduce_list(:maps.to_list(map), acc, fun)
  def reduce(stream, acc, fun) when is_function(stream, 2), do: stream.(acc, fun)

  def reduce(fun, _acc, _fun) when is_function(fun) do
    raise Protocol.UndefinedError,
      protocol: Enumerable,
      value: fun,
      description: "only anonymous functions of arity 2 are enumerable"
  end

  def reduce(other, _acc, _fun), do: raise(Protocol.UndefinedError, protocol: Enumerable, value: other)

  defp reduce_list(_list, {:halt, acc}, _fun), do: {:halted, acc}
  defp reduce_list(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce_list(list, &1, fun)}
  defp reduce_list([], {:cont, acc}, _fun), do: {:done, acc}
  defp reduce_list([h | t], {:cont, acc}, fun), do: reduce_list(t, fun.(h, acc), fun)

  defp reduce_range(_x, _last, _step, {:halt, acc}, _fun), do: {:halted, acc}

  defp reduce_range(x, last, step, {:suspend, acc}, fun),
    do: {:suspended, acc, &reduce_range(x, last, step, &1, fun)}

  defp reduce_range(x, last, step, {:cont, acc}, fun) do
    if (step > 0 and x > last) or (step < 0 and x < last) do
      {:done, acc}
    else
      reduce_range(x + step, last, step, fun.(x, acc), fun)
    end
  end
end
