defmodule IO do
  # Output through the runtime's :genlab.put_chars(device, chardata), where
  # device is :stdio, :stderr or a pid; terms are rendered by
  # :genlab.inspect(term, opts), Elixir's Inspect with the given options.

  def puts(device \\ :stdio, item) do
    :genlab.put_chars(map_device(device), [to_chardata(item), ?\n])
  end

  def write(device \\ :stdio, chardata) do
    :genlab.put_chars(map_device(device), to_chardata(chardata))
  end

  def binwrite(device \\ :stdio, iodata) when is_list(iodata) or is_binary(iodata) do
    :genlab.put_chars(map_device(device), iodata)
  end

  # IO.inspect always lays the result out at the configured width (80).
  def inspect(item, opts \\ []), do: inspect(:stdio, item, opts)

  def inspect(device, item, opts) when is_list(opts) do
    label =
      case Keyword.get(opts, :label) do
        nil -> []
        label -> [to_chardata(label), ": "]
      end

    opts = Keyword.put(Keyword.delete(opts, :label), :pretty, true)
    puts(device, [label, :genlab.inspect(item, opts)])
    item
  end

  def warn(message) do
    :genlab.put_chars(:stderr, ["warning: ", to_chardata(message), ?\n])
  end

  def warn(message, _stacktrace_info) do
    :genlab.put_chars(:stderr, ["warning: ", to_chardata(message), ?\n])
  end

  def iodata_to_binary(iodata), do: :erlang.iolist_to_binary(iodata)

  def iodata_length(iodata), do: :erlang.iolist_size(iodata)

  def chardata_to_string(string) when is_binary(string), do: string
  def chardata_to_string(list) when is_list(list), do: List.to_string(list)

  defp map_device(:stderr), do: :stderr
  defp map_device(:standard_error), do: :stderr
  defp map_device(:stdio), do: :stdio
  defp map_device(:standard_io), do: :stdio
  defp map_device(device), do: device

  defp to_chardata(list) when is_list(list), do: list
  defp to_chardata(other), do: :genlab.to_string(other)
end
