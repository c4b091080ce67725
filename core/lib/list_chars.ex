defmodule List.Chars do
  # The List.Chars protocol for the built-in types (user implementations
  # are not dispatched to): what Kernel.to_charlist/1 answers.

  def to_charlist(term) when is_list(term), do: term
  def to_charlist(term) when is_atom(term), do: :erlang.atom_to_list(term)
  def to_charlist(term) when is_binary(term), do: String.to_charlist(term)
  def to_charlist(term) when is_integer(term), do: :erlang.integer_to_list(term)
  def to_charlist(term) when is_float(term), do: Float.to_charlist(term)

  def to_charlist(term) when is_bitstring(term) do
    :erlang.error(
      Protocol.UndefinedError.exception(
        protocol: List.Chars,
        value: term,
        description: "cannot convert a bitstring to a charlist"
      )
    )
  end

  def to_charlist(term) do
    :erlang.error(Protocol.UndefinedError.exception(protocol: List.Chars, value: term))
  end
end
