# limit: 20
# expect: expression is nested too deeply
# (Elixir accepts it; genlab bounds the depth of source with a SyntaxError.)
# Source: a pipeline of 100,000 stages.
python3 -c 'n=100000; print("x = 0" + " |> Kernel.+(1)"*n); print("IO.puts(x)")'
