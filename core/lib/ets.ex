# :ets functions OTP writes in Erlang on top of its BIFs; the BIFs are
# natives (core/ets.c).
defmodule :ets do
  @moduledoc false

  # foldl walks first/next, foldr last/prev, as OTP does: a hashed table
  # has one order (last is first), an ordered_set is walked up or down.
  def foldl(fun, acc, table) when is_function(fun, 2) do
    fold_walk(fun, acc, table, :ets.first(table), :next)
  end

  def foldr(fun, acc, table) when is_function(fun, 2) do
    fold_walk(fun, acc, table, :ets.last(table), :prev)
  end

  defp fold_walk(_fun, acc, _table, :"$end_of_table", _step), do: acc

  defp fold_walk(fun, acc, table, key, step) do
    acc = List.foldl(:ets.lookup(table, key), acc, fun)
    fold_walk(fun, acc, table, apply(:ets, step, [table, key]), step)
  end
end
