# Path on the text of paths: basename, dirname, extname, rootname, join, split, type.
for p <- ["/a/b/c.txt", "a/b/", "c.tar.gz", "/", "", ".bashrc", "a//b", "/a", "dir/.hidden", "x.", "a/b.c/d"] do
  IO.inspect({p, Path.basename(p), Path.dirname(p), Path.extname(p), Path.rootname(p), Path.split(p), Path.type(p)})
end
IO.inspect Path.basename("a/b/c.ex", ".ex")
IO.inspect Path.basename("a/b/c.ex", ".exs")
IO.inspect Path.rootname("a/b/c.ex", ".ex")
IO.inspect Path.join("a", "b")
IO.inspect Path.join("a/", "/b")
IO.inspect Path.join(["a", "b", "c.ex"])
IO.inspect Path.join("", "b")
IO.inspect Path.join("/", "b")
IO.inspect Path.join('a', "b")
