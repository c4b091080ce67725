# limit: 20
# Source: a map literal nested 100,000 deep.
python3 -c 'n=100000; print("x = " + "%{a: "*n + "1" + "}"*n); print("IO.puts(map_size(x))")'
