defmodule IO.ANSI.Docs do
  # Prints documentation (Markdown) on a terminal as Elixir's IO.ANSI.Docs
  # does, the way IEx's h/1 shows it: with `enabled: true` in IEx's
  # colours, without them plain text laid out the same way. The layout:
  # paragraphs and list items reflowed to the width, code blocks indented
  # by four, headings as written, each block followed by a blank line.

  @doc false
  def default_options(), do: [enabled: true, width: 80]

  @doc false
  def print_headings(headings, options \\ []) do
    {enabled, width} = options(options)

    lines =
      Enum.map(headings, fn title ->
        length = String.length(title)
        left = max(div(width - length, 2), 0)

        if enabled do
          right = max(width - length - left, 0)
          ["\e[7m\e[33m", spaces(left), title, spaces(right), "\e[0m\n"]
        else
          [spaces(left), title, "\n"]
        end
      end)

    IO.write([newline(enabled), lines, newline(enabled)])
  end

  @doc false
  def print_metadata(metadata, options \\ []) do
    {enabled, _width} = options(options)
    lines = for key <- [:deprecated, :since], Map.has_key?(metadata, key), do: metadata_line(key, Map.get(metadata, key), enabled)
    if lines != [], do: IO.write([lines, "\n"])
    :ok
  end

  defp metadata_line(key, value, true), do: ["\e[33m", Atom.to_string(key), ":\e[0m ", to_string(value), "\n"]
  defp metadata_line(key, value, false), do: [Atom.to_string(key), ": ", to_string(value), "\n"]

  @doc false
  def print(doc, "text/markdown", options \\ []) do
    {enabled, width} = options(options)

    doc
    |> String.split("\n")
    |> Enum.map(&String.trim_trailing/1)
    |> blocks(%{enabled: enabled, width: width}, [])
    |> IO.write()
  end

  defp options(options) do
    {Keyword.get(options, :enabled, true), Keyword.get(options, :width, 80)}
  end

  defp spaces(n), do: String.duplicate(" ", n)

  # What ends a block: a blank line, which resets the colours when enabled.
  defp newline(true), do: "\e[0m\n"
  defp newline(false), do: "\n"

  defp color(text, _code, %{enabled: false}), do: text
  defp color(text, code, %{enabled: true}), do: ["\e[", code, "m", text, "\e[0m"]

  defp blocks([], _o, acc), do: Enum.reverse(acc)
  defp blocks(["" | rest], o, acc), do: blocks(rest, o, acc)

  defp blocks([line | rest] = lines, o, acc) do
    trimmed = String.trim_leading(line)

    cond do
      String.starts_with?(trimmed, "```") ->
        {code, rest} = Enum.split_while(rest, &(not String.starts_with?(String.trim_leading(&1), "```")))
        blocks(Enum.drop(rest, 1), o, [code_block(Enum.map(code, &("    " <> &1)), o) | acc])

      String.starts_with?(line, "    ") ->
        {code, rest} = Enum.split_while(lines, &(&1 == "" or String.starts_with?(&1, "    ")))
        code = code |> Enum.reverse() |> Enum.drop_while(&(&1 == "")) |> Enum.reverse()
        blocks(rest, o, [code_block(Enum.map(code, fn "" -> "    "; l -> l end), o) | acc])

      String.starts_with?(trimmed, "#") ->
        blocks(rest, o, [[color(trimmed, "33", o), "\n", newline(o.enabled)] | acc])

      list_marker(trimmed) != nil ->
        {items, rest} = list_items(lines, o, [])
        blocks(rest, o, [[items, newline(o.enabled)] | acc])

      String.starts_with?(trimmed, "> ") ->
        {quoted, rest} = Enum.split_while(lines, &String.starts_with?(String.trim_leading(&1), ">"))
        text = Enum.map_join(quoted, " ", &(&1 |> String.trim_leading() |> String.trim_leading(">") |> String.trim()))
        prefix = IO.iodata_to_binary(color("> ", "90", o))
        blocks(rest, o, [[wrap(inline(text, o), prefix, prefix, o.width), newline(o.enabled)] | acc])

      true ->
        {para, rest} = Enum.split_while(lines, &(&1 != ""))
        text = Enum.map_join(para, " ", &String.trim/1)
        blocks(rest, o, [[wrap(inline(text, o), "", "", o.width), newline(o.enabled)] | acc])
    end
  end

  defp code_block(lines, %{enabled: false}), do: [Enum.map(lines, &[&1, "\n"]), "\n"]
  defp code_block(lines, %{enabled: true}), do: ["\e[36m", Enum.intersperse(lines, "\n"), "\e[0m\n", "\e[0m\n"]

  # "* ", "- " or "1. " at the start of an item: the marker, or nil.
  defp list_marker(text) do
    cond do
      String.starts_with?(text, "* ") or String.starts_with?(text, "- ") -> "*"
      true -> numbered_marker(text, "")
    end
  end

  defp numbered_marker(<<d, rest::binary>>, digits) when d in ?0..?9, do: numbered_marker(rest, digits <> <<d>>)
  defp numbered_marker(". " <> _, digits) when digits != "", do: digits <> "."
  defp numbered_marker(_, _), do: nil

  # A list runs until a blank line; an item's following lines join it.
  defp list_items([], _o, acc), do: {Enum.reverse(acc), []}
  defp list_items(["" | _] = rest, _o, acc), do: {Enum.reverse(acc), rest}

  defp list_items([line | rest], o, acc) do
    trimmed = String.trim_leading(line)
    marker = list_marker(trimmed)
    {more, rest} = Enum.split_while(rest, &(&1 != "" and list_marker(String.trim_leading(&1)) == nil))
    body = String.slice(trimmed, (String.length(marker) + 1)..-1//1)
    text = Enum.map_join([body | more], " ", &String.trim/1)
    indent = spaces(String.length(marker) + 3)
    shown = if marker == "*" and o.enabled, do: "•", else: marker
    # an item keeps as much room free at the right as its indentation
    item = wrap(inline(text, o), "  " <> shown <> " ", indent, o.width - String.length(indent))
    list_items(rest, o, [item | acc])
  end

  # Fills lines greedily with the words (runs of spaces are kept); a line
  # stays shorter than `width`, colour codes taking no room.
  defp wrap(text, first, indent, width) do
    [word | words] = String.split(text, " ")
    start = visible_length(first)

    {lines, line, _} =
      Enum.reduce(words, {[], [first, word], start + visible_length(word)}, fn word, {lines, line, len} ->
        wlen = visible_length(word)

        if len + 1 + wlen < width do
          {lines, [line, " ", word], len + 1 + wlen}
        else
          {[[line, "\n"] | lines], [indent, word], visible_length(indent) + wlen}
        end
      end)

    Enum.reverse([[line, "\n"] | lines])
  end

  defp visible_length(text), do: text |> strip_codes([]) |> String.length()

  defp strip_codes("", acc), do: acc |> Enum.reverse() |> IO.iodata_to_binary()

  defp strip_codes("\e[" <> rest, acc) do
    case :binary.split(rest, "m") do
      [_, after_code] -> strip_codes(after_code, acc)
      [_] -> strip_codes("", acc)
    end
  end

  defp strip_codes(<<c::utf8, rest::binary>>, acc), do: strip_codes(rest, [<<c::utf8>> | acc])
  defp strip_codes(<<c, rest::binary>>, acc), do: strip_codes(rest, [<<c>> | acc])

  # Inline markup, in colour: `code`, **bold**, *emphasis* and _emphasis_.
  # Without colours the text stays as written.
  defp inline(text, %{enabled: false}), do: text
  defp inline(text, o), do: inline(text, o, :start, [])

  defp inline("", _o, _prev, acc), do: acc |> Enum.reverse() |> IO.iodata_to_binary()

  defp inline("`" <> rest, o, _prev, acc) do
    case :binary.split(rest, "`") do
      [code, after_code] -> inline(after_code, o, :word, [color(code, "36", o) | acc])
      [_] -> inline(rest, o, :word, ["`" | acc])
    end
  end

  defp inline("**" <> rest, o, prev, acc) do
    case :binary.split(rest, "**") do
      [bold, after_bold] when bold != "" -> inline(after_bold, o, :word, [color(bold, "1", o) | acc])
      _ -> inline(rest, o, prev, ["**" | acc])
    end
  end

  defp inline(<<mark, next, _::binary>> = text, o, :start, acc) when mark in [?*, ?_] and next != ?\s do
    <<_, rest::binary>> = text

    case closing(rest, mark, "") do
      {emphasis, after_emphasis} -> inline(after_emphasis, o, :word, [color(emphasis, "4", o) | acc])
      nil -> inline(rest, o, :word, [<<mark>> | acc])
    end
  end

  defp inline(<<c::utf8, rest::binary>>, o, _prev, acc) do
    prev = if c in [?\s, ?(, ?[, ?", ?'], do: :start, else: :word
    inline(rest, o, prev, [<<c::utf8>> | acc])
  end

  defp inline(<<c, rest::binary>>, o, _prev, acc), do: inline(rest, o, :word, [<<c>> | acc])

  # The emphasis up to a closing mark that ends a word.
  defp closing(<<mark, after_mark::binary>>, mark, seen) when seen != "" do
    if not String.ends_with?(seen, " ") and word_end?(after_mark),
      do: {seen, after_mark},
      else: closing(after_mark, mark, seen <> <<mark>>)
  end

  defp closing(<<c::utf8, rest::binary>>, mark, seen), do: closing(rest, mark, seen <> <<c::utf8>>)
  defp closing(_, _mark, _seen), do: nil

  defp word_end?(""), do: true
  defp word_end?(<<c, _::binary>>), do: c in [?\s, ?., ?,, ?;, ?:, ?!, ??, ?), ?]]
end
