# Calendar.strftime/2 with the common directives and padding modifiers,
# on dates, times, naive and UTC datetimes.
defmodule Main do
  def run do
    dt = ~U[2024-03-09 07:05:03.120Z]
    for f <- ["%Y-%m-%d %H:%M:%S", "%y/%-m/%-d", "%I:%M %p", "%I %P", "%a %A %b %B",
              "%j %u", "%f|%3f|%1f", "%z %Z", "100%%", "%H%M", "at %-I%p on %A"] do
      IO.puts(f <> " => " <> Calendar.strftime(dt, f))
    end

    IO.puts(Calendar.strftime(~N[2023-12-31 23:59:59], "%Y %j %B %d %I:%M:%S %p"))
    IO.puts(Calendar.strftime(~D[2024-02-29], "%A, %B %-d, %Y"))
    IO.puts(Calendar.strftime(~T[12:00:00], "%I:%M %p"))
    IO.puts(Calendar.strftime(~T[00:30:00], "%I:%M %P"))
    IO.puts(Calendar.strftime(~N[2024-01-01 00:00:00.000001], "%f"))
  end
end

Main.run()
