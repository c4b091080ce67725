def log_event(event) do
  GenServer.call(__MODULE__, {:log, event})  # Blocks caller
end

def log_event(event) do
  GenServer.cast(__MODULE__, {:log, event})
end
