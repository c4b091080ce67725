# Unused variables in every kind of scope: a clause, case, fn, receive,
# rescue and catch, a for, an if, with; binding/0 reads them all.
defmodule W do
  def a(x) do
    y = 1
    y = 2
    x + y
  end
  def b(x) do
    case x do
      {:ok, v} -> :ok
      other when is_atom(other) -> 1
      e -> e
    end
  end
  def c(list), do: Enum.map(list, fn item -> 1 end)
  def d(z) do
    f = fn -> z end
    f.()
  end
  def e(p) do
    receive do
      {:msg, m} -> p
    after 10 -> :ok
    end
  end
  def f(q) do
    try do
      q
    rescue
      err -> :bad
    catch
      kind, val -> :caught
    end
  end
  def g(%{a: a} = map), do: map
  def h(k), do: for {a, b} <- k, do: a
  def i(x) do
    if x do
      y = 1
    end
    :ok
  end
  def j(x) do
    ^x = 3
  end
  def k(x) do
    with {:ok, v} <- x, w = 2 do
      :ok
    end
  end
  def l(_x, _) do
    _y = 1
  end
  def m(x) do
    binding()
  end
end
