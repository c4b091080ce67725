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

  # One trailing slash of the left side and one leading slash of the right
  # go, and one trailing slash of the result.
  def join(left, right) do
    left = IO.chardata_to_string(left)
    right = IO.chardata_to_string(right)

    joined =
      cond do
        right == "/" -> drop_last_slash(left)
        left == "" -> drop_first_slash(right)
        left == "/" -> "/" <> drop_first_slash(right)
        true -> drop_last_slash(left) <> "/" <> drop_first_slash(right)
      end

    drop_last_slash(joined)
  end

  defp drop_last_slash(path) when path in ["", "/"], do: path

  defp drop_last_slash(path) do
    if :binary.last(path) == ?/, do: binary_part(path, 0, byte_size(path) - 1), else: path
  end

  defp drop_first_slash("/"), do: "."
  defp drop_first_slash("/" <> rest), do: rest
  defp drop_first_slash(path), do: path

  # The path without the leading components it shares with `from`: "." when
  # it is `from`, the path itself when `from` is not above it.
  def relative_to(path, from) do
    path = IO.chardata_to_string(path)
    strip_common(split(path), split(from), path)
  end

  defp strip_common(same, same, _path), do: "."
  defp strip_common([part | rest], [part | from_rest], path), do: strip_common(rest, from_rest, path)
  defp strip_common([_ | _] = rest, [], _path), do: join(rest)
  defp strip_common(_rest, _from_rest, path), do: path

  def relative(path) do
    case IO.chardata_to_string(path) do
      "/" -> "."
      "/" <> rest -> rest
      other -> other
    end
  end

  # A relative path with "." and ".." resolved that stays inside its
  # directory; :error for an absolute path or one that climbs out. (genlab
  # has no symbolic links to follow, so the directory is not read.)
  def safe_relative_to(path, _relative_to) do
    path = IO.chardata_to_string(path)
    if type(path) == :absolute, do: :error, else: safe_parts(split(path), [])
  end

  def safe_relative(path), do: safe_relative_to(path, ".")

  defp safe_parts([], []), do: {:ok, ""}
  defp safe_parts([], kept), do: {:ok, join(:lists.reverse(kept))}
  defp safe_parts(["." | rest], kept), do: safe_parts(rest, kept)
  defp safe_parts([".." | _rest], []), do: :error
  defp safe_parts([".." | rest], [_ | kept]), do: safe_parts(rest, kept)
  defp safe_parts([part | rest], kept), do: safe_parts(rest, [part | kept])

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

end
