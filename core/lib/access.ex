defmodule Access do
  # Key-based access to maps, keyword lists and structs (through their own
  # fetch/2, get_and_update/3 and pop/2), and the accessor functions used by
  # get_in/put_in/update_in/pop_in.

  # ---- containers -------------------------------------------------------

  def fetch(%{__struct__: module} = container, key) do
    if implements?(module, :fetch, 2) do
      module.fetch(container, key)
    else
      not_implemented(module, :fetch, 2)
    end
  end

  def fetch(map, key) when is_map(map), do: :maps.find(key, map)

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(list, key) when is_list(list), do: bad_keyword_key(key)

  def fetch(nil, _key), do: :error

  def fetch!(container, key) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container
    end
  end

  def get(container, key, default \\ nil)

  def get(%{__struct__: _} = container, key, default) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(map, key, default) when is_map(map) do
    case map do
      %{^key => value} -> value
      _ -> default
    end
  end

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list), do: bad_keyword_key(key)

  def get(nil, _key, default), do: default

  def get_and_update(%{__struct__: module} = container, key, fun) do
    if implements?(module, :get_and_update, 3) do
      module.get_and_update(container, key, fun)
    else
      not_implemented(module, :get_and_update, 3)
    end
  end

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key " <> inspect(key) <> " on a nil value"
  end

  def pop(%{__struct__: module} = container, key) do
    if implements?(module, :pop, 2) do
      module.pop(container, key)
    else
      not_implemented(module, :pop, 2)
    end
  end

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)

  def pop(nil, key) do
    raise ArgumentError, "could not pop key " <> inspect(key) <> " on a nil value"
  end

  defp implements?(module, function, arity) do
    :code.ensure_loaded(module)
    :erlang.function_exported(module, function, arity)
  end

  defp not_implemented(module, function, arity) do
    raise UndefinedFunctionError,
      module: module,
      function: function,
      arity: arity,
      reason:
        inspect(module) <>
          " does not implement the Access behaviour. If you are using get_in/put_in/update_in, " <>
          "you can specify the field to be accessed using Access.key!/1"
  end

  defp bad_keyword_key(key) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  # ---- accessors --------------------------------------------------------

  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def key!(key) do
    fn
      :get, %{} = data, next ->
        next.(Map.fetch!(data, key))

      :get_and_update, %{} = data, next ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, %{data | key => update}}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise "Access.key!/1 expected a map/struct, got: " <> inspect(data)
    end
  end

  # A `.field` step in the path of put_in/2, update_in/2,
  # get_and_update_in/2 and pop_in/1: Map's functions, whose errors for
  # something that is not a map (BadMapError) are the macros'.
  @doc false
  def __field__(key) do
    fn
      :get, data, next -> next.(Map.fetch!(data, key))
      :get_and_update, data, next -> Map.get_and_update!(data, key, next)
    end
  end

  def elem(index) when is_integer(index) and index >= 0 do
    position = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(position, data))

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(position, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(position, data, update)}
          :pop -> raise "cannot pop data from a tuple"
        end

      _op, data, _next ->
        raise "Access.elem/1 expected a tuple, got: " <> inspect(data)
    end
  end

  def at(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        next.(Enum.at(data, index))

      :get_and_update, data, next when is_list(data) ->
        update_at(data, normalize_index(data, index), next, false)

      _op, data, _next ->
        raise "Access.at/1 expected a list, got: " <> inspect(data)
    end
  end

  def at!(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        next.(Enum.fetch!(data, index))

      :get_and_update, data, next when is_list(data) ->
        update_at(data, normalize_index(data, index), next, true)

      _op, data, _next ->
        raise "Access.at!/1 expected a list, got: " <> inspect(data)
    end
  end

  defp normalize_index(list, index) when index < 0, do: length(list) + index
  defp normalize_index(_list, index), do: index

  defp update_at(list, index, next, strict) do
    if index < 0 do
      out_of_bounds(list, strict)
    else
      update_at_loop(list, index, next, strict, [])
    end
  end

  defp update_at_loop([], _index, _next, strict, acc), do: out_of_bounds(:lists.reverse(acc), strict)

  defp update_at_loop([h | t], 0, next, _strict, acc) do
    case next.(h) do
      {get, update} -> {get, :lists.reverse(acc, [update | t])}
      :pop -> {h, :lists.reverse(acc, t)}
    end
  end

  defp update_at_loop([h | t], index, next, strict, acc) do
    update_at_loop(t, index - 1, next, strict, [h | acc])
  end

  defp out_of_bounds(_list, true), do: raise(Enum.OutOfBoundsError)
  defp out_of_bounds(list, false), do: {nil, list}

  def all do
    fn
      :get, data, next when is_list(data) ->
        Enum.map(data, next)

      :get_and_update, data, next when is_list(data) ->
        update_each(data, fn _ -> true end, next, [], [])

      _op, data, _next ->
        raise "Access.all/0 expected a list, got: " <> inspect(data)
    end
  end

  def filter(func) when is_function(func) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.filter(func) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        update_each(data, func, next, [], [])

      _op, data, _next ->
        raise "Access.filter/1 expected a list, got: " <> inspect(data)
    end
  end

  # Applies next to the elements chosen by select, collecting the gets and
  # the updated (or popped) list.
  defp update_each([], _select, _next, gets, updates) do
    {:lists.reverse(gets), :lists.reverse(updates)}
  end

  defp update_each([h | t], select, next, gets, updates) do
    if select.(h) do
      case next.(h) do
        {get, update} -> update_each(t, select, next, [get | gets], [update | updates])
        :pop -> update_each(t, select, next, [h | gets], updates)
      end
    else
      update_each(t, select, next, gets, [h | updates])
    end
  end

  def slice(%Range{step: step} = range) when step < 0 do
    raise ArgumentError, "Access.slice/1 does not accept ranges with negative steps, got: " <> inspect(range)
  end

  def slice(%Range{} = range) do
    fn
      :get, data, next when is_list(data) ->
        data |> Enum.slice(range) |> Enum.map(next)

      :get_and_update, data, next when is_list(data) ->
        indexes = Enum.slice(Enum.to_list(0..(length(data) - 1)//1), range)
        chosen = :maps.from_list(Enum.map(indexes, fn i -> {i, true} end))
        slice_update(data, 0, chosen, next, [], [])

      _op, data, _next ->
        raise ArgumentError, "Access.slice/1 expected a list, got: " <> inspect(data)
    end
  end

  defp slice_update([], _i, _chosen, _next, gets, updates) do
    {:lists.reverse(gets), :lists.reverse(updates)}
  end

  defp slice_update([h | t], i, chosen, next, gets, updates) do
    if is_map_key(chosen, i) do
      case next.(h) do
        {get, update} -> slice_update(t, i + 1, chosen, next, [get | gets], [update | updates])
        :pop -> slice_update(t, i + 1, chosen, next, [h | gets], updates)
      end
    else
      slice_update(t, i + 1, chosen, next, gets, [h | updates])
    end
  end
end
