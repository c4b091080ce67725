# The order the process dictionary is listed in: a GenServer's proc_lib
# keys (:sys.get_status, Process.info) and small integer keys.
defmodule Quiet do
  use GenServer
  def init(s), do: {:ok, s}
end

{:ok, pid} = GenServer.start_link(Quiet, 0)
{:dictionary, d} = Process.info(pid, :dictionary)
IO.inspect(Keyword.keys(d))
{:status, _, _, [pdict | _]} = :sys.get_status(pid)
IO.inspect(Keyword.keys(pdict))
{:ok, agent} = Agent.start_link(fn -> 0 end)
{:dictionary, d} = Process.info(agent, :dictionary)
IO.inspect(Keyword.keys(d))
spawn(fn ->
  for i <- 1..12, do: Process.put(i, i * i)
  IO.inspect(Process.get_keys())
  IO.inspect(Process.get())
end)
Process.sleep(10)
