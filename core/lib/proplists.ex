# :proplists: property lists, where an atom `a` stands for {a, true} and
# the first entry for a key wins.
defmodule :proplists do
  @moduledoc false

  def property({key, true}) when is_atom(key), do: key
  def property(other), do: other

  def property(key, true) when is_atom(key), do: key
  def property(key, value), do: {key, value}

  def unfold(list) when is_list(list), do: :lists.map(&unfold_one/1, list)

  defp unfold_one(a) when is_atom(a), do: {a, true}
  defp unfold_one(other), do: other

  def compact(list) when is_list(list), do: :lists.map(&property/1, list)

  def lookup(key, [p | rest]) do
    cond do
      is_atom(p) and p === key -> {key, true}
      is_tuple(p) and tuple_size(p) >= 1 and elem(p, 0) === key -> p
      true -> lookup(key, rest)
    end
  end

  def lookup(_key, []), do: :none

  def lookup_all(key, list) when is_list(list) do
    :lists.filtermap(
      fn
        p when is_atom(p) and p === key -> {true, {key, true}}
        p when is_tuple(p) and tuple_size(p) >= 1 and elem(p, 0) === key -> {true, p}
        _ -> false
      end,
      list
    )
  end

  def is_defined(key, list), do: lookup(key, list) != :none

  def get_value(key, list), do: get_value(key, list, :undefined)

  def get_value(key, list, default) do
    case lookup(key, list) do
      {_, value} -> value
      _ -> default
    end
  end

  def get_all_values(key, list) do
    :lists.filtermap(
      fn
        {_, v} -> {true, v}
        _ -> false
      end,
      lookup_all(key, list)
    )
  end

  def append_values(key, list) do
    :lists.append(:lists.map(fn v -> if is_list(v), do: v, else: [v] end, get_all_values(key, list)))
  end

  def get_bool(key, list) do
    case lookup(key, list) do
      {_, true} -> true
      _ -> false
    end
  end

  def get_keys(list) when is_list(list) do
    keys =
      :lists.filtermap(
        fn
          p when is_atom(p) -> {true, p}
          p when is_tuple(p) and tuple_size(p) >= 1 -> {true, elem(p, 0)}
          _ -> false
        end,
        list
      )

    :lists.usort(keys)
  end

  def delete(key, list) when is_list(list) do
    :lists.filter(
      fn
        p when is_atom(p) -> p !== key
        p when is_tuple(p) and tuple_size(p) >= 1 -> elem(p, 0) !== key
        _ -> true
      end,
      list
    )
  end

  def to_map(list) when is_list(list) do
    :lists.foldr(
      fn
        p, acc when is_atom(p) -> :maps.put(p, true, acc)
        {k, v}, acc -> :maps.put(k, v, acc)
        _, acc -> acc
      end,
      %{},
      list
    )
  end

  def to_map(list, stages) when is_list(list), do: to_map(normalize(list, stages))

  def from_map(map) when is_map(map), do: :maps.to_list(map)

  def substitute_aliases(aliases, list) do
    :lists.map(
      fn p ->
        Enum.reduce(aliases, p, fn {k1, k2}, p -> rename(p, k1, k2) end)
      end,
      list
    )
  end

  defp rename(p, k1, k2) when is_atom(p) and p === k1, do: k2

  defp rename(p, k1, k2) when is_tuple(p) and tuple_size(p) >= 1 and elem(p, 0) === k1,
    do: :erlang.setelement(1, p, k2)

  defp rename(p, _, _), do: p

  def expand(expansions, list) do
    :lists.flatmap(
      fn p ->
        key = if is_tuple(p), do: elem(p, 0), else: p

        case :lists.search(fn {e, _} -> expand_key(e) === key and expand_match(e, p) end, expansions) do
          {:value, {_, exp}} -> exp
          false -> [p]
        end
      end,
      list
    )
  end

  defp expand_key(e) when is_atom(e), do: e
  defp expand_key(e) when is_tuple(e), do: elem(e, 0)

  defp expand_match(e, p) when is_atom(e), do: p === e or p === {e, true}
  defp expand_match(e, p), do: e === p or (is_atom(p) and e === {p, true})

  def split(list, keys) do
    init = :lists.map(fn _ -> [] end, keys)

    {groups, rest} =
      :lists.foldl(
        fn p, {groups, rest} ->
          key = if is_tuple(p) and tuple_size(p) >= 1, do: elem(p, 0), else: p

          case index_of(key, keys, 0) do
            nil -> {groups, [p | rest]}
            i -> {List.update_at(groups, i, &[p | &1]), rest}
          end
        end,
        {init, []},
        list
      )

    {:lists.map(&:lists.reverse/1, groups), :lists.reverse(rest)}
  end

  defp index_of(_key, [], _i), do: nil
  defp index_of(key, [key | _], i), do: i
  defp index_of(key, [_ | t], i), do: index_of(key, t, i + 1)

  def normalize(list, stages) do
    list =
      :lists.foldl(
        fn
          {:aliases, as}, l -> substitute_aliases(as, l)
          {:expand, es}, l -> expand(es, l)
          {:negations, _}, l -> l
        end,
        list,
        stages
      )

    compact(list)
  end
end
