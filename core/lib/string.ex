defmodule String do
  # The String functions that are not natives (see NATIVES.txt): number
  # and atom conversions, prefix/suffix/leading/trailing replacement.

  def to_integer(string), do: :erlang.binary_to_integer(string)

  # A regex pattern goes to Regex; string patterns to the natives.
  def split(string, %Regex{} = regex), do: Regex.split(regex, string)
  def split(string, pattern), do: String.__split__(string, pattern)
  def split(string, %Regex{} = regex, options), do: Regex.split(regex, string, options)
  def split(string, pattern, options), do: String.__split__(string, pattern, options)

  def replace(string, %Regex{} = regex, replacement), do: Regex.replace(regex, string, replacement)
  def replace(string, pattern, replacement), do: String.__replace__(string, pattern, replacement)

  def replace(string, %Regex{} = regex, replacement, options),
    do: Regex.replace(regex, string, replacement, options)

  def replace(string, pattern, replacement, options), do: String.__replace__(string, pattern, replacement, options)

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
