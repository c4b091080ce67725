# A module body that starts a looping process at compile time.
defmodule M do
  Process.register(spawn(fn -> Stream.cycle([1]) |> Enum.each(fn _ -> :ok end) end), :spinner)
  def f, do: :ok
end
Process.exit(Process.whereis(:spinner), :kill)
IO.puts(:compiled)
