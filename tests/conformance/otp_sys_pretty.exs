# Long terms in *DBG* lines are laid out by Erlang's pretty printer.
defmodule Big do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast({:set, s}, _), do: {:noreply, s}
end

{:ok, _} = GenServer.start_link(Big, nil, name: :big)
:sys.trace(:big, true)

terms = [
  Enum.to_list(1..40),
  Map.new(1..12, fn i -> {:"key#{i}", i * 1000} end),
  {:state, %{users: ["alice", "bob", "carol", "dave"], count: 4}, [limit: 100, mode: :fast], {1, 2, 3}},
  [{:a, 1}, {:b, "a long string value that is quite long indeed"}, {:c, [1, 2, 3]}, {:d, %{x: 1}}],
  %{nested: %{deeper: %{deepest: Enum.to_list(1..30)}}, other: :value},
  {{:a, :b}, {:c, :d}, String.duplicate("x", 70)},
  Enum.map(1..6, fn i -> {:item, i, "name #{i}", [i, i * 2]} end)
]

for t <- terms, do: GenServer.cast(:big, {:set, t})
Process.sleep(10)
