defmodule Stack do
  @moduledoc """
  A stack (a list whose head is the top) kept by an unnamed process.

  Every client function takes the pid that `start_link/1` returned:
  `{:ok, pid} = Stack.start_link([1, 2, 3])`, then `Stack.push(pid, 4)`,
  `Stack.pop(pid)`. Several stacks can run side by side, one per pid.

  `push/2` is a cast (fire and forget); `pop/1`, `peek/1` and `size/1` are
  calls. Popping or peeking an empty stack answers `{:error, :empty}`.
  """
  use GenServer

  # ---- what callers use ----

  @doc """
  Starts a stack holding `initial_stack`, a list whose first element is
  the top. Answers `{:ok, pid}`. Anything but a list makes `init/1` fail.
  """
  def start_link(initial_stack) do
    GenServer.start_link(__MODULE__, initial_stack)
  end

  @doc "Puts `item` on top. A cast: answers `:ok` at once."
  def push(pid, item) do
    GenServer.cast(pid, {:push, item})
  end

  @doc "Takes the top item off: `{:ok, item}`, or `{:error, :empty}`."
  def pop(pid) do
    GenServer.call(pid, :pop)
  end

  @doc "Answers the top item without removing it: `{:ok, item}` or `{:error, :empty}`."
  def peek(pid) do
    GenServer.call(pid, :peek)
  end

  @doc "Answers how many items the stack holds."
  def size(pid) do
    GenServer.call(pid, :size)
  end

  # ---- what the server process runs ----

  @impl true
  def init(stack) when is_list(stack) do
    {:ok, stack}
  end

  @impl true
  def handle_call(:pop, _from, []) do
    {:reply, {:error, :empty}, []}
  end

  @impl true
  def handle_call(:pop, _from, [top | rest]) do
    {:reply, {:ok, top}, rest}
  end

  @impl true
  def handle_call(:peek, _from, []) do
    {:reply, {:error, :empty}, []}
  end

  @impl true
  def handle_call(:peek, _from, [top | _rest] = stack) do
    {:reply, {:ok, top}, stack}
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
