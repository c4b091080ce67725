# Processes killed while their compiles wait (in a module body, in a
# macro, in a nested Code.eval_string): each compile is abandoned, and the
# same modules can be defined again afterwards.
defmodule Waits do
  defmacro m, do: (receive do: (:never -> :ok))
end
pids = [
  spawn(fn -> Code.eval_string("defmodule A do\n  receive do: (:never -> :ok)\nend") end),
  spawn(fn -> Code.eval_string("require Waits; Waits.m()") end),
  spawn(fn -> Code.eval_string("defmodule B do\n  Code.eval_string(\"defmodule C do\\n receive do: (:never -> :ok)\\n end\")\nend") end)
]
Process.sleep(20)
IO.inspect(Enum.map(pids, &Process.alive?/1))
Enum.each(pids, &Process.exit(&1, :kill))
Process.sleep(1)
IO.inspect(Enum.map(pids, &Process.alive?/1))
Code.eval_string("defmodule A do\n  def a, do: :a\nend")
Code.eval_string("defmodule C do\n  def c, do: :c\nend")
IO.inspect({A.a(), C.c()})
