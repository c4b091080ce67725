# comments are ignored
IO.inspect(1_000)
IO.inspect(0xFF)
IO.inspect(0b1010)
IO.inspect(0o777)
IO.inspect(1.0e3)
IO.inspect(1.5e-3)
IO.inspect(?A)
IO.inspect(?\s)
IO.inspect(?\\)
IO.inspect(?ä)
a = 1; b = 2
IO.inspect(a + b)
IO.inspect [1, 2, 3]
IO.puts "no parens"
IO.inspect(Enum.map [1, 2], fn x -> x * 2 end)
IO.inspect(%{"a" => 1,
  "b" => 2})
IO.inspect([
  1,
  2,
])
IO.inspect({:trailing, :comma,})
IO.inspect(if(true, do: :kw_do))
IO.inspect(Kernel.if(false, [do: 1, else: 2]))
long_expression =
  1 +
    2 +
    3
IO.inspect(long_expression)
IO.inspect(:atom_with_at@sign)
IO.inspect(true == :true)
IO.inspect(nil == :nil)
IO.inspect(is_atom(true))
IO.inspect(:"quoted atom with #{1 + 1}")
IO.inspect(-1 - -1)
IO.inspect(!false)
IO.inspect('single' != "single")
