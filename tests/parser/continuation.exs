x =
  1 +
  2
y = [1,
  2]
z = foo(
  a,
  b
)
w = a
    |> b
    |> c
v = a ||
  b
u = a
  .b
t = x \
  + 1
