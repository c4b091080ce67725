# A literal string in a binary with a utf8, utf16 or utf32 type stands for
# its code points, in construction and in patterns.
IO.inspect(<<"ok"::utf8, 0>>)
IO.inspect(<<"añb"::utf16>>)
IO.inspect(<<"añb"::utf16-little>>)
IO.inspect(<<"z"::utf32-big, "€"::utf32-little>>)
IO.inspect(<<"">>)
IO.inspect(<<""::utf16, 1>>)

<<"hi"::utf16, tail::binary>> = <<0, 104, 0, 105, 7>>
IO.inspect(tail)

classify = fn
  <<"GET"::utf32, _::binary>> -> :wide_get
  <<"GET"::utf8, _::binary>> -> :get
  _ -> :other
end

IO.inspect(Enum.map([<<"GET /">>, <<0, 0, 0, ?G, 0, 0, 0, ?E, 0, 0, 0, ?T>>, "PUT"], classify))

text = "var"

try do
  <<text::utf16>>
rescue
  e -> IO.puts(Exception.message(e))
end
