defmodule Stack do
  use GenServer

  ## Client API

  def start_link(initial_stack) do
    GenServer.start_link(__MODULE__, initial_stack)
  end

  def push(pid, item) do
    GenServer.cast(pid, {:push, item})
  end

  def pop(pid) do
    GenServer.call(pid, :pop)
  end

  def peek(pid) do
    GenServer.call(pid, :peek)
  end

  def size(pid) do
    GenServer.call(pid, :size)
  end

  ## Server Callbacks

  @impl true
  def init(stack) when is_list(stack) do
    {:ok, stack}
  end

  @impl true
  def handle_call(:pop, _from, []) do
    {:reply, {:error, :empty}, []}
  end

  @impl true
  def handle_call(:pop, _from, [head | tail]) do
    {:reply, {:ok, head}, tail}
  end

  @impl true
  def handle_call(:peek, _from, []) do
    {:reply, {:error, :empty}, []}
  end

  @impl true
  def handle_call(:peek, _from, [head | _tail] = stack) do
    {:reply, {:ok, head}, stack}
  end

  @impl true
  def handle_call(:size, _from, stack) do
    {:reply, length(stack), stack}
  end

  @impl true
  def handle_cast({:push, item}, stack) do
    {:noreply, [item | stack]}
  end
end

{:ok, pid} = Stack.start_link([1, 2, 3])
Stack.push(pid, 4)
Stack.peek(pid)           # {:ok, 4}
Stack.pop(pid)            # {:ok, 4}
Stack.pop(pid)            # {:ok, 3}
Stack.size(pid)           # 2
