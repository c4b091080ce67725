defmodule :genlab_macro_text do
  # Macro.to_string/1: quoted code as Elixir's formatter writes it (without
  # its line breaking at 98 columns): operators by precedence with the
  # formatter's parentheses, do-blocks, fn and clause lists, sigil-free
  # literals, interpolated strings.

  @binary_ops [
    {:"\\\\", {10, :left}}, {:<-, {10, :left}}, {:when, {20, :right}}, {:"::", {30, :right}},
    {:|, {40, :right}}, {:"=>", {45, :right}}, {:=, {60, :right}},
    {:||, {70, :left}}, {:|||, {70, :left}}, {:or, {70, :left}},
    {:&&, {80, :left}}, {:&&&, {80, :left}}, {:and, {80, :left}},
    {:==, {90, :left}}, {:!=, {90, :left}}, {:=~, {90, :left}}, {:===, {90, :left}}, {:!==, {90, :left}},
    {:<, {100, :left}}, {:>, {100, :left}}, {:<=, {100, :left}}, {:>=, {100, :left}},
    {:|>, {110, :left}}, {:<<<, {110, :left}}, {:>>>, {110, :left}}, {:<<~, {110, :left}},
    {:~>>, {110, :left}}, {:<~, {110, :left}}, {:~>, {110, :left}}, {:<~>, {110, :left}}, {:"<|>", {110, :left}},
    {:in, {120, :left}},
    {:^^^, {130, :left}},
    {:++, {140, :right}}, {:--, {140, :right}}, {:+++, {140, :right}}, {:---, {140, :right}},
    {:.., {140, :right}}, {:<>, {140, :right}},
    {:+, {150, :left}}, {:-, {150, :left}},
    {:*, {160, :left}}, {:/, {160, :left}},
    {:**, {170, :left}}
  ]
  @binary_op_names Keyword.keys(@binary_ops)

  @unary_ops [:!, :^, :not, :-, :+, :&, :@]

  # The formatter writes these operands of a different operator with the
  # same precedence in parentheses.
  @parens_on_same_precedence [:|>, :<<<, :>>>, :<~, :~>, :<<~, :~>>, :<~>, :"<|>", :in, :++, :--, :.., :<>]
  @logical [:||, :|||, :or, :&&, :&&&, :and]
  @pipelines [:|>, :~>>, :<<~, :~>, :<~, :<~>, :"<|>"]

  @no_parens %{
    alias: [1, 2], case: [2], cond: [1], for: :any, import: [1, 2], quote: [1, 2], receive: [1],
    require: [1, 2], try: [1], with: :any, def: [1, 2], defp: [1, 2], defguard: [1], defguardp: [1],
    defmacro: [1, 2], defmacrop: [1, 2], defmodule: [2], defdelegate: [2], defexception: [1],
    defoverridable: [1], defstruct: [1], destructure: [2], raise: [1, 2], reraise: [2, 3], if: [2],
    unless: [2], use: [1, 2], defimpl: [2, 3], defprotocol: [2]
  }

  @block_keys [:do, :else, :catch, :rescue, :after]

  def to_string(ast), do: IO.iodata_to_binary(expr(ast, 0))

  # ---- expressions --------------------------------------------------------

  defp expr({:__block__, _, [single]}, indent), do: expr(single, indent)

  defp expr({:__block__, _, exprs}, indent) when is_list(exprs) do
    Enum.map_intersperse(exprs, ["\n", pad(indent)], &expr(&1, indent))
  end

  defp expr({:__aliases__, _, parts}, indent) do
    Enum.map_intersperse(parts, ".", fn
      part when is_atom(part) -> Atom.to_string(part)
      other -> expr(other, indent)
    end)
  end

  defp expr({:__MODULE__, _, ctx}, _indent) when is_atom(ctx), do: "__MODULE__"

  defp expr({var, _, ctx}, _indent) when is_atom(var) and is_atom(ctx), do: Atom.to_string(var)

  defp expr({:fn, _, clauses}, indent), do: fn_doc(clauses, indent)

  defp expr({:%{}, _, [{:|, _, [map, pairs]}]}, indent),
    do: ["%{", expr(map, indent), " | ", pairs_doc(pairs, indent), "}"]

  defp expr({:%{}, _, pairs}, indent), do: ["%{", pairs_doc(pairs, indent), "}"]

  defp expr({:%, _, [name, {:%{}, _, [{:|, _, [map, pairs]}]}]}, indent),
    do: ["%", expr(name, indent), "{", expr(map, indent), " | ", pairs_doc(pairs, indent), "}"]

  defp expr({:%, _, [name, {:%{}, _, pairs}]}, indent),
    do: ["%", expr(name, indent), "{", pairs_doc(pairs, indent), "}"]

  defp expr({:{}, _, items}, indent), do: ["{", args_doc(items, indent), "}"]

  defp expr({:<<>>, _, parts}, indent) do
    if interpolation?(parts), do: interpolated(parts, indent), else: ["<<", bits_doc(parts, indent), ">>"]
  end

  defp expr({:&, _, [{:/, _, [{{:., _, [mod, fun]}, _, []}, arity]}]}, indent) when is_atom(fun),
    do: ["&", expr(mod, indent), ".", fun_name(fun), "/", expr(arity, indent)]

  defp expr({:&, _, [{:/, _, [{fun, _, ctx}, arity]}]}, indent) when is_atom(fun) and is_atom(ctx),
    do: ["&", Atom.to_string(fun), "/", expr(arity, indent)]

  defp expr({:&, _, [n]}, _indent) when is_integer(n), do: ["&", Integer.to_string(n)]

  defp expr({:&, _, [body]}, indent) do
    if binary_op?(body), do: ["&(", expr(body, indent), ")"], else: ["&", expr(body, indent)]
  end

  defp expr({:@, _, [{name, _, ctx}]}, _indent) when is_atom(name) and is_atom(ctx), do: ["@", Atom.to_string(name)]

  defp expr({:@, _, [{name, _, [value]}]}, indent) when is_atom(name), do: ["@", Atom.to_string(name), " ", expr(value, indent)]

  defp expr({:.., _, []}, _indent), do: ".."

  defp expr({:"..//", _, [first, last, step]}, indent),
    do: [operand(first, 140, :left, :.., indent), "..", operand(last, 140, :right, :.., indent), "//", operand(step, 140, :right, :.., indent)]

  defp expr({:not, _, [{:in, _, [left, right]}]}, indent),
    do: [operand(left, 120, :left, :in, indent), " not in ", operand(right, 120, :right, :in, indent)]

  defp expr({op, _, [left, right]} = ast, indent) when is_atom(op) and op in @binary_op_names do
    {prec, _assoc} = Keyword.fetch!(@binary_ops, op)
    sep = if op == :.., do: "", else: " "
    _ = ast
    [operand(left, prec, :left, op, indent), sep, Atom.to_string(op), sep, operand(right, prec, :right, op, indent)]
  end

  defp expr({op, _, [arg]}, indent) when op in @unary_ops do
    inner = expr(arg, indent)
    text = Atom.to_string(op)

    cond do
      binary_op?(arg) and op == :not -> ["not (", inner, ")"]
      binary_op?(arg) -> [text, "(", inner, ")"]
      op == :not -> ["not ", inner]
      true -> [text, inner]
    end
  end

  # remote calls and field access
  defp expr({{:., _, [fun]}, _, args}, indent), do: [expr(fun, indent), ".(", args_doc(args, indent), ")"]

  defp expr({{:., _, [left, :{}]}, _, args}, indent), do: [remote_target(left, indent), ".{", args_doc(args, indent), "}"]

  defp expr({{:., _, [left, field]}, meta, []}, indent) when is_atom(field) do
    if Keyword.get(meta, :no_parens, false),
      do: [remote_target(left, indent), ".", fun_name(field)],
      else: [remote_target(left, indent), ".", fun_name(field), "()"]
  end

  defp expr({{:., _, [left, fun]}, _, args}, indent) when is_atom(fun),
    do: call_doc([remote_target(left, indent), ".", fun_name(fun)], fun, args, indent, false)

  defp expr({name, _, args}, indent) when is_atom(name) and is_list(args),
    do: call_doc(Atom.to_string(name), name, args, indent, true)

  defp expr({fun, _, args}, indent) when is_list(args),
    do: [expr(fun, indent), "(", args_doc(args, indent), ")"]

  defp expr({left, right}, indent), do: ["{", expr(left, indent), ", ", expr(right, indent), "}"]

  defp expr([{:->, _, _} | _] = clauses, indent), do: ["(", clauses_doc(clauses, indent), ")"]

  defp expr(list, indent) when is_list(list) do
    cond do
      list != [] and List.ascii_printable?(list) -> inspect(list)
      keyword?(list) -> ["[", kw_doc(list, indent), "]"]
      true -> list_doc(list, indent)
    end
  end

  defp expr(other, _indent), do: inspect(other, printable_limit: :infinity, limit: :infinity)

  # ---- calls --------------------------------------------------------------

  defp call_doc(name_doc, name, args, indent, local?) do
    {args, blocks} = split_blocks(args)
    parens? = not (local? and no_parens?(name, length(args) + if(blocks, do: 1, else: 0)))

    head =
      cond do
        args == [] and blocks -> name_doc
        args == [] -> [name_doc, "()"]
        parens? -> [name_doc, "(", args_doc(args, indent), ")"]
        true -> [name_doc, " ", args_doc(args, indent)]
      end

    if blocks, do: [head, blocks_doc(blocks, indent)], else: head
  end

  defp no_parens?(name, arity) do
    case Map.get(@no_parens, name) do
      nil -> false
      :any -> true
      arities -> arity in arities
    end
  end

  # A last keyword argument that starts with do: is written as do-end.
  defp split_blocks(args) do
    case List.last(args) do
      [{:do, _} | _] = kw ->
        if Enum.all?(kw, fn {k, _} -> k in @block_keys end),
          do: {Enum.drop(args, -1), kw},
          else: {args, nil}

      _ ->
        {args, nil}
    end
  end

  defp blocks_doc(blocks, indent) do
    parts =
      for {key, body} <- blocks do
        header = if key == :do, do: " do", else: ["\n", pad(indent), Atom.to_string(key)]
        [header, "\n", pad(indent + 2), body_doc(body, indent + 2)]
      end

    [parts, "\n", pad(indent), "end"]
  end

  defp body_doc([{:->, _, _} | _] = clauses, indent), do: clauses_doc(clauses, indent)
  defp body_doc(body, indent), do: expr(body, indent)

  defp clauses_doc(clauses, indent) do
    Enum.map_intersperse(clauses, ["\n", pad(indent)], fn {:->, _, [params, body]} ->
      if multiline?(body),
        do: [params_doc(params, indent), " ->\n", pad(indent + 2), expr(body, indent + 2)],
        else: [params_doc(params, indent), " -> ", expr(body, indent + 2)]
    end)
  end

  defp params_doc([], _indent), do: ""
  defp params_doc(params, indent), do: args_doc(params, indent)

  defp fn_doc([{:->, _, [params, body]}] = clauses, indent) do
    if multiline?(body), do: fn_doc_lines(clauses, indent), else: fn_doc_line(params, body, indent)
  end

  defp fn_doc(clauses, indent), do: fn_doc_lines(clauses, indent)

  defp fn_doc_line(params, body, indent) do
    lead = if params == [], do: "fn -> ", else: ["fn ", params_doc(params, indent), " -> "]
    [lead, expr(body, indent), " end"]
  end

  defp fn_doc_lines([{:->, _, [params, body]}], indent) do
    lead = if params == [], do: "fn ->", else: ["fn ", params_doc(params, indent), " ->"]
    [lead, "\n", pad(indent + 2), expr(body, indent + 2), "\n", pad(indent), "end"]
  end

  defp fn_doc_lines(clauses, indent), do: ["fn\n", pad(indent + 2), clauses_doc(clauses, indent + 2), "\n", pad(indent), "end"]

  defp multiline?({:__block__, _, [_, _ | _]}), do: true
  defp multiline?(_), do: false

  # ---- operators ----------------------------------------------------------

  defp binary_op?({op, _, [_, _]}) when is_atom(op), do: op in @binary_op_names
  defp binary_op?(_), do: false

  defp operand({op, _, [_, _]} = ast, prec, side, parent, indent) when is_atom(op) and op in @binary_op_names do
    {child_prec, assoc} = Keyword.fetch!(@binary_ops, op)

    parens? =
      child_prec < prec or
        (child_prec == prec and
           (op != parent and (parent in @parens_on_same_precedence or parent in @logical) or
              (assoc == :left and side == :right) or (assoc == :right and side == :left))) or
        (parent in [:||, :|||, :or] and op in [:&&, :&&&, :and]) or
        (parent in @pipelines and op not in @pipelines)

    if parens?, do: ["(", expr(ast, indent), ")"], else: expr(ast, indent)
  end

  defp operand(ast, _prec, _side, _parent, indent), do: expr(ast, indent)

  defp remote_target({:__aliases__, _, _} = alias, indent), do: expr(alias, indent)
  defp remote_target(atom, _indent) when is_atom(atom), do: inspect(atom)
  defp remote_target(other, indent), do: if(binary_op?(other), do: ["(", expr(other, indent), ")"], else: expr(other, indent))

  defp fun_name(name) do
    text = Atom.to_string(name)

    if Regex.match?(~r/^[a-z_][a-zA-Z0-9_]*[?!]?$/, text) or name in @binary_op_names or name in @unary_ops,
      do: text,
      else: inspect(text)
  end

  # ---- containers -----------------------------------------------------------

  defp args_doc(args, indent) do
    case List.last(args) do
      last when is_list(last) and last != [] ->
        if keyword?(last) do
          Enum.map_intersperse(Enum.drop(args, -1), ", ", &expr(&1, indent))
          |> then(&if(&1 == [], do: kw_doc(last, indent), else: [&1, ", ", kw_doc(last, indent)]))
        else
          Enum.map_intersperse(args, ", ", &expr(&1, indent))
        end

      _ ->
        Enum.map_intersperse(args, ", ", &expr(&1, indent))
    end
  end

  defp list_doc(list, indent) do
    case :lists.reverse(list) do
      [{:|, _, [head, tail]} | rest] ->
        items = :lists.reverse(rest) ++ [head]
        ["[", Enum.map_intersperse(items, ", ", &expr(&1, indent)), " | ", expr(tail, indent), "]"]

      _ ->
        ["[", Enum.map_intersperse(list, ", ", &expr(&1, indent)), "]"]
    end
  end

  defp keyword?(list) do
    list != [] and Enum.all?(list, fn
      {key, _} when is_atom(key) -> true
      _ -> false
    end)
  end

  defp kw_doc(list, indent) do
    Enum.map_intersperse(list, ", ", fn {key, value} -> [key_text(key), " ", expr(value, indent)] end)
  end

  defp key_text(key) do
    text = Atom.to_string(key)
    if Regex.match?(~r/^[a-zA-Z_][a-zA-Z0-9_]*[?!]?$/, text), do: text <> ":", else: inspect(text) <> ":"
  end

  defp pairs_doc(pairs, indent) do
    {assoc, kw} = Enum.split_while(pairs, fn {k, _} -> not is_atom(k) end)

    assoc_docs = Enum.map(assoc, fn {k, v} -> [expr(k, indent), " => ", expr(v, indent)] end)
    kw_docs = if kw == [], do: [], else: [kw_doc(kw, indent)]
    Enum.intersperse(assoc_docs ++ kw_docs, ", ")
  end

  defp bits_doc(parts, indent) do
    Enum.map_intersperse(parts, ", ", fn
      {:"::", _, [value, spec]} -> [expr(value, indent), "::", expr(spec, indent)]
      other -> expr(other, indent)
    end)
  end

  # "text #{expr}": {:<<>>, _, ["text ", {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [expr]}, {:binary, _, _}]}]}
  defp interpolation?(parts) do
    Enum.all?(parts, fn
      part when is_binary(part) -> true
      {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [_]}, {:binary, _, _}]} -> true
      _ -> false
    end) and Enum.any?(parts, &(not is_binary(&1)))
  end

  defp interpolated(parts, indent) do
    body =
      Enum.map(parts, fn
        part when is_binary(part) ->
          part |> inspect() |> String.slice(1..-2)

        {:"::", _, [{_, _, [value]}, _]} ->
          ["\#{", expr(value, indent), "}"]
      end)

    ["\"", body, "\""]
  end

  defp pad(n), do: :binary.copy(" ", n)
end
