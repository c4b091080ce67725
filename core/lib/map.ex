defmodule Map do
  # Maps, on top of the :maps BIFs (those that take no funs).

  def new, do: %{}

  def new(%{__struct__: _} = struct), do: new_from_list(Enum.to_list(struct))
  def new(map) when is_map(map), do: map
  def new(enumerable), do: new_from_list(Enum.to_list(enumerable))

  def new(map, transform) when is_map(map) and not is_map_key(map, :__struct__) and is_function(transform, 1),
    do: new_transform(:maps.__iteration_list__(map), transform, [])

  def new(enumerable, transform) when is_function(transform, 1), do: new_from_enum(enumerable, transform)

  # As Elixir's: the pairs are Enum.map's (a range or a stream is walked
  # with no list of its elements first)
  defp new_from_enum(enumerable, transform), do: new_from_list(Enum.map(enumerable, transform))

  # Built in one pass; a bad entry raises a plain ArgumentError, as on the BEAM.
  defp new_from_list(list), do: :maps.from_list(list)

  defp new_transform([], _transform, acc), do: new_from_list(:lists.reverse(acc))
  defp new_transform([h | t], transform, acc), do: new_transform(t, transform, [transform.(h) | acc])

  def keys(map), do: :maps.keys(map)
  def values(map), do: :maps.values(map)
  def to_list(map), do: :maps.to_list(map)

  def size(map), do: map_size(map)

  def has_key?(map, key), do: :maps.is_key(key, map)

  def fetch(map, key), do: :maps.find(key, map)

  def fetch!(map, key) do
    case map do
      %{^key => value} -> value
      %{} -> raise KeyError, key: key, term: map
      other -> :erlang.error({:badmap, other})
    end
  end

  def get(map, key, default \\ nil) do
    case map do
      %{^key => value} -> value
      %{} -> default
      other -> :erlang.error({:badmap, other}, [map, key, default]) # elixir:534
    end
  end

  def get_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => value} -> value
      %{} -> fun.()
      other -> :erlang.error({:badmap, other})
    end
  end

  def put(map, key, value), do: :maps.put(key, value, map)

  def put_new(map, key, value) do
    case map do
      %{^key => _} -> map
      %{} -> :maps.put(key, value, map)
      other -> :erlang.error({:badmap, other})
    end
  end

  def put_new_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => _} -> map
      %{} -> :maps.put(key, fun.(), map)
      other -> :erlang.error({:badmap, other})
    end
  end

  def replace(map, key, value) do
    case map do
      %{^key => _} -> %{map | key => value}
      %{} -> map
      other -> :erlang.error({:badmap, other})
    end
  end

  def replace!(map, key, value) do
    case map do
      %{^key => _} -> %{map | key => value}
      %{} -> raise KeyError, key: key, term: map
      other -> :erlang.error({:badmap, other})
    end
  end

  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      %{} -> map
    end
  end

  def delete(map, key), do: :maps.remove(key, map)

  def drop(map, keys) when is_map(map) and is_list(keys), do: drop_keys(keys, map)
  def drop(map, keys) when is_map(map), do: drop_keys(Enum.to_list(keys), map)
  def drop(non_map, _keys), do: :erlang.error({:badmap, non_map})

  defp drop_keys([], map), do: map
  defp drop_keys([key | rest], map), do: drop_keys(rest, :maps.remove(key, map))

  def take(map, keys) when is_map(map) and is_list(keys), do: take_keys(keys, map, [])
  def take(map, keys) when is_map(map), do: take_keys(Enum.to_list(keys), map, [])
  def take(non_map, _keys), do: :erlang.error({:badmap, non_map})

  defp take_keys([], _map, acc), do: :maps.from_list(acc)

  defp take_keys([key | rest], map, acc) do
    case map do
      %{^key => value} -> take_keys(rest, map, [{key, value} | acc])
      %{} -> take_keys(rest, map, acc)
    end
  end

  def split(map, keys) when is_map(map) and is_list(keys), do: split_keys(keys, map, [])
  def split(map, keys) when is_map(map), do: split_keys(Enum.to_list(keys), map, [])
  def split(non_map, _keys), do: :erlang.error({:badmap, non_map})

  defp split_keys([], rest, acc), do: {:maps.from_list(acc), rest}

  defp split_keys([key | keys], rest, acc) do
    case rest do
      %{^key => value} -> split_keys(keys, :maps.remove(key, rest), [{key, value} | acc])
      %{} -> split_keys(keys, rest, acc)
    end
  end

  def merge(map1, map2), do: :maps.merge(map1, map2)

  def merge(map1, map2, fun) when is_function(fun, 3) do
    if map_size(map1) > map_size(map2) do
      merge_into(:maps.to_list(map2), map1, fun, false)
    else
      merge_into(:maps.to_list(map1), map2, fun, true)
    end
  end

  # Folds the pairs of the smaller map into the bigger one; `swapped` tells
  # whether the pairs come from the left map.
  defp merge_into([], acc, _fun, _swapped), do: acc

  defp merge_into([{key, value} | rest], acc, fun, swapped) do
    case acc do
      %{^key => other} ->
        merged = if swapped, do: fun.(key, value, other), else: fun.(key, other, value)
        merge_into(rest, %{acc | key => merged}, fun, swapped)

      %{} ->
        merge_into(rest, :maps.put(key, value, acc), fun, swapped)
    end
  end

  def update(map, key, default, fun) when is_function(fun, 1) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      %{} -> :maps.put(key, default, map)
      other -> :erlang.error({:badmap, other})
    end
  end

  # Elixir's fetch!/2, :erlang.map_get/2, inlined: its frame is update!'s
  def update!(map, key, fun) when is_function(fun, 1) do
    value = :erlang.map_get(key, map) # elixir:319
    %{map | key => fun.(value)} # elixir:883
  end

  def pop(map, key, default \\ nil) do
    case map do
      %{^key => value} -> {value, :maps.remove(key, map)}
      %{} -> {default, map}
      other -> :erlang.error({:badmap, other})
    end
  end

  def pop!(map, key) do
    case map do
      %{^key => value} -> {value, :maps.remove(key, map)}
      %{} -> raise KeyError, key: key, term: map
      other -> :erlang.error({:badmap, other})
    end
  end

  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => value} -> {value, :maps.remove(key, map)}
      %{} -> {fun.(), map}
      other -> :erlang.error({:badmap, other})
    end
  end

  def get_and_update(map, key, fun) when is_function(fun, 1) do
    current =
      case map do
        %{^key => value} -> value
        %{} -> nil
        other -> :erlang.error({:badmap, other})
      end

    case fun.(current) do
      {get, update} -> {get, :maps.put(key, update, map)}
      :pop -> {current, :maps.remove(key, map)}
      other -> raise RuntimeError, "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    value =
      case map do
        %{^key => value} -> value
        %{} -> raise KeyError, key: key, term: map
        other -> :erlang.error({:badmap, other})
      end

    case fun.(value) do
      {get, update} -> {get, %{map | key => update}}
      :pop -> {value, :maps.remove(key, map)}
      other -> raise RuntimeError, "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
    end
  end

  def equal?(map1, map2) when is_map(map1) and is_map(map2), do: map1 === map2
  def equal?(map1, map2) when is_map(map1), do: :erlang.error({:badmap, map2})
  def equal?(map1, _map2), do: :erlang.error({:badmap, map1})

  def from_struct(struct) when is_atom(struct), do: :maps.remove(:__struct__, struct.__struct__())
  def from_struct(%{__struct__: _} = struct), do: :maps.remove(:__struct__, struct)

  def from_keys(keys, value) when is_list(keys), do: from_keys_list(keys, value, [])

  defp from_keys_list([], _value, acc), do: :maps.from_list(acc)
  defp from_keys_list([key | rest], value, acc), do: from_keys_list(rest, value, [{key, value} | acc])

  # Pairs in the order the BEAM's map iterators walk them
  # (:maps.__iteration_list__); anything else as Enum lists it.
  defp fold_pairs(map) when is_map(map) and not is_map_key(map, :__struct__), do: :maps.__iteration_list__(map)

  defp fold_pairs(enumerable), do: Enum.to_list(enumerable)

  def filter(map, fun) when is_map(map) and is_function(fun, 1) do
    filter_pairs(fold_pairs(map), fun, true, [])
  end

  def reject(map, fun) when is_map(map) and is_function(fun, 1) do
    filter_pairs(fold_pairs(map), fun, false, [])
  end

  defp filter_pairs([], _fun, _keep, acc), do: :maps.from_list(acc)

  defp filter_pairs([pair | rest], fun, keep, acc) do
    truthy = if fun.(pair), do: true, else: false

    if truthy == keep do
      filter_pairs(rest, fun, keep, [pair | acc])
    else
      filter_pairs(rest, fun, keep, acc)
    end
  end

  def map(map, fun) when is_map(map) and is_function(fun, 1) do
    map_pairs(:maps.to_list(map), fun, [])
  end

  defp map_pairs([], _fun, acc), do: :maps.from_list(acc)

  defp map_pairs([{key, _} = pair | rest], fun, acc) do
    map_pairs(rest, fun, [{key, fun.(pair)} | acc])
  end
end
