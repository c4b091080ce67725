name = "Ann"
n = 3
IO.puts("#{name} has #{n} items")
IO.puts("math: #{n * 2 + 1}")
IO.puts("atom #{:ok}, float #{2.5}, nil [#{nil}], bool #{true}")
IO.puts("list of codepoints #{[72, 105]}")
IO.puts("charlist #{'abc'}")
IO.puts("nested #{"inner #{name}"}")
IO.puts("call #{String.upcase(name)}")
IO.puts("inspect #{inspect(%{a: 1})}")
IO.puts("big #{Integer.pow(2, 100)}")
IO.puts("#{1}#{2}#{3}")
IO.puts("multi #{
  1 + 1
} line")
IO.puts("escaped \#{name}")
IO.puts("module #{String}")
IO.puts("range #{inspect(1..3)}")
s = "x"
IO.puts(s <> "#{s}" <> s)
IO.puts("Performing task: #{:cleanup}")
IO.puts("tuple #{inspect({1, 2})}")
IO.inspect("#{name}")
IO.inspect("a#{}b")
IO.inspect(~s(#{name} in sigil))
IO.puts("unicode #{"é"} #{"日本"}")
