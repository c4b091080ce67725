# @derive for a user protocol goes through its Any implementation; a
# protocol with @fallback_to_any uses Any for what has no implementation.
defprotocol Describe do
  @fallback_to_any true
  def describe(term)
  def tag(term, prefix)
end

defimpl Describe, for: Any do
  def describe(%{__struct__: module}), do: "a #{inspect(module)} struct"
  def describe(other), do: "just #{inspect(other)}"
  def tag(term, prefix), do: prefix <> ":" <> describe(term)
end

defprotocol Sized do
  def size(term)
end

defimpl Sized, for: Any do
  def size(%{__struct__: _} = s), do: map_size(s) - 1
end

defmodule Cat do
  @derive [Describe, Sized]
  defstruct name: "tom", lives: 9
end

defmodule Dog do
  @derive Sized
  defstruct [:name]
end

defimpl Describe, for: Dog do
  def describe(%Dog{name: name}), do: "a dog called #{name}"
  def tag(dog, prefix), do: prefix <> "/" <> describe(dog)
end

defmodule Main do
  def run do
    IO.puts(Describe.describe(%Cat{}))
    IO.puts(Describe.describe(%Dog{name: "rex"}))
    IO.puts(Describe.describe(42))
    IO.puts(Describe.tag(%Cat{}, "pet"))
    IO.puts(Describe.tag(%Dog{name: "fido"}, "pet"))
    IO.puts(Describe.tag([1, 2], "list"))
    IO.inspect(Sized.size(%Cat{}))
    IO.inspect(Sized.size(%Dog{}))
    IO.inspect(Describe.impl_for(%Cat{}))
    IO.inspect(Describe.impl_for(%Dog{}))
    IO.inspect(Describe.impl_for(self()))
    IO.inspect(Sized.impl_for(%Cat{}))
    IO.inspect(Sized.impl_for(%{}))
    IO.inspect(Describe.__protocol__(:functions))
    Sized.size(%{a: 1})
  end
end

Main.run()
