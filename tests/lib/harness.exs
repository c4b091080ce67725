# Validates core/lib/*.ex (genlab's standard library written in Elixir)
# against real Elixir.
#
#   elixir tests/lib/harness.exs [-v] [--emit] [CASEFILE_SUBSTRING...]
#
# Every module defined in the library files is compiled under the prefix
# GenlabLib. (Enum -> GenlabLib.Enum, KeyError -> GenlabLib.KeyError), with
# every alias between those modules rewritten the same way, except struct
# literals of Range and MapSet, which keep the real struct so that real
# ranges and sets flow through our code. The :genlab natives the library
# calls are provided by a small stand-in module below.
#
# Each line of tests/lib/cases/*.txt is one expression. It is evaluated
# twice: as written (real Elixir) and with the library's aliases rewritten
# (our code). The results -- the inspected value, or the raised exception's
# module and message, or the thrown/exited value, plus anything printed --
# must be identical once "GenlabLib." is removed.
#
# --emit also writes tests/lib/battery.exs and tests/lib/battery.out: the
# same expressions as a plain script and its output recorded from real
# Elixir, to run on genlab itself (genlab battery.exs | diff - battery.out).

defmodule :genlab do
  # Stand-ins for the natives genlab implements in C.
  def inspect(term, opts), do: Kernel.inspect(term, opts)
  def to_string(term), do: String.Chars.to_string(term)
  def put_chars(device, data), do: IO.write(device, data)
  def argv, do: System.argv()
end

defmodule Harness do
  @root Path.expand("../..", __DIR__)
  @lib Path.join(@root, "core/lib")
  @cases Path.join(@root, "tests/lib/cases")
  # Library files that are not part of the standard library (OTP behaviours
  # written by others) are not loaded here. Files defining structs come
  # first: real Elixir expands struct literals at compile time.
  @stdlib ~w(exceptions.ex range.ex map_set.ex access.ex enum.ex exception.ex float.ex
             integer.ex io.ex kernel.ex keyword.ex list.ex map.ex string.ex system.ex
             tuple.ex)
  @keep_structs [[:Range], [:MapSet]]

  def main(args) do
    Code.require_file(Path.join(@root, "tests/lib/prelude.exs"))
    verbose = "-v" in args
    emit = "--emit" in args
    filters = Enum.reject(args, &String.starts_with?(&1, "-"))

    files =
      @stdlib
      |> Enum.map(&Path.join(@lib, &1))
      |> Enum.filter(&File.exists?/1)

    asts = Enum.map(files, fn f -> {f, Code.string_to_quoted!(File.read!(f), file: f)} end)
    modules = asts |> Enum.flat_map(fn {_, ast} -> defined_modules(ast) end) |> MapSet.new()
    natives = read_natives()

    missing =
      Enum.flat_map(asts, fn {file, ast} ->
        {ast, missing} = add_delegates(ast)
        ast = rewrite(ast, modules)
        Code.put_compiler_option(:no_warn_undefined, :all)
        Code.compile_quoted(ast, file)
        missing
      end)

    unlisted = Enum.reject(missing, &(&1 in natives))

    if unlisted != [] do
      IO.puts("not defined and not listed as native (delegated to real Elixir):")
      IO.puts("  " <> Enum.join(unlisted, " "))
    end

    case_files =
      Path.wildcard(Path.join(@cases, "*.txt"))
      |> Enum.filter(fn f -> filters == [] or Enum.any?(filters, &String.contains?(f, &1)) end)

    results =
      for file <- case_files, {line, lineno} <- read_cases(file) do
        ast = Code.string_to_quoted!(line)
        expected = run(ast)
        actual = run(rewrite(ast, modules))
        ok = normalize(expected) == normalize(actual)

        if not ok or verbose do
          IO.puts("#{if ok, do: "ok  ", else: "FAIL"} #{Path.basename(file)}:#{lineno}: #{line}")

          if not ok do
            IO.puts("     elixir: #{normalize(expected)}")
            IO.puts("     genlab: #{normalize(actual)}")
          end
        end

        {file, line, ok, expected}
      end

    failed = Enum.count(results, fn {_, _, ok, _} -> not ok end)
    IO.puts("#{length(results) - failed} passed, #{failed} failed")
    if emit, do: emit_battery(results)
    if failed > 0, do: System.halt(1)
  end

  defp read_cases(file) do
    file
    |> File.read!()
    |> String.split("\n")
    |> Enum.with_index(1)
    |> Enum.reject(fn {line, _} -> String.trim(line) == "" or String.starts_with?(line, "#") end)
  end

  defp read_natives do
    path = Path.join(@lib, "NATIVES.txt")

    if File.exists?(path) do
      text = File.read!(path)
      Regex.scan(~r/([A-Z][A-Za-z0-9_.]*\.[a-z_][A-Za-z0-9_?!]*\/\d+)/, text) |> Enum.map(&hd/1)
    else
      []
    end
  end

  # ---- evaluation -------------------------------------------------------

  def run(ast) do
    {:ok, io} = StringIO.open("")
    old = Process.group_leader()
    Process.group_leader(self(), io)

    result =
      try do
        {value, _} = Code.eval_quoted(ast, [], __ENV__)
        inspect(value, limit: :infinity, printable_limit: :infinity)
      rescue
        e -> "** (#{inspect(e.__struct__)}) #{Exception.message(e)}"
      catch
        kind, value -> "** (#{kind}) #{inspect(value)}"
      after
        Process.group_leader(self(), old)
      end

    {:ok, {_, out}} = StringIO.close(io)
    if out == "", do: result, else: out <> "=> " <> result
  end

  defp normalize(text), do: String.replace(text, "GenlabLib.", "")

  # ---- source rewriting -------------------------------------------------

  defp defined_modules({:defmodule, _, [{:__aliases__, _, parts}, _]}), do: [parts]
  defp defined_modules({:__block__, _, items}), do: Enum.flat_map(items, &defined_modules/1)
  defp defined_modules(_), do: []

  def rewrite(ast, modules) do
    Macro.prewalk(ast, fn
      {:%, meta, [{:__aliases__, _, parts}, fields]} when parts in @keep_structs ->
        {:%, meta, [Module.concat(parts), fields]}

      {:__aliases__, meta, parts} = node ->
        if MapSet.member?(modules, parts), do: {:__aliases__, meta, [:GenlabLib | parts]}, else: node

      node ->
        node
    end)
  end

  # Adds `defdelegate` for the functions that the real module exports but
  # the library does not define (natives written in C for genlab).
  defp add_delegates({:__block__, meta, items}) do
    {items, missing} = Enum.map_reduce(items, [], fn item, acc ->
      {item, m} = add_delegates(item)
      {item, acc ++ m}
    end)

    {{:__block__, meta, items}, missing}
  end

  # Our Kernel shadows the functions it defines, as Elixir's own Kernel does.
  defp add_delegates({:defmodule, meta, [{:__aliases__, _, [:Kernel]} = name, [do: body]]}) do
    except = body |> defined_functions() |> MapSet.to_list() |> Enum.filter(fn {f, a} -> function_exported?(Kernel, f, a) or macro_exported?(Kernel, f, a) end)
    body = {:__block__, [], [quote(do: import(unquote(Kernel), except: unquote(except))), body]}
    {{:defmodule, meta, [name, [do: body]]}, []}
  end

  defp add_delegates({:defmodule, meta, [{:__aliases__, _, parts} = name, [do: body]]}) do
    real = Module.concat(parts)

    if Code.ensure_loaded?(real) and function_exported?(real, :__info__, 1) do
      defined = defined_functions(body)

      exception? = Macro.prewalk(body, false, fn
        {:defexception, _, _} = n, _ -> {n, true}
        n, acc -> {n, acc}
      end) |> elem(1)

      missing =
        for {f, a} <- real.__info__(:functions),
            not MapSet.member?(defined, {f, a}),
            not (exception? and {f, a} in [exception: 1, message: 1]),
            not String.starts_with?(Atom.to_string(f), "__"),
            do: {f, a}

      delegates =
        for {f, a} <- missing do
          args = Macro.generate_arguments(a, __MODULE__)
          quote do: defdelegate(unquote(f)(unquote_splicing(args)), to: unquote(real))
        end

      names = Enum.map(missing, fn {f, a} -> "#{inspect(real)}.#{f}/#{a}" end)
      {{:defmodule, meta, [name, [do: {:__block__, [], [body | delegates]}]]}, names}
    else
      {{:defmodule, meta, [name, [do: body]]}, []}
    end
  end

  defp add_delegates(other), do: {other, []}

  defp defined_functions(body) do
    {_, acc} =
      Macro.prewalk(body, MapSet.new(), fn
        {kind, _, [head | _]} = node, acc when kind in [:def, :defp] ->
          {node, Enum.reduce(head_arities(head), acc, &MapSet.put(&2, &1))}

        node, acc ->
          {node, acc}
      end)

    acc
  end

  defp head_arities({:when, _, [head | _]}), do: head_arities(head)

  defp head_arities({name, _, args}) when is_atom(name) do
    args = if is_list(args), do: args, else: []
    defaults = Enum.count(args, &match?({:\\, _, _}, &1))
    n = length(args)
    for a <- (n - defaults)..n, do: {name, a}
  end

  defp head_arities(_), do: []

  # ---- battery for genlab -----------------------------------------------

  # Expressions whose output depends on the VM instance (pids, refs,
  # function identities) stay out of the emitted battery.
  defp portable?(line) do
    not String.contains?(line, ["self()", "make_ref", ":c.pid", "fn x -> x end, args", "&Enum.map/2, & &1", "Enum.map(fn x -> x end"])
  end

  defp emit_battery(results) do
    script =
      [
        "# Generated by tests/lib/harness.exs --emit: do not edit.\n",
        File.read!(Path.join(@root, "tests/lib/prelude.exs")),
        "\n",
        "defmodule Battery do\n",
        "  def show(fun) do\n",
        "    try do\n",
        "      inspect(fun.(), limit: :infinity, printable_limit: :infinity)\n",
        "    rescue\n",
        "      e -> \"** (\" <> inspect(e.__struct__) <> \") \" <> Exception.message(e)\n",
        "    catch\n",
        "      kind, value -> \"** (\" <> Atom.to_string(kind) <> \") \" <> inspect(value)\n",
        "    end\n",
        "  end\n",
        "end\n\n",
        # Struct literals must be compiled after the struct's module is
        # defined: the cases live in functions of a later module.
        "defmodule Battery.Cases do\n",
        results
        |> Enum.filter(fn {_file, line, _ok, _} -> portable?(line) end)
        |> Enum.chunk_every(50)
        |> Enum.with_index()
        |> Enum.map(fn {chunk, i} ->
          [
            "  def run#{i} do\n",
            for {_file, line, _ok, _} <- chunk do
              "    IO.puts(#{inspect(line)})\n    IO.puts(\"=> \" <> Battery.show(fn -> #{line} end))\n"
            end,
            "  end\n\n"
          ]
        end),
        "end\n\n",
        results
        |> Enum.filter(fn {_file, line, _ok, _} -> portable?(line) end)
        |> Enum.chunk_every(50)
        |> Enum.with_index()
        |> Enum.map(fn {_, i} -> "Battery.Cases.run#{i}()\n" end)
      ]

    path = Path.join(@root, "tests/lib/battery.exs")
    File.write!(path, script)
    {out, _} = System.cmd("elixir", [path], stderr_to_stdout: false)
    File.write!(Path.join(@root, "tests/lib/battery.out"), out)
    IO.puts("wrote tests/lib/battery.exs and battery.out")
  end
end

Harness.main(System.argv())
