# An Agent whose function raises: the crash report shows the line of the
# call in Elixir's lib/agent/server.ex for each request (`# elixir:N` in
# core/lib/agent.ex), and the client's stack, a script's top level, goes on
# with Elixir's compiler's frames up to the 8 the BEAM keeps.
Logger.configure_backend(:console, format: "[$level] $message\n")

defmodule Crash do
  def bad(s), do: s + :x
  def bad_pair(s), do: {s + :x, s}
end

crash = fn request ->
  {:ok, pid} = Agent.start(fn -> 0 end, name: :agent)
  ref = Process.monitor(pid)

  result =
    try do
      request.(:agent)
    catch
      :exit, {reason, _} -> {:exit, elem(reason, 0)}
    end

  receive do
    {:DOWN, ^ref, _, _, _} -> :ok
  end

  Process.sleep(30)
  IO.inspect(result)
end

crash.(fn name -> Agent.get(name, &Crash.bad/1) end)
crash.(fn name -> Agent.update(name, &Crash.bad/1) end)
crash.(fn name -> Agent.get_and_update(name, &Crash.bad_pair/1) end)
crash.(fn name -> Agent.cast(name, &Crash.bad/1); Process.sleep(10) end)

try do
  Crash.bad(1)
rescue
  _ -> IO.inspect(__STACKTRACE__)
end
