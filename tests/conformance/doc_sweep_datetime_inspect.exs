# A DateTime outside Etc/UTC (or with an offset in it) inspects as
# #DateTime<...> with its offset, abbreviation and zone; years before 0
# show their sign and four digits.
paris = %DateTime{year: 2021, month: 7, day: 14, hour: 9, minute: 5, second: 0, microsecond: {250, 3},
                  time_zone: "Europe/Paris", zone_abbr: "CEST", utc_offset: 3600, std_offset: 3600}
IO.inspect(paris)
IO.inspect(%{paris | utc_offset: -16200, std_offset: 0, zone_abbr: "X", time_zone: "Somewhere/Else"})
IO.inspect([paris])
IO.inspect(%{paris | time_zone: "Etc/UTC", utc_offset: 0, std_offset: 0, zone_abbr: "UTC"})
IO.inspect(%{paris | time_zone: "Etc/UTC", utc_offset: 0, std_offset: 60, zone_abbr: "UTC"})
IO.inspect(Date.new!(-44, 3, 15))
IO.inspect(Date.add(~D[0000-01-01], -1))
IO.inspect(NaiveDateTime.new!(-5, 1, 2, 3, 4, 5))
IO.inspect(DateTime.from_gregorian_seconds(-86_400))
