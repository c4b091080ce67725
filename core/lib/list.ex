defmodule List do
  # Lists and charlists.

  def delete(list, element) when is_list(list), do: :lists.delete(element, list)

  def duplicate(elem, n) when is_integer(n) and n >= 0, do: :lists.duplicate(n, elem)

  def duplicate(_elem, _n) do
    raise FunctionClauseError, module: :lists, function: :duplicate, arity: 2
  end

  def flatten(list) when is_list(list), do: :lists.flatten(list)
  def flatten(list, tail) when is_list(list) and is_list(tail), do: :lists.flatten(list, tail)

  def foldl(list, acc, fun) when is_list(list) and is_function(fun, 2), do: foldl_loop(list, acc, fun)

  defp foldl_loop([], acc, _fun), do: acc
  defp foldl_loop([h | t], acc, fun), do: foldl_loop(t, fun.(h, acc), fun)

  def foldr(list, acc, fun) when is_list(list) and is_function(fun, 2) do
    foldl_loop(:lists.reverse(list), acc, fun)
  end

  def first(list, default \\ nil)
  def first([], default), do: default
  def first([h | _], _default), do: h

  def last(list, default \\ nil)
  def last([], default), do: default
  def last([h], _default), do: h
  def last([_ | t], default), do: last(t, default)

  def keyfind(list, key, position, default \\ nil) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false -> default
      tuple -> tuple
    end
  end

  def keyfind!(list, key, position) when is_integer(position) do
    case :lists.keyfind(key, position + 1, list) do
      false ->
        raise KeyError,
          key: key,
          term: list,
          message:
            "key " <> inspect(key) <> " at position " <> inspect(position) <> " not found in: " <>
              inspect(list)

      tuple ->
        tuple
    end
  end

  def keymember?(list, key, position) when is_integer(position) do
    :lists.keymember(key, position + 1, list)
  end

  def keyreplace(list, key, position, new_tuple) when is_integer(position) do
    :lists.keyreplace(key, position + 1, list, new_tuple)
  end

  def keystore(list, key, position, new_tuple) when is_integer(position) do
    :lists.keystore(key, position + 1, list, new_tuple)
  end

  def keydelete(list, key, position) when is_integer(position) do
    :lists.keydelete(key, position + 1, list)
  end

  def keytake(list, key, position) when is_integer(position) do
    case :lists.keytake(key, position + 1, list) do
      {:value, element, rest} -> {element, rest}
      false -> nil
    end
  end

  def keysort(list, position, sorter \\ :asc)

  def keysort(list, position, :asc) when is_list(list) and is_integer(position) do
    :lists.keysort(position + 1, list)
  end

  def keysort(list, position, sorter) when is_list(list) and is_integer(position) do
    Enum.sort_by(list, fn tuple -> :erlang.element(position + 1, tuple) end, sorter)
  end

  def wrap(list) when is_list(list), do: list
  def wrap(nil), do: []
  def wrap(other), do: [other]

  def zip([]), do: []
  def zip(lists) when is_list(lists), do: Enum.zip(lists)

  def improper?(list) when is_list(list) and list != [], do: improper_tail(list)
  def improper?(list) when is_list(list), do: false

  defp improper_tail([_ | t]), do: improper_tail(t)
  defp improper_tail([]), do: false
  defp improper_tail(_), do: true

  def insert_at(list, index, value) when is_list(list) and is_integer(index) do
    case index do
      -1 ->
        list ++ [value]

      _ when index < 0 ->
        case length(list) + index + 1 do
          index when index < 0 -> [value | list]
          index -> insert_loop(list, index, value, [])
        end

      _ ->
        insert_loop(list, index, value, [])
    end
  end

  defp insert_loop([], _index, value, acc), do: :lists.reverse(acc, [value])
  defp insert_loop(list, 0, value, acc), do: :lists.reverse(acc, [value | list])
  defp insert_loop([h | t], index, value, acc), do: insert_loop(t, index - 1, value, [h | acc])

  def replace_at(list, index, value) when is_list(list) and is_integer(index) do
    update_at(list, index, fn _ -> value end)
  end

  def update_at(list, index, fun) when is_list(list) and is_function(fun) and is_integer(index) do
    index = if index < 0, do: length(list) + index, else: index

    if index < 0 do
      list
    else
      update_loop(list, index, fun, [])
    end
  end

  defp update_loop([], _index, _fun, acc), do: :lists.reverse(acc)
  defp update_loop([h | t], 0, fun, acc), do: :lists.reverse(acc, [fun.(h) | t])
  defp update_loop([h | t], index, fun, acc), do: update_loop(t, index - 1, fun, [h | acc])

  def delete_at(list, index) when is_integer(index) do
    elem(pop_at(list, index), 1)
  end

  def pop_at(list, index, default \\ nil) when is_integer(index) do
    index = if index < 0, do: length(list) + index, else: index

    if index < 0 do
      {default, list}
    else
      pop_loop(list, index, default, [])
    end
  end

  defp pop_loop([], _index, default, acc), do: {default, :lists.reverse(acc)}
  defp pop_loop([h | t], 0, _default, acc), do: {h, :lists.reverse(acc, t)}
  defp pop_loop([h | t], index, default, acc), do: pop_loop(t, index - 1, default, [h | acc])

  def starts_with?([h | t], [h | prefix_t]), do: starts_with?(t, prefix_t)
  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  def ascii_printable?(list, limit \\ :infinity)
      when is_list(list) and (limit == :infinity or (is_integer(limit) and limit >= 0)) do
    ascii_loop(list, limit)
  end

  defp ascii_loop(_, 0), do: true
  defp ascii_loop([], _limit), do: true

  defp ascii_loop([c | t], limit) when is_integer(c) and c >= 32 and c <= 126 do
    ascii_loop(t, decrement(limit))
  end

  defp ascii_loop([c | t], limit) when c in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e, ?\d, ?\a] do
    ascii_loop(t, decrement(limit))
  end

  defp ascii_loop(_, _limit), do: false

  defp decrement(:infinity), do: :infinity
  defp decrement(n), do: n - 1

  # Myers' difference: a breadth-first search over edit distances d = 0, 1,
  # ...; for each d, the furthest path on each diagonal k = -d, -d + 2, ...,
  # d. A path is {deleted-or-matched count, rest of list1, rest of list2,
  # edits newest first}. Ties prefer a deletion, as Elixir's does, so the
  # scripts come out the same.
  def myers_difference(list1, list2) when is_list(list1) and is_list(list2) do
    myers_search([{0, list1, list2, []}], 0, nil)
  end

  def myers_difference(list1, list2, diff_script)
      when is_list(list1) and is_list(list2) and is_function(diff_script) do
    myers_search([{0, list1, list2, []}], 0, diff_script)
  end

  defp myers_search(paths, d, script) do
    case myers_round(paths, -d, d, [], script) do
      {:found, edits} -> myers_compact(edits, [])
      {:more, next} -> myers_search(next, d + 1, script)
    end
  end

  defp myers_round(_paths, k, d, acc, _script) when k > d, do: {:more, :lists.reverse(acc)}

  defp myers_round(paths, k, d, acc, script) do
    {path, paths} = myers_extend(paths, k, d, script)

    case myers_slide(path) do
      {:found, edits} -> {:found, edits}
      path -> myers_round(paths, k + 2, d, [path | acc], script)
    end
  end

  # The path onto diagonal k: from the diagonal above by a deletion or from
  # the one below by an insertion, whichever got further.
  defp myers_extend([path], 0, 0, _script), do: {path, []}
  defp myers_extend([path | _] = paths, k, d, script) when k == -d, do: {myers_delete(path, script), paths}
  defp myers_extend([path], k, k, script), do: {myers_insert(path, script), []}

  defp myers_extend([{y1, _, _, _} = below, {y2, _, _, _} = above | rest], _k, _d, script) do
    if y1 > y2,
      do: {myers_insert(below, script), [above | rest]},
      else: {myers_delete(above, script), [above | rest]}
  end

  # With a diff script, two elements it relates count as one step.
  defp myers_insert({y, [a | rest1] = list1, [b | rest2], edits}, script) when script != nil do
    if diff = script.(a, b),
      do: {y + 1, rest1, rest2, [{:diff, diff} | edits]},
      else: {y, list1, rest2, [{:ins, b} | edits]}
  end

  defp myers_insert({y, list1, [b | rest2], edits}, _script), do: {y, list1, rest2, [{:ins, b} | edits]}
  defp myers_insert({_, _, [], _} = path, _script), do: path

  defp myers_delete({y, [a | rest1], [b | rest2] = list2, edits}, script) when script != nil do
    if diff = script.(a, b),
      do: {y + 1, rest1, rest2, [{:diff, diff} | edits]},
      else: {y + 1, rest1, list2, [{:del, a} | edits]}
  end

  defp myers_delete({y, [a | rest1], list2, edits}, _script), do: {y + 1, rest1, list2, [{:del, a} | edits]}
  defp myers_delete({y, [], list2, edits}, _script), do: {y + 1, [], list2, edits}

  # Equal elements are free: follow them; both lists done ends the search.
  defp myers_slide({y, [x | rest1], [x | rest2], edits}), do: myers_slide({y + 1, rest1, rest2, [{:eq, x} | edits]})
  defp myers_slide({_, [], [], edits}), do: {:found, edits}
  defp myers_slide(path), do: path

  # The edits oldest first, runs of one kind joined; an insertion between
  # two equal runs that repeats the first is moved before it.
  defp myers_compact([], acc), do: acc
  defp myers_compact([{:diff, _} = diff | rest], acc), do: myers_compact(rest, [diff | acc])
  defp myers_compact([{kind, x} | rest], [{kind, run} | acc]), do: myers_compact(rest, [{kind, [x | run]} | acc])

  defp myers_compact(rest, [{:eq, run}, {:ins, run}, {:eq, next} | acc]),
    do: myers_compact(rest, [{:ins, run}, {:eq, run ++ next} | acc])

  defp myers_compact([{kind, x} | rest], acc), do: myers_compact(rest, [{kind, [x]} | acc])

  def to_atom(charlist), do: :erlang.list_to_atom(charlist)
  def to_existing_atom(charlist), do: :erlang.list_to_existing_atom(charlist)
  def to_float(charlist), do: :erlang.list_to_float(charlist)
  def to_integer(charlist), do: :erlang.list_to_integer(charlist)
  def to_integer(charlist, base), do: :erlang.list_to_integer(charlist, base)
  def to_tuple(list), do: :erlang.list_to_tuple(list)

  def to_string(list) when is_list(list) do
    case :unicode.characters_to_binary(list) do
      result when is_binary(result) -> result
      error -> raise UnicodeConversionError, __unicode_error__(error)
    end
  end

  def to_charlist(list) when is_list(list) do
    case :unicode.characters_to_list(list) do
      result when is_list(result) -> result
      error -> raise UnicodeConversionError, __unicode_error__(error)
    end
  end

  # The UnicodeConversionError options for what a :unicode conversion
  # answered when it failed (String.to_charlist/1 uses them too).
  @doc false
  def __unicode_error__({:error, encoded, rest}), do: [encoded: encoded, rest: rest, kind: :invalid]

  def __unicode_error__({:incomplete, encoded, rest}),
    do: [encoded: encoded, rest: rest, kind: :incomplete]
end
