# :permanent children are always restarted, :transient ones only after an
# abnormal exit, :temporary ones never (and their spec is forgotten).
defmodule Job do
  def start_link(name) do
    pid = spawn_link(fn -> loop(name) end)
    Process.register(pid, name)
    IO.puts("started #{name}")
    {:ok, pid}
  end

  defp loop(_name) do
    receive do
      {:exit, reason} -> exit(reason)
    end
  end
end

spec = fn name, restart ->
  %{id: name, start: {Job, :start_link, [name]}, restart: restart}
end

{:ok, sup} =
  Supervisor.start_link(
    [
      spec.(:perm, :permanent),
      spec.(:trans, :transient),
      spec.(:trans2, :transient),
      spec.(:temp, :temporary)
    ],
    strategy: :one_for_one,
    max_restarts: 10
  )

ids = fn -> Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end) end

send(:perm, {:exit, :normal})
Process.sleep(10)
send(:trans, {:exit, :normal})
Process.sleep(10)
send(:trans2, {:exit, :boom})
Process.sleep(10)
IO.inspect(ids.())
send(:temp, {:exit, :boom})
Process.sleep(10)
IO.inspect(ids.())
IO.inspect(Supervisor.count_children(sup))
send(:trans2, {:exit, {:shutdown, :done}})
Process.sleep(10)
IO.inspect(ids.())
IO.inspect(Supervisor.restart_child(sup, :trans2) |> elem(0))
IO.inspect(Supervisor.restart_child(sup, :temp))
