# A defmodule that replaces a loaded module: defined earlier in memory (by
# the script or Code.eval_string), or one of Elixir's own.
defmodule Greeter do
  def hello, do: "hi"
end

IO.puts(Greeter.hello())

defmodule Greeter do
  def hello(name) do
    unused = 1
    "hi #{name}"
  end

  defmodule Inner do
  end
end

defmodule Greeter.Inner do
end

Code.eval_string("defmodule Greeter.Inner do end")

defmodule Inspect.Atom do
  def inspect(atom, _opts), do: Atom.to_string(atom)
end

IO.puts(Greeter.hello("you"))
