# Compiles in other processes wait in their module bodies (one forever, one
# until it is told): the script runs beside them, and the one it wakes
# finishes its module.
parent = self()
spawn(fn -> Code.eval_string("defmodule Never do\n  receive do: (:never -> :ok)\nend") end)
waiter = spawn(fn ->
  Code.eval_string("""
  defmodule Later do
    @got (receive do {:go, x} -> x end)
    def got, do: @got
  end
  """)
  send(parent, {:compiled, Later.got()})
end)
Process.sleep(10)
IO.puts("main runs while both wait")
send(waiter, {:go, 42})
receive do {:compiled, x} -> IO.inspect(x, label: "Later.got") end
IO.inspect(Code.ensure_loaded?(Never), label: "Never loaded")
