defmodule Classify do
  def kind(x) when is_integer(x) and x < 0, do: :negative
  def kind(0), do: :zero
  def kind(x) when is_integer(x), do: :positive
  def kind(x) when is_float(x), do: :float
  def kind(x) when is_binary(x) or is_list(x), do: :text_or_list
  def kind(x) when is_atom(x) and not is_nil(x), do: :atom
  def kind(nil), do: :nothing
  def kind({_, _}), do: :pair
  def kind(%{} = m) when map_size(m) == 0, do: :empty_map
  def kind(%{}), do: :map
  def kind(_), do: :other

  def size_class(list) when length(list) > 3, do: :long
  def size_class([_ | _]), do: :short
  def size_class([]), do: :empty

  def check(x) when x in [1, 2, 3], do: :small
  def check(x) when x in 4..6, do: :medium
  def check(x) when rem(x, 2) == 0 and x > 6, do: :big_even
  def check(_), do: :big_odd

  def guard_fns(t) when tuple_size(t) == 2 and elem(t, 0) == :ok, do: elem(t, 1)
  def guard_fns(b) when byte_size(b) > 2 and is_binary(b), do: binary_part(b, 0, 2)
  def guard_fns(x) when is_number(x) and abs(x) > 10, do: :far
  def guard_fns(x) when div(x, 2) == 1 or hd([x]) == 0, do: :div_or_hd
  def guard_fns(_), do: :none

  def error_in_guard(x) when hd(x) == 1, do: :head_is_one
  def error_in_guard(_), do: :guard_failed_silently

  def is_map_key_guard(m) when is_map_key(m, :id), do: m.id
  def is_map_key_guard(_), do: :no_id
end

for v <- [-5, 0, 7, 2.5, "s", [1], :a, nil, {1, 2}, %{}, %{a: 1}, {1, 2, 3}] do
  IO.inspect({v, Classify.kind(v)})
end
IO.inspect(Enum.map([[1, 2, 3, 4], [1], []], &Classify.size_class/1))
IO.inspect(Enum.map(1..10, &Classify.check/1))
IO.inspect(Classify.guard_fns({:ok, 5}))
IO.inspect(Classify.guard_fns("hello"))
IO.inspect(Classify.guard_fns(-20))
IO.inspect(Classify.guard_fns(3))
IO.inspect(Classify.guard_fns(0))
IO.inspect(Classify.guard_fns(9))
IO.inspect(Classify.error_in_guard([1]))
IO.inspect(Classify.error_in_guard(:not_a_list))
IO.inspect(Classify.is_map_key_guard(%{id: 4}))
IO.inspect(Classify.is_map_key_guard(%{}))
