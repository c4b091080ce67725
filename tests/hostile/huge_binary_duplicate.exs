# flags: --max-memory 1G
# expect: :killed
# expect: was killed: out of memory (an allocation of 10000000
# expect: %SystemLimitError{message: "a system limit has been reached"}
# expect: 3
# A 10 GB String.duplicate past the memory limit (--max-memory; the BEAM,
# which has none, would take the memory or stop whole) ends the asking
# process, never the program; a size no word can count raises system_limit.
{pid, _ref} = spawn_monitor(fn -> String.duplicate("x", 10_000_000_000) end)
receive do
  {:DOWN, _, :process, ^pid, reason} -> IO.inspect(reason)
end
Process.sleep(100)
IO.inspect(try do String.duplicate("abcd", 2 ** 59) rescue e -> e end)
IO.puts(String.duplicate("x", 3) |> byte_size)
