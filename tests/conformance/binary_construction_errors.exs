# A <<>> construction that fails says which segment, of which type, and
# why, as OTP 25's error info does (in compiled code; a script's top level too).
defmodule B do
  def b(x), do: <<x::binary>>
  def b2(x), do: <<"a", x::binary>>
  def i(x), do: <<x::integer>>
  def i16(x), do: <<x::16>>
  def f(x), do: <<x::float>>
  def u8(x), do: <<x::utf8>>
  def u16(x), do: <<x::utf16>>
  def s(x, n), do: <<x::size(n)>>
  def bs(x, n), do: <<x::binary-size(n)>>
  def bits(x), do: <<x::bitstring>>
  def interp(x), do: "a#{x}"
end
cases = [
  {:b, [1]}, {:b, [:a]}, {:b, [<<1::4>>]}, {:b2, [[1]]}, {:i, [:a]}, {:i, ["x"]}, {:i, [1.5]}, {:i16, [:a]}, {:f, [:a]}, {:f, ["x"]},
  {:u8, [-1]}, {:u8, [:a]}, {:u8, [0x110000]}, {:u16, [:a]}, {:s, [1, -1]}, {:s, [1, :a]}, {:bs, ["abc", 5]}, {:bs, ["abc", -1]},
  {:bits, [1]}, {:interp, [%{}]}
]
for {f, a} <- cases do
  try do
    apply(B, f, a) |> IO.inspect()
  rescue
    e -> IO.puts("#{f} #{inspect(a)}: #{inspect(e.__struct__)} #{Exception.message(e)}")
  end
end
x = :b
try do
  "a" <> x
rescue
  e -> IO.puts(Exception.message(e))
end
B.b2(1.5)
