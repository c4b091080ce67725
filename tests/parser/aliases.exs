Foo
Foo.Bar
Foo.Bar.Baz
__MODULE__
__MODULE__.Foo
alias Foo.{Bar, Baz}
x.Y
Elixir.Foo
