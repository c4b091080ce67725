quote do: 1 + 2
quote do
  unquote(x)
  unquote_splicing(args)
end
quote bind_quoted: [x: x] do
  x
end
defmacro m(a) do
  quote do
    def unquote(a)(), do: unquote(a)
  end
end
fn unquote_splicing(args) -> x end
