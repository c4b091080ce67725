# Tasks as supervisor children: {Task, fun} is temporary, a `use Task`
# module can be made :transient or :permanent.
defmodule Ticker do
  use Task, restart: :transient

  def start_link(arg) do
    Task.start_link(__MODULE__, :run, [arg])
  end

  def run(parent) do
    n = Process.get(:runs, 0)
    send(parent, {:tick, self()})

    receive do
      :crash -> exit(:crashed)
      :finish -> :ok
    end

    n
  end
end

defmodule Forever do
  use Task, restart: :permanent
  def start_link(parent), do: Task.start_link(fn -> send(parent, :forever_started) end)
end

parent = self()

children = [
  {Task, fn -> send(parent, :one_shot) end},
  {Ticker, parent}
]

Logger.configure(level: :none)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)

receive do
  :one_shot -> IO.puts("one-shot task ran")
end

Process.sleep(10)

tick = fn ->
  receive do
    {:tick, pid} -> pid
  end
end

t1 = tick.()
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, _, _} -> {id, is_pid(p)} end))
send(t1, :crash)
t2 = tick.()
IO.inspect(t1 != t2, label: "transient task restarted after a crash")
send(t2, :finish)
Process.sleep(10)
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, _, _} -> {id, is_pid(p)} end))
IO.inspect(Supervisor.count_children(sup))

Process.flag(:trap_exit, true)
{:ok, sup2} = Supervisor.start_link([{Forever, parent}], strategy: :one_for_one, max_restarts: 2)

for _ <- 1..3 do
  receive do
    :forever_started -> IO.puts("forever started")
  end
end

receive do
  {:EXIT, ^sup2, reason} -> IO.inspect(reason, label: "permanent task that ends")
end
