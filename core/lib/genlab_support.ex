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

defmodule :genlab_cli do
  # How the command line prints an uncaught error, as Kernel.CLI does:
  # blame it, then the banner and the stack trace. A function clause
  # error's blamed details are indented under its banner.
  def format_error(kind, reason, stacktrace) do
    {blamed, stacktrace} = Exception.blame(kind, reason, stacktrace)

    banner =
      case blamed do
        %FunctionClauseError{} ->
          plain = Exception.format_banner(kind, reason, stacktrace)
          full = Exception.format_banner(kind, blamed, stacktrace)
          extra = :binary.part(full, byte_size(plain), byte_size(full) - byte_size(plain))

          if extra == "" do
            plain
          else
            plain <> "    " <> :binary.replace(extra, "\n", "\n    ", [:global])
          end

        _ ->
          Exception.format_banner(kind, blamed, stacktrace)
      end

    banner <> "\n" <> Exception.format_stacktrace(stacktrace)
  end
end
