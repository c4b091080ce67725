defmodule Integer do
  # Integers. parse/1,2, to_string/1,2 and digits/1,2 are natives.

  defmacro is_odd(integer) do
    quote do: is_integer(unquote(integer)) and :erlang.band(unquote(integer), 1) == 1
  end

  defmacro is_even(integer) do
    quote do: is_integer(unquote(integer)) and :erlang.band(unquote(integer), 1) == 0
  end

  def floor_div(dividend, divisor) do
    if (dividend >= 0 and divisor > 0) or (dividend <= 0 and divisor < 0) or rem(dividend, divisor) == 0 do
      div(dividend, divisor)
    else
      div(dividend, divisor) - 1
    end
  end

  def mod(dividend, divisor) when is_integer(dividend) and is_integer(divisor) do
    remainder = rem(dividend, divisor)

    if remainder * divisor < 0 do
      remainder + divisor
    else
      remainder
    end
  end

  def pow(base, exponent) when is_integer(base) and is_integer(exponent) do
    if exponent < 0, do: :erlang.error(:badarith, [base, exponent])
    pow_loop(base, exponent, 1)
  end

  defp pow_loop(_base, 0, acc), do: acc

  defp pow_loop(base, exponent, acc) do
    acc = if rem(exponent, 2) == 1, do: acc * base, else: acc
    pow_loop(base * base, div(exponent, 2), acc)
  end

  def gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2) do
    gcd_loop(abs(integer1), abs(integer2))
  end

  defp gcd_loop(a, 0), do: a
  defp gcd_loop(a, b), do: gcd_loop(b, rem(a, b))

  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b) when is_integer(b), do: {b, 0, 1}
  def extended_gcd(a, 0) when is_integer(a), do: {a, 1, 0}

  def extended_gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2) do
    extended_gcd_loop(integer2, integer1, 0, 1, 1, 0)
  end

  defp extended_gcd_loop(r1, r0, s1, s0, t1, t0) do
    if r1 == 0 do
      if r0 < 0, do: {-r0, -s0, -t0}, else: {r0, s0, t0}
    else
      q = div(r0, r1)
      extended_gcd_loop(r0 - q * r1, r1, s0 - q * s1, s1, t0 - q * t1, t1)
    end
  end

  def undigits(digits, base \\ 10) when is_list(digits) and is_integer(base) and base >= 2 do
    undigits_loop(digits, base, 0)
  end

  defp undigits_loop([], _base, acc), do: acc

  defp undigits_loop([digit | _], base, _acc) when is_integer(digit) and digit >= base do
    :erlang.error(
      ArgumentError.exception("invalid digit " <> :erlang.integer_to_binary(digit) <> " in base " <> :erlang.integer_to_binary(base))
    )
  end

  defp undigits_loop([digit | tail], base, acc) when is_integer(digit) do
    undigits_loop(tail, base, acc * base + digit)
  end

  def to_charlist(integer, base \\ 10), do: :erlang.integer_to_list(integer, base)

  def to_char_list(integer), do: :erlang.integer_to_list(integer)
  def to_char_list(integer, base), do: :erlang.integer_to_list(integer, base)
end
