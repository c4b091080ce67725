# Date, Time, NaiveDateTime, DateTime and Calendar.strftime across their common functions.
d = ~D[2024-02-28]
IO.inspect {Date.add(d, 2), Date.diff(~D[2024-03-01], d), Date.compare(d, ~D[2024-01-01]), Date.day_of_week(d), Date.leap_year?(d)}
IO.inspect {Date.beginning_of_month(d), Date.end_of_month(d), Date.days_in_month(d), Date.quarter_of_year(d), Date.day_of_year(d)}
IO.inspect {Date.to_iso8601(d), Date.to_string(d), Date.from_iso8601("2024-13-01"), Date.from_iso8601!("2020-01-02")}
IO.inspect Date.range(~D[2024-01-01], ~D[2024-01-05]) |> Enum.to_list()
IO.inspect Date.range(~D[2024-01-01], ~D[2024-01-05])
IO.inspect Date.new(2024, 2, 30)
IO.inspect {Date.to_erl(d), Date.from_erl({2024, 1, 1}), Date.utc_today() |> is_struct(Date)}
IO.inspect {Date.beginning_of_week(d), Date.end_of_week(d, :sunday), Date.year_of_era(d), Date.months_in_year(d)}
t = ~T[13:45:10.123]
IO.inspect {Time.add(t, 3600), Time.diff(t, ~T[12:00:00]), Time.truncate(t, :second), Time.to_iso8601(t), Time.to_string(t)}
IO.inspect {Time.new(25, 0, 0), Time.from_seconds_after_midnight(3661), Time.to_seconds_after_midnight(t), Time.compare(t, ~T[14:00:00])}
IO.inspect {Time.add(t, -50_000, :second), Time.add(t, 1, :hour), Time.to_erl(t)}
n = ~N[2024-01-31 23:59:59]
IO.inspect {NaiveDateTime.add(n, 1), NaiveDateTime.add(n, 30, :day), NaiveDateTime.diff(n, ~N[2024-01-01 00:00:00]), NaiveDateTime.diff(n, ~N[2024-01-01 00:00:00], :hour)}
IO.inspect {NaiveDateTime.to_date(n), NaiveDateTime.to_time(n), NaiveDateTime.to_iso8601(n), NaiveDateTime.truncate(~N[2024-01-01 00:00:00.123456], :millisecond)}
IO.inspect {NaiveDateTime.from_iso8601("2024-01-01T10:00:00Z"), NaiveDateTime.new(~D[2024-01-01], ~T[10:00:00])}
IO.inspect {NaiveDateTime.to_erl(n), NaiveDateTime.from_erl!({{2024, 1, 1}, {0, 0, 0}}), NaiveDateTime.compare(n, n)}
dt = ~U[2024-01-31 23:59:59Z]
IO.inspect {DateTime.add(dt, 1), DateTime.add(dt, 2, :day), DateTime.diff(dt, ~U[2024-01-01 00:00:00Z]), DateTime.to_unix(dt), DateTime.from_unix(1_700_000_000)}
IO.inspect {DateTime.to_iso8601(dt), DateTime.to_string(dt), DateTime.from_iso8601("2024-01-01T10:00:00+02:00"), DateTime.to_naive(dt), DateTime.to_date(dt)}
IO.inspect {DateTime.from_naive(n, "Etc/UTC"), DateTime.from_naive!(n, "Etc/UTC"), DateTime.truncate(~U[2024-01-01 00:00:00.123Z], :second), DateTime.compare(dt, dt)}
IO.inspect {DateTime.from_unix!(1_700_000_000_123, :millisecond), DateTime.to_unix(dt, :millisecond), DateTime.new(~D[2024-01-01], ~T[00:00:00])}
IO.inspect {DateTime.utc_now() |> is_struct(DateTime), DateTime.utc_now().time_zone, DateTime.now("Etc/UTC") |> elem(0), DateTime.now("Europe/Paris")}
IO.inspect {DateTime.shift_zone(dt, "Etc/UTC"), DateTime.to_time(dt), DateTime.from_iso8601("bad"), DateTime.to_gregorian_seconds(dt)}
IO.inspect {Calendar.ISO.leap_year?(2000), Calendar.ISO.days_in_month(2023, 2), Calendar.strftime(dt, "%Y-%m-%d %H:%M:%S %a %b %j %p"), Calendar.strftime(d, "%A %B %-d")}
IO.inspect DateTime.utc_now() |> DateTime.add(3600) |> DateTime.compare(DateTime.utc_now())
IO.inspect {NaiveDateTime.utc_now() |> is_struct(NaiveDateTime), Time.utc_now() |> is_struct(Time), System.os_time(:second) > 1_600_000_000}
IO.inspect {inspect(dt), inspect(n), inspect(t), inspect(d), inspect(DateTime.from_naive!(n, "Etc/UTC") |> Map.put(:microsecond, {5, 3}))}
