# expect: SystemLimitError
# A 10 GB String.duplicate ends the asking process with an error, never the program.
{pid, ref} = spawn_monitor(fn -> String.duplicate("x", 10_000_000_000) end)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(elem(reason, 0))
end
IO.puts(String.duplicate("x", 10_000_000_000) |> byte_size)
