# A process whose compile-time code never ends (a module body that loops,
# compiled by Code.eval_string in a spawned process) is preempted like any
# other code: the script goes on and ends.
spawn(fn ->
  Code.eval_string("""
  defmodule Spin do
    Stream.cycle([1]) |> Enum.each(fn _ -> :ok end)
  end
  """)
end)
Process.sleep(50)
IO.puts("the script goes on")
