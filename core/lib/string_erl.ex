# :string, Erlang's string functions over chardata. The Unicode-aware ones
# answer a binary for a binary and a list for a list; their deeper shapes
# (pad, replace) are the ones OTP 25 builds. The old list-only functions
# (to_lower, tokens, join, str, chr, substr, copies, strip) work on lists.
defmodule :string do
  @moduledoc false

  # ---- kinds ------------------------------------------------------------------

  defp bin(s) when is_binary(s), do: s

  defp bin(s) do
    case :unicode.characters_to_binary(s) do
      b when is_binary(b) -> b
      _ -> :erlang.error(:badarg, [s])
    end
  end

  # The result in the kind of `like`: a binary stays a binary.
  defp same(like, b) when is_binary(like), do: b
  defp same(_like, b), do: :unicode.characters_to_list(b)

  defp seps(list) when is_list(list), do: :lists.map(&<<&1::utf8>>, list)

  # ---- case -------------------------------------------------------------------

  def to_lower(c) when is_integer(c), do: hd(to_lower([c]))
  def to_lower(s) when is_list(s), do: :lists.map(&latin1_lower/1, s)
  def to_upper(c) when is_integer(c), do: hd(to_upper([c]))
  def to_upper(s) when is_list(s), do: :lists.map(&latin1_upper/1, s)

  defp latin1_lower(c) when (c >= ?A and c <= ?Z) or (c >= 192 and c <= 222 and c != 215), do: c + 32
  defp latin1_lower(c), do: c
  defp latin1_upper(c) when (c >= ?a and c <= ?z) or (c >= 224 and c <= 254 and c != 247), do: c - 32
  defp latin1_upper(c), do: c

  def lowercase(s), do: same(s, String.downcase(bin(s)))
  def uppercase(s), do: same(s, String.upcase(bin(s)))
  def casefold(s), do: same(s, String.downcase(bin(s)))

  def titlecase(s) do
    case String.next_grapheme(bin(s)) do
      {first, rest} -> same(s, String.upcase(first) <> rest)
      nil -> s
    end
  end

  # ---- measuring and comparing -------------------------------------------------

  def length(s), do: String.length(bin(s))
  def is_empty(s), do: bin(s) == ""
  def equal(a, b), do: bin(a) == bin(b)
  def reverse(s), do: :unicode.characters_to_list(:lists.reverse(String.graphemes(bin(s))))

  def next_grapheme(s) do
    case String.next_grapheme(bin(s)) do
      {g, rest} -> [grapheme_code(g) | same(s, rest)]
      nil -> []
    end
  end

  defp grapheme_code(g) do
    case String.to_charlist(g) do
      [c] -> c
      cs -> cs
    end
  end

  # ---- trimming and padding ------------------------------------------------------

  def trim(s), do: trim(s, :both)
  def trim(s, dir), do: same(s, trim_bin(bin(s), dir, nil))
  def trim(s, dir, chars), do: same(s, trim_bin(bin(s), dir, seps(chars)))

  defp trim_bin(b, :both, nil), do: String.trim(b)
  defp trim_bin(b, :leading, nil), do: String.trim_leading(b)
  defp trim_bin(b, :trailing, nil), do: String.trim_trailing(b)
  defp trim_bin(b, :both, cs), do: trim_bin(trim_bin(b, :leading, cs), :trailing, cs)
  defp trim_bin(b, :leading, cs) do
    case Enum.find(cs, &String.starts_with?(b, &1)) do
      nil -> b
      c -> trim_bin(binary_part(b, byte_size(c), byte_size(b) - byte_size(c)), :leading, cs)
    end
  end

  defp trim_bin(b, :trailing, cs), do: String.reverse(trim_bin(String.reverse(b), :leading, Enum.map(cs, &String.reverse/1)))

  def chomp(s) do
    b = bin(s)

    cond do
      String.ends_with?(b, "\r\n") -> same(s, binary_part(b, 0, byte_size(b) - 2))
      String.ends_with?(b, "\n") -> same(s, binary_part(b, 0, byte_size(b) - 1))
      true -> s
    end
  end

  def pad(s, n), do: pad(s, n, :trailing, ?\s)
  def pad(s, n, dir), do: pad(s, n, dir, ?\s)

  def pad(s, n, dir, c) when is_integer(n) do
    case n - String.length(bin(s)) do
      k when k <= 0 -> [s]
      k when dir == :trailing -> [s | :lists.duplicate(k, c)]
      k when dir == :leading -> [:lists.duplicate(k, c), s]
      k -> [:lists.duplicate(div(k, 2), c), s, :lists.duplicate(div(k, 2), c) | :lists.duplicate(rem(k, 2), c)]
    end
  end

  # ---- searching and splitting ---------------------------------------------------

  def find(s, pattern), do: find(s, pattern, :leading)

  def find(s, pattern, dir) do
    b = bin(s)
    p = bin(pattern)

    found =
      case dir do
        :leading -> :binary.match(b, p)
        :trailing -> List.last([:nomatch | :binary.matches(b, p)])
      end

    case found do
      :nomatch -> :nomatch
      {at, _} -> same(s, binary_part(b, at, byte_size(b) - at))
    end
  end

  def prefix(s, prefix) do
    b = bin(s)
    p = bin(prefix)
    size = byte_size(p)

    case b do
      <<^p::binary-size(size), rest::binary>> -> same(s, rest)
      _ -> :nomatch
    end
  end

  def split(s, sep), do: split(s, sep, :leading)

  def split(s, sep, where) do
    b = bin(s)
    p = bin(sep)

    parts =
      cond do
        p == "" -> [b]
        where == :all -> :binary.split(b, p, [:global])
        where == :leading -> :binary.split(b, p)
        where == :trailing -> split_last(b, p)
      end

    :lists.map(&same(s, &1), parts)
  end

  defp split_last(b, p) do
    case :binary.matches(b, p) do
      [] -> [b]
      ms -> [{at, len} | _] = :lists.reverse(ms)
            [binary_part(b, 0, at), binary_part(b, at + len, byte_size(b) - at - len)]
    end
  end

  def lexemes(s, chars) do
    parts = :lists.filter(&(&1 != ""), String.split(bin(s), seps(chars)))
    :lists.map(&same(s, &1), parts)
  end

  def replace(s, pattern, replacement), do: replace(s, pattern, replacement, :leading)

  def replace(s, pattern, replacement, where) do
    parts = split(s, pattern, where)
    tl(:lists.append(:lists.map(&[replacement, &1], parts)))
  end

  def slice(s, start), do: slice(s, start, :infinity)

  def slice(s, start, len) do
    b = bin(s)
    len = if len == :infinity, do: String.length(b), else: len
    same(s, String.slice(b, start, len))
  end

  def take(s, chars), do: take(s, chars, false)
  def take(s, chars, complement), do: take(s, chars, complement, :leading)

  def take(s, chars, complement, :leading) do
    cs = seps(chars)
    gs = String.graphemes(bin(s))
    {taken, rest} = Enum.split_while(gs, fn g -> (g in cs) != complement end)
    {same(s, Enum.join(taken)), same(s, Enum.join(rest))}
  end

  # ---- numbers ----------------------------------------------------------------

  def to_integer(s) do
    b = bin(s)

    case Integer.parse(b) do
      {n, rest} -> {n, same(s, rest)}
      :error -> {:error, :no_integer}
    end
  end

  # A float needs digits, a dot and digits, then maybe an exponent.
  def to_float(s) do
    b = bin(s)
    {sign, body} = take_sign(b)
    {int, rest} = take_digits(body)
    with true <- int != "",
         "." <> after_dot <- rest,
         {frac, rest} when frac != "" <- take_digits(after_dot) do
      {exp, rest} = take_exponent(rest)
      num = sign <> int <> "." <> frac <> exp
      {elem(Float.parse(num), 0), same(s, rest)}
    else
      _ -> {:error, :no_float}
    end
  end

  defp take_sign(<<c, rest::binary>>) when c in [?+, ?-], do: {<<c>>, rest}
  defp take_sign(b), do: {"", b}

  defp take_digits(b) do
    n = count_digits(b, 0)
    {binary_part(b, 0, n), binary_part(b, n, byte_size(b) - n)}
  end

  defp count_digits(b, n) do
    case b do
      <<_::binary-size(n), c, _::binary>> when c in ?0..?9 -> count_digits(b, n + 1)
      _ -> n
    end
  end

  defp take_exponent(<<e, rest::binary>> = b) when e in [?e, ?E] do
    {sign, body} = take_sign(rest)

    case take_digits(body) do
      {"", _} -> {"", b}
      {ds, rest} -> {"e" <> sign <> ds, rest}
    end
  end

  defp take_exponent(b), do: {"", b}

  # ---- the old list functions --------------------------------------------------

  def tokens(s, seps) when is_list(s), do: lexemes(s, seps)
  def join([], _sep), do: []
  def join([h | t], sep) when is_list(sep), do: h ++ :lists.append(:lists.map(&(sep ++ &1), t))
  def concat(a, b), do: :unicode.characters_to_list([a, b])
  def copies(s, n) when is_list(s) and is_integer(n) and n >= 0, do: :lists.append(:lists.duplicate(n, s))

  def str(s, sub) when is_list(s) and is_list(sub) do
    case :binary.match(bin(s), bin(sub)) do
      :nomatch -> 0
      {at, _} -> String.length(binary_part(bin(s), 0, at)) + 1
    end
  end

  def chr(s, c) when is_list(s) and is_integer(c), do: chr_at(s, c, 1)

  defp chr_at([], _c, _i), do: 0
  defp chr_at([c | _], c, i), do: i
  defp chr_at([_ | t], c, i), do: chr_at(t, c, i + 1)

  def substr(s, start), do: :lists.nthtail(start - 1, s)
  def substr(s, start, len), do: :lists.sublist(s, start, len)

  def strip(s), do: strip(s, :both, ?\s)
  def strip(s, dir), do: strip(s, dir, ?\s)
  def strip(s, :left, c), do: :lists.dropwhile(&(&1 == c), s)
  def strip(s, :right, c), do: :lists.reverse(:lists.dropwhile(&(&1 == c), :lists.reverse(s)))
  def strip(s, :both, c), do: strip(strip(s, :left, c), :right, c)
end
