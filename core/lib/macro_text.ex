defmodule :genlab_macro_text do
  # Macro.to_string/1: quoted code as Elixir's formatter writes it, as an
  # Inspect.Algebra document laid out at 98 columns: operators by
  # precedence with the formatter's parentheses and breaks, containers and
  # call arguments one per line when they do not fit (a last list, map or
  # fn argument breaking on its own), pipelines one step a line,
  # do-blocks, fn and clause lists (blank lines between clauses and
  # statements that take several lines), sigil-free literals, interpolated
  # strings.
  import Inspect.Algebra,
    only: [concat: 1, concat: 2, nest: 2, nest: 3, break: 1, flex_break: 1, group: 1, line: 0, next_break_fits: 1]

  @width 98

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

  def to_string(ast), do: ast |> expr() |> Inspect.Algebra.format(@width) |> IO.iodata_to_binary()

  # Code.quoted_to_algebra/2: the document to_string/1 lays out
  def to_algebra(ast), do: expr(ast)

  # ---- layout helpers -------------------------------------------------------

  # A blank line: no spaces on it, whatever the indentation.
  defp blank_line, do: concat(nest(line(), :reset), line())

  # Whether a document takes more than one line where it stands: the
  # indentation of the statements being built is kept while they are.
  defp multiline?(doc) do
    width = max(@width - Process.get(:genlab_macro_indent, 0), 1)
    String.contains?(IO.iodata_to_binary(Inspect.Algebra.format(doc, width)), "\n")
  end

  # Builds what fun builds, n columns further in.
  defp indented(n, fun) do
    before = Process.get(:genlab_macro_indent, 0)
    Process.put(:genlab_macro_indent, before + n)

    try do
      fun.()
    after
      Process.put(:genlab_macro_indent, before)
    end
  end

  defp join(docs, sep), do: docs |> Enum.intersperse(sep) |> concat()
  defp comma_join(docs), do: join(docs, concat(",", break(" ")))

  # open, the items one a line (nested by 2) when they do not fit, close
  defp container(open, [], close), do: concat(open, close)

  defp container(open, docs, close),
    do: group(concat([open, nest(concat(break(""), comma_join(docs)), 2), break(""), close]))

  # ---- expressions --------------------------------------------------------

  defp expr({:__block__, _, [single]}), do: expr(single)
  defp expr({:__block__, _, exprs}) when is_list(exprs), do: statements(exprs)

  defp expr({:__aliases__, _, parts}) do
    parts
    |> Enum.map(fn
      part when is_atom(part) -> Atom.to_string(part)
      other -> expr(other)
    end)
    |> join(".")
  end

  defp expr({:__MODULE__, _, ctx}) when is_atom(ctx), do: "__MODULE__"
  defp expr({var, _, ctx}) when is_atom(var) and is_atom(ctx), do: Atom.to_string(var)
  defp expr({:fn, _, clauses}), do: fn_doc(clauses)

  defp expr({:%{}, _, [{:|, _, [map, pairs]}]}),
    do: update_doc("%{", map, pairs)

  defp expr({:%{}, _, pairs}), do: container("%{", pair_docs(pairs), "}")

  defp expr({:%, _, [name, {:%{}, _, [{:|, _, [map, pairs]}]}]}),
    do: update_doc(concat(["%", expr(name), "{"]), map, pairs)

  defp expr({:%, _, [name, {:%{}, _, pairs}]}), do: container(concat(["%", expr(name), "{"]), pair_docs(pairs), "}")

  defp expr({:{}, _, items}), do: tuple_doc(items)

  defp expr({:<<>>, _, parts}) do
    if interpolation?(parts), do: interpolated(parts), else: concat(["<<", bits_doc(parts), ">>"])
  end

  defp expr({:&, _, [{:/, _, [{{:., _, [mod, fun]}, _, []}, arity]}]}) when is_atom(fun),
    do: concat(["&", expr(mod), ".", fun_name(fun), "/", expr(arity)])

  defp expr({:&, _, [{:/, _, [{fun, _, ctx}, arity]}]}) when is_atom(fun) and is_atom(ctx),
    do: concat(["&", Atom.to_string(fun), "/", expr(arity)])

  defp expr({:&, _, [n]}) when is_integer(n), do: "&" <> Integer.to_string(n)

  defp expr({:&, _, [body]}) do
    if binary_op?(body), do: concat(["&(", expr(body), ")"]), else: concat("&", expr(body))
  end

  defp expr({:@, _, [{name, _, ctx}]}) when is_atom(name) and is_atom(ctx), do: "@" <> Atom.to_string(name)
  defp expr({:@, _, [{name, _, [value]}]}) when is_atom(name), do: concat(["@", Atom.to_string(name), " ", expr(value)])
  defp expr({:.., _, []}), do: ".."

  defp expr({:"..//", _, [first, last, step]}),
    do: concat([operand(first, 140, :left, :..), "..", operand(last, 140, :right, :..), "//", operand(step, 140, :right, :..)])

  defp expr({:not, _, [{:in, _, [left, right]}]}),
    do: concat([operand(left, 120, :left, :in), " not in ", operand(right, 120, :right, :in)])

  defp expr({:|>, _, [_, _]} = ast) do
    [first | steps] = pipeline(ast, [])
    group(concat([operand(first, 110, :left, :|>) | Enum.map(steps, &concat([break(" "), "|> ", operand(&1, 110, :right, :|>)]))]))
  end

  defp expr({op, _, [left, right]}) when is_atom(op) and op in @binary_op_names do
    {prec, _assoc} = Keyword.fetch!(@binary_ops, op)
    l = operand(left, prec, :left, op)
    r = operand(right, prec, :right, op)

    cond do
      op == :.. -> concat([l, "..", r])
      # a guard goes to the next line, where the arguments start
      op == :when -> group(concat([l, break(" "), "when ", r]))
      # the right side on its own line, nested, when it does not fit
      # (a list, map or fn there breaks on its own first)
      op in [:=, :"::", :<-, :"\\\\"] ->
        r = if next_break_fits?(right), do: next_break_fits(r), else: r
        group(concat([l, " ", Atom.to_string(op), nest(concat(break(" "), r), 2, :break)]))

      # operands fill the line, the rest nested
      true ->
        group(concat([l, " ", Atom.to_string(op), nest(concat(flex_break(" "), r), 2)]))
    end
  end

  defp expr({op, _, [arg]}) when op in @unary_ops do
    inner = expr(arg)
    text = Atom.to_string(op)

    cond do
      binary_op?(arg) and op == :not -> concat(["not (", inner, ")"])
      binary_op?(arg) -> concat([text, "(", inner, ")"])
      op == :not -> concat("not ", inner)
      true -> concat(text, inner)
    end
  end

  # remote calls and field access
  defp expr({{:., _, [fun]}, _, args}), do: concat([expr(fun), ".", paren_args(args)])

  defp expr({{:., _, [left, :{}]}, _, args}), do: concat([remote_target(left), ".", tuple_doc(args)])

  defp expr({{:., _, [left, field]}, meta, []}) when is_atom(field) do
    if Keyword.get(meta, :no_parens, false),
      do: concat([remote_target(left), ".", fun_name(field)]),
      else: concat([remote_target(left), ".", fun_name(field), "()"])
  end

  defp expr({{:., _, [left, fun]}, _, args}) when is_atom(fun),
    do: call_doc(concat([remote_target(left), ".", fun_name(fun)]), fun, args, false)

  defp expr({name, _, args}) when is_atom(name) and is_list(args), do: call_doc(Atom.to_string(name), name, args, true)
  defp expr({fun, _, args}) when is_list(args), do: concat(expr(fun), paren_args(args))
  defp expr({left, right}), do: tuple_doc([left, right])
  defp expr([{:->, _, _} | _] = clauses), do: concat(["(", clauses_doc(clauses), ")"])

  defp expr(list) when is_list(list) do
    cond do
      list != [] and List.ascii_printable?(list) -> inspect(list)
      keyword?(list) -> container("[", kw_docs(list), "]")
      true -> list_doc(list)
    end
  end

  defp expr(other), do: inspect(other, printable_limit: :infinity, limit: :infinity)

  # %{map | pairs}: the pairs one a line when they do not fit
  defp update_doc(open, map, pairs) do
    rest = concat([break(" "), "| ", nest(comma_join(pair_docs(pairs)), 2)])
    group(concat([open, nest(concat([break(""), expr(map), rest]), 2), break(""), "}"]))
  end

  defp pipeline({:|>, _, [left, right]}, acc), do: pipeline(left, [right | acc])
  defp pipeline(first, acc), do: [first | acc]

  # Statements, one a line; one that takes several lines has a blank line
  # before and after it.
  defp statements(exprs) do
    [{first, first_multi} | rest] = Enum.map(exprs, fn e -> d = expr(e); {d, multiline?(d)} end)

    rest
    |> Enum.reduce({first, first_multi}, fn {doc, multi}, {acc, prev_multi} ->
      {concat([acc, if(multi or prev_multi, do: blank_line(), else: line()), doc]), multi}
    end)
    |> elem(0)
  end

  # ---- calls --------------------------------------------------------------

  defp call_doc(name_doc, name, args, local?) do
    {args, blocks} = split_blocks(args)
    parens? = not (local? and no_parens?(name, length(args) + if(blocks, do: 1, else: 0)))

    head =
      cond do
        args == [] and blocks -> name_doc
        args == [] -> concat(name_doc, "()")
        parens? -> concat(name_doc, paren_args(args))
        # no parentheses: the arguments line up after the name
        true -> concat([name_doc, " ", nest(group(flat_args(args)), :cursor)])
      end

    if blocks, do: blocks_doc(head, blocks), else: head
  end

  defp no_parens?(name, arity) do
    case Map.get(@no_parens, name) do
      nil -> false
      :any -> true
      arities -> arity in arities
    end
  end

  # (args): one a line when they do not fit; a last list, map or fn breaks
  # on its own first; a last keyword list after other arguments keeps
  # them on the first line.
  defp paren_args([]), do: "()"

  defp paren_args(args) do
    last = List.last(args)
    init = Enum.drop(args, -1)

    cond do
      init != [] and keyword?(last) ->
        group(
          concat([
            "(",
            join(Enum.map(init, &expr/1), ", "),
            ",",
            nest(concat(break(" "), comma_join(kw_docs(last))), 2),
            break(""),
            ")"
          ])
        )

      keyword?(last) ->
        container("(", kw_docs(last), ")")

      next_break_fits?(last) ->
        docs = Enum.map(init, &expr/1) ++ [next_break_fits(expr(last))]
        group(concat(["(", nest(concat(break(""), comma_join(docs)), 2, :break), break(""), ")"]))

      true ->
        container("(", Enum.map(args, &expr/1), ")")
    end
  end

  defp next_break_fits?({:fn, _, _}), do: true
  defp next_break_fits?({:%{}, _, _}), do: true
  defp next_break_fits?({:%, _, _}), do: true
  defp next_break_fits?(list) when is_list(list) and list != [], do: not List.ascii_printable?(list)
  defp next_break_fits?(_), do: false

  # arguments without parentheses, a trailing keyword list bare
  defp flat_args(args) do
    case List.last(args) do
      last when is_list(last) and last != [] ->
        if keyword?(last),
          do: comma_join(Enum.map(Enum.drop(args, -1), &expr/1) ++ kw_docs(last)),
          else: comma_join(Enum.map(args, &expr/1))

      _ ->
        comma_join(Enum.map(args, &expr/1))
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

  defp blocks_doc(head, blocks) do
    parts =
      for {key, body} <- blocks do
        header = if key == :do, do: " do", else: concat(line(), Atom.to_string(key))
        concat(header, nest(concat(line(), indented(2, fn -> body_doc(body) end)), 2))
      end

    concat([head | parts] ++ [line(), "end"])
  end

  defp body_doc([{:->, _, _} | _] = clauses), do: clauses_doc(clauses)
  defp body_doc(body), do: expr(body)

  # Clauses one a line; when one takes several lines every body goes on
  # the line after its arrow and blank lines part the clauses.
  defp clauses_doc(clauses) do
    parts =
      Enum.map(clauses, fn {:->, _, [params, body]} ->
        head = if params == [], do: "", else: args_doc(params)
        {head, indented(2, fn -> expr(body) end), multi_statement?(body)}
      end)

    flat = Enum.map(parts, &clause_doc(&1, false))

    if Enum.any?(flat, &multiline?/1),
      do: join(Enum.map(parts, &clause_doc(&1, true)), blank_line()),
      else: join(flat, line())
  end

  defp clause_doc({head, body, multi}, broken) do
    if broken or multi,
      do: concat([head, " ->", nest(concat(line(), body), 2)]),
      else: group(concat([head, " ->", nest(concat(break(" "), body), 2)]))
  end

  defp args_doc(params), do: join(Enum.map(params, &expr/1), ", ")

  defp fn_doc([{:->, _, [params, body]}]) do
    lead = if params == [], do: "fn ->", else: concat(["fn ", args_doc(params), " ->"])
    sep = if multi_statement?(body), do: line(), else: break(" ")
    group(concat([lead, nest(concat(sep, indented(2, fn -> expr(body) end)), 2), sep, "end"]))
  end

  defp fn_doc(clauses), do: concat(["fn", nest(concat(line(), indented(2, fn -> clauses_doc(clauses) end)), 2), line(), "end"])

  defp multi_statement?({:__block__, _, [_, _ | _]}), do: true
  defp multi_statement?(_), do: false

  # ---- operators ----------------------------------------------------------

  defp binary_op?({op, _, [_, _]}) when is_atom(op), do: op in @binary_op_names
  defp binary_op?(_), do: false

  defp operand({op, _, [_, _]} = ast, prec, side, parent) when is_atom(op) and op in @binary_op_names do
    {child_prec, assoc} = Keyword.fetch!(@binary_ops, op)

    parens? =
      child_prec < prec or
        (child_prec == prec and
           (op != parent and (parent in @parens_on_same_precedence or parent in @logical) or
              (assoc == :left and side == :right) or (assoc == :right and side == :left))) or
        (parent in [:||, :|||, :or] and op in [:&&, :&&&, :and]) or
        (parent in @pipelines and op not in @pipelines)

    if parens?, do: concat(["(", expr(ast), ")"]), else: expr(ast)
  end

  defp operand(ast, _prec, _side, _parent), do: expr(ast)

  defp remote_target({:__aliases__, _, _} = alias), do: expr(alias)
  defp remote_target(atom) when is_atom(atom), do: inspect(atom)
  defp remote_target(other), do: if(binary_op?(other), do: concat(["(", expr(other), ")"]), else: expr(other))

  defp fun_name(name) do
    text = Atom.to_string(name)

    if Regex.match?(~r/^[a-z_][a-zA-Z0-9_]*[?!]?$/, text) or name in @binary_op_names or name in @unary_ops,
      do: text,
      else: inspect(text)
  end

  # ---- containers -----------------------------------------------------------

  # Tuples fill their lines (nested by 1) before they break.
  defp tuple_doc([]), do: "{}"

  defp tuple_doc(items),
    do: group(concat(["{", nest(join(Enum.map(items, &expr/1), concat(",", flex_break(" "))), 1), "}"]))

  defp list_doc(list) do
    case :lists.reverse(list) do
      [{:|, _, [head, tail]} | rest] ->
        docs = Enum.map(:lists.reverse(rest), &expr/1) ++ [concat([expr(head), " | ", expr(tail)])]
        container("[", docs, "]")

      _ ->
        container("[", Enum.map(list, &expr/1), "]")
    end
  end

  defp keyword?(list) do
    is_list(list) and list != [] and
      Enum.all?(list, fn
        {key, _} when is_atom(key) -> true
        _ -> false
      end)
  end

  defp kw_docs(list), do: Enum.map(list, fn {key, value} -> concat([key_text(key), " ", expr(value)]) end)

  defp key_text(key) do
    text = Atom.to_string(key)
    if Regex.match?(~r/^[a-zA-Z_][a-zA-Z0-9_]*[?!]?$/, text), do: text <> ":", else: inspect(text) <> ":"
  end

  defp pair_docs(pairs) do
    {assoc, kw} = Enum.split_while(pairs, fn {k, _} -> not is_atom(k) end)
    Enum.map(assoc, fn {k, v} -> concat([expr(k), " => ", expr(v)]) end) ++ kw_docs(kw)
  end

  defp bits_doc(parts) do
    parts
    |> Enum.map(fn
      {:"::", _, [value, spec]} -> concat([expr(value), "::", expr(spec)])
      other -> expr(other)
    end)
    |> join(", ")
  end

  # "text #{expr}": {:<<>>, _, ["text ", {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [expr]}, {:binary, _, _}]}]}
  defp interpolation?(parts) do
    Enum.all?(parts, fn
      part when is_binary(part) -> true
      {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [_]}, {:binary, _, _}]} -> true
      _ -> false
    end) and Enum.any?(parts, &(not is_binary(&1)))
  end

  defp interpolated(parts) do
    body =
      Enum.map(parts, fn
        part when is_binary(part) -> part |> inspect() |> String.slice(1..-2)
        {:"::", _, [{_, _, [value]}, _]} -> ["\#{", Inspect.Algebra.format(expr(value), :infinity), "}"]
      end)

    IO.iodata_to_binary(["\"", body, "\""])
  end
end
