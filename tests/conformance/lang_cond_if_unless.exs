classify = fn n ->
  cond do
    n < 0 -> :negative
    n == 0 -> :zero
    n < 10 -> :small
    rem(n, 2) == 0 -> :big_even
    true -> :big_odd
  end
end
IO.inspect(Enum.map([-1, 0, 5, 12, 13], classify))
IO.inspect(cond do
  nil -> :nil_is_falsy
  false -> :false_is_falsy
  0 -> :zero_is_truthy
end)
IO.inspect(cond do
  [] -> :empty_list_truthy
end)
IO.inspect(if true, do: :yes, else: :no)
IO.inspect(if false, do: :yes, else: :no)
IO.inspect(if nil, do: :yes)
IO.inspect(if 0, do: :zero_truthy)
IO.inspect(if "", do: :empty_string_truthy)
IO.inspect(unless false, do: :ran)
IO.inspect(unless true, do: :ran)
IO.inspect(unless true, do: :ran, else: :else_branch)
value = if 3 > 2 do
  a = 10
  a * 2
else
  0
end
IO.inspect(value)
x = 1
if x == 1 do
  IO.puts("x is one")
end
unless x == 2 do
  IO.puts("x is not two")
end
state = %{size: 3, max: 3}
state = if state.size >= state.max do
  %{state | size: state.size - 1}
else
  state
end
IO.inspect(state)
IO.inspect(if(1 in [1, 2], do: "in", else: "out"))
IO.inspect(!true)
IO.inspect(!nil)
IO.inspect(!!:x)
IO.inspect(not false)
