# Helpers the compiler's rewrites call. Not a public API.
defmodule :genlab_support do
  # The successive prefixes of `bin` that `matcher` accepts, for binary
  # generators in `for`: matcher returns how many bits a match consumes,
  # or :done.
  def bin_chunks(bin, matcher), do: bin_chunks(bin, matcher, [])

  defp bin_chunks(bin, matcher, acc) do
    case matcher.(bin) do
      bits when is_integer(bits) and bits > 0 ->
        <<chunk::bitstring-size(bits), rest::bitstring>> = bin
        bin_chunks(rest, matcher, [chunk | acc])

      _ ->
        :lists.reverse(acc)
    end
  end

  # Exits or raises as OTP's own code does, seen from its own sources:
  # `frames` (the place in lib/gen_server.ex or sys.erl that real Elixir
  # names) go on top of the caller's frames, with the frames of `module`,
  # which called this, dropped. A learner's stack trace then points where
  # Elixir's would, not into genlab's library.
  def raise_from(kind, reason, module, frames) do
    {:current_stacktrace, stack} = :erlang.process_info(self(), :current_stacktrace)
    callers = Enum.drop_while(stack, fn {m, _, _, _} -> m == module or m == :genlab_support end)
    :erlang.raise(kind, reason, frames ++ callers)
  end

  # A named public ETS table that lives as long as the runtime: it is owned
  # by a process that only waits. :persistent_term, :counters and :atomics
  # keep their global state in such tables.
  def global_table(name) do
    case :ets.whereis(name) do
      :undefined ->
        parent = self()

        owner =
          :erlang.spawn(fn ->
            :ets.new(name, [:named_table, :public, :set])
            send(parent, {:genlab_table, name})

            receive do
            after
              :infinity -> :ok
            end
          end)

        receive do
          {:genlab_table, ^name} -> owner
        end

        name

      _ ->
        name
    end
  end
end

defmodule :genlab_cli do
  # A process that crashed reports it before it exits (the runtime set it
  # up to run this: runtime_report_crash in core/runtime.c). Formatting runs
  # the exception's message/1 here, as ordinary work of this process.
  def report_crash(id, kind, reason, stacktrace, exit_reason) do
    text =
      try do
        Exception.format(kind, reason, stacktrace)
      catch
        _, _ -> {kind, reason}
      end

    :genlab.crash_report(id, text)
    exit(exit_reason)
  end

  # How the command line prints an uncaught error, as Kernel.CLI does:
  # blame it, then the banner and the stack trace. A function clause
  # error's blamed details are indented under its banner.
  def format_error(kind, reason, stacktrace, shell? \\ false) do
    {blamed, stacktrace} = Exception.blame(kind, reason, stacktrace)
    blamed = if shell?, do: blamed, else: FunctionClauseError.__plus_matches__(blamed)

    banner =
      case blamed do
        %FunctionClauseError{} ->
          plain = Exception.format_banner(kind, reason, stacktrace)
          full = Exception.format_banner(kind, blamed, stacktrace)
          extra = :binary.part(full, byte_size(plain), byte_size(full) - byte_size(plain))

          if extra == "" do
            plain
          else
            plain <> "    " <> :binary.replace(extra, "\n", "\n    ", [:global])
          end

        _ ->
          Exception.format_banner(kind, blamed, stacktrace)
      end

    banner <> "\n" <> Exception.format_stacktrace(script_frames(stacktrace, shell?))
  end

  # Under `elixir FILE.exs` the BEAM's 8 frames go on past the script's own
  # with five of the compiler's (vm.c's script_frames), which Kernel.CLI
  # leaves out, then Code.require_file/2, which shows when it is among the 8.
  @compiler_modules [:elixir_compiler, :elixir_lexical, Module.ParallelChecker]

  defp script_frames(stacktrace, true), do: stacktrace

  defp script_frames(stacktrace, false) do
    Enum.reject(stacktrace, &match?({mod, _, _, _} when mod in @compiler_modules, &1))
  end

  # The warnings of Elixir's checker once a file has run (compile_calls.c):
  # the calls of a function or module that does not exist, for each module
  # (the last defined first) those of a missing module first, then the
  # others, by module, name and arity, each with the places it is called
  # from.
  def undefined_call_warnings(modules) do
    for {caller, calls} <- modules, into: "" do
      calls
      |> Enum.reject(fn {mod, fun, arity, _, _, _, _} -> call_defined?(mod, fun, arity) end)
      |> Enum.group_by(fn {mod, fun, arity, _, _, _, _} -> {mod, fun, arity} end)
      |> Enum.sort_by(fn {{mod, fun, arity}, _} -> {Code.ensure_loaded?(mod), mod, fun, arity} end)
      |> Enum.map_join(&undefined_call_warning(caller, &1))
    end
  end

  defp call_defined?(mod, fun, arity) do
    Code.ensure_loaded?(mod) and (function_exported?(mod, fun, arity) or macro_exported?(mod, fun, arity))
  end

  defp undefined_call_warning(caller, {{mod, fun, arity}, calls}) do
    what =
      if Code.ensure_loaded?(mod) do
        exception = %UndefinedFunctionError{module: mod, function: fun, arity: arity, reason: :"function not exported"}
        {exception, _} = UndefinedFunctionError.blame(exception, [])
        "function " <> text = Exception.message(exception)
        text
      else
        Exception.format_mfa(mod, fun, arity) <> " is undefined (module " <> inspect(mod) <> " is not available or is yet to be defined)"
      end

    places =
      for {_, _, _, line, def, def_arity, file} <- Enum.sort_by(calls, &elem(&1, 3)),
          do: "  " <> file <> ":" <> Integer.to_string(line) <> ": " <> Exception.format_mfa(caller, def, def_arity) <> "\n"

    count = if length(places) > 1, do: "Invalid call found at #{length(places)} locations:\n", else: ""
    "warning: " <> what <> "\n" <> count <> Enum.join(places) <> "\n"
  end

  # How the shell prints an error, as IEx does: the same, but without the
  # frames of the shell's own code (the input itself and what called it).
  def format_shell_error(kind, reason, stacktrace) do
    # normalized against the whole stack: the shell's own frame may carry
    # the error_info that explains the error (a <<>> construction's)
    reason = if kind == :error, do: Exception.normalize(kind, reason, stacktrace), else: reason
    format_error(kind, reason, shell_frames(stacktrace), true)
  end

  defp shell_frames(stacktrace) when is_list(stacktrace) do
    stacktrace
    |> Enum.take_while(fn
      {:elixir_compiler_0, _, _, _} -> false
      _ -> true
    end)
    |> Enum.reject(&match?({:erl_eval, _, _, _}, &1))
  end

  defp shell_frames(_), do: []

  # The frames of a stack seen from another process (a crash report's
  # client): in IEx, code typed at the prompt runs in erl_eval under the
  # evaluator, so its frames read as these.
  @iex_evaluator_frames [
    {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]},
    {:elixir, :eval_forms, 3, [file: 'src/elixir.erl', line: 283]},
    {Module.ParallelChecker, :verify, 1, [file: 'lib/module/parallel_checker.ex', line: 100]},
    {IEx.Evaluator, :eval_and_inspect, 3, [file: 'lib/iex/evaluator.ex', line: 329]},
    {IEx.Evaluator, :eval_and_inspect_parsed, 3, [file: 'lib/iex/evaluator.ex', line: 303]},
    {IEx.Evaluator, :parse_eval_inspect, 3, [file: 'lib/iex/evaluator.ex', line: 292]}
  ]

  def as_seen_by_others(stacktrace) do
    {own, shell} =
      Enum.split_while(stacktrace, fn
        {:elixir_compiler_0, _, _, location} -> Keyword.get(location, :file) != 'iex'
        _ -> true
      end)

    if shell == [], do: own, else: own ++ @iex_evaluator_frames
  end
end

defmodule :genlab_struct do
  # Mod.__struct__/1 for every defstruct: the defaults updated with `fields`
  # (a keyword list or map), refusing unknown keys and missing enforced ones.
  def build(default, fields, enforce) do
    missing = for key <- enforce, not has_field?(fields, key), do: key

    if missing != [] do
      raise ArgumentError,
            "the following keys must also be given when building struct " <>
              inspect(:maps.get(:__struct__, default)) <> ": " <> inspect(missing)
    end

    Enum.reduce(fields, default, fn {key, value}, acc ->
      if :erlang.is_map_key(key, acc) and key != :__struct__ do
        :maps.put(key, value, acc)
      else
        :erlang.error(KeyError.exception(key: key, term: nil))
      end
    end)
  end

  defp has_field?(fields, key) when is_map(fields), do: :erlang.is_map_key(key, fields)
  defp has_field?(fields, key), do: :lists.keymember(key, 1, fields)
end
