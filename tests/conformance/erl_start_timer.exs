# :erlang.start_timer delivers {:timeout, ref, msg}; cancel_timer answers the time left.
r = :erlang.start_timer(30, self(), :hello)
IO.inspect(is_reference(r))
receive do
  {:timeout, ^r, m} -> IO.inspect({:got, m})
end
r2 = :erlang.start_timer(100, self(), :bye)
Process.sleep(40)
IO.inspect(is_integer(:erlang.cancel_timer(r2)))
IO.inspect(is_integer(:erlang.cancel_timer(r2)))
IO.inspect(:erlang.read_timer(r2))

defmodule Session do
  use GenServer
  def start_link(ttl), do: GenServer.start_link(__MODULE__, ttl)
  def touch(pid), do: GenServer.cast(pid, :touch)

  @impl true
  def init(ttl), do: {:ok, %{ttl: ttl, timer: :erlang.start_timer(ttl, self(), :expire)}}

  @impl true
  def handle_cast(:touch, s) do
    :erlang.cancel_timer(s.timer)
    IO.puts("touched")
    {:noreply, %{s | timer: :erlang.start_timer(s.ttl, self(), :expire)}}
  end

  @impl true
  def handle_info({:timeout, ref, :expire}, %{timer: ref} = s) do
    IO.puts("expired")
    {:stop, :normal, s}
  end

  def handle_info({:timeout, _old, :expire}, s) do
    IO.puts("stale timer ignored")
    {:noreply, s}
  end
end

{:ok, pid} = Session.start_link(100)
ref = Process.monitor(pid)
Process.sleep(60)
Session.touch(pid)
Process.sleep(60)
Session.touch(pid)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect({:down, reason})
end
