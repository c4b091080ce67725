# Compile-time code is preempted like any code: a module body and a macro
# that wait, busy, for another process see it run (its timer fires) beside
# them.
:ets.new(:flags, [:named_table, :public])

spawn(fn ->
  Process.sleep(20)
  :ets.insert(:flags, {:body, true})
  Process.sleep(20)
  :ets.insert(:flags, {:macro, true})
end)

defmodule Waits do
  wait = fn wait, key -> if :ets.lookup(:flags, key) == [], do: wait.(wait, key), else: key end
  @seen wait.(wait, :body)
  def seen, do: @seen

  defmacro wait_for(key) do
    wait = fn wait -> if :ets.lookup(:flags, key) == [], do: wait.(wait), else: key end
    wait.(wait)
  end
end

defmodule UsesWait do
  require Waits
  def seen, do: Waits.wait_for(:macro)
end

IO.inspect({Waits.seen(), UsesWait.seen()})
