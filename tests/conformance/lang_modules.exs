defmodule Greeter do
  def hello(name), do: "Hello, #{name}!"
  def hello, do: hello("world")

  def shout(name) do
    name |> hello() |> String.upcase()
  end

  defp secret, do: :hidden
  def reveal, do: secret()
end

defmodule Outer do
  defmodule Inner do
    def where, do: __MODULE__
  end

  def where, do: __MODULE__
  def inner, do: Inner.where()
end

defmodule Outer.Sibling do
  def name, do: __MODULE__ |> Module.split() |> List.last()
end

IO.puts(Greeter.hello("Ada"))
IO.puts(Greeter.hello())
IO.puts(Greeter.shout("bob"))
IO.inspect(Greeter.reveal())
IO.inspect(Outer.where())
IO.inspect(Outer.inner())
IO.inspect(Outer.Inner.where())
IO.inspect(Outer.Sibling.name())
IO.inspect(Module.split(Outer.Inner))
IO.inspect(function_exported?(Greeter, :hello, 1))
IO.inspect(function_exported?(Greeter, :secret, 0))
IO.inspect(Greeter.__info__(:functions))
IO.inspect(apply(Greeter, :hello, ["apply"]))
mod = Greeter
IO.inspect(mod.hello("dynamic"))
IO.inspect(is_atom(Greeter))
IO.inspect(Code.ensure_loaded?(Greeter))
result = defmodule Returns do
  def x, do: 1
end
IO.inspect(elem(result, 0))
IO.inspect(elem(result, 1))
IO.inspect(elem(result, 3))
