defmodule Code do
  # What genlab can tell about code at run time: every module is compiled
  # when its file is loaded, so "ensure" only asks whether it exists.

  def ensure_loaded(module) when is_atom(module), do: :code.ensure_loaded(module)

  # Code evaluated at run time, in the calling process, with the variables
  # of `binding`; the binding that comes back has them all, sorted as
  # Elixir sorts it.
  def eval_string(string, binding \\ [], opts \\ []) do
    file = Keyword.get(opts, :file, "nofile")
    quoted = string_to_quoted!(IO.chardata_to_string(string), file: file)
    eval_quoted(quoted, binding, file: file)
  end

  def eval_quoted(quoted, binding \\ [], opts \\ []) do
    file = Keyword.get(opts, :file, "nofile")
    binding = Enum.map(binding, fn {k, v} -> {k, v} end)
    {fun, out_names} =
      case :genlab.eval_compile(quoted, Keyword.keys(binding), file) do
        {:error, kind, message} -> raise_compile_error(kind, message)
        compiled -> compiled
      end

    [value | values] = Tuple.to_list(apply(fun, [nil | Keyword.values(binding)]))
    new_binding = Keyword.merge(binding, Enum.zip(out_names, values))
    {value, Enum.sort(new_binding, &(elem(&1, 0) >= elem(&2, 0)))}
  end

  # The quoted form of source text, from genlab's own parser.
  def string_to_quoted(string, opts \\ []) when is_binary(string) and is_list(opts) do
    file = Keyword.get(opts, :file, "nofile")

    case :genlab.string_to_quoted(string, file) do
      {:ok, ast} -> {:ok, columns(ast, opts)}
      {:error, {line, _kind, message}} -> {:error, {[line: line], message, ""}}
    end
  end

  def string_to_quoted!(string, opts \\ []) when is_binary(string) and is_list(opts) do
    file = Keyword.get(opts, :file, "nofile")

    case :genlab.string_to_quoted(string, file) do
      {:ok, ast} -> columns(ast, opts)
      {:error, {line, kind, message}} -> raise_parse_error(kind, file, line, message)
    end
  end

  # Elixir leaves columns out of the metadata unless asked for them.
  defp columns(ast, opts) do
    if Keyword.get(opts, :columns, false),
      do: ast,
      else: Macro.prewalk(ast, fn
        {form, meta, args} when is_list(meta) -> {form, Keyword.delete(meta, :column), args}
        other -> other
      end)
  end

  # Compile-time code (a macro, a module body, __using__) that a compile of
  # this process (Code.eval_string, a defmodule at run time) asks it to run
  # between two attempts (compile_run.h): any code of the process,
  # preempted and free to receive. Its value or what it raised goes back
  # to the compiler.
  def __genlab_host_call__(fun, args) do
    outcome = __genlab_host_outcome__(fun, args)
    # a tail call (apply, not the native's own instruction): the next
    # call the compile asks for takes this one's place on the stack
    apply(:genlab, :host_call_return, [outcome])
  end

  # The outcome of one compile-time call, {:ok, value} or {kind, reason,
  # stacktrace}, with the stack trace of the code alone (what lies below
  # this call is the compile's caller). The host's own compiles (the
  # shell's input, a script) have the evaluator call this directly.
  def __genlab_host_outcome__(fun, args) do
    try do
      {:ok, apply(fun, args)}
    catch
      kind, reason ->
        {kind, reason, Enum.take_while(__STACKTRACE__, &(not match?({Code, :__genlab_host_outcome__, _, _}, &1)))}
    end
  end

  # A module compiled at run time (:genlab.define_module) that failed.
  def __genlab_compile_error__(kind, message), do: raise_compile_error(kind, message)

  # "file:line: description", as the compiler words it
  defp raise_compile_error("", message), do: raise(RuntimeError, message: message)

  defp raise_compile_error("CompileError", message) do
    with [where, description] <- :binary.split(message, ": "),
         [file, line] <- :binary.split(where, ":", [:trim_all]) |> then(&[Enum.join(Enum.drop(&1, -1), ":"), List.last(&1)]),
         {line, ""} <- Integer.parse(line) do
      raise CompileError, file: file, line: line, description: description
    else
      _ -> raise CompileError, description: message
    end
  end

  defp raise_compile_error(kind, message) do
    module = Module.concat([kind])
    raise module, message: message
  end

  defp raise_parse_error("TokenMissingError", file, line, message),
    do: raise(TokenMissingError, file: file, line: line, description: message)

  defp raise_parse_error(_kind, file, line, message),
    do: raise(SyntaxError, file: file, line: line, description: message)

  def ensure_loaded?(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} -> true
      {:error, _} -> false
    end
  end

  def ensure_loaded!(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} ->
        module

      {:error, reason} ->
        :erlang.error(
          ArgumentError.exception(
            "could not load module " <> inspect(module) <> " due to reason " <> inspect(reason)
          )
        )
    end
  end

  def ensure_compiled(module) when is_atom(module), do: :code.ensure_loaded(module)
  def ensure_compiled?(module) when is_atom(module), do: match?({:module, ^module}, ensure_compiled(module))

  # The formatter's document for quoted code (what Macro.to_string/1 lays
  # out at 98 columns); the formatter's options are not read.
  def quoted_to_algebra(quoted, _opts \\ []), do: :genlab_macro_text.to_algebra(quoted)

  def ensure_compiled!(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} ->
        module

      {:error, reason} ->
        :erlang.error(
          ArgumentError.exception(
            "could not load module " <> inspect(module) <> " due to reason " <> inspect(reason)
          )
        )
    end
  end

  # Documentation as Elixir's Code.fetch_docs/1 returns it (the "docs_v1"
  # format), for the modules compiled with docs: genlab's embedded library
  # and servers. Modules compiled in the shell or from files have none, as
  # modules loaded from memory have none on the BEAM.
  def fetch_docs(module) when is_atom(module) do
    case :genlab.module_docs(module) do
      {:docs, {moduledoc, entries}} ->
        docs =
          for {kind, name, arity, params, doc, line, meta} <- entries do
            meta = Map.new(meta)
            defaults = Enum.count(params, &default_param?/1)
            meta = if defaults > 0, do: Map.put(meta, :defaults, defaults), else: meta
            {{kind, name, arity}, line, [signature(name, params)], doc_content(doc), meta}
          end

        {:docs_v1, 1, :elixir, "text/markdown", doc_content(moduledoc), %{}, docs}

      :no_docs ->
        {:error, :chunk_not_found}

      :no_module ->
        {:error, :module_not_found}
    end
  end

  defp default_param?({op, _, [_, _]}), do: op == :"\\\\"
  defp default_param?(_), do: false

  defp doc_content(nil), do: :none
  defp doc_content(false), do: :hidden
  defp doc_content(text), do: %{"en" => text}

  # How a definition's head reads in its documentation: variables by name
  # (without a leading underscore), defaults after \\\\, and other patterns
  # by the kind of value they match.
  defp signature(name, params) do
    "#{name}(" <> Enum.map_join(params, ", ", &signature_param/1) <> ")"
  end

  defp signature_param({op, _, [param, default]}) when op == :"\\\\",
    do: signature_param(param) <> " \\\\ " <> quoted_to_string(default)

  defp signature_param({:=, _, [left, right]}) do
    case left do
      {name, _, ctx} when is_atom(name) and is_atom(ctx) -> signature_param(left)
      _ -> signature_param(right)
    end
  end

  defp signature_param({name, _, ctx}) when is_atom(name) and is_atom(ctx) do
    case String.trim_leading(Atom.to_string(name), "_") do
      "" -> "arg"
      text -> text
    end
  end

  defp signature_param(param) when is_atom(param), do: "atom"
  defp signature_param(param) when is_integer(param), do: "integer"
  defp signature_param(param) when is_float(param), do: "float"
  defp signature_param(param) when is_binary(param), do: "binary"
  defp signature_param(param) when is_list(param), do: "list"
  defp signature_param({:<<>>, _, _}), do: "binary"
  defp signature_param({:%{}, _, _}), do: "map"
  defp signature_param({:%, _, _}), do: "struct"
  defp signature_param({:{}, _, _}), do: "tuple"
  defp signature_param({_, _}), do: "tuple"
  defp signature_param({:|, _, _}), do: "list"
  defp signature_param(_), do: "arg"

  # Enough of Macro.to_string/1 for default values.
  defp quoted_to_string({:__aliases__, _, parts}), do: Enum.map_join(parts, ".", &Atom.to_string/1)
  defp quoted_to_string({:-, _, [n]}) when is_number(n), do: "-" <> quoted_to_string(n)
  defp quoted_to_string({:@, _, [{name, _, _}]}), do: "@#{name}"

  defp quoted_to_string({{:., _, [mod, fun]}, _, args}) when is_atom(fun),
    do: quoted_to_string(mod) <> ".#{fun}(" <> Enum.map_join(args, ", ", &quoted_to_string/1) <> ")"

  defp quoted_to_string({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: Atom.to_string(name)

  defp quoted_to_string({name, _, args}) when is_atom(name) and is_list(args),
    do: "#{name}(" <> Enum.map_join(args, ", ", &quoted_to_string/1) <> ")"

  defp quoted_to_string({a, b}), do: "{" <> quoted_to_string(a) <> ", " <> quoted_to_string(b) <> "}"
  defp quoted_to_string({:{}, _, items}), do: "{" <> Enum.map_join(items, ", ", &quoted_to_string/1) <> "}"
  defp quoted_to_string(list) when is_list(list), do: "[" <> Enum.map_join(list, ", ", &quoted_to_string/1) <> "]"
  defp quoted_to_string(other), do: inspect(other)
end
