# :io, Erlang's side of standard output: format/fwrite with io_lib's
# control sequences, put_chars, nl, write.
defmodule :io do
  @moduledoc false

  def format(fmt), do: format(:standard_io, fmt, [])
  def format(fmt, args), do: format(:standard_io, fmt, args)

  def format(dev, fmt, args) do
    chars =
      try do
        :io_lib.format(fmt, args)
      rescue
        ArgumentError ->
          raise ArgumentError,
                "errors were found at the given arguments:\n\n  * 1st argument: failed to format string\n"
      end

    put_chars(dev, chars)
  end

  def fwrite(fmt), do: format(fmt)
  def fwrite(fmt, args), do: format(fmt, args)
  def fwrite(dev, fmt, args), do: format(dev, fmt, args)

  def put_chars(chars), do: put_chars(:standard_io, chars)
  def put_chars(dev, chars), do: :genlab.put_chars(device(dev), chars)

  def nl, do: put_chars(:standard_io, '\n')
  def nl(dev), do: put_chars(dev, '\n')

  def write(term), do: write(:standard_io, term)
  def write(dev, term), do: put_chars(dev, :sys.__write__(term))

  defp device(:standard_io), do: :stdio
  defp device(:user), do: :stdio
  defp device(:standard_error), do: :stderr
  defp device(dev), do: dev
end
