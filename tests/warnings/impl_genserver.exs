# @impl and behaviours in a GenServer, as a learner writes them: a typo'd
# callback, callbacks without @impl once one has it, @impl on a private
# function, @impl naming the wrong behaviour, @impl false on a callback,
# and modules that leave out a required callback.
defmodule Counter do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n)

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_cal(:get, _from, n), do: {:reply, n, n}

  def handle_cast(:inc, n), do: {:noreply, bump(n)}

  @impl true
  defp bump(n), do: n + 1

  @impl GenServer
  def get(pid), do: GenServer.call(pid, :get)

  @impl Supervisor
  def handle_info(_msg, n), do: {:noreply, n}

  def terminate(_reason, _n), do: :ok
end

defmodule Quiet do
  use GenServer

  @impl false
  def init(n), do: {:ok, n}

  @impl true
  def handle_call(msg, from, state \\ nil), do: {:reply, {msg, from}, state}
end

defmodule NoInit do
  use GenServer

  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
end

defmodule Sup do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg)
end

defmodule Plain do
  @impl true
  def run(x), do: x
end

defmodule Mixed do
  @behaviour GenServr
  @behaviour Agent
  @behaviour GenServer
  @behaviour Supervisor

  @impl true
  def init(x), do: {:ok, x}

  @impl :gen_server
  def handle_cast(_msg, s), do: {:noreply, s}
end

defmodule Raw do
  @behaviour :gen_server

  @impl true
  def init(x), do: {:ok, x}
end

{:ok, pid} = Counter.start_link(1)
GenServer.cast(pid, :inc)
IO.inspect(:sys.get_state(pid))
