defmodule String.Chars do
  # The String.Chars protocol for the built-in types: what to_string/1 and
  # interpolation answer (:genlab.to_string/1 implements it).

  def to_string(term), do: :genlab.to_string(term)
end
