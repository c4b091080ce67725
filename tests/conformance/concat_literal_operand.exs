# <> refuses an operand written as a literal atom, number or list as it
# expands, before the script runs.
IO.puts("x")
IO.puts("a" <> :b)
