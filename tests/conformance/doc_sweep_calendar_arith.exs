# Differences are taken in whole units of each side first (a second and a
# half apart at .5 is 1 second), days/hours/minutes from the seconds; a
# DateTime's offsets count; unix times outside years -9999..9999 are
# refused; the weekday of a year before 0.
IO.inspect(DateTime.diff(~U[2022-03-01 10:00:02.200Z], ~U[2022-03-01 10:00:00.900Z]))
IO.inspect(DateTime.diff(~U[2022-03-01 10:00:00.900Z], ~U[2022-03-01 10:00:02.200Z]))
IO.inspect(NaiveDateTime.diff(~N[2022-03-01 10:00:02.200], ~N[2022-03-01 10:00:00.900], :millisecond))
IO.inspect(NaiveDateTime.diff(~N[2022-03-03 09:00:00], ~N[2022-03-01 10:00:00], :day))
IO.inspect(NaiveDateTime.diff(~N[2022-03-01 10:00:00], ~N[2022-03-01 08:00:01], :hour))
IO.inspect(Time.diff(~T[10:00:01.100], ~T[10:00:00.999]))
IO.inspect(Time.diff(~T[10:00:00], ~T[09:58:30], :minute))
IO.inspect(Time.diff(~T[10:00:00.000001], ~T[10:00:00], :nanosecond))
IO.inspect(Time.add(~T[23:59:59], 2))
IO.inspect(Time.add(~T[00:00:00.000], -1, :nanosecond))
IO.inspect(NaiveDateTime.add(~N[2022-03-01 10:00:00], 2500, :millisecond))
IO.inspect(NaiveDateTime.add(~N[2022-03-01 10:00:00], -3, :day))

tokyo = %DateTime{year: 2022, month: 3, day: 1, hour: 19, minute: 0, second: 0, microsecond: {0, 0},
                  time_zone: "Asia/Tokyo", zone_abbr: "JST", utc_offset: 32_400, std_offset: 0}
IO.inspect(DateTime.compare(tokyo, ~U[2022-03-01 10:00:00Z]))
IO.inspect(DateTime.compare(tokyo, ~U[2022-03-01 09:59:59Z]))
IO.inspect(DateTime.diff(tokyo, ~U[2022-03-01 09:00:00Z]))
IO.inspect(DateTime.diff(~U[2022-03-01 09:00:00Z], tokyo, :minute))
IO.inspect(DateTime.to_unix(tokyo))
IO.inspect(DateTime.to_gregorian_seconds(tokyo))
IO.puts(DateTime.to_string(tokyo))
IO.puts(DateTime.to_iso8601(tokyo))
IO.puts(DateTime.to_iso8601(tokyo, :basic))
IO.puts(DateTime.to_iso8601(tokyo, :extended, 0))
IO.puts(DateTime.to_iso8601(~U[2022-03-01 10:00:00Z], :extended, -5400))
IO.inspect(DateTime.shift_zone(tokyo, "Etc/UTC"))
IO.inspect(DateTime.shift_zone(tokyo, "Asia/Tokyo"))
IO.inspect(DateTime.shift_zone(tokyo, "Europe/Rome"))
IO.inspect(DateTime.from_naive(~N[2022-03-01 10:00:00], "Europe/Rome"))

try do
  DateTime.add(tokyo, 60)
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(DateTime.add(~U[2022-03-01 10:00:00Z], -2, :hour))
IO.inspect(DateTime.from_unix(253_402_300_799))
IO.inspect(DateTime.from_unix(253_402_300_800))
IO.inspect(DateTime.from_unix(-377_705_116_800))
IO.inspect(DateTime.from_unix(-377_705_116_801))
IO.inspect(DateTime.from_unix(3_000, 100))
IO.inspect(DateTime.from_unix(1_000_000, 1000))

try do
  DateTime.from_unix!(10 ** 12)
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(Enum.map([~D[-0001-01-01], ~D[-0400-02-29], ~D[0000-01-01]], &Date.day_of_week/1))
IO.inspect(Date.day_of_week(~D[-0001-01-01], :sunday))
