defmodule Exception do
  # Normalizing Erlang errors into Elixir exceptions and formatting errors,
  # exits, throws and stacktraces as Elixir 1.14 prints them.
  #
  # Errors raised by natives may carry OTP's extended error information:
  # the first stacktrace entry's location holds `error_info: %{module: M}`
  # (optionally `function: F`), and M.F(reason, stacktrace) answers a map
  # from argument positions (and :general) to descriptions, exactly as in
  # OTP 24+. genlab's natives use `error_info: %{module: :erl_erts_errors}`.

  # what defexception's modules implement (the compiler's @impl warnings)
  @callback exception(term) :: term
  @callback message(term) :: String.t()
  @callback blame(term, list) :: {term, list}
  @optional_callbacks blame: 2

  def exception?(%{__struct__: struct, __exception__: true}) when is_atom(struct), do: true
  def exception?(_), do: false

  def message(%{__struct__: module, __exception__: true} = exception) do
    result =
      try do
        {:ok, module.message(exception)}
      rescue
        caught -> {:raised, caught}
      end

    case result do
      {:ok, text} when is_binary(text) ->
        text

      {:ok, other} ->
        "got " <> inspect(other) <> " while retrieving Exception.message/1 for " <>
          inspect(exception) <> " (expected a string)"

      {:raised, caught} ->
        "got " <> inspect(caught.__struct__) <> " with message " <>
          inspect(message(caught)) <> " while retrieving Exception.message/1 for " <>
          inspect(exception)
    end
  end

  # ---- normalization ----------------------------------------------------

  def normalize(kind, payload, stacktrace \\ [])

  def normalize(:error, %{__struct__: _, __exception__: true} = exception, _stacktrace), do: exception
  def normalize(:error, reason, stacktrace), do: normalize_error(reason, stacktrace)
  def normalize(_kind, payload, _stacktrace), do: payload

  defp normalize_error(:badarg, stacktrace) do
    case error_info(:badarg, stacktrace, "errors were found at the given arguments") do
      nil -> %ArgumentError{}
      message -> %ArgumentError{message: message}
    end
  end

  defp normalize_error(:system_limit, stacktrace) do
    prefix = "a system limit has been reached due to errors at the given arguments"

    case error_info(:system_limit, stacktrace, prefix) do
      nil -> %SystemLimitError{}
      message -> %SystemLimitError{message: message}
    end
  end

  defp normalize_error(:badarith, _), do: %ArithmeticError{}
  defp normalize_error(:cond_clause, _), do: %CondClauseError{}
  defp normalize_error({:badarity, {fun, args}}, _), do: %BadArityError{function: fun, args: args}
  defp normalize_error({:badfun, term}, _), do: %BadFunctionError{term: term}
  defp normalize_error({:badstruct, struct, term}, _), do: %BadStructError{struct: struct, term: term}
  defp normalize_error({:badmatch, term}, _), do: %MatchError{term: term}
  defp normalize_error({:badmap, term}, _), do: %BadMapError{term: term}
  defp normalize_error({:badbool, op, term}, _), do: %BadBooleanError{operator: op, term: term}
  defp normalize_error({:badkey, key}, stacktrace), do: %KeyError{key: key, term: badkey_term(stacktrace)}
  defp normalize_error({:badkey, key, map}, _) when is_map(map), do: %KeyError{key: key, term: map}

  defp normalize_error({:badkey, key, term}, _) do
    message =
      "key " <> inspect(key) <> " not found in: " <> inspect(term) <>
        ". If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map"

    %KeyError{key: key, term: term, message: message}
  end
  defp normalize_error({:case_clause, term}, _), do: %CaseClauseError{term: term}
  defp normalize_error({:with_clause, term}, _), do: %WithClauseError{term: term}
  defp normalize_error({:try_clause, term}, _), do: %TryClauseError{term: term}

  defp normalize_error(:undef, stacktrace) do
    {module, function, arity} = top_mfa(stacktrace)
    %UndefinedFunctionError{module: module, function: function, arity: arity}
  end

  defp normalize_error(:function_clause, stacktrace) do
    {module, function, arity} = top_mfa(stacktrace)
    %FunctionClauseError{module: module, function: function, arity: arity}
  end

  defp normalize_error({:badarg, payload}, _) do
    %ArgumentError{message: "argument error: " <> inspect(payload)}
  end

  defp normalize_error(other, _), do: %ErlangError{original: other}

  # The map whose key was missing, when the failing call shows it.
  defp badkey_term([{Map, :get_and_update!, [map, _, _], _} | _]), do: map
  defp badkey_term([{Map, :update!, [map, _, _], _} | _]), do: map
  defp badkey_term([{:maps, :update, [_, _, map], _} | _]), do: map
  defp badkey_term([{:maps, :get, [_, map], _} | _]), do: map
  defp badkey_term([{:erlang, :map_get, [_, map], _} | _]), do: map
  defp badkey_term(_), do: nil

  defp top_mfa([{module, function, args, _} | _]) when is_list(args), do: {module, function, length(args)}
  defp top_mfa([{module, function, arity, _} | _]), do: {module, function, arity}
  defp top_mfa(_), do: {nil, nil, nil}

  defp error_info(reason, [{module, _function, args_or_arity, location} | _] = stacktrace, prefix)
       when is_list(location) do
    case Keyword.get(location, :error_info) do
      %{} = info ->
        error_module = Map.get(info, :module, module)
        error_fun = Map.get(info, :function, :format_error)

        details =
          try do
            apply(error_module, error_fun, [reason, stacktrace])
          rescue
            _ -> %{}
          end

        arity = if is_list(args_or_arity), do: length(args_or_arity), else: args_or_arity
        format_error_info(details, arity, prefix)

      _ ->
        nil
    end
  end

  defp error_info(_reason, _stacktrace, _prefix), do: nil

  defp format_error_info(details, arity, prefix) when is_map(details) do
    positions =
      details
      |> Map.keys()
      |> Enum.filter(fn key -> is_integer(key) and key >= 1 and key <= arity end)
      |> Enum.sort()

    cond do
      positions != [] ->
        lines =
          Enum.map(positions, fn n ->
            "  * " <> nth(n) <> " argument: " <> chardata(Map.get(details, n)) <> "\n"
          end)

        prefix <> ":\n\n" <> :erlang.iolist_to_binary(lines)

      is_map_key(details, :general) ->
        # a cause may name its own reason (construction of binary failed)
        chardata(Map.get(details, :reason, prefix)) <> ": " <> chardata(Map.get(details, :general))

      true ->
        nil
    end
  end

  defp format_error_info(_details, _arity, _prefix), do: nil

  defp chardata(text) when is_binary(text), do: text
  defp chardata(text), do: :unicode.characters_to_binary(text)

  defp nth(1), do: "1st"
  defp nth(2), do: "2nd"
  defp nth(3), do: "3rd"
  defp nth(n), do: :erlang.integer_to_binary(n) <> "th"

  # ---- blame ------------------------------------------------------------

  # Adds what the stack trace knows to an exception before it is shown:
  # the operands of a failed arithmetic BIF, the arguments of a function
  # without a matching clause (clauses themselves are not available).
  def blame(:error, error, stacktrace) do
    exception = normalize(:error, error, stacktrace)

    case {blame_exception(exception, stacktrace), stacktrace} do
      {%FunctionClauseError{args: [_ | _]} = blamed, [{module, function, args, location} | rest]} when is_list(args) ->
        {blamed, [{module, function, length(args), location} | rest]}

      {blamed, _} ->
        {blamed, stacktrace}
    end
  end

  def blame(_kind, reason, stacktrace), do: {reason, stacktrace}

  defp blame_exception(%ArithmeticError{message: message} = exception, [{:erlang, fun, args, _} | _])
       when is_list(args) do
    case blame_operation(fun, args) do
      nil -> exception
      text -> %{exception | message: message <> ": " <> text}
    end
  end

  defp blame_exception(%FunctionClauseError{module: module, function: function, arity: arity, args: nil} = exception,
         [{module, function, args, _} | _]) when is_list(args) and length(args) == arity do
    case blame_clauses(module, function, arity, args) do
      nil -> %{exception | args: args}
      clauses -> %{exception | args: args, kind: :def, clauses: clauses}
    end
  end

  defp blame_exception(%UndefinedFunctionError{} = exception, stacktrace) do
    {blamed, _stacktrace} = UndefinedFunctionError.blame(exception, stacktrace)
    blamed
  end

  # apply/3 with a module, a name or arguments of the wrong type: the
  # report names which (the arguments first; no arguments and a bad
  # module is most likely `value.field` on something not a map)
  defp blame_exception(%ArgumentError{} = exception, [{:erlang, :apply, [module, function, args], _} | _]) do
    cond do
      not proper_list?(args) ->
        %{exception | message: "you attempted to apply a function named " <> inspect(function) <> " on module " <>
            inspect(module) <> " with arguments " <> inspect(args) <>
            ". Arguments (the third argument of apply) must always be a proper list"}

      args == [] and not is_atom(module) and is_atom(function) ->
        %{exception | message: "you attempted to apply a function named " <> inspect(function) <> " on " <>
            inspect(module) <> ". If you are using Kernel.apply/3, make sure the module is an atom. " <>
            "If you are using the dot syntax, such as module.function(), make sure the left-hand side of the dot is a module atom"}

      not is_atom(module) ->
        %{exception | message: "you attempted to apply a function on " <> inspect(module) <>
            ". Modules (the first argument of apply) must always be an atom"}

      not is_atom(function) ->
        %{exception | message: "you attempted to apply a function named " <> inspect(function) <> " on module " <>
            inspect(module) <> ". However " <> inspect(function) <>
            " is not a valid function name. Function names (the second argument of apply) must always be an atom"}

      true ->
        exception
    end
  end

  defp blame_exception(exception, _stacktrace), do: exception

  # The clauses of one of Elixir's own functions (recorded from Elixir,
  # :genlab_library_clauses), each argument and guard marked with whether
  # it holds for args, as Exception.blame_mfa marks them: a pattern is
  # matched on its own, and a guard sees the variables of the patterns
  # that matched (one that needs another is false).
  defp blame_clauses(module, function, arity, args) do
    case :genlab_library_clauses.clauses(module, function, arity) do
      nil -> nil
      clauses -> Enum.map(clauses, fn {patterns, guards} -> blame_clause(patterns, guards, args) end)
    end
  end

  defp blame_clause(patterns, guards, args) do
    {blamed, binding} =
      Enum.map_reduce(Enum.zip(patterns, args), [], fn {pattern, arg}, binding ->
        case blame_pattern(pattern, arg) do
          {:ok, vars} -> {%{match?: true, node: pattern}, binding ++ vars}
          :error -> {%{match?: false, node: pattern}, binding}
        end
      end)

    {blamed, Enum.map(guards, &blame_guard(&1, binding))}
  end

  defp blame_guard({op, left, right}, binding), do: {op, blame_guard(left, binding), blame_guard(right, binding)}
  defp blame_guard(source, binding), do: %{match?: blame_guard_holds?(source, binding), node: source}

  @blame_value :__genlab_blamed_value__

  defp blame_pattern(source, value) do
    pattern = Code.string_to_quoted!(source)
    subject = {@blame_value, [], nil}
    clauses = [{:->, [], [[pattern], {:ok, {:binding, [], []}}]}, {:->, [], [[{:_, [], nil}], :error]}]

    case Code.eval_quoted({:case, [], [subject, [do: clauses]]}, [{@blame_value, value}]) do
      {{:ok, vars}, _} -> {:ok, Keyword.delete(vars, @blame_value)}
      _ -> :error
    end
  rescue
    _ -> :error
  end

  defp blame_guard_holds?(source, binding) do
    guard = Code.string_to_quoted!(source)

    if Enum.all?(blame_vars(guard, []), &Keyword.has_key?(binding, &1)) do
      {result, _} = Code.eval_quoted(guard, binding)
      result == true
    else
      false
    end
  rescue
    _ -> false
  end

  defp blame_vars({name, _meta, context}, acc) when is_atom(name) and is_atom(context), do: [name | acc]
  defp blame_vars({left, _meta, args}, acc) when is_list(args), do: blame_vars(args, blame_vars(left, acc))
  defp blame_vars({left, right}, acc), do: blame_vars(right, blame_vars(left, acc))
  defp blame_vars([head | tail], acc), do: blame_vars(tail, blame_vars(head, acc))
  defp blame_vars(_other, acc), do: acc

  defp proper_list?([]), do: true
  defp proper_list?([_ | tail]), do: proper_list?(tail)
  defp proper_list?(_), do: false

  defp blame_operation(fun, [operand]) when fun in [:-, :+, :bnot], do: :erlang.atom_to_binary(fun, :utf8) <> "(" <> inspect(operand) <> ")"

  defp blame_operation(fun, [left, right]) when fun in [:+, :-, :*, :/] do
    inspect(left) <> " " <> :erlang.atom_to_binary(fun, :utf8) <> " " <> inspect(right)
  end

  defp blame_operation(fun, [left, right]) when fun in [:div, :rem, :band, :bor, :bxor, :bsl, :bsr] do
    :erlang.atom_to_binary(fun, :utf8) <> "(" <> inspect(left) <> ", " <> inspect(right) <> ")"
  end

  defp blame_operation(_fun, _args), do: nil

  # ---- banners and full reports -----------------------------------------

  def format_banner(kind, payload, stacktrace \\ [])

  def format_banner(:error, payload, stacktrace) do
    exception = normalize(:error, payload, stacktrace)
    "** (" <> inspect(exception.__struct__) <> ") " <> message(exception)
  end

  def format_banner(:throw, reason, _stacktrace), do: "** (throw) " <> inspect(reason)
  def format_banner(:exit, reason, _stacktrace), do: "** (exit) " <> format_exit(reason, "\n    ")

  def format_banner({:EXIT, pid}, reason, _stacktrace) do
    "** (EXIT from " <> inspect(pid) <> ") " <> format_exit(reason, "\n    ")
  end

  def format(kind, payload, stacktrace \\ [])

  def format({:EXIT, _} = kind, payload, _stacktrace), do: format_banner(kind, payload)

  def format(kind, payload, stacktrace) do
    banner = format_banner(kind, payload, stacktrace)

    case stacktrace do
      [] -> banner
      nil -> banner
      _ -> banner <> "\n" <> format_stacktrace(stacktrace)
    end
  end

  # ---- exits ------------------------------------------------------------

  def format_exit(reason), do: format_exit(reason, "\n    ")

  defp format_exit({error, [_ | _] = stacktrace} = reason, joiner) do
    if Enum.all?(stacktrace, &stacktrace_entry?/1) do
      lines = Enum.map(stacktrace, &format_stacktrace_entry/1)
      banner = "an exception was raised:" <> joiner <> format_banner(:error, error, stacktrace)
      Enum.join([banner | lines], joiner <> "    ")
    else
      format_exit_reason(reason)
    end
  end

  defp format_exit({:shutdown, {:failed_to_start_child, child, {:EXIT, reason}}}, joiner) do
    format_start_child(child, reason, joiner)
  end

  defp format_exit({:shutdown, {:failed_to_start_child, child, reason}}, joiner) do
    format_start_child(child, reason, joiner)
  end

  defp format_exit({reason, {module, function, args}} = exit, joiner)
       when is_atom(module) and is_atom(function) and is_list(args) do
    if length(args) < 256 do
      "exited in: " <> format_mfa(module, function, args) <> joiner <> "** (EXIT) " <>
        format_exit(reason, joiner <> "    ")
    else
      format_exit_reason(exit)
    end
  end

  defp format_exit(reason, _joiner), do: format_exit_reason(reason)

  defp format_start_child(child, reason, joiner) do
    "shutdown: failed to start child: " <> inspect(child) <> joiner <> "** (EXIT) " <>
      format_exit(reason, joiner <> "    ")
  end

  defp format_exit_reason(:normal), do: "normal"
  defp format_exit_reason(:shutdown), do: "shutdown"
  defp format_exit_reason({:shutdown, reason}), do: "shutdown: " <> inspect(reason)
  defp format_exit_reason(:calling_self), do: "process attempted to call itself"
  defp format_exit_reason(:timeout), do: "time out"
  defp format_exit_reason(:killed), do: "killed"
  defp format_exit_reason(:noconnection), do: "no connection"

  defp format_exit_reason(:noproc) do
    "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started"
  end

  defp format_exit_reason({:nodedown, node}) when is_atom(node) do
    "no connection to " <> :erlang.atom_to_binary(node, :utf8)
  end

  defp format_exit_reason({:already_started, pid}), do: "already started: " <> inspect(pid)
  defp format_exit_reason({:bad_return_value, value}), do: "bad return value: " <> inspect(value)
  defp format_exit_reason({:bad_call, request}), do: "bad call: " <> inspect(request)
  defp format_exit_reason({:bad_cast, request}), do: "bad cast: " <> inspect(request)

  defp format_exit_reason({:bad_return, {module, :init, value}}) when is_atom(module) do
    format_mfa(module, :init, 1) <> " returned a bad value: " <> inspect(value)
  end

  defp format_exit_reason({:bad_start_spec, spec}) do
    "bad child specification, invalid children: " <> inspect(spec)
  end

  defp format_exit_reason({:start_spec, spec}), do: "bad child specification, " <> sup_spec(spec)

  defp format_exit_reason({:supervisor_data, data}) do
    "bad supervisor configuration, " <> sup_data(data)
  end

  defp format_exit_reason(reason), do: inspect(reason)

  defp sup_data({:invalid_type, type}), do: "invalid type: " <> inspect(type)
  defp sup_data({:invalid_strategy, strategy}), do: "invalid strategy: " <> inspect(strategy)
  defp sup_data({:invalid_intensity, n}), do: "invalid max_restarts (intensity): " <> inspect(n)
  defp sup_data({:invalid_period, n}), do: "invalid max_seconds (period): " <> inspect(n)
  defp sup_data({:invalid_max_children, n}), do: "invalid max_children: " <> inspect(n)
  defp sup_data({:invalid_extra_arguments, x}), do: "invalid extra_arguments: " <> inspect(x)
  defp sup_data(other), do: "got: " <> inspect(other)

  defp sup_spec({:duplicate_child_name, id}) do
    "more than one child specification has the id: " <> inspect(id) <> ".\n" <>
      "If using maps as child specifications, make sure the :id keys are unique.\n" <>
      "If using a module or {module, arg} as child, use Supervisor.child_spec/2 to change the :id, for example:\n\n" <>
      "    children = [\n" <>
      "      Supervisor.child_spec({MyWorker, arg}, id: :my_worker_1),\n" <>
      "      Supervisor.child_spec({MyWorker, arg}, id: :my_worker_2)\n" <>
      "    ]\n"
  end

  defp sup_spec({:invalid_child_spec, spec}), do: "invalid child specification: " <> inspect(spec)

  defp sup_spec({:invalid_child_type, type}) do
    "invalid child type: " <> inspect(type) <> ". Must be :worker or :supervisor."
  end

  defp sup_spec({:invalid_mfa, mfa}), do: "invalid mfa: " <> inspect(mfa)

  defp sup_spec({:invalid_restart_type, restart}) do
    "invalid restart type: " <> inspect(restart) <> ". Must be :permanent, :transient or :temporary."
  end

  defp sup_spec({:invalid_shutdown, shutdown}) do
    "invalid shutdown: " <> inspect(shutdown) <> ". Must be an integer >= 0, :infinity or :brutal_kill."
  end

  defp sup_spec({:invalid_module, module}), do: "invalid module: " <> inspect(module) <> ". Must be an atom."

  defp sup_spec({:invalid_modules, modules}) do
    "invalid modules: " <> inspect(modules) <> ". Must be a list of atoms or :dynamic."
  end

  defp sup_spec(other), do: "got: " <> inspect(other)

  # ---- stacktraces ------------------------------------------------------

  defp stacktrace_entry?({module, function, arity, location})
       when is_atom(module) and is_atom(function) and (is_integer(arity) or is_list(arity)) and
              is_list(location),
       do: true

  defp stacktrace_entry?({fun, arity, location})
       when is_function(fun) and (is_integer(arity) or is_list(arity)) and is_list(location),
       do: true

  defp stacktrace_entry?(_), do: false

  def format_stacktrace(trace \\ nil)

  def format_stacktrace(nil), do: "\n"
  def format_stacktrace([]), do: "\n"

  def format_stacktrace(trace) do
    "    " <> Enum.map_join(trace, "\n    ", &format_stacktrace_entry/1) <> "\n"
  end

  def format_stacktrace_entry({module, :__MODULE__, 0, location}) do
    format_location(location) <> inspect(module) <> " (module)"
  end

  def format_stacktrace_entry({_module, :__MODULE__, 1, location}) do
    format_location(location) <> "(module)"
  end

  def format_stacktrace_entry({_module, :__FILE__, 1, location}) do
    format_location(location) <> "(file)"
  end

  def format_stacktrace_entry({module, function, arity, location}) do
    format_application(module) <> format_location(location) <> format_mfa(module, function, arity)
  end

  def format_stacktrace_entry({fun, arity, location}) do
    format_location(location) <> format_fa(fun, arity)
  end

  # "(elixir 1.14.0) " for modules that belong to an application.
  defp format_application(module) do
    case :application.get_application(module) do
      {:ok, app} ->
        case :application.get_key(app, :vsn) do
          {:ok, vsn} when is_list(vsn) ->
            "(" <> :erlang.atom_to_binary(app, :utf8) <> " " <> :erlang.list_to_binary(vsn) <> ") "

          _ ->
            "(" <> :erlang.atom_to_binary(app, :utf8) <> ") "
        end

      :undefined ->
        ""
    end
  end

  defp format_location(location) when is_list(location) do
    format_file_line(Keyword.get(location, :file), Keyword.get(location, :line), " ")
  end

  def format_fa(fun, arity) when is_function(fun), do: inspect(fun) <> format_arity(arity)

  def format_mfa(module, function, arity) when is_atom(module) and is_atom(function) do
    case anonymous_parent(function) do
      {name, parent_arity} ->
        "anonymous fn" <> format_arity(arity) <> " in " <> inspect(module) <> "." <>
          function_name(name) <> "/" <> parent_arity

      :error ->
        inspect(module) <> "." <> function_name(function) <> format_arity(arity)
    end
  end

  defp format_arity(arity) when is_list(arity) do
    "(" <> Enum.map_join(arity, ", ", &inspect/1) <> ")"
  end

  defp format_arity(arity) when is_integer(arity), do: "/" <> :erlang.integer_to_binary(arity)

  # Compiled anonymous functions are named "-outer/arity-fun-N-".
  defp anonymous_parent(function) do
    case :erlang.atom_to_binary(function, :utf8) do
      "-" <> rest ->
        [trailing | reversed] = :lists.reverse(:binary.split(rest, "/", [:global]))

        case :binary.split(trailing, "-", [:global]) do
          [arity, _kind, _count, ""] when reversed != [] ->
            name = Enum.join(:lists.reverse(reversed), "/")
            {:erlang.binary_to_atom(name, :utf8), arity}

          _ ->
            :error
        end

      _ ->
        :error
    end
  end

  defp function_name(name) do
    case inspect(name) do
      ":" <> rest -> rest
      other -> other
    end
  end

  def format_file_line(file, line, suffix \\ "") do
    cond do
      file == nil -> ""
      line == nil or line == 0 -> to_text(file) <> ":" <> suffix
      true -> to_text(file) <> ":" <> :erlang.integer_to_binary(line) <> ":" <> suffix
    end
  end

  def format_file_line_column(file, line, column, suffix \\ "") do
    cond do
      file == nil -> ""
      line == nil or line == 0 -> to_text(file) <> ":" <> suffix
      column == nil or column == 0 -> to_text(file) <> ":" <> :erlang.integer_to_binary(line) <> ":" <> suffix
      true ->
        to_text(file) <> ":" <> :erlang.integer_to_binary(line) <> ":" <>
          :erlang.integer_to_binary(column) <> ":" <> suffix
    end
  end

  defp to_text(text) when is_binary(text), do: text
  defp to_text(text) when is_list(text), do: :unicode.characters_to_binary(text)
  defp to_text(text), do: :genlab.to_string(text)
end
