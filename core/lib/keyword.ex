defmodule Keyword do
  # Keyword lists: lists of {atom, value} pairs where keys may repeat.

  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?([]), do: true
  def keyword?(_other), do: false

  def new, do: []

  # Later entries win; entries are taken from the end, as Elixir does.
  def new(pairs), do: new_loop(Enum.reverse(pairs), fn pair -> pair end, [])

  def new(pairs, transform) when is_function(transform, 1) do
    new_loop(Enum.reverse(pairs), transform, [])
  end

  defp new_loop([], _transform, acc), do: acc

  defp new_loop([h | t], transform, acc) do
    {key, value} = transform.(h)
    new_loop(t, transform, put_new(acc, key, value))
  end

  def get(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> default
    end
  end

  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> fun.()
    end
  end

  def fetch(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> raise KeyError, key: key, term: keywords
    end
  end

  def has_key?(keywords, key) when is_list(keywords) and is_atom(key) do
    :lists.keymember(key, 1, keywords)
  end

  def get_values(keywords, key) when is_list(keywords) and is_atom(key) do
    get_values(keywords, key, [])
  end

  defp get_values([], _key, acc), do: :lists.reverse(acc)
  defp get_values([{key, value} | t], key, acc), do: get_values(t, key, [value | acc])
  defp get_values([{_, _} | t], key, acc), do: get_values(t, key, acc)

  def keys(keywords) when is_list(keywords), do: keys_loop(keywords, [])

  defp keys_loop([], acc), do: :lists.reverse(acc)
  defp keys_loop([{key, _} | t], acc) when is_atom(key), do: keys_loop(t, [key | acc])

  defp keys_loop([other | _], _acc) do
    raise ArgumentError,
          "expected a keyword list, but an entry in the list is not a two-element tuple with an atom as its first element, got: " <>
            inspect(other)
  end

  def values(keywords) when is_list(keywords), do: values_loop(keywords, [])

  defp values_loop([], acc), do: :lists.reverse(acc)
  defp values_loop([{_, value} | t], acc), do: values_loop(t, [value | acc])
  defp values_loop(_, _acc), do: anonymous_clause(:"-values/1-fun-0-", 1)

  # Elixir reports a bad entry met inside one of its anonymous functions.
  defp anonymous_clause(function, arity) do
    raise FunctionClauseError, module: Keyword, function: function, arity: arity
  end

  def to_list(keywords) when is_list(keywords), do: keywords

  def size(keywords) when is_list(keywords), do: length(keywords)

  def delete(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> delete_key(keywords, key)
      false -> keywords
    end
  end

  defp delete_key([{key, _} | t], key), do: delete_key(t, key)
  defp delete_key([{_, _} = pair | t], key), do: [pair | delete_key(t, key)]
  defp delete_key([], _key), do: []

  def delete(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> delete_key_value(keywords, key, value)
      false -> keywords
    end
  end

  defp delete_key_value([{key, value} | t], key, value), do: delete_key_value(t, key, value)
  defp delete_key_value([{_, _} = pair | t], key, value), do: [pair | delete_key_value(t, key, value)]
  defp delete_key_value([], _key, _value), do: []

  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> delete_first_key(keywords, key)
      false -> keywords
    end
  end

  defp delete_first_key([{key, _} | t], key), do: t
  defp delete_first_key([{_, _} = pair | t], key), do: [pair | delete_first_key(t, key)]

  def put(keywords, key, value) when is_list(keywords) and is_atom(key) do
    [{key, value} | delete(keywords, key)]
  end

  def put_new(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, _} -> keywords
      false -> [{key, value} | keywords]
    end
  end

  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, _} -> keywords
      false -> [{key, fun.()} | keywords]
    end
  end

  def equal?(left, right) when is_list(left) and is_list(right) do
    :lists.sort(left) === :lists.sort(right)
  end

  def merge(keywords1, keywords2) when is_list(keywords1) and is_list(keywords2) do
    if keyword?(keywords2) do
      drop_keys(keywords1, keys(keywords2), keywords1, []) ++ keywords2
    else
      raise ArgumentError,
            "expected a keyword list as the second argument, got: " <> inspect(keywords2)
    end
  end

  defp drop_keys([], _keys, _original, acc), do: :lists.reverse(acc)

  defp drop_keys([{key, _} = pair | t], keys, original, acc) when is_atom(key) do
    if :lists.member(key, keys),
      do: drop_keys(t, keys, original, acc),
      else: drop_keys(t, keys, original, [pair | acc])
  end

  defp drop_keys(_, _keys, original, _acc) do
    raise ArgumentError, "expected a keyword list as the first argument, got: " <> inspect(original)
  end

  def merge(keywords1, keywords2, fun)
      when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    if keyword?(keywords1) do
      merge_with(keywords2, keywords1, fun, [], keywords2)
    else
      raise ArgumentError,
            "expected a keyword list as the first argument, got: " <> inspect(keywords1)
    end
  end

  # Each entry of the right list meets the first remaining entry with the
  # same key in the left list.
  defp merge_with([{key, value2} | t], left, fun, acc, original) when is_atom(key) do
    case :lists.keyfind(key, 1, left) do
      {^key, value1} ->
        left = delete_first_key(left, key)
        merge_with(t, left, fun, [{key, fun.(key, value1, value2)} | acc], original)

      false ->
        merge_with(t, left, fun, [{key, value2} | acc], original)
    end
  end

  defp merge_with([], left, _fun, acc, _original), do: left ++ :lists.reverse(acc)

  defp merge_with(_, _left, _fun, _acc, original) do
    raise ArgumentError,
          "expected a keyword list as the second argument, got: " <> inspect(original)
  end

  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    update_guarded(keywords, key, default, fun)
  end

  defp update_guarded([{key, value} | t], key, _default, fun), do: [{key, fun.(value)} | delete(t, key)]
  defp update_guarded([{_, _} = pair | t], key, default, fun), do: [pair | update_guarded(t, key, default, fun)]
  defp update_guarded([], key, default, _fun), do: [{key, default}]

  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    update!(keywords, key, fun, keywords)
  end

  defp update!([{key, value} | t], key, fun, _original), do: [{key, fun.(value)} | delete(t, key)]
  defp update!([{_, _} = pair | t], key, fun, original), do: [pair | update!(t, key, fun, original)]
  defp update!([], key, _fun, original), do: raise(KeyError, key: key, term: original)

  def replace(keywords, key, value) when is_list(keywords) and is_atom(key) do
    do_replace(keywords, key, value)
  end

  defp do_replace([{key, _} | t], key, value), do: [{key, value} | delete(t, key)]
  defp do_replace([{_, _} = pair | t], key, value), do: [pair | do_replace(t, key, value)]
  defp do_replace([], _key, _value), do: []

  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key) do
    replace!(keywords, key, value, keywords)
  end

  defp replace!([{key, _} | t], key, value, _original), do: [{key, value} | delete(t, key)]
  defp replace!([{_, _} = pair | t], key, value, original), do: [pair | replace!(t, key, value, original)]
  defp replace!([], key, _value, original), do: raise(KeyError, key: key, term: original)

  def replace_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    do_replace_lazy(keywords, key, fun)
  end

  defp do_replace_lazy([{key, value} | t], key, fun), do: [{key, fun.(value)} | delete(t, key)]
  defp do_replace_lazy([{_, _} = pair | t], key, fun), do: [pair | do_replace_lazy(t, key, fun)]
  defp do_replace_lazy([], _key, _fun), do: []

  def pop(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  def pop_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  def pop_first(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keytake(key, 1, keywords) do
      {:value, {^key, value}, rest} -> {value, rest}
      false -> {default, keywords}
    end
  end

  def pop_values(keywords, key) when is_list(keywords) and is_atom(key) do
    pop_values(keywords, key, [], [])
  end

  defp pop_values([], _key, values, rest), do: {:lists.reverse(values), :lists.reverse(rest)}
  defp pop_values([{key, value} | t], key, values, rest), do: pop_values(t, key, [value | values], rest)
  defp pop_values([{_, _} = pair | t], key, values, rest), do: pop_values(t, key, values, [pair | rest])

  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    get_and_update(keywords, [], key, fun)
  end

  defp get_and_update([{key, current} | t], acc, key, fun) do
    case fun.(current) do
      {get, value} -> {get, :lists.reverse(acc, [{key, value} | t])}
      :pop -> {current, :lists.reverse(acc, t)}
      other -> bad_get_and_update(other)
    end
  end

  defp get_and_update([{_, _} = pair | t], acc, key, fun) do
    get_and_update(t, [pair | acc], key, fun)
  end

  defp get_and_update([], acc, key, fun) do
    case fun.(nil) do
      {get, update} -> {get, [{key, update} | :lists.reverse(acc)]}
      :pop -> {nil, :lists.reverse(acc)}
      other -> bad_get_and_update(other)
    end
  end

  def get_and_update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    get_and_update!(keywords, key, fun, keywords)
  end

  defp get_and_update!([{key, value} | t], key, fun, _original) do
    case fun.(value) do
      {get, value} -> {get, [{key, value} | delete(t, key)]}
      :pop -> {value, t}
      other -> bad_get_and_update(other)
    end
  end

  defp get_and_update!([{_, _} = pair | t], key, fun, original) do
    {get, rest} = get_and_update!(t, key, fun, original)
    {get, [pair | rest]}
  end

  defp get_and_update!([], key, _fun, original) do
    raise KeyError, key: key, term: original
  end

  defp bad_get_and_update(other) do
    raise RuntimeError,
          "the given function must return a two-element tuple or :pop, got: " <> inspect(other)
  end

  def take(keywords, keys) when is_list(keywords) and is_list(keys) do
    take_loop(keywords, keys, true, [], :"-take/2-fun-0-")
  end

  def drop(keywords, keys) when is_list(keywords) and is_list(keys) do
    take_loop(keywords, keys, false, [], :"-drop/2-fun-0-")
  end

  defp take_loop([], _keys, _keep, acc, _name), do: :lists.reverse(acc)

  defp take_loop([{key, _} = pair | t], keys, keep, acc, name) do
    if :lists.member(key, keys) == keep,
      do: take_loop(t, keys, keep, [pair | acc], name),
      else: take_loop(t, keys, keep, acc, name)
  end

  defp take_loop(_, _keys, _keep, _acc, name), do: anonymous_clause(name, 1)

  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    split_loop(keywords, keys, [], [])
  end

  defp split_loop([], _keys, taken, rest), do: {:lists.reverse(taken), :lists.reverse(rest)}

  defp split_loop([{key, _} = pair | t], keys, taken, rest) do
    if :lists.member(key, keys),
      do: split_loop(t, keys, [pair | taken], rest),
      else: split_loop(t, keys, taken, [pair | rest])
  end

  defp split_loop(_, _keys, _taken, _rest), do: anonymous_clause(:"-split/2-fun-0-", 2)

  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    do_filter(keywords, fun)
  end

  defp do_filter([], _fun), do: []

  defp do_filter([{_, _} = pair | t], fun) do
    if fun.(pair), do: [pair | do_filter(t, fun)], else: do_filter(t, fun)
  end

  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    do_reject(keywords, fun)
  end

  defp do_reject([], _fun), do: []

  defp do_reject([{_, _} = pair | t], fun) do
    if fun.(pair), do: do_reject(t, fun), else: [pair | do_reject(t, fun)]
  end

  def map(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    map_loop(keywords, fun, [])
  end

  defp map_loop([], _fun, acc), do: :lists.reverse(acc)
  defp map_loop([{key, _} = pair | t], fun, acc), do: map_loop(t, fun, [{key, fun.(pair)} | acc])
  defp map_loop(_, _fun, _acc), do: anonymous_clause(:"-map/2-fun-0-", 1)

  def from_keys(keys, value) when is_list(keys) do
    from_keys_loop(keys, value, [])
  end

  defp from_keys_loop([], _value, acc), do: :lists.reverse(acc)
  defp from_keys_loop([key | t], value, acc), do: from_keys_loop(t, value, [{key, value} | acc])

  def validate(keywords, values) when is_list(keywords) and is_list(values) do
    validate_loop(keywords, values, [], [])
  end

  # Each entry consumes the first matching spec (`key` or `{key, default}`);
  # the specs left over add their defaults.
  defp validate_loop([], specs, acc, []), do: {:ok, add_defaults(specs, acc)}
  defp validate_loop([], _specs, _acc, bad_keys), do: {:error, bad_keys}

  defp validate_loop([{key, _} = pair | t], specs, acc, bad_keys) when is_atom(key) do
    case take_spec(specs, key, []) do
      {:ok, specs} -> validate_loop(t, specs, [pair | acc], bad_keys)
      :error -> validate_loop(t, specs, acc, [key | bad_keys])
    end
  end

  defp validate_loop([pair | _], _specs, _acc, _bad_keys) do
    raise ArgumentError, "expected a keyword list as first argument, got invalid entry: " <> inspect(pair)
  end

  defp take_spec([], _key, _acc), do: :error
  defp take_spec([key | t], key, acc), do: {:ok, :lists.reverse(acc, t)}
  defp take_spec([{key, _} | t], key, acc), do: {:ok, :lists.reverse(acc, t)}
  defp take_spec([spec | t], key, acc), do: take_spec(t, key, [spec | acc])

  defp add_defaults([], acc), do: acc
  defp add_defaults([{key, _} = pair | t], acc) when is_atom(key), do: add_defaults(t, [pair | acc])
  defp add_defaults([key | t], acc) when is_atom(key), do: add_defaults(t, acc)

  defp add_defaults([other | _], _acc) do
    raise ArgumentError,
          "expected the second argument to be a list of atoms or tuples, got: " <> inspect(other)
  end

  def validate!(keywords, values) do
    case validate(keywords, values) do
      {:ok, keywords} ->
        keywords

      {:error, invalid} ->
        allowed = Enum.map(values, fn spec -> if is_tuple(spec), do: elem(spec, 0), else: spec end)

        # A key that is allowed but refused was given twice; unknown keys
        # are reported first.
        case Enum.split_with(invalid, &(&1 in allowed)) do
          {_, [_ | _] = unknown} ->
            raise ArgumentError,
                  "unknown keys " <> inspect(unknown) <> " in " <> inspect(keywords) <>
                    ", the allowed keys are: " <> inspect(allowed)

          {twice, []} ->
            raise ArgumentError, "duplicate keys " <> inspect(twice) <> " in " <> inspect(keywords)
        end
    end
  end
end
