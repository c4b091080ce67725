# GenServer: Elixir's API over the generic server loop, with OTP 25's
# behaviour: the start protocol (:proc_lib), the call protocol (:gen, with
# late replies dropped), :sys system messages and debug events, terminate
# on every way out, and gen_server's crash report through Logger.
#
# Stacktraces that leave a callback are rewritten so that the frames below
# the user's code are the ones OTP shows (:gen_server.try_handle_call/4,
# :proc_lib.init_p_do_apply/3, ...), not this file's.

defmodule GenServer do
  @default_timeout 5000

  # the callbacks, for the compiler's @impl warnings
  @callback init(init_arg :: term) :: term
  @callback handle_call(request :: term, from :: term, state :: term) :: term
  @callback handle_cast(request :: term, state :: term) :: term
  @callback handle_info(msg :: term, state :: term) :: term
  @callback handle_continue(continue_arg :: term, state :: term) :: term
  @callback terminate(reason :: term, state :: term) :: term
  @callback code_change(old_vsn :: term, state :: term, extra :: term) :: term
  @callback format_status(reason :: term, pdict_and_state :: list) :: term
  @optional_callbacks code_change: 3, terminate: 2, handle_info: 2, handle_cast: 2, handle_call: 3,
                      format_status: 2, handle_continue: 2

  defmacro __using__(opts) do
    quote do
      @behaviour GenServer

      # the docs Elixir gives what `use GenServer` defines (h/1 shows them)
      @doc """
      Returns a specification to start this module under a supervisor.

      See `Supervisor`.
      """
      def child_spec(init_arg) do
        GenServer.__child_spec__(__MODULE__, init_arg, unquote(opts))
      end

      @doc false
      def init(init_arg), do: {:ok, init_arg}

      @doc false
      def handle_call(msg, _from, state), do: GenServer.__no_handle_call__(__MODULE__, msg, state)

      @doc false
      def handle_info(msg, state), do: GenServer.__no_handle_info__(__MODULE__, msg, state)

      @doc false
      def handle_cast(msg, state), do: GenServer.__no_handle_cast__(__MODULE__, msg, state)

      @doc false
      def terminate(_reason, _state), do: :ok

      @doc false
      def code_change(_old, state, _extra), do: {:ok, state}

      defoverridable child_spec: 1,
                     init: 1,
                     code_change: 3,
                     terminate: 2,
                     handle_info: 2,
                     handle_cast: 2,
                     handle_call: 3
    end
  end

  @doc false
  def __child_spec__(module, init_arg, opts) do
    default = %{id: module, start: {module, :start_link, [init_arg]}}

    cond do
      opts == [] -> default
      :erlang.function_exported(Supervisor, :child_spec, 2) -> Supervisor.child_spec(default, opts)
      true -> Enum.reduce(opts, default, fn {k, v}, acc -> Map.put(acc, k, v) end)
    end
  end

  defp proc_name() do
    case :erlang.process_info(self(), :registered_name) do
      {:registered_name, name} when is_atom(name) -> name
      _ -> self()
    end
  end

  @doc false
  def __no_handle_call__(module, _msg, _state) do
    message = "attempted to call GenServer " <> inspect(proc_name()) <> " but no handle_call/3 clause was provided"
    :erlang.raise(:error, RuntimeError.exception(message), [{module, :handle_call, 3, [file: 'lib/gen_server.ex', line: 787, error_info: %{module: Exception}]}])
  end

  @doc false
  def __no_handle_cast__(module, _msg, _state) do
    message = "attempted to cast GenServer " <> inspect(proc_name()) <> " but no handle_cast/2 clause was provided"
    :erlang.raise(:error, RuntimeError.exception(message), [{module, :handle_cast, 2, [file: 'lib/gen_server.ex', line: 832, error_info: %{module: Exception}]}])
  end

  @doc false
  def __no_handle_info__(module, msg, state) do
    proc = proc_name()
    :genlab.gen_trace(:unexpected, module, msg, nil, nil)

    Logger.__log_report__(:error, fn _min_level ->
      [inspect(module), " ", inspect(proc), " received unexpected message in handle_info/2: ", inspect(msg), "\n"]
    end)

    {:noreply, state}
  end

  # ---- starting ------------------------------------------------------------

  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  def start(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, opts) do
    case Keyword.pop(opts, :name) do
      {nil, opts} ->
        gen_start(link, nil, module, init_arg, opts)

      {atom, opts} when is_atom(atom) ->
        gen_start(link, {:local, atom}, module, init_arg, opts)

      {{:global, _term} = tuple, opts} ->
        gen_start(link, tuple, module, init_arg, opts)

      {{:via, via_module, _term} = tuple, opts} when is_atom(via_module) ->
        gen_start(link, tuple, module, init_arg, opts)

      {other, _} ->
        raise ArgumentError,
              "expected :name option to be one of the following:\n\n" <>
                "  * nil\n  * atom\n  * {:global, term}\n  * {:via, module, term}\n\n" <>
                "Got: " <> inspect(other) <> "\n"
    end
  end

  defp gen_start(link, name, module, init_arg, opts) do
    existing = if name == nil, do: :undefined, else: :gen.where(name)

    if is_pid(existing) do
      {:error, {:already_started, existing}}
    else
      timeout = Keyword.get(opts, :timeout, :infinity)

      case link do
        :link -> :proc_lib.start_link(:gen_server, :init_it, [self(), self(), name, module, init_arg, opts], timeout)
        _ -> :proc_lib.start(:gen_server, :init_it, [self(), :self, name, module, init_arg, opts], timeout)
      end
    end
  end

  @doc false
  def __init_it__(starter, :self, name, mod, args, opts), do: __init_it__(starter, self(), name, mod, args, opts)

  def __init_it__(starter, parent, name0, mod, args, opts) do
    name0 = if name0 == nil, do: self(), else: name0

    case :gen.register_name(name0) do
      true ->
        init_it2(starter, parent, name0, mod, args, opts)

      {false, pid} ->
        :proc_lib.init_ack(starter, {:error, {:already_started, pid}})
    end
  end

  defp init_it2(starter, parent, name0, mod, args, opts) do
    name = :gen.name(name0)
    debug = :sys.__debug_options__(Keyword.get(opts, :debug, []))
    hib = Keyword.get(opts, :hibernate_after, :infinity)

    case init_callback(mod, args) do
      {:ok, {:ok, state}} ->
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(parent, name, state, mod, :infinity, hib, debug)

      {:ok, {:ok, state, timeout_or_continue}} when (is_integer(timeout_or_continue) and timeout_or_continue >= 0) or timeout_or_continue == :infinity or
                    timeout_or_continue == :hibernate or
                    (is_tuple(timeout_or_continue) and tuple_size(timeout_or_continue) == 2 and
                       elem(timeout_or_continue, 0) == :continue) ->
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(parent, name, state, mod, timeout_or_continue, hib, debug)

      {:ok, {:stop, reason}} ->
        :gen.unregister_name(name0)
        :proc_lib.init_ack(starter, {:error, reason})
        exit(reason)

      {:ok, :ignore} ->
        :gen.unregister_name(name0)
        :proc_lib.init_ack(starter, :ignore)
        exit(:normal)

      {:ok, other} ->
        error = {:bad_return_value, other}
        :proc_lib.init_ack(starter, {:error, error})
        exit(error)

      {:EXIT, class, reason, stack} ->
        :gen.unregister_name(name0)
        stack = fix_stack(stack, :init, [])
        :proc_lib.init_ack(starter, {:error, catch_result(class, reason, stack)})
        :erlang.raise(class, reason, stack)
    end
  end

  defp init_callback(mod, args) do
    :genlab.gen_trace(:in, :init, args, nil, nil)

    result =
      try do
        {:ok, mod.init(args)}
      catch
        :throw, r -> {:ok, r}
        class, r -> {:EXIT, class, r, __STACKTRACE__}
      end

    :genlab.gen_trace(:out, :init, result, nil, nil)
    result
  end

  # ---- the loop -------------------------------------------------------------

  # The commonest wait comes first (a held server's hib is a tuple: the
  # held clause below takes it).
  defp loop(parent, name, state, mod, :infinity, hib, debug) when not is_tuple(hib) do
    receive do
      # Calls and casts with no :sys debug go straight to their handler:
      # decode_msg would pass them on unchanged, one 8-argument call later.
      # (handle_msg takes the message where loop has its timeout: only
      # that argument moves)
      {:"$gen_call", _, _} = msg when debug == [] -> handle_msg(parent, name, state, mod, msg, hib, debug)
      {:"$gen_cast", _} = msg when debug == [] -> handle_msg(parent, name, state, mod, msg, hib, debug)
      msg -> decode_msg(msg, parent, name, state, mod, :infinity, hib, debug)
    end
  end

  defp loop(parent, name, state, mod, {:continue, cont} = msg, hib, debug) do
    reply = try_dispatch(mod, :handle_continue, cont, state, :continue, debug)
    debug = if debug == [], do: debug, else: :sys.handle_debug(debug, &print_event/3, name, msg)
    handle_common_reply(reply, parent, name, nil, msg, mod, hib, state, debug)
  end

  # genlab's step/2 (a teaching helper) lets a server held by :sys.suspend
  # take n more messages; then it is held again. System messages wait.
  defp loop(parent, name, state, mod, time, {:genlab_held, _, _} = held, debug) do
    held_loop(parent, name, state, mod, time, held, debug)
  end

  # Hibernation only saves memory on the BEAM: here the server waits in a
  # loop of its own, which Process.info(pid, :current_function) reports as
  # :erlang.hibernate/3, as the BEAM does (core/bif/process.c).
  defp loop(parent, name, state, mod, :hibernate, hib, debug), do: hibernate(parent, name, state, mod, hib, debug)

  defp loop(parent, name, state, mod, time, hib, debug) do
    msg =
      receive do
        input -> input
      after
        time -> :timeout
      end

    decode_msg(msg, parent, name, state, mod, time, hib, debug)
  end

  defp hibernate(parent, name, state, mod, hib, debug) do
    receive do
      msg -> decode_msg(msg, parent, name, state, mod, :hibernate, hib, debug)
    end
  end

  defp held_loop(parent, name, state, mod, time, {:genlab_held, 0, hib}, debug) do
    :sys.__genlab_hold__(parent, :gen_server, debug, [name, state, mod, time, hib])
  end

  defp held_loop(parent, name, state, mod, time, {:genlab_held, n, hib}, debug) do
    receive do
      msg when not (is_tuple(msg) and tuple_size(msg) == 3 and elem(msg, 0) == :system) ->
        decode_msg(msg, parent, name, state, mod, time, {:genlab_held, n - 1, hib}, debug)
    end
  end

  defp decode_msg(msg, parent, name, state, mod, time, hib, debug) do
    case msg do
      {:system, from, req} ->
        :sys.handle_system_msg(req, from, parent, :gen_server, debug, [name, state, mod, time, hib])

      {:EXIT, ^parent, reason} when parent != self() ->
        terminate(reason, name, nil, msg, mod, state, debug, :exit_parent)

      _ when debug == [] ->
        handle_msg(parent, name, state, mod, msg, hib, [])

      _ ->
        debug = :sys.handle_debug(debug, &print_event/3, name, {:in, msg})
        handle_msg(parent, name, state, mod, msg, hib, debug)
    end
  end

  defp handle_msg(parent, name, state, mod, {:"$gen_call", from, request}, hib, debug) do
    # the teaching views see each callback go in and come out (genlab's
    # trace layer; a no-op unless a trace sink is installed)
    :genlab.gen_trace(:in, :handle_call, request, from, state)

    # (try_handle_call written out here: one call fewer per request; the
    # common answer is taken in the else, unwrapped: past the try's
    # protection, so loop/7 is still a tail call)
    try do
      mod.handle_call(request, from, state)
    catch
      :throw, r -> call_result({:ok, r}, parent, name, state, mod, from, request, hib, debug)
      class, r -> call_result({:EXIT, class, r, fix_stack(__STACKTRACE__, :call, debug)}, parent, name, state, mod, from, request, hib, debug)
    else
      {:reply, reply, nstate} when debug == [] ->
        :genlab.gen_trace(:out, :handle_call, {:ok, {:reply, reply, nstate}}, state, nil)
        # the common case, without reply/5's call
        :gen.reply(from, reply)
        loop(parent, name, nstate, mod, :infinity, hib, debug)

      other ->
        call_result({:ok, other}, parent, name, state, mod, from, request, hib, debug)
    end
  end

  defp call_result(result, parent, name, state, mod, from, request, hib, debug) do
    :genlab.gen_trace(:out, :handle_call, result, state, nil)

    case result do
      {:ok, {:reply, reply, nstate}} ->
        debug = reply(name, from, reply, nstate, debug)
        loop(parent, name, nstate, mod, :infinity, hib, debug)

      {:ok, {:reply, reply, nstate, timeout_or_continue}} when (is_integer(timeout_or_continue) and timeout_or_continue >= 0) or timeout_or_continue == :infinity or
                    timeout_or_continue == :hibernate or
                    (is_tuple(timeout_or_continue) and tuple_size(timeout_or_continue) == 2 and
                       elem(timeout_or_continue, 0) == :continue) ->
        debug = reply(name, from, reply, nstate, debug)
        loop(parent, name, nstate, mod, timeout_or_continue, hib, debug)

      {:ok, {:stop, reason, reply, nstate}} ->
        try do
          terminate(reason, name, from, request, mod, nstate, debug, :call_stop)
        after
          reply(name, from, reply, nstate, debug)
        end

      other ->
        handle_common_reply(other, parent, name, from, request, mod, hib, state, debug)
    end
  end

  defp handle_msg(parent, name, state, mod, {:"$gen_cast", cast} = msg, hib, debug) do
    # (try_dispatch written out here, as for a call)
    :genlab.gen_trace(:in, :handle_cast, cast, state, nil)

    try do
      mod.handle_cast(cast, state)
    catch
      :throw, r -> cast_result({:ok, r}, parent, name, state, mod, msg, hib, debug)
      class, r -> cast_result({:EXIT, class, r, fix_stack(__STACKTRACE__, :dispatch, debug)}, parent, name, state, mod, msg, hib, debug)
    else
      # the common case, without handle_common_reply's call
      {:noreply, nstate} when debug == [] ->
        :genlab.gen_trace(:out, :handle_cast, {:ok, {:noreply, nstate}}, state, nil)
        loop(parent, name, nstate, mod, :infinity, hib, debug)

      other ->
        cast_result({:ok, other}, parent, name, state, mod, msg, hib, debug)
    end
  end

  defp cast_result(result, parent, name, state, mod, msg, hib, debug) do
    :genlab.gen_trace(:out, :handle_cast, result, state, nil)
    handle_common_reply(result, parent, name, nil, msg, mod, hib, state, debug)
  end

  defp handle_msg(parent, name, state, mod, msg, hib, debug) do
    reply = try_dispatch(mod, :handle_info, msg, state, :dispatch, debug)
    handle_common_reply(reply, parent, name, nil, msg, mod, hib, state, debug)
  end

  defp handle_common_reply(reply, parent, name, from, msg, mod, hib, state, debug) do
    case reply do
      {:ok, {:noreply, nstate}} ->
        debug = if debug == [], do: debug, else: :sys.handle_debug(debug, &print_event/3, name, {:noreply, nstate})
        loop(parent, name, nstate, mod, :infinity, hib, debug)

      {:ok, {:noreply, nstate, timeout_or_continue}} when (is_integer(timeout_or_continue) and timeout_or_continue >= 0) or timeout_or_continue == :infinity or
                    timeout_or_continue == :hibernate or
                    (is_tuple(timeout_or_continue) and tuple_size(timeout_or_continue) == 2 and
                       elem(timeout_or_continue, 0) == :continue) ->
        debug = if debug == [], do: debug, else: :sys.handle_debug(debug, &print_event/3, name, {:noreply, nstate})
        loop(parent, name, nstate, mod, timeout_or_continue, hib, debug)

      {:ok, {:stop, reason, nstate}} ->
        terminate(reason, name, from, msg, mod, nstate, debug, :stop)

      {:EXIT, class, reason, stack} ->
        terminate_exception(class, reason, stack, name, from, msg, mod, state, debug)

      {:ok, bad_reply} ->
        terminate({:bad_return_value, bad_reply}, name, from, msg, mod, state, debug, :stop)
    end
  end

  defp reply(name, from, reply, state, debug) do
    :gen.reply(from, reply)
    if debug == [], do: debug, else: :sys.handle_debug(debug, &print_event/3, name, {:out, reply, from, state})
  end

  defp try_dispatch(mod, fun, msg, state, where, debug) do
    :genlab.gen_trace(:in, fun, msg, state, nil)

    result =
      try do
        {:ok, apply(mod, fun, [msg, state])}
      catch
        :throw, r -> {:ok, r}
        class, r -> {:EXIT, class, r, fix_stack(__STACKTRACE__, where, debug)}
      end

    :genlab.gen_trace(:out, fun, result, state, nil)
    result
  end

  defp try_terminate(mod, reason, state, context) do
    try do
      {:ok, mod.terminate(reason, state)}
    catch
      :throw, r -> {:ok, r}
      class, r -> {:EXIT, class, r, fix_stack(__STACKTRACE__, {:terminate, context}, [])}
    end
  end

  # ---- terminating ----------------------------------------------------------

  # A stop asked for (a {:stop, ...} return, a bad return, the parent's
  # exit, :sys): the report shows the bare reason.
  defp terminate(reason, name, from, msg, mod, state, debug, context) do
    finish_terminate(:exit, reason, [], false, name, from, msg, mod, state, debug, context)
  end

  # A callback raised, exited or threw.
  defp terminate_exception(class, reason, stack, name, from, msg, mod, state, debug) do
    finish_terminate(class, reason, stack, true, name, from, msg, mod, state, debug, :exception)
  end

  defp finish_terminate(class, reason, stack, report_stack, name, from, msg, mod, state, debug, context) do
    case try_terminate(mod, catch_result(class, reason, stack), state, context) do
      {:EXIT, c, r, s} ->
        error_info(r, s, name, from, msg, mod, state, debug)
        :erlang.raise(c, r, s)

      _ ->
        case {class, reason} do
          {:exit, :normal} -> :ok
          {:exit, :shutdown} -> :ok
          {:exit, {:shutdown, _}} -> :ok
          _ when report_stack -> error_info(reason, stack, name, from, msg, mod, state, debug)
          _ -> error_info(reason, :undefined, name, from, msg, mod, state, debug)
        end
    end

    case stack do
      [] -> exit(reason)
      _ -> :erlang.raise(class, reason, stack)
    end
  end

  defp catch_result(:error, reason, stack), do: {reason, stack}
  defp catch_result(:exit, reason, _stack), do: reason
  defp catch_result(:throw, reason, stack), do: {{:nocatch, reason}, stack}

  defp error_info(reason, stack, name, from, msg, mod, state, debug) do
    report_reason = if stack == :undefined, do: reason, else: {reason, stack}
    state = format_terminate_state(mod, state)
    client = client_info(from)
    _ = debug

    Logger.__log_report__(:error, fn min_level ->
      GenServer.__format_terminate__(min_level, name, report_reason, msg, state, client)
    end)
  end

  defp format_terminate_state(mod, state) do
    if :erlang.function_exported(mod, :format_status, 2) do
      try do
        mod.format_status(:terminate, [:erlang.get(), state])
      catch
        _, _ -> state
      end
    else
      state
    end
  end

  defp client_info(nil), do: nil

  defp client_info({pid, _tag}) when is_pid(pid) do
    if :erlang.is_process_alive(pid) do
      name =
        case :erlang.process_info(pid, :registered_name) do
          {:registered_name, n} when is_atom(n) -> n
          _ -> pid
        end

      {pid, {name, client_stacktrace(pid)}}
    else
      {pid, :dead}
    end
  end

  defp client_info(_), do: nil

  # The client waits in GenServer.call: OTP shows :gen.do_call/4 and
  # GenServer.call/3 on top of the caller's own frames.
  defp client_stacktrace(pid) do
    own =
      try do
        case :erlang.process_info(pid, :current_stacktrace) do
          {:current_stacktrace, stack} -> :genlab_cli.as_seen_by_others(drop_internal_head(stack))
          _ -> []
        end
      catch
        _, _ -> []
      end

    # as process_info gives it: at most 8 frames
    Enum.take([
      {:gen, :do_call, 4, [file: 'gen.erl', line: 256]},
      {GenServer, :call, 3, [file: 'lib/gen_server.ex', line: 1035]} | own
    ], 8)
  end

  defp drop_internal_head([{mod, _, _, _} | rest]) when mod in [GenServer, :gen, :gen_server, :proc_lib, :sys] do
    drop_internal_head(rest)
  end

  defp drop_internal_head(stack), do: stack

  @doc false
  def __format_terminate__(min_level, name, reason, last, state, client) do
    {formatted, _reason} = format_reason(reason)

    msg = [
      "GenServer ",
      inspect(name),
      " terminating",
      formatted,
      "\nLast message",
      format_last_message_from(client),
      ": ",
      inspect(last)
    ]

    if min_level == :debug do
      [msg, "\nState: ", inspect(state) | format_client_info(client)]
    else
      msg
    end
  end

  defp format_last_message_from({_, {name, _}}), do: [" (from ", inspect(name), ")"]
  defp format_last_message_from({from, _}), do: [" (from ", inspect(from), ")"]
  defp format_last_message_from(_), do: []

  defp format_client_info({from, :dead}), do: ["\nClient ", inspect(from), " is dead"]

  defp format_client_info({_, {name, stacktrace}}) do
    ["\nClient ", inspect(name), " is alive\n" | format_stacktrace(stacktrace)]
  end

  defp format_client_info(_), do: []

  @doc false
  def __format_reason__(reason), do: format_reason(reason)

  defp format_reason({maybe_exception, [_ | _] = maybe_stacktrace} = reason) do
    try do
      format_stacktrace(maybe_stacktrace)
    catch
      :error, _ -> {format_stop(reason), {reason, []}}
    else
      formatted_stacktrace ->
        {formatted, reason} = maybe_normalize(maybe_exception, maybe_stacktrace)
        {[formatted | formatted_stacktrace], {reason, maybe_stacktrace}}
    end
  end

  defp format_reason(reason), do: {format_stop(reason), {reason, []}}

  defp format_stop(reason), do: ["\n** (stop) " | Exception.format_exit(reason)]

  defp maybe_normalize(reason, stacktrace) do
    if Exception.exception?(reason) do
      {[?\n | Exception.format_banner(:error, reason, stacktrace)], reason}
    else
      case Exception.normalize(:error, reason, stacktrace) do
        %ErlangError{} -> {format_stop(reason), reason}
        exception -> {[?\n | Exception.format_banner(:error, exception, stacktrace)], exception}
      end
    end
  end

  defp format_stacktrace(stacktrace) do
    Enum.map(stacktrace, fn entry -> ["\n    " | Exception.format_stacktrace_entry(entry)] end)
  end

  # ---- stacktraces ----------------------------------------------------------

  @internal [GenServer, :gen_server, :gen, :proc_lib, :sys]

  defp fix_stack(stack, where, debug) when is_list(stack) do
    own = stack |> :lists.reverse() |> Enum.drop_while(&internal_frame?/1) |> :lists.reverse()
    own ++ otp_frames(where, debug != [])
  end

  defp fix_stack(stack, _where, _debug), do: stack

  defp internal_frame?({mod, _, _, _}) when mod in @internal, do: true
  defp internal_frame?({:erlang, :apply, _, _}), do: true
  defp internal_frame?(_), do: false

  defp erl(mod, fun, arity, file, line), do: {mod, fun, arity, [file: file, line: line]}

  defp otp_frames(where, debug?) do
    proc_lib = erl(:proc_lib, :init_p_do_apply, 3, 'proc_lib.erl', 240)

    case where do
      :init ->
        [erl(:gen_server, :init_it, 2, 'gen_server.erl', 851), erl(:gen_server, :init_it, 6, 'gen_server.erl', 814), proc_lib]

      :call when debug? ->
        [erl(:gen_server, :try_handle_call, 4, 'gen_server.erl', 1149), erl(:gen_server, :handle_msg, 7, 'gen_server.erl', 1206), proc_lib]

      :call ->
        [erl(:gen_server, :try_handle_call, 4, 'gen_server.erl', 1149), erl(:gen_server, :handle_msg, 6, 'gen_server.erl', 1178), proc_lib]

      :dispatch when debug? ->
        [erl(:gen_server, :try_dispatch, 4, 'gen_server.erl', 1123), erl(:gen_server, :handle_msg, 7, 'gen_server.erl', 1227), proc_lib]

      :dispatch ->
        [erl(:gen_server, :try_dispatch, 4, 'gen_server.erl', 1123), erl(:gen_server, :handle_msg, 6, 'gen_server.erl', 1200), proc_lib]

      :continue ->
        [erl(:gen_server, :try_dispatch, 4, 'gen_server.erl', 1123), erl(:gen_server, :loop, 7, 'gen_server.erl', 865), proc_lib]

      {:terminate, :call_stop} ->
        [erl(:gen_server, :try_terminate, 3, 'gen_server.erl', 1161), erl(:gen_server, :terminate, 10, 'gen_server.erl', 1351),
         erl(:gen_server, :handle_msg, 6, 'gen_server.erl', 1193), proc_lib]

      {:terminate, _} ->
        [erl(:gen_server, :try_terminate, 3, 'gen_server.erl', 1161), erl(:gen_server, :terminate, 10, 'gen_server.erl', 1351), proc_lib]
    end
  end

  # ---- :sys callbacks (through :gen_server) ---------------------------------

  @doc false
  def __system_continue__(parent, debug, [name, state, mod, time, hib]) do
    loop(parent, name, state, mod, time, hib, debug)
  end

  @doc false
  def __system_terminate__(reason, _parent, debug, [name, state, mod, _time, _hib]) do
    terminate(reason, name, nil, [], mod, state, debug, :system)
  end

  @doc false
  def __format_status__(_opt, [pdict, sys_state, parent, debug, [name, state, mod, _time, _hib]]) do
    header = :sys.__status_header__('Status for generic server', name)
    log = :sys.__get_log__(debug)

    specific =
      if :erlang.function_exported(mod, :format_status, 2) do
        try do
          mod.format_status(:normal, [pdict, state])
        catch
          _, _ -> [data: [{'State', state}]]
        else
          result when is_list(result) -> result
          result -> [result]
        end
      else
        [data: [{'State', state}]]
      end

    [
      {:header, header},
      {:data, [{'Status', sys_state}, {'Parent', parent}, {'Logged events', log}]} | specific
    ]
  end

  # *DBG* lines, as gen_server prints its debug events.
  @doc false
  def print_event(dev, {:in, msg}, name) do
    case msg do
      {:"$gen_call", {from, _tag}, call} ->
        :sys.__format__(dev, "*DBG* ~tp got call ~tp from ~tw~n", [name, call, from])

      {:"$gen_cast", cast} ->
        :sys.__format__(dev, "*DBG* ~tp got cast ~tp~n", [name, cast])

      _ ->
        :sys.__format__(dev, "*DBG* ~tp got ~tp~n", [name, msg])
    end
  end

  def print_event(dev, {:out, msg, {to, _tag}, state}, name) do
    :sys.__format__(dev, "*DBG* ~tp sent ~tp to ~tw, new state ~tp~n", [name, msg, to, state])
  end

  def print_event(dev, {:noreply, state}, name) do
    :sys.__format__(dev, "*DBG* ~tp new state ~tp~n", [name, state])
  end

  def print_event(dev, event, name) do
    :sys.__format__(dev, "*DBG* ~tp dbg  ~tp~n", [name, event])
  end

  # ---- the client API -------------------------------------------------------

  def call(server, request, timeout \\ @default_timeout) do
    # (a pid is its own whereis: a call fewer on every call)
    case if(is_pid(server), do: server, else: whereis(server)) do
      nil ->
        exit_from({:noproc, {__MODULE__, :call, [server, request, timeout]}}, :call, 1027)

      pid when pid == self() ->
        exit_from({:calling_self, {__MODULE__, :call, [server, request, timeout]}}, :call, 1031)

      pid ->
        try do
          :gen.call(pid, :"$gen_call", request, timeout)
        catch
          :exit, reason ->
            exit_from({reason, {__MODULE__, :call, [server, request, timeout]}}, :call, 1038)
        else
          {:ok, res} -> res
        end
    end
  end

  def cast(server, request)

  # The commonest first (the clauses do not overlap): a send to a pid
  # cannot fail, so it needs neither do_send's try nor its call.
  def cast(dest, request) when is_pid(dest) do
    send(dest, {:"$gen_cast", request})
    :ok
  end

  def cast({:global, name}, request) do
    try do
      :global.send(name, cast_msg(request))
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({:via, mod, name}, request) do
    try do
      mod.send(name, cast_msg(request))
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({name, node}, request) when is_atom(name) and is_atom(node) do
    do_send({name, node}, cast_msg(request))
  end

  def cast(dest, request) when is_atom(dest) or is_pid(dest), do: do_send(dest, cast_msg(request))

  def abcast(nodes \\ [node()], name, request) when is_list(nodes) and is_atom(name) do
    msg = cast_msg(request)
    Enum.each(nodes, fn node -> do_send({name, node}, msg) end)
    :abcast
  end

  # Calls the server registered as `name` on each node; genlab is one node,
  # so the others are bad nodes.
  def multi_call(nodes \\ [node()], name, request, timeout \\ :infinity) when is_list(nodes) and is_atom(name) do
    {replies, bad} =
      Enum.reduce(nodes, {[], []}, fn node, {replies, bad} ->
        pid = if node == node(), do: Process.whereis(name)

        if pid do
          try do
            {[{node, GenServer.call(pid, request, timeout)} | replies], bad}
          catch
            :exit, _ -> {replies, [node | bad]}
          end
        else
          {replies, [node | bad]}
        end
      end)

    {:lists.reverse(replies), :lists.reverse(bad)}
  end

  defp cast_msg(req), do: {:"$gen_cast", req}

  defp do_send(dest, msg) do
    try do
      send(dest, msg)
      :ok
    catch
      _, _ -> :ok
    end
  end

  def reply(client, reply), do: :gen.reply(client, reply)

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit_from({:noproc, {__MODULE__, :stop, [server, reason, timeout]}}, :stop, 985)

      pid when pid == self() ->
        exit_from({:calling_self, {__MODULE__, :stop, [server, reason, timeout]}}, :stop, 988)

      pid ->
        try do
          :proc_lib.stop(pid, reason, timeout)
        catch
          :exit, err -> exit_from({err, {__MODULE__, :stop, [server, reason, timeout]}}, :stop, 995)
        end
    end
  end

  # call/3 and stop/3 exit from these lines of Elixir 1.14's lib/gen_server.ex
  defp exit_from(reason, fun, line) do
    :genlab_support.raise_from(:exit, reason, __MODULE__, [
      {__MODULE__, fun, 3, [file: 'lib/gen_server.ex', line: line]}
    ])
  end

  def whereis(server)
  def whereis(pid) when is_pid(pid), do: pid

  def whereis(name) when is_atom(name) do
    case :erlang.whereis(name) do
      :undefined -> nil
      pid -> pid
    end
  end

  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({name, local}) when is_atom(name) and local == node(), do: whereis(name)
  def whereis({name, node} = server) when is_atom(name) and is_atom(node), do: server
end

# The Erlang face: what :proc_lib starts, what :sys calls back, and the
# gen_server functions Erlang-style code uses.
defmodule :gen_server do
  @callback init(args :: term) :: term
  @callback handle_call(request :: term, from :: term, state :: term) :: term
  @callback handle_cast(request :: term, state :: term) :: term
  @callback handle_info(info :: term, state :: term) :: term
  @callback handle_continue(info :: term, state :: term) :: term
  @callback terminate(reason :: term, state :: term) :: term
  @callback code_change(old_vsn :: term, state :: term, extra :: term) :: term
  @callback format_status(opt :: term, status_data :: list) :: term
  @callback format_status(status :: map) :: map
  @optional_callbacks handle_info: 2, handle_continue: 2, terminate: 2, code_change: 3, format_status: 1, format_status: 2

  def init_it(starter, parent, name, mod, args, opts), do: GenServer.__init_it__(starter, parent, name, mod, args, opts)

  def system_continue(parent, debug, misc), do: GenServer.__system_continue__(parent, debug, misc)
  def system_terminate(reason, parent, debug, misc), do: GenServer.__system_terminate__(reason, parent, debug, misc)
  def system_get_state([_name, state | _]), do: {:ok, state}
  def __genlab_step__([name, state, mod, time, hib], n), do: [name, state, mod, time, {:genlab_held, n, hib}]

  def system_replace_state(fun, [name, state, mod, time, hib]) do
    nstate = fun.(state)
    {:ok, nstate, [name, nstate, mod, time, hib]}
  end

  def system_code_change([name, state, mod, time, hib], _module, old_vsn, extra) do
    case mod.code_change(old_vsn, state, extra) do
      {:ok, new_state} -> {:ok, [name, new_state, mod, time, hib]}
      else_ -> else_
    end
  end

  def format_status(opt, status_data), do: GenServer.__format_status__(opt, status_data)

  def start(mod, args, opts), do: GenServer.start(mod, args, opts)
  def start({:local, name}, mod, args, opts), do: GenServer.start(mod, args, [{:name, name} | opts])
  def start(name, mod, args, opts), do: GenServer.start(mod, args, [{:name, name} | opts])
  def start_link(mod, args, opts), do: GenServer.start_link(mod, args, opts)
  def start_link({:local, name}, mod, args, opts), do: GenServer.start_link(mod, args, [{:name, name} | opts])
  def start_link(name, mod, args, opts), do: GenServer.start_link(mod, args, [{:name, name} | opts])

  def call(server, request), do: call(server, request, 5000)

  def call(server, request, timeout) do
    try do
      :gen.call(server, :"$gen_call", request, timeout)
    catch
      :exit, reason -> exit({reason, {:gen_server, :call, [server, request, timeout]}})
    else
      {:ok, res} -> res
    end
  end

  def cast(server, request) do
    GenServer.cast(server, request)
    :ok
  end

  def reply(from, reply), do: :gen.reply(from, reply)
  def stop(server), do: :proc_lib.stop(server)
  def stop(server, reason, timeout), do: :proc_lib.stop(server, reason, timeout)
end
