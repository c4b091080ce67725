# rest_for_one: the dead child and those started after it are restarted.
defmodule Member do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{name}")
    {:ok, name}
  end

  @impl true
  def terminate(reason, name), do: IO.puts("terminate #{name} #{inspect(reason)}")
end

children =
  for name <- [:db, :cache, :web, :api] do
    Supervisor.child_spec({Member, name}, id: name)
  end

{:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one)
before = for name <- [:db, :cache, :web, :api], do: {name, Process.whereis(name)}
IO.puts("-- cache crashes")
Process.exit(Process.whereis(:cache), :kill)
Process.sleep(100)

for {name, pid} <- before do
  IO.inspect({name, Process.whereis(name) == pid})
end

IO.puts("-- api crashes")
Process.exit(Process.whereis(:api), :kill)
Process.sleep(100)
IO.inspect(Enum.map(Supervisor.which_children(sup), &elem(&1, 0)))
Supervisor.stop(sup)
