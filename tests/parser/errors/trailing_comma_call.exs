foo(a,)
