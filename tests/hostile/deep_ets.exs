# ETS copies deep terms in and out.
deep = Enum.reduce(1..1_000_000, nil, fn _, acc -> {acc} end)
t = :ets.new(:t, [:set])
:ets.insert(t, {:k, deep})
[{:k, back}] = :ets.lookup(t, :k)
IO.puts(back == deep)
:ets.insert(t, {deep, 1})
IO.inspect(:ets.lookup_element(t, deep, 2))
