# Macro's helpers: underscore/camelize, decompose_call, operator?/special_form?/quoted_literal?, update_meta, generate_arguments, pipe/unpipe, validate, prewalker/postwalker.
for s <- ["FooBar", "Foo.Bar", "HTTPServer", "API", "fooBar", "Foo1Bar", "Foo1bar", "SAPExample", "FooBAR", "Foo_Bar", "foo", "", "A", "MyApp.HTTPClient.V2", "ABCDef", "aB", "Ab9C", "x1Y"] do
  IO.inspect {s, Macro.underscore(s)}
end
for s <- ["foo_bar", "foo/bar", "_foo", "foo__bar", "Foo_bar", "foo_bar_", "http_server", "", "foo1_bar", "a_b/c_d", "foo_1bar", "__x", "fooBar"] do
  IO.inspect {s, Macro.camelize(s)}
end
IO.inspect Macro.underscore(Foo.BarBaz)
IO.inspect Macro.decompose_call(quote(do: foo(1, 2)))
IO.inspect Macro.decompose_call(quote(do: Foo.bar(1)))
IO.inspect Macro.decompose_call(quote(do: 42))
IO.inspect Macro.decompose_call(quote(do: foo))
IO.inspect Macro.unique_var(:x, __MODULE__) |> elem(0)
IO.inspect {Macro.operator?(:+, 2), Macro.operator?(:+, 1), Macro.operator?(:foo, 2), Macro.operator?(:|>, 2), Macro.operator?(:not, 1)}
IO.inspect {Macro.special_form?(:case, 2), Macro.special_form?(:if, 2), Macro.special_form?(:__block__, 3), Macro.special_form?(:fn, 5)}
IO.inspect {Macro.quoted_literal?(quote(do: [1, "a", :b])), Macro.quoted_literal?(quote(do: %{a: 1})), Macro.quoted_literal?(quote(do: x)), Macro.quoted_literal?(quote(do: {1, 2, 3}))}
IO.inspect Macro.update_meta(quote(do: foo(bar(1))), &Keyword.put(&1, :x, 1))
IO.inspect Macro.generate_arguments(3, __MODULE__)
IO.inspect Macro.pipe(quote(do: x), quote(do: foo(1)), 0)
IO.inspect Macro.unpipe(quote(do: x |> foo(1) |> bar()))
IO.inspect {Macro.validate(quote(do: foo(1))), Macro.validate({:a, :b, :c})}
IO.inspect Macro.prewalker(quote(do: a + b)) |> Enum.to_list()
IO.inspect Macro.postwalker(quote(do: a + b)) |> Enum.to_list()
