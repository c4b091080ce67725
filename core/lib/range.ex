defmodule Range do
  # Ranges: %Range{first, last, step}, written first..last//step.

  defstruct first: nil, last: nil, step: nil

  def new(first, last) when is_integer(first) and is_integer(last) do
    step = if first <= last, do: 1, else: -1
    %Range{first: first, last: last, step: step}
  end

  def new(first, last) do
    raise ArgumentError,
          "ranges (first..last) expect both sides to be integers, " <>
            "got: " <> inspect(first) <> ".." <> inspect(last)
  end

  def new(first, last, step)
      when is_integer(first) and is_integer(last) and is_integer(step) and step != 0 do
    %Range{first: first, last: last, step: step}
  end

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a " <>
            "non-zero integer, got: " <> inspect(first) <> ".." <> inspect(last) <> "//" <> inspect(step)
  end

  def size(%Range{first: first, last: last, step: step}) when step > 0 and first > last, do: 0
  def size(%Range{first: first, last: last, step: step}) when step < 0 and first < last, do: 0
  def size(%Range{first: first, last: last, step: step}), do: abs(div(last - first, step)) + 1

  def shift(%Range{first: first, last: last, step: step}, steps_to_shift) when is_integer(steps_to_shift) do
    new(first + steps_to_shift * step, last + steps_to_shift * step, step)
  end

  def disjoint?(%Range{} = range1, %Range{} = range2) do
    if size(range1) == 0 or size(range2) == 0 do
      true
    else
      {first1, last1, step1} = normalize(range1)
      {first2, last2, step2} = normalize(range2)

      cond do
        last2 < first1 or last1 < first2 ->
          true

        abs(step1) == 1 and abs(step2) == 1 ->
          false

        true ->
          # Elixir 1.14 decides from the first common term of the two
          # progressions, found with the extended gcd, and from bounds that
          # are not always elements (a decreasing range is read from its
          # last bound up): its answers are the spec, wrong ones included.
          {g, u, v} = Integer.extended_gcd(-step1, step2)
          c = first1 - first2 + step2 - step1
          t = max(floor(-c / step1 * u), floor(-c / step2 * v)) + 1
          i1 = div(c * u + t * step2, g) - 1
          i2 = div(c * v + t * step1, g) - 1
          i1 < 0 or first1 + i1 * step1 > last1 or i2 < 0 or first2 + i2 * step2 > last2
      end
    end
  end

  # A range as {low bound, high bound, positive step}.
  defp normalize(%Range{first: first, last: last, step: step}) when first > last, do: {last, first, -step}
  defp normalize(%Range{first: first, last: last, step: step}), do: {first, last, step}

  def range?(%Range{}), do: true
  def range?(_term), do: false
end
