# Regex.run and Regex.scan with groups, options, empty matches and Unicode; inspect of ~r.
r = ~r/(\d+)-(\d+)/
IO.inspect r
IO.inspect ~r/a\/b/i
IO.inspect ~r{x/y}
IO.inspect Regex.run(r, "tel 12-345 and 6-7")
IO.inspect Regex.run(r, "none")
IO.inspect Regex.scan(r, "tel 12-345 and 6-7")
IO.inspect Regex.scan(~r/\w+/, "hello big world")
IO.inspect Regex.match?(~r/^h/, "hello")
IO.inspect Regex.names(~r/(?<b>x)(?<a>y)/)
IO.inspect Regex.run(~r/(a)|(b)/, "b")
IO.inspect Regex.run(~r/(a)|(b)/, "a")
IO.inspect Regex.run(~r/c(d)/, "abcd", return: :index)
IO.inspect Regex.run(~r/c(d)/, "abcd", capture: :all_but_first)
IO.inspect Regex.scan(~r/x*/, "axxb")
IO.inspect Regex.run(~r/^b/m, "a\nb")
IO.inspect Regex.run(~r/a.b/s, "a\nb")
IO.inspect Regex.run(~r/ a b /x, "ab")
IO.inspect Regex.run(~r/a+?/, "aaa")
