# :sys.get_status/1 of a named GenServer (parts without pids).
defmodule Status do
  use GenServer
  def init(s), do: {:ok, s}
end

defmodule Formatted do
  use GenServer
  def init(s), do: {:ok, s}
  def format_status(_reason, [_pdict, state]), do: [data: [{'State', {:redacted, map_size(state)}}]]
end

{:ok, pid} = GenServer.start_link(Status, %{a: 1}, name: :status_demo)
{:status, spid, {:module, mod}, [pdict, sys_state, parent, debug, misc]} = :sys.get_status(:status_demo)
IO.inspect({spid == pid, mod, sys_state, parent == self(), debug})
IO.inspect(Keyword.get(pdict, :"$initial_call"))
IO.inspect(Keyword.get(pdict, :"$ancestors") == [self()])
hide_pids = fn
  {'Parent', p} when is_pid(p) -> {'Parent', :a_pid}
  other -> other
end
IO.inspect(Enum.map(misc, fn {:data, d} -> {:data, Enum.map(d, hide_pids)}; o -> o end))

{:ok, _} = GenServer.start_link(Formatted, %{secret: 1, other: 2}, name: :formatted)
{:status, _, _, [_, _, _, _, misc]} = :sys.get_status(:formatted, 1000)
IO.inspect(Enum.map(misc, fn {:data, d} -> {:data, Enum.map(d, hide_pids)}; o -> o end))

{:ok, _} = GenServer.start(Status, [], name: :unlinked)
{:status, unlinked, _, [_, _, parent, _, _]} = :sys.get_status(:unlinked)
IO.inspect(parent == unlinked)
