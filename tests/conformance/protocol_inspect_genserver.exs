# A GenServer whose state is a struct with its own Inspect: the state as
# :sys.get_state/1 returns it, IO.inspect shows it, and the crash report
# prints it when the server dies.
Logger.configure_backend(:console, format: "[$level] $message\n")
defmodule Account do
  defstruct [:owner, :balance, :pin, history: []]

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Account{owner: owner, balance: balance, history: history}, opts) do
      concat([
        "#Account<",
        to_doc(owner, opts),
        " balance=",
        to_doc(balance, opts),
        " last=",
        to_doc(Enum.take(history, 2), opts),
        ">"
      ])
    end
  end
end

defmodule Bank do
  use GenServer

  def start(owner), do: GenServer.start(__MODULE__, owner, name: __MODULE__)
  def deposit(amount), do: GenServer.call(__MODULE__, {:deposit, amount})
  def withdraw(amount), do: GenServer.call(__MODULE__, {:withdraw, amount})

  @impl true
  def init(owner), do: {:ok, %Account{owner: owner, balance: 0, pin: 1234}}

  @impl true
  def handle_call({:deposit, amount}, _from, acc) do
    acc = %{acc | balance: acc.balance + amount, history: [{:deposit, amount} | acc.history]}
    {:reply, acc.balance, acc}
  end

  def handle_call({:withdraw, amount}, _from, acc) when amount <= acc.balance do
    acc = %{acc | balance: acc.balance - amount, history: [{:withdraw, amount} | acc.history]}
    {:reply, acc.balance, acc}
  end

  @impl true
  def handle_cast({:fee, amount}, acc) when amount < 10 do
    {:noreply, %{acc | balance: acc.balance - amount}}
  end
end

defmodule Main do
  def run do
    {:ok, pid} = Bank.start("ada")
    IO.inspect(Bank.deposit(100), label: "after deposit")
    IO.inspect(Bank.withdraw(30), label: "after withdraw")
    state = :sys.get_state(pid)
    IO.inspect(state)
    IO.puts("inspect: " <> inspect(state))
    IO.inspect([state, %{nested: state}], label: "nested")
    IO.inspect(state, structs: false)
    IO.inspect(:sys.get_status(pid) |> elem(0))
    ref = Process.monitor(pid)
    GenServer.cast(Bank, {:fee, 5})
    IO.inspect(:sys.get_state(Bank), label: "after fee")
    GenServer.cast(Bank, {:fee, 50})

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(elem(reason, 0), label: "down")
    end

    Process.sleep(200)
  end
end

Main.run()
