# The :maps functions that take funs, and iterators; the rest of :maps are
# natives (core/bif/maps.c). A map that is not a map raises {:badmap, m},
# a missing key {:badkey, k}, as the BEAM does.
defmodule :maps do
  @moduledoc false

  def fold(fun, acc, map) when is_function(fun, 3) and is_map(map) do
    fold_1(fun, acc, __iteration_list__(map))
  end

  # maps.erl's loop, where a stack trace through :maps.fold shows
  defp fold_1(fun, acc, [{k, v} | rest]), do: fold_1(fun, fun.(k, v, acc), rest) # elixir:411
  defp fold_1(_fun, acc, []), do: acc

  def fold(fun, acc, map), do: bad(map, [fun, acc, map])

  def map(fun, map) when is_function(fun, 2) and is_map(map) do
    :maps.from_list(:lists.map(fn {k, v} -> {k, fun.(k, v)} end, __iteration_list__(map)))
  end

  def map(fun, map), do: bad(map, [fun, map])

  def filter(pred, map) when is_function(pred, 2) and is_map(map) do
    :maps.from_list(:lists.filter(fn {k, v} -> pred.(k, v) end, __iteration_list__(map)))
  end

  def filter(pred, map), do: bad(map, [pred, map])

  def filtermap(fun, map) when is_function(fun, 2) and is_map(map) do
    pairs =
      :lists.filtermap(
        fn {k, v} ->
          case fun.(k, v) do
            true -> true
            false -> false
            {true, new} -> {true, {k, new}}
          end
        end,
        __iteration_list__(map)
      )

    :maps.from_list(pairs)
  end

  def filtermap(fun, map), do: bad(map, [fun, map])

  def foreach(fun, map) when is_function(fun, 2) and is_map(map) do
    :lists.foreach(fn {k, v} -> fun.(k, v) end, __iteration_list__(map))
  end

  def foreach(fun, map), do: bad(map, [fun, map])

  def update_with(key, fun, map) when is_function(fun, 1) and is_map(map) do
    case map do
      %{^key => value} -> :maps.put(key, fun.(value), map)
      _ -> :erlang.error({:badkey, key}, [key, fun, map])
    end
  end

  def update_with(key, fun, map), do: bad(map, [key, fun, map])

  def update_with(key, fun, init, map) when is_function(fun, 1) and is_map(map) do
    case map do
      %{^key => value} -> :maps.put(key, fun.(value), map)
      _ -> :maps.put(key, init, map)
    end
  end

  def update_with(key, fun, init, map), do: bad(map, [key, fun, init, map])

  def merge_with(fun, map1, map2) when is_function(fun, 3) and is_map(map1) and is_map(map2) do
    fold(
      fn k, v2, acc ->
        case acc do
          %{^k => v1} -> :maps.put(k, fun.(k, v1, v2), acc)
          _ -> :maps.put(k, v2, acc)
        end
      end,
      map1,
      map2
    )
  end

  def merge_with(fun, map1, map2) do
    if is_map(map1), do: bad(map2, [fun, map1, map2]), else: bad(map1, [fun, map1, map2])
  end

  def intersect(map1, map2), do: intersect_with(fn _k, _v1, v2 -> v2 end, map1, map2)

  def intersect_with(fun, map1, map2) when is_function(fun, 3) and is_map(map1) and is_map(map2) do
    pairs =
      :lists.filtermap(
        fn {k, v1} ->
          case map2 do
            %{^k => v2} -> {true, {k, fun.(k, v1, v2)}}
            _ -> false
          end
        end,
        :maps.to_list(map1)
      )

    :maps.from_list(pairs)
  end

  def intersect_with(fun, map1, map2) do
    if is_map(map1), do: bad(map2, [fun, map1, map2]), else: bad(map1, [fun, map1, map2])
  end

  def groups_from_list(key_fun, list), do: groups_from_list(key_fun, fn x -> x end, list)

  def groups_from_list(key_fun, value_fun, list)
      when is_function(key_fun, 1) and is_function(value_fun, 1) and is_list(list) do
    groups =
      :lists.foldl(
        fn x, acc ->
          key = key_fun.(x)
          value = value_fun.(x)

          case acc do
            %{^key => vs} -> :maps.put(key, [value | vs], acc)
            _ -> :maps.put(key, [value], acc)
          end
        end,
        %{},
        list
      )

    map(fn _k, vs -> :lists.reverse(vs) end, groups)
  end

  # An iterator is [position | map] (or :none once past the last entry);
  # next/1 walks the map in its order, each step O(log n)
  # (map_walk_at, core/data/map.h).
  def iterator(map) when is_map(map), do: [0 | map]
  def iterator(map), do: bad(map, [map])

  def next(:none), do: :none
  def next({_key, _value, _rest} = step), do: step

  def next([i | map] = iter) when is_integer(i) and is_map(map) do
    case :genlab.map_next(i, map) do
      :error -> :erlang.error(:badarg, [iter])
      step -> step
    end
  end

  def next(iter), do: :erlang.error(:badarg, [iter])

  # The pairs in the order the BEAM's iterators (and so :maps.fold and
  # Elixir's Enum.reduce/3) walk a map: above 32 keys, the reverse of
  # :maps.to_list's. Enum and Map use it too.
  @doc false
  def __iteration_list__(map) when map_size(map) > 32, do: :lists.reverse(:maps.to_list(map))
  def __iteration_list__(map), do: :maps.to_list(map)

  defp bad(map, args) when is_map(map), do: :erlang.error(:badarg, args)
  defp bad(map, args), do: :erlang.error({:badmap, map}, args)
end
