IO.puts("before")
{:ok, value} = {:error, :enoent}
IO.puts("after #{value}")
