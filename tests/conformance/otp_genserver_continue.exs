# handle_continue runs before any message already waiting in the mailbox.
defmodule Continuer do
  use GenServer

  def start_link(parent), do: GenServer.start_link(__MODULE__, parent)

  def init(parent) do
    send(self(), :from_init)
    {:ok, [:init], {:continue, {:step, 1}}}
  end

  def handle_continue({:step, 3}, log), do: {:noreply, [{:continue, 3} | log]}
  def handle_continue({:step, n}, log), do: {:noreply, [{:continue, n} | log], {:continue, {:step, n + 1}}}
  def handle_continue(:after_call, log), do: {:noreply, [:after_call | log]}
  def handle_continue(:after_cast, log), do: {:noreply, [:after_cast | log]}

  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
  def handle_call(:go, _from, log), do: {:reply, :went, [:call | log], {:continue, :after_call}}

  def handle_cast(:go, log), do: {:noreply, [:cast | log], {:continue, :after_cast}}

  def handle_info(msg, log), do: {:noreply, [{:info, msg} | log]}
end

{:ok, pid} = Continuer.start_link(self())
send(pid, :early)
IO.inspect(GenServer.call(pid, :go))
GenServer.cast(pid, :go)
send(pid, :late)
IO.inspect(GenServer.call(pid, :log))
