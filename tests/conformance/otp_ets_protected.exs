# Access rights: protected tables are read-only for other processes,
# private ones are invisible to them, public ones are open to all.
defmodule Try do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts(label <> ": " <> Exception.message(e))
    end
  end
end

prot = :ets.new(:prot, [])
priv = :ets.new(:priv, [:private])
pub = :ets.new(:pub, [:public])
for t <- [prot, priv, pub], do: :ets.insert(t, {:k, :owner})
IO.inspect(Enum.map([prot, priv, pub], &:ets.info(&1, :protection)))
parent = self()

spawn(fn ->
  Try.run("other reads protected", fn -> :ets.lookup(prot, :k) end)
  Try.run("other writes protected", fn -> :ets.insert(prot, {:k, :other}) end)
  Try.run("other deletes protected key", fn -> :ets.delete(prot, :k) end)
  Try.run("other deletes protected table", fn -> :ets.delete(prot) end)
  Try.run("other reads private", fn -> :ets.lookup(priv, :k) end)
  Try.run("other selects private", fn -> :ets.select(priv, [{:_, [], [:"$_"]}]) end)
  Try.run("other info on private", fn -> :ets.info(priv, :size) end)
  Try.run("other writes public", fn -> :ets.insert(pub, {:k, :other}) end)
  Try.run("other updates counter in public", fn -> :ets.update_counter(pub, :n, 1, {:n, 0}) end)
  send(parent, :done)
end)

receive do
  :done -> :ok
end

IO.inspect(:ets.lookup(prot, :k), label: "owner still sees")
IO.inspect(:ets.lookup(pub, :k), label: "public changed")
IO.inspect(:ets.insert(prot, {:k, :owner2}), label: "owner writes protected")
IO.inspect(:ets.lookup(prot, :k))
