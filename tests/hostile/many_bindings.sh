# limit: 30
# Source: 10,000 top-level bindings in one script.
python3 -c 'n=10000; print("\n".join("x%d = %d" % (i, i) for i in range(n))); print("IO.puts(x9999)")'
