# NUL bytes in atoms and strings.
a = String.to_atom("a\0b")
IO.inspect(a)
IO.inspect(Atom.to_string(a) |> byte_size)
IO.puts("x\0y")
IO.inspect(List.to_atom([0]))
