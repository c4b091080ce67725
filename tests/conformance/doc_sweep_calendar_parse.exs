# ISO 8601 text as Calendar.ISO reads it: "," before a fraction, a
# leading T and an ignored offset on a time, the basic format, a date
# checked before its time, offsets moved to UTC, "-00:00" refused.
for s <- ["08:15:00", "T08:15:00Z", "08:15:00,25", "08:15:00.1234567", "08:15:00.", "08:15:00+05",
          "08:15:00+0530", "08:15:00+24:00", "08:15:60", "8:15:00", "08:15:00 "] do
  IO.inspect({s, Time.from_iso8601(s)})
end

for s <- ["1999-12-31 23:59:59", "1999-12-31T23:59:59,9Z", "1999-12-31 24:00:00", "1999-13-31 23:59:59",
          "1999-02-30 25:00:00", "1999-12-31 23:59:59-00:00", "+1999-12-31 23:59:59", "-0044-03-15 12:00:00"] do
  IO.inspect({s, NaiveDateTime.from_iso8601(s)})
end

for s <- ["2001-02-03T04:05:06Z", "2001-02-03T04:05:06+01:30", "2001-02-03T00:05:06+01:30",
          "2001-02-03T23:05:06-02", "2001-02-03T04:05:06", "2001-02-30T04:05:06Z", "2001-02-03T04:05:60Z"] do
  IO.inspect({s, DateTime.from_iso8601(s)})
end

IO.inspect(DateTime.from_iso8601("20010203T040506.5-0100", :basic))
IO.inspect(DateTime.from_iso8601("20010203T040506Z", :extended))
IO.inspect(DateTime.from_iso8601("2001-02-03 04:05:06Z", Calendar.ISO, :extended))
IO.inspect(Date.from_iso8601("2001-02-29"))
IO.inspect(Date.from_iso8601("-2001-02-28"))
IO.inspect(Calendar.ISO.parse_date("20010203", :basic))
IO.inspect(Calendar.ISO.parse_time("040506", :basic))
IO.inspect(Calendar.ISO.parse_naive_datetime("2001-02-03 04:05:06.7+01:00"))
IO.inspect(Calendar.ISO.parse_utc_datetime("2001-02-03 00:05:06+01:00"))

try do
  NaiveDateTime.from_iso8601!("2001-02-03 04:05:06.")
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(NaiveDateTime.new(2001, 2, 3, 24, 0, 0))
IO.inspect(NaiveDateTime.new(2001, 2, 30, 24, 0, 0))
IO.inspect(Date.from_erl({2001, 2, 29}))

try do
  Date.from_erl!({2001, 2, 29})
rescue
  e -> IO.puts(Exception.message(e))
end
