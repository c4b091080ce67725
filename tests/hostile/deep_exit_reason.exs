# A process exits with a deep reason; its monitor receives it.
deep = Enum.reduce(1..1_000_000, :end, fn _, acc -> {acc} end)
{pid, ref} = spawn_monitor(fn -> exit(deep) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.puts(reason == deep)
end
