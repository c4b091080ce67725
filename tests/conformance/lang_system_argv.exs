IO.inspect(System.argv())
IO.inspect(length(System.argv()))
case System.argv() do
  [] -> IO.puts("no arguments")
  args -> IO.puts("got #{inspect(args)}")
end
