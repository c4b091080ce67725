# A def that calls a local function nothing defines.
defmodule Counter2 do
  def start, do: loop(0)
  def bump(n), do: n + step
  defp loop(n), do: n
end
