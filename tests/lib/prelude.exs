# Helpers the battery's expressions use; loaded by the harness and copied
# to the top of battery.exs. Only what genlab supports.
defmodule Pt do
  defstruct host: nil, port: nil, path: nil
end

defmodule Len do
  # Orders strings by length, as a module with compare/2 (like Date).
  def compare(a, b) do
    cond do
      byte_size(a) < byte_size(b) -> :lt
      byte_size(a) > byte_size(b) -> :gt
      true -> :eq
    end
  end
end
