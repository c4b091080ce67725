defmodule Regex.CompileError do
  defexception message: "regex could not be compiled"
end

# Regex on PCRE2 (the natives in core/bif/regex.c know a regex by its
# source and modifiers). Offsets the natives answer are in bytes.
defmodule Regex do
  defstruct re_pattern: nil, source: "", opts: "", re_version: ""

  @version {"8.44 2020-02-12", :little}

  def compile(source, opts \\ "")

  # Options are letters ("imsxufU") or :re's atoms, kept as given ([]
  # is "").
  def compile(source, []) when is_binary(source), do: compile(source, "")

  def compile(source, opts) when is_binary(source) and is_binary(opts) do
    case Enum.drop_while(String.graphemes(opts), &(&1 in ~w(i m s x u f U r))) do
      [] -> compile_checked(source, opts)
      rest -> {:error, {:invalid_option, Enum.join(rest)}}
    end
  end

  @re_options [:caseless, :multiline, :dotall, :extended, :unicode, :ucp, :firstline, :ungreedy, :dollar_endonly,
               :anchored, :no_auto_capture, :dupnames]

  # An option :re does not know is its badarg.
  def compile(source, opts) when is_binary(source) and is_list(opts) do
    if Enum.all?(opts, &(&1 in @re_options or match?({:newline, _}, &1))),
      do: compile_checked(source, opts),
      else: raise(ArgumentError, "errors were found at the given arguments:\n\n  * 2nd argument: invalid options\n")
  end

  defp compile_checked(source, opts) do
    case :genlab.regex_compile(source, opts) do
      :ok ->
        groups = :genlab.regex_groups(source, opts)
        unicode = if (is_binary(opts) and String.contains?(opts, "u")) or (is_list(opts) and :unicode in opts), do: 1, else: 0
        {:ok, %Regex{re_pattern: {:re_pattern, groups, unicode, 0, source}, source: source, opts: opts, re_version: @version}}

      {:error, {message, at}} ->
        {:error, {pcre1_message(message), at}}
    end
  end

  # The BEAM's :re is PCRE 8.44, whose messages differ from PCRE2's.
  @pcre1 %{
    'missing closing parenthesis' => 'missing )',
    'quantifier does not follow a repeatable item' => 'nothing to repeat',
    'unmatched closing parenthesis' => 'unmatched parentheses',
    '\\ at end of pattern' => '\\ at end of pattern'
  }

  defp pcre1_message(message), do: Map.get(@pcre1, message, message)

  def compile!(source, opts \\ "") do
    case compile(source, opts) do
      {:ok, regex} -> regex
      {:error, {message, at}} -> raise Regex.CompileError, "#{message} at position #{at}"
    end
  end

  def recompile(regex), do: {:ok, regex}
  def recompile!(regex), do: regex
  def version, do: @version

  def source(%Regex{source: source}), do: source
  def opts(%Regex{opts: opts}), do: opts
  def re_pattern(%Regex{re_pattern: p}), do: p
  def regex?(term), do: is_struct(term, Regex)

  def names(%Regex{source: s, opts: o}), do: Enum.map(:genlab.regex_names(s, o), &elem(&1, 0))

  def match?(%Regex{source: s, opts: o}, string) when is_binary(string),
    do: :genlab.regex_matches(s, o, string, 0, false) != []

  def run(regex, string, options \\ [])

  def run(%Regex{source: s, opts: o} = regex, string, options) when is_binary(string) do
    offset = Keyword.get(options, :offset, 0)

    case :genlab.regex_matches(s, o, string, offset, false) do
      [] -> nil
      [groups] -> captures(regex, string, groups, options)
    end
  end

  def scan(regex, string, options \\ [])

  def scan(%Regex{source: s, opts: o} = regex, string, options) when is_binary(string) do
    offset = Keyword.get(options, :offset, 0)
    for groups <- :genlab.regex_matches(s, o, string, offset, true), do: captures(regex, string, groups, options)
  end

  def named_captures(regex, string, options \\ []) do
    names = names(regex)

    case run(regex, string, Keyword.merge(options, capture: names)) do
      nil -> nil
      values -> Map.new(Enum.zip(names, values))
    end
  end

  # The groups the :capture option asks for, as binaries or {start, len}.
  defp captures(regex, string, groups, options) do
    return = Keyword.get(options, :return, :binary)

    Enum.map(pick(regex, groups, Keyword.get(options, :capture, :all)), fn
      {start, len} when return == :index -> {start, len}
      {-1, _} -> ""
      {start, len} -> binary_part(string, start, len)
    end)
  end

  # A match's groups chosen by a :capture (or split's :on) value: names
  # and indexes pick groups, an unset or unknown one is {-1, 0}.
  defp pick(_regex, groups, :all), do: groups
  defp pick(_regex, groups, :first), do: [hd(groups)]
  defp pick(_regex, groups, :all_but_first), do: tl(groups)
  defp pick(_regex, _groups, :none), do: []
  defp pick(regex, groups, :all_names), do: by_names(regex, groups, names(regex))
  defp pick(regex, groups, names) when is_list(names), do: by_names(regex, groups, names)

  defp by_names(%Regex{source: s, opts: o}, groups, names) do
    table = :genlab.regex_names(s, o)

    Enum.map(names, fn
      index when is_integer(index) ->
        Enum.at(groups, index, {-1, 0})

      name ->
        {_, index} = List.keyfind(table, to_string(name), 0)
        Enum.at(groups, index, {-1, 0})
    end)
  end

  def replace(%Regex{source: s, opts: o}, string, replacement, options \\ []) when is_binary(string) do
    global = Keyword.get(options, :global, true)
    matches = :genlab.regex_matches(s, o, string, 0, global)

    {parts, last} =
      Enum.reduce(matches, {[], 0}, fn [{start, len} | _] = groups, {acc, pos} ->
        values = Enum.map(groups, fn {-1, _} -> ""; {st, l} -> binary_part(string, st, l) end)
        piece = binary_part(string, pos, start - pos)
        {[replacement_text(replacement, values), piece | acc], start + len}
      end)

    IO.iodata_to_binary(:lists.reverse([binary_part(string, last, byte_size(string) - last) | parts]))
  end

  defp replacement_text(fun, values) when is_function(fun), do: to_string(apply(fun, pad_args(fun, values)))
  defp replacement_text(text, values) when is_binary(text), do: expand(text, values, [])

  defp pad_args(fun, values) do
    {:arity, arity} = Function.info(fun, :arity)
    Enum.take(values ++ List.duplicate("", arity), arity)
  end

  # \N, \g{N} and \\0 in a replacement name groups; "\\\\" is a backslash.
  defp expand(<<>>, _values, acc), do: :lists.reverse(acc)
  defp expand(<<?\\, ?\\, rest::binary>>, values, acc), do: expand(rest, values, ["\\" | acc])

  defp expand(<<?\\, ?g, ?{, rest::binary>>, values, acc) do
    [digits, rest] = :binary.split(rest, "}")
    expand(rest, values, [group(values, String.to_integer(digits)) | acc])
  end

  defp expand(<<?\\, d, rest::binary>>, values, acc) when d in ?0..?9 do
    {digits, rest} = take_digits(rest, <<d>>)
    expand(rest, values, [group(values, String.to_integer(digits)) | acc])
  end

  defp expand(<<c::utf8, rest::binary>>, values, acc), do: expand(rest, values, [<<c::utf8>> | acc])

  defp take_digits(<<d, rest::binary>>, acc) when d in ?0..?9, do: take_digits(rest, acc <> <<d>>)
  defp take_digits(rest, acc), do: {acc, rest}

  defp group(values, n), do: Enum.at(values, n, "")

  def split(regex, string, options \\ [])

  def split(%Regex{}, "", options), do: if(Keyword.get(options, :trim, false), do: [], else: [""])

  def split(%Regex{source: s, opts: o} = regex, string, options) when is_binary(string) do
    on = Keyword.get(options, :on, :first)
    spans = Enum.map(:genlab.regex_matches(s, o, string, 0, true), &pick(regex, &1, on))

    left =
      case Keyword.get(options, :parts, :infinity) do
        :infinity -> 0
        n when is_integer(n) and n > 0 -> n
      end

    split_at(spans, string, 0, left, Keyword.get(options, :trim, false), Keyword.get(options, :include_captures, false))
  end

  # Cuts at each picked span in turn (one that starts before the cut point
  # is passed over); `left` counts the pieces still allowed, 0 for no
  # limit. With trim, an empty piece before a span is dropped without
  # counting, and nothing is left once the string is used up.
  defp split_at(_spans, string, from, _left, true, _include) when byte_size(string) <= from, do: []
  defp split_at(_spans, string, from, 1, _trim, _include), do: [binary_part(string, from, byte_size(string) - from)]
  defp split_at([], string, from, _left, _trim, _include), do: [binary_part(string, from, byte_size(string) - from)]
  defp split_at([[] | more], string, from, left, trim, include), do: split_at(more, string, from, left, trim, include)

  defp split_at([[{at, _} | spans] | more], string, from, left, trim, include) when at < from,
    do: split_at([spans | more], string, from, left, trim, include)

  defp split_at([[{at, len} | spans] | more], string, from, left, trim, include) do
    piece = binary_part(string, from, at - from)
    captured = if include, do: [binary_part(string, at, len)], else: []

    if piece == "" and trim do
      rest = split_at([spans | more], string, at + len, if(include, do: left - 1, else: left), trim, include)
      captured ++ rest
    else
      [piece | captured ++ split_at([spans | more], string, at + len, left - 1, trim, include)]
    end
  end

  def escape(string) when is_binary(string) do
    for <<c <- string>>, into: "" do
      if c in '.^$*+?()[]{}|\\#-\s\t\n\r\v\f', do: escape_char(c), else: <<c>>
    end
  end

  defp escape_char(?\n), do: "\\n"
  defp escape_char(?\t), do: "\\t"
  defp escape_char(?\r), do: "\\r"
  defp escape_char(?\v), do: "\\v"
  defp escape_char(?\f), do: "\\f"
  defp escape_char(?\s), do: "\\ "
  defp escape_char(c), do: <<?\\, c>>
end
