# raise/1 is :erlang.error(exception, :none, error_info: %{module: Exception}):
# its frame in a raw stack trace says so; raise/2 says nothing.
defmodule R do
  def a, do: raise "msg"
  def b, do: raise RuntimeError
  def c, do: raise ArgumentError, "msg"
  def d, do: raise KeyError, key: 1
  def e, do: raise %ArgumentError{message: "x"}
  def f(x), do: raise x
  def g(x), do: raise ArgumentError, x
end

for {n, f} <- [a: &R.a/0, b: &R.b/0, c: &R.c/0, d: &R.d/0, e: &R.e/0, f: fn -> R.f("s") end, g: fn -> R.g("s") end,
               fetch: fn -> Enum.fetch!([1], 5) end, random: fn -> Enum.random([]) end, keyword: fn -> Keyword.fetch!([], :k) end] do
  try do
    f.()
  rescue
    _ -> IO.inspect({n, hd(__STACKTRACE__)})
  end
end
