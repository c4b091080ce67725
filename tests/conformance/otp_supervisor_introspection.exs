# Looking inside a supervisor: Erlang's :supervisor API, its state as
# :sys.get_state/1 shows it, and what its process dictionary says.
defmodule Worker do
  use Agent, shutdown: 1000
  def start_link(n), do: Agent.start_link(fn -> n end)
end

{:ok, sup} =
  Supervisor.start_link(
    [Supervisor.child_spec({Worker, 1}, id: :one), Supervisor.child_spec({Worker, 2}, id: :two)],
    strategy: :rest_for_one,
    max_restarts: 7,
    max_seconds: 9
  )

IO.inspect(:supervisor.count_children(sup))
IO.inspect(:supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.inspect(:supervisor.get_childspec(sup, :two))
IO.inspect(:supervisor.get_childspec(sup, :three))
IO.inspect(:supervisor.check_childspecs([%{id: :a, start: {M, :f, []}}]))
IO.inspect(:supervisor.check_childspecs([%{id: :a, start: {M, :f, []}, restart: :never}]))
IO.inspect(:supervisor.check_childspecs(:nope))

state = :sys.get_state(sup)
IO.inspect(elem(state, 0))
IO.inspect(elem(state, 2), label: "strategy")
IO.inspect(state |> elem(3) |> elem(0), label: "ids, newest first")
IO.inspect({elem(state, 5), elem(state, 6)}, label: "intensity and period")
IO.inspect(elem(state, 10), label: "module")
IO.inspect(Process.info(sup, :dictionary) |> elem(1) |> Keyword.get(:"$initial_call"))
IO.inspect(Process.info(sup, :trap_exit))
IO.inspect(Supervisor.stop(sup, :normal))
