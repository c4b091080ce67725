defmodule Inspect do
  # The Inspect protocol, consolidated by hand: the built-in types and
  # structs without an implementation of their own are shown by C
  # (core/data/inspect.c, through Inspect.Any); a user's defimpl or @derive
  # is found per struct as any protocol's (core/bif/protocol.c).

  def inspect(term, opts) do
    case :genlab.protocol_impl(Inspect, term, false) do
      nil -> Inspect.Any.inspect(term, opts)
      impl -> impl.inspect(term, opts)
    end
  end

  def impl_for(data) do
    case :genlab.protocol_impl(Inspect, data, false) do
      nil -> Inspect.Any
      impl -> impl
    end
  end

  def impl_for!(data), do: impl_for(data)

  def __protocol__(:module), do: Inspect
  def __protocol__(:functions), do: [inspect: 2]
  # what defimpl must define (the compiler's warnings about implementations)
  @callback inspect(t, term) :: term
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated
end

defmodule Inspect.Any do
  # What a struct without an implementation of its own shows, %Name{...},
  # and every built-in type: C's rendering, as an Inspect.Algebra document.
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), true)
  def __impl__(:for), do: Any
  def __impl__(:protocol), do: Inspect
end

# Inspect's implementations for the built-in types: C shows them (a map
# given to Inspect.Map is shown as a map even if it is a struct).
defmodule Inspect.Atom do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Atom
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.BitString do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: BitString
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Float do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Float
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Function do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Function
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Integer do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Integer
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.List do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: List
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Map do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), :map)
  def __impl__(:for), do: Map
  def __impl__(:protocol), do: Inspect
end

# Inspect's implementations for the library's structs: C shows them too
# (core/bif/algebra.c takes a library module's implementation for C's).
defmodule Inspect.Date do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Date
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Date.Range do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Date.Range
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.DateTime do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: DateTime
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Macro.Env do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Macro.Env
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.MapSet do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: MapSet
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.NaiveDateTime do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: NaiveDateTime
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Range do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Range
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Regex do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Regex
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Stream do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Stream
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Time do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Time
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Version do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Version
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Version.Requirement do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Version.Requirement
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.PID do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: PID
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Port do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Port
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Reference do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Reference
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Tuple do
  def inspect(term, opts), do: :genlab.inspect_doc(term, Inspect.Opts.new(opts), false)
  def __impl__(:for), do: Tuple
  def __impl__(:protocol), do: Inspect
end

defmodule Inspect.Error do
  defexception [:message]
end

defmodule Inspect.Opts do
  defstruct base: :decimal,
            binaries: :infer,
            char_lists: :infer,
            charlists: :infer,
            custom_options: [],
            inspect_fun: &Inspect.inspect/2,
            limit: 50,
            pretty: false,
            printable_limit: 4096,
            safe: true,
            structs: true,
            syntax_colors: [],
            width: 80

  def new(%Inspect.Opts{} = opts), do: opts
  def new(opts) when is_list(opts), do: struct(Inspect.Opts, opts)
end

defmodule Inspect.Algebra do
  # Elixir's document algebra, built as Elixir builds it (the same terms),
  # laid out by C's (core/data/doc.c) through :genlab.doc_format/2.

  def empty, do: :doc_nil

  def string(string) when is_binary(string), do: {:doc_string, string, String.length(string)}

  def concat(doc1, doc2), do: {:doc_cons, doc1, doc2}
  def concat(docs) when is_list(docs), do: fold_doc(docs, &concat(&1, &2))

  def color(doc, color_key, %Inspect.Opts{syntax_colors: syntax_colors}) do
    case List.keyfind(syntax_colors, color_key, 0) do
      {_, precolor} ->
        postcolor =
          case List.keyfind(syntax_colors, :reset, 0) do
            {_, reset} -> reset
            nil -> :reset
          end

        concat({:doc_color, doc, precolor}, {:doc_color, :doc_nil, postcolor})

      nil ->
        doc
    end
  end

  def nest(doc, level, mode \\ :always)
  def nest(doc, 0, _mode), do: doc
  def nest(doc, level, mode) when level in [:cursor, :reset], do: {:doc_nest, doc, level, mode}
  def nest(doc, level, mode) when is_integer(level) and level > 0, do: {:doc_nest, doc, level, mode}

  def break(string \\ " ") when is_binary(string), do: {:doc_break, string, :strict}
  def flex_break(string \\ " ") when is_binary(string), do: {:doc_break, string, :flex}

  def glue(doc1, break_string \\ " ", doc2) when is_binary(break_string),
    do: concat(doc1, concat(break(break_string), doc2))

  def flex_glue(doc1, break_string \\ " ", doc2) when is_binary(break_string),
    do: concat(doc1, concat(flex_break(break_string), doc2))

  def group(doc, mode \\ :self), do: {:doc_group, doc, mode}
  def space(doc1, doc2), do: concat(doc1, concat(" ", doc2))
  def line, do: :doc_line
  def line(doc1, doc2), do: concat(doc1, concat(line(), doc2))
  def next_break_fits(doc, mode \\ :enabled), do: {:doc_fits, doc, mode}
  def force_unfit(doc), do: {:doc_force, doc}
  def collapse_lines(max) when is_integer(max) and max > 0, do: {:doc_collapse, max}

  def fold_doc(docs, folder_fun)
  def fold_doc([], _folder_fun), do: empty()
  def fold_doc([doc], _folder_fun), do: doc
  def fold_doc([doc | docs], folder_fun), do: folder_fun.(doc, fold_doc(docs, folder_fun))

  def format(doc, width) when is_integer(width) or width == :infinity, do: [:genlab.doc_format(doc, width)]

  def to_doc(term, opts) do
    opts = Inspect.Opts.new(opts)

    if is_map(term) and :erlang.is_map_key(:__struct__, term) and opts.structs do
      case :genlab.protocol_impl(Inspect, term, false) do
        nil -> :genlab.inspect_doc(term, opts, false)
        impl -> impl_doc(impl, term, opts)
      end
    else
      :genlab.inspect_doc(term, opts, false)
    end
  end

  def container_doc(left, collection, right, inspect_opts, fun, opts \\ []) do
    case collection do
      [] ->
        concat(left, right)

      _ ->
        break = Keyword.get(opts, :break, :maybe)
        separator = Keyword.get(opts, :separator, ",")

        {docs, simple?} =
          container_each(collection, inspect_opts.limit, inspect_opts, fun, [], break == :maybe)

        flex? = simple? or break == :flex
        docs = fold_doc(docs, &join(&1, &2, flex?, separator))

        if flex? do
          group(concat(concat(left, nest(docs, 1)), right))
        else
          group(glue(nest(glue(left, "", docs), 2), "", right))
        end
    end
  end

  defp container_each([], _limit, _opts, _fun, acc, simple?), do: {:lists.reverse(acc), simple?}

  defp container_each(_, 0, _opts, _fun, acc, simple?), do: {:lists.reverse(["..." | acc]), simple?}

  defp container_each([term | terms], limit, opts, fun, acc, simple?) when is_list(terms) do
    limit = decrement(limit)
    doc = fun.(term, %{opts | limit: limit})
    container_each(terms, limit, opts, fun, [doc | acc], simple? and simple?(doc))
  end

  defp container_each([left | right], limit, opts, fun, acc, simple?) do
    limit = decrement(limit)
    left = fun.(left, %{opts | limit: limit})
    right = fun.(right, %{opts | limit: limit})
    simple? = simple? and simple?(left) and simple?(right)
    doc = join(left, right, simple?, " |")
    {:lists.reverse([doc | acc]), simple?}
  end

  defp decrement(:infinity), do: :infinity
  defp decrement(counter), do: counter - 1

  defp join(:doc_nil, :doc_nil, _, _), do: :doc_nil
  defp join(left, :doc_nil, _, _), do: left
  defp join(:doc_nil, right, _, _), do: right
  defp join(left, right, true, sep), do: flex_glue(concat(left, sep), right)
  defp join(left, right, false, sep), do: glue(concat(left, sep), right)

  defp simple?({:doc_cons, left, right}), do: simple?(left) and simple?(right)
  defp simple?({:doc_color, doc, _}), do: simple?(doc)
  defp simple?({:doc_string, _, _}), do: true
  defp simple?(:doc_nil), do: true
  defp simple?(other), do: is_binary(other)

  # A user's implementation; when it raises, inspect still answers (the
  # options' safe: true): an #Inspect.Error<...> that says what happened.
  defp impl_doc(impl, struct, opts) do
    try do
      impl.inspect(struct, opts)
    rescue
      caught ->
        stacktrace = __STACKTRACE__
        shown = :genlab.doc_format(:genlab.inspect_doc(struct, %{opts | structs: false}, true), :infinity)
        indent = fn text, by ->
          text |> String.split("\n") |> Enum.map_join("\n" <> by, &String.trim_trailing/1) |> String.replace("\n" <> by <> "\n", "\n\n")
        end

        stack =
          stacktrace
          |> Enum.map(&("  " <> Exception.format_stacktrace_entry(&1)))
          |> Enum.join("\n")

        message =
          "got " <> Kernel.inspect(caught.__struct__) <> " with message:\n\n    \"\"\"\n    " <>
            indent.(Exception.message(caught), "    ") <> "\n    \"\"\"\n\nwhile inspecting:\n\n    " <>
            shown <> "\n\nStacktrace:\n\n" <> stack <> "\n"

        "#Inspect.Error<\n  " <> indent.(message, "  ") <> "\n>"
    end
  end

  # The continuations of :genlab.inspect/2 and :genlab.inspect_doc/3
  # (core/bif/algebra.c): the structs met, with the limit each is shown
  # with, get their documents from their implementations here, as ordinary
  # Elixir code; then C puts them in place.
  def __genlab_inspect__(term, opts, pending) do
    opts = Inspect.Opts.new(opts)
    :genlab.inspect_resolved(term, opts, pending_docs(pending, opts))
  end

  def __genlab_to_doc__(term, opts, as_any, pending) do
    opts = Inspect.Opts.new(opts)
    :genlab.inspect_doc_resolved(term, opts, as_any, pending_docs(pending, opts))
  end

  # The shell's result when users' implementations must run (core/runtime.c),
  # with IEx's colours when the shell shows them.
  def __genlab_shell__(term, false), do: Kernel.inspect(term, pretty: true, width: 80)

  def __genlab_shell__(term, true) do
    colors = [
      atom: :cyan,
      binary: :default_color,
      boolean: :magenta,
      charlist: :yellow,
      list: :default_color,
      map: :default_color,
      nil: :magenta,
      number: :yellow,
      string: :green,
      tuple: :default_color,
      reset: [:reset, :yellow]
    ]

    "\e[33m" <> Kernel.inspect(term, pretty: true, width: 80, syntax_colors: colors) <> "\e[0m"
  end

  defp pending_docs(pending, opts) do
    for {struct, limit} <- pending do
      impl_doc(:genlab.protocol_impl(Inspect, struct, false), struct, %{opts | limit: limit})
    end
  end
end
