# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: a map literal nested 100,000 deep.
python3 -c 'n=100000; print("x = " + "%{a: "*n + "1" + "}"*n); print("IO.puts(map_size(x))")'
