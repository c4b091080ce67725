defmodule String do
  # The String functions that are not natives (see NATIVES.txt): number
  # and atom conversions, prefix/suffix/leading/trailing replacement.

  def to_integer(string), do: :erlang.binary_to_integer(string)

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
end
