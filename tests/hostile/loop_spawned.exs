# An endless loop in a spawned process does not stop the script's process.
defmodule L do
  def spin(n), do: spin(n + 1)
end
spawn(fn -> L.spin(0) end)
IO.puts(Enum.sum(1..1000))
