defmodule Vault do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def store(n), do: GenServer.call(__MODULE__, {:store, n})
  def fetch, do: GenServer.call(__MODULE__, :fetch)

  @impl true
  def init(:ok), do: {:ok, Agent.get(VaultStore, & &1)}

  @impl true
  def handle_call({:store, n}, _from, _old) do
    Agent.update(VaultStore, fn _ -> n end)
    {:reply, :ok, n}
  end

  def handle_call(:fetch, _from, n), do: {:reply, n, n}
end

defmodule VaultSupervisor do
  def start_link do
    children = [
      %{id: VaultStore, start: {Agent, :start_link, [fn -> 0 end, [name: VaultStore]]}},
      Vault
    ]

    Supervisor.start_link(children, strategy: :one_for_one)
  end
end
