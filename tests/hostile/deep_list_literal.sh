# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: a list literal nested 100,000 deep.
python3 -c 'n=100000; print("x = " + "["*n + "]"*n); print("IO.puts(length(x))")'
