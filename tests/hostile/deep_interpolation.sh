# limit: 20
# Source: string interpolation nested 10,000 deep.
python3 -c 'n=10000; print("x = " + "\"#{"*n + "1" + "}\""*n); print("IO.puts(x)")'
