# When a restart itself fails, the supervisor tries again (each attempt
# counts as a restart) until it gives up and exits with :shutdown.
defmodule Once do
  # Starts only the first time: later attempts answer an error.
  def start_link(name) do
    case Process.whereis(:"#{name}_seen") do
      nil ->
        Process.register(spawn(fn -> Process.sleep(:infinity) end), :"#{name}_seen")
        pid = spawn_link(fn -> Process.sleep(:infinity) end)
        Process.register(pid, name)
        IO.puts("#{name} started")
        {:ok, pid}

      _ ->
        IO.puts("#{name} refuses to start again")
        {:error, :already_used}
    end
  end
end

defmodule Steady do
  def start_link(name) do
    pid = spawn_link(fn -> Process.sleep(:infinity) end)
    IO.puts("#{name} started")
    {:ok, pid}
  end
end

Process.flag(:trap_exit, true)

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  IO.puts("-- #{strategy}")
  name = :"once_#{strategy}"

  children = [
    %{id: :before, start: {Steady, :start_link, [:before]}},
    %{id: :once, start: {Once, :start_link, [name]}},
    %{id: :after, start: {Steady, :start_link, [:after]}}
  ]

  {:ok, sup} = Supervisor.start_link(children, strategy: strategy, max_restarts: 3)
  Process.exit(Process.whereis(name), :kill)

  receive do
    {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
  end
end
