# A call to one of Elixir's own functions that matches none of its clauses:
# Exception.blame lists the clauses, each argument and guard marked
# -failed- or +matched+.
calls = [
  fn -> String.upcase(1) end,
  fn -> Keyword.get(1, :a) end,
  fn -> GenServer.call({:a, 1}, :x) end,
  fn -> GenServer.call("name", :x) end,
  fn -> GenServer.cast(1, :x) end,
  fn -> List.first(1) end,
  fn -> Enum.at([1], :a) end,
  fn -> Agent.get(self(), :not_a_fun) end,
  fn -> String.length(:a) end,
  fn -> Task.async(1) end
]

for call <- calls do
  try do
    call.()
  rescue
    e ->
      {blamed, _stacktrace} = Exception.blame(:error, e, __STACKTRACE__)
      IO.puts(Exception.message(blamed))
      IO.puts("--")
  end
end
