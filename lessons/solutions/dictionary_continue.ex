defmodule Dictionary do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def lookup(word), do: GenServer.call(__MODULE__, {:lookup, word})
  def status, do: GenServer.call(__MODULE__, :status)

  @impl true
  def init(:ok), do: {:ok, :loading, {:continue, :load}}

  @impl true
  def handle_continue(:load, :loading) do
    Process.sleep(2000)
    {:noreply, %{"gen" => "generic", "otp" => "open telecom platform"}}
  end

  @impl true
  def handle_call({:lookup, word}, _from, words), do: {:reply, Map.get(words, word), words}
  def handle_call(:status, _from, words), do: {:reply, :ready, words}
end
