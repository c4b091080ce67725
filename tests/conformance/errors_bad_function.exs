show = fn f ->
  try do
    f.()
  rescue
    e ->
      # A fun prints as #Function<...> with a BEAM-specific hash: keep the tail.
      IO.puts(e |> Exception.message() |> String.split(" with arity ") |> List.last())
      IO.inspect(e.__struct__)
      IO.inspect(Map.keys(e))
  end
end
one_arg = fn x -> x end
not_fun = String.to_atom("not_a_function")
show.(fn -> one_arg.(1, 2) end)
show.(fn -> one_arg.() end)
show.(fn -> not_fun.(1) end)
show.(fn -> (1).(2) end)
show.(fn -> Enum.map([1], fn a, b -> a + b end) end)
r = try do
  not_fun.()
rescue
  e in BadFunctionError -> {Exception.message(e), e}
end
IO.inspect(r)
r = try do
  "str".()
rescue
  e -> inspect(e)
end
IO.puts(r)
r = try do
  (fn a, b -> {a, b} end).(1)
rescue
  e in BadArityError -> {e.args, is_function(e.function, 2)}
end
IO.inspect(r)
IO.puts("done")
