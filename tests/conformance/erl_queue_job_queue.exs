# A job queue on :queue inside a GenServer: enqueue, take the oldest, peek, count.
defmodule Jobs do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def push(job), do: GenServer.cast(__MODULE__, {:push, job})
  def urgent(job), do: GenServer.cast(__MODULE__, {:urgent, job})
  def take, do: GenServer.call(__MODULE__, :take)
  def peek, do: GenServer.call(__MODULE__, :peek)
  def count, do: GenServer.call(__MODULE__, :count)

  @impl true
  def init(:ok), do: {:ok, :queue.new()}

  @impl true
  def handle_cast({:push, job}, q), do: {:noreply, :queue.in(job, q)}
  def handle_cast({:urgent, job}, q), do: {:noreply, :queue.in_r(job, q)}

  @impl true
  def handle_call(:take, _from, q) do
    case :queue.out(q) do
      {{:value, job}, q} -> {:reply, {:ok, job}, q}
      {:empty, q} -> {:reply, :empty, q}
    end
  end

  def handle_call(:peek, _from, q), do: {:reply, :queue.peek(q), q}
  def handle_call(:count, _from, q), do: {:reply, :queue.len(q), q}
end

{:ok, _} = Jobs.start_link([])
Enum.each(1..5, fn i -> Jobs.push({:job, i}) end)
Jobs.urgent({:job, 0})
IO.inspect(Jobs.count())
IO.inspect(Jobs.peek())
IO.inspect(:sys.get_state(Jobs))
for _ <- 1..7, do: IO.inspect(Jobs.take())
IO.inspect(:sys.get_state(Jobs))
