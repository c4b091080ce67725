# limit: 20
# An exception whose message/1 never returns: the process that crashed with
# it is busy formatting its report forever, as Elixir's logger is, but the
# others go on, their timers fire, and the script ends as Elixir's does.
defmodule E do
  defexception [:x]
  def message(e), do: message(e)
end

spawn(fn -> raise E, x: 1 end)
Process.send_after(self(), :tick, 500)

receive do
  :tick -> IO.puts("tick")
end

Process.sleep(1000)
IO.puts("done")
