defmodule Float do
  # Floats. parse/1, round/1,2, floor/1,2, ceil/1,2 and to_string/1 are natives.

  def max_finite, do: 1.7976931348623157e308
  def min_finite, do: -1.7976931348623157e308

  def pow(base, exponent) when is_float(base) and is_number(exponent) do
    :math.pow(base, exponent)
  end

  # The exact value of a float as a fraction in lowest terms: doubling a
  # float is exact, so double until it is integral.
  def ratio(0.0), do: {0, 1}

  def ratio(float) when is_float(float), do: ratio_loop(float, 1)

  defp ratio_loop(float, denominator) do
    if float == :erlang.trunc(float) do
      {:erlang.trunc(float), denominator}
    else
      ratio_loop(float * 2, denominator * 2)
    end
  end

  def to_charlist(float) when is_float(float), do: :erlang.binary_to_list(Float.to_string(float))

  def to_char_list(float), do: Float.to_charlist(float)
end
