GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
GenServer.call(__MODULE__, :get_value)

{:ok, pid} = GenServer.start_link(__MODULE__, :ok)
GenServer.call(pid, :get_value)

GenServer.start_link(__MODULE__, :ok, name: {:via, Registry, {MyRegistry, key}})
