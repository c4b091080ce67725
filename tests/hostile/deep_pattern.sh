# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: a pattern nested 100,000 deep.
python3 -c 'n=100000; print("x = " + "{"*n + "1" + "}"*n); print("" + "{"*n + "y" + "}"*n + " = x"); print("IO.puts(y)")'
