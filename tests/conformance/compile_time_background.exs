# A process compiling a module whose body waits (Code.eval_string) does
# not hold up the script's process: its code goes on meanwhile.
spawn(fn ->
  Code.eval_string("defmodule X do\n  Process.sleep(1000)\n  IO.puts(\"body done\")\nend")
end)

(
  Process.sleep(10)
  IO.puts("main continues")
  Process.sleep(2000)
  IO.puts("end")
)
