# Task: one-off processes - start/start_link (no reply), async with
# await/yield/shutdown (a reply message {ref, result} and a monitor), and
# Task.Supervisor, a DynamicSupervisor of tasks. Task.Supervised is the code
# the task process runs; a crash in it is reported as Elixir's Logger does.
defmodule Task do
  @enforce_keys [:mfa, :owner, :pid, :ref]
  defstruct [:mfa, :owner, :pid, :ref]

  def child_spec(arg) do
    %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}
  end

  defmacro __using__(opts) do
    quote location: :keep do
      def child_spec(arg) do
        default = %{
          id: __MODULE__,
          start: {__MODULE__, :start_link, [arg]},
          restart: :temporary
        }

        Supervisor.child_spec(default, unquote(opts))
      end

      defoverridable child_spec: 1
    end
  end

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, function, args)
      when is_atom(module) and is_atom(function) and is_list(args) do
    Task.Supervised.start_link(get_owner(self()), get_callers(self()), {module, function, args})
  end

  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, function_name, args)
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    Task.Supervised.start(get_owner(self()), get_callers(self()), {module, function_name, args})
  end

  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, function_name, args)
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    owner = self()
    {:ok, pid} = Task.Supervised.start_link(get_owner(owner), :nomonitor)
    ref = Process.monitor(pid)
    send(pid, {owner, ref, owner, get_callers(owner), {module, function_name, args}})
    %Task{pid: pid, ref: ref, owner: owner, mfa: {module, function_name, length(args)}}
  end

  def async_stream(enumerable, fun, options \\ [])
      when is_function(fun, 1) and is_list(options) do
    build_stream(enumerable, fun, options)
  end

  def async_stream(enumerable, module, function_name, args, options \\ [])
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    build_stream(enumerable, {module, function_name, args}, options)
  end

  defp build_stream(enumerable, fun, options) do
    fn acc, acc_fun ->
      owner = get_owner(self())

      Task.Supervised.stream(enumerable, acc, acc_fun, get_callers(self()), fun, options, fn ->
        {:ok, pid} = Task.Supervised.start_link(owner, :nomonitor)
        {:ok, :link, pid}
      end)
    end
  end

  def completed(result) do
    ref = make_ref()
    owner = self()
    send(owner, {ref, result})
    %Task{pid: nil, ref: ref, owner: owner, mfa: {Task, :completed, 1}}
  end

  @doc false
  def get_owner(pid) do
    self_or_name =
      case Process.info(pid, :registered_name) do
        {:registered_name, name} when is_atom(name) -> name
        _ -> pid
      end

    {node(), self_or_name, pid}
  end

  @doc false
  def get_callers(owner) do
    case Process.get(:"$callers") do
      [_ | _] = list -> [owner | list]
      _ -> [owner]
    end
  end

  def await(task, timeout \\ 5000)

  def await(%Task{ref: ref, owner: owner} = task, timeout)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    case receive_reply(ref, timeout) do
      {:ok, reply} ->
        reply

      {:exit, reason} ->
        await_exit({reason, {__MODULE__, :await, [task, timeout]}}, 826)

      nil ->
        Process.demonitor(ref, [:flush])
        await_exit({:timeout, {__MODULE__, :await, [task, timeout]}}, 830)
    end
  end

  # exits from the line of lib/task.ex where Elixir's await/2 exits
  defp await_exit(reason, line) do
    :genlab_support.raise_from(:exit, reason, __MODULE__, [{__MODULE__, :await, 2, [file: 'lib/task.ex', line: line]}])
  end

  # The task's reply ({:ok, reply}), its exit ({:exit, reason}), or nil when
  # neither came within timeout (the monitor is then left in place).
  defp receive_reply(ref, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def ignore(%Task{ref: ref, pid: pid, owner: owner} = task) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      0 ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        nil
    end
  end

  def await_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    awaiting =
      Enum.reduce(tasks, %{}, fn task, acc ->
        %Task{ref: ref, owner: owner} = task
        if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))
        Map.put(acc, ref, true)
      end)

    timeout_ref = make_ref()
    timer_ref = start_timeout(timeout_ref, timeout)

    try do
      await_many(tasks, timeout, awaiting, %{}, timeout_ref)
    after
      cancel_timeout(timer_ref, timeout_ref)
    end
  end

  # await_many/yield_many's deadline: the message timeout_ref, sent once
  # timeout has passed; cancel_timeout/2 leaves no trace of it.
  defp start_timeout(_timeout_ref, :infinity), do: nil
  defp start_timeout(timeout_ref, timeout), do: Process.send_after(self(), timeout_ref, timeout)

  defp cancel_timeout(timer_ref, timeout_ref) do
    timer_ref && Process.cancel_timer(timer_ref)

    receive do
      ^timeout_ref -> :ok
    after
      0 -> :ok
    end
  end

  defp await_many(tasks, _timeout, awaiting, replies, _timeout_ref)
       when map_size(awaiting) == 0 do
    Enum.map(tasks, fn %{ref: ref} -> Map.fetch!(replies, ref) end)
  end

  defp await_many(tasks, timeout, awaiting, replies, timeout_ref) do
    receive do
      ^timeout_ref ->
        demonitor_pending_tasks(awaiting)
        exit({:timeout, {__MODULE__, :await_many, [tasks, timeout]}})

      {:DOWN, ref, _, _proc, reason} when is_map_key(awaiting, ref) ->
        demonitor_pending_tasks(awaiting)
        exit({reason, {__MODULE__, :await_many, [tasks, timeout]}})

      {ref, reply} when is_map_key(awaiting, ref) ->
        Process.demonitor(ref, [:flush])

        await_many(
          tasks,
          timeout,
          Map.delete(awaiting, ref),
          Map.put(replies, ref, reply),
          timeout_ref
        )
    end
  end

  defp demonitor_pending_tasks(awaiting) do
    Enum.each(awaiting, fn {ref, _} -> Process.demonitor(ref, [:flush]) end)
  end

  def yield(task, timeout \\ 5000)

  def yield(%Task{ref: ref, owner: owner} = task, timeout)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))
    receive_reply(ref, timeout)
  end

  def yield_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    timeout_ref = make_ref()
    timer_ref = start_timeout(timeout_ref, timeout)

    try do
      yield_many(tasks, timeout_ref, :infinity)
    after
      cancel_timeout(timer_ref, timeout_ref)
    end
  end

  defp yield_many([%Task{ref: ref, owner: owner} = task | rest], timeout_ref, timeout) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        [{task, {:ok, reply}} | yield_many(rest, timeout_ref, timeout)]

      {:DOWN, ^ref, _, _, reason} ->
        [{task, {:exit, reason}} | yield_many(rest, timeout_ref, timeout)]

      ^timeout_ref ->
        [{task, nil} | yield_many(rest, timeout_ref, 0)]
    after
      timeout -> [{task, nil} | yield_many(rest, timeout_ref, 0)]
    end
  end

  defp yield_many([], _timeout_ref, _timeout), do: []

  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil} = task, _) do
    raise ArgumentError, "task #{inspect(task)} does not have an associated task process"
  end

  def shutdown(%Task{owner: owner} = task, _) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def shutdown(%Task{} = task, :brutal_kill), do: shutdown_task(task, :kill, :brutal_kill, :infinity)

  def shutdown(%Task{} = task, timeout)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    shutdown_task(task, :shutdown, :shutdown, timeout)
  end

  defp shutdown_task(%Task{pid: pid} = task, reason, type, timeout) do
    mon = Process.monitor(pid)
    exit_task(pid, reason)

    case shutdown_receive(task, mon, type, timeout) do
      {:down, _, reason} -> {:exit, reason}
      result -> result
    end
  end

  # Unlinks before the exit signal so that the owner does not receive it;
  # a helper process carries the exit out should the owner die meanwhile.
  defp exit_task(task, reason) do
    caller = self()
    ref = make_ref()
    enforcer = spawn(fn -> enforce_exit(task, reason, caller, ref) end)
    Process.unlink(task)
    Process.exit(task, reason)
    send(enforcer, {:done, ref})
    :ok
  end

  defp enforce_exit(pid, reason, caller, ref) do
    mon = Process.monitor(caller)

    receive do
      {:done, ^ref} -> :ok
      {:DOWN, ^mon, _, _, _} -> Process.exit(pid, reason)
    end
  end

  defp shutdown_receive(%{ref: ref} = task, mon, type, timeout) do
    receive do
      {:DOWN, ^mon, _, _, :shutdown} when type in [:shutdown, :timeout_kill] ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, _, :killed} when type == :brutal_kill ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, proc, :noproc} ->
        reason = flush_noproc(ref, proc, type)
        flush_reply(ref) || reason

      {:DOWN, ^mon, _, proc, reason} ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref) || {:down, proc, reason}
    after
      timeout ->
        Process.exit(task.pid, :kill)
        shutdown_receive(task, mon, :timeout_kill, :infinity)
    end
  end

  defp flush_reply(ref) do
    receive do
      {^ref, reply} -> {:ok, reply}
    after
      0 -> nil
    end
  end

  defp flush_noproc(ref, proc, type) do
    receive do
      {:DOWN, ^ref, _, _, :shutdown} when type in [:shutdown, :timeout_kill] -> nil
      {:DOWN, ^ref, _, _, :killed} when type == :brutal_kill -> nil
      {:DOWN, ^ref, _, _, reason} -> {:down, proc, reason}
    after
      0 ->
        Process.demonitor(ref, [:flush])
        {:down, proc, :noproc}
    end
  end

  defp invalid_owner_error(task) do
    "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
  end
end

defmodule Task.Supervised do
  @moduledoc false
  @ref_timeout 5000

  def start(owner, callers, mfa) do
    {:ok, :proc_lib.spawn(__MODULE__, :noreply, [owner, callers, mfa])}
  end

  def start_link(owner, callers, mfa) do
    {:ok, :proc_lib.spawn_link(__MODULE__, :noreply, [owner, callers, mfa])}
  end

  def start_link(owner, monitor) do
    {:ok, :proc_lib.spawn_link(__MODULE__, :reply, [owner, monitor])}
  end

  def reply({_, _, owner_pid} = owner, monitor) do
    case monitor do
      :monitor ->
        mref = Process.monitor(owner_pid)
        reply(owner, owner_pid, mref, @ref_timeout)

      :nomonitor ->
        reply(owner, owner_pid, nil, :infinity)
    end
  end

  defp reply(owner, owner_pid, mref, timeout) do
    receive do
      {^owner_pid, ref, reply_to, callers, mfa} ->
        initial_call(mfa)
        Process.put(:"$callers", callers)
        _ = mref && Process.demonitor(mref, [:flush])
        result = invoke_mfa(owner, mfa, :reply)
        send_reply(reply_to, ref, result)

      {:DOWN, ^mref, _, _, reason} ->
        exit({:shutdown, reason})
    after
      timeout -> exit(:timeout)
    end
  end

  # OTP answers through an alias of the owner's monitor, so a reply that
  # comes after the owner demonitored (await timed out, shutdown, ignore)
  # is dropped; :genlab.send_alias delivers only while that monitor holds.
  defp send_reply(reply_to, ref, result) do
    :genlab.send_alias(reply_to, ref, {ref, result})
  end

  def noreply(owner, callers, mfa) do
    initial_call(mfa)
    Process.put(:"$callers", callers)
    invoke_mfa(owner, mfa, :noreply)
  end

  defp initial_call({:erlang, :apply, [fun, []]}) when is_function(fun, 0) do
    {:module, module} = Function.info(fun, :module)
    {:name, name} = Function.info(fun, :name)
    Process.put(:"$initial_call", {module, name, 0})
  end

  defp initial_call({mod, fun, args}) do
    Process.put(:"$initial_call", {mod, fun, length(args)})
  end

  defp invoke_mfa(owner, {module, fun, args} = mfa, mode) do
    try do
      run(module, fun, args)
    catch
      :exit, value
      when value == :normal or value == :shutdown or
             (is_tuple(value) and tuple_size(value) == 2 and elem(value, 0) == :shutdown) ->
        :erlang.raise(:exit, value, fix_stack(__STACKTRACE__, mode))

      kind, value ->
        stacktrace = fix_stack(__STACKTRACE__, mode)
        {fun, args} = get_running(mfa)
        report(owner, fun, args, kind, value, stacktrace)
        :erlang.raise(kind, value, stacktrace)
    end
  end

  # The frames below the task's function are the ones Elixir's task shows
  # (lib/task/supervised.ex, proc_lib.erl), not this file's.
  defp fix_stack(stack, mode) do
    user =
      Enum.take_while(stack, fn
        {mod, _, _, _} -> mod not in [Task.Supervised, :proc_lib]
        _ -> true
      end)

    reply =
      if mode == :reply,
        do: [{Task.Supervised, :reply, 4, [file: 'lib/task/supervised.ex', line: 34]}],
        else: []

    user ++
      [{Task.Supervised, :invoke_mfa, 2, [file: 'lib/task/supervised.ex', line: 89]}] ++
      reply ++ [{:proc_lib, :init_p_do_apply, 3, [file: 'proc_lib.erl', line: 240]}]
  end

  # :erlang.apply/2 is not a native here; a fun with its arguments is
  # applied directly.
  defp run(:erlang, :apply, [fun, args]) when is_function(fun), do: apply(fun, args)
  defp run(module, fun, args), do: apply(module, fun, args)

  defp report(owner, fun, args, kind, value, stacktrace) do
    reason =
      case kind do
        :error ->
          Exception.format_banner(:error, value, stacktrace)

        :throw ->
          "** (stop) " <> Exception.format_exit({:nocatch, value})

        :exit ->
          "** (stop) " <> Exception.format_exit(value)
      end

    message =
      "Task #{inspect(self())} started from #{inspect(get_from(owner))} terminating\n" <>
        reason <>
        "\n" <>
        Exception.format_stacktrace(stacktrace) <>
        "Function: #{inspect(fun)}\n" <> "    Args: #{inspect(args)}"

    Supervisor.Report.error(message)
  end

  defp get_from({node, pid_or_name, _pid}) when node == node(), do: pid_or_name
  defp get_from({node, name, _pid}) when is_atom(name), do: {node, name}
  defp get_from({_node, _name, pid}), do: pid

  # Task.async_stream. Unlike Elixir's lazy stream, the tasks all run when
  # the stream is first reduced (at most :max_concurrency at a time); the
  # results are then handed to the reducer, in input order when :ordered.
  def stream(enumerable, acc, reducer, callers, mfa, options, spawn) do
    max_concurrency = Keyword.get(options, :max_concurrency, System.schedulers_online())

    unless is_integer(max_concurrency) and max_concurrency > 0 do
      raise ArgumentError, ":max_concurrency must be an integer greater than zero"
    end

    config = %{
      max: max_concurrency,
      ordered: Keyword.get(options, :ordered, true),
      timeout: Keyword.get(options, :timeout, 5000),
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      zip: Keyword.get(options, :zip_input_on_exit, false),
      callers: callers,
      mfa: mfa,
      spawn: spawn
    }

    case acc do
      {:halt, acc} ->
        {:halted, acc}

      {:cont, acc} ->
        items = Enum.with_index(Enum.to_list(enumerable))
        results = stream_run(items, %{}, %{}, [], config)
        stream_deliver(results, {:cont, acc}, reducer)
    end
  end

  defp stream_deliver(_results, {:halt, acc}, _reducer), do: {:halted, acc}
  defp stream_deliver([], {:cont, acc}, _reducer), do: {:done, acc}

  defp stream_deliver([result | rest], {:cont, acc}, reducer) do
    stream_deliver(rest, reducer.(result, acc), reducer)
  end

  defp stream_deliver(_results, {:suspend, acc}, _reducer), do: {:halted, acc}

  # running: monitor ref => {index, pid, deadline, item}; done: index =>
  # result when ordered; finished: results in completion order otherwise.
  defp stream_run([], running, done, finished, config) when map_size(running) == 0 do
    if config.ordered,
      do: done |> Enum.sort() |> Enum.map(fn {_index, result} -> result end),
      else: :lists.reverse(finished)
  end

  defp stream_run([{item, index} | rest], running, done, finished, config)
       when map_size(running) < config.max do
    {:ok, _type, pid} = config.spawn.()
    ref = Process.monitor(pid)
    send(pid, {self(), ref, self(), config.callers, mfa_with_arg(config.mfa, item)})

    deadline =
      if config.timeout == :infinity,
        do: :infinity,
        else: :erlang.monotonic_time(:millisecond) + config.timeout

    stream_run(rest, Map.put(running, ref, {index, pid, deadline, item}), done, finished, config)
  end

  defp stream_run(items, running, done, finished, config) do
    wait =
      Enum.reduce(running, :infinity, fn {_ref, {_, _, deadline, _}}, acc ->
        if deadline == :infinity,
          do: acc,
          else: min(acc, max(deadline - :erlang.monotonic_time(:millisecond), 0))
      end)

    receive do
      {ref, reply} when is_map_key(running, ref) ->
        Process.demonitor(ref, [:flush])
        {{index, _, _, _}, running} = Map.pop(running, ref)
        stream_store(items, running, done, finished, config, index, {:ok, reply})

      {:DOWN, ref, _, _, reason} when is_map_key(running, ref) ->
        {{index, _, _, item}, running} = Map.pop(running, ref)
        stream_store(items, running, done, finished, config, index, stream_exit(config, item, reason))
    after
      wait -> stream_timeout(items, running, done, finished, config)
    end
  end

  defp stream_store(items, running, done, finished, config, index, result) do
    {done, finished} = stream_put(done, finished, config, index, result)
    stream_run(items, running, done, finished, config)
  end

  defp stream_put(done, finished, config, index, result) do
    if config.ordered,
      do: {Map.put(done, index, result), finished},
      else: {done, [result | finished]}
  end

  defp stream_exit(config, item, reason) do
    if config.zip, do: {:exit, {item, reason}}, else: {:exit, reason}
  end

  defp stream_kill(ref, pid) do
    Process.unlink(pid)
    Process.exit(pid, :kill)
    Process.demonitor(ref, [:flush])
  end

  defp stream_timeout(items, running, done, finished, config) do
    now = :erlang.monotonic_time(:millisecond)

    expired =
      for {ref, {_, _, deadline, _} = task} <- running, deadline != :infinity, deadline <= now,
        do: {ref, task}

    if config.on_timeout == :exit do
      Enum.each(running, fn {ref, {_, pid, _, _}} -> stream_kill(ref, pid) end)

      exit({:timeout, {__MODULE__, :stream, [config.timeout]}})
    end

    {running, done, finished} =
      Enum.reduce(expired, {running, done, finished}, fn {ref, {index, pid, _, item}}, {r, d, f} ->
        stream_kill(ref, pid)
        {d, f} = stream_put(d, f, config, index, stream_exit(config, item, :timeout))
        {Map.delete(r, ref), d, f}
      end)

    stream_run(items, running, done, finished, config)
  end

  defp mfa_with_arg({mod, fun, args}, arg), do: {mod, fun, [arg | args]}
  defp mfa_with_arg(fun, arg), do: {:erlang, :apply, [fun, [arg]]}

  defp get_running({:erlang, :apply, [fun, []]}) when is_function(fun, 0), do: {fun, []}
  defp get_running({mod, fun, args}), do: {Function.capture(mod, fun, length(args)), args}
end

defmodule Task.Supervisor do
  def child_spec(opts) when is_list(opts) do
    id =
      case Keyword.get(opts, :name, Task.Supervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {Task.Supervisor, :start_link, [opts]}, type: :supervisor}
  end

  @max_children_message "reached the maximum number of tasks for this task supervisor. The maximum number " <>
                          "of tasks that are allowed to run at the same time under this supervisor can be " <>
                          "configured with the :max_children option passed to Task.Supervisor.start_link/1"

  def start_link(options \\ []) do
    {restart, options} = Keyword.pop(options, :restart)
    {shutdown, options} = Keyword.pop(options, :shutdown)
    {sup_opts, start_opts} = Keyword.split(options, [:max_children, :max_seconds, :max_restarts])
    restart_and_shutdown = {restart || :temporary, shutdown || 5000}
    DynamicSupervisor.start_link(__MODULE__, {restart_and_shutdown, sup_opts}, start_opts)
  end

  def init({{_restart, _shutdown} = arg, options}) do
    Process.put(__MODULE__, arg)
    DynamicSupervisor.init([strategy: :one_for_one] ++ options)
  end

  def async(supervisor, fun, options \\ []) do
    async(supervisor, :erlang, :apply, [fun, []], options)
  end

  def async(supervisor, module, fun, args, options \\ []) do
    do_async(supervisor, :link, module, fun, args, options)
  end

  def async_nolink(supervisor, fun, options \\ []) do
    async_nolink(supervisor, :erlang, :apply, [fun, []], options)
  end

  def async_nolink(supervisor, module, fun, args, options \\ []) do
    do_async(supervisor, :nolink, module, fun, args, options)
  end

  def async_stream(supervisor, enumerable, module, function, args, options \\ [])
      when is_atom(module) and is_atom(function) and is_list(args) do
    build_stream(supervisor, :link, enumerable, {module, function, args}, options)
  end

  def async_stream(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    build_stream(supervisor, :link, enumerable, fun, options)
  end

  def async_stream_nolink(supervisor, enumerable, module, function, args, options \\ [])
      when is_atom(module) and is_atom(function) and is_list(args) do
    build_stream(supervisor, :nolink, enumerable, {module, function, args}, options)
  end

  def async_stream_nolink(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    build_stream(supervisor, :nolink, enumerable, fun, options)
  end

  defp build_stream(supervisor, link_type, enumerable, fun, options) do
    fn acc, acc_fun ->
      shutdown = options[:shutdown]
      owner = Task.get_owner(self())

      Task.Supervised.stream(enumerable, acc, acc_fun, Task.get_callers(self()), fun, options, fn ->
        case start_child_with_spec(supervisor, [owner, :monitor], :temporary, shutdown) do
          {:ok, pid} ->
            if link_type == :link, do: Process.link(pid)
            {:ok, link_type, pid}

          {:error, :max_children} ->
            raise @max_children_message <>
                    ". When using async_stream or async_stream_nolink, make sure to configure :max_concurrency to " <>
                    "be lower or equal to :max_children and pay attention to whether other tasks are also " <>
                    "spawned under the same task supervisor."
        end
      end)
    end
  end

  def terminate_child(supervisor, pid) when is_pid(pid) do
    DynamicSupervisor.terminate_child(supervisor, pid)
  end

  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  def start_child(supervisor, fun, options \\ []) do
    args = [Task.get_owner(self()), Task.get_callers(self()), {:erlang, :apply, [fun, []]}]
    start_child_with_spec(supervisor, args, options[:restart], options[:shutdown])
  end

  def start_child(supervisor, module, fun, args, options \\ [])
      when is_atom(fun) and is_list(args) do
    args = [Task.get_owner(self()), Task.get_callers(self()), {module, fun, args}]
    start_child_with_spec(supervisor, args, options[:restart], options[:shutdown])
  end

  defp start_child_with_spec(supervisor, args, restart, shutdown) do
    GenServer.call(supervisor, {:start_task, args, restart, shutdown}, :infinity)
  end

  defp do_async(supervisor, link_type, module, fun, args, options) do
    owner = self()
    shutdown = options[:shutdown]
    owner_info = Task.get_owner(owner)

    case start_child_with_spec(supervisor, [owner_info, :monitor], :temporary, shutdown) do
      {:ok, pid} ->
        if link_type == :link, do: Process.link(pid)
        ref = Process.monitor(pid)
        send(pid, {owner, ref, owner, Task.get_callers(owner), {module, fun, args}})
        %Task{pid: pid, ref: ref, owner: owner, mfa: {module, fun, length(args)}}

      {:error, :max_children} ->
        raise @max_children_message
    end
  end
end
