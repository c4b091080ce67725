# A local call in a module body that nothing defines or imports.
defmodule Settings do
  @limit 10
  limit = compute_limit()
  def limit, do: @limit
end
