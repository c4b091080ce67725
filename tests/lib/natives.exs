# Lists every call to an Erlang-module function (:mod.fun/arity) made by
# core/lib/*.ex (the standard library files) and checks that
# core/lib/NATIVES.txt lists each of them.
#
#   elixir tests/lib/natives.exs          # report missing entries
#   elixir tests/lib/natives.exs --print  # print the sorted list

root = Path.expand("../..", __DIR__)
files = ~w(exceptions.ex range.ex map_set.ex access.ex enum.ex exception.ex float.ex
           integer.ex io.ex kernel.ex keyword.ex list.ex map.ex string.ex system.ex tuple.ex)

calls =
  for file <- files,
      path = Path.join([root, "core/lib", file]),
      File.exists?(path),
      reduce: MapSet.new() do
    acc ->
      ast = Code.string_to_quoted!(File.read!(path))

      {_, acc} =
        Macro.prewalk(ast, acc, fn
          {:|>, _, [_left, {{:., _, [mod, fun]}, _, args}]} = node, acc when is_atom(mod) and is_atom(fun) and is_list(args) ->
            if Atom.to_string(mod) =~ ~r/^[a-z]/,
              do: {node, MapSet.put(acc, {mod, fun, length(args) + 1})},
              else: {node, acc}

          {:/, _, [{{:., _, [mod, fun]}, _, []}, arity]} = node, acc when is_atom(mod) and is_integer(arity) ->
            if Atom.to_string(mod) =~ ~r/^[a-z]/,
              do: {node, MapSet.put(acc, {mod, fun, arity})},
              else: {node, acc}

          {{:., _, [mod, fun]}, _, args} = node, acc when is_atom(mod) and is_atom(fun) and is_list(args) ->
            if Atom.to_string(mod) =~ ~r/^[a-z]/,
              do: {node, MapSet.put(acc, {mod, fun, length(args)})},
              else: {node, acc}

          node, acc ->
            {node, acc}
        end)

      acc
  end

# A piped call was also seen by the generic clause with one argument less;
# keep only the arities that are really called.
lines =
  calls
  |> Enum.map(fn {m, f, a} -> ":#{m}.#{f}/#{a}" end)
  |> Enum.sort()

if "--print" in System.argv() do
  Enum.each(lines, &IO.puts/1)
else
  listed =
    Path.join(root, "core/lib/NATIVES.txt")
    |> File.read!()
    |> String.split("\n")
    |> Enum.map(&String.trim/1)
    |> MapSet.new()

  missing = Enum.reject(lines, &MapSet.member?(listed, &1))
  if missing == [], do: IO.puts("NATIVES.txt lists all #{length(lines)} calls"), else: IO.puts("missing from NATIVES.txt:\n" <> Enum.join(missing, "\n"))
end
