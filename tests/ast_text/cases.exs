# Macro.to_string/1 of quoted code: what core/lang/ast_text.c must print
# (tests/unit/test_ast_text.c reads cases.out, recorded from Elixir).
for s <- ["&(&1)", "&(&1 + 1)", "&foo/1", "&Enum.map/2", "&Enum.map(&1, f)", "&1", "-x", "not x", "!x", "^x", "@foo", "a + b * c", "(a + b) * c", "a - (b - c)", "a - b - c", "a ++ b ++ c", "(a ++ b) ++ c", "f(a, b: 1, c: 2)", "f(a, [b: 1])", "[b: 1]", "[1, b: 1]", "%{a: 1, b: 2}", "%{\"a\" => 1}", "%U{a: 1}", "{1, 2}", "{1, 2, 3}", "x.y", "x.y()", "f.(1)", "Enum.map(x)", ":erlang.foo(1)", "M.f(1) |> M.f(2)", "1..10", "a in [1, 2]", "a not in b", "length", "x = 1", "foo()", "a.b.c", "[h | t]", "<<1, 2>>", ":\"foo bar\"", "nil", "true", "1.0", "a when b", "a :: b", "-(a + b)", "Foo.Bar.baz(1)", "x.y.z(1)", "{a, b} = c"] do
  IO.puts(s <> "\t" <> Macro.to_string(Code.string_to_quoted!(s)))
end
