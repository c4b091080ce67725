# limit: 20
# Source: 100,000 nested parentheses.
python3 -c 'n=100000; print("x = " + "("*n + "1" + ")"*n); print("IO.puts(x)")'
