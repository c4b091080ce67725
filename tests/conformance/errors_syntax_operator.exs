defmodule Broken do
  def f(x), do: x * * 2
end
