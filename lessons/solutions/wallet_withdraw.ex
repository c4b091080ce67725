defmodule Wallet do
  use GenServer

  def start_link(balance), do: GenServer.start_link(__MODULE__, %{balance: balance}, name: __MODULE__)
  def withdraw(amount), do: GenServer.call(__MODULE__, {:withdraw, amount})
  def balance, do: GenServer.call(__MODULE__, :balance)

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call({:withdraw, amount}, _from, state) do
    if amount <= state.balance do
      {:reply, :ok, %{state | balance: state.balance - amount}}
    else
      {:reply, {:error, :insufficient_funds}, state}
    end
  end

  def handle_call(:balance, _from, state), do: {:reply, state.balance, state}
end
