# What start_child and start_link answer when a child's start function
# returns an error, something else, :ignore, or is not there at all: the
# supervisor catches the failure and keeps the child record in the reason.
defmodule Starter do
  def start_link(result), do: result
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)

IO.inspect(Supervisor.start_child(sup, %{id: :x, start: {Starter, :start_link, [{:error, :nope}]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :y, start: {Starter, :start_link, [:weird]}, restart: :transient}))
IO.inspect(Supervisor.start_child(sup, %{id: :z, start: {Starter, :start_link, [:ignore]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :t, start: {Starter, :start_link, [:ignore]}, restart: :temporary}))
IO.inspect(Supervisor.start_child(sup, %{id: :u, start: {Starter, :missing, []}, shutdown: :brutal_kill}))
IO.inspect(Supervisor.which_children(sup))
IO.inspect(Supervisor.start_link([%{id: :w, start: {Nowhere, :start_link, [[]]}}], strategy: :one_for_one))

receive do
  {:EXIT, _, reason} -> IO.inspect(reason, label: "EXIT")
end
