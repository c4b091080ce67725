defmodule Person do
  defstruct name: nil, email: nil, age: 0, roles: []
end

defmodule Box do
  defstruct [:content]
end

defmodule Demo do
  def run do
    IO.inspect(%Person{})
    IO.inspect(%Person{name: "Ada", email: "ada@example.com", age: 36, roles: [:admin, :dev]})
    IO.inspect(%Box{content: %Box{content: %Box{content: :deep}}})
    IO.inspect(%Box{content: %{a: 1}})
    IO.inspect([%Box{}, %Box{content: 1}])
    IO.inspect(%{box: %Box{content: [1, 2]}})
    IO.inspect(%Person{name: String.duplicate("x", 70)})
    IO.inspect(%Box{content: Enum.to_list(1..40)})
    IO.inspect(%Person{}, structs: false)
    IO.inspect(%{__struct__: NotAModule, a: 1})
    IO.inspect(%{__struct__: Box})
    IO.inspect(%{__struct__: Box, content: 1, extra: 2})
    IO.inspect(1..3, structs: false)
    IO.inspect(inspect(%Box{content: "s"}))
    IO.puts(inspect(%Box{}))
  end
end

Demo.run()
