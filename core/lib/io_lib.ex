# :io_lib.format/2 and friends: Erlang's control sequences
# ~F.P.PadModC (field width, precision, pad character, the t and l
# modifiers) for c f e g s w p W P b B x X + # i n ~. Terms are written in
# Erlang syntax by :sys's writer and pretty printer. The result is a flat
# charlist (the BEAM answers a deep one with the same characters).
defmodule :io_lib do
  @moduledoc false

  def format(fmt, args) do
    chars = fmt_chars(fmt)
    if not is_list(args), do: :erlang.error(:badarg, [fmt, args])

    try do
      run(chars, args, 1, [])
    catch
      :bad_format -> :erlang.error(:badarg, [fmt, args])
    end
  end

  def fwrite(fmt, args), do: format(fmt, args)

  def write(term), do: :erlang.binary_to_list(:sys.__write__(term))
  def write(term, depth), do: :unicode.characters_to_list(write_depth(term, depth))

  def print(term), do: :unicode.characters_to_list(:sys.__pretty__(term, 1))

  def char_list(term) when is_list(term), do: Enum.all?(term, &(is_integer(&1) and &1 >= 0 and &1 <= 0x10FFFF))
  def char_list(_), do: false

  def nl, do: '\n'

  defp fmt_chars(fmt) when is_binary(fmt), do: :unicode.characters_to_list(fmt)
  defp fmt_chars(fmt) when is_atom(fmt), do: :erlang.atom_to_list(fmt)
  defp fmt_chars(fmt) when is_list(fmt), do: :unicode.characters_to_list(fmt)
  defp fmt_chars(fmt), do: :erlang.error(:badarg, [fmt])

  # ---- the control-sequence loop ---------------------------------------------

  defp run([], [], _col, acc), do: :lists.append(:lists.reverse(acc))
  defp run([], _args, _col, _acc), do: throw(:bad_format)

  defp run([?~ | rest], args, col, acc) do
    {width, rest, args} = field(rest, args)
    {prec, rest, args} = precision(rest, args)
    {pad, rest, args} = pad_char(rest, args)
    {unicode, rest} = modifiers(rest, false)

    case rest do
      [c | rest] ->
        {text, args} = control(c, width, prec, pad, unicode, args, col)
        run(rest, args, next_col(text, col), [text | acc])

      [] ->
        throw(:bad_format)
    end
  end

  defp run([c | rest], args, col, acc) do
    col = if c == ?\n, do: 1, else: col + 1
    run(rest, args, col, [[c] | acc])
  end

  defp next_col(text, col) do
    case :lists.splitwith(&(&1 != ?\n), :lists.reverse(text)) do
      {after_nl, []} -> col + length(after_nl)
      {after_nl, _} -> 1 + length(after_nl)
    end
  end

  defp field([?* | rest], [w | args]) when is_integer(w), do: {w, rest, args}
  defp field([?- | rest], args), do: digits(rest, args, -1)
  defp field(rest, args), do: digits(rest, args, 1)

  defp digits([d | _] = rest, args, sign) when d in ?0..?9 do
    {ds, rest} = :lists.splitwith(&(&1 in ?0..?9), rest)
    {sign * :erlang.list_to_integer(ds), rest, args}
  end

  defp digits([?* | rest], [w | args], sign) when is_integer(w), do: {sign * w, rest, args}
  defp digits(rest, args, _sign), do: {nil, rest, args}

  defp precision([?., ?* | rest], [p | args]) when is_integer(p), do: {p, rest, args}

  defp precision([?. | rest], args) do
    case digits(rest, args, 1) do
      {nil, rest, args} -> {nil, rest, args}
      found -> found
    end
  end

  defp precision(rest, args), do: {nil, rest, args}

  # The pad character follows a second dot (after an empty precision too).
  defp pad_char([?., ?* | rest], [c | args]) when is_integer(c), do: {c, rest, args}
  defp pad_char([?., c | rest], args), do: {c, rest, args}
  defp pad_char(rest, args), do: {?\s, rest, args}

  defp modifiers([?t | rest], _), do: modifiers(rest, true)
  defp modifiers([?l | rest], u), do: modifiers(rest, u)
  defp modifiers(rest, u), do: {u, rest}

  # ---- controls ---------------------------------------------------------------

  defp control(?~, w, _p, pad, _u, args, _col), do: {adjust('~', w, pad), args}
  defp control(?n, _w, _p, _pad, _u, args, _col), do: {'\n', args}
  defp control(?i, _w, _p, _pad, _u, [_ | args], _col), do: {[], args}

  defp control(?c, w, p, pad, _u, [c | args], _col) when is_integer(c) do
    n = p || abs(w || 1)
    {adjust(:lists.duplicate(n, c), w, pad), args}
  end

  defp control(c, w, p, pad, _u, [x | args], _col) when c in [?f, ?e, ?g] and is_float(x) do
    p = p || 6
    if p < 1 and c != ?g, do: throw(:bad_format)

    text =
      case c do
        ?f -> fixed(x, p)
        ?e -> sci(x, p)
        ?g -> general(x, p)
      end

    {adjust_num(text, w, pad), args}
  end

  defp control(?s, w, p, pad, _u, [x | args], _col) do
    text = string_arg(x)
    text = if p, do: :lists.sublist(text, p), else: text
    text = if w && p == nil && length(text) > abs(w), do: :lists.sublist(text, abs(w)), else: text
    {adjust(text, w, pad), args}
  end

  defp control(?w, w, _p, pad, _u, [x | args], _col),
    do: {adjust(:unicode.characters_to_list(:sys.__write__(x)), w, pad), args}

  defp control(?p, _w, _p, _pad, _u, [x | args], col),
    do: {:unicode.characters_to_list(:sys.__pretty__(x, col)), args}

  defp control(c, w, _p, pad, _u, [x, depth | args], _col) when c in [?W, ?P] and is_integer(depth),
    do: {adjust(:unicode.characters_to_list(write_depth(x, depth, c == ?P)), w, pad), args}

  defp control(c, w, p, pad, _u, [x | args], _col) when c in [?b, ?B] and is_integer(x),
    do: {adjust_num(int_text(x, p || 10, c == ?b, ''), w, pad), args}

  defp control(c, w, p, pad, _u, [x, prefix | args], _col) when c in [?x, ?X] and is_integer(x),
    do: {adjust_num(int_text(x, p || 10, c == ?x, string_arg(prefix)), w, pad), args}

  defp control(c, w, p, pad, _u, [x | args], _col) when c in [?+, ?#] and is_integer(x) do
    base = p || 10
    prefix = :erlang.integer_to_list(base) ++ '#'
    {adjust_num(int_text(x, base, c == ?+, prefix), w, pad), args}
  end

  defp control(_c, _w, _p, _pad, _u, _args, _col), do: throw(:bad_format)

  defp string_arg(x) when is_atom(x), do: :erlang.atom_to_list(x)

  defp string_arg(x) when is_binary(x) or is_list(x) do
    case :unicode.characters_to_list(x) do
      list when is_list(list) -> list
      _ -> throw(:bad_format)
    end
  end

  defp string_arg(_), do: throw(:bad_format)

  defp int_text(x, base, lower, prefix) when base >= 2 and base <= 36 do
    digits = :erlang.integer_to_list(abs(x), base)
    digits = if lower, do: :string.to_lower(digits), else: digits
    if x < 0, do: [?- | prefix ++ digits], else: prefix ++ digits
  end

  defp int_text(_x, _base, _lower, _prefix), do: throw(:bad_format)

  # Text wider than the field fills it with stars, as io_lib does for numbers.
  defp adjust_num(text, nil, _pad), do: text
  defp adjust_num(text, w, pad) do
    if length(text) > abs(w), do: :lists.duplicate(abs(w), ?*), else: adjust(text, w, pad)
  end

  defp adjust(text, nil, _pad), do: text

  defp adjust(text, w, pad) do
    fill = :lists.duplicate(max(abs(w) - length(text), 0), pad)
    if w < 0, do: text ++ fill, else: fill ++ text
  end

  # ---- floats -----------------------------------------------------------------
  #
  # io_lib rounds the exact binary value of a float half up, so ~.1f of
  # 2.25 is 2.3 and of 0.35 (just below) 0.3. A float is taken exactly as
  # {negative?, m, e}: |x| = m * 10^e, m an integer.

  defp decimal(x) do
    <<s::1, exp::11, frac::52>> = <<x::float>>
    {mant, e2} = if exp == 0, do: {frac, -1074}, else: {frac + 4_503_599_627_370_496, exp - 1075}

    {m, e} =
      if e2 >= 0,
        do: {mant * :erlang.bsl(1, e2), 0},
        else: {mant * pow(5, -e2), e2}

    {s == 1, m, e}
  end

  defp pow(_b, 0), do: 1
  defp pow(b, n) when rem(n, 2) == 0, do: pow(b * b, div(n, 2))
  defp pow(b, n), do: b * pow(b, n - 1)

  defp pow10(n), do: pow(10, n)

  # m * 10^e rounded half up to an integer multiple of 10^-places.
  defp scaled(m, e, places) when e + places >= 0, do: m * pow10(e + places)

  defp scaled(m, e, places) do
    d = pow10(-(e + places))
    q = div(m, d)
    if rem(m, d) * 2 >= d, do: q + 1, else: q
  end

  defp fixed(x, p) do
    {neg, m, e} = decimal(x)
    n = :erlang.integer_to_list(scaled(m, e, p))
    n = :lists.duplicate(max(p + 1 - length(n), 0), ?0) ++ n
    {int, frac} = :lists.split(length(n) - p, n)
    sign(neg, int ++ '.' ++ frac)
  end

  defp sci(x, p) do
    {neg, m, e} = decimal(x)

    {n, lead} =
      if m == 0 do
        {0, 0}
      else
        nd = length(:erlang.integer_to_list(m))
        lead = nd - 1 + e
        n = scaled(m, e, p - 1 - lead)
        if n >= pow10(p), do: {div(n, 10), lead + 1}, else: {n, lead}
      end

    ds = :erlang.integer_to_list(n)
    ds = :lists.duplicate(max(p - length(ds), 0), ?0) ++ ds
    [d | rest] = ds
    exp = if lead < 0, do: '-' ++ :erlang.integer_to_list(-lead), else: '+' ++ :erlang.integer_to_list(lead)
    sign(neg, [d, ?. | rest] ++ 'e' ++ exp)
  end

  defp general(x, p) do
    a = abs(x)

    if a >= 0.1 and a < :math.pow(10, p) do
      {_, m, e} = decimal(x)
      lead = length(:erlang.integer_to_list(m)) - 1 + e
      fixed(x, max(p - 1 - lead, 1))
    else
      sci(x, p)
    end
  end

  defp sign(true, text), do: [?- | text]
  defp sign(false, text), do: text

  # ---- depth-limited writing (~W, ~P) -----------------------------------------
  # As io_lib writes with a depth: a container at depth 1 is [...], {...},
  # #{...} or <<...>>; its first element gets one level less, each later
  # one a level less again, and what the depth does not reach is "...".
  # ~P (print) shows printable strings whole.

  defp write_depth(term, depth, print \\ false)
  defp write_depth(_term, 0, _print), do: "..."
  defp write_depth(term, depth, _print) when depth < 0, do: :sys.__write__(term)

  defp write_depth(term, d, true) when (is_list(term) or is_binary(term)) and d > 1 do
    if printable?(term), do: :sys.__pretty__(term, 0), else: write_container(term, d, true)
  end

  defp write_depth(term, d, print), do: write_container(term, d, print)

  defp printable?(list) when is_list(list), do: list != [] and List.ascii_printable?(list)
  defp printable?(bin), do: String.printable?(bin)

  defp write_container([], _d, _print), do: "[]"
  defp write_container({}, _d, _print), do: "{}"
  defp write_container(map, _d, _print) when map == %{}, do: "\#{}"
  defp write_container(<<>>, _d, _print), do: "<<>>"
  defp write_container(list, 1, _print) when is_list(list), do: "[...]"
  defp write_container(tuple, 1, _print) when is_tuple(tuple), do: "{...}"
  # (write shows a map it has no depth left for as empty)
  defp write_container(map, 1, print) when is_map(map), do: if(print, do: "\#{...}", else: "\#{}")
  defp write_container(bits, 1, _print) when is_bitstring(bits), do: "<<...>>"
  defp write_container([h | t], d, print), do: ["[", write_depth(h, d - 1, print), depth_tail(t, d - 1, print), "]"]

  defp write_container(tuple, d, print) when is_tuple(tuple) do
    [h | t] = Tuple.to_list(tuple)
    ["{", write_depth(h, d - 1, print), depth_items(t, d - 1, true, &write_depth(&1, &2, print)), "}"]
  end

  defp write_container(map, d, print) when is_map(map) do
    [p | rest] = :maps.to_list(map)
    pair = fn {k, v}, depth -> [write_depth(k, depth, print), " => ", write_depth(v, depth, print)] end
    ["\#{", pair.(p, d - 1), depth_items(rest, d - 1, print, pair), "}"]
  end

  defp write_container(bits, d, _print) when is_bitstring(bits) do
    bytes = for <<b <- bits>>, do: b
    more = if length(bytes) > d - 1 or rem(bit_size(bits), 8) != 0, do: [",..."], else: []
    ["<<", Enum.map_join(Enum.take(bytes, d - 1), ",", &Integer.to_string/1), more, ">>"]
  end

  defp write_container(term, _d, _print), do: :sys.__write__(term)

  defp depth_tail([], _d, _print), do: []
  defp depth_tail(_t, 1, _print), do: ["|..."]
  defp depth_tail([h | t], d, print), do: [",", write_depth(h, d - 1, print) | depth_tail(t, d - 1, print)]
  defp depth_tail(t, d, print), do: ["|", write_depth(t, d - 1, print)]

  # the rest of a tuple's elements or a map's pairs; a map's ",..." comes
  # even after its last pair once write's depth has run out (stop_at_end false)
  defp depth_items([], _d, true, _write), do: []
  defp depth_items(_t, 1, _print, _write), do: [",..."]
  defp depth_items([], _d, _print, _write), do: []
  defp depth_items([h | t], d, stop_at_end, write), do: [",", write.(h, d - 1) | depth_items(t, d - 1, stop_at_end, write)]
end
