&(&1)
&(&1 + 1)
&{&1}
&[&1]
&Enum.map(&1, fn x -> x end)
&is_atom/1
&Foo.bar/2
&:erlang.element/2
&__MODULE__.foo/1
&(&1.field)
