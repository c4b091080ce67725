# :atomics: arrays of 64-bit integers shared by every process. An array is
# a reference; its cells live in a runtime-wide table keyed {ref, index}.
# Arithmetic wraps around as the hardware's does.
defmodule :atomics do
  @moduledoc false

  @min -9_223_372_036_854_775_808
  @max 9_223_372_036_854_775_807
  @umax 18_446_744_073_709_551_615

  def new(arity, opts) when is_integer(arity) and arity > 0 and is_list(opts) do
    signed = Keyword.get(opts, :signed, true)
    ref = make_ref()
    t = table()
    :ets.insert(t, {{ref, :info}, arity, signed})
    for i <- 1..arity, do: :ets.insert(t, {{ref, i}, 0})
    ref
  end

  def new(_arity, _opts), do: bad(1, "out of range")

  def put(ref, ix, value) do
    check(ref, ix)
    :ets.insert(table(), {{ref, ix}, value})
    :ok
  end

  def get(ref, ix) do
    check(ref, ix)
    [{_, v}] = :ets.lookup(table(), {ref, ix})
    v
  end

  def add(ref, ix, incr) do
    add_get(ref, ix, incr)
    :ok
  end

  def add_get(ref, ix, incr) when is_integer(incr) do
    v = wrap(ref, get(ref, ix) + incr)
    :ets.insert(table(), {{ref, ix}, v})
    v
  end

  def sub(ref, ix, decr), do: add(ref, ix, -decr)
  def sub_get(ref, ix, decr), do: add_get(ref, ix, -decr)

  def exchange(ref, ix, value) do
    old = get(ref, ix)
    put(ref, ix, value)
    old
  end

  def compare_exchange(ref, ix, expected, desired) do
    case get(ref, ix) do
      ^expected ->
        put(ref, ix, desired)
        :ok

      actual ->
        actual
    end
  end

  def info(ref) do
    {size, signed} = meta(ref)
    {min, max} = if signed, do: {@min, @max}, else: {0, @umax}
    %{max: max, memory: 40 + 8 * size, min: min, size: size}
  end

  defp table, do: :genlab_support.global_table(:genlab_atomics)

  defp meta(ref) do
    case is_reference(ref) and :ets.lookup(table(), {ref, :info}) do
      [{_, size, signed}] -> {size, signed}
      _ -> bad(1, "invalid atomics reference")
    end
  end

  defp check(ref, ix) do
    {size, _} = meta(ref)
    if not is_integer(ix) or ix < 1 or ix > size, do: bad(2, "out of range")
  end

  defp wrap(ref, v) do
    {_, signed} = meta(ref)
    u = Integer.mod(v, @umax + 1)
    if signed and u > @max, do: u - @umax - 1, else: u
  end

  # Raises the ArgumentError the BEAM's extended error info prints.
  def bad(arg, text) do
    nth = elem({"1st", "2nd", "3rd", "4th"}, arg - 1)
    raise ArgumentError, "errors were found at the given arguments:\n\n  * #{nth} argument: #{text}\n"
  end
end
