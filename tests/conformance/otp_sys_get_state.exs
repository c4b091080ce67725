# :sys.get_state/1,2 and :sys.replace_state/2,3 on a running server.
defmodule Box do
  use GenServer
  def init(v), do: {:ok, v}
  def handle_call(:get, _from, v), do: {:reply, v, v}
  def handle_cast({:put, v}, _), do: {:noreply, v}
end

{:ok, pid} = GenServer.start_link(Box, %{count: 1}, name: :box)
IO.inspect(:sys.get_state(:box))
IO.inspect(:sys.get_state(pid, 1000))
IO.inspect(:sys.replace_state(:box, fn s -> Map.update!(s, :count, &(&1 + 41)) end))
IO.inspect(GenServer.call(:box, :get))
IO.inspect(:sys.replace_state(pid, fn s -> Map.put(s, :extra, [1, 2]) end, 500))
GenServer.cast(:box, {:put, :replaced_by_cast})
IO.inspect(:sys.get_state(:box))

# a failing replace fun leaves the server and its state alone
try do
  :sys.replace_state(:box, fn _ -> raise "no" end)
rescue
  e in ErlangError -> IO.inspect(e.original |> elem(0..1 |> then(fn _ -> 0 end)))
end

result =
  try do
    :sys.replace_state(:box, fn _ -> raise "no" end)
  catch
    :error, reason -> reason
  end

{:callback_failed, where, {class, exception}} = result
IO.inspect({where, class, exception})
IO.inspect(:sys.get_state(:box))
IO.inspect(Process.alive?(pid))
