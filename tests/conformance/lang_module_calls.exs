defmodule A do
  def first, do: second() + B.value()
  def second, do: 2
  def call_later_defined, do: C.hello()
end

defmodule B do
  def value, do: 40
  def chained, do: A.first() |> Kernel.+(0)
end

defmodule C do
  def hello, do: :hello_from_c
end

defmodule D do
  import Kernel, except: [length: 1]
  def length(_), do: :my_length
  def use_length(x), do: length(x)
end

IO.inspect(A.first())
IO.inspect(B.chained())
IO.inspect(A.call_later_defined())
IO.inspect(D.use_length([1, 2]))
IO.inspect(A.second() |> Integer.to_string())
IO.inspect(Enum.map([A, B], fn m -> function_exported?(m, :value, 0) end))
