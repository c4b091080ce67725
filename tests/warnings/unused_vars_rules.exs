# Which variables count as used, and the pin-operator hint for a
# variable bound over another of the same name.
defmodule W do
  def a({x, x}), do: 1
  def b(x) when x > 1, do: 1
  def c(x) do
    x = x + 1
    :ok
  end
  def d(<<size::8, data::binary-size(size)>>), do: 1
  def e(x) do
    y = x
    fn -> y = 2 end
    y
  end
  def f(state) do
    %{state | a: 1}
    :ok
  end
  def g(a, b \\ 2), do: a
  def h(x) do
    x = 1
    x = 2
    x
  end
  def i(%{k: v}) when is_integer(v), do: 1
  def j(x) do
    cond do
      (y = x) > 1 -> :ok
      true -> :no
    end
  end
end
