# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: 100,000 nested not.
python3 -c 'n=100000; print("x = " + "not "*n + "true"); print("IO.puts(x)")'
