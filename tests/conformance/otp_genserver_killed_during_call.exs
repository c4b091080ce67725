# The server dies while a caller waits: the caller exits with the
# server's exit reason wrapped in {reason, {GenServer, :call, args}}.
Logger.configure(level: :none)

defmodule Victim do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:hang, _from, s), do: {:noreply, s}
  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
end

call_and_kill = fn reason ->
  {:ok, pid} = GenServer.start(Victim, nil, name: :victim)
  spawn(fn ->
    Process.sleep(50)
    Process.exit(pid, reason)
  end)

  try do
    GenServer.call(:victim, :hang, 1000)
  catch
    :exit, {r, {GenServer, :call, args}} -> IO.inspect({r, args})
  end

  Process.sleep(10)
end

call_and_kill.(:kill)
call_and_kill.(:custom_reason)
call_and_kill.({:shutdown, :tuple})

# a linked, non-trapping client dies together with the server
{:ok, pid} = GenServer.start(Victim, nil)
client = spawn(fn ->
  Process.link(pid)
  GenServer.call(pid, :hang, :infinity)
end)
ref = Process.monitor(client)
Process.sleep(10)
Process.exit(pid, :boom)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "client")
end
IO.inspect(Process.info(self(), :messages))
