# A function clause error of Elixir code genlab runs in C (String.length/1)
# carries no error_info, as it is no BIF; a BIF's failure does.
for f <- [fn -> String.length(Enum.at([1], 0)) end, fn -> String.upcase(Enum.at([1], 0)) end, fn -> String.duplicate("a", Enum.at([-1], 0)) end, fn -> String.to_integer(Enum.at(["x"], 0)) end] do
  try do f.() rescue e -> IO.inspect({e.__struct__, hd(__STACKTRACE__)}) end
end
