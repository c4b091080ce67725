# Invalid supervisor flags and child specs make start_link answer an error.
defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  @impl true
  def init(arg), do: {:ok, arg}
end

defmodule BadInit do
  use Supervisor
  def start_link(ret), do: Supervisor.start_link(__MODULE__, ret)
  @impl true
  def init(ret), do: ret
end

Process.flag(:trap_exit, true)
IO.inspect(Supervisor.start_link([], strategy: :one_for_none))
IO.inspect(Supervisor.start_link([], strategy: :one_for_one, max_restarts: -1))
IO.inspect(Supervisor.start_link([], strategy: :one_for_one, max_seconds: 0))
IO.inspect(Supervisor.start_link([{W, 1}, {W, 2}], strategy: :one_for_one))
IO.inspect(Supervisor.start_link([%{id: :a, start: {W, :start_link, [1]}, restart: :sometimes}], strategy: :one_for_one))
IO.inspect(Supervisor.start_link([%{id: :a}], strategy: :one_for_one))
IO.inspect(BadInit.start_link(:ignore))
IO.inspect(BadInit.start_link({:ok, :nope}))
IO.inspect(BadInit.start_link({:ok, {%{strategy: :one_for_one}, []}}) |> elem(0))

flush = fn flush ->
  receive do
    {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT"); flush.(flush)
  after
    0 -> :ok
  end
end

flush.(flush)
Supervisor.start_link([W], max_restarts: 1)
