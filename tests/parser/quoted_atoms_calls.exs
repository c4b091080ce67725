:"foo-bar"
:"Elixir.Foo"
:"123"
:""
Foo."bar baz"()
x."end"
