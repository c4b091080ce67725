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
          # Walk range1 from its first element inside the overlap; the
          # pattern of remainders modulo step2 repeats after step2 steps.
          lo = :erlang.max(first1, first2)
          hi = :erlang.min(last1, last2)
          start = first1 + div(lo - first1 + step1 - 1, step1) * step1
          not common_element?(start, hi, step1, first2, step2, step2)
      end
    end
  end

  # Increasing form of a non-empty range: {smallest, largest, positive step}.
  defp normalize(%Range{first: first, last: last, step: step}) when step > 0 do
    {first, last - rem(last - first, step), step}
  end

  defp normalize(%Range{first: first, last: last, step: step}) do
    last = last - rem(last - first, step)
    {last, first, -step}
  end

  defp common_element?(x, hi, _step1, _first2, _step2, _left) when x > hi, do: false
  defp common_element?(_x, _hi, _step1, _first2, _step2, left) when left < 0, do: false

  defp common_element?(x, hi, step1, first2, step2, left) do
    if rem(x - first2, step2) == 0 do
      true
    else
      common_element?(x + step1, hi, step1, first2, step2, left - 1)
    end
  end

  def range?(%Range{}), do: true
  def range?(_term), do: false
end
