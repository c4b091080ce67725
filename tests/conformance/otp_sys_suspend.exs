# :sys.suspend/1 and :sys.resume/1: a suspended server answers only
# system messages; calls wait in its mailbox until it resumes.
defmodule Tally do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

{:ok, pid} = GenServer.start_link(Tally, 0, name: :tally)
IO.inspect(:sys.suspend(:tally))
GenServer.cast(:tally, :inc)
GenServer.cast(:tally, :inc)
IO.inspect(:sys.get_state(:tally))
{:status, _, {:module, :gen_server}, [_pdict, sys_state | _]} = :sys.get_status(:tally)
IO.inspect(sys_state)

r =
  try do
    GenServer.call(:tally, :get, 100)
  catch
    :exit, reason -> reason
  end

IO.inspect(r)
IO.inspect(Process.info(pid, :message_queue_len))
IO.inspect(:sys.replace_state(:tally, fn n -> n + 100 end))
IO.inspect(:sys.resume(:tally))
IO.inspect(GenServer.call(:tally, :get))
{:status, _, _, [_, sys_state | _]} = :sys.get_status(:tally)
IO.inspect(sys_state)
IO.inspect(Process.info(self(), :messages))
