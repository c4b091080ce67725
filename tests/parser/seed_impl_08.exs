defmodule Worker do
  use GenServer

  # Client API
  def start_link(_) do
    GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  def perform_task(task) do
    GenServer.cast(__MODULE__, {:perform_task, task})
  end

  # Server Callbacks
  def handle_cast({:perform_task, task}, state) do
    IO.puts("Performing task: #{task}")
    {:noreply, state}
  end
end
