# String functions on invalid UTF-8 at run time.
b = <<0xFF, 0xFE, ?a, 0xC3>>
IO.inspect(String.valid?(b))
IO.inspect(String.length(b))
IO.inspect(String.upcase(b))
IO.inspect(String.graphemes(b))
IO.inspect(String.split(b, ""))
IO.inspect(b)
IO.inspect(try do String.to_atom(b) rescue e -> e end)
IO.inspect(try do :unicode.characters_to_list(b) rescue e -> e end)
IO.inspect(String.printable?(b))
