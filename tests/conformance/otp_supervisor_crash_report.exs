# A supervised GenServer that raises in handle_call: the caller gets the
# exit, the crash is reported on standard error, the supervisor restarts
# the server with its initial state.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

defmodule Divider do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call({:divide, by}, _from, n), do: {:reply, div(n, by), div(n, by)}
end

{:ok, _sup} = Supervisor.start_link([{Divider, 100}], strategy: :one_for_one)
IO.inspect(GenServer.call(Divider, {:divide, 2}))

try do
  GenServer.call(Divider, {:divide, 0})
catch
  :exit, {{reason, _stack}, {GenServer, :call, [Divider, {:divide, 0}, 5000]}} ->
    IO.inspect(reason, label: "caller exited")
end

Process.sleep(10)
IO.inspect(GenServer.call(Divider, {:divide, 4}), label: "after restart")
