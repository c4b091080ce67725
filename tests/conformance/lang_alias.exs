defmodule MyApp.Accounts.User do
  def new(name), do: %{name: name, kind: :user}
end

defmodule MyApp.Accounts.Admin do
  def new(name), do: %{name: name, kind: :admin}
end

defmodule MyApp.Service do
  alias MyApp.Accounts.User
  alias MyApp.Accounts.Admin, as: Boss
  alias MyApp.Accounts.{User, Admin}

  def users do
    [User.new("u"), Boss.new("b"), Admin.new("a")]
  end

  def names do
    {User, Boss, Admin, __MODULE__}
  end
end

IO.inspect(MyApp.Service.users())
IO.inspect(MyApp.Service.names())
alias MyApp.Accounts.User, as: U
IO.inspect(U.new("top"))
IO.inspect(U)
import List, only: [first: 1]
IO.inspect(first([9, 8]))
import String, only: [upcase: 1]
IO.inspect(upcase("imported"))
require Integer
IO.inspect(Integer.is_odd(3))
IO.inspect(Elixir.String.length("abc"))
IO.inspect(Elixir.MyApp.Service == MyApp.Service)
