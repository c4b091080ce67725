# limit: 20
# expect: while retrieving Exception.message/1
# An exception whose message/1 never returns: the crash report gives up on it.
defmodule E do
  defexception [:x]
  def message(e), do: message(e)
end
raise E, x: 1
