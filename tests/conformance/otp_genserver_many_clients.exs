# Many clients calling one server: every caller gets its own reply, and
# the server sees the requests in the order they were sent.
defmodule Bank do
  use GenServer
  def start_link(balance), do: GenServer.start_link(__MODULE__, balance, name: __MODULE__)
  def deposit(n), do: GenServer.call(__MODULE__, {:deposit, n})
  def withdraw(n), do: GenServer.call(__MODULE__, {:withdraw, n})
  def balance, do: GenServer.call(__MODULE__, :balance)
  def history, do: GenServer.call(__MODULE__, :history)

  def init(balance), do: {:ok, {balance, []}}

  def handle_call({:deposit, n}, _from, {b, h}), do: {:reply, {:ok, b + n}, {b + n, [{:deposit, n} | h]}}

  def handle_call({:withdraw, n}, _from, {b, h}) when n > b, do: {:reply, {:error, :insufficient_funds}, {b, h}}
  def handle_call({:withdraw, n}, _from, {b, h}), do: {:reply, {:ok, b - n}, {b - n, [{:withdraw, n} | h]}}
  def handle_call(:balance, _from, {b, _} = s), do: {:reply, b, s}
  def handle_call(:history, _from, {_, h} = s), do: {:reply, Enum.reverse(h), s}
end

{:ok, _} = Bank.start_link(100)
test = self()

for i <- 1..10 do
  spawn(fn ->
    r = if rem(i, 2) == 0, do: Bank.deposit(i), else: Bank.withdraw(i * 10)
    send(test, {i, r})
  end)
end

replies = for _ <- 1..10, do: (receive do {i, r} -> {i, r} end)
IO.inspect(Enum.sort(replies))
IO.inspect(Bank.balance())
IO.inspect(length(Bank.history()))
total = Enum.reduce(Bank.history(), 100, fn
  {:deposit, n}, acc -> acc + n
  {:withdraw, n}, acc -> acc - n
end)
IO.inspect(total == Bank.balance())
