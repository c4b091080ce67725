# A multi-alias whose item is a call (here `re Admin`, from a typo'd
# comma) ended genlab with a segmentation fault: the item's arguments were
# taken for alias segments (atom_text of a tuple). Elixir's CompileError.
# Found by fuzz_run.
defmodule MyApp.Service do
  alias MyApp.Accounts.{User, re Admin}

  def names, do: {User, Admin}
end

IO.inspect(MyApp.Service.names())
