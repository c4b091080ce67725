# Waiting callers parked in a :queue and answered later with GenServer.reply.
defmodule Pool do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def checkout(pid), do: GenServer.call(pid, :checkout)
  def checkin(pid, w), do: GenServer.cast(pid, {:checkin, w})

  @impl true
  def init(n), do: {:ok, %{free: Enum.to_list(1..n), waiting: :queue.new()}}

  @impl true
  def handle_call(:checkout, _from, %{free: [w | rest]} = s), do: {:reply, w, %{s | free: rest}}
  def handle_call(:checkout, from, %{free: []} = s), do: {:noreply, %{s | waiting: :queue.in(from, s.waiting)}}

  @impl true
  def handle_cast({:checkin, w}, s) do
    case :queue.out(s.waiting) do
      {{:value, from}, q} ->
        GenServer.reply(from, w)
        {:noreply, %{s | waiting: q}}

      {:empty, _} ->
        {:noreply, %{s | free: [w | s.free]}}
    end
  end
end

{:ok, pool} = Pool.start_link(2)
a = Pool.checkout(pool)
b = Pool.checkout(pool)
IO.inspect({a, b})
parent = self()
for i <- 1..3 do
  spawn(fn -> send(parent, {:got, i, Pool.checkout(pool)}) end)
end
Process.sleep(10)
IO.inspect(:queue.len(:sys.get_state(pool).waiting))
Pool.checkin(pool, a)
Pool.checkin(pool, b)
Pool.checkin(pool, 7)
for _ <- 1..3 do
  receive do
    msg -> IO.inspect(msg)
  end
end
IO.inspect(:sys.get_state(pool))
