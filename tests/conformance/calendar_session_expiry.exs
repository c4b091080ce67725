# Session expiry with DateTime on the virtual clock.
defmodule Sessions do
  use GenServer
  @ttl 3

  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def open(user), do: GenServer.call(__MODULE__, {:open, user})
  def alive?(user), do: GenServer.call(__MODULE__, {:alive?, user})

  @impl true
  def init(s), do: {:ok, s}

  @impl true
  def handle_call({:open, user}, _from, s) do
    expires = DateTime.add(DateTime.utc_now(), @ttl)
    {:reply, :ok, Map.put(s, user, expires)}
  end

  def handle_call({:alive?, user}, _from, s) do
    case Map.fetch(s, user) do
      {:ok, expires} -> {:reply, DateTime.compare(DateTime.utc_now(), expires) == :lt, s}
      :error -> {:reply, false, s}
    end
  end
end

{:ok, _} = Sessions.start_link(nil)
start = DateTime.utc_now()
Sessions.open(:ann)
IO.inspect(Sessions.alive?(:ann))
Process.sleep(2_000)
Sessions.open(:bob)
IO.inspect(DateTime.diff(DateTime.utc_now(), start) >= 2)
Process.sleep(1_500)
IO.inspect({Sessions.alive?(:ann), Sessions.alive?(:bob)})
Process.sleep(2_000)
IO.inspect({Sessions.alive?(:ann), Sessions.alive?(:bob)})
IO.inspect(Date.utc_today() == DateTime.to_date(DateTime.utc_now()))
IO.inspect(elem(DateTime.utc_now().microsecond, 1))
IO.inspect(NaiveDateTime.utc_now() |> NaiveDateTime.truncate(:second) |> Map.get(:microsecond))
