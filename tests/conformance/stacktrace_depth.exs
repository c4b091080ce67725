# A stack trace keeps the BEAM's 8 newest frames, and a recursion's
# repeated return address only once.
defmodule Deep do
  def down(0), do: raise("bottom")
  def down(n), do: 1 + down(n - 1)

  def a(n), do: [b(n) | n]
  def b(n), do: [c(n) | n]
  def c(n), do: [d(n) | n]
  def d(n), do: [e(n) | n]
  def e(n), do: [f(n) | n]
  def f(n), do: [g(n) | n]
  def g(n), do: [h(n) | n]
  def h(n), do: [i(n) | n]
  def i(n), do: [j(n) | n]
  def j(n), do: if(n > 100, do: n, else: raise("deep"))

  def run(parent, fun, n) do
    try do
      apply(Deep, fun, [n])
    rescue
      e -> send(parent, {e, Enum.map(__STACKTRACE__, fn {m, f, a, _} -> {m, f, a} end)})
    end
  end

  def trace(fun, n) do
    spawn(Deep, :run, [self(), fun, n])

    receive do
      {e, frames} ->
        IO.inspect({fun, n, e, length(frames)})
        IO.inspect(frames)
    end
  end
end

for n <- [0, 1, 3, 20, 100_000], do: Deep.trace(:down, n)
Deep.trace(:a, 42)
Deep.trace(:c, 42)
Deep.trace(:i, 42)
