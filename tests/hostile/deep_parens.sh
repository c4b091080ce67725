# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: 100,000 nested parentheses.
python3 -c 'n=100000; print("x = " + "("*n + "1" + ")"*n); print("IO.puts(x)")'
