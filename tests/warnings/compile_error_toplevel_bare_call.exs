# A bare call of an undefined function among the statements of a top level:
# Elixir's expansion is shallow there, so Code.require_file/2 shows.
IO.puts("never printed")
x = 1
increment(x)
IO.puts(x)
