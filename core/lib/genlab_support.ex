# Helpers the compiler's rewrites call. Not a public API.
defmodule :genlab_support do
  # The successive prefixes of `bin` that `matcher` accepts, for binary
  # generators in `for`: matcher returns how many bits a match consumes,
  # or :done.
  def bin_chunks(bin, matcher), do: bin_chunks(bin, matcher, [])

  defp bin_chunks(bin, matcher, acc) do
    case matcher.(bin) do
      bits when is_integer(bits) and bits > 0 ->
        <<chunk::bitstring-size(bits), rest::bitstring>> = bin
        bin_chunks(rest, matcher, [chunk | acc])

      _ ->
        :lists.reverse(acc)
    end
  end
end
