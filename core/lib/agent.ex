# Agent: a GenServer (Agent.Server) that keeps one value, read and changed
# by functions run inside the agent process.
defmodule Agent do
  def child_spec(arg) do
    %{id: Agent, start: {Agent, :start_link, [arg]}}
  end

  defmacro __using__(opts) do
    quote location: :keep do
      def child_spec(arg) do
        default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}
        Supervisor.child_spec(default, unquote(opts))
      end

      defoverridable child_spec: 1
    end
  end

  def start_link(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start_link(Agent.Server, fun, options)
  end

  def start_link(module, fun, args, options \\ []) do
    GenServer.start_link(Agent.Server, {module, fun, args}, options)
  end

  def start(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start(Agent.Server, fun, options)
  end

  def start(module, fun, args, options \\ []) do
    GenServer.start(Agent.Server, {module, fun, args}, options)
  end

  def get(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get, fun}, timeout)
  end

  def get(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get, {module, fun, args}}, timeout)
  end

  def get_and_update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get_and_update, fun}, timeout)
  end

  def get_and_update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)
  end

  def update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:update, fun}, timeout)
  end

  def update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:update, {module, fun, args}}, timeout)
  end

  def cast(agent, fun) when is_function(fun, 1) do
    GenServer.cast(agent, {:cast, fun})
  end

  def cast(agent, module, fun, args) do
    GenServer.cast(agent, {:cast, {module, fun, args}})
  end

  def stop(agent, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(agent, reason, timeout)
  end
end

# Written without `use GenServer`: the library files are compiled in name
# order, before gen_server.ex.
defmodule Agent.Server do
  @moduledoc false
  @behaviour GenServer

  def init(fun) do
    Process.put(:"$initial_call", initial_call(fun))
    {:ok, run(fun, [])} # elixir:8
  end

  def handle_call({:get, fun}, _from, state) do
    {:reply, run(fun, [state]), state} # elixir:12
  end

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do # elixir:16
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state) do
    {:reply, :ok, run(fun, [state])} # elixir:23
  end

  def handle_cast({:cast, fun}, state) do
    {:noreply, run(fun, [state])} # elixir:27
  end

  def handle_info(msg, state) do
    Supervisor.Report.error(
      "Agent.Server #{inspect(self())} received unexpected message in handle_info/2: " <>
        inspect(msg)
    )

    {:noreply, state}
  end

  def terminate(_reason, _state), do: :ok

  def code_change(_old, state, fun) do
    {:ok, run(fun, [state])} # elixir:31
  end

  defp initial_call(fun) when is_function(fun, 0) do
    {:module, module} = Function.info(fun, :module)
    {:name, name} = Function.info(fun, :name)
    {module, name, 0}
  end

  defp initial_call({mod, fun, args}), do: {mod, fun, length(args)}

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
