# The Stack server's callbacks called directly, with the list as state.
defmodule StackLogic do
  def init(stack) when is_list(stack), do: {:ok, stack}

  def handle_call(:pop, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:pop, _from, [head | tail]), do: {:reply, {:ok, head}, tail}
  def handle_call(:peek, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:peek, _from, [head | _tail] = stack), do: {:reply, {:ok, head}, stack}
  def handle_call(:size, _from, stack), do: {:reply, length(stack), stack}

  def handle_cast({:push, item}, stack), do: {:noreply, [item | stack]}
end

defmodule Run do
  def call(msg, state) do
    {:reply, reply, new_state} = StackLogic.handle_call(msg, :from, state)
    IO.puts("#{inspect(msg)} -> #{inspect(reply)}   state: #{inspect(state)} -> #{inspect(new_state)}")
    new_state
  end

  def cast(msg, state) do
    {:noreply, new_state} = StackLogic.handle_cast(msg, state)
    IO.puts("cast #{inspect(msg)}   state: #{inspect(state)} -> #{inspect(new_state)}")
    new_state
  end
end

{:ok, s} = StackLogic.init([1, 2, 3])
s = Run.cast({:push, 4}, s)
s = Run.call(:peek, s)
s = Run.call(:pop, s)
s = Run.call(:pop, s)
s = Run.call(:size, s)
s = Run.call(:pop, s)
s = Run.call(:pop, s)
s = Run.call(:pop, s)
s = Run.call(:peek, s)
IO.inspect(s)
try do
  StackLogic.init(:not_a_list)
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end
