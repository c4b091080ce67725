# Converting to another calendar asks it, through Calendar's callbacks on
# ISO days; calendars whose days roll over at another time are
# incompatible; Calendar.ISO answers those callbacks itself.
defmodule PlusTenThousand do
  def day_rollover_relative_to_midnight_utc, do: {0, 1}

  def naive_datetime_to_iso_days(y, m, d, h, mi, s, us),
    do: Calendar.ISO.naive_datetime_to_iso_days(y - 10_000, m, d, h, mi, s, us)

  def naive_datetime_from_iso_days(iso) do
    {y, m, d, h, mi, s, us} = Calendar.ISO.naive_datetime_from_iso_days(iso)
    {y + 10_000, m, d, h, mi, s, us}
  end

  def time_to_day_fraction(h, mi, s, us), do: Calendar.ISO.time_to_day_fraction(h, mi, s, us)
  def time_from_day_fraction(fraction), do: Calendar.ISO.time_from_day_fraction(fraction)
end

defmodule RollsAtNoon do
  def day_rollover_relative_to_midnight_utc, do: {1, 2}
end

fields = fn {:ok, value} -> value |> Map.from_struct() |> Enum.sort() end
IO.inspect(fields.(Date.convert(~D[2024-02-29], PlusTenThousand)))
IO.inspect(fields.(Time.convert(~T[23:59:58.25], PlusTenThousand)))
IO.inspect(fields.(NaiveDateTime.convert(~N[1999-12-31 23:59:59.999], PlusTenThousand)))
IO.inspect(fields.(DateTime.convert(~U[2010-10-10 10:10:10Z], PlusTenThousand)))
IO.inspect(Date.convert(~D[2024-02-29], RollsAtNoon))
IO.inspect(NaiveDateTime.convert(~N[2024-02-29 00:00:00], RollsAtNoon))
IO.inspect(Date.convert(~D[2024-02-29], Calendar.ISO))
IO.inspect(Calendar.compatible_calendars?(Calendar.ISO, PlusTenThousand))
IO.inspect(Calendar.ISO.naive_datetime_to_iso_days(2000, 1, 1, 6, 0, 0, {0, 0}))
IO.inspect(Calendar.ISO.naive_datetime_from_iso_days({730_485, {3, 4}}))
IO.inspect(Calendar.ISO.time_from_day_fraction({1, 3}))
IO.inspect(Calendar.ISO.day_rollover_relative_to_midnight_utc())

for f <- [fn -> Date.convert!(~D[2024-02-29], RollsAtNoon) end, fn -> Time.convert(~T[10:00:00], No.Such.Calendar) end,
          fn -> DateTime.convert(~U[2010-10-10 10:10:10Z], No.Such.Calendar) end] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
