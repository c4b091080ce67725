# limit: 30
# A macro whose expansion never ends is ordinary work of the process that
# compiles (the script's): it is preempted and the other processes go on,
# here one that ends the program, as in Elixir.
spawn(fn ->
  Process.sleep(100)
  IO.puts("another process ran")
  System.halt(0)
end)

defmodule M do
  defmacro m do
    (fn loop -> loop.(loop) end).(fn loop -> loop.(loop) end)
  end
end

defmodule N do
  require M
  def f, do: M.m()
end
