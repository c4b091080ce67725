# A macro that never returns, expanded by a compile in a spawned process:
# that process spins, the script does not wait for it.
defmodule Forever do
  defmacro m, do: (fn loop -> loop.(loop) end).(fn loop -> loop.(loop) end)
end
pid = spawn(fn -> Code.eval_string("require Forever; Forever.m()") end)
Process.sleep(20)
IO.inspect(Process.alive?(pid), label: "still expanding")
Process.exit(pid, :kill)
Process.sleep(1)
IO.inspect(Process.alive?(pid), label: "after kill")
{v, _} = Code.eval_string("1 + 1")
IO.inspect(v, label: "compiling still works")
