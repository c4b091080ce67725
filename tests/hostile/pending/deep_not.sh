# limit: 20
# expect: true
# Source: 100,000 nested not.
python3 -c 'n=100000; print("x = " + "not "*n + "true"); print("IO.puts(x)")'
