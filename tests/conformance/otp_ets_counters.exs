# update_counter and update_element.
t = :ets.new(:stats, [:set, :public])
:ets.insert(t, {:hits, 0, 100})
IO.inspect(:ets.update_counter(t, :hits, 1))
IO.inspect(:ets.update_counter(t, :hits, 10))
IO.inspect(:ets.update_counter(t, :hits, {3, -1}))
IO.inspect(:ets.update_counter(t, :hits, [{2, 1}, {3, 5}, {2, -2}]))
IO.inspect(:ets.lookup(t, :hits))
IO.inspect(:ets.update_counter(t, :hits, {2, 5, 12, 0}), label: "threshold wraps")
IO.inspect(:ets.update_counter(t, :hits, {3, -200, 0, 0}), label: "threshold floors")
IO.inspect(:ets.update_counter(t, :misses, 1, {:misses, 0}), label: "default object")
IO.inspect(:ets.update_counter(t, :misses, 1, {:misses, 0}))
IO.inspect(:ets.update_counter(t, :big, 1, {:big, 1152921504606846975}), label: "grows into a bignum")
IO.inspect(:ets.update_counter(t, :hits, []))
IO.inspect(:ets.update_element(t, :hits, {2, :reset}))
IO.inspect(:ets.update_element(t, :nope, {2, :x}))
IO.inspect(:ets.update_element(t, :misses, [{2, :a}]))
IO.inspect(:ets.lookup(t, :hits) ++ :ets.lookup(t, :misses))

for {label, f} <- [
      {"missing key", fn -> :ets.update_counter(t, :nope, 1) end},
      {"not an integer", fn -> :ets.update_counter(t, :hits, {2, 1}) end},
      {"key position", fn -> :ets.update_counter(t, :hits, {1, 1}) end},
      {"out of range", fn -> :ets.update_counter(t, :hits, {9, 1}) end},
      {"bad increment", fn -> :ets.update_counter(t, :hits, {3, :x}) end},
      {"update_element key position", fn -> :ets.update_element(t, :hits, {1, :x}) end},
      {"update_element out of range", fn -> :ets.update_element(t, :hits, {7, :x}) end}
    ] do
  try do
    f.()
  rescue
    e -> IO.puts(label <> ": " <> Exception.message(e))
  end
end

# counters shared by many processes
c = :ets.new(:c, [:public])
:ets.insert(c, {:n, 0})
parent = self()
for _ <- 1..10, do: spawn(fn -> for _ <- 1..100, do: :ets.update_counter(c, :n, 1); send(parent, :done) end)
for _ <- 1..10, do: (receive do :done -> :ok end)
IO.inspect(:ets.lookup(c, :n))
