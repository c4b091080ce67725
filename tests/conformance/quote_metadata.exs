# quote as Elixir 1.14 gives it: metadata (context, imports, alias), the line/location/context/generated/bind_quoted/unquote options, nested quotes, alias hygiene.
IO.inspect(quote do: foo(1))
IO.inspect(quote do: 1 + 2)
IO.inspect(quote do: is_atom(x))
IO.inspect(quote do: String.upcase("a"))
IO.inspect(quote do: x)
IO.inspect(quote do: [a: 1])
IO.inspect(quote do: %{a: 1})
IO.inspect(quote do: {1, 2, 3})
IO.inspect(quote do: fn x -> x end)
IO.inspect(quote do: if(true, do: 1, else: 2))
IO.inspect(quote do: (a = 1; a))
IO.inspect(quote line: 10, do: foo(1))
IO.inspect(quote location: :keep, do: foo(1))
IO.inspect(quote do: Enum.map([1], &(&1 + 1)))
IO.inspect(quote do: inspect(1))
IO.inspect(quote do: length([1]))
IO.inspect(quote do: self())
IO.inspect(quote do: __MODULE__)
IO.inspect(quote do: %URI{})
IO.inspect(quote do: @foo)
IO.inspect(quote do: def f(x), do: x)
IO.inspect(quote do: x |> foo())
IO.inspect(quote do: "a#{1}b")
IO.inspect(quote do: (case x do 1 -> 2 end))
IO.inspect(quote do: unquote(1) + 2)
IO.inspect(quote context: Foo, do: x)
IO.inspect(quote do: <<1, 2>>)
IO.inspect(quote do: x.y)
IO.inspect(quote do: x.(1))
IO.inspect(quote do: :a.b())
IO.inspect(quote do: ~r/a/)
IO.inspect(quote do: &foo/1)
IO.inspect(quote do: raise "x")
IO.inspect(quote do: to_string(1))
IO.inspect(quote do: max(1,2))
IO.inspect(quote do: elem({1}, 0))
IO.inspect(quote do: import Foo)
IO.inspect(quote do: alias Foo.Bar)
IO.inspect(quote do: require Logger)
IO.inspect(quote do: Kernel.foo())
IO.inspect(quote do: abc)
IO.inspect(quote do: {:ok, x})
IO.inspect(quote do: (def foo, do: 1))
IO.inspect(quote do: x = 5)
IO.inspect(quote do: not x)
IO.inspect(quote do: !x)
IO.inspect(quote do: x and y)
IO.inspect(quote do: -x)
IO.inspect(quote do: 1..2)
IO.inspect(quote do: [h | t])
defmodule M do
  def helper(x), do: x
  defmacro mac(x), do: x
  def go do
    IO.inspect(quote do: helper(1))
    IO.inspect(quote do: x + 1)
    IO.inspect(quote do: __MODULE__)
  end
end
M.go()
defmodule Imp do
  def a(x), do: x
  def a(x, y), do: {x, y}
  defmacro b(x), do: x
end
import Integer, only: [is_odd: 1, parse: 1, parse: 2]
alias Foo.Bar, as: Baz
IO.inspect(quote do: parse(1))
IO.inspect(quote do: is_odd(1))
IO.inspect(quote do: Baz)
IO.inspect(quote do: Baz.Qux)
IO.inspect(quote do: __MODULE__.Qux)
IO.inspect(quote do: Elixir.Baz)
IO.inspect(quote do: &inspect/1)
IO.inspect(quote do: &parse/2)
IO.inspect(quote do: &Enum.map/2)
IO.inspect(quote do: self)
IO.inspect(quote do: node)
IO.inspect(quote do: parse)
IO.inspect(quote line: 10, do: x.y)
IO.inspect(quote line: 10, do: x)
IO.inspect(quote location: :keep, do: x.y + z)
IO.inspect(quote generated: true, do: foo(x))
IO.inspect(quote context: Foo, do: inspect(x))
IO.inspect(quote unquote: false, do: unquote(x))
IO.inspect(quote bind_quoted: [a: 1], do: a + 1)
IO.inspect(quote do: quote(do: x))
IO.inspect(quote do: [1, unquote_splicing([2, 3]), 4])
IO.inspect(quote do: -1)
IO.inspect(quote do: - 1)
IO.inspect(quote do: {a, b})
IO.inspect(quote do: {:a, 1})
IO.inspect(quote do: %M{a: 1})
IO.inspect(quote do: %{m | a: 1})
IO.inspect(quote do: for(x <- [1], do: x))
IO.inspect(quote do: with({:ok, x} <- y, do: x))
IO.inspect(quote do: try(do: 1, rescue: (e -> e)))
IO.inspect(quote do: receive(do: (x -> x)))
IO.inspect(quote do: super(1))
IO.inspect(quote do: __CALLER__)
IO.inspect(quote do: x in [1])
IO.inspect(quote do: x when is_atom(x))
IO.inspect(quote do: cond(do: (true -> 1)))
IO.inspect(quote do: import(Imp, only: [a: 1]))
IO.inspect(quote do: to_string(x) <> "a")
IO.inspect(quote do: %{"a" => 1})
IO.inspect(quote do: 'abc')
IO.inspect(quote do: :foo.bar(1))
IO.inspect(quote do: foo.bar(1))
IO.inspect(quote do: @doc "x")
IO.inspect(quote do: defmodule(A, do: :ok))
IO.inspect(quote do: use GenServer)
IO.inspect(quote do: __ENV__.file)
IO.inspect(quote do: Kernel.+(1, 2))
IO.inspect(quote do: &(&1))
defmodule Bar do def x, do: :top end
defmodule Foo.Bar do def x, do: :nested end
defmodule Mac do
  alias Foo.Bar, as: Baz
  defmacro m, do: quote(do: {Bar.x(), Baz.x()})
end
defmodule C do
  require Mac
  alias Foo.Bar
  def t, do: Mac.m()
end
IO.inspect C.t
line = 42
IO.inspect(quote(line: line, do: foo(x)))
vals = [2, 3]
IO.inspect(quote(do: [1, unquote_splicing(vals), 4 | unquote(vals)]))
IO.inspect(quote(do: f(unquote_splicing(vals))))
IO.inspect(quote(bind_quoted: [v: vals, w: 1 + 1], do: v ++ [w]))
name = :upcase
IO.inspect(quote(do: String.unquote(name)("a")))
IO.inspect(Code.eval_quoted(quote(do: String.unquote(name)("a"))))
IO.inspect(quote(do: quote(do: unquote(x))))
IO.inspect(quote(do: {unquote(name), unquote(vals)}))
defmodule Hyg do
  defmacro twice(e) do
    quote do
      v = unquote(e)
      v + v
    end
  end
end
defmodule UseHyg do
  require Hyg
  def run do
    v = 10
    {Hyg.twice(v + 1), v}
  end
end
IO.inspect(UseHyg.run())
