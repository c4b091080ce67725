IO.puts "x"
foo 1
foo 1, 2
foo a: 1
foo a, b: 1
foo bar baz
foo bar baz, 1
raise ArgumentError, "m"
raise "oops"
foo -1
foo - 1
foo -x
foo !x
foo @x
foo &bar/1
foo [1]
foo {1, 2}
foo %{}
foo <<1>>
foo fn x -> x end
foo ...
x.y 1
x.y [1]
Foo.bar baz
foo not x
foo ^x
