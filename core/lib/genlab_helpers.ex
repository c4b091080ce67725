# Genlab.Helpers: the teaching helpers of genlab's shell, imported beside
# IEx.Helpers. Each gathers what it needs (a pid, a state, a supervisor's
# children) and asks the cli to show it (:genlab.view/4); the cli renders
# the views from the trace events core reports (cli/views.c). In a script
# (no shell) the views print nothing.

defmodule Genlab.Helpers do
  @moduledoc """
  genlab's teaching helpers: trace a server's messages, look into its
  mailbox and state, hold it and let one message through at a time, move
  the virtual clock, and draw the processes, a supervision tree or a
  sequence diagram of the last messages.

    * `trace/1`, `untrace/1` - print each message a server handles, with
      its callback, return, state before and after, and reply
    * `mailbox/1`, `state/1` - the waiting messages; a GenServer's state
    * `pause/1`, `step/1`, `step/2`, `resume/1` - hold a server and let
      its messages through one at a time
    * `clock/0`, `clock/1`, `advance/1` - the virtual clock
    * `processes/0`, `tree/1`, `diagram/0`, `diagram/1` - the process
      table, a supervision tree, a sequence diagram
    * `hints/1` - the one-line hints about classic mistakes
    * `lessons/0`, `lesson/1`, `lesson/2` - the lessons, played here

  `h(trace)` and the others say more about each.
  """

  @quiet :"do not show this result in output"

  @doc """
  Traces a server: from now on each message it handles prints as a block:
  the arrival (sender, kind, mailbox length), the callback and its
  arguments, the return tuple, the state before and after, the reply.
  `trace(:all)` traces every GenServer.
  """
  def trace(:all), do: view(:trace, nil, 0, "all")
  def trace(server), do: with_pid(server, &view(:trace, &1, 0, ""))

  @doc "Stops tracing a server (`untrace(:all)`: every server)."
  def untrace(:all), do: view(:untrace, nil, 0, "all")
  def untrace(server), do: with_pid(server, &view(:untrace, &1, 0, ""))

  @doc "Lists the messages waiting in a process's mailbox, oldest first, with their kind and sender."
  def mailbox(server), do: with_pid(server, &view(:mailbox, &1, 0, ""))

  @doc "The state of a GenServer (or any process that answers :sys.get_state/1)."
  def state(server) do
    case resolve(server) do
      nil -> not_found(server)
      pid -> :sys.get_state(pid)
    end
  end

  @doc """
  Holds a GenServer: the messages sent to it wait in its mailbox (see
  `mailbox/1`) until `step/1` lets one through or `resume/1` lets them all.
  A paused server is traced.
  """
  def pause(server) do
    with_pid(server, fn pid ->
      :sys.suspend(pid)
      view(:pause, pid, 0, "")
    end)
  end

  @doc "Lets one message through a paused server (`step(server, n)`: n messages), traced."
  def step(server, n \\ 1) when is_integer(n) and n > 0 do
    with_pid(server, fn pid ->
      waiting = waiting_messages(pid)

      cond do
        status(pid) != :paused -> view(:step, pid, -1, "")
        waiting == 0 -> view(:step, pid, 0, "")
        true ->
          n = min(n, waiting)
          view(:step, pid, n, "begin")
          {:ok, :ok} = :gen.call(pid, :system, {:genlab_step, n})
          # answered once the n messages are handled: the server is held again
          _ = :sys.get_state(pid)
          view(:step, pid, n, "end")
      end
    end)
  end

  @doc "Lets a paused server run again: the messages that waited go through."
  def resume(server) do
    with_pid(server, fn pid ->
      waiting = waiting_messages(pid)
      # said first: the server may start on a message as soon as it runs
      view(:resume, pid, waiting, "")
      :sys.resume(pid)
      # let them through now, so that their traces print before the prompt
      _ = :sys.get_state(pid)
      @quiet
    end)
  end

  @doc "The virtual clock: milliseconds since genlab started."
  def clock(), do: div(:genlab.clock(:now), 1000)

  @doc """
  `clock(:frozen)`: only `advance/1`, timers and work move the virtual
  clock; `clock(:wall)`: the wall time between prompts moves it too (the
  default on a terminal).
  """
  def clock(mode) when mode in [:frozen, :wall], do: :genlab.clock(mode)

  @doc "Moves the virtual clock forward by `ms`, firing the timers that come due, in order, and saying which."
  def advance(ms) when is_integer(ms) and ms >= 0 do
    view(:advance, nil, ms, "begin")
    Process.sleep(ms)
    view(:advance, nil, ms, "end")
  end

  @doc "A table of the processes: pid, name, module, status, current function, mailbox, memory, reductions, links."
  def processes(), do: view(:processes, nil, 0, "")

  @doc "Draws a supervision tree, children in the order they started."
  def tree(supervisor) do
    with_pid(supervisor, fn pid ->
      name = label(supervisor, pid)
      # an unnamed supervisor is its pid: said once
      root = if name == inspect(pid), do: name <> "\tsupervisor", else: name <> "\t" <> info(pid, :supervisor)
      rows = ["0\t" <> root | tree_rows(pid, 1)]
      view(:tree, pid, 0, rows)
    end)
  end

  @doc """
  A sequence diagram of the last messages between processes:
  `diagram()` the last 20, `diagram(n)` the last n, `diagram(server)`
  those to or from it, `diagram(:mermaid)` as Mermaid text to paste into
  Markdown, `diagram(:svg, "file.svg")` as an SVG file.
  """
  def diagram(), do: view(:diagram, nil, 0, "")
  def diagram(n) when is_integer(n) and n > 0, do: view(:diagram, nil, n, "")
  def diagram(:mermaid), do: view(:diagram, nil, 0, "mermaid")
  def diagram(:svg), do: view(:diagram, nil, 0, "svg:diagram.svg")
  def diagram({:svg, file}), do: diagram(:svg, file)
  def diagram(server), do: with_pid(server, &view(:diagram, &1, 0, ""))

  def diagram(:svg, file) when is_binary(file), do: view(:diagram, nil, 0, "svg:" <> file)
  def diagram(:mermaid, n) when is_integer(n), do: view(:diagram, nil, n, "mermaid")

  @doc "Turns the one-line hints on or off (on by default on a terminal)."
  def hints(on) when is_boolean(on), do: view(:hints, nil, if(on, do: 1, else: 0), "")

  @doc """
  Plays a lesson here, as `genlab lesson NAME` does: `lesson(2)`,
  `lesson("stack")`, `lesson("02-stack")`. Then the shell is the lesson's,
  with its modules, processes and bindings, until Ctrl-D brings you back
  to your own session. `lesson(name, step: true)` waits for Enter before
  each input (b goes back one, q stops). `lessons()` lists them.
  """
  def lesson(name, options \\ []) when is_list(options) do
    name = if is_binary(name), do: name, else: to_string(name)
    view(:lesson, nil, if(Keyword.get(options, :step, false), do: 1, else: 0), name)
  end

  @doc "Lists the lessons: number, title, summary and exercises (`lesson(n)` plays one)."
  def lessons(), do: view(:lessons, nil, 0, "")

  # ---- helpers of the helpers ------------------------------------------------

  defp view(what, pid, n, arg) do
    :genlab.view(what, pid, n, arg)
    @quiet
  end

  defp resolve(pid) when is_pid(pid), do: if(Process.alive?(pid), do: pid, else: nil)

  defp resolve(server) do
    case GenServer.whereis(server) do
      pid when is_pid(pid) -> pid
      _ -> nil
    end
  rescue
    FunctionClauseError -> nil
  end

  defp with_pid(server, fun) do
    case resolve(server) do
      nil -> not_found(server)
      pid -> fun.(pid)
    end
  end

  defp not_found(server) do
    IO.puts("No process " <> inspect(server) <> " is alive.")
    @quiet
  end

  defp status(pid) do
    case :erlang.process_info(pid, :current_stacktrace) do
      {:current_stacktrace, stack} ->
        if Enum.any?(stack, fn entry -> elem(entry, 0) == :sys and elem(entry, 1) == :suspend_loop end),
          do: :paused,
          else: :running

      _ ->
        :dead
    end
  end

  # messages a held server would take (system messages are not held)
  defp waiting_messages(pid) do
    case :erlang.process_info(pid, :messages) do
      {:messages, msgs} -> Enum.count(msgs, fn msg -> not match?({:system, _, _}, msg) end)
      _ -> 0
    end
  end

  defp label(server, pid) do
    case :erlang.process_info(pid, :registered_name) do
      {:registered_name, name} when is_atom(name) -> inspect(name)
      _ -> if is_pid(server), do: inspect(pid), else: inspect(server)
    end
  end

  defp info(pid, type), do: inspect(pid) <> "\t" <> Atom.to_string(type)

  defp tree_rows(sup, depth) do
    children =
      try do
        Enum.reverse(Supervisor.which_children(sup))
      catch
        :exit, _ -> []
      end

    Enum.flat_map(children, fn {id, child, type, _modules} ->
      pid_text = if is_pid(child), do: inspect(child), else: inspect(child)
      row = Integer.to_string(depth) <> "\t" <> inspect(id) <> "\t" <> pid_text <> "\t" <> Atom.to_string(type)

      if type == :supervisor and is_pid(child),
        do: [row | tree_rows(child, depth + 1)],
        else: [row]
    end)
  end
end
