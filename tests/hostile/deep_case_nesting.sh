# limit: 20
# Source: 100,000 nested case expressions.
python3 -c 'n=100000; print("x = " + "case 1 do _ -> "*n + "2" + " end"*n); print("IO.puts(x)")'
