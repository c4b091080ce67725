# A job queue struct on :queue that implements Enumerable, Collectable,
# Inspect and String.Chars, kept as a GenServer's state: jobs are added,
# run in order, and the state shows through :sys.get_state.
defmodule JobQueue do
  defstruct q: :queue.new(), done: 0

  def new, do: %JobQueue{}
  def push(%JobQueue{q: q} = jq, job), do: %{jq | q: :queue.in(job, q)}

  def pop(%JobQueue{q: q} = jq) do
    case :queue.out(q) do
      {{:value, job}, q} -> {job, %{jq | q: q, done: jq.done + 1}}
      {:empty, _} -> {nil, jq}
    end
  end

  defimpl Enumerable do
    def reduce(%JobQueue{q: q}, acc, fun), do: Enumerable.reduce(:queue.to_list(q), acc, fun)
    def count(%JobQueue{q: q}), do: {:ok, :queue.len(q)}
    def member?(%JobQueue{q: q}, job), do: {:ok, :queue.member(job, q)}
    def slice(_jq), do: {:error, __MODULE__}
  end

  defimpl Collectable do
    def into(jq) do
      {jq,
       fn
         acc, {:cont, job} -> JobQueue.push(acc, job)
         acc, :done -> acc
         _acc, :halt -> :ok
       end}
    end
  end

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(jq, opts) do
      concat(["#JobQueue<", to_doc(Enum.to_list(jq), opts), " done: ", to_doc(jq.done, opts), ">"])
    end
  end

  defimpl String.Chars do
    def to_string(jq), do: "#{Enum.count(jq)} waiting, #{jq.done} done"
  end
end

defmodule Worker do
  use GenServer

  def start_link(jobs), do: GenServer.start_link(__MODULE__, jobs, name: __MODULE__)
  def add(job), do: GenServer.cast(__MODULE__, {:add, job})
  def run_one, do: GenServer.call(__MODULE__, :run_one)
  def status, do: GenServer.call(__MODULE__, :status)

  @impl true
  def init(jobs), do: {:ok, Enum.into(jobs, JobQueue.new())}

  @impl true
  def handle_cast({:add, job}, jq), do: {:noreply, JobQueue.push(jq, job)}

  @impl true
  def handle_call(:run_one, _from, jq) do
    {job, jq} = JobQueue.pop(jq)
    {:reply, job && job.(), jq}
  end

  def handle_call(:status, _from, jq), do: {:reply, "#{jq}", jq}
end

defmodule Main do
  def run do
    {:ok, _} = Worker.start_link([fn -> :first end, fn -> 1 + 1 end])
    Worker.add(fn -> String.upcase("third") end)
    IO.puts(Worker.status())
    IO.inspect(Worker.run_one())
    IO.inspect(:sys.get_state(Worker) |> Enum.count())
    IO.inspect(Worker.run_one())
    IO.puts(Worker.status())
    IO.inspect(Worker.run_one())
    IO.inspect(Worker.run_one())
    IO.puts(Worker.status())
    jq = Enum.into([:a, :b, :c], JobQueue.new())
    IO.inspect(jq)
    IO.inspect(Enum.map(jq, &Atom.to_string/1))
    IO.inspect(:b in jq)
    IO.puts("queue: #{jq}")
    {job, jq} = JobQueue.pop(jq)
    IO.inspect({job, jq})
    IO.inspect(for j <- jq, into: JobQueue.new(), do: {j, j})
  end
end

Main.run()
