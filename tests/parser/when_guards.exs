def f(x) when is_integer(x) and x > 0 do
  x
end
def g(x, y) when x > y when y > 0, do: x
case x do
  n when n in [1, 2] -> n
  n when is_atom(n) or is_nil(n) -> n
end
