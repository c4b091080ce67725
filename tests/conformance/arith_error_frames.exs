# Which failing arithmetic in module code shows the :erlang BIF on top of the
# stack trace, as the BEAM does: + and - with a literal operand do not, a
# two-variable + or -, *, unary - and div/rem do, / never does.
defmodule A do
  def add(a, b), do: a + b
  def add1(a), do: a + 1
  def add1l(a), do: 1 + a
  def sub(a, b), do: a - b
  def sub1(a), do: a - 1
  def mul(a, b), do: a * b
  def mul2(a), do: a * 2
  def dv(a, b), do: a / b
  def dv2(a), do: a / 2
  def neg(a), do: -a
  def idiv(a, b), do: div(a, b)
  def irem(a, b), do: rem(a, b)
  def bnd(a, b), do: Bitwise.band(a, b)
  def cmp(a, b), do: a > b
  def g1(a), do: a + 1.5
  def g2(a), do: 1 - a
  def g3(a), do: a + 100000000000000000000000
  def g4(a), do: a - (-3)
  def g5(a), do: a + 576460752303423487
  def g6(a), do: a + 576460752303423488
  def g7(a), do: a * 1
  def g8(a), do: a + (2 + 3)
  @k 7
  def g9(a), do: a + @k
  def h1(a), do: a - 1.5
  def h2(a), do: a + -3
  def h3(a), do: a - 0
  def h4(a), do: -3 + a
  def h5(a), do: a - 576460752303423487
  def h6(a), do: a + (-576460752303423488)
  def h7(a), do: a - (-1.5)
end
cases =
  [add: [1, :a], add1: [:a], add1l: [:a], sub: [1, :a], sub1: [:a], mul: [1, :a], mul2: [:a], dv: [1, :a], dv2: [:a], dv: [1, 0], neg: [:a], idiv: [1, 0], irem: [1, :a], bnd: [1, :a]] ++
    for(n <- 1..9, do: {:"g#{n}", [:a]}) ++ for(n <- 1..7, do: {:"h#{n}", [:a]})
for {f, args} <- cases do
  try do
    apply(A, f, args)
  rescue
    _ -> IO.inspect({f, args, hd(__STACKTRACE__)})
  end
end
