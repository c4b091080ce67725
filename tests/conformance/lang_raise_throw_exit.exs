defmodule Thrower do
  def find(list, target) do
    Enum.each(list, fn x -> if x == target, do: throw({:found, x}) end)
    :not_found
  catch
    {:found, x} -> {:found, x}
  end
end
IO.inspect(Thrower.find([1, 2, 3], 2))
IO.inspect(Thrower.find([1, 2, 3], 9))

r = try do
  raise RuntimeError
rescue
  e -> Exception.message(e)
end
IO.inspect(r)

r = try do
  raise RuntimeError, message: "kw message"
rescue
  e -> Exception.message(e)
end
IO.inspect(r)

r = try do
  raise %ArgumentError{message: "struct raise"}
rescue
  e -> {e.__struct__, e.message}
end
IO.inspect(r)

r = try do
  try do
    raise "original"
  rescue
    e -> reraise e, __STACKTRACE__
  end
rescue
  e -> "reraised: " <> e.message
end
IO.inspect(r)

r = try do
  try do
    raise "first"
  rescue
    _ -> reraise ArgumentError, [message: "converted"], __STACKTRACE__
  end
rescue
  e -> {e.__struct__, e.message}
end
IO.inspect(r)

r = try do
  exit({:shutdown, :custom})
catch
  :exit, {:shutdown, why} -> {:exit_with, why}
end
IO.inspect(r)

r = try do
  exit(:normal)
catch
  :exit, :normal -> :normal_exit_caught
end
IO.inspect(r)

r = try do
  :erlang.error(:badarg)
rescue
  e -> {e.__struct__, Exception.message(e)}
end
IO.inspect(r)

r = try do
  :erlang.error({:custom_reason, 1})
rescue
  e -> {e.__struct__, Exception.message(e)}
end
IO.inspect(r)

r = try do
  :erlang.error(:custom_atom)
catch
  :error, reason -> {:raw_error, reason}
end
IO.inspect(r)

r = try do
  raise "tagged"
catch
  :error, %RuntimeError{message: m} -> {:caught_as_error, m}
end
IO.inspect(r)

r = try do
  throw(:x)
rescue
  _ -> :rescue_does_not_catch_throw
catch
  v -> {:catch_got, v}
end
IO.inspect(r)
IO.inspect(catch_value = (try do throw(42) catch v -> v end))
IO.inspect(catch_value + 1)
r = try do
  raise "with after"
rescue
  _ -> :rescued
after
  IO.puts("after always")
end
IO.inspect(r)
