defmodule String.Chars do
  # The String.Chars protocol, as defprotocol makes it (core/lang/
  # compile_protocol.c) but consolidated for the built-in types: to_string/1
  # and interpolation go to :genlab.to_string/1, which converts atoms,
  # numbers, binaries and chardata in C and hands anything else (structs,
  # tuples, ...) to the implementation found for it here.

  def to_string(term) when is_binary(term), do: term
  def to_string(term), do: impl_for!(term).to_string(term)

  def impl_for(data), do: :genlab.protocol_impl(String.Chars, data, false)
  def impl_for!(data), do: :genlab.protocol_impl!(String.Chars, data, false)

  def __protocol__(:module), do: String.Chars
  def __protocol__(:functions), do: [to_string: 1]
  # what defimpl must define (the compiler's warnings about implementations)
  @callback to_string(t) :: term
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated
end

defmodule String.Chars.Atom do
  def to_string(term), do: :genlab.to_string(term)
  def __impl__(:for), do: Atom
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.BitString do
  def to_string(term), do: :genlab.to_string(term)
  def __impl__(:for), do: BitString
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.List do
  def to_string(term), do: :genlab.to_string(term)
  def __impl__(:for), do: List
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.Integer do
  def to_string(term), do: :genlab.to_string(term)
  def __impl__(:for), do: Integer
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.Float do
  def to_string(term), do: :genlab.to_string(term)
  def __impl__(:for), do: Float
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.Date do
  def to_string(term), do: Date.to_string(term)
  def __impl__(:for), do: Date
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.Time do
  def to_string(term), do: Time.to_string(term)
  def __impl__(:for), do: Time
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.NaiveDateTime do
  def to_string(term), do: NaiveDateTime.to_string(term)
  def __impl__(:for), do: NaiveDateTime
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.DateTime do
  def to_string(term), do: DateTime.to_string(term)
  def __impl__(:for), do: DateTime
  def __impl__(:protocol), do: String.Chars
end

defmodule String.Chars.URI do
  def to_string(term), do: URI.to_string(term)
  def __impl__(:for), do: URI
  def __impl__(:protocol), do: String.Chars
end
