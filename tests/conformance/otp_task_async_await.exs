# Task.async/await: results come back in the order awaited, whatever the
# order the tasks finish in.
slow = Task.async(fn -> Process.sleep(300); :slow end)
fast = Task.async(fn -> Process.sleep(100); :fast end)
IO.inspect(Task.await(slow))
IO.inspect(Task.await(fast))

tasks = for i <- 1..5, do: Task.async(fn -> Process.sleep(100 * (6 - i)); i * i end)
IO.inspect(Enum.map(tasks, &Task.await/1))
IO.inspect(Task.await_many(for i <- 1..3, do: Task.async(fn -> i end)))

defmodule Math do
  def add(a, b), do: a + b
end

t = Task.async(Math, :add, [1, 2])
IO.inspect(t.mfa)
IO.inspect(t.owner == self())
IO.inspect(Task.await(t, :infinity))
IO.inspect(Process.info(self(), :messages))
IO.inspect(Task.await(Task.completed(:done)))

t0 = System.monotonic_time(:millisecond)
Task.async(fn -> Process.sleep(2000) end) |> Task.await()
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 2000, label: "waited 2 s")
t = Task.async(fn -> self() end)
IO.inspect(Task.await(t) == t.pid, label: "pid")
IO.inspect(Process.alive?(t.pid), label: "task alive after reply")
