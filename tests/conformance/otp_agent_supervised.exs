# An Agent under a supervisor comes back with its initial state after a
# crash; Agent.child_spec/1 takes the function.
defmodule Cart do
  use Agent

  def start_link(items) do
    IO.puts("cart starting with #{inspect(items)}")
    Agent.start_link(fn -> items end, name: __MODULE__)
  end

  def add(item), do: Agent.update(__MODULE__, &[item | &1])
  def items, do: Agent.get(__MODULE__, &Enum.reverse/1)
end

children = [
  {Cart, [:apple]},
  %{id: :plain, start: {Agent, :start_link, [fn -> :plain end, [name: :plain]]}}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
Cart.add(:pear)
Cart.add(:fig)
IO.inspect(Cart.items())
Process.exit(Process.whereis(Cart), :kill)
Process.sleep(10)
IO.inspect(Cart.items(), label: "after crash")
IO.inspect(Agent.get(:plain, & &1))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
Supervisor.stop(sup)
IO.inspect(Process.whereis(Cart))
