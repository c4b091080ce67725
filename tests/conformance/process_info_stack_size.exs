# Process.info/2 answers :stack_size (its figure is the runtime's own).
{:ok, pid} = Agent.start_link(fn -> 1 end)
{:stack_size, n} = Process.info(pid, :stack_size)
IO.inspect(is_integer(n) and n > 0)
IO.inspect(Process.info(self(), [:stack_size]) |> Keyword.keys())
