# Named captures, names, source, opts, escape, compile errors, modifiers.
IO.inspect Regex.split(~r/(-)/, "a-b", include_captures: true)
IO.inspect Regex.named_captures(~r/(?<year>\d{4})-(?<month>\d{2})/, "on 2024-05-01")
IO.inspect Regex.named_captures(~r/(?<year>\d{4})/, "none")
IO.inspect Regex.scan(~r/é/u, "café é")
IO.inspect Regex.source(~r/ab+/)
IO.inspect Regex.opts(~r/ab+/ims)
IO.inspect "2024-05-01" =~ ~r/^\d{4}-\d{2}-\d{2}$/
IO.inspect Regex.compile("(")
IO.inspect(try do Regex.compile!("a(") rescue e -> e.__struct__ end)
IO.inspect Regex.regex?(~r/x/)
IO.inspect ~r/line\nnext/
IO.inspect Regex.compile("*a"); IO.inspect Regex.compile("a)"); IO.inspect Regex.compile("[a")
