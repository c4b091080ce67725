# {:noreply, state} from handle_call and a later GenServer.reply/2, from
# the server itself or from another process.
defmodule Deferred do
  use GenServer

  def init(_), do: {:ok, %{waiting: []}}

  def handle_call(:wait, from, s), do: {:noreply, %{s | waiting: [from | s.waiting]}}

  def handle_call({:offload, x}, from, s) do
    spawn(fn ->
      Process.sleep(20)
      GenServer.reply(from, {:computed, x * 2})
    end)

    {:noreply, s}
  end

  def handle_call(:early, from, s) do
    GenServer.reply(from, :early_reply)
    {:noreply, s}
  end

  def handle_cast(:release, s) do
    Enum.each(Enum.reverse(s.waiting), fn from -> GenServer.reply(from, :released) end)
    {:noreply, %{s | waiting: []}}
  end
end

{:ok, pid} = GenServer.start_link(Deferred, nil)
IO.inspect(GenServer.call(pid, {:offload, 21}))
IO.inspect(GenServer.call(pid, :early))

test = self()
for i <- 1..3 do
  spawn(fn -> send(test, {i, GenServer.call(pid, :wait)}) end)
end
Process.sleep(10)
IO.inspect(length(:sys.get_state(pid).waiting))
GenServer.cast(pid, :release)
for _ <- 1..3 do
  receive do
    {i, reply} -> IO.inspect({i, reply})
  end
end
IO.inspect(GenServer.reply({self(), make_ref()}, :to_myself))
receive do
  {ref, :to_myself} when is_reference(ref) -> IO.puts("plain tag reply delivered")
end
