# limit: 20
# expect: :killed
# A 10,000,000,000-element list ends the process at its heap limit.
{pid, ref} = spawn_monitor(fn -> List.duplicate(:x, 10_000_000_000) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(reason)
end
