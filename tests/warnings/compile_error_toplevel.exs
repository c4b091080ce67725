# An undefined function at the top of a script: nothing runs.
IO.puts("never printed")
count = increment(0)
IO.puts(count)
