defmodule IEx.Helpers do
  # IEx's helpers, imported into every shell session (core/runtime.c
  # imports this module when it exists, calls __shell_start__/1 on each new
  # shell process and __record_result__/2 after each input). What they
  # print is what Elixir 1.14's IEx prints when standard input is not a
  # terminal; their documentation texts are genlab's own (h/1 lays them
  # out as IEx does). genlab adds source/1.

  @moduledoc """
  The helpers of genlab's shell. They are imported into every session, so
  they are called without a module name: `h(Counter)`, not
  `IEx.Helpers.h(Counter)`.

  Looking things up:

    * `h/0`, `h/1`     - this text; the documentation of a module or function,
      e.g. `h(Counter)`, `h(Counter.increment)`, `h(Stack.push/2)`
    * `i/0`, `i/1`     - what a value is: its type, and for a pid, its process
    * `exports/1`      - the functions and macros a module exports
    * `source/1`       - the code of a module, e.g. `source(Counter)`

  Earlier results and the shell's own process:

    * `v/0`, `v/1`     - a result from this session's history
    * `flush/0`        - print and drop every message the shell has received
    * `pid/1`, `pid/3` - a pid from its three numbers
    * `respawn/0`      - a fresh shell process, bindings forgotten
    * `clear/0`        - clear the screen

  Code in files:

    * `c/1`, `c/2`     - compile files into the running system
    * `r/1`            - compile a module's file again
    * `import_file/1`  - run a file's lines as if they were typed here

  The teaching helpers (`trace/1`, `mailbox/1`, `step/1`, `diagram/0`,
  `lessons/0`, ...) are described by `h(Genlab.Helpers)`.
  """

  @width 80
  @dont_display :"do not show this result in output"

  @doc false
  def __shell_start__(colors) do
    Process.put(:iex_colors, colors)
    # as IEx's evaluator, a process under the IEx server (#PID<0.66.0> on a
    # fresh BEAM), so what the shell starts names both as its ancestors
    Process.put(:"$ancestors", [:erlang.list_to_pid('<0.66.0>')])
    :ok
  end

  @doc false
  # IEx keeps the last 20 results (its :history_size): older ones go, so
  # a long session's history takes no more memory than a short one's.
  @history_size 20

  def __record_result__(counter, value) do
    Process.delete({:iex_history, counter - @history_size})
    Process.put({:iex_history, counter}, value)
    Process.put(:iex_last_counter, counter)
    :ok
  end

  # ---- history -----------------------------------------------------------

  @doc """
  The result of an earlier input of this session.

  A positive `n` is the number in the prompt, `iex(n)>`. A negative `n`
  counts back from now: `v(-1)`, which is also `v()`, is the last result,
  `v(-2)` the one before it.

  ## Examples

      iex(1)> Enum.sum([1, 2, 3])
      6
      iex(2)> :ok
      :ok
      iex(3)> v(1) * 10
      60
      iex(4)> v(-2)
      :ok
  """
  def v(n \\ -1) when is_integer(n) do
    last = Process.get(:iex_last_counter, 0)
    index = if n < 0, do: last + 1 + n, else: n

    case index >= 1 and index > last - @history_size and index <= last and Process.get({:iex_history, index}, @dont_display) do
      false ->
        # raised where IEx raises it, so the stack trace reads as IEx's
        frames = [
          {IEx.History, :nth, 2, [file: 'lib/iex/history.ex', line: 54]},
          {IEx.Helpers, :v, 1, [file: 'lib/iex/helpers.ex', line: 402]}
        ]

        :erlang.raise(:error, RuntimeError.exception("v(#{n}) is out of bounds"), frames)

      value -> value
    end
  end

  # ---- documentation -----------------------------------------------------

  @doc """
  Prints what the shell's helpers are.
  """
  def h(), do: __h__(IEx.Helpers)

  @doc """
  Prints the documentation of a module, or of one of its functions, with
  or without its arity.

  ## Examples

      iex> h(Counter)
      iex> h(Counter.increment)
      iex> h(Stack.push/2)

  A helper of the shell is found by its name alone: `h(flush)`.
  """
  defmacro h(term) do
    arg =
      case term do
        {:/, _, [{{:., _, [mod, fun]}, _, []}, arity]} when is_atom(fun) and is_integer(arity) ->
          {:{}, [], [mod, fun, arity]}

        {:/, _, [{name, _, ctx}, arity]} when is_atom(name) and is_atom(ctx) and is_integer(arity) ->
          {:{}, [], [:__local__, name, arity]}

        {{:., _, [mod, fun]}, _, []} when is_atom(fun) ->
          {mod, fun}

        {name, _, ctx} when is_atom(name) and is_atom(ctx) ->
          {:__local__, name}

        other ->
          other
      end

    {{:., [], [{:__aliases__, [], [:IEx, :Helpers]}, :__h__]}, [], [arg]}
  end

  @doc false
  def __h__({:__local__, name}) do
    __h__({local_module(name, nil), name})
  end

  def __h__({:__local__, name, arity}) do
    __h__({local_module(name, arity), name, arity})
  end

  def __h__(module) when is_atom(module) do
    with {:ok, {moduledoc, _entries}} <- docs_of(module) do
      case moduledoc do
        %{"en" => text} ->
          IO.ANSI.Docs.print_headings([inspect(module)], doc_options())
          IO.ANSI.Docs.print(text, "text/markdown", doc_options())

        _ -> IO.puts("No documentation for #{inspect(module)} was found")
      end
    end

    @dont_display
  end

  def __h__({module, fun}) when is_atom(module) and is_atom(fun) do
    with {:ok, {_, entries}} <- docs_of(module) do
      found = for {{_kind, ^fun, _arity}, _, _, doc, _} = entry <- entries, doc != :hidden, do: entry

      case found do
        [] -> IO.puts("No documentation for #{inspect(module)}.#{fun} was found")
        _ -> Enum.each(found, &print_entry/1)
      end
    end

    @dont_display
  end

  def __h__({module, fun, arity}) when is_atom(module) and is_atom(fun) and is_integer(arity) do
    with {:ok, {_, entries}} <- docs_of(module) do
      found =
        for {{_kind, ^fun, a}, _, _, doc, meta} = entry <- entries,
            doc != :hidden,
            arity <= a and arity >= a - Map.get(meta, :defaults, 0),
            do: entry

      case found do
        [] -> IO.puts("No documentation for #{inspect(module)}.#{fun}/#{arity} was found")
        _ -> Enum.each(found, &print_entry/1)
      end
    end

    @dont_display
  end

  def __h__(other) do
    IO.puts(
      "The \"h\" helper expects a Module, Module.fun or Module.fun/arity, got: #{inspect(other)}\n" <>
        "If instead of accessing documentation you would like more information about a value " <>
        "or about the result of an expression, use the \"i\" helper instead"
    )

    @dont_display
  end

  # A bare name is looked up as the shell imports it: IEx's helpers, then
  # genlab's teaching helpers (Genlab.Helpers, when there), then Kernel.
  defp local_module(name, arity) do
    Enum.find([IEx.Helpers, Genlab.Helpers], Kernel, fn module ->
      match?({:module, _}, Code.ensure_loaded(module)) and
        Enum.any?(module.__info__(:functions) ++ module.__info__(:macros), fn {n, a} ->
          n == name and (arity == nil or a == arity)
        end)
    end)
  end

  defp docs_of(module) do
    case Code.ensure_loaded(module) do
      {:module, _} ->
        case Code.fetch_docs(module) do
          {:docs_v1, _, _, _, moduledoc, _, entries} ->
            {:ok, {moduledoc, entries}}

          {:error, _} ->
            IO.puts("#{inspect(module)} was not compiled with docs")
            :error
        end

      {:error, reason} ->
        IO.puts("Could not load module #{inspect(module)}, got: #{reason}")
        :error
    end
  end

  defp print_entry({{kind, _name, _arity}, _, [signature | _], doc, meta}) do
    def_word = if kind == :macro, do: "defmacro ", else: "def "
    options = doc_options()
    IO.ANSI.Docs.print_headings([def_word <> signature], options)
    IO.ANSI.Docs.print_metadata(meta, options)

    case doc do
      %{"en" => text} -> IO.ANSI.Docs.print(text, "text/markdown", options)
      _ -> :ok
    end
  end

  # IEx's colours when the shell has them (a terminal, without NO_COLOR)
  defp doc_options(), do: [enabled: Process.get(:iex_colors, false), width: @width]

  @doc """
  Lists the functions and macros a module exports, as `name/arity`.
  """
  @doc since: "1.5.0"
  def exports(module \\ Kernel) do
    names =
      (module.__info__(:functions) ++ module.__info__(:macros))
      |> Enum.reject(fn {name, _} -> String.starts_with?(Atom.to_string(name), "_") end)
      |> Enum.map(fn {name, arity} -> "#{name}/#{arity}" end)
      |> Enum.sort()

    width = Enum.reduce(names, 0, &max(String.length(&1), &2)) + 5
    IO.write(table_rows(names, width, 0, []))
    @dont_display
  end

  # Cells go on a row while it is shorter than the width.
  defp table_rows([], _width, 0, acc), do: Enum.reverse(acc)
  defp table_rows([], _width, _len, acc), do: Enum.reverse(["\n" | acc])

  defp table_rows([name | rest], width, len, acc) when len >= @width,
    do: table_rows([name | rest], width, 0, ["\n" | acc])

  defp table_rows([name | rest], width, len, acc),
    do: table_rows(rest, width, len + width, [String.pad_trailing(name, width) | acc])

  # ---- values ------------------------------------------------------------

  @doc """
  Describes a value: what it prints as, its data type, and what else is
  worth knowing about it (a pid's process: whether it is alive, its name,
  its links, how many messages wait for it).

  Without an argument, it describes the last result.

  ## Examples

      iex> {:ok, pid} = Counter.start_link(0)
      iex> i(pid)
  """
  def i(term \\ v(-1)) do
    sections =
      [{"Term", inspect(term)}, {"Data type", data_type(term)}] ++
        info(term) ++
        refs(term) ++ [{"Implemented protocols", Enum.join(protocols(term), ", ")}]

    IO.write(Enum.map(sections, fn {key, text} -> [key, "\n  ", String.replace(text, "\n", "\n  "), "\n"] end))
    @dont_display
  end

  defp data_type(term) when is_integer(term), do: "Integer"
  defp data_type(term) when is_float(term), do: "Float"
  defp data_type(term) when is_atom(term), do: "Atom"
  defp data_type(term) when is_bitstring(term), do: "BitString"
  defp data_type(term) when is_list(term), do: "List"
  defp data_type(%{__struct__: struct}) when is_atom(struct), do: inspect(struct)
  defp data_type(term) when is_map(term), do: "Map"
  defp data_type(term) when is_tuple(term), do: "Tuple"
  defp data_type(term) when is_pid(term), do: "PID"
  defp data_type(term) when is_function(term), do: "Function"
  defp data_type(term) when is_reference(term), do: "Reference"
  defp data_type(_term), do: "Port"

  defp info(term) when is_atom(term) do
    text = Atom.to_string(term)

    cond do
      term in [nil, true, false] ->
        []

      term == @dont_display ->
        [
          {"Description",
           "This atom is returned by IEx when a function that should not print its\n" <>
             "return value on screen is executed."}
        ]

      :erlang.module_loaded(term) or match?({:module, _}, Code.ensure_loaded(term)) ->
        source =
          case :genlab.module_source(term) do
            {file, _, _} -> [{"Source", file}]
            nil -> []
          end

        docs =
          case Code.fetch_docs(term) do
            {:docs_v1, _, _, _, _, _, _} -> "Use h(#{inspect(term)}) to access its documentation.\n"
            _ -> ""
          end

        source ++
          [{"Description", docs <> "Call #{inspect(term)}.module_info() to access metadata."}] ++
          raw_atom(term, text)

      true ->
        raw_atom(term, text)
    end
  end

  defp info(term) when is_binary(term) do
    size = [{"Byte size", Integer.to_string(byte_size(term))}]

    cond do
      String.printable?(term) ->
        size ++
          [
            {"Description",
             "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n" <>
               "\"double quotes\" because all UTF-8 encoded code points in it are printable."},
            {"Raw representation", inspect(term, binaries: :as_binaries)}
          ]

      String.valid?(term) ->
        size ++
          [
            {"Description",
             "This is a string: a UTF-8 encoded binary. It's printed with the `<<>>`\n" <>
               "syntax (as opposed to double quotes) because it contains non-printable\n" <>
               "UTF-8 encoded code points (the first non-printable code point being\n" <>
               "`#{inspect(first_unprintable(term))}`)."}
          ]

      true ->
        size ++
          [
            {"Description",
             "This is a binary: a collection of bytes. It's printed with the `<<>>`\n" <>
               "syntax (as opposed to double quotes) because it is not a UTF-8 encoded\n" <>
               "binary (the first invalid byte being `#{inspect(first_invalid(term))}`)"}
          ]
    end
  end

  defp info(term) when is_bitstring(term) do
    [
      {"Bits size", Integer.to_string(bit_size(term))},
      {"Description",
       "This is a bitstring. It's a chunk of bits that are not divisible by 8\n" <>
         "(the number of bytes isn't whole)."}
    ]
  end

  defp info(term) when is_list(term) do
    cond do
      not proper_list?(term) ->
        [
          {"Description",
           "This is what is referred to as an \"improper list\". An improper list is a\n" <>
             "list which its last tail is not to an empty list. For example: [1, 2, 3]\n" <>
             "is a proper list, as it is equivalent to [1, 2, 3 | []], as opposed to\n" <>
             "[1, 2 | 3] which is an improper list since its last tail returns 3."}
        ]

      term != [] and List.ascii_printable?(term) ->
        [
          {"Description",
           "This is a list of integers that is printed as a sequence of characters\n" <>
             "delimited by single quotes because all the integers in it represent printable\n" <>
             "ASCII characters. Conventionally, a list of Unicode code points is known as a\n" <>
             "charlist and a list of ASCII characters is a subset of it."},
          {"Raw representation", inspect(term, charlists: :as_lists)}
        ]

      term != [] and Keyword.keyword?(term) ->
        [
          {"Description",
           "This is what is referred to as a \"keyword list\". A keyword list is a list\n" <>
             "of two-element tuples where the first element of each tuple is an atom."}
        ]

      true ->
        []
    end
  end

  defp info(%{__struct__: struct}) when is_atom(struct),
    do: [{"Description", "This is a struct. Structs are maps with a __struct__ key."}]

  defp info(term) when is_pid(term) do
    case Process.info(term, [:registered_name, :links, :message_queue_len]) do
      nil ->
        [{"Alive", "false"}]

      info ->
        name =
          case Keyword.get(info, :registered_name) do
            name when is_atom(name) and name not in [nil, []] -> inspect(name)
            _ -> "not registered"
          end

        links =
          case Keyword.get(info, :links, []) do
            [] -> "none"
            links -> Enum.map_join(links, ", ", &inspect/1)
          end

        [
          {"Alive", "true"},
          {"Name", name},
          {"Links", links},
          {"Message queue length", Integer.to_string(Keyword.get(info, :message_queue_len, 0))},
          {"Description", "Use Process.info/1 to get more info about this process"}
        ]
    end
  end

  defp info(term) when is_function(term) do
    {:arity, arity} = Function.info(term, :arity)

    case Function.info(term, :type) do
      {:type, :external} ->
        {:module, module} = Function.info(term, :module)
        {:name, name} = Function.info(term, :name)

        _ = {module, name}
        [{"Type", "external"}, {"Arity", Integer.to_string(arity)}]

      _ ->
        [{"Type", "local"}, {"Arity", Integer.to_string(arity)}, {"Description", "This is an anonymous function."}]
    end
  end

  defp info(_term), do: []

  defp proper_list?([]), do: true
  defp proper_list?([_ | tail]), do: proper_list?(tail)
  defp proper_list?(_), do: false

  defp raw_atom(term, text) do
    if String.starts_with?(text, "Elixir."), do: [{"Raw representation", ":" <> inspect(text)}], else: []
  end

  defp first_unprintable(string) do
    string |> String.codepoints() |> Enum.find(&(not String.printable?(&1)))
  end

  defp first_invalid(<<c::utf8, rest::binary>>), do: if(String.printable?(<<c::utf8>>), do: first_invalid(rest), else: <<c::utf8>>)
  defp first_invalid(<<byte, _::binary>>), do: <<byte>>
  defp first_invalid(other), do: other

  defp refs(term) when is_integer(term), do: [{"Reference modules", "Integer"}]
  defp refs(term) when is_float(term), do: [{"Reference modules", "Float"}]

  defp refs(term) when is_atom(term) do
    if term not in [nil, true, false] and :erlang.module_loaded(term),
      do: [{"Reference modules", "Module, Atom"}],
      else: [{"Reference modules", "Atom"}]
  end

  defp refs(term) when is_binary(term) do
    if String.valid?(term),
      do: [{"Reference modules", "String, :binary"}],
      else: [{"Reference modules", ":binary"}]
  end

  defp refs(term) when is_list(term) do
    if term != [] and Keyword.keyword?(term) and not List.ascii_printable?(term),
      do: [{"Reference modules", "Keyword, List"}],
      else: [{"Reference modules", "List"}]
  end

  defp refs(%{__struct__: struct}) when is_atom(struct), do: [{"Reference modules", "#{inspect(struct)}, Map"}]
  defp refs(term) when is_map(term), do: [{"Reference modules", "Map"}]
  defp refs(term) when is_tuple(term), do: [{"Reference modules", "Tuple"}]
  defp refs(term) when is_pid(term), do: [{"Reference modules", "Process, Node"}]
  defp refs(_term), do: []

  # The protocols Elixir implements for each data type, in IEx's order.
  defp protocols(term) when is_number(term) or is_atom(term),
    do: ["IEx.Info", "Inspect", "List.Chars", "String.Chars"]

  defp protocols(term) when is_bitstring(term) or is_list(term) do
    enum = if is_list(term), do: ["Enumerable"], else: []
    ["Collectable"] ++ enum ++ ["IEx.Info", "Inspect", "List.Chars", "String.Chars"]
  end

  defp protocols(%{__struct__: Range}), do: ["Enumerable", "IEx.Info", "Inspect"]
  defp protocols(%{__struct__: MapSet}), do: ["Collectable", "Enumerable", "IEx.Info", "Inspect"]
  # A struct has what its module implements besides.
  defp protocols(%{__struct__: struct} = term) when is_atom(struct) do
    implemented =
      for {protocol, name} <- [{Collectable, "Collectable"}, {Enumerable, "Enumerable"}, {String.Chars, "String.Chars"}],
          :genlab.protocol_impl(protocol, term, false) != nil,
          do: name

    Enum.sort(["IEx.Info", "Inspect" | implemented])
  end
  defp protocols(term) when is_map(term), do: ["Collectable", "Enumerable", "IEx.Info", "Inspect"]
  defp protocols(term) when is_function(term), do: ["Enumerable", "IEx.Info", "Inspect"]
  defp protocols(_term), do: ["IEx.Info", "Inspect"]

  # ---- processes ---------------------------------------------------------

  @doc """
  Prints each message waiting in the shell's mailbox and removes it.
  """
  def flush() do
    receive do
      message ->
        IO.inspect(message)
        flush()
    after
      0 -> :ok
    end
  end

  @doc """
  The pid written as `"0.X.Y"`, as the shell prints it in `#PID<0.X.Y>`.

  ## Examples

      iex> pid("0.120.0")
      #PID<0.120.0>
  """
  def pid(string) when is_binary(string), do: :erlang.list_to_pid(String.to_charlist("<" <> string <> ">"))

  @doc """
  The pid with these three numbers.

  ## Examples

      iex> pid(0, 120, 0)
      #PID<0.120.0>
  """
  def pid(x, y, z)
      when is_integer(x) and x >= 0 and is_integer(y) and y >= 0 and is_integer(z) and z >= 0 do
    :erlang.list_to_pid(String.to_charlist("<#{x}.#{y}.#{z}>"))
  end

  @doc """
  Starts a new shell in a new process, numbered from `iex(1)>` again. The
  old process ends: its bindings and unread messages are gone, and so are
  the processes linked to it, such as servers started with `start_link`.
  """
  def respawn() do
    :genlab.shell_respawn()
    @dont_display
  end

  # ---- the screen --------------------------------------------------------

  @doc """
  Clears the terminal. It needs a terminal that understands ANSI escape
  codes: when the shell's output is not one, it says so instead.
  """
  def clear() do
    if Process.get(:iex_colors, false) do
      IO.write("\e[H\e[2J")
    else
      IO.puts("Cannot clear the screen because ANSI escape codes are not enabled on this shell")
    end

    @dont_display
  end

  # ---- code --------------------------------------------------------------

  @doc """
  Compiles one file or a list of files and loads their modules into the
  running system; returns the names of the modules, sorted. Nothing is
  written to disk: the second argument is accepted for IEx's sake.

  ## Examples

      iex> c("my_server.ex")
      [MyServer]
  """
  def c(files, path \\ :in_memory) when is_binary(files) or is_list(files) do
    _ = path
    files = List.wrap(files)

    case Enum.reject(files, &match?({:ok, _}, :genlab.read_file(&1))) do
      [] -> :ok
      missing -> raise ArgumentError, "could not find files #{Enum.join(missing, ", ")}"
    end

    files
    |> Enum.flat_map(fn file ->
      {:ok, text} = :genlab.read_file(file)
      compile_text(text, file)
    end)
    |> Enum.sort()
  end

  @doc """
  Compiles again the file a module (or each of a list of modules) came from
  and loads the new code: every module defined in that file is replaced by
  its new version. Returns `{:reloaded, modules}`.
  """
  def r(module_or_modules) do
    modules = List.wrap(module_or_modules)

    sources =
      Enum.map(modules, fn module ->
        unless match?({:module, _}, Code.ensure_loaded(module)),
          do: raise(ArgumentError, "could not load nor find module: #{inspect(module)}")

        {file, text} = source_text(module, :disk_first)

        if text == nil,
          do: raise(ArgumentError, "could not find source (#{file}) for module: #{inspect(module)}")

        {file, text}
      end)

    # a file is compiled once, however many of its modules are named
    reloaded = sources |> Enum.uniq() |> Enum.flat_map(fn {file, text} -> compile_text(text, file) end)
    {:reloaded, Enum.sort(reloaded)}
  end

  # Compiles a file's text: its modules are defined, and its other code
  # runs, in order, as c/1 does. Returns the modules defined.
  defp compile_text(text, file) do
    items =
      case :genlab.string_to_quoted(text, file) do
        {:ok, {:__block__, _, items}} -> items
        {:ok, item} -> [item]
        {:error, {line, kind, message}} -> raise_syntax(kind, file, line, message)
      end

    Enum.flat_map(items, fn
      {:defmodule, _, _} = ast ->
        {:module, module, _, _} = :genlab.define_module(ast, file)
        [module]

      ast ->
        run_code(ast, file)
        []
    end)
  end

  # Code outside modules runs as the body of a throwaway function.
  defp run_code(ast, file) do
    body = [do: {:def, [], [{:run, [], []}, [do: ast]]}]
    {:module, module, _, _} = :genlab.define_module({:defmodule, [line: 1], [:"genlab compiled code", body]}, file)
    module.run()
  end

  defp raise_syntax("TokenMissingError", file, line, message),
    do: raise(TokenMissingError, file: file, line: line, description: message)

  defp raise_syntax(_kind, file, line, message),
    do: raise(SyntaxError, file: file, line: line, description: message)

  @doc """
  Runs the file's code as if its lines were typed at the prompt: its
  bindings become the shell's. The path is a literal string, relative to
  the directory genlab was started in.

  ## Examples

      iex> import_file("setup.exs")
  """
  @doc since: "1.4.0"
  defmacro import_file(path) when is_binary(path) do
    case :genlab.read_file(path) do
      {:ok, text} -> quoted_file(text, path)
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: path
    end
  end

  @doc """
  Like `import_file/1`, but a missing file is not an error: nothing runs.
  """
  defmacro import_file_if_available(path) when is_binary(path) do
    case :genlab.read_file(path) do
      {:ok, text} -> quoted_file(text, path)
      {:error, _} -> nil
    end
  end

  defp quoted_file(text, path) do
    case :genlab.string_to_quoted(text, path) do
      {:ok, quoted} -> quoted
      {:error, {line, kind, message}} -> raise_syntax(kind, path, line, message)
    end
  end

  @doc """
  Prints the source code of `module`: the text of its `defmodule`, from
  the file it was compiled from.

  This works for any module compiled from a file (with `c/1`, `r/1`, or a
  script) and for the modules embedded in genlab, such as the tutorial
  servers: `source(Counter)` shows how `Counter` is written. A module
  defined by typing it in the shell has no file to show.

  This helper is genlab's own; IEx does not have it.

  ## Examples

      iex> source(Counter)
  """
  def source(module) when is_atom(module) do
    case Code.ensure_loaded(module) do
      {:module, _} ->
        case source_text(module, :compiled_first) do
          {_file, nil} ->
            IO.puts("The source of #{inspect(module)} is not available (it was not compiled from a file)")

          {_file, text} ->
            IO.write(module_text(text, line_of(module)))
        end

      {:error, reason} ->
        IO.puts("Could not load module #{inspect(module)}, got: #{reason}")
    end

    @dont_display
  end

  # {file, text}: the text the module came from (the embedded copy, or the
  # file now on disk, in the order asked), or nil.
  defp source_text(module, order) do
    case :genlab.module_source(module) do
      nil ->
        {"iex", nil}

      {file, _line, embedded} ->
        disk =
          case :genlab.read_file(file) do
            {:ok, text} -> text
            {:error, _} -> nil
          end

        if order == :disk_first, do: {file, disk || embedded}, else: {file, embedded || disk}
    end
  end

  defp line_of(module) do
    case :genlab.module_source(module) do
      {_, line, _} -> line
      nil -> 1
    end
  end

  # From the defmodule line to the `end` that closes it: the first line
  # after it that is `end` at the same indentation.
  defp module_text(text, line) do
    lines = text |> String.split("\n") |> Enum.drop(max(line - 1, 0))

    case lines do
      [first | rest] ->
        indent = String.length(first) - String.length(String.trim_leading(first))
        closing = String.duplicate(" ", indent) <> "end"
        {body, tail} = Enum.split_while(rest, &(String.trim_trailing(&1) != closing))
        Enum.map([first | body] ++ Enum.take(tail, 1), &[&1, "\n"])

      [] ->
        ""
    end
  end
end
