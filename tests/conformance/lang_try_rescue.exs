r = try do
  raise "boom"
rescue
  e in RuntimeError -> {:rescued, e.message}
end
IO.inspect(r)

r = try do
  raise ArgumentError, "bad arg"
rescue
  e in [ArgumentError, KeyError] -> {:arg_or_key, Exception.message(e)}
end
IO.inspect(r)

r = try do
  1 / 0
rescue
  ArithmeticError -> :arith
end
IO.inspect(r)

r = try do
  :ok
rescue
  _ -> :never
else
  :ok -> :else_ran
end
IO.inspect(r)

r = try do
  throw(:thrown)
catch
  :throw, v -> {:caught_throw, v}
end
IO.inspect(r)

r = try do
  throw({:data, 1})
catch
  {:data, n} -> n + 1
end
IO.inspect(r)

r = try do
  exit(:shutdown)
catch
  :exit, reason -> {:caught_exit, reason}
end
IO.inspect(r)

r = try do
  raise "err"
catch
  kind, value -> {kind, value.__struct__}
end
IO.inspect(r)

try do
  IO.puts("body")
after
  IO.puts("after runs")
end

r = try do
  try do
    raise "inner"
  after
    IO.puts("inner after")
  end
rescue
  e -> "outer rescued #{e.message}"
end
IO.inspect(r)

r = try do
  String.to_integer("nope")
rescue
  e -> {e.__struct__, Exception.message(e)}
end
IO.inspect(r)

r = try do
  raise "x"
rescue
  e -> e
end
IO.inspect(r)

defmodule Safe do
  def divide(a, b) do
    {:ok, div(a, b)}
  rescue
    ArithmeticError -> {:error, :division_by_zero}
  end

  def run(f) do
    f.()
  catch
    :throw, x -> {:thrown, x}
  after
    IO.puts("cleanup")
  end
end
IO.inspect(Safe.divide(10, 2))
IO.inspect(Safe.divide(10, 0))
IO.inspect(Safe.run(fn -> throw(:t) end))
IO.inspect(Safe.run(fn -> :normal end))
r = try do
  {:ok, 1}
rescue
  _ -> :never
else
  {:ok, x} -> x * 100
end
IO.inspect(r)
IO.inspect(try(do: raise("z"), rescue: (_ -> :short_form)))
