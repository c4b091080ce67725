# limit: 20
# Source: a tuple literal nested 100,000 deep.
python3 -c 'n=100000; print("x = " + "{"*n + "}"*n); print("IO.puts(tuple_size(x))")'
