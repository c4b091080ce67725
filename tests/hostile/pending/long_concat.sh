# limit: 20
# Source: 100,000 right-nested <> (the right side nests).
python3 -c 'n=100000; print("x = " + " <> ".join(["\"a\""]*n)); print("IO.puts(byte_size(x))")'
