foo(a:1)
