# limit: 20
# Source: a pipeline of 100,000 stages.
python3 -c 'n=100000; print("x = 0" + " |> Kernel.+(1)"*n); print("IO.puts(x)")'
