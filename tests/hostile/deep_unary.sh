# limit: 20
# expect: 1
# Source: 100,000 unary minus signs.
python3 -c 'n=100000; print("x = " + "- "*n + "1"); print("IO.puts(x)")'
