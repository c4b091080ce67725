# Macro: the parts that work on quoted terms without the compiler.
defmodule Macro do
  # Quoted code as Elixir's formatter writes it (core/lib/macro_text.ex).
  def to_string(quoted), do: :genlab_macro_text.to_string(quoted)

  # The quoted form that evaluates to `term`: two-element tuples and lists
  # stay as they are (escaped inside), other tuples become {:{}, [], ...},
  # maps {:%{}, [], pairs}.
  def escape(term, _opts \\ [])
  def escape({a, b}, opts), do: {escape(a, opts), escape(b, opts)}
  def escape(tuple, opts) when is_tuple(tuple), do: {:{}, [], Enum.map(Tuple.to_list(tuple), &escape(&1, opts))}

  def escape(map, opts) when is_map(map),
    do: {:%{}, [], Enum.map(:maps.to_list(map), fn {k, v} -> {escape(k, opts), escape(v, opts)} end)}

  def escape(list, opts) when is_list(list), do: escape_list(list, opts, [])
  def escape(other, _opts), do: other

  defp escape_list([], _opts, acc), do: :lists.reverse(acc)
  defp escape_list([h | t], opts, acc) when is_list(t), do: escape_list(t, opts, [escape(h, opts) | acc])
  defp escape_list([h | t], opts, acc), do: :lists.reverse(acc, [{:|, [], [escape(h, opts), escape(t, opts)]}])

  def var(name, context) when is_atom(name) and is_atom(context), do: {name, [], context}

  # Walks a quoted expression, pre-order, with an accumulator.
  def prewalk(ast, fun) when is_function(fun, 1), do: elem(prewalk(ast, nil, fn x, a -> {fun.(x), a} end), 0)
  def prewalk(ast, acc, fun) when is_function(fun, 2), do: traverse(ast, acc, fun, fn x, a -> {x, a} end)
  def postwalk(ast, fun) when is_function(fun, 1), do: elem(postwalk(ast, nil, fn x, a -> {fun.(x), a} end), 0)
  def postwalk(ast, acc, fun) when is_function(fun, 2), do: traverse(ast, acc, fn x, a -> {x, a} end, fun)

  def traverse(ast, acc, pre, post) do
    {ast, acc} = pre.(ast, acc)

    {ast, acc} =
      case ast do
        {form, meta, args} when is_atom(form) and is_list(args) ->
          {args, acc} = Enum.map_reduce(args, acc, &traverse(&1, &2, pre, post))
          {{form, meta, args}, acc}

        {form, meta, args} when is_list(args) ->
          {form, acc} = traverse(form, acc, pre, post)
          {args, acc} = Enum.map_reduce(args, acc, &traverse(&1, &2, pre, post))
          {{form, meta, args}, acc}

        {left, right} ->
          {left, acc} = traverse(left, acc, pre, post)
          {right, acc} = traverse(right, acc, pre, post)
          {{left, right}, acc}

        list when is_list(list) ->
          Enum.map_reduce(list, acc, &traverse(&1, &2, pre, post))

        other ->
          {other, acc}
      end

    post.(ast, acc)
  end

  # ---- expansion -------------------------------------------------------------------

  # One step of expansion of the node at the top: an alias to its module,
  # __MODULE__ to the module, a call of a loaded module's macro to what the
  # macro answers (with the caller's line where it has none). Anything else
  # stays as it is. (The compiler's own forms, if, unless, |> ..., are not
  # macros here and do not expand.)
  def expand_once(ast, env), do: elem(expand_step(ast, env), 0)

  # expand_once until the top no longer changes
  def expand(ast, env) do
    case expand_step(ast, env) do
      {expanded, true} -> expand(expanded, env)
      {same, false} -> same
    end
  end

  defp expand_step({:__aliases__, meta, [head | tail]} = alias, env) when is_atom(head) do
    case Keyword.get(meta, :alias) do
      module when is_atom(module) and module not in [nil, false] -> {module, true}
      false -> {Module.concat([head | tail]), true}
      nil -> {expand_alias(alias, env), true}
    end
  end

  defp expand_step({:__MODULE__, _, context}, env) when is_atom(context), do: {env.module, true}

  defp expand_step({{:., _, [target, name]}, meta, args} = ast, env) when is_atom(name) and is_list(args) do
    module =
      case target do
        {:__aliases__, _, _} -> elem(expand_step(target, env), 0)
        atom when is_atom(atom) -> atom
        _ -> nil
      end

    if is_atom(module) and module != nil and Code.ensure_loaded?(module) and macro_exported?(module, name, length(args)),
      do: {linify(:genlab.macro_apply(module, name, args), Keyword.get(meta, :line)), true},
      else: {ast, false}
  end

  defp expand_step(ast, _env), do: {ast, false}

  defp expand_alias({:__aliases__, _, [head | tail]}, env) do
    short = Module.concat([head])

    case List.keyfind(env.aliases, short, 0) do
      {^short, full} when tail == [] -> full
      {^short, full} -> Module.concat([full | tail])
      nil -> Module.concat([head | tail])
    end
  end

  defp linify(ast, line) when is_integer(line) and line > 0 do
    prewalk(ast, fn
      {left, meta, right} when is_list(meta) ->
        if Keyword.has_key?(meta, :line), do: {left, meta, right}, else: {left, [line: line] ++ meta, right}

      other ->
        other
    end)
  end

  defp linify(ast, _line), do: ast

  # ---- names ------------------------------------------------------------------

  # "FooBar" -> "foo_bar", "Foo.Bar" -> "foo/bar": an underscore before a
  # capital that follows a lowercase letter, digit or underscore, or that
  # starts a new word after capitals (HTTPServer -> http_server).
  def underscore(atom) when is_atom(atom) do
    "Elixir." <> rest = Atom.to_string(atom)
    underscore(rest)
  end

  def underscore(string) when is_binary(string) do
    chars = String.to_charlist(string)
    underscore_chars(chars, nil, []) |> :lists.reverse() |> List.to_string()
  end

  defp underscore_chars([], _prev, acc), do: acc
  defp underscore_chars([?. | rest], _prev, acc), do: underscore_chars(rest, ?., [?/ | acc])

  defp underscore_chars([c | rest], prev, acc) when c in ?A..?Z do
    next = List.first(rest)
    word_start =
      prev != nil and prev != ?. and
        (prev not in ?A..?Z or (next != nil and next in ?a..?z))

    acc = if word_start, do: [?_ | acc], else: acc
    underscore_chars(rest, c, [c + 32 | acc])
  end

  defp underscore_chars([c | rest], _prev, acc), do: underscore_chars(rest, c, [c | acc])

  # "foo_bar" -> "FooBar", "foo/bar" -> "Foo.Bar": each word's first letter
  # upcased, underscores dropped.
  # An underscore goes before a lowercase letter (upcased) or a digit;
  # before anything else it stays. "/" starts a new alias segment.
  def camelize(""), do: ""
  def camelize("_" <> rest), do: camelize(rest)
  def camelize(<<c, rest::binary>>) when c in ?a..?z, do: <<c - 32>> <> camelize_rest(rest)
  def camelize(<<c, rest::binary>>), do: <<c>> <> camelize_rest(rest)

  defp camelize_rest("__" <> rest), do: camelize_rest("_" <> rest)
  defp camelize_rest(<<?_, c, rest::binary>>) when c in ?a..?z, do: <<c - 32>> <> camelize_rest(rest)
  defp camelize_rest(<<?_, c, rest::binary>>) when c in ?0..?9, do: <<c>> <> camelize_rest(rest)
  defp camelize_rest("_"), do: ""
  defp camelize_rest("/" <> rest), do: "." <> camelize(rest)
  defp camelize_rest(<<c, rest::binary>>), do: <<c>> <> camelize_rest(rest)
  defp camelize_rest(""), do: ""

  # ---- calls and their arguments --------------------------------------------------

  def decompose_call({{:., _, [remote, fun]}, _, args}) when is_atom(fun) and is_list(args), do: {remote, fun, args}
  def decompose_call({name, _, args}) when is_atom(name) and is_list(args), do: {name, args}
  def decompose_call({name, _, context}) when is_atom(name) and is_atom(context), do: {name, []}
  def decompose_call(_), do: :error

  def unique_var(var, context) when is_atom(var) and is_atom(context),
    do: {var, [counter: :erlang.unique_integer([:positive])], context}

  def generate_arguments(0, context) when is_atom(context), do: []

  def generate_arguments(amount, context) when is_integer(amount) and amount > 0 and is_atom(context),
    do: for(i <- 1..amount, do: {String.to_atom("arg#{i}"), [], context})

  def update_meta({left, meta, right}, fun) when is_list(meta), do: {left, fun.(meta), right}
  def update_meta(other, _fun), do: other

  def pipe(expr, {:&, _, _} = call_args, _integer),
    do: raise(ArgumentError, "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, the :& operator can only take a function")

  def pipe(expr, {call, meta, context}, 0) when is_atom(call) and is_atom(context), do: {call, meta, [expr]}
  def pipe(expr, {call, meta, args}, integer) when is_list(args), do: {call, meta, List.insert_at(args, integer, expr)}

  def pipe(expr, call_args, _integer),
    do: raise(ArgumentError, "cannot pipe #{to_string(expr)} into #{to_string(call_args)}")

  def unpipe(expr), do: :lists.reverse(unpipe(expr, []))
  defp unpipe({:|>, _, [left, right]}, acc), do: [{right, 0} | unpipe(left, acc)]
  defp unpipe(other, acc), do: [{other, 0} | acc]

  # ---- what a quoted term is ----------------------------------------------------

  @binary_operators [:===, :!==, :==, :!=, :<=, :>=, :&&, :||, :<>, :++, :--, :"//", :"\\\\", :"::", :<-, :.., :|>, :=~,
                     :<, :>, :+, :-, :*, :/, :=, :|, :and, :or, :when, :in, :"~>>", :"<<~", :"~>", :"<~",
                     :"<~>", :"<|>", :"<<<", :">>>", :"|||", :"&&&", :"^^^", :"+++", :"---"]
  @unary_operators [:!, :^, :not, :+, :-, :"~~~", :&, :@]

  def operator?(:..//, 3), do: true
  def operator?(:.., 0), do: true
  # :// is no operator, though the parser gives it a precedence
  def operator?(name, 2) when is_atom(name), do: name in @binary_operators and name != :"//"
  def operator?(name, 1) when is_atom(name), do: name in @unary_operators
  def operator?(name, arity) when is_atom(name) and is_integer(arity), do: false

  @special_any [:__block__, :->, :<<>>, :{}, :%{}, :fn, :super, :for, :with, :__aliases__]
  @special_fixed [&: 1, ^: 1, =: 2, %: 2, "::": 2, .: 2, alias: 1, alias: 2, require: 1, require: 2, import: 1,
                  import: 2, quote: 1, quote: 2, unquote: 1, unquote_splicing: 1, cond: 1, case: 2, try: 1,
                  receive: 1, __CALLER__: 0, __DIR__: 0, __ENV__: 0, __MODULE__: 0, __STACKTRACE__: 0]

  def special_form?(name, arity) when is_atom(name) and is_integer(arity),
    do: name in @special_any or {name, arity} in @special_fixed

  def quoted_literal?({:__aliases__, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:%, _, [left, right]}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?({:%{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({left, right}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?(list) when is_list(list), do: Enum.all?(list, &quoted_literal?/1)
  def quoted_literal?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  # :ok for a valid quoted expression, else {:error, the first part that is not}
  def validate(expr) do
    case find_invalid(expr) do
      nil -> :ok
      bad -> {:error, bad}
    end
  end

  defp find_invalid({left, right}), do: find_invalid(left) || find_invalid(right)

  defp find_invalid({left, meta, right}) when is_list(meta) and (is_atom(right) or is_list(right)),
    do: find_invalid(left) || find_invalid(right)

  defp find_invalid(list) when is_list(list), do: Enum.find_value(list, &find_invalid/1)
  defp find_invalid(pid) when is_pid(pid), do: nil
  defp find_invalid(term) when is_atom(term) or is_number(term) or is_binary(term), do: nil
  defp find_invalid(other), do: other

  # the nodes in the order prewalk/postwalk visit them
  def prewalker(ast), do: ast |> prewalk([], fn node, acc -> {node, [node | acc]} end) |> elem(1) |> :lists.reverse()
  def postwalker(ast), do: ast |> postwalk([], fn node, acc -> {node, [node | acc]} end) |> elem(1) |> :lists.reverse()
end

defmodule Macro.Env do
  # What __ENV__ answers (core/lang/compile_expr.c fills it in).
  defstruct aliases: [],
            context: nil,
            context_modules: [],
            file: "nofile",
            function: nil,
            functions: [],
            lexical_tracker: nil,
            line: 0,
            macro_aliases: [],
            macros: [],
            module: nil,
            requires: [],
            tracers: [],
            versioned_vars: %{}

  def location(%Macro.Env{file: file, line: line}), do: [file: file, line: line]
  def stacktrace(%Macro.Env{} = env) do
    case env.function do
      nil -> [{env.module || :elixir_compiler_0, :__FILE__, 1, location(env)}]
      {name, arity} -> [{env.module, name, arity, location(env)}]
    end
  end
end
