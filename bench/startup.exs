# Start-up and shutdown of the runtime, with the least possible work.
IO.puts(:ok)
