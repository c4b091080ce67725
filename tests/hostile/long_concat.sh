# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: 100,000 right-nested <> (the right side nests).
python3 -c 'n=100000; print("x = " + " <> ".join(["\"a\""]*n)); print("IO.puts(byte_size(x))")'
