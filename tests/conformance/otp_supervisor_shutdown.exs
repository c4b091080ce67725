# Shutdown values: a child that ignores :shutdown is killed when its
# shutdown time runs out; :brutal_kill kills at once; children stop in
# reverse start order.
defmodule Stubborn do
  def start_link(name, delay) do
    pid =
      spawn_link(fn ->
        Process.flag(:trap_exit, true)
        loop(name, delay)
      end)

    {:ok, pid}
  end

  defp loop(name, delay) do
    receive do
      {:EXIT, _from, reason} ->
        IO.puts("#{name} got #{inspect(reason)}, cleaning up for #{delay} ms")
        Process.sleep(delay)
        IO.puts("#{name} done")
        exit(reason)
    end
  end
end

children = [
  %{id: :quick, start: {Stubborn, :start_link, [:quick, 10]}, shutdown: 1000},
  %{id: :slow, start: {Stubborn, :start_link, [:slow, 10_000]}, shutdown: 500},
  %{id: :brutal, start: {Stubborn, :start_link, [:brutal, 10]}, shutdown: :brutal_kill}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
t0 = System.monotonic_time(:millisecond)
IO.inspect(Supervisor.terminate_child(sup, :slow))
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 500, label: "waited the shutdown time")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end))
IO.inspect(Supervisor.restart_child(sup, :slow) |> elem(0))
IO.puts("-- stop")
Supervisor.stop(sup)
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 1000, label: "stop waited again")
