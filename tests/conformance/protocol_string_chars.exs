# A user protocol with implementations for built-in types, a list of types,
# a fallback to Any, and String.Chars for a struct (to_string and
# interpolation), then the errors of a type without an implementation.
defmodule Money do
  defstruct [:amount, :currency]
end

defimpl String.Chars, for: Money do
  def to_string(%Money{amount: amount, currency: currency}), do: "#{amount} #{currency}"
end

defprotocol Describe do
  @fallback_to_any true
  @doc "A short description"
  def describe(term)
end

defimpl Describe, for: [List, Tuple] do
  def describe(term) when is_list(term), do: "a list of #{length(term)}"
  def describe(term), do: "a tuple of #{tuple_size(term)}"
end

defimpl Describe, for: Integer do
  def describe(n) when n < 0, do: "a negative integer"
  def describe(_), do: "an integer"
end

defimpl Describe, for: Money do
  def describe(m), do: "money: #{m}"
end

defimpl Describe, for: Any do
  def describe(_), do: "something"
end

defprotocol Area do
  def area(shape)
end

defmodule Square do
  defstruct side: 1

  defimpl Area do
    def area(%Square{side: s}), do: s * s
  end
end

defmodule Main do
  def run do
    price = %Money{amount: 12, currency: "EUR"}
    IO.puts("Price: #{price}")
    IO.puts(to_string(price))
    IO.puts(Enum.map_join([price, %Money{amount: 3, currency: "USD"}], ", ", &to_string/1))

    for x <- [[1, 2, 3], {:a, :b}, -4, 7, price, :atom, "text", %{}] do
      IO.puts(Describe.describe(x))
    end

    IO.inspect(Describe.impl_for([]))
    IO.inspect(Describe.impl_for(:x))
    IO.inspect(Area.impl_for(:x))
    IO.inspect(Area.impl_for(%Square{}))
    IO.inspect(Area.area(%Square{side: 4}))
    IO.inspect(Area.__protocol__(:functions))
    IO.inspect(Describe.__protocol__(:module))
    IO.inspect(String.Chars.impl_for(price))
    IO.inspect(String.Chars.impl_for(1))
    IO.inspect(Area.Square.__impl__(:for))
    IO.inspect(Area.Square.__impl__(:protocol))

    try do
      Area.area(3)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end

    try do
      "#{{:a, 1}}"
    rescue
      e -> IO.puts(Exception.message(e))
    end

    Area.area(%{side: 2})
  end
end

Main.run()
