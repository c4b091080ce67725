# The generic machinery under GenServer (and any other behaviour that wants
# it): :proc_lib's synchronous start, :gen's name registration and call
# protocol, and a small :global name table. Same messages as OTP 25, so
# :sys and GenServer.reply/2 work with any process that follows them:
#
#   start ack   {:ack, pid, result}               (proc_lib:init_ack/2)
#   call        {label, {caller, [:alias | mref]}, request}
#   reply       {[:alias | mref], reply}           (only while the caller
#                                                   still waits: an alias)
#   system      {:system, from, request}           (:sys)

defmodule :proc_lib do
  # spawn*/3 start `apply(mod, fun, args)` in a process that knows its
  # ancestors and initial call (what OTP's proc_lib puts in the process
  # dictionary); an uncaught error or throw ends it with an exit reason
  # ({reason, stacktrace}) instead of an error, so it is not reported as a
  # raw crash: the behaviour on top reports its own failures.

  def spawn(mod, fun, args), do: :erlang.spawn(:proc_lib, :init_p, [self(), ancestors(), mod, fun, args])

  def spawn_link(mod, fun, args) do
    :erlang.spawn_link(:proc_lib, :init_p, [self(), ancestors(), mod, fun, args])
  end

  def spawn(fun) when is_function(fun, 0), do: __MODULE__.spawn(:erlang, :apply, [fun, []])
  def spawn_link(fun) when is_function(fun, 0), do: spawn_link(:erlang, :apply, [fun, []])

  def init_p(parent, ancestors, mod, fun, args) do
    :erlang.put(:"$ancestors", [parent | ancestors])
    :erlang.put(:"$initial_call", initial_call(mod, fun, args))

    try do
      apply_mfa(mod, fun, args)
    catch
      :exit, reason -> :erlang.raise(:exit, reason, __STACKTRACE__)
      :error, reason -> :erlang.raise(:exit, {reason, __STACKTRACE__}, __STACKTRACE__)
      :throw, reason -> :erlang.raise(:exit, {{:nocatch, reason}, __STACKTRACE__}, __STACKTRACE__)
    end
  end

  defp apply_mfa(:erlang, :apply, [fun, []]) when is_function(fun, 0), do: fun.()
  defp apply_mfa(mod, fun, args), do: apply(mod, fun, args)

  defp initial_call(:erlang, :apply, [fun, []]) when is_function(fun, 0) do
    case :erlang.fun_info(fun, :module) do
      {:module, mod} -> {mod, :"-fun-", 0}
      _ -> {:erlang, :apply, 2}
    end
  end

  defp initial_call(:gen_server, :init_it, [_, _, _, mod, _, _]), do: {mod, :init, 1}
  defp initial_call(mod, fun, args), do: {mod, fun, length(args)}

  defp ancestors() do
    case :erlang.get(:"$ancestors") do
      list when is_list(list) -> list
      _ -> []
    end
  end

  # Ancestors are named by registered name when there is one.
  def __self_name__() do
    case :erlang.process_info(self(), :registered_name) do
      {:registered_name, name} when is_atom(name) -> name
      _ -> self()
    end
  end

  def start(mod, fun, args), do: start(mod, fun, args, :infinity)
  def start(mod, fun, args, timeout), do: start(mod, fun, args, timeout, [])

  def start(mod, fun, args, timeout, _spawn_opts) do
    pid = :erlang.spawn(:proc_lib, :init_p, [__self_name__(), ancestors(), mod, fun, args])
    ref = :erlang.monitor(:process, pid)

    receive do
      {:ack, ^pid, result} ->
        :erlang.demonitor(ref, [:flush])
        result

      {:DOWN, ^ref, :process, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        :erlang.demonitor(ref, [:flush])
        kill_flush(pid)
        {:error, :timeout}
    end
  end

  def start_link(mod, fun, args), do: start_link(mod, fun, args, :infinity)
  def start_link(mod, fun, args, timeout), do: start_link(mod, fun, args, timeout, [])

  def start_link(mod, fun, args, timeout, _spawn_opts) do
    pid = :erlang.spawn_link(:proc_lib, :init_p, [__self_name__(), ancestors(), mod, fun, args])

    receive do
      {:ack, ^pid, result} ->
        result

      {:EXIT, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        kill_flush(pid)
        {:error, :timeout}
    end
  end

  defp kill_flush(pid) do
    :erlang.unlink(pid)
    :erlang.exit(pid, :kill)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  def init_ack(result) do
    case :erlang.get(:"$ancestors") do
      [parent | _] -> init_ack(parent, result)
      _ -> :ok
    end
  end

  def init_ack(parent, result) do
    send(parent, {:ack, self(), result})
    :ok
  end

  # proc_lib:stop/1,3: asks the process to terminate through :sys and
  # waits for it to be gone; exits with the reason if it died another way.
  def stop(process), do: stop(process, :normal, :infinity)

  def stop(process, reason, timeout) do
    ref = :erlang.monitor(:process, process)
    send_to(process, {:system, {self(), [:alias | ref]}, {:terminate, reason}})

    receive do
      {:DOWN, ^ref, _, _, ^reason} ->
        flush_reply(ref)
        :ok

      {:DOWN, ^ref, _, _, other} ->
        flush_reply(ref)
        exit(other)
    after
      timeout ->
        :erlang.demonitor(ref, [:flush])
        exit(:timeout)
    end
  end

  # The process answers :ok to the terminate request before it goes.
  defp flush_reply(ref) do
    receive do
      {[:alias | ^ref], _} -> :ok
    after
      0 -> :ok
    end
  end

  defp send_to(process, msg) when is_pid(process) or is_atom(process), do: send(process, msg)
  defp send_to(process, msg), do: send(process, msg)
end

defmodule :gen do
  # Names: {:local, atom} | {:global, term} | {:via, mod, term}, or a pid
  # for an unnamed process.

  def where({:local, name}) do
    case :erlang.whereis(name) do
      :undefined -> :undefined
      pid -> pid
    end
  end

  def where({:global, name}), do: :global.whereis_name(name)
  def where({:via, mod, name}), do: mod.whereis_name(name)

  def register_name({:local, name} = local) do
    try do
      :erlang.register(name, self())
      true
    catch
      :error, _ ->
        case where(local) do
          :undefined -> register_name(local)
          pid -> {false, pid}
        end
    end
  end

  def register_name({:global, name} = global) do
    case :global.register_name(name, self()) do
      :yes -> true
      :no -> {false, where(global)}
    end
  end

  def register_name({:via, mod, name} = via) do
    case mod.register_name(name, self()) do
      :yes -> true
      :no -> {false, where(via)}
    end
  end

  def register_name(pid) when is_pid(pid), do: true

  def unregister_name({:local, name}) do
    try do
      :erlang.unregister(name)
    catch
      :error, _ -> :ok
    end

    :ok
  end

  def unregister_name({:global, name}), do: :global.unregister_name(name)
  def unregister_name({:via, mod, name}), do: mod.unregister_name(name)
  def unregister_name(_pid), do: :ok

  def name({:local, name}), do: name
  def name({:global, name}), do: name
  def name({:via, _, name}), do: name
  def name(pid), do: pid

  # call(process, label, request, timeout) -> {:ok, reply}, or exits with
  # the raw reason (:noproc, :timeout, the server's exit reason).
  def call(process, label, request, timeout \\ 5000)

  def call(pid, label, request, timeout) when is_pid(pid), do: do_call(pid, label, request, timeout)

  def call(name, label, request, timeout) when is_atom(name) do
    case :erlang.whereis(name) do
      :undefined -> exit(:noproc)
      pid -> do_call(pid, label, request, timeout)
    end
  end

  def call({:global, name}, label, request, timeout) do
    case :global.whereis_name(name) do
      :undefined -> exit(:noproc)
      pid -> do_call(pid, label, request, timeout)
    end
  end

  def call({:via, mod, name}, label, request, timeout) do
    case mod.whereis_name(name) do
      pid when is_pid(pid) -> do_call(pid, label, request, timeout)
      _ -> exit(:noproc)
    end
  end

  def call({name, node}, label, request, timeout) when is_atom(name) and is_atom(node) do
    if node == :erlang.node(), do: call(name, label, request, timeout), else: exit({:nodedown, node})
  end

  def call(_other, _label, _request, _timeout), do: exit(:noproc)

  defp do_call(pid, label, request, timeout) do
    # mref = :erlang.monitor(:process, pid) and
    # send(pid, {label, {self(), [:alias | mref]}, request}) in one native,
    # which builds the message in the server's heap
    mref = :genlab.gen_call(pid, label, request)

    receive do
      {[:alias | ^mref], reply} ->
        :erlang.demonitor(mref, [:flush])
        {:ok, reply}

      {:DOWN, ^mref, _, _, reason} ->
        exit(reason)
    after
      timeout ->
        :erlang.demonitor(mref, [:flush])

        receive do
          {[:alias | ^mref], reply} -> {:ok, reply}
        after
          0 -> exit(:timeout)
        end
    end
  end

  # reply/2 is a native (core/bif/process.c): a reply reaches the caller
  # only while it still waits for it (once the call has timed out, the
  # monitor is gone and a late reply is dropped, as OTP 24+ does with
  # process aliases); it is built straight in the caller's heap.
end

defmodule :global do
  # A node-wide name table kept by a registered process, started on first
  # use. Names die with their process.

  def register_name(name, pid) when is_pid(pid), do: request({:register, name, pid})
  def register_name(name, pid, _resolve), do: register_name(name, pid)
  def unregister_name(name), do: request({:unregister, name})
  def whereis_name(name), do: request({:whereis, name})
  def registered_names(), do: request(:names)

  def send(name, msg) do
    case whereis_name(name) do
      pid when is_pid(pid) ->
        :erlang.send(pid, msg)
        pid

      :undefined ->
        exit({:badarg, {name, msg}})
    end
  end

  # Nothing is registered before the table's process exists.
  defp request(req) do
    case {req, :erlang.whereis(:global_name_server)} do
      {{:whereis, _}, :undefined} -> :undefined
      {{:unregister, _}, :undefined} -> :ok
      {:names, :undefined} -> []
      _ -> do_request(req)
    end
  end

  defp do_request(req) do
    server =
      case :erlang.whereis(:global_name_server) do
        :undefined ->
          pid = :erlang.spawn(:global, :__loop__, [%{}, %{}])
          :erlang.register(:global_name_server, pid)
          pid

        pid ->
          pid
      end

    ref = :erlang.make_ref()
    :erlang.send(server, {req, self(), ref})

    receive do
      {^ref, answer} -> answer
    end
  end

  def __loop__(names, monitors) do
    receive do
      {{:register, name, pid}, from, ref} ->
        cond do
          Map.has_key?(names, name) or not :erlang.is_process_alive(pid) ->
            :erlang.send(from, {ref, :no})
            __loop__(names, monitors)

          true ->
            :erlang.send(from, {ref, :yes})
            mref = :erlang.monitor(:process, pid)
            __loop__(Map.put(names, name, pid), Map.put(monitors, mref, name))
        end

      {{:unregister, name}, from, ref} ->
        :erlang.send(from, {ref, :ok})
        __loop__(Map.delete(names, name), monitors)

      {{:whereis, name}, from, ref} ->
        :erlang.send(from, {ref, Map.get(names, name, :undefined)})
        __loop__(names, monitors)

      {:names, from, ref} ->
        :erlang.send(from, {ref, Map.keys(names)})
        __loop__(names, monitors)

      {:DOWN, mref, :process, pid, _} ->
        {name, monitors} = Map.pop(monitors, mref)

        names =
          case names do
            %{^name => ^pid} -> Map.delete(names, name)
            _ -> names
          end

        __loop__(names, monitors)
    end
  end
end
