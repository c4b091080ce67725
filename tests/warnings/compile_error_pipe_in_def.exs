# A pipe into something that is no call, inside a def.
defmodule Shop do
  def total(items) do
    items |> Enum.sum() |> 100
  end
end
