# terminate/2 on the parent's exit runs only when the server traps exits.
Logger.configure(level: :none)
defmodule Trapper do
  use GenServer

  def init({test, trap}) do
    Process.flag(:trap_exit, trap)
    {:ok, test}
  end

  def handle_info(msg, test) do
    send(test, {:info, msg})
    {:noreply, test}
  end

  def terminate(reason, test), do: send(test, {:terminate, reason})
end

test = self()

for trap <- [true, false] do
  parent =
    spawn(fn ->
      {:ok, pid} = GenServer.start_link(Trapper, {test, trap})
      send(test, {:server, pid})
      receive do
        :die -> exit(:parent_gone)
      end
    end)

  server = receive do
    {:server, pid} -> pid
  end

  ref = Process.monitor(server)
  send(parent, :die)

  receive do
    {:DOWN, ^ref, :process, _, reason} -> IO.inspect({trap, :down, reason})
  end

  receive do
    {:terminate, reason} -> IO.inspect({trap, :terminate, reason})
  after
    50 -> IO.inspect({trap, :no_terminate})
  end
end

# an EXIT from a linked process that is not the parent is just a message
{:ok, pid} = GenServer.start(Trapper, {test, true})
other = spawn(fn -> receive do :go -> exit(:other_reason) end end)

send(pid, {:link_to, other})
:sys.replace_state(pid, fn s -> Process.link(other); s end)
send(other, :go)
receive do
  {:info, {:EXIT, ^other, reason}} -> IO.inspect({:info_exit, reason})
end
IO.inspect(Process.alive?(pid))
