# Updating nested GenServer-style state.
state = %{
  users: %{"alice" => %{visits: 1, roles: [:reader]}},
  events: [],
  config: [max: 10]
}
state = update_in(state, [:users, "alice", :visits], &(&1 + 1))
state = put_in(state, [:users, "bob"], %{visits: 0, roles: []})
state = update_in(state.users["alice"].roles, &[:writer | &1])
state = %{state | events: [{:visit, "alice"} | state.events]}
state = Map.update!(state, :config, &Keyword.put(&1, :max, 20))
IO.inspect(state)
{old, state} = get_and_update_in(state, [:users, "bob", :visits], &{&1, &1 + 5})
IO.inspect(old)
IO.inspect(state.users["bob"])
{removed, state} = pop_in(state, [:users, "alice"])
IO.inspect(removed)
IO.inspect(Map.keys(state.users))
counts = Enum.reduce(~w(a b a c a b), %{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
IO.inspect(counts)
queue = {[], []}
push = fn {front, back}, x -> {front, [x | back]} end
pop = fn
  {[], []} -> {:empty, {[], []}}
  {[], back} -> [h | t] = Enum.reverse(back); {h, {t, []}}
  {[h | t], back} -> {h, {t, back}}
end
q = queue |> push.(1) |> push.(2) |> push.(3)
{v1, q} = pop.(q)
{v2, q} = pop.(q)
q = push.(q, 4)
{v3, q} = pop.(q)
{v4, q} = pop.(q)
{v5, _q} = pop.(q)
IO.inspect([v1, v2, v3, v4, v5])
