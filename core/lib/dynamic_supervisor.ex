# DynamicSupervisor: a GenServer that starts children on demand, one_for_one,
# keeping them in a map from pid to {mfa, restart, shutdown, type, modules}.
defmodule DynamicSupervisor do
  @behaviour GenServer

  @callback init(init_arg :: term) :: {:ok, map} | :ignore

  defstruct [
    :args,
    :extra_arguments,
    :mod,
    :name,
    :strategy,
    :max_children,
    :max_restarts,
    :max_seconds,
    children: %{},
    restarts: []
  ]

  def child_spec(opts) when is_list(opts) do
    id =
      case Keyword.get(opts, :name, DynamicSupervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {DynamicSupervisor, :start_link, [opts]}, type: :supervisor}
  end

  defmacro __using__(opts), do: Supervisor.__using_supervisor__(DynamicSupervisor, opts)

  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(Supervisor.Default, init(sup_opts), start_opts)
  end

  def start_link(module, init_arg, opts \\ []) do
    GenServer.start_link(__MODULE__, {module, init_arg, opts[:name]}, opts)
  end

  def start_child(supervisor, {_, _, _, _, _, _} = child_spec) do
    validate_and_start_child(supervisor, child_spec)
  end

  def start_child(supervisor, child_spec) do
    validate_and_start_child(supervisor, Supervisor.child_spec(child_spec, []))
  end

  defp validate_and_start_child(supervisor, child_spec) do
    case validate_child(child_spec) do
      {:ok, child} -> call(supervisor, {:start_child, child})
      error -> {:error, error}
    end
  end

  defp validate_child(%{id: _, start: {mod, _, _} = start} = child) do
    restart = Map.get(child, :restart, :permanent)
    type = Map.get(child, :type, :worker)
    modules = Map.get(child, :modules, [mod])

    shutdown =
      case type do
        :worker -> Map.get(child, :shutdown, 5_000)
        :supervisor -> Map.get(child, :shutdown, :infinity)
      end

    validate_child(start, restart, shutdown, type, modules)
  end

  defp validate_child({_, start, restart, shutdown, type, modules}) do
    validate_child(start, restart, shutdown, type, modules)
  end

  defp validate_child(other), do: {:invalid_child_spec, other}

  defp validate_child(start, restart, shutdown, type, modules) do
    with :ok <- validate_start(start),
         :ok <- validate_restart(restart),
         :ok <- validate_shutdown(shutdown),
         :ok <- validate_type(type),
         :ok <- validate_modules(modules) do
      {:ok, {start, restart, shutdown, type, modules}}
    end
  end

  defp validate_start({m, f, args}) when is_atom(m) and is_atom(f) and is_list(args), do: :ok
  defp validate_start(mfa), do: {:invalid_mfa, mfa}

  defp validate_type(type) when type in [:supervisor, :worker], do: :ok
  defp validate_type(type), do: {:invalid_child_type, type}

  defp validate_restart(restart) when restart in [:permanent, :temporary, :transient], do: :ok
  defp validate_restart(restart), do: {:invalid_restart_type, restart}

  defp validate_shutdown(shutdown) when is_integer(shutdown) and shutdown > 0, do: :ok
  defp validate_shutdown(shutdown) when shutdown in [:infinity, :brutal_kill], do: :ok
  defp validate_shutdown(shutdown), do: {:invalid_shutdown, shutdown}

  defp validate_modules(:dynamic), do: :ok

  defp validate_modules(mods) do
    if is_list(mods) and Enum.all?(mods, &is_atom/1), do: :ok, else: {:invalid_modules, mods}
  end

  def terminate_child(supervisor, pid) when is_pid(pid) do
    call(supervisor, {:terminate_child, pid})
  end

  # The same requests as Supervisor's: its functions serve.
  def which_children(supervisor), do: Supervisor.which_children(supervisor)
  def count_children(supervisor), do: Supervisor.count_children(supervisor)

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    Supervisor.stop(supervisor, reason, timeout)
  end

  def init(options) when is_list(options) do
    flags = %{
      strategy: Keyword.get(options, :strategy, :one_for_one),
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5),
      max_children: Keyword.get(options, :max_children, :infinity),
      extra_arguments: Keyword.get(options, :extra_arguments, [])
    }

    {:ok, flags}
  end

  def init({mod, init_arg, name}) do
    Process.put(:"$initial_call", {:supervisor, mod, 1})
    Process.flag(:trap_exit, true)

    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        name =
          cond do
            is_nil(name) -> {self(), mod}
            is_atom(name) -> {:local, name}
            is_tuple(name) -> name
          end

        state = %DynamicSupervisor{mod: mod, args: init_arg, name: name}

        case init_state(state, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:stop, {:supervisor_data, reason}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp init_state(state, flags) do
    extra_arguments = Map.get(flags, :extra_arguments, [])
    max_children = Map.get(flags, :max_children, :infinity)
    max_restarts = Map.get(flags, :intensity, 1)
    max_seconds = Map.get(flags, :period, 5)
    strategy = Map.get(flags, :strategy, :one_for_one)

    with :ok <- validate_strategy(strategy),
         :ok <- validate_restarts(max_restarts),
         :ok <- validate_seconds(max_seconds),
         :ok <- validate_dynamic(max_children),
         :ok <- validate_extra_arguments(extra_arguments) do
      {:ok,
       %{
         state
         | extra_arguments: extra_arguments,
           max_children: max_children,
           max_restarts: max_restarts,
           max_seconds: max_seconds,
           strategy: strategy
       }}
    end
  end

  defp validate_strategy(strategy) when strategy in [:one_for_one], do: :ok
  defp validate_strategy(strategy), do: {:error, {:invalid_strategy, strategy}}

  defp validate_restarts(restart) when is_integer(restart) and restart >= 0, do: :ok
  defp validate_restarts(restart), do: {:error, {:invalid_intensity, restart}}

  defp validate_seconds(seconds) when is_integer(seconds) and seconds > 0, do: :ok
  defp validate_seconds(seconds), do: {:error, {:invalid_period, seconds}}

  defp validate_dynamic(:infinity), do: :ok
  defp validate_dynamic(dynamic) when is_integer(dynamic) and dynamic >= 0, do: :ok
  defp validate_dynamic(dynamic), do: {:error, {:invalid_max_children, dynamic}}

  defp validate_extra_arguments(list) when is_list(list), do: :ok
  defp validate_extra_arguments(extra), do: {:error, {:invalid_extra_arguments, extra}}

  def handle_call(:which_children, _from, state) do
    reply =
      for {pid, args} <- state.children do
        case args do
          {:restarting, {_, _, _, type, modules}} -> {:undefined, :restarting, type, modules}
          {_, _, _, type, modules} -> {:undefined, pid, type, modules}
        end
      end

    {:reply, reply, state}
  end

  def handle_call(:count_children, _from, state) do
    children = state.children
    specs = map_size(children)

    {active, workers, supervisors} =
      Enum.reduce(children, {0, 0, 0}, fn
        {_pid, {:restarting, {_, _, _, :worker, _}}}, {active, worker, supervisor} ->
          {active, worker + 1, supervisor}

        {_pid, {:restarting, {_, _, _, :supervisor, _}}}, {active, worker, supervisor} ->
          {active, worker, supervisor + 1}

        {_pid, {_, _, _, :worker, _}}, {active, worker, supervisor} ->
          {active + 1, worker + 1, supervisor}

        {_pid, {_, _, _, :supervisor, _}}, {active, worker, supervisor} ->
          {active + 1, worker, supervisor + 1}
      end)

    reply = [specs: specs, active: active, supervisors: supervisors, workers: workers]
    {:reply, reply, state}
  end

  def handle_call({:terminate_child, pid}, _from, %{children: children} = state) do
    case children do
      %{^pid => info} ->
        :ok = terminate_children(%{pid => info}, state)
        {:reply, :ok, delete_child(pid, state)}

      %{} ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:start_task, args, restart, shutdown}, from, state) do
    {init_restart, init_shutdown} = Process.get(Task.Supervisor)
    restart = restart || init_restart
    shutdown = shutdown || init_shutdown
    child = {{Task.Supervised, :start_link, args}, restart, shutdown, :worker, [Task.Supervised]}
    handle_call({:start_child, child}, from, state)
  end

  def handle_call({:start_child, child}, _from, state) do
    %{children: children, max_children: max_children} = state

    if map_size(children) < max_children do
      handle_start_child(child, state)
    else
      {:reply, {:error, :max_children}, state}
    end
  end

  defp handle_start_child({{m, f, args} = mfa, restart, shutdown, type, modules}, state) do
    case reply = start_child(m, f, state.extra_arguments ++ args) do
      {:ok, pid, _} ->
        {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      {:ok, pid} ->
        {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      _ ->
        {:reply, reply, state}
    end
  end

  defp start_child(m, f, a) do
    result =
      try do
        {:returned, apply(m, f, a)}
      catch
        kind, reason -> {:error, exit_reason(kind, reason, __STACKTRACE__)}
      end

    case result do
      {:returned, {:ok, pid, extra}} when is_pid(pid) -> {:ok, pid, extra}
      {:returned, {:ok, pid}} when is_pid(pid) -> {:ok, pid}
      {:returned, :ignore} -> :ignore
      {:returned, {:error, _} = error} -> error
      {:returned, other} -> {:error, other}
      error -> error
    end
  end

  defp save_child(pid, mfa, restart, shutdown, type, modules, state) do
    mfa = mfa_for_restart(mfa, restart)
    %{state | children: Map.put(state.children, pid, {mfa, restart, shutdown, type, modules})}
  end

  defp mfa_for_restart({m, f, _}, :temporary), do: {m, f, :undefined}
  defp mfa_for_restart(mfa, _), do: mfa

  defp exit_reason(:exit, reason, _), do: reason
  defp exit_reason(:error, reason, stack), do: {reason, stack}
  defp exit_reason(:throw, value, stack), do: {{:nocatch, value}, stack}

  def handle_cast(_msg, state), do: {:noreply, state}

  def handle_info({:EXIT, pid, reason}, state) do
    case maybe_restart_child(pid, reason, state) do
      {:ok, state} -> {:noreply, state}
      {:shutdown, state} -> {:stop, :shutdown, state}
    end
  end

  def handle_info({:"$gen_restart", pid}, state) do
    case state.children do
      %{^pid => {:restarting, child}} ->
        case restart_child(pid, child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      %{} ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    Supervisor.Report.error("DynamicSupervisor received unexpected message: " <> inspect(msg) <> "\n")
    {:noreply, state}
  end

  def code_change(_, state, _), do: {:ok, state}

  def terminate(_, %{children: children} = state) do
    :ok = terminate_children(children, state)
  end

  defp terminate_children(children, _state) do
    {pids, times} = monitor_children(children)
    size = map_size(pids)

    timers =
      Enum.reduce(times, %{}, fn {time, pids}, acc ->
        ref = make_ref()
        timer = Process.send_after(self(), {:timeout, ref, :kill}, time)
        Map.put(acc, ref, {timer, pids})
      end)

    wait_children(pids, size, timers)
    :ok
  end

  defp monitor_children(children) do
    Enum.reduce(children, {%{}, %{}}, fn
      {_, {:restarting, _}}, acc ->
        acc

      {pid, child}, {pids, times} ->
        case monitor_child(pid) do
          :ok -> {Map.put(pids, pid, child), exit_child(pid, child, times)}
          {:error, _reason} -> {pids, times}
        end
    end)
  end

  defp monitor_child(pid) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, reason} ->
        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> {:error, reason}
        end
    after
      0 -> :ok
    end
  end

  defp exit_child(pid, {_, _, shutdown, _, _}, times) do
    case shutdown do
      :brutal_kill ->
        Process.exit(pid, :kill)
        times

      :infinity ->
        Process.exit(pid, :shutdown)
        times

      time ->
        Process.exit(pid, :shutdown)
        Map.update(times, time, [pid], &[pid | &1])
    end
  end

  defp wait_children(_pids, 0, timers) do
    Enum.each(timers, fn {ref, {timer, _}} ->
      _ = Process.cancel_timer(timer)

      receive do
        {:timeout, ^ref, :kill} -> :ok
      after
        0 -> :ok
      end
    end)
  end

  defp wait_children(pids, size, timers) do
    receive do
      {:DOWN, _ref, :process, pid, _reason} ->
        if Map.has_key?(pids, pid),
          do: wait_children(pids, size - 1, timers),
          else: wait_children(pids, size, timers)

      {:timeout, ref, :kill} when is_map_key(timers, ref) ->
        {_timer, to_kill} = Map.fetch!(timers, ref)
        Enum.each(to_kill, fn pid -> Process.exit(pid, :kill) end)
        wait_children(pids, size, Map.delete(timers, ref))
    end
  end

  defp maybe_restart_child(pid, reason, %{children: children} = state) do
    case children do
      %{^pid => {_, restart, _, _, _} = child} ->
        maybe_restart_child(restart, reason, pid, child, state)

      %{} ->
        {:ok, state}
    end
  end

  defp maybe_restart_child(:permanent, _reason, pid, child, state) do
    restart_child(pid, child, state)
  end

  defp maybe_restart_child(_, :normal, pid, _child, state), do: {:ok, delete_child(pid, state)}
  defp maybe_restart_child(_, :shutdown, pid, _child, state), do: {:ok, delete_child(pid, state)}

  defp maybe_restart_child(_, {:shutdown, _}, pid, _child, state),
    do: {:ok, delete_child(pid, state)}

  defp maybe_restart_child(:transient, _reason, pid, child, state) do
    restart_child(pid, child, state)
  end

  defp maybe_restart_child(:temporary, _reason, pid, _child, state) do
    {:ok, delete_child(pid, state)}
  end

  defp delete_child(pid, state), do: %{state | children: Map.delete(state.children, pid)}

  defp restart_child(pid, child, state) do
    case add_restart(state) do
      {:ok, state} ->
        case restart_child(state.strategy, pid, child, state) do
          {:ok, state} ->
            {:ok, state}

          {:try_again, state} ->
            send(self(), {:"$gen_restart", pid})
            {:ok, state}
        end

      {:shutdown, state} ->
        {:shutdown, delete_child(pid, state)}
    end
  end

  defp add_restart(state) do
    %{max_seconds: max_seconds, max_restarts: max_restarts, restarts: restarts} = state
    now = :erlang.monotonic_time(:second)
    restarts = for then <- [now | restarts], now <= then + max_seconds, do: then
    state = %{state | restarts: restarts}

    if length(restarts) <= max_restarts, do: {:ok, state}, else: {:shutdown, state}
  end

  defp restart_child(:one_for_one, current_pid, child, state) do
    {{m, f, args} = mfa, restart, shutdown, type, modules} = child

    case start_child(m, f, state.extra_arguments ++ args) do
      {:ok, pid, _} ->
        state = delete_child(current_pid, state)
        {:ok, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      {:ok, pid} ->
        state = delete_child(current_pid, state)
        {:ok, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      :ignore ->
        {:ok, delete_child(current_pid, state)}

      {:error, _reason} ->
        state = %{state | children: Map.put(state.children, current_pid, {:restarting, child})}
        {:try_again, state}
    end
  end

  defp call(supervisor, req), do: GenServer.call(supervisor, req, :infinity)
end
