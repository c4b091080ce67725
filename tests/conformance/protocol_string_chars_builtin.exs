# String.Chars of the built-in types and of the standard library's
# structs, through to_string/1, interpolation and impl_for/1.
defmodule Main do
  def run do
    values = [:atom, nil, true, "bin", 42, -7, 1.5, 1.0e20, 'chars', ['a', "b", ?c],
              ~D[2024-02-29], ~T[13:45:00.123], ~N[2024-02-29 13:45:00], ~U[2024-02-29 13:45:00Z],
              URI.parse("https://example.com:8080/p?q=1")]

    for v <- values do
      IO.puts("#{inspect(v)} -> #{v} (#{inspect(String.Chars.impl_for(v))})")
    end

    IO.inspect(Enum.map(values, &to_string/1) == Enum.map(values, &"#{&1}"))
    IO.inspect(String.Chars.impl_for({}))
    IO.inspect(String.Chars.impl_for(%{}))
    IO.inspect(String.Chars.__protocol__(:functions))
    IO.puts(Enum.join([1, :two, "three", 4.0], ", "))
    IO.puts(List.to_string([~D[2020-01-01] |> to_string(), " ", 1 |> to_string()]))
  end
end

Main.run()
