# Date/Time/NaiveDateTime/DateTime: the rest of Elixir 1.14's functions (weeks, eras, gregorian days and seconds, Date.Range, basic ISO 8601, the UTC-only time zone answers).
d = ~D[2024-02-28]
IO.inspect {Date.day_of_era(d), Date.day_of_era(~D[0000-06-01]), Date.day_of_week(d, :sunday), Date.day_of_week(d, :wednesday), Date.beginning_of_week(d, :sunday), Date.end_of_week(d)}
IO.inspect {Date.to_gregorian_days(d), Date.from_gregorian_days(739_000), Date.to_iso8601(d, :basic), Date.year_of_era(~D[-0005-01-01]), Date.quarter_of_year(~D[2024-12-01])}
r = Date.range(~D[2024-01-05], ~D[2024-01-01])
IO.inspect r
IO.inspect Date.range(~D[2024-01-01], ~D[2024-01-10], 3)
IO.inspect Enum.to_list(Date.range(~D[2024-01-01], ~D[2024-01-10], 3))
IO.inspect {Enum.count(r), Enum.member?(r, ~D[2024-01-03]), Enum.to_list(r)}
IO.inspect Map.from_struct(r)
IO.inspect {Date.convert(d, Calendar.ISO), Date.convert!(d, Calendar.ISO), Date.new!(2024, 1, 1, Calendar.ISO)}
IO.inspect {Time.from_seconds_after_midnight(-1), Time.from_erl({1, 2, 3}), Time.from_erl!({1, 2, 3}, {5, 3}), Time.to_iso8601(~T[01:02:03], :basic), Time.from_erl({25, 0, 0})}
IO.inspect {NaiveDateTime.to_gregorian_seconds(~N[2024-01-01 00:00:01.5]), NaiveDateTime.from_gregorian_seconds(63_871_000_000), NaiveDateTime.from_gregorian_seconds(1, {5, 6}), NaiveDateTime.from_erl({{2024, 1, 1}, {1, 2, 3}}, {7, 3})}
IO.inspect {NaiveDateTime.to_iso8601(~N[2024-01-01 01:02:03], :basic), NaiveDateTime.new!(~D[2024-01-01], ~T[01:00:00]), NaiveDateTime.new(2024, 1, 1, 0, 0, 0, 0, Calendar.ISO)}
IO.inspect {DateTime.new(~D[2024-01-01], ~T[00:00:00], "Etc/UTC"), DateTime.new(~D[2024-01-01], ~T[00:00:00], "Europe/Paris"), DateTime.now("Europe/Paris"), DateTime.shift_zone(~U[2024-01-01 00:00:00Z], "Europe/Paris")}
IO.inspect {DateTime.to_iso8601(~U[2024-01-01 00:00:00Z], :basic), DateTime.to_gregorian_seconds(~U[2024-01-01 00:00:00.25Z]), DateTime.from_gregorian_seconds(63_871_000_000), DateTime.from_naive(~N[2024-01-01 00:00:00], "Europe/Paris")}
IO.inspect {DateTime.add(~U[2024-01-01 00:00:00Z], 1, :hour, Calendar.get_time_zone_database()), Calendar.get_time_zone_database(), Calendar.truncate({123456, 6}, :millisecond), Calendar.compatible_calendars?(Calendar.ISO, Calendar.ISO)}
IO.inspect DateTime.new!(~D[2024-01-01], ~T[00:00:00])
for f <- [fn -> DateTime.now!("Europe/Paris") end, fn -> DateTime.new!(~D[2024-01-01], ~T[00:00:00], "Europe/Paris") end, fn -> DateTime.shift_zone!(~U[2024-01-01 00:00:00Z], "X/Y") end, fn -> Date.range(~D[2024-01-01], ~D[2024-01-02], 0) end] do
  try do
    f.()
  rescue
    e -> IO.inspect(e)
  end
end
