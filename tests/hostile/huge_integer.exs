# limit: 20
# expect: still_here
# An integer past the size limit ends with an error in that process.
{pid, ref} = spawn_monitor(fn -> Enum.reduce(1..100_000, 2, fn _, acc -> acc * acc end) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(elem(reason, 0))
end
IO.puts(:still_here)
