defmodule Collectable do
  # The Collectable protocol, consolidated by hand for the built-in types
  # (Enum.into/2 and `for ..., into:` collect into lists, maps, binaries
  # and MapSets themselves); a struct's implementation is found as any
  # protocol's (core/bif/protocol.c).

  def into(collectable), do: :genlab.protocol_impl!(Collectable, collectable, false).into(collectable)

  def impl_for(data), do: :genlab.protocol_impl(Collectable, data, false)
  def impl_for!(data), do: :genlab.protocol_impl!(Collectable, data, false)

  def __protocol__(:module), do: Collectable
  def __protocol__(:functions), do: [into: 1]
  # what defimpl must define (the compiler's warnings about implementations)
  @callback into(t) :: term
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated
end

defmodule Collectable.List do
  def into(list) do
    fun = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end

    {[], fun}
  end

  def __impl__(:for), do: List
  def __impl__(:protocol), do: Collectable
end

defmodule Collectable.Map do
  def into(map) do
    fun = fn
      acc, {:cont, {key, value}} -> :maps.put(key, value, acc)
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {map, fun}
  end

  def __impl__(:for), do: Map
  def __impl__(:protocol), do: Collectable
end

defmodule Collectable.BitString do
  def into(binary) do
    fun = fn
      acc, {:cont, x} when is_bitstring(x) -> <<acc::bitstring, x::bitstring>>
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {binary, fun}
  end

  def __impl__(:for), do: BitString
  def __impl__(:protocol), do: Collectable
end

defmodule Collectable.MapSet do
  # The elements gather in a list (what the accumulator shows, as in
  # Elixir) and join the set when done.
  def into(%MapSet{map: map} = set) do
    fun = fn
      list, {:cont, x} -> [x | list]
      list, :done -> %{set | map: Map.merge(map, Map.from_keys(list, []))}
      _list, :halt -> :ok
    end

    {[], fun}
  end

  def __impl__(:for), do: MapSet
  def __impl__(:protocol), do: Collectable
end
