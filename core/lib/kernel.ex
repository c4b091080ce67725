defmodule Kernel do
  # The functions of Kernel that are not inlined by the compiler (guards,
  # operators and the special forms are compiled directly). Functions
  # defined here shadow the automatic import of Kernel inside this module.

  def inspect(term, opts \\ []) when is_list(opts), do: :genlab.inspect(term, opts)

  def to_string(term), do: :genlab.to_string(term)

  # Compiled calls are inline; these answer apply/3 and captures.
  def elem(tuple, index), do: :erlang.element(index + 1, tuple)
  def put_elem(tuple, index, value), do: :erlang.setelement(index + 1, tuple, value)
  def is_map_key(map, key), do: :erlang.is_map_key(key, map)

  def to_charlist(term), do: List.Chars.to_charlist(term)

  def left =~ "" when is_binary(left), do: true
  def left =~ (%{__struct__: Regex} = regex) when is_binary(left), do: Regex.match?(regex, left)

  def left =~ right when is_binary(left) and is_binary(right) do
    :binary.match(left, right) != :nomatch
  end

  def then(value, fun) when is_function(fun, 1), do: fun.(value)

  def tap(value, fun) when is_function(fun, 1) do
    fun.(value)
    value
  end

  def apply(fun, args), do: apply(fun, args)
  def apply(module, function, args), do: apply(module, function, args)

  def max(first, second), do: :erlang.max(first, second)
  def min(first, second), do: :erlang.min(first, second)

  def function_exported?(module, function, arity) do
    :erlang.function_exported(module, function, arity)
  end

  # Kernel's macros are the compiler's own in genlab: these are the ones
  # Elixir 1.14's Kernel exports.
  @kernel_macros [!: 1, &&: 2, ..: 0, ..: 2, ..//: 3, <>: 2, @: 1, alias!: 1, and: 2, binding: 0, binding: 1,
                  dbg: 0, dbg: 1, dbg: 2, def: 1, def: 2, defdelegate: 2, defexception: 1, defguard: 1,
                  defguardp: 1, defimpl: 2, defimpl: 3, defmacro: 1, defmacro: 2, defmacrop: 1, defmacrop: 2,
                  defmodule: 2, defoverridable: 1, defp: 1, defp: 2, defprotocol: 2, defstruct: 1,
                  destructure: 2, get_and_update_in: 2, if: 2, in: 2, is_exception: 1, is_exception: 2,
                  is_nil: 1, is_struct: 1, is_struct: 2, match?: 2, or: 2, pop_in: 1, put_in: 2, raise: 1,
                  raise: 2, reraise: 2, reraise: 3, sigil_C: 2, sigil_D: 2, sigil_N: 2, sigil_R: 2, sigil_S: 2,
                  sigil_T: 2, sigil_U: 2, sigil_W: 2, sigil_c: 2, sigil_r: 2, sigil_s: 2, sigil_w: 2, tap: 2,
                  then: 2, to_char_list: 1, to_charlist: 1, to_string: 1, unless: 2, update_in: 2, use: 1,
                  use: 2, var!: 1, var!: 2, |>: 2, ||: 2]

  def macro_exported?(Kernel, macro, arity) when is_atom(macro) and is_integer(arity) and arity >= 0 and arity <= 255,
    do: {macro, arity} in @kernel_macros

  def macro_exported?(module, macro, arity)
      when is_atom(module) and is_atom(macro) and is_integer(arity) and arity >= 0 and arity <= 255 do
    :erlang.function_exported(module, :__info__, 1) and {macro, arity} in module.__info__(:macros)
  end

  # ---- structs ----------------------------------------------------------

  def struct(struct, fields \\ []), do: struct(struct, fields, false)

  def struct!(struct, fields \\ [])

  def struct!(struct, fields) when is_atom(struct) do
    if :erlang.function_exported(struct, :__struct__, 1) do
      validate_struct!(struct.__struct__(fields), struct, 1)
    else
      # what __struct__/1 does, for modules compiled without it
      base = validate_struct!(struct.__struct__(), struct, 0)

      Enum.reduce(fields, base, fn {key, value}, acc ->
        case acc do
          %{^key => _} when key != :__struct__ -> :maps.put(key, value, acc)
          _ -> :erlang.error(KeyError.exception(key: key))
        end
      end)
    end
  end

  def struct!(struct, fields) when is_map(struct), do: struct(struct, fields, true)

  defp struct(struct, fields, strict) when is_atom(struct) do
    fill(validate_struct!(struct.__struct__(), struct, 0), Enum.to_list(fields), strict)
  end

  defp struct(%{__struct__: module} = struct, fields, strict) when is_atom(module) do
    fill(struct, Enum.to_list(fields), strict)
  end

  defp fill(struct, [], _strict), do: struct

  defp fill(struct, [{:__struct__, _} | rest], strict), do: fill(struct, rest, strict)

  defp fill(struct, [{key, value} | rest], strict) do
    case struct do
      %{^key => _} -> fill(:maps.put(key, value, struct), rest, strict)
      _ when strict -> :erlang.error(KeyError.exception(key: key, term: struct))
      _ -> fill(struct, rest, strict)
    end
  end

  defp validate_struct!(%{__struct__: module} = struct, module, _arity), do: struct

  defp validate_struct!(other, module, arity) do
    :erlang.error(
      ArgumentError.exception(
        "expected " <> inspect(module) <> ".__struct__/" <> :erlang.integer_to_binary(arity) <>
          " to return a map with a :__struct__ key that holds the name of the struct (atom), got: " <>
          inspect(other)
      )
    )
  end

  # ---- nested access ----------------------------------------------------

  # nil ends the walk before any key, a function key included.
  def get_in(nil, [_ | _]), do: nil
  def get_in(data, [h]) when is_function(h), do: h.(:get, data, fn x -> x end)
  def get_in(data, [h | t]) when is_function(h), do: h.(:get, data, fn x -> get_in(x, t) end)
  def get_in(data, [h]), do: Access.get(data, h)
  def get_in(data, [h | t]), do: get_in(Access.get(data, h), t)

  def put_in(data, [_ | _] = keys, value) do
    :erlang.element(2, get_and_update_in(data, keys, fn _ -> {nil, value} end))
  end

  def update_in(data, [_ | _] = keys, fun) when is_function(fun, 1) do
    :erlang.element(2, get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end))
  end

  def get_and_update_in(data, [h], fun) when is_function(h, 3), do: h.(:get_and_update, data, fun)

  def get_and_update_in(data, [h | t], fun) when is_function(h, 3) do
    h.(:get_and_update, data, fn x -> get_and_update_in(x, t, fun) end)
  end

  def get_and_update_in(data, [h], fun) when is_function(fun, 1), do: Access.get_and_update(data, h, fun)

  def get_and_update_in(data, [h | t], fun) when is_function(fun, 1) do
    Access.get_and_update(data, h, fn x -> get_and_update_in(x, t, fun) end)
  end

  def pop_in(nil, [key | _]) do
    :erlang.error(ArgumentError.exception("could not pop key " <> inspect(key) <> " on a nil value"))
  end

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop
  defp pop_in_data(data, [fun]) when is_function(fun), do: fun.(:get_and_update, data, fn _ -> :pop end)

  defp pop_in_data(data, [fun | tail]) when is_function(fun) do
    fun.(:get_and_update, data, fn x -> pop_in_data(x, tail) end)
  end

  defp pop_in_data(data, [key]), do: Access.pop(data, key)

  defp pop_in_data(data, [key | tail]) do
    Access.get_and_update(data, key, fn x -> pop_in_data(x, tail) end)
  end

  # ---- binaries ---------------------------------------------------------

  def binary_slice(binary, start, size)
      when is_binary(binary) and is_integer(start) and is_integer(size) and size >= 0 do
    total = byte_size(binary)
    start = if start < 0, do: :erlang.max(total + start, 0), else: start

    if start < total do
      :binary.part(binary, start, :erlang.min(size, total - start))
    else
      ""
    end
  end

  def binary_slice(binary, %Range{first: first, last: last, step: step} = range) when is_binary(binary) do
    if step < 0 do
      :erlang.error(
        ArgumentError.exception(
          "binary_slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
        )
      )
    end

    total = byte_size(binary)
    first = if first < 0, do: :erlang.max(first + total, 0), else: first
    last = if last < 0, do: last + total, else: last
    amount = last - first + 1

    cond do
      first >= total or amount <= 0 ->
        ""

      step == 1 ->
        :binary.part(binary, first, :erlang.min(amount, total - first))

      true ->
        part = :binary.part(binary, first, :erlang.min(amount, total - first))
        every_nth_byte(part, step, 0, [])
    end
  end

  defp every_nth_byte(<<>>, _step, _i, acc), do: :erlang.list_to_binary(:lists.reverse(acc))

  defp every_nth_byte(<<byte, rest::binary>>, step, i, acc) do
    if rem(i, step) == 0,
      do: every_nth_byte(rest, step, i + 1, [byte | acc]),
      else: every_nth_byte(rest, step, i + 1, acc)
  end
end

defmodule Kernel.Utils do
  @moduledoc false

  # destructure/2's right side: the first `count` elements, nil for the
  # missing ones.
  def destructure(list, count) when is_list(list) and is_integer(count) and count >= 0,
    do: take_padded(list, count)

  def destructure(nil, count) when is_integer(count) and count >= 0, do: List.duplicate(nil, count)

  defp take_padded(_list, 0), do: []
  defp take_padded([], count), do: List.duplicate(nil, count)
  defp take_padded([h | t], count), do: [h | take_padded(t, count - 1)]
end
