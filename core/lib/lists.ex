# The :lists functions that take funs (and a few small ones); the rest of
# :lists are natives (core/bif/lists.c). Errors follow the BEAM: a
# function_clause in :lists when an argument is not a list or not a fun.
defmodule :lists do
  @moduledoc false

  def foldl(fun, acc, list) when is_function(fun, 2) and is_list(list), do: foldl_loop(fun, acc, list)

  defp foldl_loop(_fun, acc, []), do: acc
  defp foldl_loop(fun, acc, [h | t]), do: foldl_loop(fun, fun.(h, acc), t)

  def foldr(fun, acc, list) when is_function(fun, 2) and is_list(list),
    do: foldl_loop(fun, acc, :lists.reverse(list))

  def map(fun, list) when is_function(fun, 1) and is_list(list), do: map_loop(fun, list, [])

  defp map_loop(_fun, [], acc), do: :lists.reverse(acc)
  defp map_loop(fun, [h | t], acc), do: map_loop(fun, t, [fun.(h) | acc])

  def filter(pred, list) when is_function(pred, 1) and is_list(list), do: filter_loop(pred, list, [])

  defp filter_loop(_pred, [], acc), do: :lists.reverse(acc)

  defp filter_loop(pred, [h | t], acc) do
    if pred.(h), do: filter_loop(pred, t, [h | acc]), else: filter_loop(pred, t, acc)
  end

  def any(pred, list) when is_function(pred, 1) and is_list(list), do: any_loop(pred, list)

  defp any_loop(_pred, []), do: false
  defp any_loop(pred, [h | t]), do: if(pred.(h), do: true, else: any_loop(pred, t))

  def all(pred, list) when is_function(pred, 1) and is_list(list), do: all_loop(pred, list)

  defp all_loop(_pred, []), do: true
  defp all_loop(pred, [h | t]), do: if(pred.(h), do: all_loop(pred, t), else: false)

  def foreach(fun, list) when is_function(fun, 1) and is_list(list), do: foreach_loop(fun, list)

  defp foreach_loop(_fun, []), do: :ok

  defp foreach_loop(fun, [h | t]) do
    fun.(h)
    foreach_loop(fun, t)
  end

  def filtermap(fun, list) when is_function(fun, 1) and is_list(list), do: filtermap_loop(fun, list, [])

  defp filtermap_loop(_fun, [], acc), do: :lists.reverse(acc)

  defp filtermap_loop(fun, [h | t], acc) do
    case fun.(h) do
      false -> filtermap_loop(fun, t, acc)
      true -> filtermap_loop(fun, t, [h | acc])
      {true, v} -> filtermap_loop(fun, t, [v | acc])
    end
  end

  def flatmap(fun, list) when is_function(fun, 1) and is_list(list), do: flatmap_loop(fun, list, [])

  defp flatmap_loop(_fun, [], acc), do: :lists.append(:lists.reverse(acc))
  defp flatmap_loop(fun, [h | t], acc), do: flatmap_loop(fun, t, [fun.(h) | acc])

  def mapfoldl(fun, acc, list) when is_function(fun, 2) and is_list(list), do: mapfold_loop(fun, acc, list, [])

  def mapfoldr(fun, acc, list) when is_function(fun, 2) and is_list(list) do
    {mapped, acc} = mapfold_loop(fun, acc, :lists.reverse(list), [])
    {:lists.reverse(mapped), acc}
  end

  defp mapfold_loop(_fun, acc, [], out), do: {:lists.reverse(out), acc}

  defp mapfold_loop(fun, acc, [h | t], out) do
    {v, acc} = fun.(h, acc)
    mapfold_loop(fun, acc, t, [v | out])
  end

  def partition(pred, list) when is_function(pred, 1) and is_list(list), do: partition_loop(pred, list, [], [])

  defp partition_loop(_pred, [], yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  defp partition_loop(pred, [h | t], yes, no) do
    if pred.(h), do: partition_loop(pred, t, [h | yes], no), else: partition_loop(pred, t, yes, [h | no])
  end

  def takewhile(pred, list) when is_function(pred, 1) and is_list(list) do
    {taken, _} = splitwith(pred, list)
    taken
  end

  def dropwhile(pred, list) when is_function(pred, 1) and is_list(list), do: dropwhile_loop(pred, list)

  defp dropwhile_loop(_pred, []), do: []
  defp dropwhile_loop(pred, [h | t] = l), do: if(pred.(h), do: dropwhile_loop(pred, t), else: l)

  def splitwith(pred, list) when is_function(pred, 1) and is_list(list), do: splitwith_loop(pred, list, [])

  defp splitwith_loop(_pred, [], acc), do: {:lists.reverse(acc), []}

  defp splitwith_loop(pred, [h | t] = l, acc) do
    if pred.(h), do: splitwith_loop(pred, t, [h | acc]), else: {:lists.reverse(acc), l}
  end

  # A stable merge sort; fun(a, b) answers whether a comes first.
  def sort(fun, list) when is_function(fun, 2) and is_list(list), do: merge_sort(fun, list)

  def usort(fun, list) when is_function(fun, 2) and is_list(list) do
    dedup(fun, merge_sort(fun, list))
  end

  # Two neighbours are the same when each may come before the other.
  defp dedup(_fun, []), do: []
  defp dedup(_fun, [a]), do: [a]

  defp dedup(fun, [a, b | t]) do
    if fun.(a, b) and fun.(b, a), do: dedup(fun, [a | t]), else: [a | dedup(fun, [b | t])]
  end

  defp merge_sort(_fun, []), do: []
  defp merge_sort(_fun, [_] = l), do: l

  defp merge_sort(fun, list) do
    {a, b} = :lists.split(div(length(list), 2), list)
    merge_pair(fun, merge_sort(fun, a), merge_sort(fun, b), [])
  end

  defp merge_pair(_fun, [], b, acc), do: :lists.reverse(acc, b)
  defp merge_pair(_fun, a, [], acc), do: :lists.reverse(acc, a)

  defp merge_pair(fun, [x | xs] = a, [y | ys] = b, acc) do
    if fun.(x, y), do: merge_pair(fun, xs, b, [x | acc]), else: merge_pair(fun, a, ys, [y | acc])
  end

  def keymap(fun, n, list) when is_function(fun, 1) and is_integer(n) and is_list(list) do
    map(fn t -> :erlang.setelement(n, t, fun.(:erlang.element(n, t))) end, list)
  end

  def zipwith(fun, a, b) when is_function(fun, 2), do: zipwith_loop(fun, a, b, [])

  defp zipwith_loop(_fun, [], [], acc), do: :lists.reverse(acc)
  defp zipwith_loop(fun, [x | xs], [y | ys], acc), do: zipwith_loop(fun, xs, ys, [fun.(x, y) | acc])

  def zipwith3(fun, [], [], []) when is_function(fun, 3), do: []
  def zipwith3(fun, [x | xs], [y | ys], [z | zs]), do: [fun.(x, y, z) | zipwith3(fun, xs, ys, zs)]

  def zip3(a, b, c), do: zipwith3(fn x, y, z -> {x, y, z} end, a, b, c)

  def unzip3(list) when is_list(list) do
    {a, b, c} = foldl(fn {x, y, z}, {a, b, c} -> {[x | a], [y | b], [z | c]} end, {[], [], []}, list)
    {:lists.reverse(a), :lists.reverse(b), :lists.reverse(c)}
  end

  def enumerate(list), do: enumerate(1, list)

  def enumerate(index, list) when is_integer(index) and is_list(list) do
    {pairs, _} = mapfoldl(fn x, i -> {{i, x}, i + 1} end, index, list)
    pairs
  end

  def uniq(list) when is_list(list), do: uniq_loop(list, %{}, [])

  defp uniq_loop([], _seen, acc), do: :lists.reverse(acc)

  defp uniq_loop([h | t], seen, acc) do
    if is_map_key(seen, h), do: uniq_loop(t, seen, acc), else: uniq_loop(t, Map.put(seen, h, true), [h | acc])
  end

  def uniq(fun, list) when is_function(fun, 1) and is_list(list) do
    {out, _} =
      foldl(
        fn x, {acc, seen} ->
          key = fun.(x)
          if is_map_key(seen, key), do: {acc, seen}, else: {[x | acc], Map.put(seen, key, true)}
        end,
        {[], %{}},
        list
      )

    :lists.reverse(out)
  end

  def concat(things) when is_list(things), do: :lists.append(map(&thing_to_list/1, things))

  defp thing_to_list(x) when is_integer(x), do: :erlang.integer_to_list(x)
  defp thing_to_list(x) when is_float(x), do: :erlang.float_to_list(x)
  defp thing_to_list(x) when is_atom(x), do: :erlang.atom_to_list(x)
  defp thing_to_list(x) when is_list(x), do: x

  def search(pred, list) when is_function(pred, 1) and is_list(list), do: search_loop(pred, list)

  defp search_loop(_pred, []), do: false
  defp search_loop(pred, [h | t]), do: if(pred.(h), do: {:value, h}, else: search_loop(pred, t))

  def join(_sep, []), do: []
  def join(sep, [h | t]), do: [h | join_loop(sep, t)]

  defp join_loop(_sep, []), do: []
  defp join_loop(sep, [h | t]), do: [sep, h | join_loop(sep, t)]


  # ---- merging sorted lists ---------------------------------------------------------

  def merge(lists) when is_list(lists), do: :lists.foldl(fn l, acc -> :lists.merge(acc, l) end, [], lists)
  def merge(fun, l1, l2) when is_function(fun, 2) and is_list(l1) and is_list(l2), do: merge_by(fun, l1, l2, [])
  def merge3(l1, l2, l3), do: :lists.merge(:lists.merge(l1, l2), l3)
  def rmerge(l1, l2), do: merge_by(&(&1 >= &2), l1, l2, [])
  def rmerge(fun, l1, l2) when is_function(fun, 2), do: merge_by(fn a, b -> fun.(b, a) end, l1, l2, [])
  def rmerge3(l1, l2, l3), do: rmerge(rmerge(l1, l2), l3)
  def umerge(lists) when is_list(lists), do: :lists.foldl(fn l, acc -> umerge(acc, l) end, [], lists)
  def umerge(l1, l2), do: umerge_by(&(&1 <= &2), l1, l2, [])
  def umerge(fun, l1, l2) when is_function(fun, 2), do: umerge_by(fun, l1, l2, [])
  def umerge3(l1, l2, l3), do: umerge(umerge(l1, l2), l3)
  def rumerge(l1, l2), do: umerge_by(&(&1 >= &2), l1, l2, [])
  def rumerge(fun, l1, l2) when is_function(fun, 2), do: umerge_by(fn a, b -> fun.(b, a) end, l1, l2, [])
  def rumerge3(l1, l2, l3), do: rumerge(rumerge(l1, l2), l3)
  def keymerge(n, l1, l2), do: merge_by(&(:erlang.element(n, &1) <= :erlang.element(n, &2)), l1, l2, [])
  def rkeymerge(n, l1, l2), do: merge_by(&(:erlang.element(n, &1) >= :erlang.element(n, &2)), l1, l2, [])
  def ukeymerge(n, l1, l2), do: ukeymerge_by(n, &(&1 <= &2), l1, l2, [])
  def rukeymerge(n, l1, l2), do: ukeymerge_by(n, &(&1 >= &2), l1, l2, [])
  def zf(fun, list), do: filtermap(fun, list)

  # `before.(a, b)`: a comes first (ties take the first list's element)
  defp merge_by(_before, [], l2, acc), do: :lists.reverse(acc, l2)
  defp merge_by(_before, l1, [], acc), do: :lists.reverse(acc, l1)

  defp merge_by(before, [a | t1] = l1, [b | t2] = l2, acc) do
    if before.(a, b), do: merge_by(before, t1, l2, [a | acc]), else: merge_by(before, l1, t2, [b | acc])
  end

  # as merge_by, an element of the second list equal to one of the first left out
  defp umerge_by(_before, [], l2, acc), do: :lists.reverse(acc, l2)
  defp umerge_by(_before, l1, [], acc), do: :lists.reverse(acc, l1)

  defp umerge_by(before, [a | t1] = l1, [b | t2] = l2, acc) do
    cond do
      a == b -> umerge_by(before, t1, t2, [a | acc])
      before.(a, b) -> umerge_by(before, t1, l2, [a | acc])
      true -> umerge_by(before, l1, t2, [b | acc])
    end
  end

  defp ukeymerge_by(_n, _before, [], l2, acc), do: :lists.reverse(acc, l2)
  defp ukeymerge_by(_n, _before, l1, [], acc), do: :lists.reverse(acc, l1)

  defp ukeymerge_by(n, before, [a | t1] = l1, [b | t2] = l2, acc) do
    ka = :erlang.element(n, a)
    kb = :erlang.element(n, b)

    cond do
      ka == kb -> ukeymerge_by(n, before, t1, t2, [a | acc])
      before.(ka, kb) -> ukeymerge_by(n, before, t1, l2, [a | acc])
      true -> ukeymerge_by(n, before, l1, t2, [b | acc])
    end
  end
end
