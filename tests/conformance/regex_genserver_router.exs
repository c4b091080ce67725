# A GenServer that routes commands with regexes kept in its state.
defmodule Router do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def handle(line), do: GenServer.call(__MODULE__, {:line, line})

  @impl true
  def init(:ok) do
    routes = [
      {~r/^get (?<key>\w+)$/, :get},
      {~r/^set (?<key>\w+) (?<value>.+)$/, :set},
      {~r/^del(ete)? (?<key>\w+)$/, :delete}
    ]

    {:ok, %{routes: routes, store: %{}}}
  end

  @impl true
  def handle_call({:line, line}, _from, state) do
    case Enum.find(state.routes, fn {re, _} -> Regex.match?(re, line) end) do
      nil ->
        {:reply, {:error, :unknown_command}, state}

      {re, action} ->
        args = Regex.named_captures(re, line)
        {reply, store} = run(action, args, state.store)
        {:reply, reply, %{state | store: store}}
    end
  end

  defp run(:get, %{"key" => k}, store), do: {Map.fetch(store, k), store}
  defp run(:set, %{"key" => k, "value" => v}, store), do: {:ok, Map.put(store, k, v)}
  defp run(:delete, %{"key" => k}, store), do: {:ok, Map.delete(store, k)}
end

{:ok, _} = Router.start_link([])
for line <- ["set name Ada Lovelace", "get name", "delete name", "get name", "set x 1", "del x", "frobnicate"] do
  IO.inspect({line, Router.handle(line)})
end
IO.inspect(:sys.get_state(Router).routes |> Enum.map(&elem(&1, 0)))
