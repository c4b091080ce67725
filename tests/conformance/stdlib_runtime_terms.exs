# :persistent_term, :counters, :atomics, Process.list, Node, binding/0, register_attribute (accumulate, persist), defguard used in its own module, URI.
:persistent_term.put(:k, %{a: 1})
IO.inspect :persistent_term.get(:k)
IO.inspect :persistent_term.get(:missing, :default)
IO.inspect :persistent_term.erase(:k)
IO.inspect :persistent_term.erase(:k)
try do
  :persistent_term.get(:k)
rescue
  e -> IO.inspect(e)
end
:persistent_term.put({:a, 1}, 2)
IO.inspect Enum.member?(:persistent_term.get(), {{:a, 1}, 2})
IO.inspect :persistent_term.info() |> Map.keys() |> Enum.sort()
c = :counters.new(3, [:atomics])
:counters.add(c, 1, 5)
:counters.sub(c, 2, 3)
:counters.put(c, 3, 42)
IO.inspect {:counters.get(c, 1), :counters.get(c, 2), :counters.get(c, 3)}
IO.inspect :counters.info(c)
c2 = :counters.new(1, [:write_concurrency])
:counters.add(c2, 1, 1)
IO.inspect :counters.get(c2, 1)
a = :atomics.new(2, signed: false)
:atomics.put(a, 1, 10)
IO.inspect :atomics.add_get(a, 1, 5)
IO.inspect :atomics.exchange(a, 1, 1)
IO.inspect :atomics.compare_exchange(a, 1, 1, 7)
IO.inspect :atomics.compare_exchange(a, 1, 1, 8)
IO.inspect :atomics.get(a, 1)
IO.inspect :atomics.info(a)
IO.inspect :atomics.sub_get(a, 2, 0)
try do
  :atomics.get(a, 3)
rescue
  e -> IO.inspect(e)
end
a2 = :atomics.new(1, [])
:atomics.sub(a2, 1, 5)
IO.inspect :atomics.get(a2, 1)
IO.inspect is_list(Process.list())
IO.inspect self() in Process.list()
IO.inspect {Node.self(), node(), node(self()), Node.alive?(), Node.list()}
IO.inspect node(make_ref())
x = 1
y = [2]
IO.inspect Keyword.drop(binding(), [:a, :a2, :c, :c2])
defmodule Attr do
  Module.register_attribute(__MODULE__, :things, accumulate: true)
  Module.register_attribute(__MODULE__, :keep, persist: true)
  @things :a
  @things :b
  @keep 5
  @things [:c]
  def things, do: @things
  defguard is_even(n) when is_integer(n) and rem(n, 2) == 0
  defguardp is_pos(n) when n > 0
  def check(n) when is_even(n) and is_pos(n), do: :even_pos
  def check(_), do: :other
end
IO.inspect Attr.things()
IO.inspect Attr.__info__(:attributes) |> Keyword.get(:keep)
IO.inspect {Attr.check(4), Attr.check(3), Attr.check(-2)}
defmodule UseAttr do
  require Attr
  def go(x) when Attr.is_even(x), do: {:even, Attr.is_even(x + 1)}
end
IO.inspect UseAttr.go(10)
u = URI.parse("https://user@example.com:8080/a/b?x=1&y=2#frag")
IO.inspect u
IO.inspect to_string(u)
IO.inspect URI.decode_query("x=1&y=%20z")
IO.inspect URI.encode_query(%{a: 1, b: "c d"})
IO.inspect URI.encode("a b/c?d")
IO.inspect URI.encode_www_form("a b&c")
IO.inspect URI.merge("http://a.com/b/c", "../d")
IO.inspect URI.new("http://x.com")
IO.inspect URI.new!("/path")
IO.inspect URI.parse("mailto:a@b.c")
IO.inspect URI.default_port("ftp")
IO.inspect URI.append_query(URI.parse("http://a.com?x=1"), "y=2")
