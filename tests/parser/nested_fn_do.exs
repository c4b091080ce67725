Enum.each(list, fn x ->
  if x do
    IO.puts(x)
  end
end)
Task.async(fn -> :ok end) |> Task.await()
