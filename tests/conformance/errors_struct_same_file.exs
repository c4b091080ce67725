# A struct defined in a script cannot be built at the script's top level:
# the whole file is expanded before the defmodule runs.
defmodule Item do
  defstruct [:name]
end

IO.puts("never printed")
IO.inspect(%Item{name: "x"})
