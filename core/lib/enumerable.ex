# Enumerable.reduce/3: the one way to walk any enumerable step by step, as
# Elixir's protocol defines it. The accumulator comes tagged {:cont, acc},
# {:halt, acc} or {:suspend, acc}; the answer is {:done, acc},
# {:halted, acc} or {:suspended, acc, continuation}. Streams (%Stream{}
# structs and arity-2 functions) are driven this way, so they can stop
# early, run forever, or be walked in step with others (zip).
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
  def reduce(%Stream{} = stream, acc, fun), do: Stream.__reduce__(stream, acc, fun)
  def reduce(%{__struct__: _} = struct, acc, fun), do: impl!(struct).reduce(struct, acc, fun)
  def reduce(map, acc, fun) when is_map(map), do: reduce_list(:maps.to_list(map), acc, fun)
  def reduce(stream, acc, fun) when is_function(stream, 2), do: stream.(acc, fun)

  def reduce(fun, _acc, _fun) when is_function(fun) do
    raise Protocol.UndefinedError,
      protocol: Enumerable,
      value: fun,
      description: "only anonymous functions of arity 2 are enumerable"
  end

  def reduce(other, acc, fun), do: impl!(other).reduce(other, acc, fun)

  # The rest of the protocol: what a struct's implementation answers; the
  # built-in types answer {:error, module} and are walked by Enum itself.
  def count(list) when is_list(list), do: {:ok, length(list)}
  def count(%Range{} = range), do: {:ok, Enum.count(range)}
  def count(%MapSet{map: map}), do: {:ok, map_size(map)}
  def count(%{__struct__: _} = struct), do: impl!(struct).count(struct)
  def count(map) when is_map(map), do: {:ok, map_size(map)}
  def count(enumerable), do: {:error, impl_for!(enumerable)}

  def member?(%Range{} = range, x), do: {:ok, Enum.member?(range, x)}
  def member?(%MapSet{map: map}, x), do: {:ok, is_map_key(map, x)}
  def member?(%{__struct__: _} = struct, x), do: impl!(struct).member?(struct, x)
  def member?(map, x) when is_map(map), do: {:ok, Enum.member?(map, x)}
  def member?(enumerable, _x), do: {:error, impl_for!(enumerable)}

  def slice(%{__struct__: s} = struct) when s != Range and s != MapSet, do: impl!(struct).slice(struct)
  def slice(enumerable), do: {:error, impl_for!(enumerable)}

  def impl_for(list) when is_list(list), do: Enumerable.List
  def impl_for(%Range{}), do: Enumerable.Range
  def impl_for(%MapSet{}), do: Enumerable.MapSet
  def impl_for(%{__struct__: _} = struct), do: :genlab.protocol_impl(Enumerable, struct, false)
  def impl_for(map) when is_map(map), do: Enumerable.Map
  def impl_for(fun) when is_function(fun), do: Enumerable.Function
  def impl_for(other), do: :genlab.protocol_impl(Enumerable, other, false)

  def impl_for!(data) do
    case impl_for(data) do
      nil -> raise(Protocol.UndefinedError, protocol: Enumerable, value: data)
      impl -> impl
    end
  end

  def __protocol__(:module), do: Enumerable
  def __protocol__(:functions), do: [count: 1, member?: 2, reduce: 3, slice: 1]
  # what defimpl must define (the compiler's warnings about implementations)
  @callback count(t) :: term
  @callback member?(t, term) :: term
  @callback reduce(t, term, term) :: term
  @callback slice(t) :: term
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated

  defp impl!(data), do: :genlab.protocol_impl!(Enumerable, data, false)

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

# Enumerable's implementations for the built-in types: Enumerable itself
# walks them; these are what impl_for/1 names.

defmodule Enumerable.Function do
  def count(enumerable), do: Enumerable.count(enumerable)
  def member?(enumerable, value), do: Enumerable.member?(enumerable, value)
  def reduce(enumerable, acc, fun), do: Enumerable.reduce(enumerable, acc, fun)
  def slice(enumerable), do: Enumerable.slice(enumerable)
  def __impl__(:for), do: Function
  def __impl__(:protocol), do: Enumerable
end

defmodule Enumerable.List do
  def count(enumerable), do: Enumerable.count(enumerable)
  def member?(enumerable, value), do: Enumerable.member?(enumerable, value)
  def reduce(enumerable, acc, fun), do: Enumerable.reduce(enumerable, acc, fun)
  def slice(enumerable), do: Enumerable.slice(enumerable)
  def __impl__(:for), do: List
  def __impl__(:protocol), do: Enumerable
end

defmodule Enumerable.Map do
  def count(enumerable), do: Enumerable.count(enumerable)
  def member?(enumerable, value), do: Enumerable.member?(enumerable, value)
  def reduce(enumerable, acc, fun), do: Enumerable.reduce(enumerable, acc, fun)
  def slice(enumerable), do: Enumerable.slice(enumerable)
  def __impl__(:for), do: Map
  def __impl__(:protocol), do: Enumerable
end

defmodule Enumerable.MapSet do
  def count(enumerable), do: Enumerable.count(enumerable)
  def member?(enumerable, value), do: Enumerable.member?(enumerable, value)
  def reduce(enumerable, acc, fun), do: Enumerable.reduce(enumerable, acc, fun)
  def slice(enumerable), do: Enumerable.slice(enumerable)
  def __impl__(:for), do: MapSet
  def __impl__(:protocol), do: Enumerable
end

defmodule Enumerable.Range do
  def count(enumerable), do: Enumerable.count(enumerable)
  def member?(enumerable, value), do: Enumerable.member?(enumerable, value)
  def reduce(enumerable, acc, fun), do: Enumerable.reduce(enumerable, acc, fun)
  def slice(enumerable), do: Enumerable.slice(enumerable)
  def __impl__(:for), do: Range
  def __impl__(:protocol), do: Enumerable
end

defmodule Enumerable.Stream do
  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _value), do: {:error, __MODULE__}
  def reduce(stream, acc, fun), do: Stream.__reduce__(stream, acc, fun)
  def slice(_stream), do: {:error, __MODULE__}
  def __impl__(:for), do: Stream
  def __impl__(:protocol), do: Enumerable
end
