# :queue, Erlang's double-ended FIFO, as a pair {rear, front} of lists:
# `front` holds the oldest elements in order, `rear` the newest ones in
# reverse. The shapes every operation leaves are the BEAM's (a queue is
# often inspected), so the rebalancing rules below follow what OTP 25
# prints: a queue of two or more elements keeps both lists non-empty, and a
# list that runs dry is refilled with half of the other.
defmodule :queue do
  @moduledoc false

  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false
  def is_empty(q), do: :erlang.error(:badarg, [q])

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)
  def len(q), do: :erlang.error(:badarg, [q])

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ :lists.reverse(r)
  def to_list(q), do: :erlang.error(:badarg, [q])

  def from_list(l) when is_list(l), do: front_to_queue(l)
  def from_list(l), do: :erlang.error(:badarg, [l])

  def member(x, {r, f}) when is_list(r) and is_list(f), do: :lists.member(x, f) or :lists.member(x, r)
  def member(x, q), do: :erlang.error(:badarg, [x, q])

  # ---- adding ---------------------------------------------------------------

  def unquote(:in)(x, {[_] = r, []}), do: {[x], r}
  def unquote(:in)(x, {r, f}) when is_list(r) and is_list(f), do: {[x | r], f}
  def unquote(:in)(x, q), do: :erlang.error(:badarg, [x, q])

  def in_r(x, {[], [_] = f}), do: {f, [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}
  def in_r(x, q), do: :erlang.error(:badarg, [x, q])

  # ---- removing -------------------------------------------------------------

  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[y | r], []}) do
    [v | f] = :lists.reverse(r)
    {{:value, v}, {[y], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, rear_to_queue(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}
  def out(q), do: :erlang.error(:badarg, [q])

  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [y | f]}) do
    [v | r] = :lists.reverse(f)
    {{:value, v}, {r, [y]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, front_to_queue(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}
  def out_r(q), do: :erlang.error(:badarg, [q])

  def drop(q) do
    case out(q) do
      {:empty, _} -> :erlang.error(:empty, [q])
      {_, q} -> q
    end
  end

  def drop_r(q) do
    case out_r(q) do
      {:empty, _} -> :erlang.error(:empty, [q])
      {_, q} -> q
    end
  end

  def tail(q), do: drop(q)
  def liat(q), do: drop_r(q)
  def lait(q), do: drop_r(q)
  def init(q), do: drop_r(q)

  # ---- looking --------------------------------------------------------------

  def get({[], []} = q), do: :erlang.error(:empty, [q])
  def get({r, f}) when is_list(r) and is_list(f), do: first(r, f)
  def get(q), do: :erlang.error(:badarg, [q])

  def get_r({[], []} = q), do: :erlang.error(:empty, [q])
  def get_r({r, f}) when is_list(r) and is_list(f), do: first(f, r)
  def get_r(q), do: :erlang.error(:badarg, [q])

  def peek({[], []}), do: :empty
  def peek({r, f}) when is_list(r) and is_list(f), do: {:value, first(r, f)}
  def peek(q), do: :erlang.error(:badarg, [q])

  def peek_r({[], []}), do: :empty
  def peek_r({r, f}) when is_list(r) and is_list(f), do: {:value, first(f, r)}
  def peek_r(q), do: :erlang.error(:badarg, [q])

  def head(q), do: get(q)
  def daeh(q), do: get_r(q)
  def last(q), do: get_r(q)
  def cons(x, q), do: in_r(x, q)
  def snoc(q, x), do: :queue.in(x, q)

  # The first element seen from the `near` list's end: its head, or the
  # last element of `far` when `near` is empty.
  defp first(_far, [x | _]), do: x
  defp first(far, []), do: :lists.last(far)

  # ---- whole queues ---------------------------------------------------------

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}
  def reverse(q), do: :erlang.error(:badarg, [q])

  def join({r, f} = q, {[], []}) when is_list(r) and is_list(f), do: q
  def join({[], []}, {r, f} = q) when is_list(r) and is_list(f), do: q
  def join({r1, f1}, {r2, f2}) when is_list(r1) and is_list(f1) and is_list(r2) and is_list(f2),
    do: {r2, f1 ++ :lists.reverse(r1, f2)}
  def join(q1, q2), do: :erlang.error(:badarg, [q1, q2])

  def split(0, {r, f} = q) when is_list(r) and is_list(f), do: {{[], []}, q}

  def split(n, {r, f} = q) when is_integer(n) and n > 0 and is_list(r) and is_list(f) do
    lf = length(f)
    len = lf + length(r)

    cond do
      n > len ->
        :erlang.error(:badarg, [n, q])

      n == len ->
        {q, {[], []}}

      n == lf ->
        {front_to_queue(f), rear_to_queue(r)}

      n < lf ->
        {[f1 | f1s], f2} = :lists.split(n, f)
        {{:lists.reverse(f1s), [f1]}, {r, f2}}

      true ->
        {[r2 | r2s], r1} = :lists.split(len - n, r)
        {{r1, f}, {[r2], :lists.reverse(r2s)}}
    end
  end

  def split(n, q), do: :erlang.error(:badarg, [n, q])

  def filter(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    balance(filter_rear(fun, r), filter_front(fun, f))
  end

  def filter(fun, q), do: :erlang.error(:badarg, [fun, q])

  # The front is kept in order; a list answer replaces the element there.
  defp filter_front(_fun, []), do: []

  defp filter_front(fun, [x | f]) do
    case fun.(x) do
      true -> [x | filter_front(fun, f)]
      false -> filter_front(fun, f)
      list when is_list(list) -> list ++ filter_front(fun, f)
    end
  end

  # The rear is reversed, so a list answer goes in reversed too.
  defp filter_rear(_fun, []), do: []

  defp filter_rear(fun, [x | r]) do
    rest = filter_rear(fun, r)

    case fun.(x) do
      true -> [x | rest]
      false -> rest
      list when is_list(list) -> :lists.reverse(list, rest)
    end
  end

  def filtermap(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    balance(:lists.filtermap(fun, r), :lists.filtermap(fun, f))
  end

  def filtermap(fun, q), do: :erlang.error(:badarg, [fun, q])

  def fold(fun, acc, {r, f}) when is_function(fun, 2) and is_list(r) and is_list(f) do
    acc = :lists.foldl(fun, acc, f)
    :lists.foldr(fun, acc, r)
  end

  def fold(fun, acc, q), do: :erlang.error(:badarg, [fun, acc, q])

  def any(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: :lists.any(pred, f) or :lists.any(pred, r)
  def any(pred, q), do: :erlang.error(:badarg, [pred, q])

  def all(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: :lists.all(pred, f) and :lists.all(pred, r)
  def all(pred, q), do: :erlang.error(:badarg, [pred, q])

  def delete(x, {r, f} = q) when is_list(r) and is_list(f), do: delete_with(fn y -> y === x end, q)
  def delete(x, q), do: :erlang.error(:badarg, [x, q])

  def delete_r(x, {r, f} = q) when is_list(r) and is_list(f), do: delete_with_r(fn y -> y === x end, q)
  def delete_r(x, q), do: :erlang.error(:badarg, [x, q])

  # Removes the first element (in queue order) the predicate accepts.
  def delete_with(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f) do
    case delete_first(pred, f) do
      {:ok, f} ->
        balance(r, f)

      :none ->
        case delete_first(pred, :lists.reverse(r)) do
          {:ok, rr} -> balance(:lists.reverse(rr), f)
          :none -> q
        end
    end
  end

  def delete_with(pred, q), do: :erlang.error(:badarg, [pred, q])

  # Removes the last element (in queue order) the predicate accepts.
  def delete_with_r(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f) do
    case delete_first(pred, r) do
      {:ok, r} ->
        balance(r, f)

      :none ->
        case delete_first(pred, :lists.reverse(f)) do
          {:ok, rf} -> balance(r, :lists.reverse(rf))
          :none -> q
        end
    end
  end

  def delete_with_r(pred, q), do: :erlang.error(:badarg, [pred, q])

  defp delete_first(pred, list), do: delete_first(pred, list, [])

  defp delete_first(_pred, [], _seen), do: :none

  defp delete_first(pred, [x | rest], seen) do
    if pred.(x), do: {:ok, :lists.reverse(seen, rest)}, else: delete_first(pred, rest, [x | seen])
  end

  # ---- rebalancing ----------------------------------------------------------

  defp balance([], f), do: front_to_queue(f)
  defp balance(r, []), do: rear_to_queue(r)
  defp balance(r, f), do: {r, f}

  # A front list (oldest first) as a queue: its first half stays in front.
  defp front_to_queue([]), do: {[], []}
  defp front_to_queue([_] = f), do: {f, []}
  defp front_to_queue([x, y]), do: {[y], [x]}

  defp front_to_queue(list) do
    {f, r} = :lists.split(div(length(list), 2), list)
    {:lists.reverse(r), f}
  end

  # A rear list (newest first) as a queue: its first half stays at the rear.
  defp rear_to_queue([]), do: {[], []}
  defp rear_to_queue([_] = r), do: {[], r}
  defp rear_to_queue([x, y]), do: {[x], [y]}

  defp rear_to_queue(list) do
    {r, f} = :lists.split(div(length(list), 2), list)
    {r, :lists.reverse(f)}
  end
end
