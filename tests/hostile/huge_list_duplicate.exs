# limit: 20
# A 10,000,000,000-element list: an error or a kill, never the program.
{pid, ref} = spawn_monitor(fn -> List.duplicate(:x, 10_000_000_000) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(reason)
end
