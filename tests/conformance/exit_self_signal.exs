# An exit signal a process sends itself ends it as any other would: no
# exception a try can catch; :normal ends it too; trapped, it is a message.
# The pids are those `elixir` shows: the script runs in #PID<0.96.0>, and
# each module defined uses up pids.
IO.inspect(self())
defmodule Probe do
  def run(reason) do
    parent = self()
    pid =
      spawn(fn ->
        try do
          Process.exit(self(), reason)
          send(parent, {:went_on, reason})
        catch
          kind, value -> send(parent, {:caught, kind, value})
        end
      end)
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, why} -> {pid, :down, why}
      other -> other
    end
  end
end
IO.inspect(Probe.run(:boom))
IO.inspect(Probe.run(:kill))
IO.inspect(Probe.run(:normal))
Process.flag(:trap_exit, true)
Process.exit(self(), :hello)
receive do
  msg -> IO.inspect(msg)
end
Process.flag(:trap_exit, false)
defmodule Later do
end
IO.inspect(spawn(fn -> :ok end))
Process.exit(self(), :bye)
IO.puts("not printed")
