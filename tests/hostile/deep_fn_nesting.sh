# limit: 20
# Source: 100,000 nested anonymous functions.
python3 -c 'n=100000; print("f = " + "fn -> "*n + "1" + " end"*n); print("IO.puts(is_function(f))")'
