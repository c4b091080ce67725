defmodule String do
  # The String functions that are not natives (see NATIVES.txt): number
  # and atom conversions, prefix/suffix/leading/trailing replacement.

  def to_integer(string), do: :erlang.binary_to_integer(string)

  # A regex pattern goes to Regex; string patterns to the natives.
  def split(string, %Regex{} = regex), do: Regex.split(regex, string)
  def split(string, pattern), do: String.__split__(string, pattern)
  def split(string, %Regex{} = regex, options), do: Regex.split(regex, string, options)
  def split(string, pattern, options), do: String.__split__(string, pattern, options)

  # A function replacement is called with each match (the natives take
  # binaries only).
  def replace(string, %Regex{} = regex, replacement), do: Regex.replace(regex, string, replacement)

  def replace(string, pattern, replacement) when is_binary(string) and is_function(replacement, 1),
    do: replace_calling(string, pattern, replacement, true)

  def replace(string, pattern, replacement), do: String.__replace__(string, pattern, replacement)

  def replace(string, %Regex{} = regex, replacement, options),
    do: Regex.replace(regex, string, replacement, options)

  def replace(string, pattern, replacement, options)
      when is_binary(string) and is_function(replacement, 1) and is_list(options),
      do: replace_calling(string, pattern, replacement, Keyword.get(options, :global, true))

  def replace(string, pattern, replacement, options), do: String.__replace__(string, pattern, replacement, options)

  defp replace_calling(string, [], _fun, _global), do: string

  # The empty pattern matches before each grapheme and at the end.
  defp replace_calling(string, "", fun, false), do: IO.iodata_to_binary([fun.("") | string])

  defp replace_calling(string, "", fun, true) do
    first = fun.("")
    IO.iodata_to_binary([first | Enum.map(String.graphemes(string), &[&1 | fun.("")])])
  end

  defp replace_calling(string, pattern, fun, global) do
    matches =
      cond do
        global -> :binary.matches(string, pattern)
        match = :binary.match(string, pattern) -> [match]
        true -> []
      end

    IO.iodata_to_binary(replace_matches(string, matches, fun, 0))
  end

  defp replace_matches(string, [], _fun, from), do: [binary_part(string, from, byte_size(string) - from)]

  defp replace_matches(string, [{at, len} | rest], fun, from) do
    before = binary_part(string, from, at - from)
    replaced = fun.(binary_part(string, at, len))
    [before, replaced | replace_matches(string, rest, fun, at + len)]
  end

  # A lazy split: each part is cut off when the stream asks for it.
  def splitter(string, pattern, options \\ [])

  def splitter(string, "", options) when is_binary(string) and is_list(options) do
    if Keyword.get(options, :trim, false),
      do: Stream.unfold(string, &String.next_grapheme/1),
      else: Stream.unfold({:first, string}, &splitter_graphemes/1)
  end

  def splitter(string, [], options) when is_binary(string) and is_list(options) do
    if string == "" and Keyword.get(options, :trim, false),
      do: Stream.duplicate(string, 0),
      else: Stream.duplicate(string, 1)
  end

  def splitter(string, pattern, options) when is_binary(string) and is_list(options) do
    compiled = if is_tuple(pattern), do: pattern, else: :binary.compile_pattern(pattern)
    trim = Keyword.get(options, :trim, false)
    Stream.unfold(string, &splitter_next(&1, compiled, trim))
  end

  # Splitting on "": an empty part, each grapheme, an empty part.
  defp splitter_graphemes({:first, string}), do: {"", string}
  defp splitter_graphemes(:done), do: nil
  defp splitter_graphemes(""), do: {"", :done}
  defp splitter_graphemes(string), do: String.next_grapheme(string)

  defp splitter_next(:done, _pattern, _trim), do: nil
  defp splitter_next("", _pattern, true), do: nil
  defp splitter_next("", _pattern, false), do: {"", :done}

  defp splitter_next(string, pattern, trim) do
    case :binary.split(string, pattern) do
      ["", rest] when trim -> splitter_next(rest, pattern, trim)
      [part, rest] -> {part, rest}
      [part] -> {part, :done}
    end
  end

  # The string cut into runs whose code points all are (or all are not)
  # valid, or printable.
  def chunk("", _trait), do: []

  def chunk(string, trait) when is_binary(string) and trait in [:valid, :printable] do
    test = if trait == :valid, do: &String.valid?/1, else: &String.printable?/1
    {first, rest} = String.next_codepoint(string)
    chunk_loop(rest, test, test.(first), first, [])
  end

  defp chunk_loop("", _test, _kind, run, acc), do: :lists.reverse(acc, [run])

  defp chunk_loop(string, test, kind, run, acc) do
    {cp, rest} = String.next_codepoint(string)

    case test.(cp) do
      ^kind -> chunk_loop(rest, test, kind, run <> cp, acc)
      other -> chunk_loop(rest, test, other, cp, [run | acc])
    end
  end

  # The graphemes' edit script, runs joined into strings.
  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    String.graphemes(string1)
    |> List.myers_difference(String.graphemes(string2))
    |> Enum.map(fn {kind, graphemes} -> {kind, IO.iodata_to_binary(graphemes)} end)
  end

  def match?(string, %Regex{} = regex) when is_binary(string), do: Regex.match?(regex, string)

  def to_integer(string, base) do
    :erlang.binary_to_integer(string, base)
  end

  def to_float(string), do: :erlang.binary_to_float(string)

  def to_atom(string), do: :erlang.binary_to_atom(string, :utf8)

  def to_existing_atom(string) do
    :erlang.binary_to_existing_atom(string, :utf8)
  end

  def to_charlist(string) when is_binary(string) do
    case :unicode.characters_to_list(string) do
      result when is_list(result) -> result
      error -> raise UnicodeConversionError, List.__unicode_error__(error)
    end
  end

  def to_char_list(string), do: String.to_charlist(string)

  def replace_prefix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(match)

    case string do
      <<^match::binary-size(size), rest::binary>> -> replacement <> rest
      _ -> string
    end
  end

  def replace_suffix(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    size = byte_size(string) - byte_size(match)

    if size >= 0 and :binary.part(string, size, byte_size(match)) == match do
      :binary.part(string, 0, size) <> replacement
    else
      string
    end
  end

  def replace_leading(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    {count, rest} = count_leading(string, match, byte_size(match), 0)
    :erlang.iolist_to_binary([:lists.duplicate(count, replacement), rest])
  end

  defp count_leading(string, match, size, count) do
    case string do
      <<^match::binary-size(size), rest::binary>> -> count_leading(rest, match, size, count + 1)
      _ -> {count, string}
    end
  end

  def replace_trailing(string, match, replacement)
      when is_binary(string) and is_binary(match) and is_binary(replacement) do
    if match == "" do
      raise ArgumentError, "cannot use an empty string as the match to replace"
    end

    {count, rest} = count_trailing(string, match, byte_size(match), 0)
    :erlang.iolist_to_binary([rest, :lists.duplicate(count, replacement)])
  end

  defp count_trailing(string, match, size, count) do
    keep = byte_size(string) - size

    if keep >= 0 and :binary.part(string, keep, size) == match do
      count_trailing(:binary.part(string, 0, keep), match, size, count + 1)
    else
      {count, string}
    end
  end

  # Jaro similarity, 0.0 (nothing alike) to 1.0 (equal), on graphemes. Each
  # grapheme of the shorter string (the second one when both are as long)
  # takes the first unused equal grapheme of the other within the window
  # (half the longer length, less one); taking one that lies before the
  # previous match counts as a transposition.
  # Bag distance similarity: 1 less the share of graphemes (counted with
  # repetition) the larger bag holds beyond the other, over the longer
  # length.
  def bag_distance(_string, ""), do: 0.0
  def bag_distance("", _string), do: 0.0

  def bag_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    g1 = String.graphemes(string1)
    g2 = String.graphemes(string2)
    bag1 = Enum.frequencies(g1)
    bag2 = Enum.frequencies(g2)
    1 - max(bag_excess(bag1, bag2), bag_excess(bag2, bag1)) / max(length(g1), length(g2))
  end

  defp bag_excess(bag, other) do
    Enum.reduce(bag, 0, fn {g, n}, sum -> sum + max(n - Map.get(other, g, 0), 0) end)
  end

  def jaro_distance(string, string) when is_binary(string), do: 1.0
  def jaro_distance(_string, ""), do: 0.0
  def jaro_distance("", _string), do: 0.0

  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    g1 = String.graphemes(string1)
    g2 = String.graphemes(string2)
    n1 = length(g1)
    n2 = length(g2)

    {short, long, window} =
      if n1 < n2, do: {g1, g2, div(n2, 2) - 1}, else: {g2, g1, div(n1, 2) - 1}

    case jaro_match(short, 0, List.to_tuple(long), window, %{}, -1, 0, 0) do
      {0, _swaps} -> 0.0
      {common, swaps} -> (common / n1 + common / n2 + (common - swaps) / common) / 3
    end
  end

  defp jaro_match([], _i, _long, _window, _used, _last, common, swaps), do: {common, swaps}

  defp jaro_match([g | rest], i, long, window, used, last, common, swaps) do
    from = max(i - window, 0)
    upto = min(i + window, tuple_size(long) - 1)

    case jaro_find(g, from, upto, long, used) do
      nil ->
        jaro_match(rest, i + 1, long, window, used, last, common, swaps)

      at ->
        swaps = if at < last, do: swaps + 1, else: swaps
        jaro_match(rest, i + 1, long, window, Map.put(used, at, true), at, common + 1, swaps)
    end
  end

  defp jaro_find(_g, from, upto, _long, _used) when from > upto, do: nil

  defp jaro_find(g, from, upto, long, used) do
    if elem(long, from) == g and not :erlang.is_map_key(from, used) do
      from
    else
      jaro_find(g, from + 1, upto, long, used)
    end
  end
end
