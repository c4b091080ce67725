foo()
foo(1)
foo(1, 2)
foo(a, b: 1)
foo(a, b: 1, c: 2)
foo(b: 1)
foo(
  1,
  2
)
foo(g a, b)
foo(1)(2)
Foo.bar(1)
:erlang.foo(1)
foo.bar(1)
foo.bar.baz(1)
f.(x)
f.()
f.(1, 2)
Kernel.+(1, 2)
foo."quoted"(1)
foo.(1).bar
