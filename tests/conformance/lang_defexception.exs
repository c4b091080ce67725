defmodule InsufficientFunds do
  defexception [:balance, :amount]

  @impl true
  def message(%{balance: b, amount: a}) do
    "cannot withdraw #{a}, balance is #{b}"
  end
end

defmodule NotFoundError do
  defexception message: "resource not found"
end

defmodule ConfigError do
  defexception [:key, message: "bad config"]
end

defmodule Bank do
  def withdraw(balance, amount) when amount > balance do
    raise InsufficientFunds, balance: balance, amount: amount
  end

  def withdraw(balance, amount), do: balance - amount
end

IO.inspect(Bank.withdraw(100, 30))
r = try do
  Bank.withdraw(10, 30)
rescue
  e in InsufficientFunds -> {Exception.message(e), e.balance, e.amount}
end
IO.inspect(r)
r = try do
  Bank.withdraw(10, 30)
rescue
  e -> e
end
IO.inspect(r)
r = try do
  raise NotFoundError
rescue
  e -> {Exception.message(e), e}
end
IO.inspect(r)
r = try do
  raise NotFoundError, "user 7 not found"
rescue
  e -> {Exception.message(e), e}
end
IO.inspect(r)
r = try do
  raise ConfigError, key: :port
rescue
  e -> {e.key, Exception.message(e), e}
end
IO.inspect(r)
defmodule Checks do
  def run do
    IO.inspect(Exception.exception?(%NotFoundError{}))
    IO.inspect(Exception.exception?(%{}))
    IO.inspect(is_exception(%ConfigError{}))
    IO.inspect(%NotFoundError{})
  end
end

Checks.run()
IO.inspect(NotFoundError.exception(message: "direct"))
IO.inspect(Exception.message(%RuntimeError{message: "rt"}))
IO.inspect(Exception.format(:error, %RuntimeError{message: "fmt"}))
IO.inspect(Exception.format_banner(:error, %ArgumentError{message: "banner"}))
IO.inspect(Exception.format_banner(:throw, :ball))
IO.inspect(Exception.format_banner(:exit, :killed))
