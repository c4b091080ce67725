# Path.join/2 drops one slash at each seam and one at the end;
# relative_to/2, relative/1 and safe_relative_to/2 work on the text.
# URI.new/1 refuses what :uri_string refuses, takes a %URI{}, and queries
# decode pair by pair.
for {a, b} <- [{"x", "//y"}, {"x//", "y"}, {"x/", "/"}, {"/", "/"}, {"", "/y/"}, {"x", ""}, {"/x/", "y//"}, {"x", "/y/"}] do
  IO.inspect({a, b, Path.join(a, b)})
end

IO.inspect(Path.join(["/srv", "app/", "/log/"]))
IO.inspect(Path.relative_to("/srv/app/log", "/srv"))
IO.inspect(Path.relative_to("/srv/app", "/srv/app/"))
IO.inspect(Path.relative_to("/srv/app", "/opt"))
IO.inspect(Path.relative_to("srv/app", "/srv"))
IO.inspect(Path.relative("/etc/hosts"))
IO.inspect(Path.relative("/"))
IO.inspect(Path.relative("notes.txt"))

for p <- ["lib/../config", "lib/./a.ex", "lib/../../x", "/etc", ".", "a//b/", "a/b/.."] do
  IO.inspect({p, Path.safe_relative_to(p, "project")})
end

for s <- ["/docs/<draft>", "https://example.org/a b", "mailto:someone", "ftp://h:21a/", "caf\u00e9", "//h/x^y", "/ok/path?x=1"] do
  IO.inspect({s, URI.new(s)})
end

{:ok, uri} = URI.new("http://example.org:8080/p")
IO.inspect(URI.new(uri) == {:ok, uri})
IO.inspect(URI.new!(uri).port)

try do
  URI.new!("wrong path")
rescue
  e in URI.Error -> IO.puts(Exception.message(e))
end

IO.inspect(URI.query_decoder("x=1+1&&y=%41&z") |> Enum.to_list())
IO.inspect(URI.query_decoder("x=1+1&y=%41", :rfc3986) |> Enum.take(1))
IO.inspect(URI.decode_query("k=1&k=2&=v"))

for q <- [[tags: ["a", "b"]], [{["k"], "v"}]] do
  try do
    URI.encode_query(q)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
