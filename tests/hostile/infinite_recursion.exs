# limit: 20
# expect: maximum heap size reached
# expect: :killed
# Infinite non-tail recursion, the most common beginner mistake, ends that
# process at its heap limit (as a max_heap_size kill on the BEAM).
defmodule R do
  def f(0), do: 0
  def f(n), do: 1 + f(n + 1)
end
{pid, ref} = spawn_monitor(fn -> R.f(1) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(reason)
end
Process.sleep(100)
receive do
  _ -> :ok
  after 0 -> :ok
end
