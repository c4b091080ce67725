# limit: 30
# An endless loop in a module body itself is ordinary work of the process
# that compiles (the script's): it is preempted and the other processes go
# on, here one that ends the program, as in Elixir.
spawn(fn ->
  Process.sleep(100)
  IO.puts("another process ran")
  System.halt(3)
end)

defmodule M do
  (fn loop -> loop.(loop) end).(fn loop -> loop.(loop) end)
  def f, do: :never
end
