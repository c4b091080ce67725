defmodule Calc do
  def divide(a, b), do: div(a, b)
end

IO.inspect(Calc.divide(10, 3))
IO.inspect(Calc.divide(10, 0))
