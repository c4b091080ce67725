# Code.quoted_to_algebra/2 (the document Macro.to_string lays out, at any width) and Code.ensure_compiled?/1.
doc = Code.quoted_to_algebra(quote(do: foo(aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccc)))
IO.puts Inspect.Algebra.format(doc, 40)
IO.puts Inspect.Algebra.format(doc, 200)
IO.puts Inspect.Algebra.format(Code.quoted_to_algebra(quote(do: [1, 2, 3] |> Enum.map(&(&1 * 2)) |> Enum.sum())), 20)
IO.inspect {Code.ensure_compiled?(Enum), Code.ensure_compiled?(NoSuchModule)}
