# A number or string alone as a block statement, not its last: Elixir warns
# where the innermost macro call is (if, unless, |>, then), else with no line.
defmodule Lit do
  def a(x) do
    case x do
      1 ->
        "in case"
        :ok
      _ -> :no
    end
    if x do
      f = fn ->
        "in fn in if"
        :ok
      end
      f
    end
    cond do
      x ->
        "in cond"
        :ok
    end
    unless x do
      "in unless"
      :ok
    end
    "after"
    x |> then(fn y ->
      "in then"
      y
    end)
  end
end
