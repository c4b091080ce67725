# The exception structs that the runtime and the standard library raise,
# with the messages of Elixir 1.14.

defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule MatchError do
  defexception [:term]

  def message(%{term: term}), do: "no match of right hand side value: " <> inspect(term)
end

defmodule CaseClauseError do
  defexception [:term]

  def message(%{term: term}), do: "no case clause matching: " <> inspect(term)
end

defmodule WithClauseError do
  defexception [:term]

  def message(%{term: term}), do: "no with clause matching: " <> inspect(term)
end

defmodule TryClauseError do
  defexception [:term]

  def message(%{term: term}), do: "no try clause matching: " <> inspect(term)
end

defmodule CondClauseError do
  defexception []

  def message(_exception), do: "no cond clause evaluated to a truthy value"
end

defmodule BadMapError do
  defexception [:term]

  def message(%{term: term}), do: "expected a map, got: " <> inspect(term)
end

defmodule BadStructError do
  defexception [:struct, :term]

  def message(%{struct: struct, term: term}) do
    "expected a struct named " <> inspect(struct) <> ", got: " <> inspect(term)
  end
end

defmodule BadBooleanError do
  defexception [:term, :operator]

  def message(%{term: term, operator: operator}) do
    "expected a boolean on left-side of \"" <>
      :erlang.atom_to_binary(operator, :utf8) <> "\", got: " <> inspect(term)
  end
end

defmodule BadFunctionError do
  defexception [:term]

  def message(%{term: term}), do: "expected a function, got: " <> inspect(term)
end

defmodule BadArityError do
  defexception [:function, :args]

  def message(%{function: fun, args: args}) do
    {:arity, arity} = :erlang.fun_info(fun, :arity)
    inspect(fun) <> " with arity " <> :erlang.integer_to_binary(arity) <> " called with " <> count(args)
  end

  defp count([]), do: "no arguments"
  defp count([arg]), do: "1 argument (" <> inspect(arg) <> ")"

  defp count(args) do
    :erlang.integer_to_binary(length(args)) <> " arguments (" <> Enum.map_join(args, ", ", &inspect/1) <> ")"
  end
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]

  def message(%{message: nil, module: module, function: function, arity: arity, reason: reason}) do
    cond do
      function == nil or arity == nil ->
        "undefined function"

      reason == :"module could not be loaded" ->
        not_available(module, function, arity)

      reason == :"function not exported" ->
        undefined_or_private(module, function, arity)

      reason != nil ->
        "function " <> Exception.format_mfa(module, function, arity) <> " is undefined (" <>
          reason_text(reason) <> ")"

      module == nil ->
        "function " <> Exception.format_mfa(module, function, arity) <> " is undefined"

      :erlang.module_loaded(module) ->
        undefined_or_private(module, function, arity)

      true ->
        not_available(module, function, arity)
    end
  end

  def message(%{message: message}), do: message

  defp reason_text(reason) when is_binary(reason), do: reason
  defp reason_text(reason), do: :genlab.to_string(reason)

  defp not_available(module, function, arity) do
    "function " <> Exception.format_mfa(module, function, arity) <>
      " is undefined (module " <> inspect(module) <> " is not available)"
  end

  defp undefined_or_private(module, function, arity) do
    "function " <> Exception.format_mfa(module, function, arity) <> " is undefined or private"
  end

  # Exception.blame/3 (the command line's and the shell's report, not
  # message/1) adds a hint when the module is there but the function not.
  def blame(%{message: nil, module: module, function: function, arity: arity} = exception, stacktrace)
      when is_atom(module) and is_atom(function) and is_integer(arity) do
    text = message(exception)

    if text == undefined_or_private(module, function, arity) do
      {%{exception | message: text <> hint(module, function, arity)}, stacktrace}
    else
      {exception, stacktrace}
    end
  end

  def blame(exception, stacktrace), do: {exception, stacktrace}

  # What the caller may have meant, as Elixir words it: a macro of that
  # name and arity that needs a require, or else up to five of the module's
  # functions and macros, the same name with other arities or, failing
  # those, names whose Jaro similarity is 0.77 or more, best first and
  # then listed in name order.
  defp hint(module, function, arity) do
    if macro_exported?(module, function, arity) do
      ". However there is a macro with the same name and arity. " <>
        "Be sure to require " <> inspect(module) <> " if you intend to invoke this macro"
    else
      module |> exports_of() |> close_to(function) |> did_you_mean()
    end
  end

  defp exports_of(module) do
    if function_exported?(module, :__info__, 1) do
      module.__info__(:macros) ++ module.__info__(:functions)
    else
      []
    end
  end

  defp close_to(exports, function) do
    case for {name, _arity} = export <- exports, name == function, do: {1.0, export} do
      [] ->
        typed = Atom.to_string(function)

        for {name, _arity} = export <- exports,
            score = String.jaro_distance(typed, Atom.to_string(name)),
            score >= 0.77,
            do: {score, export}

      same_name ->
        same_name
    end
    |> Enum.sort(&(elem(&1, 0) >= elem(&2, 0)))
    |> Enum.take(5)
    |> Enum.map(&elem(&1, 1))
    |> Enum.sort(&(elem(&1, 0) <= elem(&2, 0)))
  end

  defp did_you_mean([]), do: ""

  defp did_you_mean(exports) do
    lines = for {name, arity} <- exports, do: "      * " <> remote_name(name) <> "/" <> Integer.to_string(arity) <> "\n"
    ". Did you mean:\n\n" <> Enum.join(lines)
  end

  # a name as it follows "Module.": get_value, or "odd name" quoted
  defp remote_name(name) do
    ":" <> text = inspect(name)
    text
  end
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]

  def message(%{function: nil}), do: "no function clause matches"

  def message(%{module: module, function: function, arity: arity, args: args} = exception) do
    mfa = Exception.format_mfa(module, function, arity)
    "no function clause matching in " <> mfa <> given_args(mfa, args) <> attempted(exception)
  end

  # Exception.blame fills :args, and :clauses for Elixir's own functions
  # (whose source it has): each part of a clause that failed shows as
  # -failed-; one that matched shows as it is, or as +matched+ when marked
  # `plus: true` (the command line's way).
  defp attempted(%{clauses: [_ | _] = clauses, kind: kind, function: function}) do
    shown = Enum.take(clauses, 10)

    lines =
      Enum.map(shown, fn {args, guards} ->
        head = "    " <> :erlang.atom_to_binary(kind, :utf8) <> " " <> :erlang.atom_to_binary(function, :utf8)
        args = Enum.map_join(args, ", ", &blamed_part/1)
        when_ = Enum.map(guards, fn guard -> " when " <> blamed_guard(guard) end)
        [head, "(", args, ")", when_, "\n"]
      end)

    "\nAttempted function clauses (showing " <> :erlang.integer_to_binary(length(shown)) <> " out of " <>
      :erlang.integer_to_binary(length(clauses)) <> "):\n\n" <> :erlang.iolist_to_binary(lines)
  end

  defp attempted(_exception), do: ""

  defp blamed_guard({op, left, right}), do: blamed_guard(left) <> " " <> :erlang.atom_to_binary(op, :utf8) <> " " <> blamed_guard(right)
  defp blamed_guard(part), do: blamed_part(part)

  defp blamed_part(%{match?: true, plus: true, node: node}), do: "+" <> node <> "+"
  defp blamed_part(%{match?: true, node: node}), do: node
  defp blamed_part(%{match?: false, node: node}), do: "-" <> node <> "-"

  @doc false
  # The command line's way of showing clauses: matched parts as +matched+.
  def __plus_matches__(%{clauses: [_ | _] = clauses} = exception) do
    plain = fn
      %{match?: true} = part -> Map.put(part, :plus, true)
      part -> part
    end

    guard = fn
      {op, l, r}, rec -> {op, rec.(l, rec), rec.(r, rec)}
      part, _rec -> plain.(part)
    end

    clauses = Enum.map(clauses, fn {args, guards} -> {Enum.map(args, plain), Enum.map(guards, &guard.(&1, guard))} end)
    %{exception | clauses: clauses}
  end

  def __plus_matches__(exception), do: exception

  # The runtime may fill :args when it knows them.
  defp given_args(_mfa, nil), do: ""

  defp given_args(mfa, args) do
    {lines, _} =
      Enum.map_reduce(args, 1, fn arg, i ->
        text = :binary.replace(inspect(arg), "\n", "\n    ", [:global])
        {"\n    # " <> :erlang.integer_to_binary(i) <> "\n    " <> text <> "\n", i + 1}
      end)

    "\n\nThe following arguments were given to " <> mfa <> ":\n" <> :erlang.iolist_to_binary(lines)
  end
end

defmodule KeyError do
  defexception [:key, :term, :message]

  def message(%{message: nil, key: key, term: term}), do: message(key, term)
  def message(%{message: message}), do: message

  def message(key, nil), do: "key " <> inspect(key) <> " not found"
  def message(key, term), do: "key " <> inspect(key) <> " not found in: " <> inspect(term)
end

defmodule ErlangError do
  defexception [:original, :reason]

  def message(%{original: original, reason: nil}), do: "Erlang error: " <> inspect(original)
  def message(%{original: original, reason: reason}), do: "Erlang error: " <> inspect(original) <> reason
end

defmodule Protocol.UndefinedError do
  defexception [:protocol, :value, description: ""]

  def message(%{protocol: protocol, value: value, description: description}) do
    text =
      "protocol " <> inspect(protocol) <> " not implemented for " <> inspect(value) <>
        " of type " <> type_of(value)

    if description == "", do: text, else: text <> ", " <> description
  end

  defp type_of(%{__struct__: struct}), do: inspect(struct) <> " (a struct)"
  defp type_of(value) when is_atom(value), do: "Atom"
  defp type_of(value) when is_integer(value), do: "Integer"
  defp type_of(value) when is_float(value), do: "Float"
  defp type_of(value) when is_bitstring(value), do: "BitString"
  defp type_of(value) when is_list(value), do: "List"
  defp type_of(value) when is_map(value), do: "Map"
  defp type_of(value) when is_tuple(value), do: "Tuple"
  defp type_of(value) when is_function(value), do: "Function"
  defp type_of(value) when is_pid(value), do: "PID"
  defp type_of(value) when is_port(value), do: "Port"
  defp type_of(value) when is_reference(value), do: "Reference"
end

defmodule UnicodeConversionError do
  defexception [:encoded, :message]

  def exception(opts) do
    kind = Keyword.fetch!(opts, :kind)

    %UnicodeConversionError{
      encoded: Keyword.fetch!(opts, :encoded),
      message: :erlang.atom_to_binary(kind, :utf8) <> " " <> detail(Keyword.fetch!(opts, :rest))
    }
  end

  defp detail(rest) when is_binary(rest), do: "encoding starting at " <> inspect(rest)
  defp detail([h | _]) when is_integer(h), do: "code point " <> :erlang.integer_to_binary(h)
  defp detail([h | _]), do: detail(h)
end

defmodule CompileError do
  defexception [:file, :line, description: "compile error"]

  def message(%{file: file, line: line, description: description}) do
    Exception.format_file_line(file, line) <> " " <> description
  end
end

defmodule SyntaxError do
  defexception [:file, :line, :column, :snippet, description: "syntax error"]

  def message(%{file: file, line: line, column: column, description: description}) do
    Exception.format_file_line_column(file, line, column) <> " " <> description
  end
end

defmodule TokenMissingError do
  defexception [:file, :line, :snippet, :column, description: "expression is incomplete"]

  def message(%{file: file, line: line, column: column, description: description}) do
    Exception.format_file_line_column(file, line, column) <> " " <> description
  end
end

defmodule File.Error do
  defexception [:reason, :path, action: ""]

  def message(%{action: action, reason: reason, path: path}) do
    "could not #{action} #{inspect(path)}: #{format_reason(reason)}"
  end

  defp format_reason(:enoent), do: "no such file or directory"
  defp format_reason(:eacces), do: "permission denied"
  defp format_reason(:eisdir), do: "illegal operation on a directory"
  defp format_reason(:enotdir), do: "not a directory"
  defp format_reason(reason), do: inspect(reason)
end
