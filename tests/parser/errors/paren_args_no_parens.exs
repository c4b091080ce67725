foo(bar a, b
-1)
