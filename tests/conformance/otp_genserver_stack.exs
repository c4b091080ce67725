# The tutorial's Stack: an unnamed server driven through its pid.
defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)
  def push(pid, item), do: GenServer.cast(pid, {:push, item})
  def pop(pid), do: GenServer.call(pid, :pop)
  def peek(pid), do: GenServer.call(pid, :peek)
  def size(pid), do: GenServer.call(pid, :size)

  @impl true
  def init(items) when is_list(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:pop, _from, [top | rest]), do: {:reply, {:ok, top}, rest}
  def handle_call(:peek, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:peek, _from, [top | _] = all), do: {:reply, {:ok, top}, all}
  def handle_call(:size, _from, all), do: {:reply, length(all), all}

  @impl true
  def handle_cast({:push, item}, all), do: {:noreply, [item | all]}
end

{:ok, pid} = Stack.start_link([1, 2, 3])
IO.inspect(Stack.push(pid, 4))
IO.inspect(Stack.peek(pid))
IO.inspect(Stack.pop(pid))
IO.inspect(Stack.pop(pid))
IO.inspect(Stack.size(pid))
IO.inspect(:sys.get_state(pid))
IO.inspect(Stack.pop(pid))
IO.inspect(Stack.pop(pid))
IO.inspect(Stack.pop(pid))
IO.inspect(Stack.peek(pid))
Enum.each(1..4, &Stack.push(pid, &1 * 10))
IO.inspect(Stack.size(pid))
IO.inspect(:sys.get_state(pid))

# init's guard: a non-list does not match init/1
Process.flag(:trap_exit, true)
{:error, {:function_clause, [frame | rest]}} = Stack.start_link(:nope)
IO.inspect(frame)
IO.inspect(rest)
receive do
  {:EXIT, _, {:function_clause, _}} -> IO.puts("linked exit received")
end
