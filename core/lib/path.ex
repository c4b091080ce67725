defmodule Path do
  # Path's functions on the text of a path (Unix separators): basename,
  # dirname, extname, rootname, join and split, as Elixir answers them.

  def basename(path) do
    path = IO.chardata_to_string(path)

    case :binary.split(trim_trailing_slashes(path), "/", [:global]) do
      [] -> ""
      parts -> List.last(parts)
    end
  end

  def basename(path, extension) do
    base = basename(path)
    ext = IO.chardata_to_string(extension)

    if ext != "" and String.ends_with?(base, ext) and base != ext,
      do: binary_part(base, 0, byte_size(base) - byte_size(ext)),
      else: base
  end

  def dirname(path) do
    path = IO.chardata_to_string(path)
    trimmed = if path == "/", do: path, else: path

    case :binary.matches(trimmed, "/") do
      [] ->
        if String.starts_with?(path, "/"), do: "/", else: "."

      matches ->
        {at, _} = List.last(matches)
        dir = trim_trailing_slashes(binary_part(trimmed, 0, at))
        if dir == "", do: "/", else: dir
    end
  end

  def extname(path) do
    base = basename(path)

    case :binary.matches(base, ".") do
      [] -> ""
      matches ->
        {at, _} = List.last(matches)
        if at == 0, do: "", else: binary_part(base, at, byte_size(base) - at)
    end
  end

  def rootname(path) do
    path = IO.chardata_to_string(path)
    base = basename(path)

    ext =
      case :binary.matches(base, ".") do
        [] -> ""
        matches ->
          {at, _} = List.last(matches)
          # as :filename.rootname/1: a dot just after a slash starts no extension
          if at == 0 and String.contains?(path, "/"), do: "", else: binary_part(base, at, byte_size(base) - at)
      end

    if String.ends_with?(path, "/"), do: path, else: binary_part(path, 0, byte_size(path) - byte_size(ext))
  end

  def rootname(path, extension) do
    path = IO.chardata_to_string(path)
    ext = IO.chardata_to_string(extension)
    if String.ends_with?(path, ext), do: binary_part(path, 0, byte_size(path) - byte_size(ext)), else: path
  end

  def join([name]), do: IO.chardata_to_string(name)
  def join([first | rest]), do: Enum.reduce(rest, IO.chardata_to_string(first), &join(&2, &1))

  def join(left, right) do
    left = IO.chardata_to_string(left)
    right = IO.chardata_to_string(right)

    cond do
      left == "" -> trim_leading_slashes(right) |> then(&if(&1 == "", do: "", else: &1))
      right == "" -> left
      left == "/" -> "/" <> trim_leading_slashes(right)
      true -> trim_trailing_slashes(left) <> "/" <> trim_leading_slashes(right)
    end
  end

  def split(path) do
    path = IO.chardata_to_string(path)
    parts = for part <- :binary.split(path, "/", [:global]), part != "", do: part
    if String.starts_with?(path, "/"), do: ["/" | parts], else: parts
  end

  def type(path) do
    if String.starts_with?(IO.chardata_to_string(path), "/"), do: :absolute, else: :relative
  end

  defp trim_trailing_slashes("/"), do: "/"

  defp trim_trailing_slashes(path) do
    if byte_size(path) > 1 and String.ends_with?(path, "/"),
      do: trim_trailing_slashes(binary_part(path, 0, byte_size(path) - 1)),
      else: path
  end

  defp trim_leading_slashes("/" <> rest), do: trim_leading_slashes(rest)
  defp trim_leading_slashes(path), do: path
end
