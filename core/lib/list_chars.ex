defmodule List.Chars do
  # The List.Chars protocol, consolidated for the built-in types: what
  # Kernel.to_charlist/1 answers; anything else goes to the implementation
  # found for it (core/bif/protocol.c), or raises.

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

  def to_charlist(term), do: :genlab.protocol_impl!(List.Chars, term, false).to_charlist(term)

  def impl_for(data), do: :genlab.protocol_impl(List.Chars, data, false)
  def impl_for!(data), do: :genlab.protocol_impl!(List.Chars, data, false)

  def __protocol__(:module), do: List.Chars
  def __protocol__(:functions), do: [to_charlist: 1]
  # what defimpl must define (the compiler's warnings about implementations)
  @callback to_charlist(t) :: term
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated
end

defmodule List.Chars.Atom do
  def to_charlist(term), do: List.Chars.to_charlist(term)
  def __impl__(:for), do: Atom
  def __impl__(:protocol), do: List.Chars
end

defmodule List.Chars.BitString do
  def to_charlist(term), do: List.Chars.to_charlist(term)
  def __impl__(:for), do: BitString
  def __impl__(:protocol), do: List.Chars
end

defmodule List.Chars.Float do
  def to_charlist(term), do: List.Chars.to_charlist(term)
  def __impl__(:for), do: Float
  def __impl__(:protocol), do: List.Chars
end

defmodule List.Chars.Integer do
  def to_charlist(term), do: List.Chars.to_charlist(term)
  def __impl__(:for), do: Integer
  def __impl__(:protocol), do: List.Chars
end

defmodule List.Chars.List do
  def to_charlist(term), do: List.Chars.to_charlist(term)
  def __impl__(:for), do: List
  def __impl__(:protocol), do: List.Chars
end
