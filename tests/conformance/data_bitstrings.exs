IO.inspect(<<1, 2, 3>>)
IO.inspect(<<104, 105>>)
IO.inspect(<<255, 0, 128>>)
IO.inspect(<<1::4>>)
IO.inspect(<<1::1, 0::1, 1::1>>)
IO.inspect(<<300::16>>)
IO.inspect(<<300::little-16>>)
IO.inspect(<<-1::8>>)
IO.inspect(<<-1::signed-16>>)
IO.inspect(<<1.5::float>>)
IO.inspect(<<1.5::float-32>>)
IO.inspect(<<"abc", 0>>)
IO.inspect(<<"abc"::binary, "def"::binary>>)
IO.inspect(<<0x1F600::utf8>>)
IO.inspect(<<?a::utf16>>)
IO.inspect(bit_size(<<1::4>>))
IO.inspect(byte_size(<<1, 2, 3>>))
IO.inspect(bit_size(<<1, 2, 3>>))
IO.inspect(is_bitstring(<<1::3>>))
IO.inspect(is_binary(<<1::3>>))
IO.inspect(is_binary(<<1, 2>>))
<<a, b, rest::binary>> = "hello"
IO.inspect({a, b, rest})
<<x::16, y::8>> = <<1, 2, 3>>
IO.inspect({x, y})
<<len::8, payload::binary-size(len), tail::binary>> = <<3, "abcdef">>
IO.inspect({len, payload, tail})
<<head::binary-size(2), _::binary>> = "elixir"
IO.inspect(head)
<<f::float-64>> = <<1.25::float>>
IO.inspect(f)
<<n::little-32>> = <<1, 0, 0, 0>>
IO.inspect(n)
<<s::signed-8>> = <<200>>
IO.inspect(s)
<<c::utf8, more::binary>> = "élan"
IO.inspect({c, more})
<<bits::3, _::5>> = <<0b10100000>>
IO.inspect(bits)
"prefix-" <> suffix = "prefix-value"
IO.inspect(suffix)
IO.inspect(binary_part("hello world", 6, 5))
IO.inspect(:binary.part("hello", 1, 3))
IO.inspect(:binary.first("abc"))
IO.inspect(:binary.last("abc"))
IO.inspect(:binary.at("abc", 1))
IO.inspect(:binary.copy("ab", 3))
IO.inspect(:binary.bin_to_list("abc"))
IO.inspect(:binary.list_to_bin([104, 105]))
IO.inspect(:binary.decode_unsigned(<<1, 0>>))
IO.inspect(:binary.encode_unsigned(65536))
IO.inspect(for <<b <- "abc">>, do: b + 1)
IO.inspect(for <<b::4 <- <<0xAB>> >>, do: b)
IO.inspect(for x <- [65, 66], into: "", do: <<x>>)
defmodule Parse do
  def header(<<version::8, flags::8, body::binary>>), do: {:ok, version, flags, body}
  def header(_), do: :error
end
IO.inspect(Parse.header(<<1, 2, 3, 4>>))
IO.inspect(Parse.header(<<1>>))
IO.inspect(<<1, 2>> <> <<3>>)
IO.inspect(<<1, 2>> == <<1, 2>>)
IO.inspect(<<>>)
IO.inspect(<<0::7>>)
IO.inspect(<<1, 2, 3::4>>)
