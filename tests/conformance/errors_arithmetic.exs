show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end
zero = String.to_integer("0")
one = String.to_integer("1")
show.(fn -> 1 / zero end)
show.(fn -> div(10, zero) end)
show.(fn -> rem(10, zero) end)
show.(fn -> one + :a end)
show.(fn -> "1" + one end)
show.(fn -> -String.to_atom("a") end)
show.(fn -> 1.0e308 * 10.0 * one end)
show.(fn -> Integer.pow(2, -1) end)
show.(fn -> div(1.5, one) end)
show.(fn -> Bitwise.bsl(one, :x) end)
show.(fn -> :math.log(0) end)
show.(fn -> :math.sqrt(-1) end)
IO.puts("done")
