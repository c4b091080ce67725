# Date, Time, NaiveDateTime and UTC DateTime: sigils, arithmetic, comparison, truncation, text.
d = ~D[2024-02-28]
IO.inspect d
IO.inspect Date.add(d, 2)
IO.inspect Date.add(d, -365)
IO.inspect Date.diff(~D[2024-03-01], d)
IO.inspect Date.compare(d, ~D[2024-03-01])
IO.inspect {Date.day_of_week(d), Date.day_of_year(d), Date.leap_year?(d), Date.days_in_month(d)}
IO.inspect Date.new(2023, 2, 29)
IO.inspect Date.new(2023, 2, 28)
IO.inspect Date.from_iso8601("2020-13-01")
IO.inspect to_string(d)
IO.inspect "#{d}"
IO.inspect Date.to_iso8601(d)
IO.inspect Date.end_of_month(d)
IO.inspect Map.from_struct(d)
t = ~T[23:59:30]
IO.inspect t
IO.inspect Time.add(t, 45)
IO.inspect Time.add(t, 1500, :millisecond)
IO.inspect Time.diff(~T[10:00:00], ~T[09:30:00])
IO.inspect Time.diff(~T[10:00:00], ~T[09:30:00], :minute)
IO.inspect ~T[12:00:00.123]
IO.inspect Time.truncate(~T[12:00:00.123456], :millisecond)
IO.inspect Time.compare(~T[01:00:00], ~T[02:00:00])
n = ~N[2024-12-31 23:59:59]
IO.inspect n
IO.inspect NaiveDateTime.add(n, 1)
IO.inspect NaiveDateTime.add(n, -86400 * 366)
IO.inspect NaiveDateTime.diff(~N[2025-01-01 00:00:00], n)
IO.inspect NaiveDateTime.to_iso8601(n)
IO.inspect to_string(n)
IO.inspect NaiveDateTime.new(2024, 1, 1, 12, 0, 0)
IO.inspect NaiveDateTime.truncate(~N[2024-01-01 10:00:00.5], :second)
u = ~U[2024-05-01 12:00:00Z]
IO.inspect u
IO.inspect DateTime.add(u, 3600)
IO.inspect DateTime.diff(DateTime.add(u, 90, :minute), u)
IO.inspect DateTime.to_unix(u)
IO.inspect DateTime.from_unix!(0)
IO.inspect DateTime.from_unix!(1_700_000_000_123, :millisecond)
IO.inspect DateTime.to_iso8601(u)
IO.inspect to_string(u)
IO.inspect DateTime.from_iso8601("2024-05-01T14:00:00+02:00")
IO.inspect DateTime.compare(u, DateTime.add(u, 1))
IO.inspect DateTime.truncate(DateTime.from_unix!(1_700_000_000_123_456, :microsecond), :second)
IO.inspect DateTime.to_date(u)
IO.inspect DateTime.to_naive(u)
IO.inspect [d, t, n, u]
