# A calendar sigil whose text is no valid date or time raises as the
# sigil does: "as Date for Calendar.ISO", "as UTC DateTime ...".
IO.puts("25:00:00")
try do
  Code.eval_string(~S(~T[25:00:00]))
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Code.eval_string(~S(~N[2020-13-01 00:00:00]))
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Code.eval_string(~S(~U[2020-01-01 00:00:00]))
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Code.eval_string(~S(~U[2020-01-01 00:00:00+01:00]))
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(~U[2020-01-01 00:00:00Z])
IO.inspect(~N[2020-01-01 10:00:00])
