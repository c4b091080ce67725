defmodule MapSet do
  # Sets, stored as the keys of a map whose values are all [].

  defstruct map: %{}, version: 2

  def new, do: %MapSet{}

  def new(%MapSet{} = set), do: set
  def new(enumerable), do: %MapSet{map: keys_to_map(Enum.to_list(enumerable), %{})}

  def new(enumerable, transform) when is_function(transform, 1) do
    %MapSet{map: keys_to_map(Enum.map(enumerable, transform), %{})}
  end

  defp keys_to_map([], map), do: map
  defp keys_to_map([key | rest], map), do: keys_to_map(rest, :maps.put(key, [], map))

  def delete(%MapSet{map: map} = set, value), do: %{set | map: :maps.remove(value, map)}

  def difference(%MapSet{map: map1} = set, %MapSet{map: map2}) do
    %{set | map: remove_keys(:maps.keys(map2), map1)}
  end

  defp remove_keys([], map), do: map
  defp remove_keys([key | rest], map), do: remove_keys(rest, :maps.remove(key, map))

  def disjoint?(%MapSet{map: map1}, %MapSet{map: map2}) do
    {small, large} = if map_size(map1) > map_size(map2), do: {map2, map1}, else: {map1, map2}
    none_in(:maps.keys(small), large)
  end

  defp none_in([], _map), do: true
  defp none_in([key | rest], map), do: if(is_map_key(map, key), do: false, else: none_in(rest, map))

  def equal?(%MapSet{map: map1}, %MapSet{map: map2}), do: map1 === map2

  def intersection(%MapSet{map: map1} = set, %MapSet{map: map2}) do
    {small, large} = if map_size(map1) > map_size(map2), do: {map2, map1}, else: {map1, map2}
    %{set | map: :maps.with(:maps.keys(small), large)}
  end

  def member?(%MapSet{map: map}, value), do: is_map_key(map, value)

  def put(%MapSet{map: map} = set, value), do: %{set | map: :maps.put(value, [], map)}

  def size(%MapSet{map: map}), do: map_size(map)

  def subset?(%MapSet{map: map1}, %MapSet{map: map2}) do
    map_size(map1) <= map_size(map2) and all_in(:maps.keys(map1), map2)
  end

  defp all_in([], _map), do: true
  defp all_in([key | rest], map), do: if(is_map_key(map, key), do: all_in(rest, map), else: false)

  def symmetric_difference(%MapSet{map: map1} = set, %MapSet{map: map2}) do
    only1 = remove_keys(:maps.keys(map2), map1)
    only2 = remove_keys(:maps.keys(map1), map2)
    %{set | map: :maps.merge(only1, only2)}
  end

  def to_list(%MapSet{map: map}), do: :maps.keys(map)

  def union(%MapSet{map: map1} = set, %MapSet{map: map2}), do: %{set | map: :maps.merge(map1, map2)}

  def filter(%MapSet{map: map} = set, fun) when is_function(fun, 1) do
    %{set | map: keys_to_map(Enum.filter(:maps.keys(map), fun), %{})}
  end

  def reject(%MapSet{map: map} = set, fun) when is_function(fun, 1) do
    %{set | map: keys_to_map(Enum.reject(:maps.keys(map), fun), %{})}
  end
end
