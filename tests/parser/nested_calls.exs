a b c d
a b, c
foo(bar(baz(1)))
Enum.map(list, fn x -> Enum.map(x, &to_string/1) end)
IO.inspect(foo(), label: "x")
