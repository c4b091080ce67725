# limit: 30
# Source: a flat list of 1,000,000 elements.
python3 -c 'n=1000000; print("x = [" + ",".join(["1"]*n) + "]"); print("IO.puts(length(x))")'
