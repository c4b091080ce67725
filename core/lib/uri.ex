# URI: parsing (RFC 3986's reference regex), building, queries and
# percent-encoding.
defmodule URI do
  # authority is deprecated: shown only when set (URI.new leaves it nil)
  @derive {Inspect, optional: [:authority]}
  defstruct scheme: nil, authority: nil, userinfo: nil, host: nil, port: nil, path: nil, query: nil, fragment: nil

  @ports %{"http" => 80, "https" => 443, "ws" => 80, "wss" => 443, "ftp" => 21, "sftp" => 22, "ldap" => 389, "tftp" => 69}

  def default_port(scheme) when is_binary(scheme),
    do: :persistent_term.get({URI, :default_port, scheme}, Map.get(@ports, scheme))

  def default_port(scheme, port) when is_binary(scheme) and is_integer(port) and port >= 0,
    do: :persistent_term.put({URI, :default_port, scheme}, port)

  def append_query(%URI{query: query} = uri, extra) when is_binary(extra) and query in [nil, ""],
    do: %{uri | query: extra}

  def append_query(%URI{query: query} = uri, extra) when is_binary(extra),
    do: %{uri | query: String.trim_trailing(query, "&") <> "&" <> extra}

  def parse(%URI{} = uri), do: uri

  def parse(string) when is_binary(string) do
    parts = Regex.run(~r/^(([a-z][a-z0-9+.-]*):)?(\/\/([^\/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/i, string)
    parts = parts ++ List.duplicate("", 10 - length(parts))
    [_, scheme_part, scheme, auth_part, authority, path, query_part, query, frag_part, fragment] = parts
    scheme = if scheme_part == "", do: nil, else: String.downcase(scheme)
    {authority, userinfo, host, port} = split_authority(auth_part != "", authority)
    port = port || (scheme && default_port(scheme))

    %URI{
      scheme: scheme,
      authority: authority,
      userinfo: userinfo,
      host: host,
      port: port,
      path: if(path == "", do: nil, else: path),
      query: if(query_part == "", do: nil, else: query),
      fragment: if(frag_part == "", do: nil, else: fragment)
    }
  end

  defp split_authority(false, _), do: {nil, nil, nil, nil}

  defp split_authority(true, authority) do
    {userinfo, hostport} =
      case String.split(authority, "@", parts: 2) do
        [u, hp] -> {u, hp}
        [hp] -> {nil, hp}
      end

    {host, port} =
      case Regex.run(~r/^(.*?)(:(\d*))?$/, hostport) do
        [_, host, _, ""] -> {host, nil}
        [_, host, _, port] -> {host, String.to_integer(port)}
        [_, host] -> {host, nil}
      end

    host = String.trim_leading(String.trim_trailing(host, "]"), "[")
    {authority, userinfo, host, port}
  end

  # new/1 is strict, as :uri_string is: a character no URI may hold (or a
  # port that is not a number) fails the whole text. With a scheme, the
  # part :uri_string names is its ":".
  def new(%URI{} = uri), do: {:ok, uri}

  def new(string) when is_binary(string) do
    case invalid_part(string) do
      nil -> {:ok, %{parse(string) | authority: nil}}
      part -> {:error, part}
    end
  end

  def new!(%URI{} = uri), do: uri

  def new!(string) when is_binary(string) do
    case new(string) do
      {:ok, uri} -> uri
      {:error, part} -> raise URI.Error, action: :parse, reason: :invalid_uri, part: part
    end
  end

  defp invalid_part(string) do
    bad = first_invalid(string)
    scheme? = Regex.match?(~r/^[a-z][a-z0-9+.-]*:/i, string)

    cond do
      bad == nil and bad_port?(string) -> ":"
      bad == nil -> nil
      scheme? -> ":"
      true -> bad
    end
  end

  defp first_invalid(""), do: nil

  defp first_invalid(string) do
    {char, rest} = String.next_codepoint(string)
    if char_valid?(char), do: first_invalid(rest), else: char
  end

  defp char_valid?(<<c>>), do: char_unescaped?(c) or c == ?%
  defp char_valid?(_), do: false

  defp bad_port?(string) do
    case Regex.run(~r/^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^\/?#@]*@)?(?:\[[^\]]*\]|[^\/?#:]*)(?::([^\/?#]*))?/i, string) do
      [_, port] -> not Regex.match?(~r/^\d*$/, port)
      _ -> false
    end
  end

  def to_string(%URI{} = uri) do
    scheme = if uri.scheme, do: uri.scheme <> ":", else: ""

    authority =
      if uri.host do
        userinfo = if uri.userinfo, do: uri.userinfo <> "@", else: ""
        port = if uri.port && uri.port != default_port(uri.scheme || ""), do: ":#{uri.port}", else: ""
        "//" <> userinfo <> uri.host <> port
      else
        ""
      end

    query = if uri.query, do: "?" <> uri.query, else: ""
    fragment = if uri.fragment, do: "#" <> uri.fragment, else: ""
    scheme <> authority <> (uri.path || "") <> query <> fragment
  end

  def encode_query(enumerable, encoding \\ :www_form) do
    Enum.map_join(enumerable, "&", fn
      {k, _} when is_list(k) -> raise ArgumentError, "encode_query/2 keys cannot be lists, got: " <> inspect(k)
      {_, v} when is_list(v) -> raise ArgumentError, "encode_query/2 values cannot be lists, got: " <> inspect(v)
      {k, v} -> encode_kv(Kernel.to_string(k), encoding) <> "=" <> encode_kv(Kernel.to_string(v), encoding)
    end)
  end

  defp encode_kv(s, :www_form), do: encode_www_form(s)
  defp encode_kv(s, :rfc3986), do: encode(s, &char_unreserved?/1)

  def decode_query(query, map \\ %{}, encoding \\ :www_form) when is_binary(query) do
    query |> query_decoder(encoding) |> Enum.reduce(map, fn {k, v}, acc -> Map.put(acc, k, v) end)
  end

  defp decode_kv(s, :www_form), do: decode_www_form(s)
  defp decode_kv(s, :rfc3986), do: decode(s)

  # Lazily, one "key=value" pair at a time; an empty pair between two "&"
  # is {"", ""}.
  def query_decoder(query, encoding \\ :www_form) when is_binary(query) do
    Stream.unfold(query, fn
      "" ->
        nil

      text ->
        {pair, rest} =
          case :binary.split(text, "&") do
            [pair, rest] -> {pair, rest}
            [pair] -> {pair, ""}
          end

        case :binary.split(pair, "=") do
          [k, v] -> {{decode_kv(k, encoding), decode_kv(v, encoding)}, rest}
          [k] -> {{decode_kv(k, encoding), ""}, rest}
        end
    end)
  end

  def char_unreserved?(c), do: c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in '~_-.'
  def char_reserved?(c), do: c in ':/?#[]@!$&\'()*+,;='
  def char_unescaped?(c), do: char_reserved?(c) or char_unreserved?(c)

  def encode(string, predicate \\ &char_unescaped?/1) when is_binary(string) do
    for <<c <- string>>, into: "", do: if(predicate.(c), do: <<c>>, else: percent(c))
  end

  def encode_www_form(string) when is_binary(string) do
    for <<c <- string>>, into: "" do
      cond do
        c == ?\s -> "+"
        char_unreserved?(c) -> <<c>>
        true -> percent(c)
      end
    end
  end

  defp percent(c), do: "%" <> String.pad_leading(Integer.to_string(c, 16), 2, "0")

  def decode(string) when is_binary(string), do: unpercent(string, "", false)
  def decode_www_form(string) when is_binary(string), do: unpercent(string, "", true)

  defp unpercent(<<>>, acc, _plus), do: acc
  defp unpercent(<<?+, rest::binary>>, acc, true), do: unpercent(rest, acc <> " ", true)

  defp unpercent(<<?%, hex::binary-size(2), rest::binary>> = all, acc, plus) do
    case Integer.parse(hex, 16) do
      {n, ""} -> unpercent(rest, acc <> <<n>>, plus)
      _ -> raise ArgumentError, "malformed URI #{inspect(all)}"
    end
  end

  defp unpercent(<<c, rest::binary>>, acc, plus), do: unpercent(rest, acc <> <<c>>, plus)

  def merge(%URI{} = base, rel) when is_binary(rel), do: merge(base, parse(rel))
  def merge(base, rel) when is_binary(base), do: merge(parse(base), rel)
  def merge(_base, %URI{scheme: s} = rel) when s != nil, do: rel
  def merge(%URI{} = base, %URI{host: h} = rel) when h != nil, do: %{rel | scheme: base.scheme}

  def merge(%URI{} = base, %URI{path: nil} = rel),
    do: %{base | query: rel.query || base.query, fragment: rel.fragment}

  def merge(%URI{} = base, %URI{} = rel) do
    path =
      if String.starts_with?(rel.path, "/"),
        do: rel.path,
        else: String.replace(base.path || "/", ~r{[^/]*$}, "") <> rel.path

    %{base | path: remove_dot_segments(path), query: rel.query, fragment: rel.fragment}
  end

  # RFC 3986 5.2.4: "." segments go, ".." takes the one before it away; a
  # path ending in either ends with "/".
  defp remove_dot_segments(path) do
    [first | segments] = String.split(path, "/")

    {kept, trailing} =
      Enum.reduce(segments, {[], false}, fn
        ".", {kept, _} -> {kept, true}
        "..", {kept, _} -> {Enum.drop(kept, 1), true}
        segment, {kept, _} -> {[segment | kept], false}
      end)

    kept = if trailing, do: ["" | kept], else: kept
    Enum.join([first | Enum.reverse(kept)], "/")
  end
end

defmodule URI.Error do
  defexception [:action, :reason, :part]

  def message(%{action: action, reason: reason, part: part}),
    do: "cannot #{action} due to reason #{reason}: #{inspect(part)}"
end
