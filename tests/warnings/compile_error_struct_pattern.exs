# A struct pattern with a key the struct does not have.
defmodule User do
  defstruct [:name, :age]
end

defmodule Greeter do
  def greet(%User{nmae: name}), do: "Hello " <> name
end
