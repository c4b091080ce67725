# __ENV__ where it stands: module, function, file, line, aliases.
defmodule Shop.Cart do
  alias Shop.Cart, as: C
  def where, do: {__ENV__.module, __ENV__.function, __ENV__.line}
  def in_fn, do: Enum.map([1], fn _ -> __ENV__.function end)
  def file, do: Path.basename(__ENV__.file)
  def aliases, do: __ENV__.aliases
  def env, do: __ENV__
  @at_compile __ENV__.function
  def at_compile, do: @at_compile
  IO.inspect(__ENV__.module, label: "body module")
  IO.inspect(__ENV__.function, label: "body function")
end

IO.inspect(Shop.Cart.where())
IO.inspect(Shop.Cart.in_fn())
IO.inspect(Shop.Cart.file())
IO.inspect(Shop.Cart.aliases())
IO.inspect(Shop.Cart.at_compile())
env = Shop.Cart.env()
IO.inspect(is_struct(env, Macro.Env))
IO.inspect(env.context_modules)
IO.inspect({__ENV__.module, __ENV__.function, __ENV__.line})
IO.inspect(Path.basename(__ENV__.file))
IO.inspect(Macro.Env.location(__ENV__) |> Keyword.update!(:file, &Path.basename/1))
IO.inspect(Map.keys(__ENV__) |> Enum.take(6))
