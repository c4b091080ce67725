# Calendar.strftime/3: preferred formats (%c %x %X) and their options,
# names given as functions, modifiers and widths, the offset of a zoned
# value, and the errors.
at = ~N[2023-11-05 07:08:09.012]
for f <- ["%c", "%x|%X", "%-d.%-m.%y", "%_4H|%06Y|%8A|%-b|%4P", "%f %q %j %u %%", "%z|%Z", "%I %p", "%25c|", "%3%"] do
  IO.inspect(Calendar.strftime(at, f))
end

IO.inspect(Calendar.strftime(~T[12:30:00], "%I:%M %P"))
IO.inspect(Calendar.strftime(~D[2023-11-05], "%a %A %b %B"))
IO.inspect(Calendar.strftime(at, "%x", preferred_date: "%d/%m/%Y"))
IO.inspect(Calendar.strftime(at, "%c", preferred_datetime: "%x at %X", preferred_time: "%H.%M"))
IO.inspect(Calendar.strftime(at, "%B", month_names: fn m -> "month#{m}" end))
IO.inspect(Calendar.strftime(at, "%a %b", abbreviated_day_of_week_names: fn d -> "D#{d}" end,
                             abbreviated_month_names: fn m -> "M#{m}" end))
IO.inspect(Calendar.strftime(at, "%p %P", am_pm_names: fn :am -> "Morgen"; :pm -> "Abend" end))

zoned = %DateTime{year: 2023, month: 11, day: 5, hour: 7, minute: 8, second: 9, microsecond: {0, 0},
                  time_zone: "America/St_Johns", zone_abbr: "NST", utc_offset: -12_600, std_offset: 0}
IO.inspect(Calendar.strftime(zoned, "%z %7z %Z %-z"))

for {f, opts} <- [{"%x", [preferred_date: "%x"]}, {"%k", []}, {"tail %", []}, {"%ü", []}, {"%d", [weekday_names: nil]}] do
  try do
    Calendar.strftime(at, f, opts)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
