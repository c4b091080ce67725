# What `use GenServer` injects: child_spec/1, the default callbacks and
# their errors.
Logger.configure(level: :none)

defmodule Bare do
  use GenServer
  def init(arg), do: {:ok, arg}
end

defmodule Custom do
  use GenServer, restart: :transient, shutdown: 10_000
  def init(arg), do: {:ok, arg}
end

IO.inspect(Bare.child_spec(:arg))
IO.inspect(Custom.child_spec([1, 2]))
IO.inspect(Bare.terminate(:normal, :state))
IO.inspect(Bare.code_change(:old, :state, :extra))

{:ok, pid} = GenServer.start(Bare, :state, name: :bare)
try do
  GenServer.call(:bare, :anything)
catch
  :exit, {{%RuntimeError{message: m}, [frame | _]}, _} ->
    IO.puts(m)
    IO.inspect(frame)
end
IO.inspect(Process.alive?(pid))

{:ok, pid} = GenServer.start(Bare, :state)
ref = Process.monitor(pid)
GenServer.cast(pid, :anything)
receive do
  {:DOWN, ^ref, _, _, {%RuntimeError{message: m}, [frame | _]}} ->
    IO.puts(String.replace(m, inspect(pid), "PID"))
    IO.inspect(frame)
end

# the default handle_info logs and keeps going
{:ok, pid} = GenServer.start(Bare, :still_here)
send(pid, :unexpected)
IO.inspect(:sys.get_state(pid))
