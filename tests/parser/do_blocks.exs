if a do
  b
else
  c
end
if a, do: b, else: c
unless x do y end
case x do
  1 -> :one
  2 ->
    :two
  _ ->
    :other
end
cond do
  a -> 1
  true -> 2
end
try do
  risky()
rescue
  e in RuntimeError -> e
  ArgumentError -> :arg
catch
  :exit, reason -> reason
  x -> x
else
  v -> v
after
  cleanup()
end
receive do
  {:msg, x} -> x
after
  1000 -> :timeout
end
with {:ok, a} <- f(),
     {:ok, b} <- g(a) do
  a + b
else
  {:error, e} -> e
end
for x <- list, x > 1, into: %{}, do: {x, x}
for x <- [1, 2], y <- [3, 4] do
  x * y
end
foo do end
foo do
end
foo bar do end
foo(bar) do end
foo.bar do 1 end
x = if a do b end
if a do b end |> c
