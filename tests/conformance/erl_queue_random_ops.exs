# A long deterministic sequence of random :queue operations, printing every shape.
defmodule Fuzz do
  def next(s), do: rem(s * 1103515245 + 12345, 2147483648)

  def run(0, _q, _s), do: :ok

  def run(n, q, s) do
    s = next(s)
    op = rem(div(s, 65536), 14)
    x = rem(div(s, 7), 100)
    len = :queue.len(q)

    q2 =
      case op do
        0 -> :queue.in(x, q)
        1 -> :queue.in_r(x, q)
        2 -> elem(:queue.out(q), 1)
        3 -> elem(:queue.out_r(q), 1)
        4 -> :queue.filter(fn y -> rem(y, 3) != 0 end, q)
        5 -> :queue.filter(fn y -> if rem(y, 5) == 0, do: [y, y + 1], else: true end, q)
        6 -> :queue.delete(Enum.at(:queue.to_list(q), rem(x, max(len, 1))), q)
        7 -> :queue.delete_r(Enum.at(:queue.to_list(q), rem(x, max(len, 1))), q)
        8 -> elem(:queue.split(rem(x, len + 1), q), rem(x, 2))
        9 -> :queue.join(q, :queue.from_list(Enum.to_list(1..rem(x, 4))))
        10 -> :queue.reverse(q)
        11 -> :queue.in(x, :queue.in(x + 1, q))
        12 -> :queue.filtermap(fn y -> if rem(y, 4) == 0, do: {true, y * 2}, else: rem(y, 7) != 0 end, q)
        13 -> :queue.from_list(:queue.to_list(q) ++ [x])
      end

    IO.inspect({op, q2}, charlists: :as_lists)
    q2 = if :queue.len(q2) > 12, do: :queue.from_list(Enum.take(:queue.to_list(q2), 3)), else: q2
    run(n - 1, q2, s)
  end
end

Fuzz.run(400, :queue.new(), 42)
