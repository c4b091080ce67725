defmodule Enum do
  # Enumerables are dispatched on their shape: lists (fast paths), ranges,
  # MapSets, plain maps (as {key, value} pairs in map order). Anything else
  # raises Protocol.UndefinedError as Elixir's Enumerable protocol would.

  # ---- dispatch ---------------------------------------------------------

  defp list(list) when is_list(list), do: list
  defp list(%Range{first: first, last: last, step: step}), do: range_list(first, last, step)
  defp list(%MapSet{map: map}), do: :maps.keys(map)
  defp list(%{__struct__: _} = struct), do: reduce_list(struct)
  defp list(map) when is_map(map), do: :maps.to_list(map)
  defp list(fun) when is_function(fun, 2), do: fun_list(fun)
  defp list(other), do: reduce_list(other)

  # Enum.reduce/3 walks a plain map as :maps.fold does, and so do the
  # functions built on it; above 32 keys that order is the reverse of
  # :maps.to_list's (Enumerable's, which take, find, to_list ... keep).
  defp fold_list(map) when is_map(map) and not is_map_key(map, :__struct__), do: :maps.__iteration_list__(map)

  defp fold_list(enumerable), do: list(enumerable)

  # A user's Enumerable struct and a stream are walked by Enumerable.reduce/3
  # with the caller's function applied at each step, as Elixir does: no list
  # of their elements is built first, and their side effects interleave with
  # the function's.
  defp walked?(%Range{}), do: false
  defp walked?(%MapSet{}), do: false
  defp walked?(%{__struct__: _}), do: true
  defp walked?(other) when is_map(other) or is_list(other), do: false
  defp walked?(_other), do: true

  defp walk_reduce(enumerable, acc, fun) do
    {_, acc} = Enumerable.reduce(enumerable, {:cont, acc}, fn x, acc -> {:cont, fun.(x, acc)} end)
    acc
  end

  # What the Enumerable protocol finds for the rest (a user's struct, or a
  # type a program implemented it for) gives its elements by reduce/3.
  defp reduce_list(enumerable) do
    case Enumerable.reduce(enumerable, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end) do
      {:done, acc} -> :lists.reverse(acc)
      {:halted, acc} -> :lists.reverse(acc)
    end
  end

  # An arity-2 function is enumerable the way Elixir's streams are: it is
  # called with {:cont, acc} and a reducer, and answers {:done, acc}.
  defp fun_list(fun) do
    case fun.({:cont, []}, fn x, acc -> {:cont, [x | acc]} end) do
      {:done, acc} -> :lists.reverse(acc)
      {:halted, acc} -> :lists.reverse(acc)
    end
  end

  defp range_list(first, last, step) when step > 0 and first > last, do: []
  defp range_list(first, last, step) when step < 0 and first < last, do: []

  defp range_list(first, last, step) do
    count = div(last - first, step)
    range_list_down(first + count * step, step, first, [])
  end

  defp range_list_down(x, step, first, acc) do
    if x == first do
      [x | acc]
    else
      range_list_down(x - step, step, first, [x | acc])
    end
  end

  defp range_size(first, last, step) when step > 0 and first > last, do: 0
  defp range_size(first, last, step) when step < 0 and first < last, do: 0
  defp range_size(first, last, step), do: div(last - first, step) + 1

  # Whether x is the last element of a (non-empty) range walked by step.
  defp range_end?(x, last, step) do
    x == last or (step > 0 and x + step > last) or (step < 0 and x + step < last)
  end

  # Walks the enumerable, stopping early when fun answers {:halt, acc}.
  # Ranges are walked without building a list.
  defp walk(list, acc, fun) when is_list(list), do: walk_list(list, acc, fun)

  defp walk(%Range{first: first, last: last, step: step}, acc, fun) do
    if range_size(first, last, step) == 0 do
      acc
    else
      walk_range(first, last, step, acc, fun)
    end
  end

  # A stream, or a struct with its own Enumerable, is walked lazily, so an
  # endless one can be cut short.
  defp walk(%{__struct__: struct} = enumerable, acc, fun) when struct != MapSet do
    case Enumerable.reduce(enumerable, {:cont, acc}, fun) do
      {:done, acc} -> acc
      {:halted, acc} -> acc
    end
  end

  defp walk(stream, acc, fun) when is_function(stream, 2) do
    case Enumerable.reduce(stream, {:cont, acc}, fun) do
      {:done, acc} -> acc
      {:halted, acc} -> acc
    end
  end

  defp walk(other, acc, fun), do: walk_list(list(other), acc, fun)

  defp walk_list([], acc, _fun), do: acc

  defp walk_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> walk_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp walk_range(x, last, step, acc, fun) do
    case fun.(x, acc) do
      {:cont, acc} ->
        if range_end?(x, last, step) do
          acc
        else
          walk_range(x + step, last, step, acc, fun)
        end

      {:halt, acc} ->
        acc
    end
  end

  # ---- reduce family ----------------------------------------------------

  def reduce(enumerable, acc, fun) when is_list(enumerable), do: reduce_list(enumerable, acc, fun)

  def reduce(%Range{first: first, last: last, step: step}, acc, fun) when step > 0,
    do: reduce_up(first, last, step, acc, fun)

  def reduce(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_down(first, last, step, acc, fun)

  def reduce(map, acc, fun) when is_map(map) and not is_map_key(map, :__struct__),
    do: :maps.fold(fn k, v, acc -> fun.({k, v}, acc) end, acc, map)

  def reduce(enumerable, acc, fun) do
    if walked?(enumerable) do
      walk_reduce(enumerable, acc, fun)
    else
      reduce_list(fold_list(enumerable), acc, fun)
    end
  end

  # reduce/3 on a range or a map where Enum's own functions call it: Elixir's
  # compiler inlines it there, so a stack trace shows no frame of its own but
  # the caller's at the line of reduce's clause (library_frames.c's inlined
  # helpers). Its calls are no tail calls, so that its frame is there to show.
  defp reduce_inline(%Range{first: first, last: last, step: step}, acc, fun) do
    acc = if step > 0, do: reduce_up(first, last, step, acc, fun), else: reduce_down(first, last, step, acc, fun) # elixir:2472
    acc
  end

  defp reduce_inline(map, acc, fun) when is_map(map) and not is_map_key(map, :__struct__) do
    acc = :maps.fold(fn k, v, acc -> fun.({k, v}, acc) end, acc, map) # elixir:2480
    acc
  end

  defp reduce_inline(enumerable, acc, fun), do: reduce(enumerable, acc, fun)

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  # A range's elements, x onwards while x has not passed last (a step
  # need not land on it); a guard per element, no helper call.
  defp reduce_up(x, last, step, acc, fun) when x <= last, do: reduce_up(x + step, last, step, fun.(x, acc), fun)
  defp reduce_up(_x, _last, _step, acc, _fun), do: acc

  defp reduce_down(x, last, step, acc, fun) when x >= last, do: reduce_down(x + step, last, step, fun.(x, acc), fun)
  defp reduce_down(_x, _last, _step, acc, _fun), do: acc

  def reduce(enumerable, fun) do
    case list(enumerable) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  def reduce_while(enumerable, acc, fun) do
    walk(enumerable, acc, fun)
  end

  # A list is walked by a function of its own, whose frame shows as the
  # lists:mapfoldl Elixir's compiler inlines here (library_frames.c).
  def map_reduce(list, acc, fun) when is_list(list), do: map_reduce_list(list, acc, fun, [])

  def map_reduce(enumerable, acc, fun) do
    {list, acc} =
      reduce(enumerable, {[], acc}, fn x, {list, acc} ->
        {y, acc} = fun.(x, acc)
        {[y | list], acc}
      end)

    {:lists.reverse(list), acc}
  end

  defp map_reduce_list([], acc, _fun, out), do: {:lists.reverse(out), acc}

  defp map_reduce_list([h | t], acc, fun, out) do
    {y, acc} = fun.(h, acc)
    map_reduce_list(t, acc, fun, [y | out])
  end

  def flat_map_reduce(enumerable, acc, fun) do
    {list, acc} =
      walk(enumerable, {[], acc}, fn x, {list, acc} ->
        case fun.(x, acc) do
          {:halt, acc} -> {:halt, {list, acc}}
          {items, acc} -> {:cont, {:lists.reverse(list(items), list), acc}}
        end
      end)

    {:lists.reverse(list), acc}
  end

  def scan(enumerable, fun) do
    case fold_list(enumerable) do
      [] -> []
      [h | t] -> scan_list(t, h, fun, [h])
    end
  end

  def scan(enumerable, acc, fun) do
    scan_list(fold_list(enumerable), acc, fun, [])
  end

  defp scan_list([], _acc, _fun, out), do: :lists.reverse(out)

  defp scan_list([h | t], acc, fun, out) do
    acc = fun.(h, acc)
    scan_list(t, acc, fun, [acc | out])
  end

  # ---- predicates -------------------------------------------------------

  def all?(enumerable), do: all?(enumerable, fn x -> x end)

  def all?(enumerable, fun) when is_list(enumerable), do: all_list(enumerable, fun)

  def all?(enumerable, fun) do
    walk(enumerable, true, fn x, _ ->
      if fun.(x), do: {:cont, true}, else: {:halt, false}
    end)
  end

  defp all_list([], _fun), do: true

  defp all_list([h | t], fun) do
    if fun.(h), do: all_list(t, fun), else: false
  end

  def any?(enumerable), do: any?(enumerable, fn x -> x end)

  def any?(enumerable, fun) when is_list(enumerable), do: any_list(enumerable, fun)

  def any?(enumerable, fun) do
    walk(enumerable, false, fn x, _ ->
      if fun.(x), do: {:halt, true}, else: {:cont, false}
    end)
  end

  defp any_list([], _fun), do: false

  defp any_list([h | t], fun) do
    if fun.(h), do: true, else: any_list(t, fun)
  end

  def member?(enumerable, element) when is_list(enumerable), do: :lists.member(element, enumerable)

  def member?(%Range{first: first, last: last, step: step}, element) do
    if is_integer(element) do
      cond do
        step > 0 and (element < first or element > last) -> false
        step < 0 and (element > first or element < last) -> false
        true -> rem(element - first, step) == 0
      end
    else
      false
    end
  end

  def member?(%MapSet{map: map}, element), do: is_map_key(map, element)

  def member?(%{__struct__: _} = struct, element) do
    case Enumerable.member?(struct, element) do
      {:ok, found} -> found
      {:error, _} -> walk(struct, false, fn x, _ -> if x === element, do: {:halt, true}, else: {:cont, false} end)
    end
  end

  def member?(map, element) when is_map(map) do
    case element do
      {key, value} ->
        case map do
          %{^key => ^value} -> true
          _ -> false
        end

      _ ->
        false
    end
  end

  def member?(other, element), do: walk(other, false, fn x, _ -> if x === element, do: {:halt, true}, else: {:cont, false} end)

  def empty?(list) when is_list(list), do: list == []

  def empty?(%Range{first: first, last: last, step: step}), do: range_size(first, last, step) == 0
  def empty?(%MapSet{map: map}), do: map_size(map) == 0
  def empty?(%{__struct__: _} = struct) do
    case Enumerable.count(struct) do
      {:ok, n} -> n == 0
      {:error, _} -> walk(struct, true, fn _, _ -> {:halt, false} end)
    end
  end
  def empty?(map) when is_map(map), do: map_size(map) == 0
  def empty?(other), do: walk(other, true, fn _, _ -> {:halt, false} end)

  # ---- counting ---------------------------------------------------------

  def count(list) when is_list(list), do: length(list)
  def count(%Range{first: first, last: last, step: step}), do: range_size(first, last, step)
  def count(%MapSet{map: map}), do: map_size(map)
  def count(%{__struct__: _} = struct) do
    case Enumerable.count(struct) do
      {:ok, n} -> n
      {:error, _} -> walk(struct, 0, fn _, n -> {:cont, n + 1} end)
    end
  end
  def count(map) when is_map(map), do: map_size(map)
  def count(other), do: length(list(other))

  def count(enumerable, fun) do
    reduce_inline(enumerable, 0, fn x, acc ->
      if fun.(x), do: acc + 1, else: acc
    end)
  end

  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    walk(enumerable, 0, fn _, acc ->
      if acc + 1 == limit, do: {:halt, limit}, else: {:cont, acc + 1}
    end)
  end

  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    walk(enumerable, 0, fn x, acc ->
      if fun.(x) do
        if acc + 1 == limit, do: {:halt, limit}, else: {:cont, acc + 1}
      else
        {:cont, acc}
      end
    end)
  end

  def frequencies(enumerable) do
    reduce(enumerable, %{}, fn key, acc ->
      case acc do
        %{^key => n} -> %{acc | key => n + 1}
        _ -> :maps.put(key, 1, acc)
      end
    end)
  end

  def frequencies_by(enumerable, key_fun) do
    reduce(enumerable, %{}, fn x, acc ->
      key = key_fun.(x)

      case acc do
        %{^key => n} -> %{acc | key => n + 1}
        _ -> :maps.put(key, 1, acc)
      end
    end)
  end

  def group_by(enumerable, key_fun, value_fun \\ fn x -> x end) do
    enumerable
    |> reverse()
    |> reduce_list(%{}, fn x, acc ->
      key = key_fun.(x)
      value = value_fun.(x)

      case acc do
        %{^key => existing} -> %{acc | key => [value | existing]}
        _ -> :maps.put(key, [value], acc)
      end
    end)
  end

  # ---- mapping and filtering --------------------------------------------

  def map(enumerable, fun) when is_list(enumerable), do: map_list(enumerable, fun, [])

  # A range or a map is walked as Elixir's Enum.map walks it (reduce/3 with
  # the reducer): no list of its elements first.
  def map(enumerable, fun) when is_struct(enumerable, Range) or (is_map(enumerable) and not is_map_key(enumerable, :__struct__)),
    do: :lists.reverse(reduce_inline(enumerable, [], fn x, acc -> [fun.(x) | acc] end))

  def map(enumerable, fun) do
    if walked?(enumerable) do
      # Elixir's reducer and Enum.reduce's wrapper in one fn: a call less
      # an element, the same calls of fun in the same order
      {_, acc} = Enumerable.reduce(enumerable, {:cont, []}, fn x, acc -> {:cont, [fun.(x) | acc]} end)
      :lists.reverse(acc)
    else
      map_list(fold_list(enumerable), fun, [])
    end
  end

  defp map_list([], _fun, acc), do: :lists.reverse(acc)
  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])

  def map_every(enumerable, 1, fun), do: map(enumerable, fun)

  def map_every(enumerable, 0, _fun), do: to_list(enumerable)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1 do
    map_every_list(fold_list(enumerable), nth, 0, fun, [])
  end

  defp map_every_list([], _nth, _i, _fun, acc), do: :lists.reverse(acc)

  defp map_every_list([h | t], nth, 0, fun, acc),
    do: map_every_list(t, nth, nth - 1, fun, [fun.(h) | acc])

  defp map_every_list([h | t], nth, i, fun, acc),
    do: map_every_list(t, nth, i - 1, fun, [h | acc])

  def map_intersperse(enumerable, separator, mapper) do
    case fold_list(enumerable) do
      [] ->
        []

      [h | t] ->
        acc =
          reduce_list(t, [mapper.(h)], fn x, acc -> [mapper.(x), separator | acc] end)

        :lists.reverse(acc)
    end
  end

  def flat_map(list, fun) when is_list(list), do: flat_map_list(list, fun, [])

  def flat_map(enumerable, fun) do
    acc =
      reduce(enumerable, [], fn x, acc ->
        case fun.(x) do
          list when is_list(list) -> :lists.reverse(list, acc)
          other -> :lists.reverse(list(other), acc)
        end
      end)

    :lists.reverse(acc)
  end

  defp flat_map_list([], _fun, acc), do: :lists.reverse(acc)

  defp flat_map_list([h | t], fun, acc) do
    case fun.(h) do
      list when is_list(list) -> flat_map_list(t, fun, :lists.reverse(list, acc))
      other -> flat_map_list(t, fun, :lists.reverse(list(other), acc))
    end
  end

  def filter(enumerable, fun) when is_list(enumerable), do: filter_list(enumerable, fun, [])
  # a range or a map as Elixir's filter/2 walks them (reduce/3 with the reducer)
  def filter(enumerable, fun) when is_struct(enumerable, Range) or (is_map(enumerable) and not is_map_key(enumerable, :__struct__)),
    do: :lists.reverse(reduce_inline(enumerable, [], fn x, acc -> if fun.(x), do: [x | acc], else: acc end))

  def filter(enumerable, fun), do: filter_list(fold_list(enumerable), fun, [])

  defp filter_list([], _fun, acc), do: :lists.reverse(acc)

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  def filter_map(enumerable, filter, mapper) do
    enumerable |> filter(filter) |> map_list(mapper, [])
  end

  def reject(enumerable, fun) do
    reject_list(fold_list(enumerable), fun, [])
  end

  defp reject_list([], _fun, acc), do: :lists.reverse(acc)

  defp reject_list([h | t], fun, acc) do
    if fun.(h), do: reject_list(t, fun, acc), else: reject_list(t, fun, [h | acc])
  end

  def split_with(enumerable, fun) do
    {yes, no} =
      reduce(enumerable, {[], []}, fn x, {yes, no} ->
        if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]}
      end)

    {:lists.reverse(yes), :lists.reverse(no)}
  end

  def partition(enumerable, fun), do: split_with(enumerable, fun)

  def each(list, fun) when is_list(list), do: each_list(list, fun)

  def each(enumerable, fun) do
    reduce_inline(enumerable, nil, fn x, _ ->
      fun.(x)
      nil
    end)

    :ok
  end

  defp each_list([], _fun), do: :ok

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  # ---- finding ----------------------------------------------------------

  def find(enumerable, default \\ nil, fun)
  def find(list, default, fun) when is_list(list), do: find_list(list, default, fun)

  def find(enumerable, default, fun) do
    walk(enumerable, default, fn x, acc ->
      if fun.(x), do: {:halt, x}, else: {:cont, acc}
    end)
  end

  defp find_list([], default, _fun), do: default
  defp find_list([h | t], default, fun), do: if(fun.(h), do: h, else: find_list(t, default, fun))

  def find_index(enumerable, fun) do
    result =
      walk(enumerable, {:not_found, 0}, fn x, {_, i} ->
        if fun.(x), do: {:halt, {:found, i}}, else: {:cont, {:not_found, i + 1}}
      end)

    case result do
      {:found, i} -> i
      {:not_found, _} -> nil
    end
  end

  def find_value(enumerable, default \\ nil, fun) do
    walk(enumerable, default, fn x, acc ->
      value = fun.(x)
      if value, do: {:halt, value}, else: {:cont, acc}
    end)
  end

  # ---- positional access ------------------------------------------------

  def at(enumerable, index, default \\ nil) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def fetch!(enumerable, index) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, value} -> value
      :error -> raise Enum.OutOfBoundsError # elixir:1072
    end
  end

  def fetch(enumerable, index) when is_list(enumerable) and is_integer(index) do
    if index < 0 do
      fetch_list(enumerable, length(enumerable) + index)
    else
      fetch_list(enumerable, index)
    end
  end

  def fetch(%Range{first: first, last: last, step: step}, index) when is_integer(index) do
    size = range_size(first, last, step)
    index = if index < 0, do: size + index, else: index

    if index >= 0 and index < size do
      {:ok, first + index * step}
    else
      :error
    end
  end

  def fetch(%{__struct__: s} = enumerable, index) when s != MapSet and is_integer(index) and index >= 0,
    do: fetch_lazily(enumerable, index)

  def fetch(stream, index) when is_function(stream, 2) and is_integer(index) and index >= 0,
    do: fetch_lazily(stream, index)

  def fetch(enumerable, index) when is_integer(index) do
    fetch(list(enumerable), index)
  end

  defp fetch_lazily(stream, index) do
    walk(stream, {:error, index}, fn x, {:error, i} ->
      if i == 0, do: {:halt, {:ok, x}}, else: {:cont, {:error, i - 1}}
    end)
    |> case do
      {:ok, x} -> {:ok, x}
      {:error, _} -> :error
    end
  end


  defp fetch_list(_list, index) when index < 0, do: :error
  defp fetch_list([], _index), do: :error
  defp fetch_list([h | _], 0), do: {:ok, h}
  defp fetch_list([_ | t], index), do: fetch_list(t, index - 1)

  # ---- taking and dropping ----------------------------------------------

  def take(_enumerable, 0), do: []

  def take(enumerable, amount) when is_integer(amount) and amount > 0 do
    taken =
      walk(enumerable, {[], amount}, fn x, {acc, n} ->
        if n == 1, do: {:halt, {[x | acc], 0}}, else: {:cont, {[x | acc], n - 1}}
      end)

    :lists.reverse(elem(taken, 0))
  end

  def take(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = list(enumerable)
    drop_list(list, length(list) + amount)
  end

  def drop(enumerable, amount) when is_integer(amount) and amount >= 0 do
    drop_list(list(enumerable), amount)
  end

  def drop(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = list(enumerable)
    take_list(list, length(list) + amount, [])
  end

  defp drop_list(list, n) when n <= 0, do: list
  defp drop_list([], _n), do: []
  defp drop_list([_ | t], n), do: drop_list(t, n - 1)

  defp take_list(_list, n, acc) when n <= 0, do: :lists.reverse(acc)
  defp take_list([], _n, acc), do: :lists.reverse(acc)
  defp take_list([h | t], n, acc), do: take_list(t, n - 1, [h | acc])

  def take_every(enumerable, nth) when is_integer(nth) and nth >= 0 do
    case nth do
      0 -> []
      1 -> to_list(enumerable)
      _ -> every_list(list(enumerable), nth, 0, true, [])
    end
  end

  def drop_every(enumerable, nth) when is_integer(nth) and nth >= 0 do
    case nth do
      0 -> to_list(enumerable)
      1 -> []
      _ -> every_list(list(enumerable), nth, 0, false, [])
    end
  end

  defp every_list([], _nth, _i, _keep, acc), do: :lists.reverse(acc)

  defp every_list([h | t], nth, 0, keep, acc) do
    if keep,
      do: every_list(t, nth, nth - 1, keep, [h | acc]),
      else: every_list(t, nth, nth - 1, keep, acc)
  end

  defp every_list([h | t], nth, i, keep, acc) do
    if keep,
      do: every_list(t, nth, i - 1, keep, acc),
      else: every_list(t, nth, i - 1, keep, [h | acc])
  end

  def take_while(enumerable, fun) do
    taken =
      walk(enumerable, [], fn x, acc ->
        if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc}
      end)

    :lists.reverse(taken)
  end

  def drop_while(enumerable, fun), do: drop_while_list(list(enumerable), fun)

  defp drop_while_list([], _fun), do: []

  defp drop_while_list([h | t] = list, fun) do
    if fun.(h), do: drop_while_list(t, fun), else: list
  end

  def split(enumerable, count) when is_integer(count) and count >= 0 do
    split_list(list(enumerable), count, [])
  end

  def split(enumerable, count) when is_integer(count) and count < 0 do
    list = list(enumerable)
    split_list(list, length(list) + count, [])
  end

  defp split_list(list, n, acc) when n <= 0, do: {:lists.reverse(acc), list}
  defp split_list([], _n, acc), do: {:lists.reverse(acc), []}
  defp split_list([h | t], n, acc), do: split_list(t, n - 1, [h | acc])

  def split_while(enumerable, fun), do: split_while_list(list(enumerable), fun, [])

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  defp split_while_list([h | t] = list, fun, acc) do
    if fun.(h),
      do: split_while_list(t, fun, [h | acc]),
      else: {:lists.reverse(acc), list}
  end

  # ---- slicing ----------------------------------------------------------

  def slice(enumerable, %Range{first: first, last: last, step: step} = range) do
    list = list(enumerable)

    # Ranges such as 1..-1 (written without a step, so their step is -1)
    # are read as if their step were 1, as Elixir 1.14 does.
    step = if step == -1 and first > last, do: 1, else: step

    if step <= 0 do
      raise ArgumentError,
            "Enum.slice/2 does not accept ranges with negative steps, got: #{inspect(range)}"
    end

    count = length(list)
    first = if first < 0, do: :erlang.max(first + count, 0), else: first
    last = if last < 0, do: last + count, else: last
    amount = last - first + 1

    if first < count and amount > 0 do
      sliced = take_list(drop_list(list, first), amount, [])
      if step == 1, do: sliced, else: take_every(sliced, step)
    else
      []
    end
  end

  def slice(enumerable, start, amount)
      when is_integer(start) and is_integer(amount) and amount >= 0 do
    list = list(enumerable)

    start =
      if start < 0 do
        :erlang.max(length(list) + start, 0)
      else
        start
      end

    take_list(drop_list(list, start), amount, [])
  end

  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = list(enumerable)
    {front, rest} = split_list(list, start_index, [])
    {middle, back} = split_list(rest, count, [])
    front ++ :lists.reverse(middle) ++ back
  end

  def slide(enumerable, index_range, insertion_index) do
    list = list(enumerable)
    count = length(list)

    {first, last} =
      case index_range do
        %Range{first: first, last: last} -> {first, last}
        index when is_integer(index) -> {index, index}
      end

    first = if first < 0, do: first + count, else: first
    last = if last < 0, do: last + count, else: last
    insertion_index = if insertion_index < 0, do: insertion_index + count, else: insertion_index

    cond do
      insertion_index >= first and insertion_index <= last ->
        list

      first > last or first >= count ->
        list

      true ->
        last = :erlang.min(last, count - 1)
        {front, rest} = split_list(list, first, [])
        {moved, back} = split_list(rest, last - first + 1, [])
        remaining = front ++ back

        insert_at =
          if insertion_index > last,
            do: insertion_index - length(moved) + 1,
            else: insertion_index

        {a, b} = split_list(remaining, insert_at, [])
        a ++ moved ++ b
    end
  end

  # ---- chunking ---------------------------------------------------------

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_loop(list(enumerable), count, step, leftover, [], 0, 0, [])
  end

  defp chunk_loop([], count, _step, leftover, buffer, size, _skip, acc) do
    if size > 0 and leftover != :discard do
      chunk = :lists.reverse(buffer, take(leftover, count - size))
      :lists.reverse([chunk | acc])
    else
      :lists.reverse(acc)
    end
  end

  defp chunk_loop([_ | t], count, step, leftover, buffer, size, skip, acc) when skip > 0 do
    chunk_loop(t, count, step, leftover, buffer, size, skip - 1, acc)
  end

  defp chunk_loop([h | t], count, step, leftover, buffer, size, _skip, acc) do
    buffer = [h | buffer]
    size = size + 1

    if size == count do
      chunk = :lists.reverse(buffer)

      if step >= count do
        chunk_loop(t, count, step, leftover, [], 0, step - count, [chunk | acc])
      else
        kept = :lists.reverse(drop_list(chunk, step))
        chunk_loop(t, count, step, leftover, kept, count - step, 0, [chunk | acc])
      end
    else
      chunk_loop(t, count, step, leftover, buffer, size, 0, acc)
    end
  end

  def chunk_by(enumerable, fun) do
    case list(enumerable) do
      [] ->
        []

      [h | t] ->
        chunk_by_list(t, fun, fun.(h), [h], [])
    end
  end

  defp chunk_by_list([], _fun, _key, chunk, acc), do: :lists.reverse([:lists.reverse(chunk) | acc])

  defp chunk_by_list([h | t], fun, key, chunk, acc) do
    new_key = fun.(h)

    if new_key == key do
      chunk_by_list(t, fun, key, [h | chunk], acc)
    else
      chunk_by_list(t, fun, new_key, [h], [:lists.reverse(chunk) | acc])
    end
  end

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {chunks, acc} =
      walk(enumerable, {[], acc}, fn x, {chunks, acc} ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} -> {:cont, {[chunk | chunks], acc}}
          {:cont, acc} -> {:cont, {chunks, acc}}
          {:halt, acc} -> {:halt, {chunks, acc}}
        end
      end)

    case after_fun.(acc) do
      {:cont, _acc} -> :lists.reverse(chunks)
      {:cont, chunk, _acc} -> :lists.reverse([chunk | chunks])
    end
  end

  # ---- deduplication ----------------------------------------------------

  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)

  def uniq_by(enumerable, fun), do: uniq_list(fold_list(enumerable), fun, %{}, [])

  defp uniq_list([], _fun, _seen, acc), do: :lists.reverse(acc)

  defp uniq_list([h | t], fun, seen, acc) do
    key = fun.(h)

    if is_map_key(seen, key) do
      uniq_list(t, fun, seen, acc)
    else
      uniq_list(t, fun, :maps.put(key, true, seen), [h | acc])
    end
  end

  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  def dedup_by(enumerable, fun) do
    case fold_list(enumerable) do
      [] -> []
      [h | t] -> dedup_list(t, fun, fun.(h), [h])
    end
  end

  defp dedup_list([], _fun, _last, acc), do: :lists.reverse(acc)

  defp dedup_list([h | t], fun, last, acc) do
    key = fun.(h)

    if key === last do
      dedup_list(t, fun, last, acc)
    else
      dedup_list(t, fun, key, [h | acc])
    end
  end

  # ---- combining --------------------------------------------------------

  def concat(enumerables) do
    acc = reduce(enumerables, [], fn e, acc -> :lists.reverse(fold_list(e), acc) end)
    :lists.reverse(acc)
  end

  def concat(left, right) when is_list(left) and is_list(right), do: left ++ right
  def concat(left, right), do: fold_list(left) ++ fold_list(right)

  def intersperse(enumerable, separator) do
    case fold_list(enumerable) do
      [] ->
        []

      [h | t] ->
        :lists.reverse(reduce_list(t, [h], fn x, acc -> [x, separator | acc] end))
    end
  end

  def reverse(list) when is_list(list), do: :lists.reverse(list)
  def reverse(enumerable), do: :lists.reverse(fold_list(enumerable))

  def reverse(enumerable, tail), do: :lists.reverse(fold_list(enumerable), to_list(tail))

  def to_list(list) when is_list(list), do: list
  def to_list(enumerable), do: list(enumerable)

  def with_index(enumerable, fun_or_offset \\ 0)

  def with_index(enumerable, offset) when is_integer(offset) do
    {list, _} = map_reduce(enumerable, offset, fn x, i -> {{x, i}, i + 1} end)
    list
  end

  def with_index(enumerable, fun) when is_function(fun, 2) do
    {list, _} = map_reduce(enumerable, 0, fn x, i -> {fun.(x, i), i + 1} end)
    list
  end

  # Streams and structs with their own Enumerable may be endless: they
  # are zipped a step at a time.
  defp lazy?(%{__struct__: s}), do: s != MapSet
  defp lazy?(enumerable), do: is_function(enumerable, 2)

  def zip(left, right) do
    if lazy?(left) or lazy?(right),
      do: list(Stream.zip(left, right)),
      else: zip_lists(list(left), list(right), [])
  end

  defp zip_lists([h1 | t1], [h2 | t2], acc), do: zip_lists(t1, t2, [{h1, h2} | acc])
  defp zip_lists(_, _, acc), do: :lists.reverse(acc)

  def zip([]), do: []

  def zip(enumerables) do
    if lazy?(enumerables) or any?(enumerables, &lazy?/1),
      do: list(Stream.zip(enumerables)),
      else: zip_with(enumerables, fn items -> :erlang.list_to_tuple(items) end)
  end

  def zip_with(left, right, fun) do
    if lazy?(left) or lazy?(right),
      do: list(Stream.zip_with(left, right, fun)),
      else: zip_with_lists(list(left), list(right), fun, [])
  end

  defp zip_with_lists([h1 | t1], [h2 | t2], fun, acc),
    do: zip_with_lists(t1, t2, fun, [fun.(h1, h2) | acc])

  defp zip_with_lists(_, _, _fun, acc), do: :lists.reverse(acc)

  def zip_with([], _fun), do: []

  def zip_with(enumerables, fun) do
    lists = map(enumerables, fn e -> list(e) end)
    zip_many(lists, fun, [])
  end

  # no enumerables at all (an empty map): nothing to zip, not an endless list of empty tuples
  defp zip_many([], _fun, acc), do: :lists.reverse(acc)

  defp zip_many(lists, fun, acc) do
    case zip_heads(lists, [], []) do
      {:ok, heads, tails} -> zip_many(tails, fun, [fun.(heads) | acc])
      :done -> :lists.reverse(acc)
    end
  end

  defp zip_heads([], heads, tails), do: {:ok, :lists.reverse(heads), :lists.reverse(tails)}
  defp zip_heads([[h | t] | rest], heads, tails), do: zip_heads(rest, [h | heads], [t | tails])
  defp zip_heads(_, _heads, _tails), do: :done

  def zip_reduce(left, right, acc, reducer), do: zip_reduce_lists(list(left), list(right), acc, reducer)

  defp zip_reduce_lists([h1 | t1], [h2 | t2], acc, reducer),
    do: zip_reduce_lists(t1, t2, reducer.(h1, h2, acc), reducer)

  defp zip_reduce_lists(_, _, acc, _reducer), do: acc

  def zip_reduce([], acc, _reducer), do: acc

  def zip_reduce(enumerables, acc, reducer) do
    zip_reduce_many(map(enumerables, fn e -> list(e) end), acc, reducer)
  end

  defp zip_reduce_many([], acc, _reducer), do: acc

  defp zip_reduce_many(lists, acc, reducer) do
    case zip_heads(lists, [], []) do
      {:ok, heads, tails} -> zip_reduce_many(tails, reducer.(heads, acc), reducer)
      :done -> acc
    end
  end

  def unzip(enumerable) do
    {lefts, rights} =
      reduce(enumerable, {[], []}, fn {left, right}, {lefts, rights} ->
        {[left | lefts], [right | rights]}
      end)

    {:lists.reverse(lefts), :lists.reverse(rights)}
  end

  # ---- into and join ----------------------------------------------------

  def into(enumerable, collectable) when is_list(collectable) do
    collectable ++ to_list(enumerable)
  end

  def into(enumerable, %MapSet{map: map} = set) do
    %{set | map: reduce(enumerable, map, fn x, acc -> :maps.put(x, [], acc) end)}
  end

  # Collectable.into/1 of a struct: {initial, collector}; the collector
  # takes {:cont, x} for each element, then :done (or :halt if the walk
  # raised).
  def into(enumerable, %{__struct__: _} = struct), do: collect_into(enumerable, struct)

  def into(enumerable, map) when is_list(enumerable) and is_map(map) do
    into_map_list(enumerable, map)
  end

  def into(enumerable, map) when is_map(map) do
    reduce(enumerable, map, fn
      {key, value}, acc -> :maps.put(key, value, acc)
      _other, _acc -> raise_collectable_clause(Collectable.Map)
    end)
  end

  def into(enumerable, bitstring) when is_bitstring(bitstring) do
    reduce(enumerable, bitstring, fn
      x, acc when is_bitstring(x) -> <<acc::bitstring, x::bitstring>>
      _x, _acc -> raise_collectable_clause(Collectable.BitString)
    end)
  end

  def into(enumerable, other), do: collect_into(enumerable, other)

  defp collect_into(enumerable, collectable) do
    {initial, collector} = Collectable.into(collectable)

    try do
      reduce(enumerable, initial, fn x, acc -> collector.(acc, {:cont, x}) end)
    catch
      kind, reason ->
        collector.(initial, :halt)
        :erlang.raise(kind, reason, __STACKTRACE__)
    else
      acc -> collector.(acc, :done)
    end
  end

  def into(enumerable, collectable, transform) when is_list(collectable) do
    collectable ++ map(enumerable, transform)
  end

  def into(enumerable, collectable, transform) do
    into(map(enumerable, transform), collectable)
  end

  # Built in one pass; a bad entry raises a plain ArgumentError, as on the BEAM.
  defp into_map_list(list, map) when map_size(map) == 0, do: :maps.from_list(list)
  defp into_map_list(list, map), do: :maps.merge(map, :maps.from_list(list))

  # Elixir's Collectable implementations reject a bad element with a
  # FunctionClauseError raised in their anonymous collector function.
  defp raise_collectable_clause(module) do
    raise FunctionClauseError, module: module, function: :"-into/1-fun-0-", arity: 2
  end

  def join(enumerable, joiner \\ "")

  def join(enumerable, joiner) when is_binary(joiner) do
    case fold_list(enumerable) do
      [] ->
        ""

      [h | t] ->
        acc = reduce_list(t, [entry_to_string(h)], fn x, acc -> [entry_to_string(x), joiner | acc] end)
        :erlang.iolist_to_binary(:lists.reverse(acc))
    end
  end

  def map_join(enumerable, joiner \\ "", mapper) when is_binary(joiner) do
    case fold_list(enumerable) do
      [] ->
        ""

      [h | t] ->
        acc =
          reduce_list(t, [entry_to_string(mapper.(h))], fn x, acc ->
            [entry_to_string(mapper.(x)), joiner | acc]
          end)

        :erlang.iolist_to_binary(:lists.reverse(acc))
    end
  end

  defp entry_to_string(entry) when is_binary(entry), do: entry
  defp entry_to_string(entry), do: :genlab.to_string(entry)

  # ---- sums -------------------------------------------------------------

  def sum(%Range{first: first, last: last, step: step}) do
    size = range_size(first, last, step)

    if size == 0 do
      0
    else
      last = first + (size - 1) * step
      div((first + last) * size, 2)
    end
  end

  def sum(list) when is_list(list), do: sum_list(list, 0)
  def sum(enumerable), do: reduce(enumerable, 0, fn x, acc -> x + acc end)

  defp sum_list([], acc), do: acc
  defp sum_list([h | t], acc), do: sum_list(t, h + acc)

  def product(enumerable), do: reduce(enumerable, 1, fn x, acc -> x * acc end)

  # ---- min and max ------------------------------------------------------

  def max(enumerable, sorter \\ &>=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def max(enumerable, empty_fallback, _) when is_function(empty_fallback, 0) do
    max(enumerable, &>=/2, empty_fallback)
  end

  def max(enumerable, sorter, empty_fallback) do
    pick_by(enumerable, fn x -> x end, max_sort_fun(sorter), empty_fallback)
  end

  def min(enumerable, sorter \\ &<=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min(enumerable, empty_fallback, _) when is_function(empty_fallback, 0) do
    min(enumerable, &<=/2, empty_fallback)
  end

  def min(enumerable, sorter, empty_fallback) do
    pick_by(enumerable, fn x -> x end, min_sort_fun(sorter), empty_fallback)
  end

  def max_by(enumerable, fun, sorter \\ &>=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def max_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0) do
    max_by(enumerable, fun, &>=/2, empty_fallback)
  end

  def max_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1) do
    pick_by(enumerable, fun, max_sort_fun(sorter), empty_fallback)
  end

  def min_by(enumerable, fun, sorter \\ &<=/2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0) do
    min_by(enumerable, fun, &<=/2, empty_fallback)
  end

  def min_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1) do
    pick_by(enumerable, fun, min_sort_fun(sorter), empty_fallback)
  end

  defp max_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp max_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end

  defp min_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp min_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  defp pick_by(enumerable, fun, sorter, empty_fallback) do
    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        {best, _} =
          reduce_list(t, {h, fun.(h)}, fn x, {best, best_key} ->
            key = fun.(x)
            if sorter.(best_key, key), do: {best, best_key}, else: {x, key}
          end)

        best
    end
  end

  def min_max(enumerable, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        reduce_list(t, {h, h}, fn x, {lo, hi} ->
          lo = if x < lo, do: x, else: lo
          hi = if x > hi, do: x, else: hi
          {lo, hi}
        end)
    end
  end

  def min_max_by(enumerable, fun, sorter_or_fallback \\ &</2, empty_fallback \\ fn -> raise Enum.EmptyError end)

  def min_max_by(enumerable, fun, empty_fallback, _) when is_function(empty_fallback, 0) do
    min_max_by(enumerable, fun, &</2, empty_fallback)
  end

  def min_max_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1) do
    less =
      if is_atom(sorter),
        do: fn a, b -> sorter.compare(a, b) == :lt end,
        else: sorter

    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        k = fun.(h)

        {lo, _, hi, _} =
          reduce_list(t, {h, k, h, k}, fn x, {lo, lo_key, hi, hi_key} ->
            key = fun.(x)

            cond do
              less.(key, lo_key) -> {x, key, hi, hi_key}
              less.(hi_key, key) -> {lo, lo_key, x, key}
              true -> {lo, lo_key, hi, hi_key}
            end
          end)

        {lo, hi}
    end
  end

  # ---- sorting ----------------------------------------------------------

  def sort(enumerable), do: :lists.sort(list(enumerable))

  def sort(enumerable, sorter), do: merge_sort(list(enumerable), to_sort_fun(sorter))

  defp to_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp to_sort_fun(:asc), do: &<=/2
  defp to_sort_fun(:desc), do: &>=/2
  defp to_sort_fun({:asc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end
  defp to_sort_fun({:desc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end
  defp to_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  def sort_by(enumerable, mapper, sorter \\ :asc) do
    fun = to_sort_fun(sorter)

    enumerable
    |> map(fn x -> {mapper.(x), x} end)
    |> merge_sort(fn {a, _}, {b, _} -> fun.(a, b) end)
    |> map_list(fn {_, x} -> x end, [])
  end

  # A stable bottom-up merge sort: on a tie (sorter answers true) the left
  # element goes first.
  defp merge_sort([], _fun), do: []
  defp merge_sort([_] = list, _fun), do: list

  defp merge_sort(list, fun) do
    runs = map_list(list, fn x -> [x] end, [])
    merge_passes(runs, fun)
  end

  defp merge_passes([run], _fun), do: run
  defp merge_passes(runs, fun), do: merge_passes(merge_pairs(runs, fun, []), fun)

  defp merge_pairs([a, b | rest], fun, acc), do: merge_pairs(rest, fun, [merge(a, b, fun, []) | acc])
  defp merge_pairs([a], _fun, acc), do: :lists.reverse([a | acc])
  defp merge_pairs([], _fun, acc), do: :lists.reverse(acc)

  defp merge([], b, _fun, acc), do: :lists.reverse(acc, b)
  defp merge(a, [], _fun, acc), do: :lists.reverse(acc, a)

  defp merge([ha | ta] = a, [hb | tb] = b, fun, acc) do
    if fun.(ha, hb) do
      merge(ta, b, fun, [ha | acc])
    else
      merge(a, tb, fun, [hb | acc])
    end
  end

  # ---- randomness (genlab's :rand is seeded, so runs are reproducible) --

  def random(enumerable) do
    case list(enumerable) do
      [] -> raise Enum.EmptyError # elixir:2349
      list -> :lists.nth(:rand.uniform(length(list)), list)
    end
  end

  def shuffle(enumerable) do
    tagged = map(enumerable, fn x -> {:rand.uniform(), x} end)
    map_list(:lists.keysort(1, tagged), fn {_, x} -> x end, [])
  end

  def take_random(_enumerable, 0), do: []

  def take_random(enumerable, count) when is_integer(count) and count > 0 do
    take_list(shuffle(enumerable), count, [])
  end

  # ---- deprecated chunk -------------------------------------------------

  def chunk(enumerable, count), do: chunk_every(enumerable, count, count, :discard)
  def chunk(enumerable, count, step), do: chunk_every(enumerable, count, step, :discard)

  def chunk(enumerable, count, step, nil), do: chunk_every(enumerable, count, step, :discard)
  def chunk(enumerable, count, step, leftover), do: chunk_every(enumerable, count, step, leftover)
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end

defmodule Enum.OutOfBoundsError do
  defexception message: "out of bounds error"
end
