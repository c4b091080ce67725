# A defmodule reached at run time in a spawned process, whose body loops:
# the script goes on.
spawn(fn ->
  defmodule Busy do
    Enum.each(Stream.iterate(0, &(&1 + 1)), fn _ -> :ok end)
  end
end)
Process.sleep(20)
IO.puts("done")
