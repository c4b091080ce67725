# The path forms of get_and_update_in/2 and pop_in/1, and destructure/2,
# at the top level and in a def.
stock = %{"apples" => %{count: 5}, "pears" => %{count: 0}}
IO.inspect(get_and_update_in(stock["apples"].count, fn n -> {n, n - 1} end))
IO.inspect(get_and_update_in(stock["pears"][:count], fn _ -> :pop end))
IO.inspect(pop_in(stock["apples"][:count]))
IO.inspect(pop_in(stock["plums"][:count]))

defmodule Shelf do
  def take(stock, fruit), do: get_and_update_in(stock[fruit].count, &{&1, max(&1 - 1, 0)})
  def forget(stock, fruit), do: pop_in(stock[fruit])

  def first_two(list) do
    destructure([a, b], list)
    {a, b}
  end
end

IO.inspect(Shelf.take(stock, "apples"))
IO.inspect(Shelf.forget(stock, "pears"))
IO.inspect(Shelf.first_two([:x, :y, :z]))
IO.inspect(Shelf.first_two([:only]))
IO.inspect(Shelf.first_two(nil))

destructure([h, m, s], String.split("10:20", ":") |> Enum.map(&String.to_integer/1))
IO.inspect({h, m, s})

try do
  Shelf.first_two(%{})
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Shelf.take(stock, "plums")
rescue
  e -> IO.puts(Exception.message(e))
end
