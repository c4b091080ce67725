# Where GenServer.call/stop and :sys's client functions exit from, as the
# stack trace names it: lib/gen_server.ex and sys.erl with their lines,
# above the caller's frames (what IEx prints under "** (exit) exited in").
defmodule Frames do
  def show(label, fun) do
    try do
      fun.()
    catch
      :exit, reason ->
        own = Enum.take_while(__STACKTRACE__, fn {m, _, _, _} -> m in [:sys, GenServer] end)
        # the reason without pids or funs, which differ from run to run
        {why, {module, fun, args}} = reason
        IO.inspect({label, why, {module, fun, length(args)}, own})
        IO.inspect(hd(Enum.drop(__STACKTRACE__, length(own))) |> elem(0), label: "then")
    end
  end
end

id = &Function.identity/1
Frames.show(:call, fn -> GenServer.call(NoSuch, :x) end)
Frames.show(:call3, fn -> GenServer.call(NoSuch, :x, 100) end)
Frames.show(:stop, fn -> GenServer.stop(NoSuch) end)
Frames.show(:stop3, fn -> GenServer.stop(NoSuch, :shutdown, 100) end)
Frames.show(:get_state, fn -> :sys.get_state(NoSuch) end)
Frames.show(:get_state2, fn -> :sys.get_state(NoSuch, 100) end)
Frames.show(:replace_state, fn -> :sys.replace_state(NoSuch, id) end)
Frames.show(:replace_state3, fn -> :sys.replace_state(NoSuch, id, 100) end)
Frames.show(:get_status, fn -> :sys.get_status(NoSuch) end)
Frames.show(:suspend, fn -> :sys.suspend(NoSuch) end)
Frames.show(:resume2, fn -> :sys.resume(NoSuch, 100) end)
Frames.show(:terminate, fn -> :sys.terminate(NoSuch, :normal) end)
Frames.show(:terminate3, fn -> :sys.terminate(NoSuch, :normal, 100) end)
Frames.show(:trace, fn -> :sys.trace(NoSuch, true) end)
Frames.show(:no_debug, fn -> :sys.no_debug(NoSuch) end)

# a server that is gone: the exit comes from the call's catch
{:ok, pid} = Agent.start(fn -> 0 end)
Agent.stop(pid)
Frames.show(:call_dead, fn -> GenServer.call(pid, :x) end)
Frames.show(:stop_dead, fn -> GenServer.stop(pid) end)

# a server that does not answer in time
{:ok, slow} = Agent.start(fn -> 0 end)
Frames.show(:call_timeout, fn -> Agent.get(slow, fn s -> Process.sleep(200); s end, 10) end)

# calling oneself
me = self()
try do
  GenServer.call(me, :x)
catch
  :exit, {reason, _} -> IO.inspect({reason, Enum.take(__STACKTRACE__, 1)})
end

try do
  GenServer.stop(me)
catch
  :exit, {reason, _} -> IO.inspect({reason, Enum.take(__STACKTRACE__, 1)})
end

GenServer.call(NoSuch, :uncaught)
