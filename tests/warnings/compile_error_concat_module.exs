# <> with a literal that is no binary, in a module body.
defmodule Banner do
  @title "genlab"
  IO.puts(@title <> " v" <> 1)
end
