defmodule Tuple do
  # Tuples, on top of the :erlang tuple BIFs.

  def duplicate(data, size), do: :erlang.make_tuple(size, data)

  def insert_at(tuple, index, value), do: :erlang.insert_element(index + 1, tuple, value)

  def append(tuple, value), do: :erlang.append_element(tuple, value)

  def delete_at(tuple, index), do: :erlang.delete_element(index + 1, tuple)

  def to_list(tuple), do: :erlang.tuple_to_list(tuple)

  def sum(tuple), do: sum_loop(tuple, tuple_size(tuple), 0)

  defp sum_loop(_tuple, 0, acc), do: acc
  defp sum_loop(tuple, i, acc), do: sum_loop(tuple, i - 1, :erlang.element(i, tuple) + acc)

  def product(tuple), do: product_loop(tuple, tuple_size(tuple), 1)

  defp product_loop(_tuple, 0, acc), do: acc
  defp product_loop(tuple, i, acc), do: product_loop(tuple, i - 1, :erlang.element(i, tuple) * acc)
end
