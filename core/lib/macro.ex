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
