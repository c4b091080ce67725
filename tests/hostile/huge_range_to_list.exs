# limit: 20
# expect: :killed
# Enum.to_list of a range of a billion integers ends that process only.
{pid, ref} = spawn_monitor(fn -> Enum.to_list(1..1_000_000_000) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(reason)
end
IO.puts(:still_here)
