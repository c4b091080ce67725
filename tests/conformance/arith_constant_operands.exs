# Arithmetic and comparisons whose operands are variables or small integer
# constants (compiled to instructions that read the variable's register and
# take the constant as an operand): overflow into big integers at the
# 60-bit boundary, floats, failures inside and outside guards, and the
# value of a clause that returns a constant.
defmodule ConstOps do
  def inc(x), do: x + 1
  def dec(x), do: x - 1
  def sub_big(x), do: x - 1_152_921_504_606_846_976
  def add_neg(x), do: x + -7
  def twice_minus(x), do: x - 2 - 2

  def classify(0), do: :zero
  def classify(1), do: "one"
  def classify(n) when n + 1 > 10, do: {:big, n}
  def classify(n) when is_integer(n), do: [:small, n]
  def classify(_), do: nil

  def guard_on_atom(x) when x - 1 > 0, do: :positive
  def guard_on_atom(_), do: :guard_failed

  def rebind_in_operand(x), do: x + (x = 5)
  def compare(a, b), do: {a < b, a > b, a <= b, a >= b, a == b, a != b, a === b, a !== b}
  def same(x), do: x

  def count_down(0, acc), do: acc
  def count_down(n, acc), do: count_down(n - 1, acc + 2)

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

max = 1_152_921_504_606_846_975
min = -1_152_921_504_606_846_976
IO.inspect(ConstOps.inc(max))
IO.inspect(ConstOps.inc(max) - 1 == max)
IO.inspect(ConstOps.dec(min))
IO.inspect(ConstOps.dec(ConstOps.inc(max)))
IO.inspect(ConstOps.sub_big(0))
IO.inspect(ConstOps.sub_big(min + 5))
IO.inspect(ConstOps.add_neg(3))
IO.inspect(ConstOps.add_neg(max + 10))
IO.inspect(ConstOps.inc(1.5))
IO.inspect(ConstOps.dec(-0.25))
IO.inspect(ConstOps.twice_minus(10))
IO.inspect(Enum.map([0, 1, 9, 10, 2.5, :x], &ConstOps.classify/1))
IO.inspect(ConstOps.guard_on_atom(5))
IO.inspect(ConstOps.guard_on_atom(:a))
IO.inspect(ConstOps.rebind_in_operand(1))
IO.inspect(ConstOps.compare(1, 2))
IO.inspect(ConstOps.compare(2.0, 2))
IO.inspect(ConstOps.compare(:a, "a"))
IO.inspect(ConstOps.same({:ok, [1]}))
IO.inspect(ConstOps.count_down(100_000, 0))
IO.inspect(ConstOps.fib(20))

for f <- [:inc, :dec] do
  try do
    apply(ConstOps, f, [:atom])
  rescue
    e -> IO.inspect({f, e})
  end
end

try do
  ConstOps.twice_minus("x")
rescue
  e in ArithmeticError -> IO.puts(Exception.message(e))
end
