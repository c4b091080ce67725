# A busy OTP program: a supervised pool of counters restarted after
# crashes, tasks racing with random delays, calls timing out, an Agent,
# all on one scheduler. Every run must print the same bytes.
defmodule Counter do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: :"counter_#{id}")
  def init(id), do: {:ok, {id, 0}}
  def handle_call(:bump, _from, {id, n}), do: {:reply, n + 1, {id, n + 1}}
  def handle_call(:slow, _from, s), do: (Process.sleep(200); {:reply, :late, s})
  def handle_cast(:crash, _s), do: raise("boom")
end

children = for id <- 1..5, do: Supervisor.child_spec({Counter, id}, id: id)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 100)
Logger.configure(level: :none)

results =
  for round <- 1..20 do
    id = rem(round * 7, 5) + 1
    if rem(round, 4) == 0, do: GenServer.cast(:"counter_#{id}", :crash)
    Process.sleep(:rand.uniform(20))
    GenServer.call(:"counter_#{id}", :bump)
  end

IO.inspect(results)
IO.inspect(Supervisor.count_children(sup))

tasks = for i <- 1..10, do: Task.async(fn -> Process.sleep(:rand.uniform(100)); {i, System.monotonic_time(:millisecond)} end)
IO.inspect(Task.await_many(tasks) |> Enum.map(&elem(&1, 0)))

timeout =
  try do
    GenServer.call(:counter_1, :slow, 50)
  catch
    :exit, {reason, _} -> reason
  end

IO.inspect(timeout)
{:ok, agent} = Agent.start_link(fn -> [] end)
for i <- 1..5, do: Agent.update(agent, &[i | &1])
IO.inspect(Agent.get(agent, & &1))
