# The script's process waits for a message that never comes, with nothing else to run.
IO.puts(:waiting)
receive do
  :never -> :ok
after
  1000 -> IO.puts(:timeout)
end
