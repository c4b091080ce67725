# Erlang's extended error information for :ets badargs, as ArgumentError.
defmodule Try do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts(label <> ": " <> inspect(e.__struct__) <> " " <> Exception.message(e))
    end
  end
end

t = :ets.new(:t, [:set])
b = :ets.new(:b, [:bag])
:ets.insert(t, {1, :a, 5})
Try.run("lookup unknown name", fn -> :ets.lookup(:nope, 1) end)
Try.run("lookup not a table", fn -> :ets.lookup("t", 1) end)
Try.run("insert not a tuple", fn -> :ets.insert(t, 1) end)
Try.run("insert list with non-tuple", fn -> :ets.insert(t, [{1}, 2]) end)
Try.run("insert empty tuple", fn -> :ets.insert(t, {}) end)
Try.run("new name not atom", fn -> :ets.new("x", []) end)
Try.run("new bad option", fn -> :ets.new(:x, [:bogus]) end)
Try.run("new options not list", fn -> :ets.new(:x, :set) end)
Try.run("new keypos 0", fn -> :ets.new(:x, [{:keypos, 0}]) end)
Try.run("new duplicate name", fn -> :ets.new(:n1, [:named_table]); :ets.new(:n1, [:named_table]) end)
Try.run("lookup_element missing key", fn -> :ets.lookup_element(t, 2, 2) end)
Try.run("lookup_element position too big", fn -> :ets.lookup_element(t, 1, 5) end)
Try.run("lookup_element position 0", fn -> :ets.lookup_element(t, 1, 0) end)
Try.run("next missing key in set", fn -> :ets.next(t, 42) end)
Try.run("update_counter bag", fn -> :ets.update_counter(b, 1, 1) end)
Try.run("select bad spec", fn -> :ets.select(t, [:bad]) end)
Try.run("select unbound variable", fn -> :ets.select(t, [{{:"$1", :_, :_}, [], [:"$2"]}]) end)
Try.run("select unknown function", fn -> :ets.select(t, [{{:"$1", :_, :_}, [{:frobnicate, :"$1"}], [:"$1"]}]) end)
Try.run("info bad item", fn -> :ets.info(t, :bogus) end)
Try.run("info unknown table", fn -> :ets.info(:nope) end)
Try.run("info/2 unknown table", fn -> :ets.info(:nope, :size) end)
Try.run("whereis unknown", fn -> :ets.whereis(:nope) end)
Try.run("keypos beyond tuple", fn -> k = :ets.new(:k, [{:keypos, 3}]); :ets.insert(k, {1, 2}) end)
:ets.delete(t)
Try.run("lookup deleted table", fn -> :ets.lookup(t, 1) end)
Try.run("delete deleted table", fn -> :ets.delete(t) end)
Try.run("caught as badarg", fn ->
  try do
    :ets.lookup(t, 1)
  catch
    :error, reason -> {:caught, reason}
  end
end)
